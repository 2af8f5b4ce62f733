import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

@Suite("web: sign-in, sessions, CSRF and headers")
struct SignInRouteTests {
    @Test("a searcher signs in with a cookie that is HttpOnly and SameSite=Strict, and sees what needs doing")
    func signIn() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let (cookie, page) = try await client.signIn(WebFixture.searcher)
            #expect(page.status == .seeOther)
            #expect(page.location == "/")
            let set = try #require(page.setCookies.first { $0.hasPrefix("shortlist_session=") })
            #expect(set.contains("HttpOnly"))
            #expect(set.contains("SameSite=Strict"))
            #expect(!set.contains("Secure"))
            let home = try await client.get("/", cookie: try #require(cookie))
            #expect(home.status == .ok)
            #expect(home.body.contains("<h1>What needs doing</h1>"))
            #expect(home.body.contains("Signed in as Sam Searcher (searcher)"))
            #expect(home.body.contains("TA-2026-03: Teaching Assistant (Year 2)"))
            #expect(home.body.contains("Record that 2 candidates were told searches may be done"))
        }
        let events = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin)
        let start = try #require(events.last { $0.event.action == "sign-in.start" })
        #expect(start.event.actor == WebFixture.searcher)
        #expect(start.details == #"{"made_via":"web","roles":"searcher"}"#)
    }

    @Test("a wrong password gives the form again with the name kept, and is an audit event; five lock the name")
    func failedSignIns() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let (cookie, page) = try await client.signIn(WebFixture.searcher, password: "not the password")
            #expect(cookie == nil)
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("The name or the password is not right."))
            #expect(page.body.contains(#"value="Sam Searcher""#))
            #expect(!page.body.contains("not the password"))
            for _ in 2...5 { _ = try await client.signIn(WebFixture.searcher, password: "still wrong") }
            // Locked: even the right password is refused now.
            let (locked, lockedPage) = try await client.signIn(WebFixture.searcher)
            #expect(locked == nil)
            #expect(lockedPage.status == .tooManyRequests)
            #expect(lockedPage.body.contains("Too many failed sign-ins for this name: it is locked until 20 November 2026 10:15"))
        }
        let events = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).filter { $0.event.entity == "sign-in" }
        #expect(events.filter { $0.event.action == "sign-in.failed" }.count == 5)
        #expect(events.last?.event.action == "sign-in.locked")
        #expect(events.allSatisfy { !($0.details ?? "").contains("wrong") || $0.details!.contains("wrong password") })
        // Fifteen minutes after the last failure the name opens again.
        fixture.clock.advance(minutes: 16)
        try await fixture.test { client in
            let reply = try await client.signIn(WebFixture.searcher)
            #expect(reply.cookie != nil)
        }
    }

    @Test("every page needs a session: without one, it is the sign-in page")
    func signInRequired() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for path in ["/", "/vacancies", "/vacancies/TA-2026-03", "/vacancies/TA-2026-03/candidates/1"] {
                let page = try await client.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == "/sign-in", "\(path)")
            }
            let forged = try await client.get("/", cookie: "shortlist_session=" + String(repeating: "ab", count: 32))
            #expect(forged.location == "/sign-in")
        }
    }

    @Test("every response carries the security headers; pages are not cached")
    func headers() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            // A sign-in form larger than a sign-in needs is refused before it is read, with the headers too.
            let huge = try await client.post("/sign-in", [("name", String(repeating: "x", count: 70 * 1024))], cookie: nil)
            #expect(huge.status == .contentTooLarge)
            #expect(huge.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            // A page that does not exist (the router's own error) carries them too.
            let missing = try await client.get("/no-such-page", cookie: session.cookie)
            #expect(missing.status == .notFound)
            #expect(missing.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'") == true)
            #expect(missing.headers[HTTPField.Name("X-Frame-Options")!] == "DENY" && missing.headers[.cacheControl] == "no-store")
            for page in [try await client.get("/sign-in"), try await client.get("/vacancies", cookie: session.cookie)] {
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'; script-src 'none'") == true)
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(page.headers[.cacheControl] == "no-store")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(!page.body.contains("<script"))
            }
            let style = try await client.get("/style.css")
            #expect(style.status == .ok)
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            #expect(style.body.contains("outline: 3px solid #ffdd00"))
        }
    }

    @Test("a POST without the session's form token is refused and changes nothing")
    func csrf() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let fields = [("reference", "NEW-1"), ("title", "Caretaker")]
            let missing = try await client.post("/vacancies", fields, cookie: session.cookie)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("This form was not sent from a page of this session."))
            let wrong = try await client.post("/vacancies", fields + [("csrf", String(repeating: "0", count: 64))], cookie: session.cookie)
            #expect(wrong.status == .forbidden)
            // The sign-in form's token does not stand in for the session's either.
            let signInToken = try #require(try await client.get("/sign-in").csrf)
            let other = try await client.post("/vacancies", fields + [("csrf", signInToken)], cookie: session.cookie + "; shortlist_form=\(signInToken)")
            #expect(other.status == .forbidden)
            let sign = try await client.post("/sign-in", [("name", WebFixture.searcher), ("password", WebFixture.password)], cookie: nil)
            #expect(sign.status == .forbidden)
            let made = try await client.post("/vacancies", fields + [("csrf", session.csrf)], cookie: session.cookie)
            #expect(made.status == .seeOther)
            #expect(made.location == "/vacancies/NEW-1")
        }
        #expect(try fixture.store.vacancies().map(\.reference).sorted() == ["NEW-1", "OT-2026-01", "TA-2026-03"])
        let added = try #require(try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).last { $0.event.action == "vacancy.add" })
        #expect(added.event.actor == WebFixture.searcher)
        #expect(added.details?.contains(#""made_via":"web""#) == true)
    }

    @Test("signing in again from a signed-in browser ends the session it had")
    func signInAgain() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let first = try await client.session(WebFixture.searcher)
            let again = try await client.post("/sign-in", [("csrf", first.csrf), ("name", WebFixture.searcher), ("password", WebFixture.password)],
                                              cookie: first.cookie)
            let second = try #require(again.cookie("shortlist_session"))
            #expect(second != String(first.cookie.dropFirst("shortlist_session=".count)))
            #expect(try await client.get("/vacancies", cookie: "shortlist_session=" + second).status == .ok)
            #expect(try await client.get("/vacancies", cookie: first.cookie).location == "/sign-in")
        }
    }

    @Test("a cookie copied before sign-out stops working after it")
    func stolenCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let stolen = session.cookie
            let out = try await client.post("/sign-out", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(out.status == .seeOther)
            #expect(out.location == "/sign-in")
            #expect(out.setCookies.contains { $0.hasPrefix("shortlist_session=;") && $0.contains("Max-Age=0") })
            let replay = try await client.get("/vacancies/TA-2026-03", cookie: stolen)
            #expect(replay.status == .seeOther)
            #expect(replay.location == "/sign-in")
            let post = try await client.post("/vacancies", [("csrf", session.csrf), ("reference", "X-1"), ("title", "T")], cookie: stolen)
            #expect(post.status == .seeOther)
            #expect(post.location == "/sign-in")
        }
        #expect(try fixture.store.vacancies().count == 2)
    }

    @Test("a session ends after 30 idle minutes, after 8 hours however active, and when the roles change")
    func expiry() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let idle = try await client.session(WebFixture.searcher)
            fixture.clock.advance(minutes: 31)
            let idlePage = try await client.get("/", cookie: idle.cookie)
            #expect(idlePage.location == "/sign-in")

            let busy = try await client.session(WebFixture.searcher)
            for _ in 0..<16 {
                fixture.clock.advance(minutes: 29)
                let reply = try await client.get("/", cookie: busy.cookie)
                #expect(reply.status == .ok)
            }
            fixture.clock.advance(minutes: 29)   // 8 h 13 min after sign-in
            let latePage = try await client.get("/", cookie: busy.cookie)
            #expect(latePage.location == "/sign-in")

            let before = try await client.session(WebFixture.searcher)
            try fixture.store.updateStaff(name: WebFixture.searcher, adding: [.governor], removing: [], by: WebFixture.admin)
            let rolesPage = try await client.get("/", cookie: before.cookie)
            #expect(rolesPage.location == "/sign-in")
        }
        let ends = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).filter { $0.event.action == "sign-in.end" }
        #expect(ends.map(\.details) == [#"{"made_via":"web","reason":"idle too long"}"#, #"{"made_via":"web","reason":"reached its time limit"}"#,
                                        #"{"made_via":"web","reason":"roles changed"}"#])
    }

    @Test("a first-time link sets a password once; the password never reaches the audit trail")
    func invite() async throws {
        let fixture = try WebFixture()
        try fixture.store.addStaff(name: "Nia New", roles: [.searcher], by: WebFixture.admin)
        let invite = try fixture.store.inviteStaff("Nia New", by: WebFixture.admin)
        try await fixture.test { client in
            let form = try await client.get("/invite/\(invite.token)")
            #expect(form.body.contains("This link is for Nia New."))
            let token = try #require(form.cookie("shortlist_form"))
            let short = try await client.post("/invite/\(invite.token)", [("csrf", token), ("password", "short"), ("confirm", "short")],
                                              cookie: "shortlist_form=\(token)")
            #expect(short.status == .badRequest)
            #expect(short.body.contains("a password of at least 12 characters"))
            let good = try await client.post("/invite/\(invite.token)", [("csrf", token), ("password", "a long new password"), ("confirm", "a long new password")],
                                             cookie: "shortlist_form=\(token)")
            #expect(good.body.contains("Nia New, your password is set."))
            let again = try await client.get("/invite/\(invite.token)")
            #expect(again.status == .notFound)
            #expect(again.body.contains("This link no longer works"))
            let reply = try await client.signIn("Nia New", password: "a long new password")
            #expect(reply.cookie != nil)
        }
        let details = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).compactMap(\.details).joined()
        #expect(!details.contains("a long new password"))
        #expect(!details.contains(invite.token))
        #expect(!details.contains("$2b$"))
        #expect(try fixture.store.verifyAudit().isValid)
    }
}

@Suite("web: session limits from the settings")
struct SessionSettingsTests {
    @Test("an admin shortens the idle limit with a setting; out-of-range values are refused")
    func idleSetting() async throws {
        let fixture = try WebFixture()
        try fixture.store.setSchoolSetting(.sessionIdleMinutes, to: "10", by: WebFixture.admin)
        #expect(throws: ShortlistError.invalidValue(field: "session_idle_minutes", value: "1",
                                                    expected: "minutes without a request after which a web session ends (5 to 240)")) {
            try fixture.store.setSchoolSetting(.sessionIdleMinutes, to: "1", by: WebFixture.admin)
        }
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            fixture.clock.advance(minutes: 11)
            let page = try await client.get("/", cookie: session.cookie)
            #expect(page.location == "/sign-in")
        }
    }
}
