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

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.events == rhs.events && lhs.head == rhs.head && lhs.brokenEvent?.seq == rhs.brokenEvent?.seq
            && lhs.recordProblems == rhs.recordProblems && lhs.expectedHead?.found == rhs.expectedHead?.found
    }
}

extension Store {
    /// Recomputes the audit chain and checks every record against its last event.
    public func verifyAudit(expectHead: String? = nil) throws(ShortlistError) -> AuditVerification {
        try read { db in
            var result = AuditVerification(events: 0, head: AuditEvent.genesisHash, brokenEvent: nil, recordProblems: [],
                                           expectedHead: nil, recordsChecked: 0)
            var lastState: [String: String] = [:]
            var missingDetails: [Int64] = []
            var purgeCounts: [Int64: Int] = [:]
            var expectedSeq: Int64 = 1
            var previous = AuditEvent.genesisHash
            var expectedAt: Int64?
            let wanted = expectHead?.lowercased()
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT e.*, d.details FROM audit_event e LEFT JOIN audit_detail d ON d.seq = e.seq ORDER BY e.seq
                """)
            while let row = try cursor.next() {
                let event = AuditEvent(
                    seq: row["seq"], at: row["at"], actor: row["actor"], osAccount: row["os_account"], action: row["action"],
                    entity: row["entity"], entityRef: row["entity_ref"], vacancyID: row["vacancy_id"], candidateID: row["candidate_id"],
                    detailsHash: row["details_hash"], stateHash: row["state_hash"], prevHash: row["prev_hash"])
                let stored: String = row["hash"]
                result.events += 1
                if result.brokenEvent == nil {
                    if event.seq != expectedSeq {
                        result.brokenEvent = (event.seq, event.seq > expectedSeq
                            ? "events \(expectedSeq) to \(event.seq - 1) are missing (deleted from the trail)"
                            : "it is out of order (expected event \(expectedSeq))")
                    } else if event.prevHash != previous {
                        result.brokenEvent = (event.seq, "it does not follow the event before it (the trail was reordered, or an event removed)")
                    } else if event.computedHash != stored {
                        result.brokenEvent = (event.seq, "its contents no longer match its hash (it was changed after it was written)")
                    } else if let details: String = row["details"], Digest.sha256(details) != event.detailsHash {
                        result.brokenEvent = (event.seq, "its details no longer match their hash (they were changed after they were written)")
                    }
                }
                if (row["details"] as String?) == nil { missingDetails.append(event.seq) }
                if event.action == "purge", let details: String = row["details"],
                   let counts = try? JSONDecoder().decode(PurgeResult.self, from: Data(details.utf8)) {
                    purgeCounts[event.seq] = counts.auditDetails
                }
                if let state = event.stateHash { lastState[event.entity + "\u{1F}" + event.entityRef] = state }
                if stored == wanted { expectedAt = event.seq }
                previous = stored
                expectedSeq = event.seq + 1
            }
            result.head = previous
            if result.brokenEvent == nil {
                // A detail may be missing only where a purge event deleted it, and each purge
                // deleted exactly as many as its own (chained) details say.
                var marks: [Int64: Int64] = [:]
                var marked: [Int64: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT seq, purge_seq FROM audit_detail_purge") {
                    marks[row["seq"]] = row["purge_seq"]
                    marked[row["purge_seq"], default: 0] += 1
                }
                if let first = missingDetails.first(where: { marks[$0].map { purgeCounts[$0] == nil } ?? true }) {
                    result.brokenEvent = (first, "its details were deleted, and no purge accounts for it")
                } else if let purge = marked.first(where: { purgeCounts[$0.key] != $0.value })?.key {
                    result.brokenEvent = (purge, "the details marked as deleted by this purge do not match the count it recorded")
                }
            }
            if wanted != nil {
                result.expectedHead = expectedAt.map {
                    (true, "the expected head is event \($0); \(result.events - Int($0)) events have been added since")
                } ?? (false, "no event of this chain has that hash: the chain recorded then is not a prefix of today's")
            }
            let (records, stubs) = try Store.currentRecordStates(db)
            result.recordsChecked = records.count
            result.recordProblems += stubs.problems
            // The entries and findings of a purged stub were blanked by the purge: their last
            // events describe what was deleted, and `stubs` checked that nothing personal is left.
            for key in lastState.keys where stubs.prefixes.contains(where: key.hasPrefix) {
                lastState.removeValue(forKey: key)
            }
            for (key, state) in records.sorted(by: { $0.key < $1.key }) {
                let name = key.replacingOccurrences(of: "\u{1F}", with: " ")
                switch lastState.removeValue(forKey: key) {
                case nil: result.recordProblems.append("\(name) has no audit event (added without one)")
                case let recorded? where recorded != state: result.recordProblems.append("\(name) does not match its last audit event (changed without one)")
                default: break
                }
            }
            for key in lastState.keys.sorted() {
                result.recordProblems.append("\(key.replacingOccurrences(of: "\u{1F}", with: " ")) is in the audit trail but no longer in the records (deleted without an event)")
            }
            return result
        }
    }

    /// Every record the tool keeps, by `entity␟reference`, with the hash of its fields: the same
    /// fields each change records as its state. Rows seeded by the schema count only once changed.
    static func currentRecordStates(_ db: Database) throws -> ([String: String], stubs: (prefixes: [String], problems: [String])) {
        var states: [String: String] = [:]
        var prefixes: [String] = []
        var problems: [String] = []
        func add(_ entity: String, _ ref: String, _ fields: [String: String]) { states[entity + "\u{1F}" + ref] = Digest.state(fields) }
        for row in try Row.fetchAll(db, sql: """
            SELECT s.id, s.name, s.created_at, group_concat(r.role) AS roles
            FROM staff s LEFT JOIN staff_role r ON r.staff_id = s.id GROUP BY s.id
            """) {
            let member = StaffMember(row: row)
            add("staff", member.name, member.auditFields)
        }
        for row in try Row.fetchAll(db, sql: Vacancy.selectSQL) {
            let vacancy = Vacancy(row: row)
            add("vacancy", vacancy.reference, vacancy.auditFields)
        }
        var purged = Set<CandidateReference>()
        for row in try Row.fetchAll(db, sql: Candidate.selectSQL) {
            let candidate = Candidate(row: row)
            add("candidate", candidate.reference.description, candidate.auditFields)
            if candidate.purgedOn != nil {
                purged.insert(candidate.reference)
                prefixes += ["search_entry\u{1F}\(candidate.reference)#", "finding\u{1F}\(candidate.reference)/F"]
                let personal = [candidate.town, candidate.currentEmployer, candidate.email] + candidate.otherNames + candidate.previousEmployers
                    + (candidate.outcome == .appointed ? [] : [candidate.fullName])
                if personal.contains(where: { !$0.isEmpty }) { problems.append("purged candidate \(candidate.reference) still holds personal data") }
            }
        }
        for entry in try SearchEntry.fetchAll(db, candidateIDs: nil) {
            if purged.contains(entry.candidate) {
                if !entry.query.isEmpty || !entry.note.isEmpty || !entry.addresses.isEmpty || !entry.evidence.isEmpty {
                    problems.append("search entry \(entry.id) of purged candidate \(entry.candidate) still holds personal data")
                }
                continue
            }
            add("search_entry", "\(entry.candidate)#\(entry.id)", entry.auditFields)
        }
        let candidateIDs = try Int64.fetchAll(db, sql: "SELECT id FROM candidate")
        for finding in try Finding.fetchAll(db, candidateIDs: candidateIDs) {
            if purged.contains(finding.reference.candidate) {
                if finding.versions.contains(where: { $0.summary != "(purged)" || !$0.sources.isEmpty }) {
                    problems.append("finding \(finding.reference) of a purged candidate still holds personal data")
                }
                continue
            }
            add("finding", finding.reference.description, finding.current.auditFields(version: finding.current.version, entries: finding.entries))
        }
        let seeded = try Store.seededRows()
        for row in try Row.fetchAll(db, sql: "SELECT key, label FROM finding_category") {
            let fields: [String: String] = ["key": row["key"], "label": row["label"]]
            if seeded["finding_category\u{1F}" + fields["key"]!] != Digest.state(fields) { add("finding_category", fields["key"]!, fields) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            let fields: [String: String] = ["value": row["value"]]
            if seeded["setting\u{1F}" + (row["key"] as String)] != Digest.state(fields) { add("setting", row["key"], fields) }
        }
        for searchProtocol in try SearchProtocol.fetchAll(db) {
            let fields = ["file": ProtocolFile.export(searchProtocol)]
            if seeded["protocol\u{1F}" + searchProtocol.title] != Digest.state(fields) { add("protocol", searchProtocol.title, fields) }
        }
        return (states, (prefixes, problems))
    }

    /// The settings, categories and protocols the schema itself seeds, as state hashes: found by
    /// migrating an empty in-memory database, so they follow the migrations exactly.
    static func seededRows() throws -> [String: String] {
        let queue = try DatabaseQueue()
        try migrator().migrate(queue)
        return try queue.read { db in
            var rows: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, label FROM finding_category") {
                rows["finding_category\u{1F}" + (row["key"] as String)] = Digest.state(["key": row["key"], "label": row["label"]])
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
                rows["setting\u{1F}" + (row["key"] as String)] = Digest.state(["value": row["value"]])
            }
            for searchProtocol in try SearchProtocol.fetchAll(db) {
                rows["protocol\u{1F}" + searchProtocol.title] = Digest.state(["file": ProtocolFile.export(searchProtocol)])
            }
            return rows
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

extension Listing {
    /// Audit events, oldest first.
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
