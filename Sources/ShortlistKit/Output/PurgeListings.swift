import Foundation

extension Listing {
    /// What is due for purge.
    public static func purgePlan(_ plan: PurgePlan) -> Listing {
        Listing(columns: [
            Column("candidate", "Candidate"), Column("outcome", "Outcome"), Column("closed_on", "Vacancy closed"),
            Column("due_on", "Due"), Column("action", "Action"),
        ], rows: plan.due.map { item in
            [.text(item.candidate.description), .text(item.outcome.rawValue), .date(item.closedOn), .date(item.dueOn),
             .text(item.action == .remove ? "remove personal data" : "reduce the search record to one line")]
        })
    }
}
