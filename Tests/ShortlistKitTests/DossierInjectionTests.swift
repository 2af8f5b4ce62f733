import Foundation
import Testing
@testable import ShortlistKit

/// The user-supplied text of a small recruitment: either plain, or hostile Markdown in every field.
private struct Wording {
    let hostile: Bool

    /// Markdown and HTML that would break a document if written as it is.
    static let payload = " | *star* _under_ # `tick` [text](http://evil.example) <script>alert(1)</script> ![img](x) "
        + "https://evil.example www.evil.example mallory@evil.example ~~strike~~ &amp; $x$ back\\slash"
        + " **x** [a](javascript:alert(1)) <img src=x onerror=alert(2)> \" ' javascript:alert(3)"
    /// Line breaks that would start blocks.
    static let lines = "\n# Heading\n- item\n1. item\n=====\n---\n    code\n> quote\r\n\u{2028}end"
    /// What each field starts with, so that some values also start with a block marker.
    static let leads = ["=", "-", "#", "1. ", "+ ", "> ", "*", "|"]

    /// A one-line field: names, town, staff names.
    func line(_ label: String, _ lead: Int = 0) -> String {
        hostile ? Wording.leads[lead % Wording.leads.count] + label + Wording.payload : label
    }

    /// A free-text field, which may hold line breaks.
    func text(_ label: String, _ lead: Int = 0) -> String {
        hostile ? Wording.leads[lead % Wording.leads.count] + label + Wording.payload + Wording.lines : label
    }

    /// A question, which must end with a question mark.
    func question(_ label: String, _ lead: Int) -> String { text(label, lead) + "?" }
}

/// The labels that mark each field, to check that every field was rendered.
private let dossierFields = ["Fullname", "Othername", "Townname", "Posttitle", "Sitename", "Searchername", "Categorylabel",
                             "Summarytext", "Identitybasis", "Questiontext", "Identityquestion", "Responsetext", "Conclusiondetail"]
private let indexFields = ["Fullname", "Posttitle", "Sitename", "Questiontext", "Identityquestion"]
private let reportFields = ["Posttitle", "Decisionreason", "Overridereason", "Searchername", "Categorylabel"]

