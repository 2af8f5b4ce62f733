import Foundation
import Testing
@testable import ShortlistKit

/// Schema/ and Templates/ are compiled into the binary: a copy of it alone, run from another
/// folder, must still create, migrate and render.
@Suite("CLI: the binary alone")
struct StandaloneBinaryTests {
    @Test("a copy of the binary in an empty folder builds the demonstration, with its pack, from another folder")
    func binaryAlone() throws {
        let sandbox = try Sandbox()
        let alone = sandbox.path("bin")
        let work = sandbox.folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let copy = alone + "/shortlist"
        try FileManager.default.copyItem(atPath: try ShortlistBinary.path(), toPath: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: alone) == ["shortlist"])

        let result = try sandbox.start(["demo", "--dir", "d"], executable: copy, in: work).finish()
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Created d/shortlist.sqlite (fictional people only).\n"))
        let store = try Store.open(at: work.appendingPathComponent("d/shortlist.sqlite").path, clock: sandboxClock)
        #expect(try store.appliedMigrations() == Store.schemaMigrations)
        #expect(Store.schemaMigrations == ["0001_foundation", "0002_search_log", "0003_findings", "0004_data_protection", "0005_finding_corrections", "0006_sign_in",
                                          "0007_letters"])
        let dossier = try String(contentsOf: work.appendingPathComponent("d/pack/TA-2026-03-1.md"), encoding: .utf8)
        #expect(dossier.contains("# Dossier: Zoë Ødegaard"))

        let exported = try sandbox.start(["templates", "export", "t"], executable: copy, in: work).finish()
        #expect(exported.status == 0, "\(exported)")
        let names = try FileManager.default.subpathsOfDirectory(atPath: work.appendingPathComponent("t").path).sorted()
        #expect(names == ["dossier.mustache", "html", "html/dossier.mustache", "html/pack.mustache", "html/partials",
                          "html/partials/dossier.mustache", "html/partials/footer.mustache", "html/partials/head.mustache",
                          "html/partials/question.mustache", "html/partials/style.mustache", "html/report.mustache",
                          "letters", "letters/notice.html.mustache", "letters/notice.text.mustache", "letters/subject-access.html.mustache",
                          "letters/subject-access.text.mustache", "pack-index.mustache", "partials", "partials/draft-notice.mustache",
                          "partials/finding.mustache", "partials/footer.mustache", "report.mustache"])
    }
}
