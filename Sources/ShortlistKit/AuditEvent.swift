import Crypto
import Foundation

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
    /// SHA-256 of the changed record's fields after the change, when a record changed.
    public var stateHash: String?
    /// The hash of the event before, or `genesisHash` for the first.
    public var prevHash: String

    /// The `prevHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 of the canonical encoding: a version line, then each field as
    /// `<UTF-8 byte count>:<text>` on a line of its own, absent numbers as empty text.
    public var computedHash: String {
        var text = "shortlist-audit-v1\n"
        for field in [String(seq), at, actor, osAccount, action, entity, entityRef,
                      vacancyID.map(String.init) ?? "", candidateID.map(String.init) ?? "",
                      detailsHash, stateHash ?? "", prevHash] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return Digest.sha256(text)
    }
}

/// SHA-256 digests as lowercase hexadecimal text.
enum Digest {
    /// The digest of a record's fields, in a canonical encoding (keys sorted, lengths given).
    static func state(_ fields: [String: String]) -> String {
        var text = "shortlist-state-v1\n"
        for key in fields.keys.sorted() {
            let value = fields[key]!
            text += "\(key.utf8.count):\(key)=\(value.utf8.count):\(value)\n"
        }
        return sha256(text)
    }

    static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
