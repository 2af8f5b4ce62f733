import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

@Suite("web: pages and cookies")
struct PageSafetyTests {
    @Test("no web template writes a value unescaped or loads anything from elsewhere")
    func templatesEscape() throws {
        let templates = WebTemplates.all
        // Every page's template is checked below, whichever pages there are; these must be among them.
        let decisions = ["finding-detail", "finding-follow-up", "finding-review", "findings", "home-decisions", "home-panel",
                         "panel-candidates", "panel-finding", "panel-list", "panel-vacancy", "panels"]
        #expect(Set(templates.keys).isSuperset(of: ["finding", "home", "invite", "invite-done", "layout-bottom", "layout-top", "log", "pack",
                                                    "plan", "refusal", "sign-in", "style.css", "vacancies", "vacancy", "vacancy-new"] + decisions))
        for (name, text) in templates {
            #expect(!text.contains("{{{") && !text.contains("{{&") && !text.contains("{{="), "\(name)")
            #expect(!text.contains("<script") && !text.contains(" style=") && !text.contains("<style"), "\(name)")
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("@import"), "\(name)")
        }
        // The document templates stay as they were: the web ones are not exported, checked or overridden with them.
        #expect(!TemplateSet.builtInNames.contains { $0.hasPrefix("web/") })
    }

    @Test("a value holding HTML is shown as text")
    func escaping() async throws {
        let fixture = try WebFixture()
        try fixture.store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Ann <img src=x onerror=alert(1)> O'Neil"), by: WebFixture.admin)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let grid = try await client.get("/vacancies/TA-2026-03", cookie: session.cookie)
            #expect(grid.body.contains("Ann &lt;img src=x onerror=alert(1)&gt; O&#39;Neil"))
            #expect(!grid.body.contains("<img"))
        }
    }

    @Test("behind a TLS proxy, the session cookie is marked Secure")
    func secureCookie() async throws {
        let fixture = try WebFixture()
        let app = Application(router: try WebServer.router(store: fixture.store, secureCookies: true))
        try await app.test(.router) { client in
            let (cookie, page) = try await WebClient(client: client).signIn(WebFixture.searcher)
            #expect(cookie != nil)
            let set = try #require(page.setCookies.first { $0.hasPrefix("shortlist_session=") })
            #expect(set.contains("Secure"))
            #expect(set.contains("HttpOnly"))
            #expect(set.contains("SameSite=Strict"))
        }
    }
}
