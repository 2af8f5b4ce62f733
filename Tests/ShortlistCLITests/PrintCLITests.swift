import Foundation
import Testing
@testable import ShortlistKit

/// Poppler's tools, which read a printed PDF back as text.
private enum Poppler {
    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { access($0, X_OK) == 0 }
    }

    static let available = onPath("pdftotext") != nil && onPath("pdfinfo") != nil && onPath("pdftoppm") != nil

    /// Runs a poppler tool and returns what it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try runProgram(try #require(onPath(tool), "\(tool) is missing: apt-get install poppler-utils"), arguments)
        #expect(result.status == 0 && !result.signalled, "\(tool) \(arguments): \(result)")
        return result.stdout
    }

    static func pageCount(_ pdf: String) throws -> Int {
        let info = try run("pdfinfo", [pdf])
        return try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) }, "\(info)")
    }

    /// Each page's text, with every run of white space made one space (a line may wrap anywhere).
    static func pages(_ pdf: String) throws -> [String] {
        try (1...pageCount(pdf)).map { page in
            try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).replacing(/\s+/, with: " ")
        }
    }
}

/// Where the tests require Chromium and poppler: on CI, and wherever both are installed.
private let printingRequired = (PDFPrinter().isAvailable && Poppler.available) || ProcessInfo.processInfo.environment["CI"] != nil

/// The environment that names the browser for the binary, where the tests were given one.
private let browser: [String: String] = ProcessInfo.processInfo.environment[PDFPrinter.variable].map { [PDFPrinter.variable: $0] } ?? [:]

/// Hostile text: Markdown, HTML and links that must come out as they are, as text.
private enum Hostile {
    static let name = "Zoë **x** <script>alert(1)</script>"
    static let town = "[a](javascript:alert(1))"
    static let otherName = "<img src=x onerror=alert(2)>"
    static let question = "Is javascript:alert(3) <b>yours</b>?"
    static let identityQuestion = "Is [a](javascript:alert(1)) your account?"
}

extension Sandbox {
    /// Requires what printing needs, saying how to install it.
    func requirePrinting() throws {
        _ = try #require(try? PDFPrinter().program(), "Chromium is missing: apt-get install chromium (.ci/run installs it)")
        try #require(Poppler.available, "poppler is missing: apt-get install poppler-utils (.ci/run installs it)")
    }

    /// Runs the binary, expecting it to write `out`; returns the path.
    @discardableResult
    func print(_ arguments: [String], to out: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments + ["--out", path(out)], environment: browser, timeout: 120)
        #expect(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
        return path(out)
    }

    /// A vacancy whose one candidate has hostile text in her name, other name, town and raised finding.
    func createHostileRecruitment() throws -> Store {
        let store = try createDatabase()
        try store.addStaff(name: "Priya Shah", roles: [.recruitingManager, .panel], by: admin)
        try store.addFindingCategory(key: "conduct", label: "Conduct", by: admin)
        var draft = CandidateDraft(fullName: Hostile.name)
        draft.town = Hostile.town
        draft.otherNames = [Hostile.otherName]
        draft.notifiedOn = Day(iso: "2026-11-13")
        draft.notifiedVia = .email
        let candidate = try store.addCandidate(to: "TA-2026-03", draft, by: admin).reference
        var search = SearchLogRequest(candidate: candidate, query: "facebook", outcome: .findings, confirmedPublicOnly: true)
        search.searchedAt = Timestamp.parse(iso: "2026-11-16T09:00:00Z")
        let entry = try store.logSearch(search, by: "Sam Searcher").entry.id
        var finding = FindingDraft(entries: [entry], summary: "A post links to javascript:alert(4).", identity: .unverified)
        finding.category = "conduct"
        finding.relevance = "Relevant."
        let reference = try store.addFinding(to: candidate, finding, by: "Sam Searcher").reference
        try store.decideFinding(reference, .raise, reason: "", question: Hostile.question, identityQuestion: Hostile.identityQuestion, by: "Priya Shah")
        return store
    }
}

/// The questions a dossier puts to the candidate, each identity question before its question, as the library reads them.
private func questions(_ store: Store, _ reference: CandidateReference) throws -> [String] {
    let source = try store.panelSource(vacancy: reference.vacancy, only: reference, by: admin)
    return (source.findings[reference] ?? []).flatMap { [$0.identityQuestion, $0.question].filter { !$0.isEmpty } }
}

