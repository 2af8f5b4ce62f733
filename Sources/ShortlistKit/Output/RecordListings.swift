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

    /// Search entries with their state in the history.
    public static func searchEntries(_ entries: [SearchEntry]) -> Listing {
        Listing(columns: [
            Column("entry", "Entry"), Column("candidate", "Candidate"), Column("step", "Step"), Column("state", "State"),
            Column("searched_at", "Searched"), Column("searcher", "Searcher"), Column("outcome", "Outcome"),
            Column("query", "Query"), Column("query_changed", "Changed"), Column("planned_query", "Planned query"),
            Column("addresses", "Addresses"), Column("note", "Note"), Column("late", "Late"),
            Column("overrides", "Overrides"), Column("evidence", "Evidence"), Column("withdrawn_reason", "Withdrawn because"),
            Column("protocol", "Protocol"),
        ], rows: entries.map { e in
            [.number(Int(e.id)), .text(e.candidate.description), .text(e.stepKey), .text(e.state.rawValue), .instant(e.searchedAt),
             .text(e.searcher), .text(e.outcome.rawValue), .text(e.query), .flag(e.queryChanged), .text(e.plannedQuery),
             .list(e.addresses), .text(e.note), .flag(e.late), .list(e.overrides.map { "\($0.rule.rawValue): \($0.reason)" }),
             .list(e.evidence.map { "\($0.name) (sha256 \($0.sha256))" }), .optional(e.withdrawnReason), .text(e.protocolTitle)]
        })
    }

    /// Protocol versions.
    public static func protocols(_ protocols: [SearchProtocol]) -> Listing {
        Listing(columns: [Column("name", "Name"), Column("version", "Version"), Column("steps", "Steps"),
                          Column("created", "Created"), Column("description", "Description")],
                rows: protocols.map { [.text($0.name), .number($0.version), .list($0.steps.map(\.key)),
                                       .instant($0.createdAt), .text($0.description)] })
    }

    /// The steps of one protocol.
    public static func protocolSteps(_ searchProtocol: SearchProtocol) -> Listing {
        Listing(columns: [Column("position", "#"), Column("key", "Step"), Column("label", "Label"), Column("kind", "Kind"),
                          Column("queries", "Queries"), Column("link", "Link")],
                rows: searchProtocol.steps.enumerated().map { index, step in
                    [.number(index + 1), .text(step.key), .text(step.label), .text(step.kind.rawValue), .list(step.queries), .text(step.link)]
                })
    }

    /// The evidence files of entries, each checked against its recorded hash.
    public static func evidence(_ checks: [EvidenceCheck]) -> Listing {
        Listing(columns: [Column("entry", "Entry"), Column("step", "Step"), Column("file", "File"), Column("check", "Check"),
                          Column("sha256", "SHA-256"), Column("size", "Bytes")],
                rows: checks.map { [.number(Int($0.entry)), .text($0.step), .text($0.name), .text($0.check.rawValue),
                                    .text($0.sha256), .number($0.size)] })
    }

    /// Findings at their current version, with their status.
    public static func findings(_ findings: [(finding: Finding, interviewDate: Day?)], today: Day) -> Listing {
        Listing(columns: [
            Column("reference", "Finding"), Column("status", "Status"), Column("category", "Category"),
            Column("identity", "Identity"), Column("content_date", "Content date"), Column("summary", "Summary"),
            Column("question", "Question"), Column("version", "Version"),
        ], rows: findings.map { item in
            let f = item.finding.current
            return [.text(item.finding.reference.description), .text(item.finding.status(interviewDate: item.interviewDate, today: today).rawValue),
                    .optional(f.protectedCharacteristic ? "protected characteristic" : f.category), .text(f.identity.rawValue),
                    .date(f.contentDate), .text(f.summary), .optional(f.question), .number(f.version)]
        })
    }

    /// Versions of one finding, oldest first (only the last with `current`).
    public static func findingVersions(_ finding: Finding, today: Day) -> Listing {
        Listing(columns: [
            Column("reference", "Finding"), Column("version", "Version"), Column("action", "Action"),
            Column("recorded_at", "Recorded"), Column("recorded_by", "By"), Column("entries", "From entries"),
            Column("summary", "Summary"), Column("sources", "Sources"), Column("content_date", "Content date"),
            Column("content_age", "Age"), Column("protected_characteristic", "Protected characteristic"),
            Column("category", "Category"), Column("identity", "Identity"), Column("identity_basis", "Identity basis"),
            Column("relevance", "Relevance"), Column("decision", "Decision"), Column("decision_reason", "Decision reason"),
            Column("identity_question", "Identity question"), Column("question", "Question"), Column("decided_by", "Decided by"),
            Column("decided_at", "Decided"), Column("response", "Response"), Column("response_by", "Response recorded by"),
            Column("response_at", "Response recorded"), Column("conclusion", "Conclusion"), Column("conclusion_detail", "Conclusion detail"),
            Column("follow_up", "Follow-up"), Column("correction_reason", "Correction reason"),
        ], rows: finding.versions.map { v in
            [.text(finding.reference.description), .number(v.version), .text(v.action), .instant(v.recordedAt), .text(v.recordedBy),
             .list(finding.entries.map(String.init)), .text(v.summary), .list(v.sources), .date(v.contentDate),
             .optional(v.contentDate?.age(at: today)), .flag(v.protectedCharacteristic), .optional(v.category),
             .text(v.identity.rawValue), .optional(v.identityBasis), .optional(v.relevance), .optional(v.decision?.rawValue),
             .optional(v.decisionReason), .optional(v.identityQuestion), .optional(v.question), .optional(v.decidedBy),
             v.decidedAt.map { .instant($0) } ?? .none, .optional(v.response), .optional(v.responseBy),
             v.responseAt.map { .instant($0) } ?? .none, .optional(v.conclusion?.rawValue), .optional(v.conclusionDetail),
             .optional(v.followUp), .optional(v.correctionReason)]
        })
    }

    /// The school's finding categories.
    public static func findingCategories(_ categories: [FindingCategory]) -> Listing {
        Listing(columns: [Column("key", "Key"), Column("label", "Category"), Column("built_in", "Built in")],
                rows: categories.map { [.text($0.key), .text($0.label), .flag($0.builtIn)] })
    }
}

extension Listing {
    /// Appointees' single central record lines, under the column names a model SCR spreadsheet uses.
    public static func singleCentralRecord(_ lines: [SingleCentralRecordLine]) -> Listing {
        Listing(columns: SingleCentralRecordLine.columns.map { Column($0, $0) }, rows: lines.map { $0.cells.map(Field.text) })
    }
}
