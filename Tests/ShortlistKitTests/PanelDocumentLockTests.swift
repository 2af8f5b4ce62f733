import Foundation
import Testing
@testable import ShortlistKit

/// The audit event a panel document's footer says it reflects.
private func citedSeq(_ text: String) -> Int64? {
    text.firstMatch(of: /audit event (\d+) \(/).flatMap { Int64($0.1) }
}

@Suite("Panel documents: rendered outside the write lock")
struct PanelDocumentLockTests {
    @Test("another writer can write while a pack is delivered, and the pack's events name the head its documents reflect")
    func packDoesNotHoldTheWriteLock() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let other = try Store.open(at: store.path, clock: testClock)
        var cited: Int64?
        var written: Int64?
        try store.pack("TA-2026-03", templates: TemplateSet.load(), by: admin) { (documents) throws(ShortlistError) in
            cited = citedSeq(documents[0].text)
            try other.addStaff(name: "Nia Newcomer", roles: [.panel], by: admin)
            written = Int64(try other.statistics().events)
        }
        let log = try store.auditLog(AuditFilter())
        let pack = try #require(log.last)
        #expect(pack.event.action == "document.pack")
        #expect(try #require(written) < pack.event.seq)
        #expect(log.first { $0.event.seq == written }?.event.action == "staff.add")
        #expect(pack.details?.contains("\"audit_seq\":\"\(try #require(cited))\"") == true)
        #expect(try #require(cited) < written!)
    }
}
