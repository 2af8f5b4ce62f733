import Foundation

/// A head of the audit trail recorded outside the database by `audit anchor`: one line of the file
/// the governors keep, with the date, the event's number and its hash. `audit verify --anchors FILE`
/// checks that each is still an event of the chain with that hash, which no rewrite of the trail,
/// however consistent, and no cutting of its tail can keep true.
public struct AuditAnchor: Equatable, Sendable {
    /// The day it was recorded (in Europe/London).
    public var day: Day
    /// The event that was the head then.
    public var seq: Int64
    /// That event's hash in lowercase: whole, as `audit anchor` writes it, or at least its first 12 characters.
    public var hash: String

    public init(day: Day, seq: Int64, hash: String) {
        self.day = day
        self.seq = seq
        self.hash = hash
    }

    /// The line of an anchors file: `2026-11-27 109 <the 64 characters of the hash> 829d 9867 5923`.
    public var line: String { "\(day.iso) \(seq) \(hash) \(AuditVerification.fingerprint(of: hash))" }

    /// The anchor as messages name it: `anchor of 27 November 2026 at event 109`.
    var name: String { "anchor of \(day.uk) at event \(seq)" }

    /// What a new anchors file starts with.
    static let header = """
        # shortlist audit anchors: heads of the audit trail, kept away from the database.
        # Each line: the date, the event number, that event's hash (the head then) and its fingerprint.
        # Check them all with: shortlist audit verify --anchors FILE

        """

    /// The anchors in the text of an anchors file; blank lines and lines starting with `#` are skipped.
    public static func parse(_ text: String, file: String) throws(ShortlistError) -> [AuditAnchor] {
        var anchors: [AuditAnchor] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            func refuse(_ reason: String) -> ShortlistError { .anchorsFile(path: file, line: index + 1, reason: reason) }
            guard fields.count >= 3 else {
                throw refuse("expected the date, the event number and its hash, such as 2026-11-27 109 69f9ff9f7fa4…")
            }
            guard let day = Day(iso: fields[0]) else { throw refuse("'\(fields[0])' is not a date in the form YYYY-MM-DD") }
            guard let seq = Int64(fields[1]), seq > 0 else { throw refuse("'\(fields[1])' is not an event number (a whole number from 1)") }
            let hash = fields[2].lowercased()
            guard (AuditVerification.fingerprintLength...64).contains(hash.count), hash.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
                throw refuse("'\(fields[2])' is not a head: give the whole hash, or at least its first "
                    + "\(AuditVerification.fingerprintLength) hexadecimal characters")
            }
            let fingerprint = fields.dropFirst(3).joined(separator: " ")
            if !fingerprint.isEmpty, fingerprint.replacingOccurrences(of: " ", with: "").lowercased() != hash.prefix(AuditVerification.fingerprintLength) {
                throw refuse("the fingerprint '\(fingerprint)' is not the start of the hash \(AuditVerification.fingerprint(of: hash)) on the same line")
            }
            anchors.append(AuditAnchor(day: day, seq: seq, hash: hash))
        }
        return anchors
    }

    /// The anchors in an anchors file, refused when the file cannot be read or holds none.
    public static func read(file: String) throws(ShortlistError) -> [AuditAnchor] {
        let anchors = try parse(try text(of: file), file: file)
        guard !anchors.isEmpty else {
            throw .file(path: file, reason: "holds no anchor; record one with `shortlist audit anchor --out \(file)`")
        }
        return anchors
    }

    /// Adds the anchor's line to the end of `file` (creating it with a header), owner-only, the whole
    /// file written anew and renamed into place.
    static func append(_ anchor: AuditAnchor, to file: String) throws(ShortlistError) {
        var text = AuditAnchor.header
        if FileManager.default.fileExists(atPath: file) {
            text = try AuditAnchor.text(of: file)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        }
        try AtomicFile.write(Data((text + anchor.line + "\n").utf8), to: file, mode: 0o600)
    }

    static func text(of file: String) throws(ShortlistError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .file(path: file, reason: "the anchors file cannot be read; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .file(path: file, reason: "is not a text file of anchors (as `shortlist audit anchor --out FILE` writes)")
        }
        return text
    }
}

/// The result of `audit anchor`: the verification, and the anchor of its head when the trail verified.
public struct AuditAnchoring: Sendable {
    public var verification: AuditVerification
    /// Nil when the trail did not verify: a head is anchored only when everything up to it checks.
    public var anchor: AuditAnchor?
}