/// Builds the recruitment with `wording` and renders the pack (index first) and the report.
private func render(_ wording: Wording) throws -> (pack: [PanelDocument], report: String, htmlPack: String, htmlReport: String) {
    let folder = try TemporaryFolder()
    let store = try makeStore(in: folder)
    let searcher = wording.line("Searchername", 0)
    try store.addStaff(name: searcher, roles: [.searcher, .panel], by: admin)
    try store.addStaff(name: "Priya Shah", roles: [.recruitingManager, .panel], by: admin)
    try store.addFindingCategory(key: "conduct", label: wording.text("Categorylabel", 1), by: admin)
    var post = VacancyDraft(reference: "TA-2026-03", postTitle: wording.text("Posttitle", 2))
    post.site = wording.text("Sitename", 3)
    post.interviewDate = Day(iso: "2026-11-30")
    post.panel = [searcher]
    try store.addVacancy(post, by: admin)
    var draft = CandidateDraft(fullName: wording.line("Fullname", 4))
    draft.otherNames = [wording.line("Othername", 5)]
    draft.town = wording.line("Townname", 6)
    draft.email = "zoe@example.org"
    draft.notifiedOn = Day(iso: "2026-11-13")
    draft.notifiedVia = .email
    let candidate = try store.addCandidate(to: "TA-2026-03", draft, by: admin).reference
    var other = CandidateDraft(fullName: wording.line("Secondname", 7))
    other.notifiedOn = Day(iso: "2026-11-13")
    other.notifiedVia = .letter
    try store.addCandidate(to: "TA-2026-03", other, by: admin)

    var search = SearchLogRequest(candidate: candidate, query: "facebook.1", outcome: .findings, confirmedPublicOnly: true)
    search.searchedAt = Timestamp.parse(iso: "2026-11-16T09:00:00Z")
    search.note = wording.text("Notetext")
    search.overrideReason = wording.text("Overridereason", 7)
    let entry = try store.logSearch(search, by: searcher).entry.id

    var finding = FindingDraft(entries: [entry], summary: wording.text("Summarytext", 0), identity: .confirmed)
    finding.category = "conduct"
    finding.identityBasis = wording.text("Identitybasis", 1)
    finding.relevance = wording.text("Relevancetext", 2)
    finding.contentDate = Day(iso: "2025-01-10")
    let raised = try store.addFinding(to: candidate, finding, by: searcher).reference
    try store.decideFinding(raised, .raise, reason: "", question: wording.question("Questiontext", 3), identityQuestion: "", by: "Priya Shah")
    try store.respondToFinding(raised, response: wording.text("Responsetext", 4), conclusion: .concernRemains,
                               detail: wording.text("Conclusiondetail", 5), by: "Priya Shah")
    var unverified = FindingDraft(entries: [entry], summary: wording.text("Secondsummary", 6), identity: .unverified)
    unverified.category = "conduct"
    unverified.relevance = "Relevant."
    let second = try store.addFinding(to: candidate, unverified, by: searcher).reference
    try store.decideFinding(second, .raise, reason: "", question: wording.question("Secondquestion", 1),
                            identityQuestion: wording.question("Identityquestion", 2), by: "Priya Shah")
    _ = try store.decideSearch("TA-2026-03", .some, reason: wording.text("Decisionreason", 4), excluded: [2], by: admin)

    var pack: [PanelDocument] = []
    try store.pack("TA-2026-03", templates: TemplateSet.load(), by: admin) { pack = $0 }
    let report = try store.renderComplianceReport(.vacancy("TA-2026-03"), format: "markdown", templates: TemplateSet.load(), by: admin)
    func html(_ subject: DocumentSubject) throws -> String {
        String(decoding: try store.document(subject, format: .html, templates: TemplateSet.load(), by: admin).data, as: UTF8.self)
    }
    return (pack, report, try html(.pack(vacancy: "TA-2026-03")), try html(.report(.vacancy("TA-2026-03"))))
}

