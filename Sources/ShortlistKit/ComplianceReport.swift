import Foundation
import GRDB

/// The governors' safer-recruitment report: for each vacancy, whether the online-search process
/// was followed for every candidate, fairly, completely and in time. It names candidates by
/// reference only and never quotes a finding.
public struct ComplianceReport: Encodable, Sendable {
    /// One thing that departed from the process.
    public struct Exception: Encodable, Sendable {
        public var vacancy: String
        public var candidate: String
        public var kind: String
        public var detail: String
    }

    public struct KindCount: Encodable, Sendable {
        public var kind: String
        public var label: String
        public var count: Int
    }

    public struct Count: Encodable, Sendable {
        public var label: String
        public var count: Int
    }

    public struct CandidateLine: Encodable, Sendable {
        public var reference: String
        public var outcome: String
        public var told_on: String
        /// The same date in ISO form, for CSV and JSON; nil when not told.
        public var told_on_iso: String?
        /// `yes`, `NO`, or `not searched yet`.
        public var told_before_first_search: String
        public var searches: String
        /// The counts behind `searches`, for a spreadsheet to total.
        public var searches_done: Int
        public var searches_planned: Int
        public var complete_before_interview: Bool
        public var late: Int
        public var missing: String
        public var compliant: Bool
    }

    public struct PanelSearch: Encodable, Sendable {
        public var candidate: String
        public var entry: Int64
        public var searcher: String
        public var date: String
    }

    public struct Override: Encodable, Sendable {
        public var candidate: String
        public var entry: Int64
        public var rule: String
        public var reason: String
        public var by: String
        public var date: String
    }

    public struct Document: Encodable, Sendable {
        public var kind: String
        public var by: String
        public var count: Int
        public var last: String
    }

    public struct VacancySection: Encodable, Sendable {
        public var reference: String
        public var post_title: String
        public var status: String
        public var interview_date: String
        public var kcsie_edition: String
        public var search_decision: String
        public var search_decision_reason: String
        public var has_decision_reason: Bool
        public var protocol_name: String
        public var same_steps_for_all: Bool
        public var candidates: [CandidateLine]
        public var shortlisted: Int
        public var compliant: Int
        public var panel_searches: [PanelSearch]
        public var has_panel_searches: Bool
        public var overrides: [Override]
        public var has_overrides: Bool
        public var findings_total: Int
        public var findings_by_category: [Count]
        public var findings_by_decision: [Count]
        public var has_findings: Bool
        public var raised_answered: String?
        public var raised_open: String?
        public var has_raised: Bool
        public var documents: [Document]
        public var has_documents: Bool
        public var retention: String
    }

    public var title: String
    public var period: String
    public var vacancies_count: Int
    public var candidates_count: Int
    public var compliant_count: Int
    public var compliant_share: String
    public var exception_kinds: [KindCount]
    public var exceptions: [Exception]
    public var has_exceptions: Bool
    public var vacancies: [VacancySection]
    public var generated_at: String
    public var generated_by: String
    /// The head of the audit trail when the report was made, for the governors to minute.
    public var audit_seq: Int64
    public var audit_hash: String
    /// The head's first 12 characters in groups of four, as `audit verify` prints it.
    public var audit_fingerprint: String
}

/// The scope of a report: one vacancy, or the vacancies interviewing in a period (by interview
/// date, or by the date the vacancy was added when it has none).
public enum ReportScope: Sendable {
    case vacancy(String)
    case period(from: Day, to: Day)
}

/// The kinds of exception, in the order the report lists them.
let exceptionKinds: [(kind: String, label: String)] = [
    ("not-told", "Searched without having been told first"),
    ("not-all-searched", "Not every shortlisted candidate searched (decision and reason)"),
    ("different-steps", "Candidates of one vacancy searched with different protocols"),
    ("incomplete", "Searches missing"),
    ("could-not-complete", "Searches that could not be completed"),
    ("unrecorded-finding", "Searches logged with findings but no finding recorded"),
    ("late", "Searches after the interview date"),
    ("panel-searcher", "Searches by a member of the interview panel"),
    ("override", "Rules overridden"),
    ("undecided-finding", "Findings awaiting a decision"),
    ("unanswered-finding", "Raised findings without a response after the interview"),
    ("awaiting-follow-up", "Further checks or a remaining concern with no follow-up recorded"),
    ("protected-mark-removed", "Findings whose protected-characteristic mark was removed"),
    ("purge-overdue", "Personal data past its retention date"),
]

