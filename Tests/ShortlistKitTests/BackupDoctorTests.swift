import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The file's permission bits.
private func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
}

@Suite("Backup and doctor")
struct BackupDoctorTests {
    @Test("a backup is a verified, owner-only copy with the evidence files beside it")
    func backupCopies() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let destination = folder.path("backups/2026-11-20.sqlite")
        let verification = try store.verifyAudit()

        let result = try store.backup(to: destination)

        #expect(result == BackupResult(path: destination, events: verification.events, head: verification.head, evidenceFiles: 2))
        #expect(try mode(destination) == 0o600)
        let copy = try Store.open(at: destination, clock: testClock)
        #expect(try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        let copied = try copy.verifyAudit()
        #expect(copied.isValid && copied.head == verification.head && copied.events == verification.events)
        #expect(try copy.statistics() == store.statistics())
        #expect(try copy.candidate(RetentionFixture.notAppointed).fullName == "Ottoline Vexworth-Purge")
        let evidence = folder.path("backups/2026-11-20-evidence")
        #expect(copy.evidence.path == evidence)
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence).sorted()
            == [RetentionFixture.zqpEvidenceHash, RetentionFixture.sharedEvidenceHash].sorted())
        #expect(FileManager.default.contents(atPath: evidence + "/" + RetentionFixture.zqpEvidenceHash) == RetentionFixture.zqpEvidenceBytes)
        #expect(FileManager.default.contents(atPath: evidence + "/" + RetentionFixture.sharedEvidenceHash) == RetentionFixture.sharedEvidenceBytes)
        #expect(try mode(evidence) == 0o700)
        #expect(try mode(evidence + "/" + RetentionFixture.zqpEvidenceHash) == 0o600)
    }

    @Test("a backup never replaces a file: the existing one is left as it was")
    func backupRefusesExistingFile() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let existing = try folder.write("yesterday.sqlite", "yesterday's backup")

        #expect(throws: ShortlistError.file(path: existing, reason: "already exists; a backup never replaces a file. Choose a new name")) {
            try store.backup(to: existing)
        }
        #expect(FileManager.default.contents(atPath: existing) == Data("yesterday's backup".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.path("yesterday-evidence")))
    }

    @Test("doctor passes every check on a healthy database")
    func doctorHealthy() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        _ = try store.applyPurge(by: admin)
        let head = try store.verifyAudit()

        let checks = try store.doctor()

        #expect(checks.map(\.name) == ["integrity", "foreign keys", "schema", "audit trail", "evidence files", "unreferenced evidence", "permissions",
                                       "retention"])
        #expect(checks.filter { !$0.passed }.map(\.name) == [])
        #expect(checks.map(\.detail) == [
            "ok", "0 broken references", "migrations 0007_letters of 0007_letters",
            "\(head.events) events, head \(head.head)", "1 present and unchanged", "none", "owner only", "no purge overdue",
        ])
    }

    @Test("doctor finds a changed and a missing evidence file, and says to restore the evidence folder")
    func doctorEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        try Data("altered".utf8).write(to: URL(fileURLWithPath: store.evidence.location(of: RetentionFixture.zqpEvidenceHash)))
        try FileManager.default.removeItem(atPath: store.evidence.location(of: RetentionFixture.sharedEvidenceHash))

        let check = try #require(try store.doctor().first { $0.name == "evidence files" })

        #expect(!check.passed)
        let expected = [(RetentionFixture.zqpEvidenceHash, "changed"), (RetentionFixture.sharedEvidenceHash, "missing")]
            .sorted { $0.0 < $1.0 }.map { "\($0.0.prefix(12)) \($0.1)" }.joined(separator: "; ")
        #expect(check.detail == expected)
        #expect(check.remedy == "Restore the evidence folder \(store.evidence.path) from the latest backup.")
    }

    @Test("doctor finds a database readable by others")
    func doctorPermissions() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        chmod(store.path, 0o644)

        let check = try #require(try store.doctor().first { $0.name == "permissions" })

        #expect(!check.passed)
        #expect(check.detail == "\(store.path) is 644, expected 600")
        #expect(check.remedy.contains("chmod 600"))
    }

    @Test("doctor finds a broken audit chain")
    func doctorBrokenChain() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        try PurgeTampering.run(store.path, "UPDATE audit_event SET actor = 'Mallory' WHERE seq = 5")

        let checks = try store.doctor()

        let audit = try #require(checks.first { $0.name == "audit trail" })
        #expect(!audit.passed)
        #expect(audit.detail == "broken at event 5: its contents no longer match its hash (it was changed after it was written)")
        #expect(audit.remedy.contains("shortlist audit verify"))
        #expect(checks.filter { !$0.passed }.map(\.name) == ["audit trail", "retention"])
    }

    @Test("doctor finds personal data past its retention date, and a hold clears it")
    func doctorOverdue() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))

        let check = try #require(try store.doctor().first { $0.name == "retention" })

        #expect(!check.passed)
        #expect(check.detail == "3 candidates' personal data is past its retention date")
        #expect(check.remedy == "Review with `shortlist purge`, then run `shortlist purge --apply` (or hold the vacancy).")
        try store.holdVacancy(RetentionFixture.old, reason: "A claim is pending.", by: admin)
        #expect(try store.doctor().first { $0.name == "retention" }?.passed == true)
    }
}
