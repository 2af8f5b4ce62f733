import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// `"Siobhán O'Brien"`, percent-encoded as UTF-8 (written out by hand, not by the code under test).
private let siobhan = "%22Siobh%C3%A1n%20O%27Brien%22"
private let google = "https://www.google.com/search?q="

/// The plan as (address, query, link) triples, step by step.
private func triples(_ plan: [(step: SearchStep, queries: [PlannedQuery])]) -> [[String]] {
    plan.flatMap { $0.queries.map { [$0.address, $0.query, $0.link] } }
}

@Suite("Search protocols: expansion, the protocol file, versions")
struct SearchProtocolTests {
    @Test("the default protocol expands exactly for a candidate with two other names, a town and three employers")
    func defaultExpansion() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let progress = try store.searchProgress(candidate: reference).progress
        #expect(progress.protocolTitle == "KCSIE standard online search v1")
        #expect(progress.steps.map(\.step.key) == [
            "web-name", "web-name-town", "web-name-employer", "web-other-names", "news",
            "facebook", "x", "instagram", "tiktok", "linkedin", "youtube",
        ])
        #expect(progress.steps.map(\.queries.count) == [1, 1, 3, 4, 1, 1, 1, 1, 1, 1, 1])
        let plan = progress.steps.map { (step: $0.step, queries: $0.queries) }
        let expected: [[String]] = [
            ["web-name.1", "\"Siobhán O'Brien\"", google + siobhan],
            ["web-name-town.1", "\"Siobhán O'Brien\" Frodsham", google + siobhan + "%20Frodsham"],
            // One query per employer: current first, then the previous ones in order.
            ["web-name-employer.1", "\"Siobhán O'Brien\" \"Frodsham Leisure Centre\"",
             google + siobhan + "%20%22Frodsham%20Leisure%20Centre%22"],
            ["web-name-employer.2", "\"Siobhán O'Brien\" \"Cheshire West Council\"",
             google + siobhan + "%20%22Cheshire%20West%20Council%22"],
            ["web-name-employer.3", "\"Siobhán O'Brien\" \"St Mary's RC Primary\"",
             google + siobhan + "%20%22St%20Mary%27s%20RC%20Primary%22"],
            // Each other name, without and then with the town.
            ["web-other-names.1", "\"Siobhán Ní Bhriain\"", google + "%22Siobh%C3%A1n%20N%C3%AD%20Bhriain%22"],
            ["web-other-names.2", "\"Siobhán Ní Bhriain\" Frodsham", google + "%22Siobh%C3%A1n%20N%C3%AD%20Bhriain%22%20Frodsham"],
            ["web-other-names.3", "\"Shiv Murphy-O'Brien\"", google + "%22Shiv%20Murphy-O%27Brien%22"],
            ["web-other-names.4", "\"Shiv Murphy-O'Brien\" Frodsham", google + "%22Shiv%20Murphy-O%27Brien%22%20Frodsham"],
            ["news.1", "\"Siobhán O'Brien\"", "https://www.google.com/search?tbm=nws&q=" + siobhan],
            ["facebook.1", "\"Siobhán O'Brien\" site:facebook.com", google + siobhan + "%20site%3Afacebook.com"],
            ["x.1", "\"Siobhán O'Brien\" (site:x.com OR site:twitter.com)",
             google + siobhan + "%20%28site%3Ax.com%20OR%20site%3Atwitter.com%29"],
            ["instagram.1", "\"Siobhán O'Brien\" site:instagram.com", google + siobhan + "%20site%3Ainstagram.com"],
            ["tiktok.1", "\"Siobhán O'Brien\" site:tiktok.com", google + siobhan + "%20site%3Atiktok.com"],
            ["linkedin.1", "\"Siobhán O'Brien\" site:linkedin.com", google + siobhan + "%20site%3Alinkedin.com"],
            ["youtube.1", "\"Siobhán O'Brien\"", "https://www.youtube.com/results?search_query=" + siobhan],
        ]
        let got = triples(plan)
        #expect(got.count == expected.count)
        for (have, want) in zip(got, expected) {
            #expect(have.map(utf8) == want.map(utf8), "\(want[0])")
        }
        // The candidate's own plan (Candidate.plan) is the same as the one status uses.
        #expect(triples(try store.candidate(reference).plan(try store.searchProtocol("KCSIE standard online search"))) == got)
        #expect(progress.plannedQueries == 16)
    }

    @Test("a step needing a field the candidate lacks gives no query")
    func missingFields() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let zoe = try addShortlisted(store, "Zoë Ødegaard", employer: "Hoole Primary School, Chester")
        let bare = try addShortlisted(store, "Aled Jones")
        let zoeSteps = try store.searchProgress(candidate: zoe).progress.steps
        #expect(zoeSteps.map(\.queries.count) == [1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1])
        #expect(zoeSteps.map(\.mark) == [".", "-", ".", "-", ".", ".", ".", ".", ".", ".", "."])
        #expect(zoeSteps[0].queries.map(\.link) == [google + "%22Zo%C3%AB%20%C3%98degaard%22"])
        #expect(zoeSteps[2].queries.map(\.query).map(utf8) == [utf8("\"Zoë Ødegaard\" \"Hoole Primary School, Chester\"")])
        #expect(zoeSteps[2].queries.map(\.link) == [google + "%22Zo%C3%AB%20%C3%98degaard%22%20%22Hoole%20Primary%20School%2C%20Chester%22"])
        let bareSteps = try store.searchProgress(candidate: bare).progress
        #expect(bareSteps.steps.map(\.queries.count) == [1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1])
        #expect(bareSteps.plannedQueries == 8)
    }

    @Test("other names without a town give only the queries without the town; repeated values give one query")
    func expandWithoutTown() throws {
        let step = SearchStep(key: "web-other-names", label: "Other names", kind: .searchEngine,
                              queries: ["\"{other_name}\"", "\"{other_name}\" {town}"], link: "https://example.org/?q={query}")
        #expect(step.expand(name: "Zoë Ødegaard", town: "", employers: [], otherNames: ["Zoë Hansen", "Zoe Hansen"]).map(\.query)
            .map(utf8) == ["\"Zoë Hansen\"", "\"Zoe Hansen\""].map(utf8))
        let employer = SearchStep(key: "e", label: "Employers", kind: .searchEngine, queries: ["\"{name}\" \"{employer}\""],
                                  link: "https://example.org/?q={query}")
        let queries = employer.expand(name: "A B", town: "", employers: ["Same School", "Same School", "Other"], otherNames: [])
        #expect(queries.map(\.address) == ["e.1", "e.2"])
        #expect(queries.map(\.link) == ["https://example.org/?q=%22A%20B%22%20%22Same%20School%22",
                                        "https://example.org/?q=%22A%20B%22%20%22Other%22"])
        // Every byte outside RFC 3986's unreserved set is encoded, including '+', '&', '/' and '#'.
        let plain = SearchStep(key: "p", label: "P", kind: .news, queries: ["{name}"], link: "https://example.org/?q={query}")
        #expect(plain.expand(name: "A+B & C/D #1 ~x_y.z", town: "", employers: [], otherNames: [])[0].link
            == "https://example.org/?q=A%2BB%20%26%20C%2FD%20%231%20~x_y.z")
    }

    @Test("a link shows results from the look-back start where the engine supports a date range; the query is unchanged")
    func linkSince() {
        let since = Day(year: 2021, month: 3, day: 7)!
        func query(_ link: String) -> PlannedQuery {
            SearchStep(key: "k", label: "l", kind: .searchEngine, queries: ["\"{name}\""], link: link)
                .expand(name: "Zoë Ødegaard", town: "", employers: [], otherNames: [])[0]
        }
        let name = "%22Zo%C3%AB%20%C3%98degaard%22"
        #expect(query("https://www.google.com/search?q={query}").link(since: since)
            == "https://www.google.com/search?q=\(name)&tbs=cdr:1,cd_min:3/7/2021")
        #expect(query("https://www.google.com/search?tbm=nws&q={query}").link(since: since)
            == "https://www.google.com/search?tbm=nws&q=\(name)&tbs=cdr:1,cd_min:3/7/2021")
        #expect(query("https://google.co.uk/search?q={query}").supportsDateRange)
        for other in ["https://www.youtube.com/results?search_query={query}", "https://www.bing.com/search?q={query}",
                      "https://www.google.com/search?tbs=qdr:y&q={query}", "https://www.google.com/maps?q={query}",
                      "https://google.example.org/search?q={query}", "https://notgoogle.com/search?q={query}"] {
            #expect(!query(other).supportsDateRange, "\(other)")
            #expect(query(other).link(since: since) == query(other).link, "\(other)")
        }
        #expect(query("https://www.google.com/search?q={query}").query == "\"Zoë Ødegaard\"")
    }

    @Test("a plan whose links cannot be restricted by date does not say they are")
    func planWithoutDateRange() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let file = try folder.write("videos.protocol", """
            name: Videos only
            description: One search.

            [youtube]
            label: YouTube: public videos
            kind: platform
            query: "{name}"
            link: https://www.youtube.com/results?search_query={query}

            """)
        _ = try store.importProtocol(file: file, by: admin)
        var draft = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant")
        draft.protocolName = "Videos only"
        try store.addVacancy(draft, by: admin)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë Ødegaard"), by: admin)
        let (vacancy, progress) = try store.searchProgress(candidate: candidateRef(1))
        var out = ""
        PlanReport(vacancy: vacancy, progress: progress, today: testToday).write(.table, to: &out)
        #expect(out.contains("look back 5 years (to 20 November 2021)\nRules: "), "\(out)")
        #expect(!out.contains("Links show"))
        #expect(out.contains("https://www.youtube.com/results?search_query=%22Zo%C3%AB%20%C3%98degaard%22\n"))
    }

    @Test("the plan of a candidate, as a table, Markdown checklist and CSV, matches its golden files")
    func planGolden() throws {
        let folder = try TemporaryFolder()
        let store = try SearchScenario.buildForPlan(at: folder.path("shortlist.sqlite"))
        let (vacancy, progress) = try store.searchProgress(candidate: candidateRef(1))
        for (format, name) in [(PlanReport.Format.table, "plan/siobhan.txt"), (.markdown, "plan/siobhan.md"), (.csv, "plan/siobhan.csv")] {
            var out = ""
            PlanReport(vacancy: vacancy, progress: progress, today: testToday).write(format, to: &out)
            try GoldenFile.expect(out, matches: name)
        }
    }

    // MARK: - The protocol file

    @Test("a canonical file round-trips: export(import(file)) is the file, and importing the export changes nothing")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let path = fixtureURL("protocol/short-check.protocol").path
        let original = String(decoding: try fixture("protocol/short-check.protocol"), as: UTF8.self)
        let (imported, created) = try store.importProtocol(file: path, by: admin)
        #expect(created)
        #expect(imported.title == "Short check v1")
        #expect(imported.description == "Three searches, for tests of guided runs and status.")
        #expect(imported.steps == [
            SearchStep(key: "web-name", label: "Search engine: full name", kind: .searchEngine, queries: ["\"{name}\""],
                       link: "https://www.google.com/search?q={query}"),
            SearchStep(key: "web-name-employer", label: "Search engine: full name and each employer", kind: .searchEngine,
                       queries: ["\"{name}\" \"{employer}\""], link: "https://www.google.com/search?q={query}"),
            SearchStep(key: "news", label: "News search: full name", kind: .news, queries: ["\"{name}\""],
                       link: "https://www.google.com/search?tbm=nws&q={query}"),
        ])
        #expect(ProtocolFile.export(try store.searchProtocol("Short check")) == original)

        // The export of the default protocol reads back to the same steps.
        let standard = try store.searchProtocol("KCSIE standard online search")
        let exported = ProtocolFile.export(standard)
        let parsed = try ProtocolFile.parse(exported, file: "standard.protocol")
        #expect(parsed.name == standard.name)
        #expect(parsed.description == standard.description)
        #expect(parsed.steps == standard.steps)
        #expect(ProtocolFile.export(SearchProtocol(id: 0, name: parsed.name, version: 1, description: parsed.description,
                                                   steps: parsed.steps, createdAt: "")) == exported)

        // Importing either unchanged file again writes nothing.
        let events = try count(store, "audit_event")
        let again = try store.importProtocol(file: path, by: admin)
        #expect(!again.created)
        #expect(again.protocol == imported)
        let standardPath = try folder.write("standard.protocol", exported)
        let standardAgain = try store.importProtocol(file: standardPath, by: admin)
        #expect(!standardAgain.created)
        #expect(standardAgain.protocol.version == 1)
        #expect(try count(store, "protocol") == 2)
        #expect(try count(store, "audit_event") == events)
    }

    @Test("editing a protocol makes version 2; version 1 stays, and vacancies that use it keep it")
    func versions() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol")
        let v1 = try store.searchProtocol("Short check")
        let (v2, created) = try store.importProtocol(file: fixtureURL("protocol/short-check-edited.protocol").path, by: "Sam Searcher")
        #expect(created)
        #expect(v2.title == "Short check v2")
        #expect(v2.steps.map(\.key) == ["web-name", "web-name-employer", "news", "linkedin"])
        #expect(v2.steps[2].queries == ["\"{name}\"", "\"{name}\" {town}"])
        #expect(try store.searchProtocol("Short check") == v2)
        #expect(try store.searchProtocol("short check@1") == v1)
        #expect(try store.searchProtocol("Short check@v1") == v1)
        #expect(v1.steps.map(\.key) == ["web-name", "web-name-employer", "news"])
        #expect(try store.protocols().map(\.title) == ["KCSIE standard online search v1", "Short check v1", "Short check v2"])
        #expect(try store.vacancy("TA-2026-03").protocolID == v1.id)
        let event = try #require(try storedEvents(store).last)
        #expect(event.event.action == "protocol.import")
        #expect(event.event.entityRef == "Short check v2")
        #expect(event.event.actor == "Sam Searcher")
        #expect(throws: ShortlistError.unknownProtocol(name: "Short check@3")) { try store.searchProtocol("Short check@3") }
        // Only admins and searchers import.
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["admin", "searcher"], operation: "import a protocol")) {
            try store.importProtocol(file: fixtureURL("protocol/short-check-edited.protocol").path, by: "Priya Shah")
        }
    }

    static let malformed: [(String, [ImportProblem])] = [
        ("bad-unknown-field", [ImportProblem(line: 7, reason: "field 'colour' is not known in a step; use label, kind, query or link")]),
        ("bad-kind", [ImportProblem(line: 11, reason: "field 'kind': 'video' is not one of search-engine, news, platform")]),
        ("bad-link-without-query", [ImportProblem(line: 7, reason: "field 'link': the address must contain {query}")]),
        ("bad-query-without-placeholder", [ImportProblem(line: 7, reason: "field 'query': a query must contain {name} or {other_name}")]),
        ("bad-unknown-placeholder", [ImportProblem(
            line: 6, reason: "field 'query': {surname} is not a placeholder; use {name}, {town}, {employer}, {other_name}")]),
        ("bad-duplicate-key", [ImportProblem(line: 9, reason: "step key 'web-name' is used twice")]),
        ("bad-missing-label", [ImportProblem(line: 9, reason: "step [news] has no 'label:' line")]),
    ]

    @Test("a malformed protocol file is refused with its line and field, and nothing is written", arguments: malformed)
    func malformedFile(name: String, problems: [ImportProblem]) throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let path = fixtureURL("protocol/\(name).protocol").path
        let events = try count(store, "audit_event")
        let error = errorThrown { _ = try store.importProtocol(file: path, by: admin) }
        #expect(error == .importRejected(file: path, problems: problems))
        #expect(error?.message == "\(path): nothing was imported; fix these rows and import again:\n"
            + problems.map { "  line \($0.line): \($0.reason)" }.joined(separator: "\n"))
        #expect(error?.exitCode == 1)
        #expect(try store.protocols().map(\.title) == ["KCSIE standard online search v1"])
        #expect(try count(store, "protocol_step") == 11)
        #expect(try count(store, "audit_event") == events)
    }

    @Test("a file with no name, no steps, or text that is not a field is refused")
    func otherMalformedText() throws {
        #expect(throws: ShortlistError.importRejected(file: "f", problems: [
            ImportProblem(line: 1, reason: "the file has no 'name:' line"),
        ])) {
            try ProtocolFile.parse("[web-name]\nlabel: L\nkind: news\nquery: {name}\nlink: https://x.org/{query}\n", file: "f")
        }
        #expect(throws: ShortlistError.importRejected(file: "f", problems: [ImportProblem(line: 1, reason: "the file has no steps")])) {
            try ProtocolFile.parse("name: Empty\n", file: "f")
        }
        #expect(throws: ShortlistError.importRejected(file: "f", problems: [
            ImportProblem(line: 2, reason: "expected 'field: value' or a [step-key] heading"),
            ImportProblem(line: 3, reason: "step key 'Web Name': use 1 to 40 lower-case letters, digits and '-'"),
            ImportProblem(line: 6, reason: "field 'link': the address must start with https://"),
        ])) {
            try ProtocolFile.parse("name: P\njust words\n[Web Name]\nlabel: L\nkind: news\nlink: http://x.org/{query}\nquery: {name}\n", file: "f")
        }
        // Windows line endings and comments are fine.
        let parsed = try ProtocolFile.parse("# c\r\nname: P\r\n\r\n[a]\r\nlabel: L\r\nkind: news\r\nquery: {name}\r\nlink: https://x.org/{query}\r\n",
                                            file: "f")
        #expect(parsed.steps == [SearchStep(key: "a", label: "L", kind: .news, queries: ["{name}"], link: "https://x.org/{query}")])
    }

    @Test("an unreadable protocol file is refused with its path")
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let missing = folder.path("missing.protocol")
        #expect(throws: ShortlistError.file(path: missing, reason: "the file cannot be read as UTF-8 text; check the path")) {
            try store.importProtocol(file: missing, by: admin)
        }
        let latin1 = try folder.write("latin1.protocol", Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]))
        #expect(throws: ShortlistError.file(path: latin1, reason: "the file cannot be read as UTF-8 text; check the path")) {
            try store.importProtocol(file: latin1, by: admin)
        }
    }
}
