import Foundation
import Testing
@testable import ShortlistKit

/// Where the tests require datefudge: on CI, and wherever it is installed.
private let clockShiftRequired = MachineClock.fudgeLibrary != nil || ProcessInfo.processInfo.environment["CI"] != nil

/// The text with the audit head it cites (event number and hash) blanked out.
private func withoutHead(_ text: String) -> String {
    text.replacing(/event \d+, head [0-9a-f]{64}/, with: "event N, head HEAD").replacing(/[0-9a-f]{64}/, with: "HEAD")
        .replacing(/[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/, with: "FINGERPRINT")
}

@Suite("CLI: documents do not depend on the machine's clock")
struct MachineClockTests {
    @Test("the binary runs with the machine's clock over a year from today, and SHORTLIST_NOW alone dates what it does",
          .enabled(if: clockShiftRequired))
    func binaryClockIsShifted() throws {
        _ = try #require(MachineClock.fudgeLibrary, "datefudge is missing: apt-get install datefudge (.ci/run installs it)")
        let sandbox = try Sandbox()
        // With SHORTLIST_NOW empty the binary takes the machine's clock, which datefudge has moved.
        try sandbox.succeed(["init", "--admin", admin], environment: ["SHORTLIST_NOW": ""])
        let json = try sandbox.succeed(["audit", "log", "--format", "json"])
        let at = try #require(json.firstMatch(of: /"at":"([^"]+)"/).map { String($0.1) })
        let recorded = try #require(Timestamp.parse(iso: at), "\(json)")
        let shift = recorded.timeIntervalSinceNow / 86_400
        #expect(shift > Double(MachineClock.offsetDays - 2) && shift < Double(MachineClock.offsetDays + 2), "\(at)")
        // With SHORTLIST_NOW set, the same binary dates its events at that instant.
        try sandbox.succeed(["staff", "add", "Sam Searcher", "--role", "searcher", "--by", admin])
        let events = try sandbox.store().auditLog(AuditFilter())
        #expect(try #require(events.last).event.at == fixedNow)
    }

    @Test("every dossier and the governors' report render byte for byte the same through the library (fixed clock) and the CLI (SHORTLIST_NOW, machine clock a year on)",
          .enabled(if: clockShiftRequired))
    func libraryAndCLIAgree() throws {
        _ = try #require(MachineClock.fudgeLibrary, "datefudge is missing: apt-get install datefudge (.ci/run installs it)")
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let store = try sandbox.store()
        for number in 1...4 {
            let reference = CandidateReference(vacancy: "TA-2026-03", number: number)
            var library = ""
            try store.dossier(reference, templates: TemplateSet.load(), by: "Sam Searcher") { library = $0.text }
            let cli = try sandbox.succeed(["dossier", reference.description, "--by", "Sam Searcher"])
            #expect(!library.isEmpty)
            #expect(utf8(cli) == utf8(library), "dossier \(reference):\n\(cli)")
        }
        let report = try store.renderComplianceReport(.vacancy("TA-2026-03"), format: "markdown", templates: TemplateSet.load(), by: admin)
        let cliReport = try sandbox.succeed(["report", "--vacancy", "TA-2026-03", "--by", admin])
        // The report cites the head of the trail, which its own production (recorded) moves on.
        #expect(utf8(withoutHead(cliReport)) == utf8(withoutHead(report)), "report:\n\(cliReport)")
        #expect(cliReport.contains("Generated 20 November 2026 10:00 by Ann Admin"))
    }

    @Test("no test passes the real clock to a store: every clock a test gives is a fixed instant")
    func noRealClockInTests() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        // Spelt in pieces, so that this file does not match itself.
        let realClocks = ["Date" + ".init", "Date" + "()", "Date" + ".now"]
        var offenders: [String] = []
        let files = try #require(FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains("clock") && realClocks.contains(where: { line.contains($0) }) {
                offenders.append("\(url.lastPathComponent):\(index + 1)")
            }
        }
        #expect(offenders == [], "stores opened on the real clock")
    }
}
