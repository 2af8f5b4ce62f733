import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// What an audit event's state hash covers: every column of the record's row and of the rows that
/// belong to it (a staff member's roles, a vacancy's panel, a search entry's addresses, overrides and
/// evidence, a finding's sources and every one of its versions, a protocol's steps).
///
/// The same SQL reads a record when its event is written and when `audit verify` checks it, and the
/// hash is taken from SQLite's own bytes, so the two cannot drift apart. A stored hash in this
/// encoding starts with `v2:`; the chain covers that marker like every other field. Events written by
/// earlier versions hold bare hashes of fewer fields (`Store.forEachLegacyRecordState`), and keep them.
enum AuditState {
    /// How a version-2 state hash starts in `audit_event.state_hash`.
    static let marker = "v2:"

    /// Rows of another table that belong to a record: each is read whole, in a fixed order.
    struct Child: Sendable {
        let table: String
        /// The column that names the parent's `id`.
        let parent: String
        /// Every other column, in the order hashed.
        let columns: [String]
        let order: String
    }

    /// One kind of record.
    struct Kind: Sendable {
        /// The entity name events give it.
        let entity: String
        let table: String
        let alias: String
        /// Every column of the record's own row, in the order hashed.
        let columns: [String]
        let children: [Child]
        /// The FROM clause, with the joins the reference needs.
        let from: String
        /// SQL for the reference events give the record, exactly as the tool writes it.
        let ref: String
        /// SQL that is true for the records a purge blanked (checked for personal data instead).
        var stub = "0"
        /// SQL that picks one record by the parts of its reference.
        let lookup: String
        /// The arguments of `lookup` for a reference; nil when it cannot be this kind's.
        let arguments: @Sendable (String) -> StatementArguments?
        /// Whether the schema seeds rows of this kind (a seeded row needs no event until it changes).
        var seeded = false

        /// The field names hashed, in order: the row's columns, then one per child table.
        var fields: [String] { columns + children.map(\.table) }

        /// Column 0 the reference, column 1 the stub flag, then `fields`.
        var select: String {
            let own = columns.map { "\(alias).\($0) AS \($0)" }
            let owned = children.map { child in
                let columns = child.columns.joined(separator: ", ")
                return "(SELECT json_group_array(json_array(\(columns))) FROM (SELECT \(columns) FROM \(child.table) "
                    + "WHERE \(child.parent) = \(alias).id ORDER BY \(child.order))) AS \(child.table)"
            }
            return "SELECT \(ref) AS ref, \(stub) AS stub, " + (own + owned).joined(separator: ", ") + " FROM \(from)"
        }
    }

