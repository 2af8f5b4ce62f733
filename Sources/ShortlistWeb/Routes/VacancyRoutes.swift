import Foundation
import Hummingbird
import ShortlistKit

/// Vacancies: the list, adding one, a vacancy's status grid, its shortlist upload, adding one
/// candidate, and recording that candidates were told.
struct VacancyRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/vacancies") { _, context in try list(context: context) }
        router.get("/vacancies/new") { _, context in try newForm(context: context, errors: []) }
        router.post("/vacancies") { _, context in try addVacancy(context: context) }
        router.get("/vacancies/{ref}") { _, context in try show(context: context) }
        router.get("/vacancies/{ref}/edit") { _, context in try editForm(context: context, errors: []) }
        router.post("/vacancies/{ref}/edit") { _, context in try updateVacancy(context: context) }
        router.post("/vacancies/{ref}/import") { _, context in try importShortlist(context: context) }
        router.post("/vacancies/{ref}/candidates") { _, context in try addCandidate(context: context) }
        router.post("/vacancies/{ref}/notify") { _, context in try notify(context: context) }
    }

    /// The vacancy a path names, once the reader may open it.
    static func vacancy(_ store: Store, context: WebContext) throws -> Vacancy {
        let reference = context.parameters.get("ref") ?? ""
        let vacancy = try store.vacancy(reference)
        guard try context.reader.reads(vacancy) else { throw WebRefusal.notFound }
        return vacancy
    }

    /// Refuses the request unless the reader makes the searcher's changes.
    static func requireSearcher(_ context: WebContext) throws {
        guard try context.reader.searches else { throw WebRefusal.forbidden("make this change") }
    }

    private func list(context: WebContext) throws -> Response {
        let reader = try context.reader
        let today = Day(store.now)
        let vacancies = try store.vacancies().filter(reader.reads).map { VacancyView.summary($0, today: today) }
        return pages.page("vacancies", title: "Vacancies", context: context,
                          values: ["vacancies": vacancies, "searcher": reader.searches, "none": vacancies.isEmpty])
    }

    private static let vacancyFields = ["vacancy reference": "reference", "reference": "reference", "--title": "title",
                                        "--closing": "closing", "--interview": "interview", "--shortlisting": "shortlisting",
                                        "--look-back": "lookBack", "--panel": "panel", "--protocol": "protocol", "--kcsie": "kcsie"]

    private func newForm(context: WebContext, errors: [FormError], status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.requireSearcher(context)
        var values = FormError.values(errors)
        values["form"] = context.form.typed
        values["action"] = "/vacancies"
        values["button"] = "Add the vacancy"
        return pages.page("vacancy-new", title: "Add a vacancy", context: context, values: values, status: status)
    }

    private func addVacancy(context: WebContext) throws -> Response {
        try Self.requireSearcher(context)
        let form = context.form
        do {
            var draft = VacancyDraft(reference: form["reference"], postTitle: form["title"])
            draft.site = form["site"]
            draft.closingDate = try Self.day(form["closing"], "--closing")
            draft.interviewDate = try Self.day(form["interview"], "--interview")
            draft.panel = Self.names(form["panel"])
            let vacancy = try store.addVacancy(draft, by: try context.staff.name)
            return .redirect(to: VacancyView.path(vacancy.reference))
        } catch let error as ShortlistError {
            return try newForm(context: context, errors: FormError.list(error, fields: Self.vacancyFields), status: .badRequest)
        }
    }

    /// The vacancy's details as a form: what was typed when it comes back with errors, else the record's values.
    private func editForm(context: WebContext, errors: [FormError], status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.requireSearcher(context)
        let vacancy = try Self.vacancy(store, context: context)
        var values = FormError.values(errors)
        values["form"] = errors.isEmpty ? [
            "title": vacancy.postTitle, "site": vacancy.site, "closing": vacancy.closingDate?.uk ?? "",
            "interview": vacancy.interviewDate?.uk ?? "", "panel": vacancy.panel.joined(separator: ", "),
        ] : context.form.typed
        values["editing"] = true
        values["action"] = VacancyView.path(vacancy.reference) + "/edit"
        values["button"] = "Save the changes"
        return pages.page("vacancy-new", title: "Change \(vacancy.reference)", context: context, values: values, status: status)
    }

    /// Changes what differs from the record (dates left blank are left as they are); the old values stay in the audit trail.
    private func updateVacancy(context: WebContext) throws -> Response {
        try Self.requireSearcher(context)
        let vacancy = try Self.vacancy(store, context: context)
        let form = context.form
        do {
            var changes = VacancyChanges()
            if form["title"] != vacancy.postTitle { changes.postTitle = form["title"] }
            if form["site"] != vacancy.site { changes.site = form["site"] }
            changes.closingDate = try Self.day(form["closing"], "--closing").flatMap { $0 == vacancy.closingDate ? nil : $0 }
            changes.interviewDate = try Self.day(form["interview"], "--interview").flatMap { $0 == vacancy.interviewDate ? nil : $0 }
            let panel = Self.names(form["panel"])
            changes.addPanel = panel.filter { !vacancy.panel.contains($0) }
            changes.removePanel = vacancy.panel.filter { !panel.contains($0) }
            try store.updateVacancy(vacancy.reference, changes, by: try context.staff.name)
            return try show(context: context, notice: "Saved the changes to \(vacancy.reference).")
        } catch let error as ShortlistError {
            return try editForm(context: context, errors: FormError.list(error, fields: Self.vacancyFields), status: .badRequest)
        }
    }

    /// The names in a comma-separated field (the panel), trimmed, blanks left out.
    static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func day(_ text: String, _ field: String) throws(ShortlistError) -> Day? {
        text.isEmpty ? nil : try Day.parse(text, field: field)
    }

    /// The vacancy's page: its status grid and the searcher's forms, with the outcome of the last one.
    private func show(context: WebContext, notice: String? = nil, errors: [FormError] = [],
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let vacancy = try Self.vacancy(store, context: context)
        let reader = try context.reader
        guard reader.readsSearchRecords else { throw WebRefusal.forbidden("see the search records of this vacancy") }
        let progress = try store.searchProgress(vacancy: vacancy.reference)[0]
        var values = StatusGrid.values(progress, today: Day(store.now))
        values.merge(FormError.values(errors)) { $1 }
        values["notice"] = notice
        values["searcher"] = reader.searches
        values["form"] = context.form.typed
        values["means"] = NotificationMeans.allCases.map { ["value": $0.rawValue, "selected": $0 == .email] }
        return pages.page("vacancy", title: "\(vacancy.reference): \(vacancy.postTitle)", context: context, values: values, status: status)
    }

    private func importShortlist(context: WebContext) throws -> Response {
        try Self.requireSearcher(context)
        let vacancy = try Self.vacancy(store, context: context)
        guard let upload = context.form.uploads("shortlist").first else {
            return try show(context: context, errors: [FormError(field: "shortlist", message: "Choose the shortlist file (CSV or .xlsx).")], status: .badRequest)
        }
        do {
            let actor = try context.staff.name
            let summary = try Upload.withTemporaryFiles([upload]) { paths in
                try store.importCandidates(to: vacancy.reference, file: paths[0], options: ImportOptions(), by: actor)
            }
            let skipped = summary.skipped.isEmpty ? "" : " Skipped \(summary.skipped.count) already imported."
            let notes = summary.notes.isEmpty ? "" : " " + summary.notes.joined(separator: " ")
            return try show(context: context, notice: "Imported \(summary.added.count) candidate\(summary.added.count == 1 ? "" : "s") from \(upload.name).\(skipped)\(notes)")
        } catch let failure as Upload.Failure {
            return try show(context: context, errors: [FormError(field: "shortlist", message: failure.message)], status: .badRequest)
        }
    }

    private static let candidateFields = ["--name": "name", "name": "name", "--town": "town", "--email": "email", "--employer": "employer"]

    private func addCandidate(context: WebContext) throws -> Response {
        try Self.requireSearcher(context)
        let vacancy = try Self.vacancy(store, context: context)
        let form = context.form
        do {
            var draft = CandidateDraft(fullName: form["name"])
            draft.town = form["town"]
            draft.currentEmployer = form["employer"]
            draft.email = form["email"]
            let added = try store.addCandidate(to: vacancy.reference, draft, by: try context.staff.name)
            return try show(context: context, notice: "Added \(added.reference).")
        } catch let error as ShortlistError {
            return try show(context: context, errors: FormError.list(error, fields: Self.candidateFields), status: .badRequest)
        }
    }

    /// Records, in one transaction, that each ticked candidate was told on the date given and how.
    private func notify(context: WebContext) throws -> Response {
        try Self.requireSearcher(context)
        let vacancy = try Self.vacancy(store, context: context)
        let form = context.form
        let numbers = form.all("candidate").compactMap(Int.init)
        guard !numbers.isEmpty else {
            return try show(context: context, errors: [FormError(field: "candidate", message: "Tick the candidates who were told.")], status: .badRequest)
        }
        do {
            let on = try Self.day(form["on"], "--on")
            let means = try NotificationMeans.parse(form["via"])

            let actor = try context.staff.name
            try store.batch { batch in
                for number in numbers {
                    try batch.notifyCandidate(CandidateReference(vacancy: vacancy.reference, number: number), on: on, via: means, by: actor)
                }
            }
            let list = numbers.map { "\(vacancy.reference)/\($0)" }.joined(separator: ", ")
            return try show(context: context, notice: "Recorded that \(list) \(numbers.count == 1 ? "was" : "were") told.")
        } catch let error as ShortlistError {
            return try show(context: context, errors: FormError.list(error, fields: ["--on": "on", "--via": "via"]), status: .badRequest)
        }
    }
}
