import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

/// TA-2026-03/1 with one search logged with findings and evidence (a PNG, an SVG, a PDF, a text file), and three
/// findings from it, all recorded by the searcher: F1 ordinary (confirmed), F2 about a protected characteristic,
/// F3 unverified. TA-2026-03/2 has a search with evidence of its own (an image that is none of F1's).
struct DecisionFixture {
    let fixture: WebFixture
    static let first = CandidateReference(vacancy: "TA-2026-03", number: 1)
    static let ordinary = FindingReference(candidate: first, number: 1)
    static let protected = FindingReference(candidate: first, number: 2)
    static let unverified = FindingReference(candidate: first, number: 3)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("not really an image".utf8)
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
    static let pdf = "%PDF-1.4\n% a small test file\n"
    static let text = "Saved text of the public post.\n"
    /// Each evidence file's SHA-256 by its name, as the store recorded it.
    let sha: [String: String]

    init() throws {
        fixture = try WebFixture()
        try fixture.addDecisionStaff()
        let store = fixture.store
        let files = [("shot.png", Data(Self.png)), ("drawing.svg", Data(Self.svg.utf8)), ("post.pdf", Data(Self.pdf.utf8)),
                     ("post notes.txt", Data(Self.text.utf8)), ("other.png", Data(Self.png + [1, 2, 3]))]
        var paths: [String: String] = [:]
        for (name, data) in files {
            let path = fixture.folder.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            paths[name] = path
        }
        let second = CandidateReference(vacancy: "TA-2026-03", number: 2)
        for candidate in [Self.first, second] { try store.notifyCandidate(candidate, on: nil, via: .email, by: WebFixture.searcher) }
        var request = SearchLogRequest(candidate: Self.first, query: "facebook", outcome: .findings, confirmedPublicOnly: true)
        request.addresses = ["https://www.facebook.com/example-public-post"]
        request.evidenceFiles = ["shot.png", "drawing.svg", "post.pdf", "post notes.txt"].map { paths[$0]! }
        let entry = try store.logSearch(request, by: WebFixture.searcher).entry.id
        var other = SearchLogRequest(candidate: second, query: "facebook", outcome: .nothingRelevant, confirmedPublicOnly: true)
        other.evidenceFiles = [paths["other.png"]!]
        try store.logSearch(other, by: WebFixture.searcher)
        var sha: [String: String] = [:]
        for candidate in [Self.first, second] {
            for entry in try store.searchHistory(candidate) { for file in entry.evidence { sha[file.name] = file.sha256 } }
        }
        self.sha = sha

        var ordinary = FindingDraft(entries: [entry], summary: "Calls pupils feral in a public post.", identity: .confirmed)
        ordinary.identityBasis = "Same photo as the application."
        ordinary.category = "disparaging"
        ordinary.relevance = "How staff speak of pupils in public."
        ordinary.contentDate = Day(iso: "2024-03-01")
        try store.addFinding(to: Self.first, ordinary, by: WebFixture.searcher)
        var protected = FindingDraft(entries: [entry], summary: "A post about their religion.", identity: .confirmed)
        protected.identityBasis = "Same photo as the application."
        protected.protectedCharacteristic = true
        try store.addFinding(to: Self.first, protected, by: WebFixture.searcher)
        var unverified = FindingDraft(entries: [entry], summary: "An account of the same name shares videos of fights.", identity: .unverified)
        unverified.category = "violence"
        unverified.relevance = "Sharing violent content bears on suitability, if it is theirs."
        try store.addFinding(to: Self.first, unverified, by: WebFixture.searcher)
    }

    static func path(_ reference: FindingReference) -> String {
        "/vacancies/TA-2026-03/candidates/\(reference.candidate.number)/findings/\(reference.number)"
    }

    static func panelPath(_ reference: FindingReference) -> String { "/panel" + path(reference) }

}

