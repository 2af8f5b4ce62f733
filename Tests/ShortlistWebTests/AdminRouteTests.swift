import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

extension WebFixture {
    /// CL-2026-01, closed eight months before the fixture's now (past the six months' retention), with one candidate.
    func closedVacancy() throws {
        try store.addVacancy(VacancyDraft(reference: "CL-2026-01", postTitle: "Cleaner"), by: Self.admin)
        try store.addCandidate(to: "CL-2026-01", CandidateDraft(fullName: "Gwen Parry"), by: Self.admin)
        for status in [VacancyStatus.shortlisted, .interviewing] {
            var changes = VacancyChanges()
            changes.status = status
            try store.updateVacancy("CL-2026-01", changes, by: Self.admin)
        }
        let closedOn = Day(clock.now).adding(months: -8)
        try store.stopped(at: closedOn.start.addingTimeInterval(17 * 3600)).closeVacancy("CL-2026-01", on: closedOn, by: Self.admin)
    }
}

@Suite("web: the admin's screens")
struct AdminRouteTests {
    static let adminPages = ["/admin", "/admin/staff", "/admin/staff/1", "/admin/settings", "/admin/retention", "/admin/purge",
                             "/admin/backups", "/admin/doctor", "/admin/export"]

    @Test("no admin page, and no link to one, for a member who is not an admin")
    func gating() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.manager, roles: [.recruitingManager])
        try await fixture.test { client in
            for name in [WebFixture.searcher, WebFixture.panel, WebFixture.manager] {
                let session = try await client.session(name)
                let home = try await client.get("/", cookie: session.cookie)
                #expect(!home.targets.contains { $0.hasPrefix("/admin") }, "\(name)")
                for path in Self.adminPages {
                    #expect(try await client.get(path, cookie: session.cookie).status == .forbidden, "\(name) \(path)")
                }
                for path in ["/admin/staff", "/admin/staff/1/deactivate", "/admin/settings/kcsie_edition", "/admin/purge", "/admin/backups",
                             "/admin/export", "/admin/retention/hold"] {
                    let page = try await client.post(path, [("csrf", session.csrf), ("name", "X Y"), ("role", "admin"), ("value", "2030"),
                                                            ("confirmation", "1"), ("candidate", "TA-2026-03/1"), ("vacancy", "OT-2026-01"),
                                                            ("reason", "claim")], cookie: session.cookie)
                    #expect(page.status == .forbidden, "\(name) \(path)")
                }
            }
        }
        #expect(try fixture.store.staff().count == 5)
        #expect(try fixture.store.setting("kcsie_edition") == "2026")
        #expect(try fixture.store.vacancy("OT-2026-01").holdReason == nil)
        #expect(try fixture.events("candidate.export").isEmpty)
    }

    @Test("an admin adds staff with roles, changes roles, makes a first-time link and deactivates; each change is audited as made via the web")
    func staff() async throws {
        let fixture = try WebFixture()
        let invited = Locked<String?>(nil)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let refused = try await client.post("/admin/staff", [("csrf", session.csrf), ("name", "Nia Newcomer")], cookie: session.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("<fieldset class=\"field has-error\" id=\"role\">"))
            #expect(refused.body.contains("value=\"Nia Newcomer\""))
            let duplicate = try await client.post("/admin/staff", [("csrf", session.csrf), ("name", WebFixture.searcher), ("role", "panel")], cookie: session.cookie)
            #expect(duplicate.body.contains("<div class=\"field has-error\">\n<label for=\"name\">Name</label>"))
            #expect(duplicate.body.contains("id=\"role-panel\" name=\"role\" value=\"panel\" checked"))

            let added = try await client.post("/admin/staff", [("csrf", session.csrf), ("name", "Nia Newcomer"), ("role", "panel"), ("role", "governor")],
                                              cookie: session.cookie)
            #expect(added.status == .seeOther || added.status == .found)
            let path = try #require(added.location).replacingOccurrences(of: "?added=1", with: "")
            let page = try await client.get(path + "?added=1", cookie: session.cookie)
            #expect(page.body.contains("Added Nia Newcomer.") && page.body.contains("No password."))
            let list = try await client.get("/admin/staff", cookie: session.cookie)
            #expect(list.body.contains(">Nia Newcomer</a></td><td>panel, governor</td><td>yes</td><td>no password</td>"))

            let roles = try await client.post(path + "/roles", [("csrf", session.csrf), ("role", "governor")], cookie: session.cookie)
            #expect(roles.body.contains("Nia Newcomer: governor."))
            let invite = try await client.post(path + "/invite", [("csrf", session.csrf)], cookie: session.cookie)
            let marker = try #require(invite.body.range(of: "http://localhost/invite/") ?? invite.body.range(of: "/invite/"))
            invited.set(String(invite.body[marker.upperBound...].prefix { $0.isHexDigit }))
            let deactivated = try await client.post(path + "/deactivate", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(deactivated.body.contains("Deactivated Nia Newcomer"))
            let only = try await client.post("/admin/staff/1/deactivate", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(only.status == .badRequest && only.body.contains("they are the only admin"))
        }
        let token = try #require(invited.get())
        #expect(token.count == 64)
        // The link worked until the deactivation withdrew it.
        #expect(try fixture.store.invitedStaff(token: token) == nil)
        let account = try #require(try fixture.store.staffAccounts().first { $0.member.name == "Nia Newcomer" })
        #expect(!account.isActive && !account.hasPassword && account.invitedUntil == nil)
        #expect(try fixture.store.staffAccounts().first { $0.member.name == WebFixture.admin }?.isActive == true)
        for action in ["staff.add", "staff.update", "sign-in.invite", "staff.deactivate"] {
            let events = try fixture.events(action).filter { $0.event.entityRef == "Nia Newcomer" }
            #expect(events.count == 1, "\(action)")
            #expect(events.first?.event.actor == WebFixture.admin)
            #expect((events.first?.details ?? "").contains("\"made_via\":\"web\""), "\(action)")
        }
        #expect(try fixture.store.verifyAudit().isValid)
    }

    @Test("an invitation link from the staff page lets the person choose their own password")
    func invitationWorks() async throws {
        let fixture = try WebFixture()
        try fixture.store.addStaff(name: "Ola Onboard", roles: [.searcher], by: WebFixture.admin)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let id = try #require(try fixture.store.staff().first { $0.name == "Ola Onboard" }?.id)
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("Staff without a password or a first-time link: <a href=\"/admin/staff/\(id)\">Ola Onboard</a>"))
            let invite = try await client.post("/admin/staff/\(id)/invite", [("csrf", session.csrf)], cookie: session.cookie)
            let marker = try #require(invite.body.range(of: "/invite/"))
            let token = String(invite.body[marker.upperBound...].prefix { $0.isHexDigit })
            #expect(try fixture.store.invitedStaff(token: token)?.name == "Ola Onboard")
            let after = try await client.get("/", cookie: session.cookie)
            #expect(after.body.contains("Every active staff member can sign in."))
        }
    }

    @Test("settings change with the library's checks; a refusal comes back beside its field with what was typed")
    func settings() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let bad = try await client.post("/admin/settings/kcsie_edition", [("csrf", session.csrf), ("value", "27")], cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("<div class=\"field has-error\">\n<label for=\"kcsie_edition\">"))
            #expect(bad.body.contains("expected the year of a KCSIE edition"))
            #expect(bad.body.contains("id=\"kcsie_edition\" name=\"value\" type=\"text\" value=\"27\""))
            let backups = try await client.post("/admin/settings/backup_dir", [("csrf", session.csrf), ("value", "relative/folder")], cookie: session.cookie)
            #expect(backups.status == .badRequest && backups.body.contains("the absolute path of an existing folder"))
            let good = try await client.post("/admin/settings/kcsie_edition", [("csrf", session.csrf), ("value", "2027")], cookie: session.cookie)
            #expect(good.status == .ok && good.body.contains("kcsie_edition is now 2027."))
        }
        #expect(try fixture.store.setting("kcsie_edition") == "2027")
        #expect(try fixture.events("setting.set").filter { $0.event.entityRef == "kcsie_edition" }.count == 1)
    }

    @Test("a wrong purge confirmation changes nothing and says why; the number due purges")
    func purge() async throws {
        let fixture = try WebFixture()
        try fixture.closedVacancy()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let preview = try await client.get("/admin/purge", cookie: session.cookie)
            #expect(preview.body.contains("<h2>Due now: 1 candidates</h2>") && preview.body.contains("<td>CL-2026-01/1</td>"))
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("1 candidate's personal data due for purge"))
            for typed in ["", "2", "yes", "purge"] {
                let wrong = try await client.post("/admin/purge", [("csrf", session.csrf), ("confirmation", typed)], cookie: session.cookie)
                #expect(wrong.status == .badRequest, "\(typed)")
                #expect(wrong.body.contains("expected the number of candidates due, 1, to confirm; nothing was changed"), "\(typed)")
                #expect(wrong.body.contains("<td>CL-2026-01/1</td>"))
            }
            #expect(try fixture.store.purgePlan().due.count == 1)
            #expect(try fixture.events("purge").isEmpty)
            let right = try await client.post("/admin/purge", [("csrf", session.csrf), ("confirmation", " 1 ")], cookie: session.cookie)
            #expect(right.status == .ok)
            #expect(right.body.contains("Purged 1 candidates (1 removed, 0 reduced) of 1 vacancies"))
            #expect(right.body.contains("No candidate's personal data is due for purge."))
            let again = try await client.post("/admin/purge", [("csrf", session.csrf), ("confirmation", "1")], cookie: session.cookie)
            #expect(again.status == .badRequest && again.body.contains("no candidate&#39;s personal data is due"))
        }
        #expect(try fixture.store.purgePlan().due.isEmpty)
        #expect(try fixture.events("purge").count == 1)
        #expect(try fixture.store.verifyAudit().isValid)
    }

    @Test("a vacancy is held from purge with a reason, and the hold lifted with one")
    func holds() async throws {
        let fixture = try WebFixture()
        try fixture.closedVacancy()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let blank = try await client.post("/admin/retention/hold", [("csrf", session.csrf), ("vacancy", "CL-2026-01"), ("reason", " ")], cookie: session.cookie)
            #expect(blank.status == .badRequest && blank.body.contains("<div class=\"field has-error\">\n<label for=\"reason\">"))
            let held = try await client.post("/admin/retention/hold", [("csrf", session.csrf), ("vacancy", "CL-2026-01"), ("reason", "Tribunal claim")],
                                             cookie: session.cookie)
            #expect(held.body.contains("CL-2026-01: held (Tribunal claim)."))
            let preview = try await client.get("/admin/purge", cookie: session.cookie)
            #expect(preview.body.contains("Held: CL-2026-01 (Tribunal claim)") && preview.body.contains("No candidate's personal data is due"))
            let lifted = try await client.post("/admin/retention/lift", [("csrf", session.csrf), ("vacancy", "CL-2026-01"), ("liftReason", "Claim settled")],
                                               cookie: session.cookie)
            #expect(lifted.body.contains("CL-2026-01: hold lifted."))
        }
        #expect(try fixture.events("vacancy.hold").count == 1)
        #expect(try fixture.events("vacancy.hold-lift").first?.details?.contains("Claim settled") == true)
    }

    @Test("a backup goes into the backups folder under a new name, and never overwrites one")
    func backups() async throws {
        let fixture = try WebFixture()
        let folder = fixture.folder.appendingPathComponent("shortlist-backups").path
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let empty = try await client.get("/admin/backups", cookie: session.cookie)
            #expect(empty.body.contains(folder) && empty.body.contains("None yet in this folder."))
            let first = try await client.post("/admin/backups", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(first.status == .ok && first.body.contains("Backed up to backup-20261120T100000Z.sqlite"))
            let path = folder + "/backup-20261120T100000Z.sqlite"
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            // The same second: the same name, refused, and the first copy left as it was.
            let second = try await client.post("/admin/backups", [("csrf", session.csrf)], cookie: session.cookie)
            #expect(second.status == .conflict && second.body.contains("already exists; a backup never replaces a file"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            fixture.clock.advance(minutes: 1)
            _ = try await client.post("/admin/backups", [("csrf", session.csrf)], cookie: session.cookie)
            let list = try await client.get("/admin/backups", cookie: session.cookie)
            #expect(list.body.contains("backup-20261120T100100Z.sqlite") && list.body.contains("backup-20261120T100000Z.sqlite"))
        }
        #expect(try fixture.store.backups().map(\.name).sorted() == ["backup-20261120T100000Z.sqlite", "backup-20261120T100100Z.sqlite"])
        let copy = try Store.open(at: folder + "/backup-20261120T100000Z.sqlite", clock: { Date(timeIntervalSince1970: 0) })
        #expect(try copy.verifyAudit().isValid)
        #expect(try copy.vacancies().count == 2)
    }

    @Test("the doctor's checks are shown, each with its result")
    func doctor() async throws {
        let fixture = try WebFixture()
        try fixture.closedVacancy()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let page = try await client.get("/admin/doctor", cookie: session.cookie)
            for check in try fixture.store.doctor() {
                #expect(page.body.contains("<th scope=\"row\">\(check.name)</th><td>\(check.passed ? "ok" : "<strong class=\"error\">FAIL</strong>")</td>"), "\(check.name)")
            }
            #expect(page.body.contains("personal data is past its retention date"))
            let home = try await client.get("/", cookie: session.cookie)
            #expect(home.body.contains("Health checks that fail</a>: retention"))
        }
    }

    @Test("a subject access export downloads the JSON the CLI writes, recorded as it records it, protected findings included for an admin")
    func subjectAccess() async throws {
        let fixture = try WebFixture()
        try RoleGatingTests.withFindings(fixture)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.admin)
            let bad = try await client.post("/admin/export", [("csrf", session.csrf), ("candidate", "TA-2026-03/9")], cookie: session.cookie)
            #expect(bad.status == .badRequest && bad.body.contains("value=\"TA-2026-03/9\""))
            #expect(bad.body.contains("<div class=\"field has-error\">\n<label for=\"candidate\">"))
            // What the library writes for the CLI from this same state and clock (the web's changes marked as made via it).
            let expected = try fixture.snapshot().viaWeb.subjectAccessExport(CandidateReference(vacancy: "TA-2026-03", number: 1), by: WebFixture.admin).json
            let download = try await client.post("/admin/export", [("csrf", session.csrf), ("candidate", "TA-2026-03/1")], cookie: session.cookie)
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/json; charset=utf-8")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"subject-access-TA-2026-03-1.json\"")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as? [String: Any])
            #expect(json["reference"] as? String == "TA-2026-03/1")
            #expect(json["exported_by"] as? String == WebFixture.admin)
            #expect(download.body.contains("Zoë Ødegaard") && download.body.contains("A post about their religion."))
            #expect(!download.body.contains("Łukasz"))
            #expect(download.body == expected)
        }
        let recorded = try fixture.events("candidate.export")
        #expect(recorded.count == 1)
        #expect(recorded.first?.event.entityRef == "TA-2026-03/1")
        #expect(recorded.first?.details?.contains("\"made_via\":\"web\"") == true)
    }

    @Test("for the admin, the governor, a searcher and a recruiting manager, every link and form on their home page opens for them")
    func homeLinks() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        try fixture.addMember(WebFixture.manager, roles: [.recruitingManager])
        try fixture.closedVacancy()
        try await fixture.test { client in
            // A panel-only member's home page is the panel's screens' (FindingRoutes/PanelRoutes), not these.
            for name in [WebFixture.admin, WebFixture.governor, WebFixture.searcher, WebFixture.manager] {
                let session = try await client.session(name)
                let home = try await client.get("/", cookie: session.cookie)
                #expect(home.status == .ok)
                let links = Set(home.targets).subtracting(["/sign-out"])
                #expect(!links.isEmpty)
                for link in links.sorted() {
                    let page = try await client.get(link, cookie: session.cookie)
                    #expect(page.status == .ok, "\(name): \(link)")
                }
            }
        }
    }
}

/// A value a test's closures set and read once they are done.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func set(_ new: Value) { lock.withLock { value = new } }
    func get() -> Value { lock.withLock { value } }
}
