import Foundation
import Testing
@testable import ShortlistKit

@Suite("CLI: the governors' report")
struct ReportCLITests {
    /// The fixture with its panel documents, as the report of 2026 expects.
    private func sandboxWithDocuments() throws -> Sandbox {
        let sandbox = try Sandbox()
        try RecruitmentFixture.producePanelDocuments(try sandbox.createRecruitment())
        return sandbox
    }

    @Test("report --from --to prints the golden report of 2026 and records its production")
    func markdown() throws {
        let sandbox = try sandboxWithDocuments()
        let head = try #require(try sandbox.store().auditLog(AuditFilter()).last)
        let text = try sandbox.succeed(["report", "--from", "2026-01-01", "--to", "31/12/2026", "--by", "Grace Okafor"])
        let fingerprint = AuditVerification.fingerprint(of: head.hash)
        try GoldenFile.expect(GoldenFile.normalised(text, hashes: [head.hash]).replacingOccurrences(of: fingerprint, with: "<fingerprint>"),
                              matches: "report-2026.md")
        #expect(text.contains("the audit trail then ended at event \(head.event.seq), head \(head.hash), fingerprint \(fingerprint)."))
        #expect(text.contains("`shortlist audit verify --expect-head \"\(fingerprint)\"`"))
        let recorded = try #require(try sandbox.store().auditLog(AuditFilter()).last)
        #expect("\(recorded.event.action) \(recorded.event.entityRef) \(recorded.event.actor)" == "document.report 2026-01-01..2026-12-31 Grace Okafor")
        for name in RecruitmentFixture.candidateNames { #expect(!text.contains(name), "\(name)") }
        for summary in RecruitmentFixture.findingSummaries { #expect(!text.contains(summary), "\(summary)") }
    }

    @Test("report as JSON and CSV parses, with the same figures")
    func machineFormats() throws {
        let sandbox = try sandboxWithDocuments()
        let json = try sandbox.succeed(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json", "--by", "Grace Okafor"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(report["vacancies_count"] as? Int == 4)
        #expect(report["candidates_count"] as? Int == 9)
        #expect(report["compliant_count"] as? Int == 4)
        #expect((report["exceptions"] as? [Any])?.count == 14)
        let csv = try CSVReader.parse(Data(try sandbox.succeed(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv",
                                                               "--by", "Grace Okafor"]).utf8))
        #expect(csv.count == 10)
        #expect(csv.dropFirst().map { $0.fields[1] } == ["CL-2026-01/1", "MS-2026-02/1", "MS-2026-02/2", "MS-2026-02/3", "OF-2026-01/1",
                                                         "TA-2026-03/1", "TA-2026-03/2", "TA-2026-03/3", "TA-2026-03/4"])
    }

    @Test("report --out writes the file and refuses to replace it without --force")
    func toFile() throws {
        let sandbox = try sandboxWithDocuments()
        let out = sandbox.path("report.md")
        let written = try sandbox.run(["report", "--vacancy", "TA-2026-03", "--out", out, "--by", "Grace Okafor"])
        #expect(written.status == 0, "\(written)")
        #expect(written.stdout == "")
        #expect(written.stderr == "Wrote \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Safer recruitment: online searches\n\nReport for vacancy TA-2026-03."))
        let before = try sandbox.auditEventCount()
        let refused = try sandbox.run(["report", "--vacancy", "TA-2026-03", "--out", out, "--by", "Grace Okafor"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: \(out): already exists; nothing was written. Use --force to replace it.\n")
        let after = try sandbox.auditEventCount()
        #expect(after == before)
    }
}
