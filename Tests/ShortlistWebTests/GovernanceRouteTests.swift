import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

extension WebFixture {
    // `WebFixture.manager` and `.governor` are the decision staff of WebTestSupport.

    /// A staff member with `roles` and the fixture's password.
    func addMember(_ name: String, roles: [StaffRole]) throws {
        try store.addStaff(name: name, roles: roles, by: Self.admin)
        try store.setPassword(of: name, to: Self.password, by: Self.admin)
    }

    /// A copy of the database as it is now (same events, same head), opened at the same clock: what the CLI
    /// would render from this state, without changing the fixture's own database.
    func snapshot() throws -> Store {
        let path = folder.appendingPathComponent("snapshot-\(UUID().uuidString).sqlite").path
        _ = try store.backup(to: path)
        let clock = self.clock
        return try Store.open(at: path, clock: { clock.now })
    }

    /// The audit events recorded with `action`, with their details.
    func events(_ action: String) throws -> [AuditLogEntry] {
        try store.auditLog(AuditFilter(), shownTo: Self.admin).filter { $0.event.action == action }
    }
}

extension WebClient.Page {
    /// Every link and form target on the page (`href` and `action`), fragments and the stylesheet left out.
    var targets: [String] {
        var found: [String] = []
        for marker in ["href=\"", "action=\""] {
            var rest = body[...]
            while let range = rest.range(of: marker) {
                let value = String(rest[range.upperBound...].prefix { $0 != "\"" })
                // The fragment stays in the browser; the server is asked for the page.
                let page = String(value.prefix { $0 != "#" })
                if !page.isEmpty, page != "/style.css" { found.append(page.replacingOccurrences(of: "&amp;", with: "&")) }
                rest = rest[range.upperBound...]
            }
        }
        return found
    }
}

