import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// Verifies the audit trail in two streaming passes, so that a trust's million events check in
/// seconds and in little memory:
///
/// 1. the chain, hashed straight from SQLite's column bytes (the same canonical encoding as
///    `AuditEvent.computedHash`), remembering each record's last state hash under a 64-bit key, and
///    checking any anchors (heads recorded earlier) as their events go by;
/// 2. every record as it is now, hashed from its stored columns as `AuditState` reads them (by
///    `AuditRecordScan`, on a second connection on the other core while the chain is hashed), and
///    compared; the few whose last event is older than that encoding are then hashed as it recorded them.
struct AuditVerifier {
    private struct LastState {
        /// The first 16 bytes of the state hash, as text bytes of its hex form.
        var state: (UInt64, UInt64)
        var seq: Int64
        /// Whether the event hashed every column (`AuditState`), or the fewer fields of earlier versions.
        var full: Bool
    }

    let db: Database
    var result = AuditVerification(events: 0, head: AuditEvent.genesisHash, brokenEvent: nil, recordProblems: [],
                                   expectedHead: nil, recordsChecked: 0)
    private var lastState: [UInt64: LastState] = [:]

    init(db: Database) {
        self.db = db
    }

    /// `expectHead` is already checked: lowercase hex, 12 to 64 characters.
    /// `scan` is the record pass's reading, under way on another connection; nil, or begun on a
    /// different state of the database (another head), it is done again here, after the chain.
    mutating func run(expectHead: String?, anchors: [AuditAnchor], scan pending: AuditRecordScan.Pending?) throws -> AuditVerification {
        // The first read of this transaction: it fixes the state the chain is read in.
        let head = try AuditEvent.head(db)
        // Room for a record per event, so the table is not copied as it grows (the copy is the peak of memory).
        lastState.reserveCapacity(Int(min(head.seq, 1 << 24)))
        try checkChain(expectHead: expectHead, anchors: anchors)
        let scan = try (try? pending?.wait()).flatMap { $0.head == head ? $0 : nil } ?? AuditRecordScan.scan(db)
        try checkRecords(scan)
        return result
    }

    // MARK: - The chain

