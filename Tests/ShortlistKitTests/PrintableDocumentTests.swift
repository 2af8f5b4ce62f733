import Foundation
import Testing
@testable import ShortlistKit

private let year2026 = ReportScope.period(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-12-31")!)

/// A document of the fixture as text.
private func html(_ store: Store, _ subject: DocumentSubject, by actor: String = RecruitmentFixture.searcher) throws -> String {
    let document = try store.document(subject, format: .html, templates: TemplateSet.load(), by: actor)
    #expect(document.contentType == "text/html; charset=utf-8")
    return String(decoding: document.data, as: UTF8.self)
}

/// A printer that cannot print: its program does not exist.
private let missingPrinter = PDFPrinter(chromium: "/nonexistent/chromium", environment: [:])

@Suite("Printable documents: HTML and PDF")
struct PrintableDocumentTests {
    @Test("the HTML dossiers, pack and report match their golden files byte for byte")
    func goldenFiles() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let hashes = try storedEvents(store).map(\.hash)
        let complete = try html(store, .dossier(CandidateReference(vacancy: "TA-2026-03", number: 1)))
        let draft = try html(store, .dossier(CandidateReference(vacancy: "TA-2026-03", number: 2)))
        let pack = try html(store, .pack(vacancy: "TA-2026-03"))
        try GoldenFile.expect(GoldenFile.normalised(complete, hashes: hashes), matches: "html/dossier-complete.html")
        try GoldenFile.expect(GoldenFile.normalised(draft, hashes: hashes), matches: "html/dossier-draft.html")
        try GoldenFile.expect(GoldenFile.normalised(pack, hashes: hashes), matches: "html/pack.html")
        try RecruitmentFixture.producePanelDocuments(store)
        let head = try #require(try storedEvents(store).last)
        let report = try html(store, .report(year2026), by: RecruitmentFixture.governor)
        try GoldenFile.expect(GoldenFile.normalised(report, hashes: [head.hash])
            .replacingOccurrences(of: AuditVerification.fingerprint(of: head.hash), with: "<fingerprint>"), matches: "html/report-2026.html")

        // The pack holds each dossier as it is on its own: the same table, from the same model.
        for dossier in [complete, draft] {
            let sheet = try #require(dossier.firstRange(of: #/<table class="sheet dossier">[\s\S]*?\n</td></tr></tbody>\n</table>/#))
            #expect(pack.contains(dossier[sheet]))
        }
        #expect(draft.components(separatedBy: "DRAFT: checks not complete").count == 2)
        #expect(!complete.contains("DRAFT"))
    }

    @Test("the Markdown forms through document() are the Markdown documents, byte for byte; a pack in Markdown is refused")
    func markdownThroughDocument() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let reference = CandidateReference(vacancy: "TA-2026-03", number: 1)
        let document = try store.document(.dossier(reference), format: .markdown, templates: TemplateSet.load(), by: admin)
        #expect(document.fileName == "TA-2026-03-1.md")
        #expect(utf8(String(decoding: document.data, as: UTF8.self)) == utf8(try renderDossier(store, 1, by: admin)))
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.notAllowed(
            record: "The pack of TA-2026-03", reason: "a pack in Markdown is a folder of files, an index and one per dossier",
            remedy: "Write it into a folder with `shortlist pack TA-2026-03 --out FOLDER`, or make it as one html or pdf document")) {
            _ = try store.document(.pack(vacancy: "TA-2026-03"), format: .markdown, templates: TemplateSet.load(), by: admin)
        }
        #expect(try count(store, "audit_event") == before)
    }

    @Test("producing an HTML document is recorded exactly as the Markdown one: a dossier per candidate, then the pack; the report")
    func recorded() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        func actions(after seq: Int64) throws -> [String] { try storedEvents(store).filter { $0.event.seq > seq }.map(\.event.action) }
        var last = try #require(try storedEvents(store).last).event.seq
        _ = try html(store, .dossier(CandidateReference(vacancy: "TA-2026-03", number: 1)))
        #expect(try actions(after: last) == ["document.dossier"])
        last = try #require(try storedEvents(store).last).event.seq
        _ = try renderPack(store)
        let markdownPack = try actions(after: last)
        last = try #require(try storedEvents(store).last).event.seq
        _ = try html(store, .pack(vacancy: "TA-2026-03"))
        #expect(try actions(after: last) == markdownPack)
        #expect(markdownPack == ["document.dossier", "document.dossier", "document.dossier", "document.pack"])
        last = try #require(try storedEvents(store).last).event.seq
        _ = try html(store, .report(.vacancy("TA-2026-03")), by: RecruitmentFixture.governor)
        let reportActions = try actions(after: last)
        last = try #require(try storedEvents(store).last).event.seq
        _ = try store.renderComplianceReport(.vacancy("TA-2026-03"), format: "markdown", templates: TemplateSet.load(), by: RecruitmentFixture.governor)
        #expect(try actions(after: last) == reportActions)
        #expect(reportActions.count == 1)
    }

    @Test("a PDF that cannot be printed records nothing and writes nothing, and says how to get a PDF")
    func failedPrint() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try count(store, "audit_event")
        let out = folder.path("dossier.pdf")
        do {
            try store.writeDocument(.dossier(CandidateReference(vacancy: "TA-2026-03", number: 1)), format: .pdf, to: out, replacing: false,
                                    templates: TemplateSet.load(), printer: missingPrinter, by: admin)
            Issue.record("printed without a printer")
        } catch {
            #expect(error.message.contains("/nonexistent/chromium"), "\(error.message)")
            #expect(error.message.contains("Nothing was written or recorded"), "\(error.message)")
        }
        let none = PDFPrinter(environment: ["PATH": folder.path("no-programs-here")])
        #expect(!none.isAvailable)
        #expect(throws: ShortlistError.notAllowed(
            record: "Printing to PDF",
            reason: "no Chromium or Chrome was found to print with (looked for chromium, chromium-browser, google-chrome, google-chrome-stable on PATH)",
            remedy: PDFPrinter.remedy)) {
            _ = try store.document(.pack(vacancy: "TA-2026-03"), format: .pdf, templates: TemplateSet.load(), printer: none, by: admin)
        }
        #expect(PDFPrinter.remedy.contains("apt-get install chromium") && PDFPrinter.remedy.contains("--format html"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try count(store, "audit_event") == before)
    }

    @Test("the document's name and type suit each subject and format")
    func names() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let pack = try store.document(.pack(vacancy: "TA-2026-03"), format: .html, templates: TemplateSet.load(), by: admin)
        #expect(pack.fileName == "TA-2026-03-pack.html")
        let report = try store.document(.report(year2026), format: .html, templates: TemplateSet.load(), by: RecruitmentFixture.governor)
        #expect(report.fileName == "report-2026-01-01-to-2026-12-31.html")
        #expect(DocumentFormat.pdf.contentType == "application/pdf" && DocumentFormat.pdf.fileExtension == "pdf")
        #expect(DocumentFormat.markdown.fileExtension == "md")
    }

    @Test("writeDocument writes the file owner-only, refuses one that exists without replacing, and refuses a folder")
    func writes() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let out = folder.path("out/pack.html")
        try store.writeDocument(.pack(vacancy: "TA-2026-03"), format: .html, to: out, replacing: false, templates: TemplateSet.load(), by: admin)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.file(path: out, reason: "already exists; nothing was written. Use --force to replace it")) {
            try store.writeDocument(.pack(vacancy: "TA-2026-03"), format: .html, to: out, replacing: false, templates: TemplateSet.load(), by: admin)
        }
        #expect(throws: ShortlistError.file(path: folder.path("out"), reason: "is a folder; nothing was written. Give the name of a file to write, such as pack.html")) {
            try store.writeDocument(.pack(vacancy: "TA-2026-03"), format: .html, to: folder.path("out"), replacing: true, templates: TemplateSet.load(), by: admin)
        }
        #expect(try count(store, "audit_event") == before)
    }
}
