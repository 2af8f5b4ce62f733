import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// Rewrites the trail from event `from` on as an attacker who knows the hashing would: `change` edits
/// each event, and every hash from there is recomputed, so that the chain holds together again.
func forgeTrail(_ store: Store, from: Int64, _ change: (inout AuditEvent) -> Void) throws {
    var events = try storedEvents(store)
    var previous = events.first { $0.event.seq == from - 1 }?.hash ?? AuditEvent.genesisHash
    var sql: [String] = []
    for index in events.indices where events[index].event.seq >= from {
        var event = events[index].event
        change(&event)
        event.prevHash = previous
        previous = event.computedHash
        events[index] = StoredEvent(event: event, hash: previous, details: events[index].details)
        sql.append("UPDATE audit_event SET actor = '\(event.actor)', prev_hash = '\(event.prevHash)', hash = '\(previous)' WHERE seq = \(event.seq)")
    }
    try tamperWithDatabase(store.path, sql.joined(separator: ";\n"))
}

@Suite("Audit anchors: heads kept outside the database")
struct AuditAnchorTests {
    @Test("an anchor is written as one line and read back the same; comments, blank lines and case do not matter")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let file = folder.path("anchors.txt")
        let first = try #require(try store.anchorAudit(appendingTo: file).anchor)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Late Addition"), by: admin)
        let second = try #require(try store.anchorAudit(appendingTo: file).anchor)