    static let kinds: [Kind] = [
        Kind(entity: "staff", table: "staff", alias: "s", columns: ["id", "name", "created_at"],
             children: [Child(table: "staff_role", parent: "staff_id", columns: ["role"], order: "role")],
             from: "staff s", ref: "s.name", lookup: "s.name = ?", arguments: { [$0] }),
        Kind(entity: "vacancy", table: "vacancy", alias: "v",
             columns: ["id", "reference", "post_title", "site", "kcsie_edition", "closing_date", "shortlisting_date", "interview_date",
                       "status", "appointed_candidate_id", "closed_on", "created_at", "updated_at", "protocol_id", "look_back_years",
                       "search_decision", "search_decision_reason", "hold_reason"],
             children: [Child(table: "vacancy_panel", parent: "vacancy_id", columns: ["staff_id"], order: "staff_id")],
             from: "vacancy v", ref: "v.reference", lookup: "v.reference = ?", arguments: { [$0] }),
        Kind(entity: "candidate", table: "candidate", alias: "c",
             columns: ["id", "vacancy_id", "number", "full_name", "other_names", "town", "current_employer", "previous_employers", "email",
                       "shortlisted_on", "notified_on", "notified_via", "outcome", "outcome_on", "created_at", "updated_at",
                       "search_excluded", "purged_on", "purge_summary"],
             children: [], from: "candidate c JOIN vacancy v ON v.id = c.vacancy_id", ref: "v.reference || '/' || c.number",
             lookup: "v.reference = ? AND c.number = ?", arguments: { ref in candidateArguments(ref) }),
        Kind(entity: "search_entry", table: "search_entry", alias: "e",
             columns: ["id", "candidate_id", "protocol_id", "step_key", "planned_query", "query", "searched_at", "searcher_id", "outcome",
                       "note", "public_only", "late", "run_id", "recorded_at", "withdrawn_at", "withdrawn_by", "withdrawn_reason"],
             children: [
                 Child(table: "search_address", parent: "entry_id", columns: ["position", "address"], order: "position"),
                 Child(table: "search_override", parent: "entry_id", columns: ["rule", "reason"], order: "rule"),
                 Child(table: "evidence", parent: "entry_id", columns: ["id", "sha256", "original_name", "size", "added_at"], order: "id"),
             ],
             from: "search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id",
             ref: "v.reference || '/' || c.number || '#' || e.id", stub: "c.purged_on IS NOT NULL", lookup: "e.id = ?",
             arguments: { ref in ref.lastIndex(of: "#").flatMap { Int64(ref[ref.index(after: $0)...]) }.map { [$0] } }),
        Kind(entity: "finding", table: "finding", alias: "f", columns: ["id", "candidate_id", "number"],
             children: [
                 Child(table: "finding_source_entry", parent: "finding_id", columns: ["entry_id"], order: "entry_id"),
                 Child(table: "finding_version", parent: "finding_id",
                       columns: ["version", "action", "recorded_at", "recorded_by", "summary", "sources", "content_date", "protected",
                                 "category", "identity", "identity_basis", "relevance", "decision", "decision_reason", "question",
                                 "identity_question", "decided_by", "decided_at", "response", "response_by", "response_at", "conclusion",
                                 "conclusion_detail", "correction_reason", "follow_up"],
                       order: "version"),
             ],
             from: "finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id",
             ref: "v.reference || '/' || c.number || '/F' || f.number", stub: "c.purged_on IS NOT NULL",
             lookup: "v.reference = ? AND c.number = ? AND f.number = ?", arguments: { ref in
                 guard let mark = ref.range(of: "/F", options: .backwards), let number = Int(ref[mark.upperBound...]),
                       let candidate = candidateArguments(String(ref[..<mark.lowerBound])) else { return nil }
                 return candidate + [number]
             }),
        // Schema 0007: each notice a candidate was sent, as sent.
        Kind(entity: "candidate_notice", table: "candidate_notice", alias: "n",
             columns: ["id", "candidate_id", "number", "sent_on", "via", "format", "text_sha256", "template_sha256", "text", "recorded_at",
                       "recorded_by"],
             children: [], from: "candidate_notice n JOIN candidate c ON c.id = n.candidate_id JOIN vacancy v ON v.id = c.vacancy_id",
             ref: "v.reference || '/' || c.number || '/N' || n.number", stub: "c.purged_on IS NOT NULL",
             lookup: "v.reference = ? AND c.number = ? AND n.number = ?", arguments: { ref in
                 guard let mark = ref.range(of: "/N", options: .backwards), let number = Int(ref[mark.upperBound...]),
                       let candidate = candidateArguments(String(ref[..<mark.lowerBound])) else { return nil }
                 return candidate + [number]
             }),
        Kind(entity: "finding_category", table: "finding_category", alias: "k", columns: ["key", "label", "position", "built_in"],
             children: [], from: "finding_category k", ref: "k.key", lookup: "k.key = ?", arguments: { [$0] }, seeded: true),
        Kind(entity: "setting", table: "setting", alias: "t", columns: ["key", "value"],
             children: [], from: "setting t", ref: "t.key", lookup: "t.key = ?", arguments: { [$0] }, seeded: true),
        Kind(entity: "protocol", table: "protocol", alias: "p", columns: ["id", "name", "version", "description", "created_at"],
             children: [Child(table: "protocol_step", parent: "protocol_id", columns: ["position", "key", "label", "kind", "queries", "link"],
                              order: "position")],
             from: "protocol p", ref: "p.name || ' v' || p.version", lookup: "p.name = ? AND p.version = ?", arguments: { ref in
                 guard let mark = ref.range(of: " v", options: .backwards), let version = Int(ref[mark.upperBound...]) else { return nil }
                 return [String(ref[..<mark.lowerBound]), version]
             }, seeded: true),
    ]

    /// The tables whose rows no state covers, and why: the audit trail itself, and the migrations' own record.
    static let uncoveredTables: [String: String] = [
        "audit_event": "the chain itself", "audit_detail": "committed to the chain by each event's details hash",
        "audit_detail_purge": "checked against the purge events' counts", "grdb_migrations": "the schema's own record",
        // Sign-in (schema 0006): secrets and their bookkeeping; their changes are `sign-in` events without state.
        "staff_password": "a secret (bcrypt hash), never hashed in clear into the chain",
        "staff_invite": "a secret (token hash) and its expiry", "web_session": "a secret (token hash) and its times",
        "sign_in_failure": "failed attempts, kept for slowing and lock-out",
    ]

