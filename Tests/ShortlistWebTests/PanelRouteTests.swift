import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

@Suite("web: the interview panel's screens")
struct PanelRouteTests {
    /// F3 (unverified) raised with both questions; F1 left undecided; F2 about a protected characteristic.
    static func raised() throws -> DecisionFixture {
        let setup = try DecisionFixture()
        try setup.fixture.store.decideFinding(DecisionFixture.unverified, .raise, reason: "", question: "Can you tell us about the videos you share?",
                                              identityQuestion: "Do you have a public profile on this site?", by: WebFixture.manager)
        return setup
    }

    @Test("the panel member records the candidate's response and conclusion; refusals keep what was typed")
    func respond() async throws {
        let setup = try Self.raised()
        let path = DecisionFixture.panelPath(DecisionFixture.unverified)
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.panel)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("Your interview panels"))
            #expect(home.body.contains("Ask first: “Do you have a public profile on this site?” Then: “Can you tell us about the videos you share?”"))
            #expect(home.body.contains("<a href=\"\(path)\">Record the response to TA-2026-03/1/F3</a>"))
            let page = try await client.get(path, cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("<dd>An account of the same name shares videos of fights.</dd>"))
            #expect(page.body.contains("<dt>Ask first, to confirm identity</dt><dd>Do you have a public profile on this site?</dd>"))
            #expect(page.body.contains("<dt>Question</dt><dd>Can you tell us about the videos you share?</dd>"))

            var reply = try await client.post(path + "/respond", [("csrf", session.csrf), ("response", ""), ("conclusion", "satisfied"),
                                                                  ("detail", "typed detail")], cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"response\">"))
            #expect(reply.body.contains("<p class=\"error\">Give what the candidate said.</p>"))
            #expect(reply.body.contains(">typed detail</textarea>"))
            #expect(reply.body.contains("value=\"satisfied\" checked"))

            reply = try await client.post(path + "/respond", [("csrf", session.csrf), ("response", "Not my account."), ("conclusion", "further-checks"),
                                                              ("detail", "")], cookie: session.cookie)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<div class=\"field has-error\">\n<label for=\"detail\">"))
            #expect(reply.body.contains("<p class=\"error\">Give which further checks are needed.</p>"))
            #expect(reply.body.contains(">Not my account.</textarea>"))

            reply = try await client.post(path + "/respond", [("csrf", session.csrf), ("response", "Not my account."), ("conclusion", "further-checks"),
                                                              ("detail", "Check the account's location with the candidate's referee.")],
                                          cookie: session.cookie)
            #expect(reply.status == .seeOther)
            #expect(reply.location == path + "?saved=response")
            let after = try await client.get(path, cookie: session.cookie)
            #expect(after.body.contains("<dt>The panel's conclusion</dt><dd>Further checks are needed</dd>"))
            #expect(!after.body.contains("Record the response"))
            #expect(after.body.contains("Record the follow-up"))
        }
        let stored = try setup.fixture.store.finding(DecisionFixture.unverified, shownTo: WebFixture.admin).current
        #expect(stored.response == "Not my account.")
        #expect(stored.conclusion == .furtherChecks)
        #expect(stored.conclusionDetail == "Check the account's location with the candidate's referee.")
        #expect(stored.responseBy == WebFixture.panel)
    }

    @Test("a panel member never sees an unraised or protected finding's text, a search record or evidence, on any page of theirs")
    func nothingMore() async throws {
        let setup = try Self.raised()
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.panel)
            let pages = ["/", "/panel", "/vacancies", "/panel/vacancies/TA-2026-03", DecisionFixture.panelPath(DecisionFixture.unverified)]
            for path in pages {
                let page = try await client.get(path, cookie: session.cookie)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("feral"), "\(path)")
                #expect(!page.body.contains("religion"), "\(path)")
                #expect(!page.body.contains("withheld"), "\(path)")
                #expect(!page.body.contains("facebook.com"), "\(path)")
                #expect(!page.body.contains("/evidence/"), "\(path)")
                #expect(!page.body.contains("Findings to decide"), "\(path)")
            }
            // The findings not raised are not found; the recruiting manager's pages are closed.
            for path in [DecisionFixture.panelPath(DecisionFixture.ordinary), DecisionFixture.panelPath(DecisionFixture.protected),
                         DecisionFixture.panelPath(FindingReference(candidate: DecisionFixture.first, number: 9))] {
                let page = try await client.get(path, cookie: session.cookie)
                #expect(page.status == .notFound, "\(path)")
                #expect(!page.body.contains("feral") && !page.body.contains("religion"), "\(path)")
                let post = try await client.post(path + "/respond", [("csrf", session.csrf), ("response", "x"), ("conclusion", "satisfied")],
                                                 cookie: session.cookie)
                #expect(post.status == .notFound, "\(path)")
            }
            for path in ["/findings", DecisionFixture.path(DecisionFixture.ordinary), DecisionFixture.path(DecisionFixture.unverified)] {
                let page = try await client.get(path, cookie: session.cookie)
                #expect(page.status == .forbidden, "\(path)")
                #expect(!page.body.contains("feral") && !page.body.contains("religion") && !page.body.contains("fights"), "\(path)")
            }
        }
        #expect(try setup.fixture.store.finding(DecisionFixture.ordinary, shownTo: WebFixture.admin).versions.count == 1)
    }

    @Test("another vacancy's panel member opens none of this vacancy's panel pages and records nothing")
    func otherPanel() async throws {
        let setup = try Self.raised()
        let path = DecisionFixture.panelPath(DecisionFixture.unverified)
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.otherPanel)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("OT-2026-01: Office Manager"))
            #expect(!home.body.contains("TA-2026-03"))
            for page in ["/panel/vacancies/TA-2026-03", path] {
                let reply = try await client.get(page, cookie: session.cookie)
                #expect(reply.status == .notFound, "\(page)")
                #expect(!reply.body.contains("fights") && !reply.body.contains("videos"), "\(page)")
            }
            let post = try await client.post(path + "/respond", [("csrf", session.csrf), ("response", "x"), ("conclusion", "satisfied")],
                                             cookie: session.cookie)
            #expect(post.status == .notFound)
        }
        #expect(try setup.fixture.store.finding(DecisionFixture.unverified, shownTo: WebFixture.admin).current.conclusion == nil)
    }

    @Test("a recruiting manager who sits on the panel sees both roles' work")
    func both() async throws {
        let setup = try Self.raised()
        try await setup.fixture.test { client in
            let session = try await client.session(WebFixture.managerOnPanel)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("Findings to decide"))
            #expect(home.body.contains("<a href=\"\(DecisionFixture.path(DecisionFixture.ordinary))\">TA-2026-03/1/F1</a>"))
            #expect(home.body.contains("Your interview panels"))
            #expect(home.body.contains("Record the response to TA-2026-03/1/F3"))
            #expect(home.body.contains("<a href=\"/findings\">Findings to decide</a>"))
            #expect(home.body.contains("<a href=\"/panel\">Interview panels</a>"))
        }
    }
}

