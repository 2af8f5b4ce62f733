import Foundation
import Testing
@testable import ShortlistKit

/// The permission bits of a file or folder, or nil when there is none.
private func modeBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// The names in a folder, hidden ones included, sorted; empty when there is no folder.
private func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite("Backups: never touching what they did not make")
struct BackupSafetyTests {
    @Test("a backup beside the database whose evidence folder would be the database's own is refused, and a failure cannot delete it")
    func backupSharingTheEvidenceFolder() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        // One evidence file gone: a backup that went ahead would fail, and clean up after itself.
        try FileManager.default.removeItem(atPath: store.evidence.location(of: RetentionFixture.zqpEvidenceHash))
        let before = try folder.contents()

        for name in ["shortlist.bak", "shortlist.db", "shortlist"] {
            #expect(throws: ShortlistError.file(path: folder.path(name), reason: "its evidence would go into \(store.evidence.path), the database's own "
                + "evidence folder; choose a name that gives it a folder of its own, such as \(folder.path("shortlist-backup.sqlite"))")) {
                try store.backup(to: folder.path(name))
            }
        }

        #expect(names(store.evidence.path) == [RetentionFixture.sharedEvidenceHash])
        #expect(FileManager.default.contents(atPath: store.evidence.location(of: RetentionFixture.sharedEvidenceHash)) == RetentionFixture.sharedEvidenceBytes)
        #expect(try folder.contents() == before)
    }

    @Test("a backup whose evidence folder already exists is refused, and the folder is left as it was")
    func backupIntoAnExistingEvidenceFolder() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        try FileManager.default.createDirectory(atPath: folder.path("copy-evidence"), withIntermediateDirectories: false)
        let notes = try folder.write("copy-evidence/notes.txt", "someone's notes")

        #expect(throws: ShortlistError.file(path: folder.path("copy-evidence"),
                                            reason: "already exists; a backup never writes into a folder it did not make. Choose a new name for the backup")) {
            try store.backup(to: folder.path("copy.sqlite"))
        }
        #expect(names(folder.path("copy-evidence")) == ["notes.txt"])
        #expect(FileManager.default.contents(atPath: notes) == Data("someone's notes".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
    }

    @Test("a failed backup removes what it made and nothing else: no copy, no evidence folder, no temporary file")
    func failedBackupCleansUp() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        try FileManager.default.removeItem(atPath: store.evidence.location(of: RetentionFixture.zqpEvidenceHash))
        try FileManager.default.createDirectory(atPath: folder.path("backups"), withIntermediateDirectories: false)
        let kept = try folder.write("backups/older.sqlite", "an older backup")

        #expect(throws: ShortlistError.file(path: store.evidence.location(of: RetentionFixture.zqpEvidenceHash),
                                            reason: "the evidence file is missing; restore it from a backup")) {
            try store.backup(to: folder.path("backups/new.sqlite"))
        }
        #expect(names(folder.path("backups")) == ["older.sqlite"])
        #expect(FileManager.default.contents(atPath: kept) == Data("an older backup".utf8))
        #expect(names(store.evidence.path) == [RetentionFixture.sharedEvidenceHash])
    }
}

extension BackupSafetyTests {
    @Test("while a backup copies, nothing is under the target's names: only a hidden owner-only file, renamed into place at the end")
    func backupWritesUnderATemporaryName() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let destination = folder.path("backups/copy.sqlite")
        var during: [String] = []

        let result = try store.backup(to: destination) {
            during = names(folder.path("backups")).map { "\($0) \(String(modeBits(folder.path("backups/" + $0)) ?? 0, radix: 8))" }
        }

        #expect(during.count == 1, "\(during)")
        #expect(during.allSatisfy { $0.hasPrefix(".copy.sqlite.") && $0.hasSuffix(".partial 600") }, "\(during)")
        #expect(result.evidenceFiles == 2)
        #expect(names(folder.path("backups")) == ["copy-evidence", "copy.sqlite"])
        #expect(modeBits(destination) == 0o600 && modeBits(folder.path("backups/copy-evidence")) == 0o700)
        #expect(names(folder.path("backups/copy-evidence")) == [RetentionFixture.zqpEvidenceHash, RetentionFixture.sharedEvidenceHash].sorted())
        #expect(try Store.open(at: destination, clock: testClock).verifyAudit().head == store.verifyAudit().head)
    }
}
