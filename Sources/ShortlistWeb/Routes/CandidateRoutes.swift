import Foundation
import Hummingbird
import ShortlistKit

/// A candidate's search plan as a checklist, logging searches (one click, or the short form with
/// addresses, note and evidence), and the finding form.
struct CandidateRoutes {
    let store: Store
    let pages: Pages

    static let base = "/vacancies/{ref}/candidates/{number}"

    func add(to router: Router<WebContext>) {
        router.get(RouterPath(Self.base)) { request, context in
            try plan(context: context, notice: request.uri.queryParameters.get("saved").map { "Saved \($0)." })
        }
        router.post(RouterPath(Self.base + "/public-only")) { _, context in try confirmPublicOnly(context: context) }
        router.post(RouterPath(Self.base + "/log")) { _, context in try log(context: context) }
        router.get(RouterPath(Self.base + "/log/{query}")) { _, context in try logForm(context: context, errors: [], typed: nil) }
        router.get(RouterPath(Self.base + "/findings/new")) { request, context in
            try findingForm(context: context, entry: request.uri.queryParameters.get("entry") ?? "", errors: [])
        }
        router.post(RouterPath(Self.base + "/findings")) { _, context in try addFinding(context: context) }
    }

    /// The candidate a path names, once the reader may see their search records.
    private func candidate(_ context: WebContext) throws -> (vacancy: Vacancy, progress: CandidateProgress) {
        let vacancy = try VacancyRoutes.vacancy(store, context: context)
        guard try context.reader.readsSearchRecords else { throw WebRefusal.forbidden("see candidates' search records") }
        guard let number = context.parameters.get("number").flatMap(Int.init) else { throw WebRefusal.notFound }
        return try store.searchProgress(candidate: CandidateReference(vacancy: vacancy.reference, number: number))
    }

    private func plan(context: WebContext, notice: String? = nil, errors: [FormError] = [],
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let (vacancy, progress) = try candidate(context)
        let reader = try context.reader
        let today = Day(store.now)
        var values = PlanView.values(vacancy: vacancy, progress: progress, today: today)
        values.merge(FormError.values(errors)) { $1 }
        values["notice"] = notice
        values["searcher"] = reader.searches
        values["confirmed"] = context.session?.publicOnlyConfirmed == true
        values["rules"] = publicOnlyRules
        values["readsFindings"] = reader.readsFindings
        if reader.readsFindings {
            let staff = try context.staff.name
            values["findings"] = try store.findings(candidate: progress.candidate.reference, shownTo: staff).map { item in
                ["reference": item.finding.reference.description, "summary": item.finding.current.summary,
                 "status": item.finding.status(interviewDate: item.interviewDate, today: today).rawValue]
            }
        }
        return pages.page("plan", title: "Search plan for \(progress.candidate.reference)", context: context, values: values, status: status)
    }

    private func confirmPublicOnly(context: WebContext) throws -> Response {
        try VacancyRoutes.requireSearcher(context)
        let (_, progress) = try candidate(context)
        guard context.form.ticked("confirm") else {
            return try plan(context: context, errors: [FormError(field: "confirm", message: "Tick the box to confirm the rules.")], status: .badRequest)
        }
        if let token = context.sessionToken { try store.confirmPublicOnly(token: token) }
        return .redirect(to: CandidateView.path(progress.candidate.reference))
    }

    private static let logFields = ["--note": "note", "--override": "override", "--at": "at", "--address": "addresses", "--outcome": "outcome"]

    /// Logs one search; from the short form (`full`), errors show it again with what was typed.
    private func log(context: WebContext) throws -> Response {
        try VacancyRoutes.requireSearcher(context)
        let (_, progress) = try candidate(context)
        let form = context.form
        let full = form["form"] == "full"
        let fail: ([FormError]) throws -> Response = { errors in
            full ? try logForm(context: context, errors: errors, typed: form) : try plan(context: context, errors: errors, status: .badRequest)
        }
        guard context.session?.publicOnlyConfirmed == true else {
            return try fail([FormError(field: "confirm", message: "First confirm, for this session, that you view \(publicOnlyRules).")])
        }
        do {
            var request = SearchLogRequest(candidate: progress.candidate.reference, query: form["query"],
                                           outcome: try SearchOutcome.parse(form["outcome"]), confirmedPublicOnly: true)
            request.addresses = form.lines("addresses")
            request.note = form["note"]
            request.overrideReason = form["override"].isEmpty ? nil : form["override"]
            let actor = try context.staff.name
            let evidence = form.uploads("evidence")
            let logged = try Upload.withTemporaryFiles(evidence) { paths in
                request.evidenceFiles = paths
                return try store.logSearch(request, by: actor)
            }
            let path = CandidateView.path(progress.candidate.reference)
            if logged.entry.outcome == .findings { return .redirect(to: path + "/findings/new?entry=\(logged.entry.id)") }
            return .redirect(to: path + "?saved=\(logged.address)")
        } catch let error as ShortlistError {
            var errors = FormError.list(error, fields: Self.logFields)
            if error.message.contains("--override") {
                errors.append(full ? FormError(field: "override", message: "To go ahead anyway, give the reason here: it is recorded and appears in audits.")
                    : FormError(field: nil, message: "To go ahead anyway, choose \"Other outcome\" for the query and give the reason on the form."))
            }
            return try fail(errors)
        } catch let failure as Upload.Failure {
            return try fail([FormError(field: "evidence", message: failure.message)])
        }
    }

