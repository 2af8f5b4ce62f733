import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// A database made by the version before state hashes covered every column (schema 0005): the
/// demonstration, then a purge, searches with evidence and two overrides, a withdrawal, settings,
/// staff, a hold, corrections, a category and a protocol, dumped with the sqlite3 shell's `.dump`.
func makeLegacyDatabase(in folder: TemporaryFolder) throws -> Store {
    let path = folder.path("legacy.sqlite")
    let dump = String(decoding: try fixture("legacy/v0005-demo.sql"), as: UTF8.self)
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: dump)
        // `.dump` leaves out the file's application id.
        try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
    }
    try queue.close()
    return try Store.open(at: path, clock: testClock)
}

@Suite("Audit verify: databases made by earlier versions")
struct LegacyDatabaseTests {
    @Test("a database made before every column was covered still verifies, its records checked as their events recorded them")
    func verifies() throws {
        let folder = try TemporaryFolder()
        let store = try makeLegacyDatabase(in: folder)
        let result = try store.verifyAudit()
        #expect(result.isValid, "\(result.recordProblems) \(String(describing: result.brokenEvent))")
        #expect(result.events == 125)
        // 94 records, the two session settings schema 0006 seeds on opening, and the three letter settings of schema 0007.
        #expect(result.recordsChecked == 99)
        // Every record but the 18 seeded rows no event changed.
        #expect(result.legacyRecords == 78)
        #expect(try storedEvents(store).allSatisfy { $0.event.stateHash.map { !$0.hasPrefix("v2:") } ?? true })
    }

    @Test("in an old database, a change to a field its events recorded is still found")
    func oldFieldsStillCovered() throws {
        let folder = try TemporaryFolder()
        let store = try makeLegacyDatabase(in: folder)
        try tamperFreely(store.path, """
            UPDATE candidate SET town = 'Elsewhere' WHERE number = 1 AND vacancy_id = (SELECT id FROM vacancy WHERE reference = 'TA-2026-03');
            UPDATE finding_version SET summary = 'Nothing.' WHERE finding_id = 1 AND version = (SELECT max(version) FROM finding_version WHERE finding_id = 1);
            UPDATE setting SET value = '2030' WHERE key = 'kcsie_edition'
            """)
        #expect(try Store.open(at: store.path, clock: testClock).verifyAudit().recordProblems == [
            "candidate TA-2026-03/1 does not match its last audit event (changed without one)",
            "finding TA-2026-03/1/F1 does not match its last audit event (changed without one)",
            "setting kcsie_edition does not match its last audit event (changed without one)",
        ])
    }

    @Test("a record changed by this version is covered whole from then on; the rest keep their old check")
    func changedRecordCoveredWhole() throws {
        let folder = try TemporaryFolder()
        let store = try makeLegacyDatabase(in: folder)
        let entry = try #require(try store.searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 2)).last)
        let withdrawn = try store.withdrawSearchEntry(entry.id, reason: "Logged twice.", by: "Alex Morgan")
        let after = try store.verifyAudit()
        #expect(after.isValid)
        #expect(after.legacyRecords == 77)
        #expect(try storedEvents(store).last?.event.stateHash?.hasPrefix("v2:") == true)

        // Re-attributing the withdrawal is found now that the entry's event covers every column...
        let copy = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: store.path, toPath: copy.path("legacy.sqlite"))
        try tamperFreely(copy.path("legacy.sqlite"), "UPDATE search_entry SET withdrawn_by = withdrawn_by + 1 WHERE id = \(withdrawn.id)")
        #expect(try Store.open(at: copy.path("legacy.sqlite"), clock: testClock).verifyAudit().recordProblems
            == ["search_entry TA-2026-03/2#\(withdrawn.id) does not match its last audit event (changed without one)"])

        // ...while an entry whose last event the earlier version wrote is held only to what that event recorded.
        let old = try #require(try store.searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 2)).first)
        try tamperFreely(store.path, "UPDATE search_entry SET recorded_at = '2026-01-01T00:00:00Z' WHERE id = \(old.id)")
        #expect(try Store.open(at: store.path, clock: testClock).verifyAudit().isValid)
    }
}
