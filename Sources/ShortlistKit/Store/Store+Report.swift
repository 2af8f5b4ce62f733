import Foundation
import GRDB

/// What the governors' report is made from, read in one transaction.
public struct ReportSource: Sendable {
    /// "vacancy REF", or the period's first and last days.
    public var period: String
    /// The vacancies in scope, by reference, with what the compliance rules look at.
    public var vacancies: [ComplianceFacts]
    public var today: Day
    /// When and by whom the report is made.
    public var generatedAt: String
    public var generatedBy: String
    /// The head of the audit trail as read.
    public var auditSeq: Int64
    public var auditHash: String
}

extension Store {
    static let reportRoles: [StaffRole] = [.governor, .admin, .recruitingManager, .searcher]

    /// Reads what the report on `scope` is made from, as the named staff member (who must be allowed to produce it).
    func reportSource(_ scope: ReportScope, by actor: String?) throws(ShortlistError) -> ReportSource {
        if case let .period(from, to) = scope, from > to {
            throw .invalidValue(field: "--from", value: from.iso, expected: "a date no later than --to (\(to.uk)): the period runs from --from to --to")
        }
        return try read(by: actor, requiring: Store.reportRoles, to: "produce the safer-recruitment report") { change in
            let db = change.db
            let (ids, period) = try Store.vacancyIDs(db, in: scope)
            let progress = try VacancyProgress.load(db, vacancyIDs: ids, today: change.today)
            let head = try AuditEvent.head(db)
            return ReportSource(period: period, vacancies: try Store.complianceFacts(db, progress: progress),
                                today: change.today, generatedAt: Timestamp.uk(change.now), generatedBy: change.actorName,
                                auditSeq: head.seq, auditHash: head.hash)
        }
    }

    /// Records that the report on `scope` was produced, covering `vacancies` up to audit event `auditSeq`.
    func recordReport(_ scope: ReportScope, vacancies: [String], auditSeq: Int64, by actor: String?) throws(ShortlistError) {
        try write(by: actor) { change in
            try change.require(Store.reportRoles, to: "produce the safer-recruitment report")
            let ref: String = switch scope {
            case let .vacancy(reference): reference
            case let .period(from, to): "\(from.iso)..\(to.iso)"
            }
            try change.record("document.report", entity: "report", ref: ref,
                              details: ["vacancies": vacancies.joined(separator: ","), "audit_seq": String(auditSeq)])
        }
    }

    /// The vacancies a scope covers, and how the report names it.
    static func vacancyIDs(_ db: Database, in scope: ReportScope) throws -> (ids: [Int64], period: String) {
        switch scope {
        case let .vacancy(reference):
            return ([try Vacancy.fetch(db, reference: reference).id], "vacancy \(reference)")
        case let .period(from, to):
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM vacancy WHERE coalesce(interview_date, substr(created_at, 1, 10)) BETWEEN ? AND ? ORDER BY id
                """, arguments: [from.iso, to.iso])
            return (ids, "\(from.uk) to \(to.uk)")
        }
    }

    /// The compliance facts of the vacancies whose progress is given, ordered by reference: five queries, however many vacancies.
    static func complianceFacts(_ db: Database, progress: [VacancyProgress]) throws -> [ComplianceFacts] {
        let idList = JSONText.array(progress.map { String($0.vacancy.id) })
        let retentionMonths = try Store.retentionMonths(db)
        var facts = Dictionary(uniqueKeysWithValues: progress.map {
            ($0.vacancy.id, ComplianceFacts(progress: $0, retentionMonths: retentionMonths))
        })
        try ReportRow.panelSearches(db, idList) { facts[$0]?.panelSearches.append($1) }
        try ReportRow.overrides(db, idList) { facts[$0]?.overrides.append($1) }
        try ReportRow.findings(db, idList) { facts[$0]?.findings.append($1) }
        try ReportRow.markRemovals(db, idList) { facts[$0]?.markRemovals.append($1) }
        try ReportRow.documents(db, idList) { facts[$0]?.documents.append($1) }
        try ReportRow.notices(db, idList) { facts[$0]?.notices[$1, default: []].append($2) }
        return facts.values.sorted { $0.progress.vacancy.reference < $1.progress.vacancy.reference }
    }
}

/// The report's queries, each decoding its rows in one place; `idList` is a JSON array of vacancy ids.
private enum ReportRow {
    static let candidatesOf = "SELECT id FROM candidate WHERE vacancy_id IN (SELECT value FROM json_each(?))"

    static func candidate(_ row: Row) -> String { "\(row["reference"] as String)/\(row["number"] as Int)" }

    /// The notices sent to the candidates, each as its vacancy, candidate id and version (never its text).
    static func notices(_ db: Database, _ idList: String, _ add: (Int64, Int64, ComplianceFacts.NoticeSent) -> Void) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, n.candidate_id, n.sent_on, n.via, n.text_sha256, n.template_sha256 FROM candidate_notice n
            JOIN candidate c ON c.id = n.candidate_id WHERE n.candidate_id IN (\(candidatesOf)) ORDER BY n.candidate_id, n.number
            """, arguments: [idList]) {
            let version = CandidateNotice.version(templateSHA256: row["template_sha256"], textSHA256: row["text_sha256"])
            add(row["vacancy_id"], row["candidate_id"], .init(on: Day(iso: row["sent_on"])!, via: row["via"], version: version))
        }
    }

