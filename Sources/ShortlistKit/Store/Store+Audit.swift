import Foundation
import GRDB

extension Store {
    /// The purged stubs: the prefixes of the references of their entries and findings (which the purge
    /// blanked, so no event describes them as they are), and any personal data still left in them.
    static func purgedStubs(_ db: Database) throws -> (problems: [String], prefixes: [String]) {
        var problems: [String] = []
        var prefixes: [String] = []
        for row in try Row.fetchAll(db, sql: Candidate.selectSQL + " WHERE c.purged_on IS NOT NULL ORDER BY c.id") {
            let candidate = try Candidate(row: row, damagedSummary: .leaveOut)
            let personal = [candidate.town, candidate.currentEmployer, candidate.email] + candidate.otherNames + candidate.previousEmployers
                + (candidate.outcome == .appointed ? [] : [candidate.fullName])
            if personal.contains(where: { !$0.isEmpty }) { problems.append("purged candidate \(candidate.reference) still holds personal data") }
            prefixes += ["search_entry\u{1F}\(candidate.reference)#", "finding\u{1F}\(candidate.reference)/F",
                         "candidate_notice\u{1F}\(candidate.reference)/N"]
        }
        guard !prefixes.isEmpty else { return ([], []) }
        for row in try Row.fetchAll(db, sql: """
            SELECT e.id, v.reference || '/' || c.number AS candidate
            FROM search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            WHERE c.purged_on IS NOT NULL AND (e.query <> '' OR e.note NOT IN ('', '(purged)')
                  OR EXISTS (SELECT 1 FROM search_address WHERE entry_id = e.id AND address <> '')
                  OR EXISTS (SELECT 1 FROM evidence WHERE entry_id = e.id))
            ORDER BY e.id
            """) {
            problems.append("search entry \(row["id"] as Int64) of purged candidate \(row["candidate"] as String) still holds personal data")
        }
        for ref in try String.fetchAll(db, sql: """
            SELECT v.reference || '/' || c.number || '/F' || f.number
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            WHERE c.purged_on IS NOT NULL AND EXISTS (SELECT 1 FROM finding_version
                  WHERE finding_id = f.id AND (summary <> '(purged)' OR json_array_length(sources) > 0))
            ORDER BY f.id
            """) {
            problems.append("finding \(ref) of a purged candidate still holds personal data")
        }
        for ref in try String.fetchAll(db, sql: """
            SELECT v.reference || '/' || c.number || '/N' || n.number
            FROM candidate_notice n JOIN candidate c ON c.id = n.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            WHERE c.purged_on IS NOT NULL AND n.text <> '(purged)' ORDER BY n.id
            """) {
            problems.append("notice \(ref) of a purged candidate still holds personal data")
        }
        return (problems, prefixes)
    }

