import Dispatch
import GRDB
import GRDBSQLite

/// The reading and hashing half of `audit verify`'s record pass: every record as it is now, hashed
/// from its stored columns as `AuditState` reads them, kept compactly for comparing with the chain.
///
/// It needs nothing from the chain, so it runs on a second connection on the other core while the
/// chain is hashed. Both connections must read the same state of the database: each reads the
/// trail's head as its read transaction begins, and a scan whose head differs from the chain's is
/// thrown away and done again on the chain's own connection. Every change the tool makes appends an
/// event, so equal heads mean no change of the tool's came between the two.
struct AuditRecordScan {
    struct Record {
        let key: UInt64
        /// The first 16 bytes of the record's state hash.
        let state: (UInt64, UInt64)
        let refStart: UInt32
        /// Its length in bytes (a longer one, which no reference the tool makes is, is shown cut short).
        let refCount: UInt16
        /// The index of its kind in `AuditState.kinds`.
        let kind: UInt8
        /// `stub` (1): a purged stub's entry or finding, checked for personal data instead; `asSeeded` (2):
        /// a seeded kind's row whose state is still the one the schema seeds. 32 bytes a record in all.
        let flags: UInt8

        var stub: Bool { flags & 1 != 0 }
        var asSeeded: Bool { flags & 2 != 0 }
    }

    /// The trail's head as this scan's read transaction saw it.
    var head: (seq: Int64, hash: String) = (0, "")
    var records: [Record] = []
    /// Every record's reference, one after another (`Record.refStart`, `refCount`).
    var refs: [UInt8] = []

    func ref(_ record: Record) -> String {
        String(decoding: refs[Int(record.refStart)..<Int(record.refStart) + Int(record.refCount)], as: UTF8.self)
    }

    /// Reads and hashes every record of every kind, in `AuditState.kinds` order.
    static func scan(_ db: Database) throws -> AuditRecordScan {
        var scan = AuditRecordScan()
        scan.head = try AuditEvent.head(db)
        let seeded = try AuditState.seededStates()
        // Room for every record at once: growing the list by copying would double its peak.
        var count = 0
        for kind in AuditState.kinds { count += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0 }
        scan.records.reserveCapacity(count)
        for (index, kind) in AuditState.kinds.enumerated() {
            let statement = try db.makeStatement(sql: kind.select)
            let s = statement.sqliteStatement
            defer { sqlite3_reset(s) }
            let encoded = AuditState.encoded(kind), buffer = CanonicalBuffer()
            let entity = Array(kind.entity.utf8)
            while true {
                let code = sqlite3_step(s)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                let ref = AuditState.text(s, 0)
                let key = entity.withUnsafeBytes { AuditRecordScan.key(entity: $0, ref: ref) }
                let stub = sqlite3_column_int(s, 1) != 0
                let state = stub ? (0, 0) : AuditState.prefix(AuditState.digest(s, encoded, in: buffer))
                let asSeeded = kind.seeded && seeded[kind.entity + "\u{1F}" + String(decoding: ref, as: UTF8.self)].map { $0 == state } == true
                let kept = UnsafeRawBufferPointer(rebasing: ref.prefix(Int(UInt16.max)))
                scan.records.append(Record(key: key, state: state, refStart: UInt32(truncatingIfNeeded: scan.refs.count),
                                           refCount: UInt16(kept.count), kind: UInt8(index), flags: (stub ? 1 : 0) | (asSeeded ? 2 : 0)))
                scan.refs.append(contentsOf: kept)
            }
        }
        return scan
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

    /// Scans on `connection` on another thread; `wait` hands back its scan (or its error).
    static func start(on connection: DatabaseQueue) -> Pending {
        let pending = Pending()
        DispatchQueue.global(qos: .userInitiated).async(group: pending.group) {
            pending.outcome = Result { try connection.read(scan) }
        }
        return pending
    }

    /// A scan under way on another thread. Its outcome is written once, before `group` is left, and
    /// read only after waiting on `group`.
    final class Pending: @unchecked Sendable {
        let group = DispatchGroup()
        var outcome: Result<AuditRecordScan, any Error>?

        func wait() throws -> AuditRecordScan {
            group.wait()
            return try outcome!.get()
        }
    }
}
