import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// Another program writing to the database file, as an attacker would: plain SQL, no triggers,
/// no foreign keys, nothing of the library.
func tamperWithDatabase(_ path: String, _ sql: String, arguments: StatementArguments = []) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.write { db in
        try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete")
        try db.execute(sql: sql, arguments: arguments)
    }
    try queue.close()
}

/// One way of tampering with the fixture database, and what `audit verify` must then report.
struct AuditTampering: CustomTestStringConvertible, Sendable {
    let name: String
    /// The SQL, given the stored events and the database.
    let sql: @Sendable (_ events: [StoredEvent], _ db: Database) throws -> String
    /// The broken event expected (its seq and reason), given the stored events.
    let broken: @Sendable (_ events: [StoredEvent]) -> (seq: Int64, reason: String)?
    /// The record problems expected, given the stored events and the database.
    let problems: @Sendable (_ events: [StoredEvent], _ db: Database) throws -> [String]

    var testDescription: String { name }

    static let changed = "its contents no longer match its hash (it was changed after it was written)"

    /// The seq of the first event with this action and reference.
    static func seq(_ events: [StoredEvent], _ action: String, _ ref: String) -> Int64 {
        events.first { $0.event.action == action && $0.event.entityRef == ref }!.event.seq
    }

    /// The id of a candidate's search entry for a planned query.
    static func entryID(_ db: Database, candidate: Int, step: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT e.id FROM search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            WHERE v.reference = 'TA-2026-03' AND c.number = ? AND e.step_key = ?
            """, arguments: [candidate, step])!
    }

    static let all: [AuditTampering] = [
        AuditTampering(name: "a detail changed", sql: { events, _ in
            "UPDATE audit_detail SET details = json_set(details, '$.town', 'Elsewhere') WHERE seq = \(seq(events, "candidate.add", "TA-2026-03/1"))"
        }, broken: { events in
            (seq(events, "candidate.add", "TA-2026-03/1"), "its details no longer match their hash (they were changed after they were written)")
        }, problems: { _, _ in [] }),
        AuditTampering(name: "a detail deleted", sql: { events, _ in
            "DELETE FROM audit_detail WHERE seq = \(seq(events, "finding.decide", "TA-2026-03/1/F2"))"
        }, broken: { events in
            (seq(events, "finding.decide", "TA-2026-03/1/F2"), "its details were deleted, and no purge accounts for it")
        }, problems: { _, _ in [] }),
        AuditTampering(name: "an event deleted", sql: { events, _ in
            let seq = seq(events, "staff.add", "Grace Okafor")
            return "DELETE FROM audit_detail WHERE seq = \(seq); DELETE FROM audit_event WHERE seq = \(seq)"
        }, broken: { events in
            let seq = seq(events, "staff.add", "Grace Okafor")
            return (seq + 1, "event \(seq) is missing (deleted from the trail)")
        }, problems: { _, _ in ["staff Grace Okafor has no audit event (added without one)"] }),
        AuditTampering(name: "two events deleted", sql: { events, _ in
            let first = seq(events, "staff.add", "Priya Shah"), second = seq(events, "staff.add", "Tom Ellis")
            return "DELETE FROM audit_detail WHERE seq IN (\(first), \(second)); DELETE FROM audit_event WHERE seq IN (\(first), \(second))"
        }, broken: { events in
            let first = seq(events, "staff.add", "Priya Shah")
            return (first + 2, "events \(first) to \(first + 1) are missing (deleted from the trail)")
        }, problems: { _, _ in
            ["staff Priya Shah has no audit event (added without one)", "staff Tom Ellis has no audit event (added without one)"]
        }),
        AuditTampering(name: "two events reordered", sql: { events, _ in
            let a = seq(events, "search.log", "TA-2026-03/1#1"), b = a + 1
            return """
                UPDATE audit_event SET seq = -1 WHERE seq = \(a); UPDATE audit_event SET seq = \(a) WHERE seq = \(b);
                UPDATE audit_event SET seq = \(b) WHERE seq = -1;
                UPDATE audit_detail SET seq = -1 WHERE seq = \(a); UPDATE audit_detail SET seq = \(a) WHERE seq = \(b);
                UPDATE audit_detail SET seq = \(b) WHERE seq = -1
                """
        }, broken: { events in
            (seq(events, "search.log", "TA-2026-03/1#1"), "it does not follow the event before it (the trail was reordered, or an event removed)")
        }, problems: { _, _ in [] }),
        AuditTampering(name: "a record changed without an event", sql: { _, _ in
            "UPDATE candidate SET town = 'Elsewhere' WHERE number = 1 AND vacancy_id = (SELECT id FROM vacancy WHERE reference = 'TA-2026-03')"
        }, broken: { _ in nil }, problems: { _, _ in
            ["candidate TA-2026-03/1 does not match its last audit event (changed without one)"]
        }),
        AuditTampering(name: "a finding's version rewritten without an event", sql: { _, _ in
            "UPDATE finding_version SET summary = 'A harmless post.' WHERE summary LIKE '%videos of fights%'"
        }, broken: { _ in nil }, problems: { _, _ in
            ["finding TA-2026-03/1/F5 does not match its last audit event (changed without one)"]
        }),
        AuditTampering(name: "a record deleted with its children", sql: { _, db in
            let id = try entryID(db, candidate: 1, step: "web-name")
            return """
                DELETE FROM search_address WHERE entry_id = \(id); DELETE FROM search_override WHERE entry_id = \(id);
                DELETE FROM evidence WHERE entry_id = \(id); DELETE FROM search_entry WHERE id = \(id)
                """
        }, broken: { _ in nil }, problems: { _, db in
            ["search_entry TA-2026-03/1#\(try entryID(db, candidate: 1, step: "web-name")) is in the audit trail but no longer in the records (deleted without an event)"]
        }),
        AuditTampering(name: "a record added without an event", sql: { _, _ in
            """
            INSERT INTO candidate (vacancy_id, number, full_name, shortlisted_on, created_at, updated_at)
            VALUES ((SELECT id FROM vacancy WHERE reference = 'TA-2026-03'), 5, 'Mallory Insert', '2026-11-13', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z');
            INSERT INTO staff (name, created_at) VALUES ('Mallory Admin', '2026-11-20T10:00:00Z');
            INSERT INTO staff_role (staff_id, role) VALUES (last_insert_rowid(), 'admin')
            """
        }, broken: { _ in nil }, problems: { _, _ in
            ["candidate TA-2026-03/5 has no audit event (added without one)", "staff Mallory Admin has no audit event (added without one)"]
        }),
        AuditTampering(name: "the head's hash changed", sql: { events, _ in
            "UPDATE audit_event SET hash = '\(Digest.sha256("forged"))' WHERE seq = \(events.last!.event.seq)"
        }, broken: { events in (events.last!.event.seq, changed) }, problems: { _, _ in [] }),
        AuditTampering(name: "a field of the head changed", sql: { events, _ in
            "UPDATE audit_event SET actor = 'Mallory' WHERE seq = \(events.last!.event.seq)"
        }, broken: { events in (events.last!.event.seq, changed) }, problems: { _, _ in [] }),
        AuditTampering(name: "the last event deleted", sql: { events, _ in
            "DELETE FROM audit_detail WHERE seq = \(events.last!.event.seq); DELETE FROM audit_event WHERE seq = \(events.last!.event.seq)"
        }, broken: { _ in nil }, problems: { _, _ in
            // The fixture's last event added SM-2027-01/1: the record outlives its event.
            ["candidate SM-2027-01/1 has no audit event (added without one)"]
        }),
    ]
}

@Suite("Audit verify: tampering by plain SQL")
struct AuditVerifyTests {
    @Test("an untampered database verifies: every event, the head, every record")
    func intact() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        try RecruitmentFixture.producePanelDocuments(store)
        let events = try storedEvents(store)
        let result = try store.verifyAudit()
        #expect(result.isValid)
        #expect(result.brokenEvent == nil)
        #expect(result.recordProblems == [])
        #expect(result.events == events.count)
        #expect(result.head == events.last!.hash)
        #expect(result.expectedHead == nil)
        // Counted apart: staff, vacancies, candidates, search entries and findings, and the settings,
        // categories and protocols (checked too, against what the schema seeds when they have no event).
        let records = try ["staff", "vacancy", "candidate", "search_entry", "finding", "setting", "finding_category", "protocol", "candidate_notice"]
            .reduce(0) { $0 + (try count(store, $1)) }
        #expect(result.recordsChecked == records)
        #expect(records == 5 + 5 + 10 + (13 + 8 + 10 + 10 + 1) + (9 + 1 + 1 + 1) + (6 + 12 + 1))   // settings: 4, the two session limits of schema 0006 and the three letter settings of 0007
    }

    @Test("tampering is found and named", arguments: AuditTampering.all)
    func detected(_ tampering: AuditTampering) throws {
        let folder = try TemporaryFolder()
        let path = try makeRecruitment(in: folder).path
        let store = try Store.open(at: path, clock: { testNow })
        let events = try storedEvents(store)
        let (sql, problems) = try store.read { db in (try tampering.sql(events, db), try tampering.problems(events, db)) }
        let expected = tampering.broken(events)
        try tamperWithDatabase(path, sql)

        let result = try Store.open(at: path, clock: { testNow }).verifyAudit()
        #expect(!result.isValid)
        #expect(result.brokenEvent?.seq == expected?.seq)
        #expect(result.brokenEvent?.reason == expected?.reason)
        #expect(result.recordProblems == problems)
        // Inside a batch the records are read on the chain's own connection, after it: the same report.
        let single = try Store.open(at: path, clock: { testNow }).batch { try $0.verifyAudit() }
        #expect(single.brokenEvent?.seq == result.brokenEvent?.seq && single.brokenEvent?.reason == result.brokenEvent?.reason)
        #expect(single.recordProblems == result.recordProblems)
        #expect(single.recordsChecked == result.recordsChecked && single.events == result.events && single.head == result.head)
    }

    @Test("records read on the second connection in another state of the database (another head) are read again, not compared")
    func staleRecordScan() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let reader = try DatabaseQueue(path: store.path, configuration: Store.readerConfiguration())
        let stale = try reader.read(AuditRecordScan.scan)
        try reader.close()
        try store.addStaff(name: "Nia Brooks", roles: [.searcher], by: RecruitmentFixture.admin)
        let pending = AuditRecordScan.Pending()
        pending.outcome = .success(stale)
        let result = try store.read { db in
            var verifier = AuditVerifier(db: db)
            return try verifier.run(expectHead: nil, anchors: [], scan: pending)
        }
        let fresh = try store.verifyAudit()
        // The stale scan lacks the new staff member and was taken under the head before her event: compared,
        // it would report her as deleted without an event.
        #expect(stale.head.seq == Int64(fresh.events - 1))
        #expect(!stale.records.contains { stale.ref($0) == "Nia Brooks" })
        #expect(result.isValid && result.recordProblems == [])
        #expect(result.recordsChecked == fresh.recordsChecked)
    }

    @Test("a head recorded earlier is found in the chain after more events; a forged one is not")
    func expectHead() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let earlier = try store.verifyAudit()
        try RecruitmentFixture.producePanelDocuments(store)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Late Addition"), by: admin)

        let later = try store.verifyAudit(expectHead: earlier.head)
        #expect(later.isValid)
        #expect(later.expectedHead?.found == true)
        #expect(later.expectedHead?.detail == "the expected head is event \(earlier.events); 6 events have been added since")
        #expect(try store.verifyAudit(expectHead: earlier.head.uppercased()).isValid)
        #expect(try store.verifyAudit(expectHead: later.head).expectedHead?.detail
            == "the expected head is event \(later.events); 0 events have been added since")

        for forged in [Digest.sha256("forged"), String(earlier.head.dropLast()) + "0", String(Digest.sha256("forged").prefix(12))]
        where !earlier.head.hasPrefix(forged) {
            let result = try store.verifyAudit(expectHead: forged)
            #expect(!result.isValid, "\(forged)")
            #expect(result.brokenEvent == nil)
            #expect(result.recordProblems == [])
            #expect(result.expectedHead?.found == false)
            #expect(result.expectedHead?.detail == "no event of this chain has that hash: the chain recorded then is not a prefix of today's")
        }

        // The head of another database, however alike, is not this chain's.
        let other = try TemporaryFolder()
        let otherStore = try makeRecruitment(in: other)
        try otherStore.addStaff(name: "Someone Else", roles: [.panel], by: admin)
        #expect(!(try store.verifyAudit(expectHead: otherStore.verifyAudit().head).isValid))
    }

    @Test("--expect-head takes 12 or more of the head's characters, in either case, or its fingerprint as printed (or written with dashes)")
    func expectHeadPrefix() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let earlier = try store.verifyAudit()
        #expect(earlier.fingerprint.count == 14)
        #expect(earlier.fingerprint == earlier.head.prefix(4) + " " + earlier.head.dropFirst(4).prefix(4) + " " + earlier.head.dropFirst(8).prefix(4))
        #expect(AuditVerification.fingerprint(of: "69f9ff9f7fa47b425693b81ca8ebb3e1d00205be5390e5fa588c524f7bee69c6") == "69f9 ff9f 7fa4")
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Late Addition"), by: admin)

        for given in [String(earlier.head.prefix(12)), String(earlier.head.prefix(12)).uppercased(), String(earlier.head.prefix(40)),
                      earlier.fingerprint, " " + earlier.fingerprint.uppercased() + " ", earlier.fingerprint.replacingOccurrences(of: " ", with: "-")] {
            let later = try store.verifyAudit(expectHead: given)
            #expect(later.isValid, "\(given)")
            #expect(later.expectedHead?.detail == "the expected head is event \(earlier.events); 1 event has been added since", "\(given)")
        }
        let expected = "a head recorded earlier: at least its first 12 hexadecimal characters (the fingerprint, such as 69f9 ff9f 7fa4), or the whole hash"
        for bad in [String(earlier.head.prefix(11)), "", "a1b2", earlier.head + "0", "zz" + earlier.head.dropFirst(2).prefix(10), "６９f9ff9f7fa4"] {
            #expect(throws: ShortlistError.invalidValue(field: "--expect-head", value: bad, expected: expected), "\(bad)") {
                try store.verifyAudit(expectHead: bad)
            }
        }
    }

    @Test("a head recorded before events were deleted says the trail is shorter than it was, not that events were added")
    func expectHeadAfterDeletion() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let recorded = try store.verifyAudit()
        let victim = AuditTampering.seq(try storedEvents(store), "staff.add", RecruitmentFixture.searcher)
        try tamperWithDatabase(store.path, "DELETE FROM audit_detail WHERE seq = \(victim); DELETE FROM audit_event WHERE seq = \(victim)")

        let result = try Store.open(at: store.path, clock: testClock).verifyAudit(expectHead: recorded.head)
        #expect(!result.isValid)
        #expect(result.events == recorded.events - 1)
        #expect(result.expectedHead?.found == false)
        #expect(result.expectedHead?.detail == "the expected head is event \(recorded.events), but the trail is shorter than when it was "
            + "recorded: 1 event before it has been removed")
    }

    @Test("rewriting the last event with a recomputed hash, or dropping a last event that changed no record, is found only with --expect-head")
    func rewrittenHead() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        try RecruitmentFixture.producePanelDocuments(store)
        let recorded = try store.verifyAudit().head

        // The attacker knows the hashing: the last event (a dossier) now names someone else.
        var last = try #require(try storedEvents(store).last).event
        #expect(last.action == "document.dossier")
        last.actor = RecruitmentFixture.searcher
        try tamperWithDatabase(store.path, "UPDATE audit_event SET actor = ?, hash = ? WHERE seq = ?", arguments: [last.actor, last.computedHash, last.seq])
        let rewritten = try Store.open(at: store.path, clock: testClock).verifyAudit()
        #expect(rewritten.isValid)
        #expect(!(try Store.open(at: store.path, clock: testClock).verifyAudit(expectHead: recorded).isValid))

        // Dropping it altogether: the chain is a prefix of what it was.
        try tamperWithDatabase(store.path, "DELETE FROM audit_detail WHERE seq = \(last.seq); DELETE FROM audit_event WHERE seq = \(last.seq)")
        let dropped = try Store.open(at: store.path, clock: testClock).verifyAudit()
        #expect(dropped.isValid)
        #expect(dropped.events == Int(last.seq) - 1)
        #expect(!(try Store.open(at: store.path, clock: testClock).verifyAudit(expectHead: recorded).isValid))
    }
}
