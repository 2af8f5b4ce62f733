import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// Verifies the audit trail in two streaming passes, so that a trust's million events check in
/// seconds and in little memory:
///
/// 1. the chain, hashed straight from SQLite's column bytes (the same canonical encoding as
///    `AuditEvent.computedHash`), remembering each record's last state hash under a 64-bit key;
/// 2. every record as it is now, hashed with the same fields its events recorded, and compared.
struct AuditVerifier {
    private struct LastState {
        /// The first 16 bytes of the state hash, as text bytes of its hex form.
        var state: (UInt64, UInt64)
        var seq: Int64
    }

    let db: Database
    var result = AuditVerification(events: 0, head: AuditEvent.genesisHash, brokenEvent: nil, recordProblems: [],
                                   expectedHead: nil, recordsChecked: 0)
    private var lastState: [UInt64: LastState] = [:]

    init(db: Database) {
        self.db = db
    }

    /// `expectHead` is already checked: lowercase hex, 12 to 64 characters.
    mutating func run(expectHead: String?) throws -> AuditVerification {
        try checkChain(expectHead: expectHead)
        try checkRecords()
        return result
    }

    // MARK: - The chain

    private mutating func checkChain(expectHead wanted: String?) throws {
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
        var computed = [UInt8](repeating: 0, count: 64)
        let version = Array("shortlist-audit-v1\n".utf8)
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            let seq = sqlite3_column_int64(s, 0)
            result.events += 1
            // The canonical encoding, fed to the hasher field by field.
            var hasher = SHA256()
            version.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            for column: Int32 in 0...11 {
                if column == 7 || column == 8 || column == 10 || column == 0 {
                    if sqlite3_column_type(s, column) == SQLITE_NULL {
                        AuditVerifier.feed(&hasher, bytes: UnsafeRawBufferPointer(start: nil, count: 0))
                        continue
                    }
                }
                let count = Int(sqlite3_column_bytes(s, column))
                let text = sqlite3_column_text(s, column)
                AuditVerifier.feed(&hasher, bytes: UnsafeRawBufferPointer(start: text, count: count))
            }
            AuditVerifier.hex(hasher.finalize(), into: &computed)
            let stored = UnsafeRawBufferPointer(start: sqlite3_column_text(s, 12), count: Int(sqlite3_column_bytes(s, 12)))
            if result.brokenEvent == nil {
                if seq != expectedSeq {
                    result.brokenEvent = (seq, seq > expectedSeq
                        ? (seq - 1 == expectedSeq ? "event \(expectedSeq) is missing" : "events \(expectedSeq) to \(seq - 1) are missing")
                            + " (deleted from the trail)"
                        : "it is out of order (expected event \(expectedSeq))")
                } else if !AuditVerifier.equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 11), count: Int(sqlite3_column_bytes(s, 11))),
                                               previous) {
                    result.brokenEvent = (seq, "it does not follow the event before it (the trail was reordered, or an event removed)")
                } else if !AuditVerifier.equal(stored, computed) {
                    result.brokenEvent = (seq, "its contents no longer match its hash (it was changed after it was written)")
                } else if sqlite3_column_type(s, 13) != SQLITE_NULL {
                    var details = SHA256()
                    details.update(bufferPointer: UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 13), count: Int(sqlite3_column_bytes(s, 13))))
                    AuditVerifier.hex(details.finalize(), into: &computed)
                    if !AuditVerifier.equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 9), count: Int(sqlite3_column_bytes(s, 9))), computed) {
                        result.brokenEvent = (seq, "its details no longer match their hash (they were changed after they were written)")
                    }
                }
            }
            let hasDetails = sqlite3_column_type(s, 13) != SQLITE_NULL
            if !hasDetails { missingDetails.append(seq) }
            if hasDetails, AuditVerifier.equal(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 4), count: Int(sqlite3_column_bytes(s, 4))),
                                               AuditVerifier.purgeAction),
               let counts = try? JSONDecoder().decode(PurgeResult.self, from: Data(AuditVerifier.bytes(s, 13))) {
                purgeCounts[seq] = counts.auditDetails
            }
            if sqlite3_column_type(s, 10) != SQLITE_NULL {
                let key = AuditVerifier.key(entity: UnsafeRawBufferPointer(start: sqlite3_column_text(s, 5), count: Int(sqlite3_column_bytes(s, 5))),
                                            ref: UnsafeRawBufferPointer(start: sqlite3_column_text(s, 6), count: Int(sqlite3_column_bytes(s, 6))))
                lastState[key] = LastState(state: AuditVerifier.prefix(UnsafeRawBufferPointer(
                    start: sqlite3_column_text(s, 10), count: Int(sqlite3_column_bytes(s, 10)))), seq: seq)
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
        if result.brokenEvent == nil {
            // A detail may be missing only where a purge deleted it, and each purge deleted
            // exactly as many as its own (chained) details say.
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
        if let wanted {
            result.expectedHead = AuditVerifier.expectedHead(wanted, at: expectedAt, matches: expectedMatches, events: result.events)
        }
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

    /// `<byte count>:<bytes>\n`, as in the canonical encoding.
    private static func feed(_ hasher: inout SHA256, bytes: UnsafeRawBufferPointer) {
        // The decimal length and ':' written backwards into a small buffer on the stack.
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { digits in
            var index = digits.count - 1
            digits[index] = UInt8(ascii: ":")
            var count = bytes.count
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(count % 10)
                count /= 10
            } while count > 0
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: digits[index...]))
        }
        if bytes.count > 0 { hasher.update(bufferPointer: bytes) }
        withUnsafeBytes(of: UInt8(ascii: "\n")) { hasher.update(bufferPointer: $0) }
    }

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

    /// A record's key: FNV-1a (64-bit) of `entity␟reference`.
    static func key(entity: UnsafeRawBufferPointer, ref: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in entity { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        for byte in ref { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static func key(entity: String, ref: String) -> UInt64 {
        var entity = entity, ref = ref
        return entity.withUTF8 { e in ref.withUTF8 { r in key(entity: UnsafeRawBufferPointer(e), ref: UnsafeRawBufferPointer(r)) } }
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
    private mutating func checkRecords() throws {
        var purgedPrefixes: [String] = []
        // Problems sorted by record (entity, then reference), whatever order the tables are read in.
        var problems: [(key: String, text: String)] = []
        defer { result.recordProblems += problems.sorted { $0.key < $1.key }.map(\.text) }
        try Store.forEachRecordState(db) { entity, ref, digest, asSeeded in
            result.recordsChecked += 1
            let key = AuditVerifier.key(entity: entity, ref: ref)
            let name = "\(entity) \(ref)"
            switch lastState.removeValue(forKey: key) {
            case nil where asSeeded: break
            case nil: problems.append((entity + "\u{1F}" + ref, "\(name) has no audit event (added without one)"))
            case let last? where last.state != { var d = digest; return d.withUTF8 { AuditVerifier.prefix(UnsafeRawBufferPointer($0)) } }():
                problems.append((entity + "\u{1F}" + ref, "\(name) does not match its last audit event (changed without one)"))
            default: break
            }
        } stub: { problem, prefixes in
            if let problem { problems.append((problem, problem)) }
            purgedPrefixes += prefixes
        }
        guard !lastState.isEmpty else { return }
        // Records with events but no row: name them from their last event.
        let seqs = JSONText.array(lastState.values.map { String($0.seq) })
        for row in try Row.fetchAll(db, sql: """
            SELECT entity, entity_ref FROM audit_event WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq
            """, arguments: [seqs]) {
            let entity: String = row["entity"], ref: String = row["entity_ref"]
            // The entries and findings of a purged stub were blanked by the purge, not deleted.
            if purgedPrefixes.contains(where: { (entity + "\u{1F}" + ref).hasPrefix($0) }) { continue }
            problems.append((entity + "\u{1F}" + ref, "\(entity) \(ref) is in the audit trail but no longer in the records (deleted without an event)"))
        }
    }
}

extension Store {
    /// Recomputes the audit chain and checks every record against its last event. `expectHead` is a
    /// head recorded earlier: the whole hash, or at least its first 12 characters (spaces ignored, so
    /// the fingerprint can be given as printed).
    public func verifyAudit(expectHead: String? = nil) throws(ShortlistError) -> AuditVerification {
        let wanted = try expectHead.map { (text) throws(ShortlistError) in try AuditVerification.headPrefix(text) }
        return try read { db in
            var verifier = AuditVerifier(db: db)
            return try verifier.run(expectHead: wanted)
        }
    }
}