@Suite("web: each role's home page links only to what it opens")
struct HomeLinkTests {
    /// Every `href` of the page (fragments dropped, entities undone), but the stylesheet.
    static func links(_ body: String) -> [String] {
        var found: [String] = []
        var rest = body[...]
        while let start = rest.range(of: "href=\"") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            let link = String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            let path = String(link.prefix { $0 != "#" })
            if !path.isEmpty { found.append(path) }
            rest = tail[end...]
        }
        return Array(Set(found)).sorted()
    }

    @Test("for each role, every link on its home page opens for it")
    func everyLinkOpens() async throws {
        let setup = try PanelRouteTests.raised()
        try setup.fixture.store.respondToFinding(DecisionFixture.unverified, response: "Not mine.", conclusion: .concernRemains,
                                                 detail: "Ask the referee.", by: WebFixture.panel)
        try await setup.fixture.test { client in
            let roles = [WebFixture.admin, WebFixture.searcher, WebFixture.manager, WebFixture.panel, WebFixture.governor,
                         WebFixture.otherPanel, WebFixture.managerOnPanel]
            for name in roles {
                let session = try await client.session(name)
                let home = try await client.get("/", cookie: session.cookie)
                let links = Self.links(home.body)
                #expect(links.contains("/vacancies"), "\(name)")
                for link in links {
                    let page = try await client.get(link, cookie: session.cookie)
                    #expect(page.status == .ok, "\(name): \(link)")
                }
                // And every link on the pages of the navigation.
                for path in ["/vacancies", "/findings", "/panel"] where links.contains(path) {
                    let page = try await client.get(path, cookie: session.cookie)
                    for link in Self.links(page.body) {
                        #expect(try await client.get(link, cookie: session.cookie).status == .ok, "\(name): \(path) -> \(link)")
                    }
                }
            }
        }
    }
}