    /// Each kind by its entity, with its constant bytes and the SQL that reads one record, worked out once
    /// (building the SQL anew cost more than reading the record).
    private static let byEntity = Dictionary(uniqueKeysWithValues: kinds.map { ($0.entity, ($0, encoded($0), $0.select + " WHERE " + $0.lookup)) })

    private static func candidateArguments(_ ref: String) -> StatementArguments? {
        guard let slash = ref.lastIndex(of: "/"), let number = Int(ref[ref.index(after: slash)...]) else { return nil }
        return [String(ref[..<slash]), number]
    }

    // MARK: - Hashing

    /// The record `entity` `ref` as it is now: its reference as stored (`ta-2026-03/2` finds
    /// `TA-2026-03/2`) and its state hash as stored; nil when there is no such record.
    static func state(_ db: Database, entity: String, ref: String) throws -> (ref: String, hash: String)? {
        guard let (kind, encoded, sql) = byEntity[entity], let arguments = kind.arguments(ref) else { return nil }
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        let code = sqlite3_step(s)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        var hex = [UInt8](repeating: 0, count: 64)
        hex.withUnsafeMutableBufferPointer { Digest.hex(digest(s, encoded, in: CanonicalBuffer(capacity: 1024)), into: $0) }
        return (String(decoding: text(s, 0), as: UTF8.self), marker + String(decoding: hex, as: UTF8.self))
    }

    /// A kind's constant bytes, worked out once: the version line with its entity, and each field's key.
    struct Encoded {
        let head: [UInt8]
        let keys: [[UInt8]]
    }

    /// `shortlist-state-v2`, the entity, then for each field `<key bytes>:<key>=` and its value as
    /// `<byte count>:<bytes>` (`-` for NULL), a line each.
    static func encoded(_ kind: Kind) -> Encoded {
        var head = Array("shortlist-state-v2\n".utf8)
        Digest.appendField(kind.entity, to: &head)
        return Encoded(head: head, keys: kind.fields.map { Array("\($0.utf8.count):\($0)=".utf8) })
    }

    /// The digest of the row `s` is on (column 0 the reference, column 1 the stub flag, then the fields).
    static func digest(_ s: SQLiteStatement, _ encoded: Encoded, in buffer: CanonicalBuffer) -> SHA256.Digest {
        buffer.start(with: encoded.head)
        for (index, key) in encoded.keys.enumerated() {
            let column = Int32(index + 2)
            buffer.append(key)
            if sqlite3_column_type(s, column) == SQLITE_NULL {
                buffer.append(nullField)
            } else {
                buffer.field(text(s, column))
            }
        }
        return buffer.digest
    }

    /// What a NULL column is in the encoding (an empty text is `0:` and a newline).
    private static let nullField = Array("-\n".utf8)

    /// A column's text bytes (an integer as its decimal text), valid until the statement moves on.
    static func text(_ s: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        let text = sqlite3_column_text(s, column)
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, column)))
    }

    // MARK: - Seeded rows

    /// The state hashes (as the first 16 bytes of each digest) of what the schema itself seeds, keyed
    /// `entity␟reference`, found once per process by migrating an empty in-memory database.
    static func seededStates() throws -> [String: (UInt64, UInt64)] {
        try seeded.get()
    }

    private static let seeded = Result<[String: (UInt64, UInt64)], any Error> {
        let queue = try DatabaseQueue()
        try Store.migrator().migrate(queue)
        return try queue.read { db in
            var states: [String: (UInt64, UInt64)] = [:]
            for kind in kinds where kind.seeded {
                let statement = try db.makeStatement(sql: kind.select)
                let s = statement.sqliteStatement
                defer { sqlite3_reset(s) }
                let constants = encoded(kind), buffer = CanonicalBuffer()
                while sqlite3_step(s) == SQLITE_ROW {
                    let ref = String(decoding: text(s, 0), as: UTF8.self)
                    states[kind.entity + "\u{1F}" + ref] = prefix(digest(s, constants, in: buffer))
                }
            }
            return states
        }
    }

    /// A digest's first 16 bytes as two numbers: the same as the first 32 hex digits of its text.
    static func prefix(_ digest: SHA256.Digest) -> (UInt64, UInt64) {
        digest.withUnsafeBytes { bytes in
            (UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)), UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}

extension Change {
    /// The record an event describes, read back as it now stands: its stored reference and state hash.
    func state(entity: String, ref: String) throws -> (ref: String, hash: String) {
        guard let state = try AuditState.state(db, entity: entity, ref: ref) else {
            throw ShortlistError.storage(path: storePath, reason: "the audit state of \(entity) \(ref) could not be read back; "
                + "this is a fault in shortlist, please report it")
        }
        return state
    }
}