extension Store {
    private static let reportRoles: [StaffRole] = [.governor, .admin, .recruitingManager, .searcher]

    /// Builds the report and records who produced it. The Markdown form renders from the `report` template.
    public func complianceReport(_ scope: ReportScope, by actor: String?) throws(ShortlistError) -> ComplianceReport {
        try producedReport(scope, by: actor) { $0 }
    }

    /// Builds the report in one read transaction, makes what is wanted of it (`make` holds no lock), and
    /// only then records it in a short write: if `make` fails, nothing is recorded.
    private func producedReport<T>(_ scope: ReportScope, by actor: String?,
                                   _ make: (ComplianceReport) throws(ShortlistError) -> T) throws(ShortlistError) -> T {
        if case let .period(from, to) = scope, from > to {
            throw .invalidValue(field: "--from", value: from.iso, expected: "a date no later than --to (\(to.uk)): the period runs from --from to --to")
        }
        let report = try read(by: actor, requiring: Store.reportRoles, to: "produce the safer-recruitment report") { change in
            try ComplianceReport.build(change.db, scope: scope, today: change.today, generatedAt: Timestamp.uk(change.now), by: change.actorName)
        }
        let made = try make(report)
        try write(by: actor) { change in
            try change.require(Store.reportRoles, to: "produce the safer-recruitment report")
            let ref: String = switch scope {
            case let .vacancy(reference): reference
            case let .period(from, to): "\(from.iso)..\(to.iso)"
            }
            try change.record("document.report", entity: "report", ref: ref,
                              details: ["vacancies": report.vacancies.map(\.reference).joined(separator: ","), "audit_seq": String(report.audit_seq)])
        }
        return made
    }
}

