import Crypto
import Foundation
import GRDB

/// One recorded change, as chained in the audit trail.
public struct AuditEvent: Equatable, Sendable {
    /// Position in the trail, from 1, with no gaps.
    public var seq: Int64
    /// When, in the stored UTC form.
    public var at: String
    /// The staff member who acted.
    public var actor: String
    /// The operating-system account that ran the command.
    public var osAccount: String
    /// What was done, such as `candidate.add`.
    public var action: String
    /// The kind of record changed, such as `candidate`.
    public var entity: String
    /// The reference of the record changed, such as `TA-2026-03/2`.
    public var entityRef: String
    /// The vacancy and candidate the event concerns, for filtering.
    public var vacancyID: Int64?
    public var candidateID: Int64?
    /// SHA-256 of the event's details (kept apart, so that a purge can delete them).
    public var detailsHash: String
    /// The changed record's state after the change, when a record changed: `v2:` and the SHA-256 of every
    /// column of it and of the rows it owns (`AuditState`); from earlier versions, the bare SHA-256 of
    /// the fewer fields they recorded (`Digest.state`).
    public var stateHash: String?
    /// The hash of the event before, or `genesisHash` for the first.
    public var prevHash: String

    /// The `prevHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The last event's sequence number and hash; 0 and `genesisHash` for an empty trail.
    static func head(_ db: Database) throws -> (seq: Int64, hash: String) {
        let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
        return row.map { ($0["seq"], $0["hash"]) } ?? (0, genesisHash)
    }

    /// SHA-256 of the canonical encoding: a version line, then each field as
    /// `<UTF-8 byte count>:<text>` on a line of its own, absent numbers as empty text.
    public var computedHash: String {
        var bytes = Array("shortlist-audit-v1\n".utf8)
        bytes.reserveCapacity(512)
        for field in [String(seq), at, actor, osAccount, action, entity, entityRef,
                      vacancyID.map(String.init) ?? "", candidateID.map(String.init) ?? "",
                      detailsHash, stateHash ?? "", prevHash] {
            Digest.appendField(field, to: &bytes)
        }
        return Digest.sha256(bytes)
    }
}

/// SHA-256 digests as lowercase hexadecimal text.
enum Digest {
    /// The digest of a record's fields, in a canonical encoding: keys sorted, each line
    /// `<key bytes>:<key>=<value bytes>:<value>`. The state hashes of earlier versions' events, which
    /// `audit verify` still checks (`Store.forEachLegacyRecordState`); new events use `AuditState`.
    static func state(_ fields: [String: String]) -> String {
        state(sorted: fields.sorted { $0.key < $1.key })
    }

    /// The same digest, for fields already sorted by key.
    static func state(sorted fields: [(key: String, value: String)]) -> String {
        var bytes = Array("shortlist-state-v1\n".utf8)
        bytes.reserveCapacity(1024)
        for (key, value) in fields {
            appendLength(key.utf8.count, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "="))
            Digest.appendField(value, to: &bytes)
        }
        return sha256(bytes)
    }

    /// `<byte count>:<text>\n`.
    static func appendField(_ text: String, to bytes: inout [UInt8]) {
        appendLength(text.utf8.count, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func appendLength(_ count: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(count).utf8)
    }

    static func sha256(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(SHA256.hash(data: $0)) }
    }

    static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            hex(digest, into: buffer)
            return 64
        }
    }

    /// Writes the 64 lowercase hex digits of a digest into `buffer`.
    static func hex(_ digest: SHA256.Digest, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        var index = 0
        for byte in digest {
            buffer[index] = hexDigits[Int(byte >> 4)]
            buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
            index += 2
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