    /// The short form for one query: any outcome, addresses reviewed, a note, evidence files, an override.
    private func logForm(context: WebContext, errors: [FormError], typed: WebForm?) throws -> Response {
        try VacancyRoutes.requireSearcher(context)
        let (vacancy, progress) = try candidate(context)
        let address = typed?["query"] ?? context.parameters.get("query") ?? ""
        guard let query = progress.steps.flatMap(\.queries).first(where: { $0.address == address }) else { throw WebRefusal.notFound }
        var values = FormError.values(errors)
        let chosen = typed?["outcome"] ?? ""
        values["form"] = typed?.typed ?? [:]
        values["query"] = ["address": query.address, "text": query.query, "link": query.link(since: vacancy.lookBackStart(on: Day(store.now)))]
        values["candidate"] = ["reference": progress.candidate.reference.description, "name": progress.candidate.fullName,
                               "path": CandidateView.path(progress.candidate.reference)]
        values["outcomes"] = SearchOutcome.allCases.map { ["value": $0.rawValue, "label": $0.meaning, "checked": $0.rawValue == chosen] }
        values["confirmed"] = context.session?.publicOnlyConfirmed == true
        values["rules"] = publicOnlyRules
        return pages.page("log", title: "Record \(query.address) for \(progress.candidate.reference)", context: context, values: values,
                          status: errors.isEmpty ? .ok : .badRequest)
    }

    private static let findingFields = ["--summary": "summary", "--category": "category", "--identity": "identity",
                                        "--identity-basis": "identityBasis", "--relevance": "relevance", "--content-date": "contentDate",
                                        "--entry": "entry", "--sources": "sources"]

    private func findingForm(context: WebContext, entry: String, errors: [FormError]) throws -> Response {
        try VacancyRoutes.requireSearcher(context)
        let (_, progress) = try candidate(context)
        var values = FormError.values(errors)
        let typed = context.form.typed
        values["form"] = typed
        values["entry"] = entry
        values["candidate"] = ["reference": progress.candidate.reference.description, "name": progress.candidate.fullName,
                               "path": CandidateView.path(progress.candidate.reference)]
        values["categories"] = try store.findingCategories().map { ["key": $0.key, "label": $0.label, "selected": $0.key == typed["category"]] }
        values["identities"] = IdentityConfidence.allCases.map { ["value": $0.rawValue, "checked": $0.rawValue == typed["identity"]] }
        values["protected"] = context.form.ticked("protected")
        return pages.page("finding", title: "Record a finding for \(progress.candidate.reference)", context: context, values: values,
                          status: errors.isEmpty ? .ok : .badRequest)
    }

    private func addFinding(context: WebContext) throws -> Response {
        try VacancyRoutes.requireSearcher(context)
        let (_, progress) = try candidate(context)
        let form = context.form
        do {
            guard let entry = Int64(form["entry"]) else {
                throw ShortlistError.invalidValue(field: "--entry", value: form["entry"], expected: "the search entry the finding came from")
            }
            let identity = try IdentityConfidence(rawValue: form["identity"]).orThrow(
                .invalidValue(field: "--identity", value: form["identity"], expected: "how it is tied to the candidate: confirmed, probable or unverified"))
            var draft = FindingDraft(entries: [entry], summary: form["summary"], identity: identity)
            draft.sources = form.lines("sources")
            draft.contentDate = try VacancyRoutes.day(form["contentDate"], "--content-date")
            draft.category = form["category"].isEmpty ? nil : form["category"]
            draft.protectedCharacteristic = form.ticked("protected")
            draft.identityBasis = form["identityBasis"]
            draft.relevance = form["relevance"]
            let finding = try store.addFinding(to: progress.candidate.reference, draft, by: try context.staff.name)
            return .redirect(to: CandidateView.path(progress.candidate.reference) + "?saved=\(finding.reference)")
        } catch let error as ShortlistError {
            return try findingForm(context: context, entry: form["entry"], errors: FormError.list(error, fields: Self.findingFields))
        }
    }
}

extension Optional {
    /// The value, or `error` thrown.
    func orThrow(_ error: ShortlistError) throws(ShortlistError) -> Wrapped {
        guard let self else { throw error }
        return self
    }
}

/// The values of a candidate's plan page.
enum PlanView {
    static func values(vacancy: Vacancy, progress: CandidateProgress, today: Day) -> [String: Any] {
        let since = vacancy.lookBackStart(on: today)
        let path = CandidateView.path(progress.candidate.reference)
        var values: [String: Any] = [
            "candidate": CandidateView.row(progress), "vacancy": VacancyView.summary(vacancy, today: today),
            "scope": "\(progress.protocolTitle); look back \(vacancy.lookBackYears) years (to \(since.uk))",
            "told": progress.candidate.notifiedOn != nil,
        ]
        values["steps"] = progress.steps.enumerated().map { index, step in
            [
                "number": index + 1, "key": step.step.key, "label": step.step.label, "notApplicable": step.notApplicable,
                "queries": zip(step.queries, step.entries).map { query, entry in
                    var values: [String: Any] = [
                        "address": query.address, "text": query.query, "link": query.link(since: since),
                        "done": entry != nil, "logPath": path + "/log/" + query.address,
                        "status": entry.map { "\($0.outcome.meaning), \(Timestamp.uk(iso: $0.searchedAt)) by \($0.searcher)" + ($0.late ? " (late)" : "") } ?? "to do",
                    ]
                    // Only set when there is one: an empty text would still open a Mustache section.
                    if let entry, entry.findingsToRecord { values["findingPath"] = path + "/findings/new?entry=\(entry.id)" }
                    return values
                },
            ] as [String: Any]
        }
        return values
    }
}