extension ComplianceReport {
    /// Builds the report; `loaded` is the scope's progress when the caller already has it.
    static func build(_ db: Database, scope: ReportScope, today: Day, generatedAt: String, by actor: String,
                      progress loaded: [VacancyProgress]? = nil) throws -> ComplianceReport {
        let ids: [Int64]
        let period: String
        switch scope {
        case let .vacancy(reference):
            ids = [try Vacancy.fetch(db, reference: reference).id]
            period = "vacancy \(reference)"
        case let .period(from, to):
            ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM vacancy WHERE coalesce(interview_date, substr(created_at, 1, 10)) BETWEEN ? AND ? ORDER BY id
                """, arguments: [from.iso, to.iso])
            period = "\(from.uk) to \(to.uk)"
        }
        let idList = JSONText.array(ids.map(String.init))
        let progress = try (loaded ?? VacancyProgress.load(db, vacancyIDs: ids, today: today)).sorted { $0.vacancy.reference < $1.vacancy.reference }
        let candidatesOf = "SELECT id FROM candidate WHERE vacancy_id IN (SELECT value FROM json_each(?))"

        // Searches by a member of the vacancy's panel, current or not.
        var panelSearches: [Int64: [PanelSearch]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, c.number, v.reference, e.id, s.name, e.searched_at FROM search_entry e
            JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id JOIN staff s ON s.id = e.searcher_id
            JOIN vacancy_panel p ON p.vacancy_id = c.vacancy_id AND p.staff_id = e.searcher_id
            WHERE e.candidate_id IN (\(candidatesOf)) AND e.withdrawn_at IS NULL ORDER BY e.id
            """, arguments: [idList]) {
            panelSearches[row["vacancy_id"], default: []].append(PanelSearch(
                candidate: "\(row["reference"] as String)/\(row["number"] as Int)", entry: row["id"], searcher: row["name"],
                date: Timestamp.ukDay(iso: row["searched_at"])))
        }
        var overrides: [Int64: [Override]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, c.number, v.reference, e.id, o.rule, o.reason, s.name, e.searched_at FROM search_override o
            JOIN search_entry e ON e.id = o.entry_id JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN staff s ON s.id = e.searcher_id
            WHERE e.candidate_id IN (\(candidatesOf)) ORDER BY e.id, o.rule
            """, arguments: [idList]) {
            overrides[row["vacancy_id"], default: []].append(Override(
                candidate: "\(row["reference"] as String)/\(row["number"] as Int)", entry: row["id"], rule: row["rule"],
                reason: row["reason"], by: row["name"], date: Timestamp.ukDay(iso: row["searched_at"])))
        }
        // Findings at their current version: counted, never quoted.
        var findings: [Int64: [(reference: String, category: String, decision: String, concluded: Bool)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, v.reference, c.number, f.number AS finding_number, fv.protected, k.label, fv.decision,
                   fv.conclusion IS NOT NULL AS concluded
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN finding_version fv ON fv.finding_id = f.id AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
            LEFT JOIN finding_category k ON k.key = fv.category
            WHERE f.candidate_id IN (\(candidatesOf)) ORDER BY c.number, f.number
            """, arguments: [idList]) {
            let protected: Bool = row["protected"]
            findings[row["vacancy_id"], default: []].append((
                "\(row["reference"] as String)/\(row["number"] as Int)/F\(row["finding_number"] as Int)",
                protected ? "About a protected characteristic" : (row["label"] as String? ?? "Uncategorised"),
                protected ? "never raised (protected characteristic)" : ((row["decision"] as String?) ?? "awaiting decision"),
                row["concluded"]))
        }
        // Corrections that removed a finding's protected-characteristic mark: who, when and why.
        var markRemovals: [Int64: [(candidate: String, detail: String)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, v.reference, c.number, f.number AS finding_number, fv.version, fv.recorded_at, s.name,
                   fv.correction_reason
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN finding_version fv ON fv.finding_id = f.id
            JOIN finding_version before ON before.finding_id = f.id AND before.version = fv.version - 1
            JOIN staff s ON s.id = fv.recorded_by
            WHERE f.candidate_id IN (\(candidatesOf)) AND before.protected = 1 AND fv.protected = 0
            ORDER BY c.number, f.number, fv.version
            """, arguments: [idList]) {
            let candidate = "\(row["reference"] as String)/\(row["number"] as Int)"
            markRemovals[row["vacancy_id"], default: []].append((candidate,
                "\(candidate)/F\(row["finding_number"] as Int) version \(row["version"] as Int), by \(row["name"] as String) on \(Timestamp.ukDay(iso: row["recorded_at"])): \(row["correction_reason"] as String)"))
        }
        var documents: [Int64: [Document]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT vacancy_id, action, actor, count(*) AS produced, max(at) AS last FROM audit_event
            WHERE vacancy_id IN (SELECT value FROM json_each(?)) AND action IN ('document.dossier', 'document.pack')
            GROUP BY vacancy_id, action, actor ORDER BY vacancy_id, action, actor
            """, arguments: [idList]) {
            documents[row["vacancy_id"], default: []].append(Document(
                kind: (row["action"] as String) == "document.pack" ? "pack" : "dossier", by: row["actor"],
                count: row["produced"], last: Timestamp.uk(iso: row["last"])))
        }
        let retentionMonths = try Store.retentionMonths(db)
        let head = try AuditEvent.head(db)

        var exceptions: [Exception] = []
        var sections: [VacancySection] = []
        for vacancy in progress {
            let v = vacancy.vacancy
            let panelSearchesOf = Dictionary(grouping: panelSearches[v.id] ?? [], by: \.candidate)
            let overridesOf = Dictionary(grouping: overrides[v.id] ?? [], by: \.candidate)
            func flag(_ candidate: String, _ kind: String, _ detail: String) {
                exceptions.append(Exception(vacancy: v.reference, candidate: candidate, kind: kind, detail: detail))
            }
            let interviewPassed = v.interviewDate.map { today > $0 } ?? false
            if v.searchDecision != .all {
                flag("", "not-all-searched", "search decision \(v.searchDecision.rawValue): \(v.searchDecisionReason)")
            }
            let sameSteps = vacancy.protocolsUsed <= 1
            if !sameSteps { flag("", "different-steps", "\(vacancy.protocolsUsed) protocol versions used") }
            var lines: [CandidateLine] = []
            for c in vacancy.candidates {
                let ref = c.candidate.reference.description
                let exceptionsBefore = exceptions.count
                let searchedAtAll = c.firstSearchedAt != nil
                if searchedAtAll && !c.toldBeforeSearching {
                    flag(ref, "not-told", c.candidate.notifiedOn.map { "told on \($0.uk), after the first search" } ?? "never told")
                }
                let missing = c.plannedQueries - c.doneQueries
                let active = c.isActive
                if active && missing > 0 { flag(ref, "incomplete", "\(missing) of \(c.plannedQueries) queries not done") }
                let failed = c.steps.filter(\.couldNotComplete).map(\.step.key)
                if active && !failed.isEmpty { flag(ref, "could-not-complete", failed.joined(separator: ", ")) }
                let unrecorded = c.findingsToRecord
                if active && !unrecorded.isEmpty { flag(ref, "unrecorded-finding", unrecorded.joined(separator: ", ")) }
                let late = c.lateSearches
                if late > 0 { flag(ref, "late", "\(late) search\(late == 1 ? "" : "es") after \(v.interviewDate?.uk ?? "the interview")") }
                for search in panelSearchesOf[ref] ?? [] {
                    flag(ref, "panel-searcher", "entry \(search.entry) by \(search.searcher)")
                }
                for item in overridesOf[ref] ?? [] {
                    flag(ref, "override", "entry \(item.entry): \(item.rule), \(item.reason)")
                }
                let undecided = c.findings.count { $0 == .awaitingDecision }
                if undecided > 0 { flag(ref, "undecided-finding", "\(undecided) finding(s)") }
                let unanswered = c.findings.count { $0 == .awaitingResponse }
                if unanswered > 0 { flag(ref, "unanswered-finding", "\(unanswered) finding(s)") }
                let unfollowed = c.findings.count { $0 == .awaitingFollowUp }
                if unfollowed > 0 { flag(ref, "awaiting-follow-up", "\(unfollowed) finding(s)") }
                for removal in markRemovals[v.id] ?? [] where removal.candidate == ref {
                    flag(ref, "protected-mark-removed", removal.detail)
                }
                let completeBeforeInterview = active ? missing == 0 && failed.isEmpty && unrecorded.isEmpty && late == 0 : true
                lines.append(CandidateLine(
                    reference: ref, outcome: c.candidate.outcome.rawValue, told_on: c.candidate.notifiedOn?.uk ?? "not told",
                    told_on_iso: c.candidate.notifiedOn?.iso,
                    told_before_first_search: !searchedAtAll ? "not searched yet" : c.toldBeforeSearching ? "yes" : "NO",
                    searches: c.searchesSummary, searches_done: c.doneQueries, searches_planned: c.plannedQueries,
                    complete_before_interview: completeBeforeInterview, late: late,
                    missing: active && missing > 0 ? "\(missing) missing" : "",
                    compliant: exceptions.count == exceptionsBefore && (interviewPassed || c.isComplete || !active)))
            }
            let vacancyFindings = findings[v.id] ?? []
            let retention: String
            let purgedOn = vacancy.candidates.compactMap(\.candidate.purgedOn).max()
            if let purgedOn, vacancy.candidates.allSatisfy({ $0.candidate.purgedOn != nil }) {
                retention = "personal data purged on \(purgedOn.uk)"
            } else if let due = v.purgeDue(retentionMonths: retentionMonths) {
                retention = due < today ? "due for purge since \(due.uk)" : "personal data due for purge on \(due.uk)"
                if due < today { flag("", "purge-overdue", "due on \(due.uk)") }
            } else {
                retention = "not closed; personal data is kept until \(retentionMonths) months after closing"
            }
            let raised = vacancyFindings.filter { $0.decision == FindingDecision.raise.rawValue }
            sections.append(VacancySection(
                reference: v.reference, post_title: v.postTitle, status: v.status.rawValue, interview_date: v.interviewDate?.uk ?? "not set",
                kcsie_edition: v.kcsieEdition, search_decision: v.searchDecision.rawValue, search_decision_reason: v.searchDecisionReason,
                has_decision_reason: !v.searchDecisionReason.isEmpty, protocol_name: vacancy.searchProtocol.title, same_steps_for_all: sameSteps,
                candidates: lines, shortlisted: lines.count, compliant: lines.count(where: \.compliant),
                panel_searches: panelSearches[v.id] ?? [], has_panel_searches: !(panelSearches[v.id] ?? []).isEmpty,
                overrides: overrides[v.id] ?? [], has_overrides: !(overrides[v.id] ?? []).isEmpty,
                findings_total: vacancyFindings.count,
                findings_by_category: ComplianceReport.counts(vacancyFindings.map(\.category)),
                findings_by_decision: ComplianceReport.counts(vacancyFindings.map(\.decision)), has_findings: !vacancyFindings.isEmpty,
                raised_answered: ComplianceReport.list(raised.filter(\.concluded).map(\.reference)),
                raised_open: ComplianceReport.list(raised.filter { !$0.concluded }.map(\.reference)),
                has_raised: !raised.isEmpty, documents: documents[v.id] ?? [], has_documents: !(documents[v.id] ?? []).isEmpty,
                retention: retention))
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: exceptionKinds.enumerated().map { ($1.kind, $0) })
        let candidates = sections.reduce(0) { $0 + $1.shortlisted }
        let compliant = sections.reduce(0) { $0 + $1.compliant }
        return ComplianceReport(
            title: "Safer recruitment: online searches", period: period, vacancies_count: sections.count, candidates_count: candidates,
            compliant_count: compliant, compliant_share: candidates == 0 ? "n/a" : "\(Int((Double(compliant) * 100 / Double(candidates)).rounded()))%",
            exception_kinds: exceptionKinds.map { kind in
                KindCount(kind: kind.kind, label: kind.label, count: exceptions.count { $0.kind == kind.kind })
            },
            exceptions: exceptions.enumerated().sorted { (kindOrder[$0.element.kind]!, $0.offset) < (kindOrder[$1.element.kind]!, $1.offset) }
                .map(\.element),
            has_exceptions: !exceptions.isEmpty, vacancies: sections, generated_at: generatedAt, generated_by: actor,
            audit_seq: head.seq, audit_hash: head.hash, audit_fingerprint: AuditVerification.fingerprint(of: head.hash))
    }

    private static func list(_ items: [String]) -> String? {
        items.isEmpty ? nil : items.joined(separator: ", ")
    }

    private static func counts(_ labels: [String]) -> [Count] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for label in labels {
            if counts[label] == nil { order.append(label) }
            counts[label, default: 0] += 1
        }
        return order.sorted().map { Count(label: $0, count: counts[$0]!) }
    }

