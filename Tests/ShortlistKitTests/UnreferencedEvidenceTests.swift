import Foundation
import Testing
@testable import ShortlistKit

/// The names in a folder, hidden ones included, sorted; empty when there is no folder.
private func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite("Evidence that no record names")
struct UnreferencedEvidenceTests {
    @Test("doctor lists evidence files no record names, and says that purge --apply removes them")
    func doctorListsThem() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let stray = Digest.sha256(Data("left by an interrupted purge".utf8))
        try Data("left by an interrupted purge".utf8).write(to: URL(fileURLWithPath: store.evidence.location(of: stray)))
        // A copy killed while it was written, under the hidden name AtomicFile gives it.
        let half = ".\(stray).1A2B3C4D.partial"
        try Data("half".utf8).write(to: URL(fileURLWithPath: store.evidence.path + "/" + half))

        let check = try #require(try store.doctor().first { $0.name == "unreferenced evidence" })

        #expect(!check.passed)
        #expect(check.detail == "2 files that no record names: \(half), \(stray.prefix(12))")
        #expect(check.remedy == "Remove them with `shortlist purge --apply` (the removal is recorded); a purge or a search that was interrupted left them.")

        // A file someone else put there is listed, and left alone by the purge.
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: store.evidence.path + "/notes.txt"))
        let foreign = try #require(try store.doctor().first { $0.name == "unreferenced evidence" })
        #expect(foreign.detail == "3 files that no record names: \(half), \(stray.prefix(12)), notes.txt")
        #expect(foreign.remedy.hasSuffix(" A file not named by a hash or .partial was not made by shortlist: the purge leaves it, so move it out of \(store.evidence.path)."))
        _ = try store.applyPurge(by: admin)
        #expect(store.evidence.fileNames().contains("notes.txt"))
        #expect(!store.evidence.fileNames().contains(stray) && !store.evidence.fileNames().contains(half))
        #expect(try store.doctor().first { $0.name == "evidence files" }?.passed == true)
    }

    @Test("a purge killed before it removed its evidence files: doctor finds them, and the next purge --apply removes them, recorded")
    func purgeRemovesThem() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        _ = try store.applyPurge(by: admin)
        // As if the purge had been killed after its commit, before it unlinked the file.
        try RetentionFixture.zqpEvidenceBytes.write(to: URL(fileURLWithPath: store.evidence.location(of: RetentionFixture.zqpEvidenceHash)))
        #expect(try store.doctor().first { $0.name == "unreferenced evidence" }?.detail
            == "1 file that no record names: \(RetentionFixture.zqpEvidenceHash.prefix(12))")
        let events = try store.auditLog(AuditFilter()).count

        let result = try store.applyPurge(by: admin)

        #expect(result.candidates == 0)
        #expect(names(store.evidence.path) == [RetentionFixture.sharedEvidenceHash])
        let log = try store.auditLog(AuditFilter())
        #expect(log.count == events + 1)
        let removal = try #require(log.last)
        #expect(removal.event.action == "evidence.remove-unreferenced" && removal.event.entity == "evidence" && removal.event.actor == admin)
        #expect(removal.details == "{\"files\":\"1\",\"names\":\"\(RetentionFixture.zqpEvidenceHash)\"}")
        #expect(try store.doctor().first { $0.name == "unreferenced evidence" }?.passed == true)
        #expect(try store.verifyAudit().isValid)
        // Nothing left to remove: nothing more is recorded.
        _ = try store.applyPurge(by: admin)
        #expect(try store.auditLog(AuditFilter()).count == events + 1)
    }
}