    private mutating func checkChain(expectHead wanted: String?, anchors: [AuditAnchor]) throws {
        let statement = try db.makeStatement(sql: """
            SELECT e.seq, e.at, e.actor, e.os_account, e.action, e.entity, e.entity_ref, e.vacancy_id, e.candidate_id,
                   e.details_hash, e.state_hash, e.prev_hash, e.hash, d.details
            FROM audit_event e LEFT JOIN audit_detail d ON d.seq = e.seq ORDER BY e.seq
            """)
        let s = statement.sqliteStatement
        var previous = Array(AuditEvent.genesisHash.utf8)
        var expectedSeq: Int64 = 1
        // Where the expected head (or prefix) matched: its seq, and how many events the chain held up to it.
        var expectedAt: (seq: Int64, events: Int)?
        var expectedMatches = 0
        var missingDetails: [Int64] = []
        var purgeCounts: [Int64: Int] = [:]
        let wantedBytes = wanted.map { Array($0.utf8) }
        // Each anchor's index by its event, and whether its event has been seen.
        let anchored = Dictionary(grouping: anchors.indices, by: { anchors[$0].seq })
        let anchorHashes = anchors.map { Array($0.hash.utf8) }
        var anchorSeen = [Bool](repeating: false, count: anchors.count)
        var computed = [UInt8](repeating: 0, count: 64)
        let version = Array("shortlist-audit-v1\n".utf8)
        let buffer = CanonicalBuffer()
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            let seq = sqlite3_column_int64(s, 0)
            result.events += 1
            let stored = UnsafeRawBufferPointer(start: sqlite3_column_text(s, 12), count: Int(sqlite3_column_bytes(s, 12)))
            if result.brokenEvent == nil,
               let problem = AuditVerifier.problem(of: s, seq: seq, expectedSeq: expectedSeq, previous: previous, stored: stored,
                                                   version: version, buffer: buffer, computed: &computed) {
                result.brokenEvent = (seq, problem)
            }
            let hasDetails = sqlite3_column_type(s, 13) != SQLITE_NULL
            if !hasDetails { missingDetails.append(seq) }
            if hasDetails, AuditVerifier.equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 4), count: Int(sqlite3_column_bytes(s, 4))),
                                               AuditVerifier.purgeAction),
               let counts = try? JSONDecoder().decode(PurgeResult.self, from: Data(AuditVerifier.bytes(s, 13))) {
                purgeCounts[seq] = counts.auditDetails
            }
            if sqlite3_column_type(s, 10) != SQLITE_NULL {
                let key = AuditRecordScan.key(entity: UnsafeRawBufferPointer(start: sqlite3_column_text(s, 5), count: Int(sqlite3_column_bytes(s, 5))),
                                            ref: UnsafeRawBufferPointer(start: sqlite3_column_text(s, 6), count: Int(sqlite3_column_bytes(s, 6))))
                let state = UnsafeRawBufferPointer(start: sqlite3_column_text(s, 10), count: Int(sqlite3_column_bytes(s, 10)))
                let full = AuditVerifier.hasPrefix(state, AuditVerifier.fullMarker)
                lastState[key] = LastState(state: AuditVerifier.prefix(full ? UnsafeRawBufferPointer(rebasing: state[AuditVerifier.fullMarker.count...]) : state),
                                           seq: seq, full: full)
            }
            if let indices = anchored[seq] {
                for index in indices {
                    anchorSeen[index] = true
                    if !AuditVerifier.hasPrefix(stored, anchorHashes[index]) {
                        result.anchorProblems.append("the \(anchors[index].name): that event's hash is now "
                            + "\(AuditVerification.fingerprint(of: String(decoding: stored, as: UTF8.self))), not "
                            + "\(AuditVerification.fingerprint(of: anchors[index].hash)); the trail has been rewritten since the anchor was recorded")
                    }
                }
            }
            if let wantedBytes, AuditVerifier.hasPrefix(stored, wantedBytes) {
                expectedMatches += 1
                if expectedAt == nil { expectedAt = (seq, result.events) }
            }
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: stored)
            expectedSeq = seq + 1
        }
        result.head = String(decoding: previous, as: UTF8.self)
        result.anchorsChecked = anchors.count
        for index in anchors.indices where !anchorSeen[index] {
            result.anchorProblems.append(AuditVerifier.missing(anchors[index], trailEnd: expectedSeq - 1))
        }
        if result.brokenEvent == nil {
            result.brokenEvent = try unaccountedDeletion(missingDetails: missingDetails, purgeCounts: purgeCounts)
        }
        if let wanted {
            result.expectedHead = AuditVerifier.expectedHead(wanted, at: expectedAt, matches: expectedMatches, events: result.events)
        }
    }

    /// What is wrong with the event in the current row of `s`, if anything: its place in the chain, its
    /// hash (recomputed into `computed` from the canonical encoding, fed to the hasher field by field), or its details' hash.
    @inline(__always)
    private static func problem(of s: OpaquePointer, seq: Int64, expectedSeq: Int64, previous: [UInt8], stored: UnsafeRawBufferPointer,
                                version: [UInt8], buffer: CanonicalBuffer, computed: inout [UInt8]) -> String? {
        buffer.start(with: version)
        for column: Int32 in 0...11 {
            if column == 7 || column == 8 || column == 10 || column == 0 {
                if sqlite3_column_type(s, column) == SQLITE_NULL {
                    buffer.field(UnsafeRawBufferPointer(start: nil, count: 0))
                    continue
                }
            }
            let count = Int(sqlite3_column_bytes(s, column))
            let text = sqlite3_column_text(s, column)
            buffer.field(UnsafeRawBufferPointer(start: text, count: count))
        }
        hex(buffer.digest, into: &computed)
        if seq != expectedSeq {
            return seq > expectedSeq
                ? (seq - 1 == expectedSeq ? "event \(expectedSeq) is missing" : "events \(expectedSeq) to \(seq - 1) are missing")
                    + " (deleted from the trail)"
                : "it is out of order (expected event \(expectedSeq))"
        }
        if !equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 11), count: Int(sqlite3_column_bytes(s, 11))), previous) {
            return "it does not follow the event before it (the trail was reordered, or an event removed)"
        }
        if !equal(stored, computed) { return "its contents no longer match its hash (it was changed after it was written)" }
        guard sqlite3_column_type(s, 13) != SQLITE_NULL else { return nil }
        var details = SHA256()
        details.update(bufferPointer: UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 13), count: Int(sqlite3_column_bytes(s, 13))))
        hex(details.finalize(), into: &computed)
        if !equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 9), count: Int(sqlite3_column_bytes(s, 9))), computed) {
            return "its details no longer match their hash (they were changed after they were written)"
        }
        return nil
    }

    /// What an anchor whose event the chain did not hold says: the trail was cut short, or the event deleted.
    private static func missing(_ anchor: AuditAnchor, trailEnd: Int64) -> String {
        anchor.seq > trailEnd
            ? "the \(anchor.name): the trail now ends at event \(trailEnd), so events have been removed from its end since the "
                + "anchor was recorded (or the anchor is another database's)"
            : "the \(anchor.name): that event is no longer in the trail (it was deleted)"
    }

    /// A detail may be missing only where a purge deleted it, and each purge deleted exactly as many as
    /// its own (chained) details say: the first event that breaks this, and why.
    private func unaccountedDeletion(missingDetails: [Int64], purgeCounts: [Int64: Int]) throws -> (Int64, String)? {
        var marks: [Int64: Int64] = [:]
        var marked: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT seq, purge_seq FROM audit_detail_purge") {
            marks[row["seq"]] = row["purge_seq"]
            marked[row["purge_seq"], default: 0] += 1
        }
        if let first = missingDetails.first(where: { marks[$0].map { purgeCounts[$0] == nil } ?? true }) {
            return (first, "its details were deleted, and no purge accounts for it")
        }
        if let purge = marked.first(where: { purgeCounts[$0.key] != $0.value })?.key {
            return (purge, "the details marked as deleted by this purge do not match the count it recorded")
        }
        return nil
    }

    /// Where the expected head stands in today's chain of `events` events.
    private static func expectedHead(_ wanted: String, at match: (seq: Int64, events: Int)?, matches: Int,
                                     events: Int) -> (found: Bool, detail: String) {
        guard let match else {
            return (false, "no event of this chain has that hash: the chain recorded then is not a prefix of today's")
        }
        guard matches == 1 else {
            return (false, "\(matches) events of this chain have hashes starting \(wanted): give more characters of the head")
        }
        // Events numbered up to the head but no longer in the trail were deleted since it was recorded.
        let removed = Int(match.seq) - match.events
        if removed > 0 {
            return (false, "the expected head is event \(match.seq), but the trail is shorter than when it was recorded: "
                + "\(removed) event\(removed == 1 ? "" : "s") before it \(removed == 1 ? "has" : "have") been removed")
        }
        let added = events - match.events
        return (true, "the expected head is event \(match.seq); \(added) event\(added == 1 ? " has" : "s have") been added since")
    }

    private static let purgeAction = Array("purge".utf8)
    private static let fullMarker = Array(AuditState.marker.utf8)

    private static func hex(_ digest: SHA256.Digest, into out: inout [UInt8]) {
        out.withUnsafeMutableBufferPointer { Digest.hex(digest, into: $0) }
    }

    private static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && prefix.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }

    private static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: [UInt8]) -> Bool {
        lhs.count == rhs.count && rhs.withUnsafeBytes { lhs.count == 0 || memcmp(lhs.baseAddress!, $0.baseAddress!, lhs.count) == 0 }
    }

    private static func bytes(_ statement: SQLiteStatement, _ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let text = sqlite3_column_text(statement, column) else { return [] }
        return Array(UnsafeBufferPointer(start: text, count: count))
    }

    /// The first 32 hex characters of a hash, as two numbers.
    static func prefix(_ hex: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        func word(_ range: Range<Int>) -> UInt64 {
            range.reduce(UInt64(0)) { value, index in
                let c = index < hex.count ? hex[index] : 0
                let nibble = c >= 97 ? UInt64(c - 87) : c >= 48 ? UInt64(c - 48) : 0
                return value << 4 | nibble
            }
        }
        return (word(0..<16), word(16..<32))
    }

    // MARK: - The records

    /// Compares every record with its last event; reports those changed, added or deleted without one.
    private mutating func checkRecords(_ scan: AuditRecordScan) throws {
        let stubs = try Store.purgedStubs(db)
        // Problems sorted by record (entity, then reference), whatever order the tables are read in.
        var problems: [(key: String, text: String)] = stubs.problems.map { ($0, $0) }
        defer { result.recordProblems += problems.sorted { $0.key < $1.key }.map(\.text) }
        // The kinds of record some of whose last events hashed fewer fields: checked again, as those did.
        var legacy = Set<String>()
        // Seeded rows not yet seen: one still missing at the end was deleted (or renamed) without an event.
        var unseen = Set(try AuditState.seededStates().keys)
        for record in scan.records {
            let kind = AuditState.kinds[Int(record.kind)]
            if record.stub {
                lastState.removeValue(forKey: record.key)
                continue
            }
            result.recordsChecked += 1
            func name() -> String { kind.entity + "\u{1F}" + scan.ref(record) }
            func problem(_ text: String) { problems.append((name(), "\(kind.entity) \(scan.ref(record)) \(text)")) }
            if kind.seeded { unseen.remove(name()) }
            guard let last = lastState[record.key] else {
                if !record.asSeeded { problem("has no audit event (added without one)") }
                continue
            }
            guard last.full else {
                legacy.insert(kind.entity)
                continue
            }
            lastState.removeValue(forKey: record.key)
            if last.state != record.state {
                problem("does not match its last audit event (changed without one)")
            }
        }
        if !legacy.isEmpty {
            try Store.forEachLegacyRecordState(db, entities: legacy) { entity, ref, digests in
                let key = AuditRecordScan.key(entity: entity, ref: ref)
                guard let last = lastState[key], !last.full else { return }
                lastState.removeValue(forKey: key)
                result.legacyRecords += 1
                if !digests.contains(where: { digest in
                    var digest = digest
                    return digest.withUTF8 { AuditVerifier.prefix(UnsafeRawBufferPointer($0)) } == last.state
                }) {
                    problems.append((entity + "\u{1F}" + ref, "\(entity) \(ref) does not match its last audit event (changed without one)"))
                }
            }
        }
        for name in unseen where lastState[AuditRecordScan.key(entity: String(name.prefix { $0 != "\u{1F}" }),
                                                               ref: String(name.drop { $0 != "\u{1F}" }.dropFirst()))] == nil {
            problems.append((name, name.replacingOccurrences(of: "\u{1F}", with: " ")
                + " is seeded by the schema but no longer in the records (deleted without an event)"))
        }
        guard !lastState.isEmpty else { return }
        // Records with events but no row: name them from their last event.
        let seqs = JSONText.array(lastState.values.map { String($0.seq) })
        for row in try Row.fetchAll(db, sql: """
            SELECT entity, entity_ref FROM audit_event WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq
            """, arguments: [seqs]) {
            let entity: String = row["entity"], ref: String = row["entity_ref"]
            // The entries and findings of a purged stub were blanked by the purge, not deleted.
            if stubs.prefixes.contains(where: { (entity + "\u{1F}" + ref).hasPrefix($0) }) { continue }
            problems.append((entity + "\u{1F}" + ref, "\(entity) \(ref) is in the audit trail but no longer in the records (deleted without an event)"))
        }
    }
}

extension Store {
    /// Recomputes the audit chain and checks every record against its last event. `expectHead` is a
    /// head recorded earlier: the whole hash, or at least its first 12 characters (spaces ignored, so
    /// the fingerprint can be given as printed). Each of `anchors` must be an event of the chain with
    /// the hash recorded.
    public func verifyAudit(expectHead: String? = nil, anchors: [AuditAnchor] = []) throws(ShortlistError) -> AuditVerification {
        let wanted = try expectHead.map { (text) throws(ShortlistError) in try AuditVerification.headPrefix(text) }
        // The records are read and hashed on a second connection while the chain is hashed on this
        // one; inside a batch, whose changes only its own connection sees, both are done on that one.
        let reader = !inBatch ? try? DatabaseQueue(path: path, configuration: Store.readerConfiguration()) : nil
        let scan = reader.map(AuditRecordScan.start)
        defer { _ = try? scan?.wait(); try? reader?.close() }
        return try read { db in
            var verifier = AuditVerifier(db: db)
            return try verifier.run(expectHead: wanted, anchors: anchors, scan: scan)
        }
    }
}