    /// The report as JSON.
    public var json: String { JSONText.encode(self) }

    /// One row per candidate: the figures behind the report, for a spreadsheet. Counts are numbers
    /// in columns of their own and every yes-or-no is `true` or `false`, so that a spreadsheet can total them.
    public var candidateListing: Listing {
        let kinds = Dictionary(grouping: exceptions, by: \.candidate).mapValues { $0.map(\.kind) }
        return Listing(columns: [
            Column("vacancy", "Vacancy"), Column("candidate", "Candidate"), Column("outcome", "Outcome"), Column("told_on", "Told"),
            Column("searched", "Searched"), Column("told_before_first_search", "Told first"),
            Column("searches_done", "Searches done"), Column("searches_planned", "Searches planned"),
            Column("complete_before_interview", "Complete before interview"), Column("late", "Late"), Column("compliant", "Compliant"),
            Column("exceptions", "Exceptions"),
        ], rows: vacancies.flatMap { section in
            section.candidates.map { c in
                let searched = c.told_before_first_search != "not searched yet"
                return [.text(section.reference), .text(c.reference), .text(c.outcome), .optional(c.told_on_iso), .flag(searched),
                        searched ? .flag(c.told_before_first_search == "yes") : .none,
                        .number(c.searches_done), .number(c.searches_planned), .flag(c.complete_before_interview), .number(c.late),
                        .flag(c.compliant), .list(kinds[c.reference] ?? [])]
            }
        })
    }
}

