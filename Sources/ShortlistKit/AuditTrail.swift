import Foundation
import GRDB

/// The result of `audit verify`.
public struct AuditVerification: Equatable, Sendable {
    /// Events in the chain.
    public var events: Int
    /// The last event's hash: record it (with `audit anchor`, or in a governors' minutes) to check later.
    public var head: String
    /// The first place the chain is broken, and why; nil when the chain holds.
    public var brokenEvent: (seq: Int64, reason: String)?
    /// Records that no longer match their last audit event (changed, added or deleted without one).
    public var recordProblems: [String]
    /// With an expected head: where it stands in today's chain, or why it is not there.
    public var expectedHead: (found: Bool, detail: String)?
    /// Records compared with their last event.
    public var recordsChecked: Int
    /// Of those, the records whose last event an earlier version of shortlist wrote, before state
    /// hashes covered every column: they are checked for the fields recorded then.
    public var legacyRecords: Int = 0
    /// The anchors checked (heads recorded earlier by `audit anchor`).
    public var anchorsChecked: Int = 0
    /// Each anchor that is not an event of this chain with the hash recorded, and why, naming its date and event.
    public var anchorProblems: [String] = []

    public var isValid: Bool {
        brokenEvent == nil && recordProblems.isEmpty && expectedHead?.found != false && anchorProblems.isEmpty
    }

    /// The head's first 12 characters in groups of four, for reading aloud and writing in minutes: `69f9 ff9f 7fa4`.
    public var fingerprint: String { AuditVerification.fingerprint(of: head) }

    /// The characters of a hash that `--expect-head` needs at the least.
    public static let fingerprintLength = 12

    /// A hash's first 12 characters in groups of four.
    public static func fingerprint(of hash: String) -> String {
        let prefix = Array(hash.prefix(fingerprintLength))
        return stride(from: 0, to: prefix.count, by: 4).map { String(prefix[$0..<min($0 + 4, prefix.count)]) }.joined(separator: " ")
    }

    /// A head as given to `--expect-head`: the whole hash or a prefix of at least 12 hex digits, in
    /// either case, with any spaces (as in a fingerprint) ignored; returned in lowercase.
    static func headPrefix(_ text: String) throws(ShortlistError) -> String {
        let hex = String(text.filter { !$0.isWhitespace }).lowercased()
        guard (fingerprintLength...64).contains(hex.count), hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw .invalidValue(field: "--expect-head", value: text, expected: "a head recorded earlier: at least its first "
                + "\(fingerprintLength) hexadecimal characters (the fingerprint, such as 69f9 ff9f 7fa4), or the whole hash")
        }
        return hex
    }

    /// What `audit verify` prints, a line each: the counts, head and fingerprint, every problem (the
    /// first 20 record problems), and the verdict. `advice` adds, when no recorded head was checked,
    /// what the chain alone cannot show and how to keep heads.
    public func summary(advice: Bool = true) -> [String] {
        var lines = ["Events: \(events)", "Head: \(head)", "Fingerprint: \(fingerprint)",
                     "Records checked against their last event: \(recordsChecked)"]
        if legacyRecords > 0 {
            lines.append("Of them, \(legacyRecords) were last changed by an earlier version of shortlist and are checked for the fields "
                + "it recorded; their next change covers every column.")
        }
        if let brokenEvent { lines.append("Broken at event \(brokenEvent.seq): \(brokenEvent.reason).") }
        lines += recordProblems.prefix(20).map { "Record problem: \($0)." }
        if recordProblems.count > 20 { lines.append("… and \(recordProblems.count - 20) more record problems.") }
        if let expectedHead { lines.append("Expected head: \(expectedHead.detail).") }
        if anchorsChecked > 0, anchorProblems.isEmpty {
            lines.append("Anchors: \(anchorsChecked) checked, each an event of this chain with the hash recorded.")
        }
        lines += anchorProblems.map { "Anchor problem: \($0)." }
        if advice, isValid, anchorsChecked == 0, expectedHead == nil {
            lines.append("No head recorded earlier was checked: a rewrite of the whole trail, or the removal of its last events, would not "
                + "show. Keep heads with `shortlist audit anchor --out FILE` and check them with `shortlist audit verify --anchors FILE`.")
        }
        lines.append(isValid ? "Verified: the audit trail is intact and every record matches it."
            : "NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.")
        return lines
    }

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.events == rhs.events && lhs.head == rhs.head && lhs.brokenEvent?.seq == rhs.brokenEvent?.seq
            && lhs.recordProblems == rhs.recordProblems && lhs.expectedHead?.found == rhs.expectedHead?.found
            && lhs.anchorProblems == rhs.anchorProblems
    }
}