    /// Calls `digest` with the records of the kinds in `entities` as the events of earlier versions
    /// (before `AuditState`) recorded their state: `entity`, `reference` and the digests (`Digest.state`)
    /// of the fields then recorded, any of which matches. The fields are the records' `auditFields`
    /// (and `SearchEntry.stateFields`) as they stood then: change those only with a frozen copy here, so
    /// that records whose last event is that old still verify (`LegacyDatabaseTests` holds such a
    /// database). Purged stubs' entries and findings are left out.
    static func forEachLegacyRecordState(_ db: Database, entities: Set<String>, _ digest: (String, String, [String]) throws -> Void) throws {
        func body(_ entity: String, _ ref: String, _ fields: [String: String]) throws { try digest(entity, ref, [Digest.state(fields)]) }
        if entities.contains("staff") {
            for row in try Row.fetchAll(db, sql: StaffMember.selectSQL()) {
                let member = StaffMember(row: row)
                try body("staff", member.name, member.auditFields)
            }
        }
        if entities.contains("vacancy") {
            let vacancies = try Row.fetchCursor(db, sql: Vacancy.selectSQL)
            while let row = try vacancies.next() {
                let vacancy = Vacancy(row: row)
                try body("vacancy", vacancy.reference, vacancy.auditFields)
            }
        }
        var purged = Set<String>()
        let candidates = try Row.fetchCursor(db, sql: Candidate.selectSQL)
        while let row = try candidates.next() {
            let candidate = try Candidate(row: row, damagedSummary: .leaveOut)
            if entities.contains("candidate") { try body("candidate", candidate.reference.description, candidate.auditFields) }
            if candidate.purgedOn != nil { purged.insert(candidate.reference.description) }
        }
        if entities.contains("search_entry") {
            let entries = try Row.fetchCursor(db, sql: """
                SELECT e.id, e.step_key, e.planned_query, e.query, e.searched_at, e.outcome, e.note, e.late, e.withdrawn_reason,
                       c.number, v.reference AS vacancy_reference,
                       (SELECT group_concat(address, ' ') FROM
                           (SELECT address FROM search_address WHERE entry_id = e.id ORDER BY position)) AS addresses,
                       (SELECT json_group_array(json_array(rule, reason)) FROM
                           (SELECT rule, reason FROM search_override WHERE entry_id = e.id ORDER BY rule)) AS overrides,
                       (SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM evidence WHERE entry_id = e.id ORDER BY id)) AS evidence
                FROM search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
                """)
            func text(_ row: Row, _ column: String) -> String { (row[column] as String?) ?? "" }
            func checkOrder(_ rule: String) -> Int { SearchRule.allCases.firstIndex { $0.rawValue == rule } ?? SearchRule.allCases.count }
            while let row = try entries.next() {
                let id: Int64 = row["id"]
                let candidate = "\(row["vacancy_reference"] as String)/\(row["number"] as Int)"
                if purged.contains(candidate) { continue }
                // Logging wrote the overrides in the order the rules are checked; a withdrawal, by rule.
                let overrides = try JSONDecoder().decode([[String]].self, from: Data((row["overrides"] as String? ?? "[]").utf8))
                let orders = overrides.count < 2 ? [overrides]
                    : [overrides, overrides.sorted { checkOrder($0[0]) < checkOrder($1[0]) }]
                try digest("search_entry", "\(candidate)#\(id)", orders.map { overrides in
                    Digest.state(sorted: SearchEntry.stateFields(
                        step: row["step_key"], plannedQuery: row["planned_query"], query: row["query"], searchedAt: row["searched_at"],
                        outcome: row["outcome"], note: row["note"], late: row["late"], addresses: text(row, "addresses"),
                        overrides: overrides.map { "\($0[0]): \($0[1])" }.joined(separator: "; "),
                        evidence: text(row, "evidence"), withdrawnReason: text(row, "withdrawn_reason")).map { (key: $0.0, value: $0.1) })
                })
            }
        }
        if entities.contains("finding") {
            // A few hundred candidates at a time, so memory stays flat however many there are.
            let candidateIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT candidate_id FROM finding ORDER BY candidate_id")
            for start in stride(from: 0, to: candidateIDs.count, by: 500) {
                for finding in try Finding.fetchAll(db, candidateIDs: Array(candidateIDs[start..<min(start + 500, candidateIDs.count)]))
                where !purged.contains(finding.reference.candidate.description) {
                    try body("finding", finding.reference.description, finding.current.auditFields(entries: finding.entries))
                }
            }
        }
        if entities.contains("finding_category") {
            for row in try Row.fetchAll(db, sql: "SELECT key, label FROM finding_category") {
                try body("finding_category", row["key"], ["key": row["key"], "label": row["label"]])
            }
        }
        if entities.contains("setting") {
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") { try body("setting", row["key"], ["value": row["value"]]) }
        }
        if entities.contains("protocol") {
            for searchProtocol in try SearchProtocol.fetchAll(db) {
                try body("protocol", searchProtocol.title, ["file": ProtocolFile.export(searchProtocol)])
            }
        }
    }
}

extension Store {
    /// Audit events matching the filter, oldest first, as the staff member named `viewer` may see
    /// them: the details of events about a finding that is about a protected characteristic are
    /// withheld from all but the searcher who recorded it and admins (nil: no one named).
    public func auditLog(_ filter: AuditFilter, shownTo viewer: String?) throws(ShortlistError) -> [AuditLogEntry] {
        let entries = try auditLog(filter)
        guard entries.contains(where: { $0.event.entity == "finding" }) else { return entries }
        let (member, protected) = try read { db in
            let member = try StaffMember.viewer(db, named: viewer)
            // The findings about a protected characteristic now, each with who recorded it.
            let protected = try Dictionary(Row.fetchAll(db, sql: """
                SELECT v.reference || '/' || c.number || '/F' || f.number AS ref, s.name AS recorder
                FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
                JOIN finding_version fv ON fv.finding_id = f.id AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
                JOIN finding_version first ON first.finding_id = f.id AND first.version = 1 JOIN staff s ON s.id = first.recorded_by
                WHERE fv.protected = 1
                """).map { (($0["ref"] as String).lowercased(), ($0["recorder"] as String)) }, uniquingKeysWith: { first, _ in first })
            return (member, protected)
        }
        return entries.map { entry in
            // Matched without regard to case: earlier versions recorded a reference as it was typed.
            guard entry.event.entity == "finding", let recorder = protected[entry.event.entityRef.lowercased()],
                  !Finding.readsProtectedText(member, recordedBy: recorder),
                  entry.details != nil else { return entry }
            var withheld = entry
            withheld.details = JSONText.object(["withheld": Finding.withheldText])
            return withheld
        }
    }