@Suite("CLI: printed documents (PDF through Chromium, read back with pdftotext)")
struct PrintCLITests {
    @Test("a complete and a DRAFT dossier carry the candidate, the vacancy and Confidential (and DRAFT) on every page, and every question on page 1",
          .enabled(if: printingRequired))
    func dossiers() throws {
        let sandbox = try Sandbox()
        try sandbox.requirePrinting()
        let store = try sandbox.createRecruitment()
        for (number, name, draft) in [(1, "Zoë Ødegaard", false), (2, "Łukasz Nowak", true)] {
            let reference = CandidateReference(vacancy: "TA-2026-03", number: number)
            let pdf = try sandbox.print(["dossier", reference.description, "--format", "pdf", "--by", "Sam Searcher"], to: "\(number).pdf")
            let attributes = try FileManager.default.attributesOfItem(atPath: pdf)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let pages = try Poppler.pages(pdf)
            #expect(pages.count >= 2, "the summary, then the searches")
            for (index, page) in pages.enumerated() {
                #expect(page.contains("\(name) (\(reference))"), "page \(index + 1): \(page)")
                #expect(page.contains("Vacancy TA-2026-03") && page.contains("Confidential: interview panel only"), "page \(index + 1)")
                #expect(page.contains("DRAFT") == draft, "page \(index + 1): \(page)")
                #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1): \(page)")
            }
            let asked = try questions(store, reference)
            #expect(asked.isEmpty == draft, "the fixture's complete dossier has questions, its draft one none")
            for question in asked { #expect(pages[0].contains(question), "page 1 lacks: \(question)") }
            if !asked.isEmpty {
                #expect(pages[0].contains("☐ satisfied ☐ further checks ☐ concern remains"), "\(pages[0])")
                #expect(pages[0].contains("Candidate's response"))
                // The searches come after the summary.
                #expect(!pages[0].contains("web-name-town") && pages[1].contains("web-name-town"))
            }
            // The identity question is asked first.
            if asked.count > 1, let identity = pages[0].range(of: "Do you have a public account on X?"),
               let then = pages[0].range(of: "Is there anything about the videos") {
                #expect(identity.lowerBound < then.lowerBound)
            }
        }
    }

    @Test("the pack prints as one document: the index, then each dossier from a new page, every page headed with that candidate",
          .enabled(if: printingRequired))
    func pack() throws {
        let sandbox = try Sandbox()
        try sandbox.requirePrinting()
        try sandbox.createRecruitment()
        let before = try sandbox.auditEventCount()
        let pdf = try sandbox.print(["pack", "TA-2026-03", "--format", "pdf", "--by", "Sam Searcher"], to: "pack.pdf")
        #expect(try sandbox.auditEventCount() == before + 4, "three dossiers and the pack, as for the Markdown pack")
        let pages = try Poppler.pages(pdf)
        #expect(pages[0].contains("Interview pack: TA-2026-03"))
        let names = ["Zoë Ødegaard (TA-2026-03/1)", "Łukasz Nowak (TA-2026-03/2)", "Siobhán O'Brien (TA-2026-03/3)"]
        var seen: [String] = []
        for (index, page) in pages.enumerated().dropFirst() {
            let carried = names.filter { page.hasPrefix(" \($0)") || page.hasPrefix($0) }
            #expect(carried.count == 1, "page \(index + 1) is headed with \(carried): \(page.prefix(80))")
            #expect(page.contains("Confidential: interview panel only"), "page \(index + 1)")
            if let name = carried.first, seen.last != name {
                // A dossier starts its own page, with its title.
                #expect(!seen.contains(name), "\(name)'s pages are not together")
                #expect(page.contains("Dossier: " + name.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)), "page \(index + 1)")
                seen.append(name)
            }
        }
        #expect(seen == names)
    }

    @Test("hostile Markdown, HTML and links come out as literal text: escaped in the HTML, printed as they are in the PDF, never a link",
          .enabled(if: printingRequired))
    func hostile() throws {
        let sandbox = try Sandbox()
        try sandbox.requirePrinting()
        _ = try sandbox.createHostileRecruitment()
        let html = try String(contentsOfFile: sandbox.print(["dossier", "TA-2026-03/1", "--format", "html", "--by", admin], to: "d.html"),
                              encoding: .utf8)
        for refused in ["<script", "<img", "href", "<b>"] { #expect(!html.contains(refused), "\(refused)") }
        #expect(html.contains("Zoë **x** &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        let pdf = try sandbox.print(["dossier", "TA-2026-03/1", "--format", "pdf", "--by", admin], to: "d.pdf")
        let pages = try Poppler.pages(pdf)
        for page in pages { #expect(page.contains(Hostile.name), "\(page)") }
        for text in [Hostile.town, Hostile.otherName, Hostile.question, Hostile.identityQuestion] {
            #expect(pages[0].contains(text), "page 1 lacks \(text): \(pages[0])")
        }
        // No link annotation: the PDF has nothing to click.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.range(of: Data("/URI".utf8)) == nil && bytes.range(of: Data("javascript".utf8)) == nil)
    }

    @Test("the governors' report fits A4: every candidate table keeps its last column, Compliant, and each row its value",
          .enabled(if: printingRequired))
    func reportFits() throws {
        let sandbox = try Sandbox()
        try sandbox.requirePrinting()
        let store = try sandbox.createRecruitment()
        let pdf = try sandbox.print(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "pdf", "--by", RecruitmentFixture.governor],
                                    to: "report.pdf")
        #expect(try Poppler.run("pdfinfo", [pdf]).contains("(A4)"))
        let text = try Poppler.run("pdftotext", ["-layout", pdf, "-"])
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let report = try store.complianceReport(.period(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-12-31")!), by: RecruitmentFixture.governor)
        #expect(lines.count { $0.hasPrefix("Candidate") && $0.hasSuffix("Compliant") } >= report.vacancies.count, "\(text)")
        for candidate in report.vacancies.flatMap(\.candidates) {
            let row = lines.first { $0.hasPrefix(candidate.reference + " ") }
            #expect(row?.hasSuffix(candidate.compliant ? " yes" : " NO") == true, "\(candidate.reference): \(row ?? "no row")")
        }
        // The exceptions' last column too.
        for exception in report.exceptions where !exception.candidate.isEmpty {
            #expect(lines.contains { $0.contains(exception.candidate) && $0.contains(exception.kind) }, "\(exception.kind)")
        }
    }

    @Test("the demonstration's first dossier prints its summary on page 1 (SHORTLIST_SCREENSHOT=FILE.png keeps a picture of it)",
          .enabled(if: printingRequired))
    func demoScreenshot() throws {
        let sandbox = try Sandbox()
        try sandbox.requirePrinting()
        let demo = try sandbox.run(["demo", "--dir", "demo"])
        #expect(demo.status == 0, "\(demo)")
        let database = ["SHORTLIST_DB": sandbox.path("demo/shortlist.sqlite"), "SHORTLIST_USER": ShortlistKit.Demo.searcher]
        sandbox.environment.merge(database) { $1 }
        let pdf = try sandbox.print(["dossier", "TA-2026-03/1", "--format", "pdf"], to: "demo.pdf")
        let pages = try Poppler.pages(pdf)
        #expect(pages[0].contains("Dossier: Zoë Ødegaard") && pages[0].contains("☐ concern remains"), "\(pages[0])")
        guard let target = ProcessInfo.processInfo.environment["SHORTLIST_SCREENSHOT"], !target.isEmpty else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let png = target.hasPrefix("/") ? target : root.appendingPathComponent(target).path
        _ = try Poppler.run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, String(png.dropLast(".png".count))])
        #expect(FileManager.default.fileExists(atPath: png))
    }

    @Test("without a Chromium, --format pdf says how to get one and writes and records nothing")
    func noChromium() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let before = try sandbox.auditEventCount()
        let missing = try sandbox.run(["dossier", "TA-2026-03/1", "--format", "pdf", "--out", sandbox.path("d.pdf"), "--by", "Sam Searcher"],
                                      environment: ["PATH": sandbox.path("no-programs"), PDFPrinter.variable: ""])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("no Chromium or Chrome was found") && missing.stderr.contains("apt-get install chromium")
            && missing.stderr.contains("--format html"), "\(missing.stderr)")
        let named = try sandbox.run(["pack", "TA-2026-03", "--format", "pdf", "--out", sandbox.path("p.pdf"), "--by", "Sam Searcher"],
                                    environment: [PDFPrinter.variable: sandbox.path("not-a-browser")])
        #expect(named.status == 1 && named.stderr.contains("SHORTLIST_CHROMIUM names"), "\(named)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("d.pdf")) && !FileManager.default.fileExists(atPath: sandbox.path("p.pdf")))
        #expect(try sandbox.auditEventCount() == before)
    }
}