extension Store {
    /// The purged stubs: the prefixes of the references of their entries and findings (which the purge
    /// blanked, so no event describes them as they are), and any personal data still left in them.
    static func purgedStubs(_ db: Database) throws -> (problems: [String], prefixes: [String]) {
        var problems: [String] = []
        var prefixes: [String] = []
        for row in try Row.fetchAll(db, sql: Candidate.selectSQL + " WHERE c.purged_on IS NOT NULL ORDER BY c.id") {
            let candidate = Candidate(row: row)
            let personal = [candidate.town, candidate.currentEmployer, candidate.email] + candidate.otherNames + candidate.previousEmployers
                + (candidate.outcome == .appointed ? [] : [candidate.fullName])
            if personal.contains(where: { !$0.isEmpty }) { problems.append("purged candidate \(candidate.reference) still holds personal data") }
            prefixes += ["search_entry\u{1F}\(candidate.reference)#", "finding\u{1F}\(candidate.reference)/F"]
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
            let candidate = Candidate(row: row)
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
            func text(_ row: Row, _ index: Int) -> String { (row[index] as String?) ?? "" }
            func checkOrder(_ rule: String) -> Int { SearchRule.allCases.firstIndex { $0.rawValue == rule } ?? SearchRule.allCases.count }
            while let row = try entries.next() {
                let id: Int64 = row[0]
                let candidate = "\(row[10] as String)/\(row[9] as Int)"
                if purged.contains(candidate) { continue }
                // Logging wrote the overrides in the order the rules are checked; a withdrawal, by rule.
                let overrides = (try? JSONDecoder().decode([[String]].self, from: Data(text(row, 12).utf8))) ?? []
                let orders = overrides.count < 2 ? [overrides]
                    : [overrides, overrides.sorted { checkOrder($0[0]) < checkOrder($1[0]) }]
                try digest("search_entry", "\(candidate)#\(id)", orders.map { overrides in
                    Digest.state(sorted: SearchEntry.stateFields(
                        step: row[1], plannedQuery: row[2], query: row[3], searchedAt: row[4], outcome: row[5], note: row[6], late: row[7],
                        addresses: text(row, 11), overrides: overrides.map { "\($0[0]): \($0[1])" }.joined(separator: "; "),
                        evidence: text(row, 13), withdrawnReason: text(row, 8)).map { (key: $0.0, value: $0.1) })
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

// MARK: - The log

/// Which audit events to list.
public struct AuditFilter: Sendable {
    public var vacancy: String?
    public var candidate: CandidateReference?
    public var actor: String?
    public var since: Day?
    public var until: Day?

    public init() {}
}

/// One audit event as listed, with its details when they are still held.
public struct AuditLogEntry: Equatable, Sendable {
    public var event: AuditEvent
    public var hash: String
    public var details: String?
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

extension AuditLogEntry {
    /// The fields that say most about an event, shown first in its summary, in this order.
    static let leadingFields = ["full_name", "name", "post_title", "step", "query", "outcome", "decision", "conclusion", "category",
                                "status", "roles", "reason"]

    /// The details on one line: `field: old → new` for a change, `field: value` otherwise, the
    /// telling fields first (`leadingFields`), then the others by name, empty values left out;
    /// `(purged)` once a purge deleted them.
    public var summary: String {
        guard let details else { return "(purged)" }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(details.utf8))) as? [String: Any] else { return details }
        func text(_ value: Any) -> String {
            switch value {
            case let text as String: text.isEmpty ? "(none)" : text
            case let number as NSNumber: number.stringValue
            default: (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        func ordered(_ keys: some Sequence<String>) -> [String] {
            let rank = { (key: String) in AuditLogEntry.leadingFields.firstIndex(of: key) ?? AuditLogEntry.leadingFields.count }
            return keys.sorted { (rank($0), $0) < (rank($1), $1) }
        }
        func fields(_ object: [String: Any]) -> [String] {
            ordered(object.keys).compactMap { key in
                if let value = object[key] as? String, value.isEmpty { return nil }
                // A finding's version names what was done, as the event's action already does.
                if key == "action", let value = object[key] as? String, event.action.hasSuffix("." + value) { return nil }
                if let nested = object[key] as? [String: Any], nested.count == 1, let only = nested["text"] { return "\(key): \(text(only))" }
                return "\(key): \(text(object[key]!))"
            }
        }
        var parts: [String] = []
        var rest = object
        if let before = object["before"], let after = object["after"] {
            rest["before"] = nil
            rest["after"] = nil
            if let before = before as? [String: Any], let after = after as? [String: Any] {
                parts = ordered(Set(before.keys).union(after.keys)).map { "\($0): \(text(before[$0] ?? "")) → \(text(after[$0] ?? ""))" }
            } else {
                parts = ["\(text(before)) → \(text(after))"]
            }
        }
        return (parts + fields(rest)).joined(separator: "; ")
    }
}

extension Listing {
    /// Audit events, oldest first: every field for JSON and CSV; for a table, when, who, what and
    /// which record, with the details summarised and cut short to fit 120 columns.
    public static func auditLog(_ entries: [AuditLogEntry], for format: OutputFormat) -> Listing {
        guard format == .table else { return auditLog(entries) }
        return Listing(columns: [
            Column("seq", "Event"), Column("at", "When"), Column("actor", "Actor"), Column("action", "Action"),
            Column("ref", "Reference"), Column("details", "Details"),
        ], rows: entries.map { e in
            [.number(Int(e.event.seq)), .instant(e.event.at), .text(e.event.actor), .text(e.event.action), .text(e.event.entityRef),
             .text(e.summary)]
        }, fit: TableFit(truncate: ["details"]))
    }

    /// Audit events, oldest first, with every field.
    public static func auditLog(_ entries: [AuditLogEntry]) -> Listing {
        Listing(columns: [
            Column("seq", "Event"), Column("at", "When"), Column("actor", "Actor"), Column("os_account", "Account"),
            Column("action", "Action"), Column("entity", "Record"), Column("ref", "Reference"), Column("details", "Details"),
            Column("hash", "Hash"),
        ], rows: entries.map { e in
            [.number(Int(e.event.seq)), .instant(e.event.at), .text(e.event.actor), .text(e.event.osAccount), .text(e.event.action),
             .text(e.event.entity), .text(e.event.entityRef), e.details.map { .text($0) } ?? .text("(purged)"), .text(e.hash)]
        })
    }
}