    /// Audit events matching the filter, oldest first, unwithheld: for the library's own use.
    func auditLog(_ filter: AuditFilter) throws(ShortlistError) -> [AuditLogEntry] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let vacancy = filter.vacancy ?? filter.candidate?.vacancy {
                conditions.append("e.vacancy_id = ?")
                arguments.append(try Vacancy.fetch(db, reference: vacancy).id)
            }
            if let candidate = filter.candidate {
                conditions.append("e.candidate_id = ?")
                arguments.append(try Candidate.fetch(db, candidate).id)
            }
            if let actor = filter.actor {
                conditions.append("e.actor = ?")
                arguments.append(actor)
            }
            if let since = filter.since {
                conditions.append("e.at >= ?")
                arguments.append(Timestamp.iso(since.start))
            }
            if let until = filter.until {
                conditions.append("e.at < ?")
                arguments.append(Timestamp.iso(until.adding(days: 1).start))
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.*, d.details FROM audit_event e LEFT JOIN audit_detail d ON d.seq = e.seq
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY e.seq
                """, arguments: StatementArguments(arguments))
            return rows.map { row in
                AuditLogEntry(event: AuditEvent(
                    seq: row["seq"], at: row["at"], actor: row["actor"], osAccount: row["os_account"], action: row["action"],
                    entity: row["entity"], entityRef: row["entity_ref"], vacancyID: row["vacancy_id"], candidateID: row["candidate_id"],
                    detailsHash: row["details_hash"], stateHash: row["state_hash"], prevHash: row["prev_hash"]),
                              hash: row["hash"], details: row["details"])
            }
        }
    }
}

extension Store {
    /// Verifies the trail (against the anchors already in `file`, when it exists) and, when it verifies,
    /// anchors its head today: the anchor is appended to `file` when one is given.
    public func anchorAudit(appendingTo file: String?) throws(ShortlistError) -> AuditAnchoring {
        let existing = try file.flatMap { (file) throws(ShortlistError) in
            FileManager.default.fileExists(atPath: file) ? try AuditAnchor.parse(try AuditAnchor.text(of: file), file: file) : nil
        } ?? []
        let verification = try verifyAudit(anchors: existing)
        guard verification.isValid, verification.events > 0 else { return AuditAnchoring(verification: verification, anchor: nil) }
        let anchor = AuditAnchor(day: Day(now), seq: Int64(verification.events), hash: verification.head)
        if let file { try AuditAnchor.append(anchor, to: file) }
        return AuditAnchoring(verification: verification, anchor: anchor)
    }
}

/// An event of the audit trail as a governor notes it: its number, when it was recorded, and its hash.
public struct AuditHead: Equatable, Sendable {
    public var seq: Int64
    /// When the event was recorded, in the stored form.
    public var at: String
    public var hash: String

    /// The hash's first 12 characters in groups of four, as `audit verify` prints it.
    public var fingerprint: String { AuditVerification.fingerprint(of: hash) }
}

extension Store {
    /// The event whose hash is `hash` (the head a verification ended at), or the last event when `hash` is nil;
    /// nil for an empty trail or a hash no event has.
    public func auditHead(hash: String? = nil) throws(ShortlistError) -> AuditHead? {
        try read { db in
            let row = if let hash {
                try Row.fetchOne(db, sql: "SELECT seq, at, hash FROM audit_event WHERE hash = ?", arguments: [hash])
            } else {
                try Row.fetchOne(db, sql: "SELECT seq, at, hash FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
            }
            return row.map { AuditHead(seq: $0["seq"], at: $0["at"], hash: $0["hash"]) }
        }
    }
}

extension AuditEvent {
    /// The last event's sequence number and hash; 0 and `genesisHash` for an empty trail.
    static func head(_ db: Database) throws -> (seq: Int64, hash: String) {
        let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
        return row.map { ($0["seq"], $0["hash"]) } ?? (0, genesisHash)
    }
}
