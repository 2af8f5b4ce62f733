import Foundation
import Hummingbird
import ShortlistKit

/// The home page: what needs doing before each interview, in the order a searcher does it.
struct HomeRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/") { _, context in try home(context: context) }
    }

    private func home(context: WebContext) throws -> Response {
        let reader = try context.reader
        let today = Day(store.now)
        let vacancies = try store.searchProgress().filter { reader.reads($0.vacancy) }
            .sorted { ($0.vacancy.interviewDate?.iso ?? "9999") < ($1.vacancy.interviewDate?.iso ?? "9999") }
        let shown: [[String: Any]] = vacancies.map { progress in
            var values = VacancyView.summary(progress.vacancy, today: today)
            guard reader.readsSearchRecords else { return values }
            let active = progress.candidates.filter(\.owesSearches)
            let untold = active.filter(\.awaitsNotice)
            values["untold"] = untold.isEmpty ? nil : ["count": untold.count, "plural": untold.count != 1]
            values["todo"] = active.filter { !$0.isComplete }.map { candidate in
                CandidateView.row(candidate).merging(["items": candidate.outstandingAfterNotice]) { $1 }
            }
            values["complete"] = active.allSatisfy(\.isComplete)
            return values
        }
        var values: [String: Any] = [
            "vacancies": shown, "none": shown.isEmpty, "searcher": reader.searches, "readsSearchRecords": reader.readsSearchRecords,
        ].merging(try DecisionPanelHome.values(store: store, context: context, today: today)) { $1 }
        values["governorWork"] = try GovernorHome(store: store).values(reader)
        values["adminWork"] = try AdminHome(store: store).values(reader)
        return pages.page("home", title: "What needs doing", context: context, values: values)
    }
}

/// How vacancies and candidates appear on pages (values for the templates; no rule).
enum VacancyView {
    static func summary(_ vacancy: Vacancy, today: Day) -> [String: Any] {
        var values: [String: Any] = [
            "reference": vacancy.reference, "postTitle": vacancy.postTitle, "site": vacancy.site, "status": vacancy.status.rawValue,
            "path": path(vacancy.reference),
        ]
        if let interview = vacancy.interviewDate {
            let days = today.days(until: interview)
            values["interview"] = interview.uk
            values["when"] = days > 1 ? "in \(days) days" : days == 1 ? "tomorrow" : days == 0 ? "today" : "\(-days) days ago"
        }
        return values
    }

    /// The page of a vacancy (its reference percent-encoded as one path segment).
    static func path(_ reference: String) -> String {
        "/vacancies/" + (reference.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? reference)
    }
}

enum CandidateView {
    static func row(_ progress: CandidateProgress) -> [String: Any] {
        let reference = progress.candidate.reference
        return [
            "reference": reference.description, "number": reference.number, "name": progress.candidate.fullName,
            "path": path(reference), "told": progress.candidate.notifiedOn?.uk ?? "",
            "done": "\(progress.doneQueries)/\(progress.plannedQueries)", "complete": progress.isComplete,
            "outstanding": progress.outstanding.isEmpty ? "complete" : progress.outstanding.joined(separator: "; "),
            "notes": progress.notes.joined(separator: "; "),
        ]
    }

    static func path(_ reference: CandidateReference) -> String {
        VacancyView.path(reference.vacancy) + "/candidates/\(reference.number)"
    }
}
