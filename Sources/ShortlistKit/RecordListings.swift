import Foundation

/// Listings of the foundation's records, shared by the `list` and `show` commands.
extension Listing {
    /// Staff members and their roles.
    public static func staff(_ members: [StaffMember]) -> Listing {
        Listing(columns: [Column("name", "Name"), Column("roles", "Roles"), Column("added", "Added")],
                rows: members.map { [.text($0.name), .list($0.roles.map(\.rawValue)), .instant($0.createdAt)] })
    }

    /// Vacancies, one row each.
    public static func vacancies(_ vacancies: [Vacancy]) -> Listing {
        Listing(columns: [
            Column("reference", "Reference"), Column("post_title", "Post"), Column("site", "Site"),
            Column("kcsie_edition", "KCSIE"), Column("closing_date", "Closing"),
            Column("shortlisting_date", "Shortlisting"), Column("interview_date", "Interview"),
            Column("status", "Status"), Column("panel", "Panel"), Column("appointed", "Appointed"),
            Column("closed_on", "Closed"),
        ], rows: vacancies.map { v in
            [.text(v.reference), .text(v.postTitle), .text(v.site), .text(v.kcsieEdition), .date(v.closingDate),
             .date(v.shortlistingDate), .date(v.interviewDate), .text(v.status.rawValue), .list(v.panel),
             .optional(v.appointedNumber.map { "\(v.reference)/\($0)" }), .date(v.closedOn)]
        })
    }

    /// Candidates, one row each.
    public static func candidates(_ candidates: [Candidate]) -> Listing {
        Listing(columns: [
            Column("reference", "Reference"), Column("full_name", "Name"), Column("other_names", "Other names"),
            Column("town", "Town"), Column("current_employer", "Employer"),
            Column("previous_employers", "Previous employers"), Column("email", "Email"),
            Column("shortlisted_on", "Shortlisted"), Column("notified_on", "Told of searches"),
            Column("notified_via", "Told via"), Column("outcome", "Outcome"), Column("outcome_on", "Outcome on"),
        ], rows: candidates.map { c in
            [.text(c.reference.description), .text(c.fullName), .list(c.otherNames), .text(c.town),
             .text(c.currentEmployer), .list(c.previousEmployers), .text(c.email), .date(c.shortlistedOn),
             .date(c.notifiedOn), .optional(c.notifiedVia?.rawValue), .text(c.outcome.rawValue), .date(c.outcomeOn)]
        })
    }
}
