import Foundation

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
    /// either case, with any spaces or dashes (as in a fingerprint written in minutes) ignored; returned in lowercase.
    static func headPrefix(_ text: String) throws(ShortlistError) -> String {
        let hex = String(text.filter { !$0.isWhitespace && $0 != "-" && $0 != "\u{2013}" }).lowercased()
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