@Suite("Panel documents: hostile text")
struct DossierInjectionTests {
    @Test("hostile Markdown in every field leaves the documents' structure exactly as with plain text")
    func sameStructure() throws {
        let plain = try render(Wording(hostile: false))
        let hostile = try render(Wording(hostile: true))
        let names = plain.pack.map(\.fileName) + ["report"]
        let plainTexts = plain.pack.map(\.text) + [plain.report]
        let hostileTexts = hostile.pack.map(\.text) + [hostile.report]
        #expect(names == ["index.md", "TA-2026-03-1.md", "TA-2026-03-2.md", "report"])
        for (name, (calm, rough)) in zip(names, zip(plainTexts, hostileTexts)) {
            let calmLines = calm.components(separatedBy: "\n")
            let roughLines = rough.components(separatedBy: "\n")
            // No value brought a line break of its own.
            #expect(calmLines.count == roughLines.count, "\(name): \(calmLines.count) lines, hostile \(roughLines.count)")
            for (number, (calmLine, roughLine)) in zip(calmLines, roughLines).enumerated() {
                #expect(MarkdownSyntax.shape(roughLine) == MarkdownSyntax.shape(calmLine),
                        "\(name) line \(number + 1):\n\(roughLine)\nplain:\n\(calmLine)")
                #expect(!MarkdownSyntax.listItemOpensBlock(roughLine), "\(name) line \(number + 1): \(roughLine)")
            }
            #expect(!rough.contains("\r") && !rough.contains("\u{2028}"), "\(name)")
        }
    }

    @Test("in hostile documents, no link, image, HTML, code or autolink can form, and every table row keeps its columns")
    func noLinksOrHTML() throws {
        let hostile = try render(Wording(hostile: true))
        for (name, text) in zip(hostile.pack.map(\.fileName) + ["report"], hostile.pack.map(\.text) + [hostile.report]) {
            for character: Character in ["[", "]", "<", ">", "`", "@", "~", "$", "&"] {
                // The report's closing lines quote three commands in backticks: the template's own.
                let allowed = name == "report" && character == "`" ? 6 : 0
                #expect(MarkdownSyntax.unescaped(character, in: text) == allowed, "\(name): unescaped \(character)")
            }
            #expect(MarkdownSyntax.unescapedAutolinks(in: text) == 0, "\(name)")
            var columns: Int?
            for line in text.components(separatedBy: "\n") {
                guard line.hasPrefix("|") else {
                    columns = nil
                    continue
                }
                // The header row of each table sets the count; the template writes it.
                let pipes = MarkdownSyntax.unescaped("|", in: line)
                if let columns { #expect(pipes == columns, "\(name): \(line)") } else { columns = pipes }
            }
            for line in text.components(separatedBy: "\n") where line.hasPrefix("#") {
                #expect(line.firstMatch(of: #/^(# Dossier: |# Interview pack: |## |### TA-2026-03\/|# Safer recruitment: online searches$)/#) != nil,
                        "\(name): \(line)")
            }
        }
    }

    @Test("every hostile field is in the documents, escaped, not dropped")
    func fieldsRendered() throws {
        let hostile = try render(Wording(hostile: true))
        let dossier = hostile.pack[1].text
        for field in dossierFields { #expect(dossier.contains(field), "\(field) missing from the dossier") }
        for field in indexFields { #expect(hostile.pack[0].text.contains(field), "\(field) missing from the index") }
        for field in reportFields { #expect(hostile.report.contains(field), "\(field) missing from the report") }
        // The escaped form of a whole value, as the escaping promises.
        #expect(dossier.contains("| Town or area | " + Markdown.escape(Wording(hostile: true).line("Townname", 6)) + " |"))
        // Never shown, hostile or not.
        for hidden in ["Notetext", "Relevancetext", "zoe@example.org"] { #expect(!dossier.contains(hidden), "\(hidden)") }
        #expect(!hostile.report.contains("Fullname"))
        #expect(!hostile.report.contains("Summarytext"))
    }

    /// The HTML's markup with the text between tags taken out: what a value could change if it were not escaped.
    private static func markup(_ html: String) -> String { html.replacing(/>[^<]*</, with: "><") }

    @Test("in the HTML, hostile text in every field leaves the markup exactly as with plain text, and comes out escaped")
    func htmlEscaped() throws {
        let plain = try render(Wording(hostile: false))
        let hostile = try render(Wording(hostile: true))
        for (name, calm, rough) in [("pack", plain.htmlPack, hostile.htmlPack), ("report", plain.htmlReport, hostile.htmlReport)] {
            #expect(DossierInjectionTests.markup(rough) == DossierInjectionTests.markup(calm), "\(name)")
            for refused in ["<script", "<img", "href"] {
                #expect(!rough.lowercased().contains(refused), "\(name): \(refused)")
            }
            // Every value's characters that HTML could read as markup are escaped, quotes too.
            for escaped in ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;", "**x** [a](javascript:alert(1))",
                            "&amp;amp;", "&quot; &#39; javascript:alert(3)"] {
                #expect(rough.contains(escaped), "\(name): \(escaped)")
            }
        }
        for field in dossierFields + indexFields { #expect(hostile.htmlPack.contains(field), "\(field) missing from the HTML pack") }
        for field in reportFields { #expect(hostile.htmlReport.contains(field), "\(field) missing from the HTML report") }
        for hidden in ["Notetext", "Relevancetext", "zoe@example.org"] { #expect(!hostile.htmlPack.contains(hidden), "\(hidden)") }
        #expect(!hostile.htmlReport.contains("Fullname") && !hostile.htmlReport.contains("Summarytext"))
    }
}
