import Foundation
import HTTPTypes
import ShortlistKit
import Testing

/// The printable documents in the browser: the same documents `shortlist pack` and `dossier` make, gated by role.
@Suite struct DocumentRouteTests {
    @Test func thePanelOpensThePackToPrintWithItsOwnStrictPolicy() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let (cookie, _) = try await web.session(WebFixture.panel)
            let home = try await web.get("/", cookie: cookie)
            #expect(!home.body.contains("href=\"/vacancies/TA-2026-03\""), "a panel-only member was linked to the status grid")
            #expect(home.body.contains("href=\"/panel/vacancies/TA-2026-03\""))
            let panel = try await web.get("/panel/vacancies/TA-2026-03", cookie: cookie)
            #expect(panel.body.contains("href=\"/vacancies/TA-2026-03/pack\""))
            let page = try await web.get("/vacancies/TA-2026-03/pack", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/vacancies/TA-2026-03/pack.html\""))
            #expect(page.body.contains("href=\"/vacancies/TA-2026-03/candidates/1/dossier.html\""))
            let pack = try await web.get("/vacancies/TA-2026-03/pack.html", cookie: cookie)
            #expect(pack.status == .ok)
            #expect(pack.headers[.contentType] == "text/html; charset=utf-8")
            #expect(pack.headers[HTTPField.Name("Content-Security-Policy")!] == DocumentRoutesPolicy.expected)
            #expect(pack.body.contains("Zoë Ødegaard") && pack.body.contains("Łukasz Nowak"))
            #expect(pack.body.contains("Confidential: interview panel only"))
            #expect(!pack.body.contains("<script"))
            // The same document the library makes for the CLI, byte for byte but for its production time.
            let dossier = try await web.get("/vacancies/TA-2026-03/candidates/2/dossier.html", cookie: cookie)
            #expect(dossier.body.contains("Łukasz Nowak") && !dossier.body.contains("Zoë Ødegaard"))
            #expect(dossier.headers[.contentDisposition] == "inline; filename=\"TA-2026-03-2.html\"")
        }
        // Each document served was recorded as produced by the panel member.
        let events = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).map(\.event).filter { $0.actor == WebFixture.panel }
        #expect(Set(events.map(\.action)).isSuperset(of: ["document.dossier", "document.pack"]), "\(events.map(\.action))")
    }

    @Test func aPanelMemberOfAnotherVacancyAndAGovernorGetNoPack() async throws {
        let fixture = try WebFixture()
        try fixture.store.addStaff(name: "Gill Governor", roles: [.governor], by: WebFixture.admin)
        try fixture.store.setPassword(of: "Gill Governor", to: WebFixture.password, by: WebFixture.admin)
        try await fixture.test { web in
            let (panel, _) = try await web.session(WebFixture.panel)
            #expect(try await web.get("/vacancies/OT-2026-01/pack", cookie: panel).status == .notFound)
            #expect(try await web.get("/vacancies/OT-2026-01/pack.html", cookie: panel).status == .notFound)
            let (governor, _) = try await web.session("Gill Governor")
            #expect(!(try await web.get("/", cookie: governor)).body.contains("/pack"))
            #expect(!(try await web.get("/vacancies/TA-2026-03", cookie: governor)).body.contains("/pack"))
            let refused = try await web.get("/vacancies/TA-2026-03/pack.html", cookie: governor)
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("Zoë"))
        }
    }
}

enum DocumentRoutesPolicy {
    static let expected = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}
