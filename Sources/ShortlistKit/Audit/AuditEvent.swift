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
    /// The changed record's state after the change, when a record changed: `v2:` and the SHA-256 of every
    /// column of it and of the rows it owns (`AuditState`); from earlier versions, the bare SHA-256 of
    /// the fewer fields they recorded (`Digest.state`).
    public var stateHash: String?
    /// The hash of the event before, or `genesisHash` for the first.
    public var prevHash: String

    /// The `prevHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

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
