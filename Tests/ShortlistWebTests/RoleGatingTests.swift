import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

@Suite("web: what each role may open")
struct RoleGatingTests {
    /// TA-2026-03/1 with a search logged with findings and two findings from it: an ordinary one and
    /// one about a protected characteristic, both recorded by the searcher.
    static func withFindings(_ fixture: WebFixture) throws {
        let store = fixture.store
        let first = CandidateReference(vacancy: "TA-2026-03", number: 1)
        try store.notifyCandidate(first, on: nil, via: .email, by: WebFixture.searcher)
        let entry = try store.logSearch(SearchLogRequest(candidate: first, query: "facebook", outcome: .findings, confirmedPublicOnly: true),
                                        by: WebFixture.searcher).entry.id
        var ordinary = FindingDraft(entries: [entry], summary: "Calls pupils feral in a public post.", identity: .confirmed)
        ordinary.identityBasis = "Same photo as the application."
        ordinary.category = "disparaging"
        ordinary.relevance = "How staff speak of pupils in public."
        try store.addFinding(to: first, ordinary, by: WebFixture.searcher)
        var protected = FindingDraft(entries: [entry], summary: "A post about their religion.", identity: .confirmed)
        protected.identityBasis = "Same photo as the application."
        protected.protectedCharacteristic = true
        try store.addFinding(to: first, protected, by: WebFixture.searcher)
    }

    @Test("a panel member's session opens no finding, no search record, no other vacancy and no POST route")
    func panelMember() async throws {
        let fixture = try WebFixture()
        try Self.withFindings(fixture)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.panel)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("TA-2026-03: Teaching Assistant (Year 2)"))
            #expect(!home.body.contains("OT-2026-01"))
            // The panel's home lists the candidates (as their dossiers do), never a finding not raised.
            #expect(home.body.contains("TA-2026-03/1 Zoë Ødegaard"))
            #expect(!home.body.contains("feral"))
            #expect(!home.body.contains("religion"))
            let list = try await client.get("/vacancies", cookie: session.cookie)
            #expect(list.body.contains("TA-2026-03"))
            #expect(!list.body.contains("OT-2026-01"))
            let reply = try await client.get("/vacancies/OT-2026-01", cookie: session.cookie)
            #expect(reply.status == .notFound)
            for path in ["/vacancies/TA-2026-03", "/vacancies/TA-2026-03/candidates/1", "/vacancies/TA-2026-03/candidates/1/log/web-name.1",
                         "/vacancies/TA-2026-03/candidates/1/findings/new?entry=1", "/vacancies/new", "/vacancies/TA-2026-03/edit"] {
                let page = try await client.get(path, cookie: session.cookie)
                #expect(page.status == .forbidden, "\(path)")
                #expect(!page.body.contains("feral"), "\(path)")
                #expect(!page.body.contains("religion"), "\(path)")
                #expect(!page.body.contains("Zoë"), "\(path)")
            }
            let posts = ["/vacancies", "/vacancies/TA-2026-03/edit", "/vacancies/TA-2026-03/import", "/vacancies/TA-2026-03/candidates", "/vacancies/TA-2026-03/notify",
                         "/vacancies/TA-2026-03/candidates/2/public-only", "/vacancies/TA-2026-03/candidates/2/log",
                         "/vacancies/TA-2026-03/candidates/1/findings"]
            for path in posts {
                let page = try await client.post(path, [("csrf", session.csrf), ("reference", "P-1"), ("title", "T"), ("candidate", "2"),
                                                        ("via", "email"), ("confirm", "yes"), ("query", "web-name.1"), ("outcome", "no-results")],
                                                 cookie: session.cookie)
                #expect(page.status == .forbidden, "\(path)")
                #expect(page.body.contains("Your roles do not let you"), "\(path)")
            }
        }
        #expect(try fixture.store.vacancies().count == 2)
        #expect(try fixture.store.candidate(CandidateReference(vacancy: "TA-2026-03", number: 2)).notifiedOn == nil)
        #expect(try fixture.store.searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 2)).isEmpty)
    }

    @Test("a protected finding's text reaches only the searcher who recorded it and admins")
    func protectedFinding() async throws {
        let fixture = try WebFixture()
        try Self.withFindings(fixture)
        try await fixture.test { client in
            for (name, sees) in [(WebFixture.searcher, true), (WebFixture.admin, true), (WebFixture.otherSearcher, false)] {
                let session = try await client.session(name)
                let plan = try await client.get("/vacancies/TA-2026-03/candidates/1", cookie: session.cookie)
                #expect(plan.status == .ok, "\(name)")
                #expect(plan.body.contains("Calls pupils feral in a public post."), "\(name)")
                #expect(plan.body.contains("A post about their religion.") == sees, "\(name)")
                #expect(plan.body.contains("(withheld: it is about a protected characteristic") == !sees, "\(name)")
            }
        }
    }

    @Test("a governor reads the status grid but makes no change")
    func governor() async throws {
        let fixture = try WebFixture()
        try fixture.store.addStaff(name: "Grace Governor", roles: [.governor], by: WebFixture.admin)
        try fixture.store.setPassword(of: "Grace Governor", to: WebFixture.password, by: WebFixture.admin)
        try await fixture.test { client in
            let session = try await client.session("Grace Governor")
            let grid = try await client.get("/vacancies/TA-2026-03", cookie: session.cookie)
            #expect(grid.status == .ok)
            #expect(grid.body.contains("0 of 2 candidates complete."))
            #expect(!grid.body.contains("Upload the shortlist"))
            let post = try await client.post("/vacancies/TA-2026-03/notify", [("csrf", session.csrf), ("candidate", "1"), ("via", "email")],
                                             cookie: session.cookie)
            #expect(post.status == .forbidden)
        }
    }
}