    /// Searches by a member of the vacancy's panel, current or not.
    static func panelSearches(_ db: Database, _ idList: String, _ add: (Int64, ComplianceFacts.PanelSearch) -> Void) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, c.number, v.reference, e.id, s.name, e.searched_at FROM search_entry e
            JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id JOIN staff s ON s.id = e.searcher_id
            JOIN vacancy_panel p ON p.vacancy_id = c.vacancy_id AND p.staff_id = e.searcher_id
            WHERE e.candidate_id IN (\(candidatesOf)) AND e.withdrawn_at IS NULL ORDER BY e.id
            """, arguments: [idList]) {
            add(row["vacancy_id"], .init(candidate: candidate(row), entry: row["id"], searcher: row["name"],
                                         date: Timestamp.ukDay(iso: row["searched_at"])))
        }
    }

    static func overrides(_ db: Database, _ idList: String, _ add: (Int64, ComplianceFacts.Override) -> Void) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, c.number, v.reference, e.id, o.rule, o.reason, s.name, e.searched_at FROM search_override o
            JOIN search_entry e ON e.id = o.entry_id JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN staff s ON s.id = e.searcher_id
            WHERE e.candidate_id IN (\(candidatesOf)) ORDER BY e.id, o.rule
            """, arguments: [idList]) {
            add(row["vacancy_id"], .init(candidate: candidate(row), entry: row["id"], rule: row["rule"], reason: row["reason"],
                                         by: row["name"], date: Timestamp.ukDay(iso: row["searched_at"])))
        }
    }

    /// Findings at their current version: counted, never quoted.
    static func findings(_ db: Database, _ idList: String, _ add: (Int64, ComplianceFacts.FindingTally) -> Void) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.vacancy_id, v.reference, c.number, f.number AS finding_number, fv.protected, k.label, fv.decision,
                   fv.conclusion IS NOT NULL AS concluded
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN finding_version fv ON fv.finding_id = f.id AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
            LEFT JOIN finding_category k ON k.key = fv.category
            WHERE f.candidate_id IN (\(candidatesOf)) ORDER BY c.number, f.number
            """, arguments: [idList]) {
            let protected: Bool = row["protected"]
            add(row["vacancy_id"], .init(
                reference: "\(candidate(row))/F\(row["finding_number"] as Int)",
                category: protected ? "About a protected characteristic" : (row["label"] as String? ?? "Uncategorised"),
                decision: protected ? "never raised (protected characteristic)" : ((row["decision"] as String?) ?? "awaiting decision"),
                concluded: row["concluded"]))
        }
    }

    /// Corrections that removed a finding's protected-characteristic mark: who, when and why.
    static func markRemovals(_ db: Database, _ idList: String, _ add: (Int64, ComplianceFacts.MarkRemoval) -> Void) throws {
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
            let candidate = candidate(row)
            add(row["vacancy_id"], .init(candidate: candidate, detail: "\(candidate)/F\(row["finding_number"] as Int) version \(row["version"] as Int), by \(row["name"] as String) on \(Timestamp.ukDay(iso: row["recorded_at"])): \(row["correction_reason"] as String)"))
        }
    }

    static func documents(_ db: Database, _ idList: String, _ add: (Int64, ComplianceFacts.Document) -> Void) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT vacancy_id, action, actor, count(*) AS produced, max(at) AS last FROM audit_event
            WHERE vacancy_id IN (SELECT value FROM json_each(?)) AND action IN ('document.dossier', 'document.pack')
            GROUP BY vacancy_id, action, actor ORDER BY vacancy_id, action, actor
            """, arguments: [idList]) {
            add(row["vacancy_id"], .init(kind: (row["action"] as String) == "document.pack" ? "pack" : "dossier", by: row["actor"],
                                         count: row["produced"], last: Timestamp.uk(iso: row["last"])))
        }
    }
}
