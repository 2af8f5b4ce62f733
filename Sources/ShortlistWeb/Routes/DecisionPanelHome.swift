import Foundation
import ShortlistKit

/// The recruiting manager's and the panel's sections of the home page (`home-decisions`, `home-panel`):
/// each lists only its own role's work, and only what that role may open.
enum DecisionPanelHome {
    static func values(store: Store, context: WebContext, today: Day) throws -> [String: Any] {
        let reader = try context.reader
        var values: [String: Any] = [:]
        if reader.decides { values["decisions"] = try decisions(store: store, reader: reader) }
        if reader.sitsOnPanels { values["panels"] = try panels(store: store, reader: reader) }
        return values
    }

    /// The findings awaiting the recruiting manager: a decision, or the follow-up of a concern.
    static func decisions(store: Store, reader: WebReader) throws -> [String: Any] {
        let reviews = try store.findingReviews(status: nil, shownTo: reader.staff.name)
            .filter { reader.reads($0.vacancy) && !$0.vacancy.status.isFinal }
        let item: (FindingReview) -> [String: Any] = { review in
            ["reference": review.finding.reference.description, "path": FindingView.path(review.finding.reference),
             "candidate": review.candidateName, "vacancy": review.vacancy.reference, "summary": review.finding.current.summary]
        }
        let awaiting = reviews.filter { $0.status == .awaitingDecision }.map(item)
        let followUps = reviews.filter { $0.status == .awaitingFollowUp }.map(item)
        return ["awaiting": awaiting, "followUps": followUps, "count": awaiting.count, "plural": awaiting.count != 1,
                "hasAwaiting": !awaiting.isEmpty, "hasFollowUps": !followUps.isEmpty, "nothing": awaiting.isEmpty && followUps.isEmpty]
    }

    /// The vacancies still recruiting whose panel the reader sits on, soonest interview first, each with
    /// its candidates and what to ask them.
    static func panels(store: Store, reader: WebReader) throws -> [String: Any] {
        let panels = try store.vacancies().filter { reader.sitsOnPanel(of: $0) && !$0.status.isFinal }
            .sorted { ($0.interviewDate?.iso ?? "9999") < ($1.interviewDate?.iso ?? "9999") }
        let shown = try panels.map { PanelView.values(try store.panelVacancy($0.reference, by: reader.staff.name)) }
        return ["vacancies": shown, "none": shown.isEmpty]
    }
}