@Suite("web: the governor's report and audit trail")
struct GovernanceRouteTests {
    @Test("the report and the audit page are open to the roles that read the report, and to no panel-only member")
    func gating() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        try await fixture.test { client in
            let panel = try await client.session(WebFixture.panel)
            let home = try await client.get("/", cookie: panel.cookie)
            #expect(!home.targets.contains("/report") && !home.targets.contains("/audit"))
            for path in ["/report", "/report/csv", "/report/json", "/audit", "/audit?expect=0000-0000-0000"] {
                let page = try await client.get(path, cookie: panel.cookie)
                #expect(page.status == .forbidden, "\(path)")
                #expect(!page.body.contains("Exceptions"), "\(path)")
            }
            let governor = try await client.session(WebFixture.governor)
            let governorHome = try await client.get("/", cookie: governor.cookie)
            #expect(governorHome.targets.contains("/report") && governorHome.targets.contains("/audit"))
            #expect(!governorHome.targets.contains { $0.hasPrefix("/admin") })
            #expect(try await client.get("/admin", cookie: governor.cookie).status == .forbidden)
        }
        #expect(try fixture.events("document.report").isEmpty)
    }

    @Test("the report page shows the exceptions first, for this school year by default, and is recorded as the CLI records it")
    func reportPage() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        try await fixture.test { client in
            let session = try await client.session(WebFixture.governor)
            let page = try await client.get("/report", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>1 September 2026 to 31 August 2027</h2>"))
            #expect(page.body.contains("this school year (1 September to 31 August): 1 September 2026 to 31 August 2027"))
            let exceptions = try #require(page.body.range(of: "id=\"exceptions\""))
            let summary = try #require(page.body.range(of: "<h3>Summary</h3>"))
            #expect(exceptions.upperBound < summary.lowerBound)
            let table = page.body[exceptions.upperBound..<summary.lowerBound]
            #expect(table.contains("TA-2026-03/1") && table.contains("Searches missing"))
            #expect(page.body.contains("id=\"printable-version\""))
            #expect(page.body.contains("href=\"/report/csv?from=2026-09-01&amp;to=2027-08-31\""))
            let one = try await client.get("/report?vacancy=TA-2026-03", cookie: session.cookie)
            #expect(one.body.contains("<h2>vacancy TA-2026-03</h2>"))
            #expect(!one.body.contains("<h3>OT-2026-01"))
            #expect(one.body.contains("href=\"/report/print.html?vacancy=TA-2026-03\""))
            let printable = try await client.get("/report/print.html?vacancy=TA-2026-03", cookie: session.cookie)
            #expect(printable.status == .ok)
            #expect(printable.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(printable.headers[.contentDisposition] == "inline; filename=\"report-TA-2026-03.html\"")
            #expect(printable.body.contains("@page") && printable.body.contains("TA-2026-03") && !printable.body.contains("<script"))
            let refused = try await client.get("/report/print.html?vacancy=NO-SUCH", cookie: session.cookie)
            #expect(refused.status == .badRequest && refused.body.contains("class=\"error\""))
        }
        let recorded = try fixture.events("document.report")
        #expect(recorded.map(\.event.entityRef) == ["2026-09-01..2027-08-31", "TA-2026-03", "TA-2026-03"])
        #expect(recorded.allSatisfy { $0.event.actor == WebFixture.governor && ($0.details ?? "").contains("\"made_via\":\"web\"") })
    }

    @Test("the CSV and JSON downloads are the bytes `shortlist report --format csv/json` writes for the same scope")
    func downloads() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        try await fixture.test { client in
            let session = try await client.session(WebFixture.governor)
            for (format, type) in [("csv", "text/csv; charset=utf-8"), ("json", "application/json; charset=utf-8")] {
                for (query, scope, name) in [("from=1/9/2026&to=31/8/2027", ReportScope.period(from: Day(iso: "2026-09-01")!, to: Day(iso: "2027-08-31")!),
                                              "safer-recruitment-2026-09-01-to-2027-08-31.\(format)"),
                                             ("vacancy=TA-2026-03", ReportScope.vacancy("TA-2026-03"), "safer-recruitment-TA-2026-03.\(format)")] {
                    let expected = try fixture.snapshot().renderComplianceReport(scope, format: format, templates: try TemplateSet.load(),
                                                                                 by: WebFixture.governor)
                    let download = try await client.get("/report/\(format)?\(query)", cookie: session.cookie)
                    #expect(download.status == .ok)
                    #expect(download.headers[.contentType] == type)
                    #expect(download.headers[.contentDisposition] == "attachment; filename=\"\(name)\"")
                    #expect(download.body == expected, "\(format) \(query)")
                    #expect(download.body.contains("TA-2026-03/1"))
                }
            }
        }
        #expect(try fixture.events("document.report").count == 4)
    }

    @Test("a bad date comes back beside its field with what was typed, and no report is produced")
    func badDates() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        try await fixture.test { client in
            let session = try await client.session(WebFixture.governor)
            let bad = try await client.get("/report?from=31%2F02%2F2026&to=30%2F6%2F2027", cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("<div class=\"field has-error\">\n<label for=\"from\">From</label>"))
            #expect(bad.body.contains("value=\"31/02/2026\"") && bad.body.contains("value=\"30/6/2027\""))
            #expect(!bad.body.contains("id=\"exceptions\""))
            let reversed = try await client.get("/report?from=1%2F9%2F2027&to=1%2F9%2F2026", cookie: session.cookie)
            #expect(reversed.status == .badRequest)
            #expect(reversed.body.contains("a date no later than --to (1 September 2026)"))
            #expect(reversed.body.contains("value=\"1/9/2027\""))
            let unknown = try await client.get("/report/csv?vacancy=NOPE-1", cookie: session.cookie)
            #expect(unknown.status == .badRequest)
            #expect(unknown.headers[.contentDisposition] == nil)
            #expect(unknown.body.contains("<div class=\"field has-error\">\n<label for=\"vacancy\">"))
        }
        #expect(try fixture.events("document.report").isEmpty)
    }

    @Test("a fingerprint from the minutes is found for the current head and an earlier one, not for a wrong one")
    func fingerprints() async throws {
        let fixture = try WebFixture()
        try fixture.addMember(WebFixture.governor, roles: [.governor])
        let earlier = try #require(try fixture.store.auditHead())
        try fixture.store.addStaff(name: "Nell New", roles: [.searcher], by: WebFixture.admin)
        let head = try #require(try fixture.store.auditHead())
        #expect(head.seq == earlier.seq + 1)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.governor)
            let page = try await client.get("/audit", cookie: session.cookie)
            #expect(page.body.contains("<strong>Verified:</strong>"))
            // Signing in recorded events: the head is now later still, and the page names it.
            let now = try #require(try fixture.store.auditHead())
            #expect(page.body.contains("id=\"fingerprint\">\(now.fingerprint)</strong>"))
            #expect(page.body.contains("number \(now.seq), recorded \(Timestamp.uk(iso: now.at))"))
            for written in [now.fingerprint, earlier.fingerprint.replacingOccurrences(of: " ", with: "-"), head.hash.uppercased()] {
                let check = try await client.get("/audit?expect=" + WebClient.encode(written), cookie: session.cookie)
                #expect(check.status == .ok)
                #expect(check.body.contains("Yes: the record still holds that point of the chain unchanged."), "\(written)")
                #expect(check.body.contains("value=\"\(written)\""))
            }
            let wrong = try await client.get("/audit?expect=0000+1111+2222", cookie: session.cookie)
            #expect(wrong.body.contains("No: the record does not hold that point of the chain."))
            #expect(wrong.body.contains("no event of this chain has that hash"))
            #expect(wrong.body.contains("What to do:"))
            let short = try await client.get("/audit?expect=abc", cookie: session.cookie)
            #expect(short.status == .badRequest)
            #expect(short.body.contains("<div class=\"field has-error\">\n<label for=\"expect\">"))
            #expect(short.body.contains("value=\"abc\""))
            #expect(!short.body.contains("id=\"check-result\""))
        }
    }
}
