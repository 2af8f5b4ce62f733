import Foundation
import GRDB

/// The result of `audit verify`.
public struct AuditVerification: Equatable, Sendable {
    /// Events in the chain.
    public var events: Int
    /// The last event's hash: record it (in a governors' minutes, say) to check later with `--expect-head`.
    public var head: String
    /// The first place the chain is broken, and why; nil when the chain holds.
    public var brokenEvent: (seq: Int64, reason: String)?
    /// Records that no longer match their last audit event (changed, added or deleted without one).
    public var recordProblems: [String]
    /// With an expected head: where it stands in today's chain, or why it is not there.
    public var expectedHead: (found: Bool, detail: String)?
    /// Records compared with their last event.
    public var recordsChecked: Int

    public var isValid: Bool { brokenEvent == nil && recordProblems.isEmpty && expectedHead?.found != false }

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

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.events == rhs.events && lhs.head == rhs.head && lhs.brokenEvent?.seq == rhs.brokenEvent?.seq
            && lhs.recordProblems == rhs.recordProblems && lhs.expectedHead?.found == rhs.expectedHead?.found
    }
}

extension Store {
    /// Calls `digest` with every record the tool keeps, as `entity`, `reference` and the digest of the fields each
    /// change records as its state; rows seeded by the schema count only once changed. Purged
    /// stubs' entries and findings are not compared (the purge blanked them): `stub` is told the
    /// prefixes of their references, and any personal data still left in them.
    static func forEachRecordState(_ db: Database, _ digest: (String, String, String, Bool) throws -> Void,
                                   stub: (String?, [String]) -> Void) throws {
        func body(_ entity: String, _ ref: String, _ fields: [String: String]) throws { try digest(entity, ref, Digest.state(fields), false) }
        /// A row the schema seeds: it needs no event while it still equals its seed.
        func seededRow(_ entity: String, _ ref: String, _ fields: [String: String], seed: String?) throws {
            let state = Digest.state(fields)
            try digest(entity, ref, state, seed == state)
        }
        for row in try Row.fetchAll(db, sql: StaffMember.selectSQL()) {
            let member = StaffMember(row: row)
            try body("staff", member.name, member.auditFields)
        }
        let vacancies = try Row.fetchCursor(db, sql: Vacancy.selectSQL)
        while let row = try vacancies.next() {
            let vacancy = Vacancy(row: row)
            try body("vacancy", vacancy.reference, vacancy.auditFields)
        }
        var purged = Set<String>()
        let candidates = try Row.fetchCursor(db, sql: Candidate.selectSQL)
        while let row = try candidates.next() {
            let candidate = Candidate(row: row)
            try body("candidate", candidate.reference.description, candidate.auditFields)
            guard candidate.purgedOn != nil else { continue }
            purged.insert(candidate.reference.description)
            let personal = [candidate.town, candidate.currentEmployer, candidate.email] + candidate.otherNames + candidate.previousEmployers
                + (candidate.outcome == .appointed ? [] : [candidate.fullName])
            stub(personal.contains { !$0.isEmpty } ? "purged candidate \(candidate.reference) still holds personal data" : nil,
                 ["search_entry\u{1F}\(candidate.reference)#", "finding\u{1F}\(candidate.reference)/F"])
        }
        let entries = try Row.fetchCursor(db, sql: """
            SELECT e.id, e.step_key, e.planned_query, e.query, e.searched_at, e.outcome, e.note, e.late, e.withdrawn_reason,
                   c.number, v.reference AS vacancy_reference,
                   (SELECT group_concat(address, ' ') FROM
                       (SELECT address FROM search_address WHERE entry_id = e.id ORDER BY position)) AS addresses,
                   (SELECT group_concat(rule || ': ' || reason, '; ') FROM
                       (SELECT rule, reason FROM search_override WHERE entry_id = e.id ORDER BY rule)) AS overrides,
                   (SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM evidence WHERE entry_id = e.id ORDER BY id)) AS evidence
            FROM search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            """)
        func text(_ row: Row, _ index: Int) -> String { (row[index] as String?) ?? "" }
        while let row = try entries.next() {
            let id: Int64 = row[0]
            let candidate = "\(row[10] as String)/\(row[9] as Int)"
            let fields = SearchEntry.stateFields(
                step: row[1], plannedQuery: row[2], query: row[3], searchedAt: row[4], outcome: row[5], note: row[6], late: row[7],
                // Joined in SQL exactly as `SearchEntry.auditFields` joins them.
                addresses: text(row, 11), overrides: text(row, 12), evidence: text(row, 13), withdrawnReason: text(row, 8))
            if purged.contains(candidate) {
                if !(row[3] as String).isEmpty || !(row[6] as String).isEmpty || !text(row, 11).isEmpty || !text(row, 13).isEmpty {
                    stub("search entry \(id) of purged candidate \(candidate) still holds personal data", [])
                }
                continue
            }
            try digest("search_entry", "\(candidate)#\(id)", Digest.state(sorted: fields.map { (key: $0.0, value: $0.1) }), false)
        }
        // Findings a few hundred candidates at a time, so memory stays flat however many there are.
        let candidateIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT candidate_id FROM finding ORDER BY candidate_id")
        for start in stride(from: 0, to: candidateIDs.count, by: 500) {
            for finding in try Finding.fetchAll(db, candidateIDs: Array(candidateIDs[start..<min(start + 500, candidateIDs.count)])) {
                if purged.contains(finding.reference.candidate.description) {
                    if finding.versions.contains(where: { $0.summary != "(purged)" || !$0.sources.isEmpty }) {
                        stub("finding \(finding.reference) of a purged candidate still holds personal data", [])
                    }
                    continue
                }
                try body("finding", finding.reference.description,
                         finding.current.auditFields(entries: finding.entries))
            }
        }
        let seeded = try Store.seededStates()
        for (entity, ref, fields) in try Store.seedableRows(db) {
            try seededRow(entity, ref, fields, seed: seeded[entity + "\u{1F}" + ref])
        }
    }

    /// The rows of the tables the schema seeds (finding categories, settings, protocols), with
    /// the fields their changes record: read the same way from a database and from the seed.
    static func seedableRows(_ db: Database) throws -> [(entity: String, ref: String, fields: [String: String])] {
        try Row.fetchAll(db, sql: "SELECT key, label FROM finding_category").map { ("finding_category", $0["key"], ["key": $0["key"], "label": $0["label"]]) }
            + Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ("setting", $0["key"], ["value": $0["value"]]) }
            + SearchProtocol.fetchAll(db).map { ("protocol", $0.title, ["file": ProtocolFile.export($0)]) }
    }

    /// The state hashes of what the schema itself seeds, found once per process by migrating an
    /// empty in-memory database, so they follow the migrations exactly.
    static func seededStates() throws -> [String: String] {
        try seeded.get()
    }

    private static let seeded = Result<[String: String], any Error> {
        let queue = try DatabaseQueue()
        try migrator().migrate(queue)
        return try queue.read { db in
            Dictionary(uniqueKeysWithValues: try seedableRows(db).map { ($0.entity + "\u{1F}" + $0.ref, Digest.state($0.fields)) })
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
    /// Audit events matching the filter, oldest first.
    public func auditLog(_ filter: AuditFilter) throws(ShortlistError) -> [AuditLogEntry] {
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