        let head = try store.verifyAudit().head
        #expect(first == AuditAnchor(day: testToday, seq: second.seq - 1, hash: first.hash))
        #expect(second == AuditAnchor(day: testToday, seq: second.seq, hash: head))
        #expect(second.line == "2026-11-20 \(second.seq) \(head) \(AuditVerification.fingerprint(of: head))")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: file)), as: UTF8.self)
        #expect(text == AuditAnchor.header + first.line + "\n" + second.line + "\n")
        #expect(try AuditAnchor.read(file: file) == [first, second])
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)
        // Written through a temporary file in the same folder, renamed into place: none is left behind.
        #expect(try folder.contents().filter { $0.hasPrefix(".") } == [])

        // As a governor might type one from the minutes: upper case, the fingerprint alone as the hash, spaces.
        let typed = "# from the minutes of 20 November\n\n  2026-11-20   \(first.seq)   \(first.hash.prefix(12).uppercased())\n"
            + "2026-11-20 \(second.seq) \(head)\t\(AuditVerification.fingerprint(of: head).uppercased())"
        #expect(try AuditAnchor.parse(typed, file: "minutes.txt")
            == [AuditAnchor(day: testToday, seq: first.seq, hash: String(first.hash.prefix(12))), second])
        #expect(try store.verifyAudit(anchors: AuditAnchor.parse(typed, file: "minutes.txt")).anchorProblems == [])
    }

    @Test("a bad line is refused with the file, its line number and what is wrong", arguments: [
        ("27/11/2026 109 69f9ff9f7fa4", "'27/11/2026' is not a date in the form YYYY-MM-DD"),
        ("2026-11-27 0 69f9ff9f7fa4", "'0' is not an event number (a whole number from 1)"),
        ("2026-11-27 ten 69f9ff9f7fa4", "'ten' is not an event number (a whole number from 1)"),
        ("2026-11-27 109 69f9ff9f7fa", "'69f9ff9f7fa' is not a head: give the whole hash, or at least its first 12 hexadecimal characters"),
        ("2026-11-27 109 69f9ff9f7fz4", "'69f9ff9f7fz4' is not a head: give the whole hash, or at least its first 12 hexadecimal characters"),
        ("2026-11-27 109", "expected the date, the event number and its hash, such as 2026-11-27 109 69f9ff9f7fa4…"),
        ("2026-11-27 109 69f9ff9f7fa47b42 69f9 ff9f 7fa5",
         "the fingerprint '69f9 ff9f 7fa5' is not the start of the hash 69f9 ff9f 7fa4 on the same line"),
    ])
    func badLine(_ line: String, _ reason: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("anchors.txt", AuditAnchor.header + "2026-11-20 3 69f9ff9f7fa47b425693b81ca8ebb3e1\n\n" + line + "\n")
        let error = ShortlistError.anchorsFile(path: file, line: 6, reason: reason)
        #expect(throws: error) { try AuditAnchor.read(file: file) }
        #expect(error.message == "\(file):6: \(reason). Nothing was checked or written; correct the line as `shortlist audit anchor` "
            + "writes it (DATE EVENT HASH FINGERPRINT), or remove it.")
        // Nothing is added to a file that cannot be read.
        let before = FileManager.default.contents(atPath: file)
        let store = try makeStore(in: folder)
        #expect(throws: error) { try store.anchorAudit(appendingTo: file) }
        #expect(FileManager.default.contents(atPath: file) == before)
    }

    @Test("a missing, empty or unreadable anchors file is refused")
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path("none.txt")
        #expect(throws: ShortlistError.file(path: missing, reason: "the anchors file cannot be read; check the path and its permissions")) {
            try AuditAnchor.read(file: missing)
        }
        let empty = try folder.write("empty.txt", AuditAnchor.header)
        #expect(throws: ShortlistError.file(path: empty, reason: "holds no anchor; record one with `shortlist audit anchor --out \(empty)`")) {
            try AuditAnchor.read(file: empty)
        }
        let binary = try folder.write("binary.txt", Data([0xFF, 0xFE, 0x00, 0x41]))
        #expect(throws: ShortlistError.file(path: binary, reason: "is not a text file of anchors (as `shortlist audit anchor --out FILE` writes)")) {
            try AuditAnchor.read(file: binary)
        }
    }

    @Test("a consistent forgery (events rewritten, every hash recomputed) passes alone but fails against an anchor recorded before it")
    func forgeryFoundByAnchor() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let anchor = try #require(try store.anchorAudit(appendingTo: nil).anchor)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Late Addition"), by: admin)
        let later = try #require(try store.anchorAudit(appendingTo: nil).anchor)

        // The panel member's search, said to be the searcher's; the chain made whole again from there on.
        let events = try storedEvents(store)
        let forged = try #require(events.first { $0.event.actor == RecruitmentFixture.panelSearcher }).event.seq
        try forgeTrail(store, from: forged) { event in
            if event.actor == RecruitmentFixture.panelSearcher { event.actor = RecruitmentFixture.searcher }
        }
        let reopened = try Store.open(at: store.path, clock: testClock)
        let alone = try reopened.verifyAudit()
        #expect(alone.isValid)
        #expect(alone.head != later.hash)

        let checked = try reopened.verifyAudit(anchors: [anchor, later])
        #expect(!checked.isValid)
        #expect(checked.anchorsChecked == 2)
        let now = try storedEvents(reopened)
        #expect(checked.anchorProblems == [anchor, later].map { anchor in
            "the anchor of 20 November 2026 at event \(anchor.seq): that event's hash is now "
                + "\(AuditVerification.fingerprint(of: now.first { $0.event.seq == anchor.seq }!.hash)), not "
                + "\(AuditVerification.fingerprint(of: anchor.hash)); the trail has been rewritten since the anchor was recorded"
        })
        // An anchor from before the forged event still holds: everything up to it is as it was.
        let before = AuditAnchor(day: testToday, seq: forged - 1, hash: events.first { $0.event.seq == forged - 1 }!.hash)
        #expect(try reopened.verifyAudit(anchors: [before]).isValid)
    }

    @Test("a tail cut off (last events that changed no record) passes alone but fails against an anchor that was in it")
    func truncationFoundByAnchor() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        try RecruitmentFixture.producePanelDocuments(store)
        let anchor = try #require(try store.anchorAudit(appendingTo: nil).anchor)
        let last = anchor.seq
        #expect(try storedEvents(store).suffix(2).allSatisfy { $0.event.stateHash == nil })
        try tamperWithDatabase(store.path, "DELETE FROM audit_detail WHERE seq >= \(last - 1); DELETE FROM audit_event WHERE seq >= \(last - 1)")

        let reopened = try Store.open(at: store.path, clock: testClock)
        #expect(try reopened.verifyAudit().isValid)
        let checked = try reopened.verifyAudit(anchors: [anchor])
        #expect(!checked.isValid)
        #expect(checked.anchorProblems == ["the anchor of 20 November 2026 at event \(last): the trail now ends at event \(last - 2), so events "
            + "have been removed from its end since the anchor was recorded (or the anchor is another database's)"])
    }

    @Test("an anchor whose event was deleted from the middle is named, beside the broken chain")
    func deletedAnchorEvent() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let anchor = try #require(try store.anchorAudit(appendingTo: nil).anchor)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Late Addition"), by: admin)
        try RecruitmentFixture.producePanelDocuments(store)
        try tamperWithDatabase(store.path, "DELETE FROM audit_detail WHERE seq = \(anchor.seq); DELETE FROM audit_event WHERE seq = \(anchor.seq)")
        let checked = try Store.open(at: store.path, clock: testClock).verifyAudit(anchors: [anchor])
        #expect(checked.brokenEvent?.seq == anchor.seq + 1)
        #expect(checked.anchorProblems == ["the anchor of 20 November 2026 at event \(anchor.seq): that event is no longer in the trail (it was deleted)"])
    }

    @Test("anchoring verifies first: a trail that does not verify, or contradicts an anchor already in the file, is not anchored")
    func anchorRefusedWhenNotVerified() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let file = folder.path("anchors.txt")
        let first = try #require(try store.anchorAudit(appendingTo: file).anchor)
        let written = try #require(FileManager.default.contents(atPath: file))

        try forgeTrail(store, from: first.seq) { $0.actor = "Mallory" }
        let reopened = try Store.open(at: store.path, clock: testClock)
        let refused = try reopened.anchorAudit(appendingTo: file)
        #expect(refused.anchor == nil)
        #expect(refused.verification.anchorProblems.count == 1)
        #expect(FileManager.default.contents(atPath: file) == written)

        try tamperWithDatabase(store.path, "UPDATE candidate SET town = 'Elsewhere' WHERE id = 1")
        let broken = try Store.open(at: store.path, clock: testClock).anchorAudit(appendingTo: nil)
        #expect(broken.anchor == nil)
        #expect(!broken.verification.recordProblems.isEmpty)
    }
}
