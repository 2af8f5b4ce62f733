import Foundation

/// The governors' safer-recruitment report: for each vacancy, whether the online-search process
/// was followed for every candidate, fairly, completely and in time. It names candidates by
/// reference only and never quotes a finding.
public struct ComplianceReport: Encodable, Sendable {
    /// One thing that departed from the process.
    public typealias Exception = ComplianceException

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
        /// Which notice each was sent, and when: `template 1a2b3c4d5e6f (5 December 2026, email)`; nil when no copy is kept.
        public var notice: String?
    }

    public typealias PanelSearch = ComplianceFacts.PanelSearch

    public typealias Override = ComplianceFacts.Override

    public typealias Document = ComplianceFacts.Document

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

extension Store {
    /// Builds the report and records who produced it. The Markdown form renders from the `report` template.
    public func complianceReport(_ scope: ReportScope, by actor: String?) throws(ShortlistError) -> ComplianceReport {
        try producedReport(scope, by: actor) { $0 }
    }

    /// Builds the report from one read transaction, makes what is wanted of it (`make` holds no lock), and
    /// only then records it in a short write: if `make` fails, nothing is recorded.
    func producedReport<T>(_ scope: ReportScope, by actor: String?,
                                   _ make: (ComplianceReport) throws(ShortlistError) -> T) throws(ShortlistError) -> T {
        let report = ComplianceReport(try reportSource(scope, by: actor))
        let made = try make(report)
        try recordReport(scope, vacancies: report.vacancies.map(\.reference), auditSeq: report.audit_seq, by: actor)
        return made
    }
}

extension ComplianceReport {
    /// The report on what `source` holds, judged by `ComplianceRules`.
    init(_ source: ReportSource) {
        let assessed = source.vacancies.map { ComplianceRules.assess($0, today: source.today) }
        let exceptions = assessed.flatMap(\.exceptions)
        let sections = assessed.map(VacancySection.init)
        let kindOrder = Dictionary(uniqueKeysWithValues: ComplianceRules.kinds.enumerated().map { ($1.kind, $0) })
        let candidates = sections.reduce(0) { $0 + $1.shortlisted }
        let compliant = sections.reduce(0) { $0 + $1.compliant }
        self.init(
            title: "Safer recruitment: online searches", period: source.period, vacancies_count: sections.count, candidates_count: candidates,
            compliant_count: compliant, compliant_share: candidates == 0 ? "n/a" : "\(Int((Double(compliant) * 100 / Double(candidates)).rounded()))%",
            exception_kinds: ComplianceRules.kinds.map { kind in
                KindCount(kind: kind.kind, label: kind.label, count: exceptions.count { $0.kind == kind.kind })
            },
            exceptions: exceptions.enumerated().sorted { (kindOrder[$0.element.kind]!, $0.offset) < (kindOrder[$1.element.kind]!, $1.offset) }
                .map(\.element),
            has_exceptions: !exceptions.isEmpty, vacancies: sections, generated_at: source.generatedAt, generated_by: source.generatedBy,
            audit_seq: source.auditSeq, audit_hash: source.auditHash, audit_fingerprint: AuditVerification.fingerprint(of: source.auditHash))
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
            Column("exceptions", "Exceptions"), Column("notice", "Notice sent"),
        ], rows: vacancies.flatMap { section in
            section.candidates.map { c in
                let searched = c.told_before_first_search != "not searched yet"
                return [.text(section.reference), .text(c.reference), .text(c.outcome), .optional(c.told_on_iso), .flag(searched),
                        searched ? .flag(c.told_before_first_search == "yes") : .none,
                        .number(c.searches_done), .number(c.searches_planned), .flag(c.complete_before_interview), .number(c.late),
                        .flag(c.compliant), .list(kinds[c.reference] ?? []), .optional(c.notice)]
            }
        })
    }
}

extension ComplianceReport.VacancySection {
    /// A vacancy's section of the report, from its assessment.
    init(_ assessed: VacancyCompliance) {
        let facts = assessed.facts, v = facts.progress.vacancy
        let raised = facts.findings.filter { $0.decision == FindingDecision.raise.rawValue }
        self.init(
            reference: v.reference, post_title: v.postTitle, status: v.status.rawValue, interview_date: v.interviewDate?.uk ?? "not set",
            kcsie_edition: v.kcsieEdition, search_decision: v.searchDecision.rawValue, search_decision_reason: v.searchDecisionReason,
            has_decision_reason: !v.searchDecisionReason.isEmpty, protocol_name: facts.progress.searchProtocol.title,
            same_steps_for_all: assessed.sameSteps, candidates: assessed.candidates.map { ComplianceReport.CandidateLine($0, notices: facts.notices[$0.progress.candidate.id] ?? []) },
            shortlisted: assessed.candidates.count, compliant: assessed.candidates.count(where: \.compliant),
            panel_searches: facts.panelSearches, has_panel_searches: !facts.panelSearches.isEmpty,
            overrides: facts.overrides, has_overrides: !facts.overrides.isEmpty,
            findings_total: facts.findings.count,
            findings_by_category: ComplianceReport.counts(facts.findings.map(\.category)),
            findings_by_decision: ComplianceReport.counts(facts.findings.map(\.decision)), has_findings: !facts.findings.isEmpty,
            raised_answered: ComplianceReport.list(raised.filter(\.concluded).map(\.reference)),
            raised_open: ComplianceReport.list(raised.filter { !$0.concluded }.map(\.reference)),
            has_raised: !raised.isEmpty, documents: facts.documents, has_documents: !facts.documents.isEmpty,
            retention: assessed.retention)
    }
}

extension ComplianceReport.CandidateLine {
    /// A candidate's line of the report, from its assessment.
    init(_ assessed: CandidateCompliance, notices: [ComplianceFacts.NoticeSent]) {
        let c = assessed.progress
        self.init(
            reference: c.candidate.reference.description, outcome: c.candidate.outcome.rawValue,
            told_on: c.candidate.notifiedOn?.uk ?? "not told", told_on_iso: c.candidate.notifiedOn?.iso,
            told_before_first_search: assessed.toldBeforeFirstSearch, searches: c.searchesSummary,
            searches_done: c.doneQueries, searches_planned: c.plannedQueries,
            complete_before_interview: assessed.completeBeforeInterview, late: assessed.late,
            missing: assessed.missing > 0 ? "\(assessed.missing) missing" : "", compliant: assessed.compliant,
            notice: notices.isEmpty ? nil : notices.map { "\($0.version) (\($0.on.uk), \($0.via))" }.joined(separator: "; "))
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