@Suite("web: the recruiting manager's decisions")
struct DecisionRouteTests {
    @Test("refused decisions come back with the error beside its field and everything typed kept; nothing is stored")
    func refusals() async throws {
        let setup = try DecisionFixture()
        let path = DecisionFixture.path(DecisionFixture.unverified)
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.manager)
            let page = try await client.get(path, cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("An account of the same name shares videos of fights."))
            #expect(page.body.contains("the identity question, asked first (required: its identity is unverified)"))
            // The identity question comes before the question.
            let identity = try #require(page.body.range(of: "name=\"identityQuestion\""))
            let question = try #require(page.body.range(of: "name=\"question\""))
            #expect(identity.lowerBound < question.lowerBound)

            // No question at all.
            var reply = try await client.post(path + "/decide", [("csrf", session.csrf), ("decision", "raise"), ("question", ""),
                                                                 ("identityQuestion", "Is this account yours?"), ("reason", "typed reason")],
                                              cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"question\">"))
            #expect(reply.body.contains("<p class=\"error\">Give a neutral question for the panel to ask.</p>"))
            #expect(reply.body.contains(">Is this account yours?</textarea>"))
            #expect(reply.body.contains(">typed reason</textarea>"))
            #expect(reply.body.contains("value=\"raise\" checked"))

            // Identity unverified, and no identity question.
            reply = try await client.post(path + "/decide", [("csrf", session.csrf), ("decision", "raise"),
                                                             ("question", "Can you tell us about the videos you share?"), ("identityQuestion", "")],
                                          cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"identityQuestion\">"))
            #expect(reply.body.contains("its identity is unverified, so it cannot be raised as a statement about the candidate"))
            #expect(!reply.body.contains("--identity-question"))
            #expect(reply.body.contains(">Can you tell us about the videos you share?</textarea>"))
            #expect(reply.body.contains("href=\"#identityQuestion\""))

            // A statement, not a question.
            reply = try await client.post(path + "/decide", [("csrf", session.csrf), ("decision", "raise"), ("identityQuestion", "Is this account yours?"),
                                                             ("question", "Explain the videos.")], cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"question\">"))
            #expect(reply.body.contains("the question is a statement, not a question"))

            // No further action without a reason.
            reply = try await client.post(path + "/decide", [("csrf", session.csrf), ("decision", "no-further-action"), ("reason", ""),
                                                             ("question", "left over?")], cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"reason\">"))
            #expect(reply.body.contains("<p class=\"error\">Give why the finding is not raised.</p>"))
            #expect(reply.body.contains(">left over?</textarea>"))
            #expect(reply.body.contains("value=\"no-further-action\" checked"))

            // No decision chosen.
            reply = try await client.post(path + "/decide", [("csrf", session.csrf), ("reason", "kept")], cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<fieldset class=\"field has-error\" id=\"decision\">"))
            #expect(reply.body.contains(">kept</textarea>"))
        }
        let stored = try setup.fixture.store.finding(DecisionFixture.unverified, shownTo: WebFixture.admin)
        #expect(stored.versions.count == 1)
        #expect(stored.current.decision == nil)
    }

    @Test("a raise and a no-further-action are stored, and the finding's page then shows the decision, who and when")
    func decisions() async throws {
        let setup = try DecisionFixture()
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.manager)
            let queue = try await client.get("/findings", cookie: session.cookie)
            #expect(queue.status == .ok)
            #expect(queue.body.contains("Calls pupils feral in a public post."))
            #expect(queue.body.contains("An account of the same name shares videos of fights."))
            #expect(!queue.body.contains("religion"))
            // Each with its source: the query, the address reviewed, when and by whom, and the evidence files.
            #expect(queue.body.contains("facebook"))
            #expect(queue.body.contains("https://www.facebook.com/example-public-post"))
            #expect(queue.body.contains("by \(WebFixture.searcher) (entry 1)"))
            #expect(queue.body.contains(">shot.png</a>"))
            #expect(queue.body.contains("1 March 2024 (2 years 8 months old)"))
            #expect(queue.body.contains("Same photo as the application."))

            let raise = DecisionFixture.path(DecisionFixture.unverified)
            let raised = try await client.post(raise + "/decide", [
                ("csrf", session.csrf), ("decision", "raise"), ("identityQuestion", "Do you have a public profile on this site?"),
                ("question", "Can you tell us about the videos you share?"), ("reason", ""),
            ], cookie: session.cookie)
            #expect(raised.status == .seeOther)
            #expect(raised.location == raise + "?saved=decision")
            let page = try await client.get(raise + "?saved=decision", cookie: session.cookie)
            #expect(page.body.contains("Saved the decision."))
            #expect(page.body.contains("<dt>Decision</dt><dd>Raise it at interview, with a neutral question</dd>"))
            #expect(page.body.contains("<dd>Do you have a public profile on this site?</dd>"))
            #expect(page.body.contains("<dt>Decided by</dt><dd>\(WebFixture.manager), 20 November 2026 10:00</dd>"))
            #expect(!page.body.contains("Record the decision"))

            let close = DecisionFixture.path(DecisionFixture.ordinary)
            let closed = try await client.post(close + "/decide", [
                ("csrf", session.csrf), ("decision", "no-further-action"), ("reason", "A single remark, years old."), ("question", ""),
            ], cookie: session.cookie)
            #expect(closed.status == .seeOther)
            let after = try await client.get("/findings", cookie: session.cookie)
            #expect(after.body.contains("No finding awaits a decision."))
        }
        let store = setup.fixture.store
        let raised = try store.finding(DecisionFixture.unverified, shownTo: WebFixture.admin).current
        #expect(raised.decision == .raise)
        #expect(raised.question == "Can you tell us about the videos you share?")
        #expect(raised.identityQuestion == "Do you have a public profile on this site?")
        #expect(raised.decidedBy == WebFixture.manager)
        let closed = try store.finding(DecisionFixture.ordinary, shownTo: WebFixture.admin).current
        #expect(closed.decision == .noFurtherAction)
        #expect(closed.decisionReason == "A single remark, years old.")
        let events = try store.auditLog(AuditFilter(), shownTo: WebFixture.admin).filter { $0.event.action == "finding.decide" }
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.details?.contains("\"made_via\":\"web\"") == true })
    }

    @Test("a searcher-only member sees findings but no decision form, link or route")
    func searcherOnly() async throws {
        let setup = try DecisionFixture()
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(!home.body.contains("href=\"/findings\""))
            #expect(!home.body.contains("Findings to decide"))
            #expect(!home.body.contains("href=\"/panel\""))
            let page = try await client.get(DecisionFixture.path(DecisionFixture.unverified), cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("An account of the same name shares videos of fights."))
            #expect(!page.body.contains("/decide"))
            #expect(!page.body.contains("Record the decision"))
            #expect(try await client.get("/findings", cookie: session.cookie).status == .forbidden)
            #expect(try await client.get("/panel", cookie: session.cookie).status == .forbidden)
            let reply = try await client.post(DecisionFixture.path(DecisionFixture.unverified) + "/decide", [
                ("csrf", session.csrf), ("decision", "no-further-action"), ("reason", "Not mine to decide."),
            ], cookie: session.cookie)
            #expect(reply.status == .forbidden)
        }
        #expect(try setup.fixture.store.finding(DecisionFixture.unverified, shownTo: WebFixture.admin).current.decision == nil)
    }

    @Test("the follow-up of a concern is recorded on the recruiting manager's page")
    func followUp() async throws {
        let setup = try DecisionFixture()
        let store = setup.fixture.store
        try store.decideFinding(DecisionFixture.ordinary, .raise, reason: "", question: "How do you speak of pupils online?", identityQuestion: "",
                                by: WebFixture.manager)
        try store.respondToFinding(DecisionFixture.ordinary, response: "It was a joke.", conclusion: .concernRemains,
                                   detail: "Ask the previous employer.", by: WebFixture.panel)
        let path = DecisionFixture.path(DecisionFixture.ordinary)
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.manager)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("<a href=\"\(path)#follow-up\">TA-2026-03/1/F1</a>"))
            let page = try await client.get(path, cookie: session.cookie)
            #expect(page.body.contains("<dt>The panel's conclusion</dt><dd>A concern remains</dd>"))
            #expect(page.body.contains("Record the follow-up"))
            let empty = try await client.post(path + "/follow-up", [("csrf", session.csrf), ("note", "")], cookie: session.cookie)
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("<div class=\"field has-error\">\n<label for=\"note\">"))
            let saved = try await client.post(path + "/follow-up", [("csrf", session.csrf), ("note", "The previous employer had no concerns.")],
                                              cookie: session.cookie)
            #expect(saved.status == .seeOther)
        }
        #expect(try store.finding(DecisionFixture.ordinary, shownTo: WebFixture.admin).current.followUp == "The previous employer had no concerns.")
    }
}