extension Store {
    /// The report as text, recorded as produced: `markdown` (from the `report` template), `json` or `csv`.
    public func renderComplianceReport(_ scope: ReportScope, format: String, templates: TemplateSet,
                                       by actor: String?) throws(ShortlistError) -> String {
        try producedReport(scope, by: actor) { (report) throws(ShortlistError) in try report.text(format: format, templates: templates) }
    }

    /// Writes the report to `path`, whole and owner-only; a file there is replaced only when `replacing`.
    /// It is recorded only once written (synced, not yet named), and named once recorded: a failed write
    /// records nothing, and a report in place was always recorded.
    public func writeComplianceReport(_ scope: ReportScope, format: String, templates: TemplateSet, to path: String,
                                      replacing: Bool, by actor: String?) throws(ShortlistError) {
        if !replacing { try AtomicFile.refuseExisting(path, remedy: "Use --force to replace it") }
        let staged = try producedReport(scope, by: actor) { (report) throws(ShortlistError) in
            try AtomicFile.stage(Data(try report.text(format: format, templates: templates).utf8), for: path)
        }
        try staged.publish(replacing: replacing, recorded: true)
    }
}

extension ComplianceReport {
    /// The report as text: `markdown` (from the `report` template), `json` or `csv`.
    func text(format: String, templates: TemplateSet) throws(ShortlistError) -> String {
        switch format {
        case "json": return json + "\n"
        case "csv":
            var text = ""
            candidateListing.write(.csv, to: &text)
            return text
        default: return try templates.render(self, template: "report")
        }
    }
}