@Suite("web: evidence files")
struct EvidenceRouteTests {
    @Test("served with its content type and nosniff: images and PDFs inline, everything else (SVG too) as a download")
    func headers() async throws {
        let setup = try DecisionFixture()
        let base = DecisionFixture.path(DecisionFixture.ordinary) + "/evidence/"
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.manager)
            let page = try await client.get(DecisionFixture.path(DecisionFixture.ordinary), cookie: session.cookie)
            #expect(page.body.contains("<a href=\"\(base)\(setup.sha["shot.png"]!)\">shot.png</a>"))
            let cases: [([UInt8], String, String, String)] = [
                (DecisionFixture.png, "shot.png", "image/png", "inline; filename=\"shot.png\"; filename*=UTF-8''shot.png"),
                (Array(DecisionFixture.pdf.utf8), "post.pdf", "application/pdf", "inline; filename=\"post.pdf\"; filename*=UTF-8''post.pdf"),
                (Array(DecisionFixture.svg.utf8), "drawing.svg", "image/svg+xml", "attachment; filename=\"drawing.svg\"; filename*=UTF-8''drawing.svg"),
                (Array(DecisionFixture.text.utf8), "post notes.txt", "text/plain; charset=utf-8", "attachment; filename=\"post notes.txt\"; filename*=UTF-8''post%20notes.txt"),
            ]
            for (bytes, name, type, disposition) in cases {
                let file = try await client.get(base + setup.sha[name]!, cookie: session.cookie)
                #expect(file.status == .ok, "\(type)")
                #expect(file.headers[.contentType] == type)
                #expect(file.headers[.contentDisposition] == disposition)
                #expect(file.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(file.headers[.contentLength] == String(bytes.count))
                #expect(file.headers[.cacheControl] == "no-store")
            }
            let text = try await client.get(base + setup.sha["post notes.txt"]!, cookie: session.cookie)
            #expect(text.body == DecisionFixture.text)
            // Another candidate's file, a made-up hash and a path are not found.
            for tail in [setup.sha["other.png"]!, String(repeating: "a", count: 64), "..%2F..%2Fshortlist.sqlite",
                         "..", setup.sha["shot.png"]!.uppercased()] {
                let reply = try await client.get(base + tail, cookie: session.cookie)
                #expect(reply.status == .notFound, "\(tail)")
                #expect(reply.headers[.contentDisposition] == nil)
            }
        }
    }

    @Test("never to the panel or governors, nor another vacancy's panel; a protected finding's only to whom its text is shown")
    func refused() async throws {
        let setup = try DecisionFixture()
        let png = setup.sha["shot.png"]!
        let ordinary = DecisionFixture.path(DecisionFixture.ordinary) + "/evidence/" + png
        let protected = DecisionFixture.path(DecisionFixture.protected) + "/evidence/" + png
        try await setup.fixture.test { client in
            for name in [WebFixture.panel, WebFixture.governor, WebFixture.otherPanel] {
                let session = try await client.session(name)
                for path in [ordinary, protected] {
                    let reply = try await client.get(path, cookie: session.cookie)
                    #expect(reply.status == .notFound, "\(name) \(path)")
                    #expect(reply.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(!reply.body.contains("feral") && !reply.body.contains("religion") && !reply.body.contains("shot.png"))
                }
            }
            for (name, sees) in [(WebFixture.searcher, true), (WebFixture.admin, true), (WebFixture.otherSearcher, false), (WebFixture.manager, false)] {
                let session = try await client.session(name)
                let reply = try await client.get(protected, cookie: session.cookie)
                #expect(reply.status == (sees ? .ok : .notFound), "\(name)")
                #expect(try await client.get(ordinary, cookie: session.cookie).status == .ok, "\(name)")
                let page = try await client.get(DecisionFixture.path(DecisionFixture.protected), cookie: session.cookie)
                #expect(page.body.contains("/evidence/") == sees, "\(name)")
            }
        }
    }
}
