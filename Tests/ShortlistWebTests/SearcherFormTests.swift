import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

@Suite("web: the searcher's forms")
struct SearcherFormTests {
    @Test("a vacancy form with errors comes back with each error beside its field and everything typed kept")
    func vacancyValidation() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let page = try await client.post("/vacancies", [("csrf", session.csrf), ("reference", "CT-2026-05"), ("title", ""),
                                                            ("site", "Riverside <b>Primary</b>"), ("interview", "31/02/2026")],
                                             cookie: session.cookie)
            #expect(page.status == .badRequest)
            #expect(page.body.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
            #expect(page.body.contains(#"<div class="field has-error">"#))
            #expect(page.body.contains(##"<a href="#interview">"##))
            #expect(page.body.contains(#"value="CT-2026-05""#))
            #expect(page.body.contains(#"value="31/02/2026""#))
            #expect(page.body.contains(#"value="Riverside &lt;b&gt;Primary&lt;/b&gt;""#))
            let untitled = try await client.post("/vacancies", [("csrf", session.csrf), ("reference", "CT-2026-05"), ("title", "")],
                                                 cookie: session.cookie)
            #expect(untitled.body.contains(##"<a href="#title">"##))
        }
        #expect(try fixture.store.vacancies().count == 2)
    }

    @Test("upload a shortlist, record several told at once, then log searches with the session's public-only statement")
    func searcherFlow() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let csv = Array("Full name,Town,Email\nNguyễn Thị Minh,Chester,minh@example.org\nSiobhán O'Brien,Frodsham,\n".utf8)
            let imported = try await client.postMultipart("/vacancies/TA-2026-03/import", [("csrf", session.csrf)],
                                                          files: [("shortlist", "shortlist.csv", csv)], cookie: session.cookie)
            #expect(imported.status == .ok)
            #expect(imported.body.contains("Imported 2 candidates from shortlist.csv."))
            #expect(imported.body.contains("Siobhán O&#39;Brien"))
            let bad = try await client.postMultipart("/vacancies/TA-2026-03/import", [("csrf", session.csrf)],
                                                     files: [("shortlist", "bad.csv", Array("Full name,Told on\nAnna Bell,13/13/2026\n".utf8))],
                                                     cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("row 2, Told on: &#39;13/13/2026&#39; is not a date"))
            #expect(!bad.body.contains("shortlist-upload-"))

            let told = try await client.post("/vacancies/TA-2026-03/notify", [("csrf", session.csrf), ("candidate", "1"), ("candidate", "2"),
                                                                              ("via", "email"), ("on", "")], cookie: session.cookie)
            #expect(told.body.contains("Recorded that TA-2026-03/1, TA-2026-03/2 were told."))

            // Before the statement, the plan asks for it and offers no one-click logging.
            let plan = try await client.get("/vacancies/TA-2026-03/candidates/1", cookie: session.cookie)
            #expect(plan.body.contains("I will view public information only"))
            #expect(!plan.body.contains(">No results</button>"))
            let early = try await client.post("/vacancies/TA-2026-03/candidates/1/log", [("csrf", session.csrf), ("query", "web-name.1"),
                                                                                         ("outcome", "no-results")], cookie: session.cookie)
            #expect(early.body.contains("First confirm, for this session"))
            let confirm = try await client.post("/vacancies/TA-2026-03/candidates/1/public-only", [("csrf", session.csrf), ("confirm", "yes")],
                                                cookie: session.cookie)
            #expect(confirm.location == "/vacancies/TA-2026-03/candidates/1")
            let ready = try await client.get("/vacancies/TA-2026-03/candidates/1", cookie: session.cookie)
            #expect(ready.body.contains(">No results</button>"))
            #expect(ready.body.contains(#"target="_blank" rel="noopener noreferrer""#))

            let one = try await client.post("/vacancies/TA-2026-03/candidates/1/log", [("csrf", session.csrf), ("query", "web-name.1"),
                                                                                       ("outcome", "no-results")], cookie: session.cookie)
            #expect(one.location == "/vacancies/TA-2026-03/candidates/1?saved=web-name.1")
            let after = try await client.get(try #require(one.location), cookie: session.cookie)
            #expect(after.body.contains("Saved web-name.1."))
            #expect(after.body.contains("no results, 20 November 2026 10:00 by Sam Searcher"))

            // Candidate 3 was never told: the refusal says so, with the remedy, and the override asks for a reason on the page.
            let refused = try await client.post("/vacancies/TA-2026-03/candidates/3/log", [("csrf", session.csrf), ("query", "web-name.1"),
                                                                                           ("outcome", "nothing-relevant")], cookie: session.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("the candidate has not been told that online searches may be done"))
            #expect(refused.body.contains("To go ahead anyway, choose &quot;Other outcome&quot; for the query and give the reason on the form."))
        }
        let entries = try fixture.store.searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 1))
        #expect(entries.map(\.stepKey) == ["web-name"])
        #expect(entries.map(\.searcher) == [WebFixture.searcher])
        let log = try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin)
        #expect(log.filter { $0.event.action == "candidate.notify" }.count == 2)
        #expect(log.filter { $0.event.action == "search.log" }.allSatisfy { $0.details?.contains(#""made_via":"web""#) == true })
        #expect(log.contains { $0.event.action == "sign-in.public-only" })
    }

    @Test("the short form keeps what was typed on an error, stores evidence, and the finding form shows errors beside fields")
    func logFormAndFinding() async throws {
        let fixture = try WebFixture()
        let first = CandidateReference(vacancy: "TA-2026-03", number: 1)
        try fixture.store.notifyCandidate(first, on: nil, via: .email, by: WebFixture.searcher)
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            _ = try await client.post("/vacancies/TA-2026-03/candidates/1/public-only", [("csrf", session.csrf), ("confirm", "yes")], cookie: session.cookie)
            let form = try await client.get("/vacancies/TA-2026-03/candidates/1/log/facebook.1", cookie: session.cookie)
            #expect(form.body.contains("Record facebook.1 for TA-2026-03/1"))
            let noNote = try await client.postMultipart("/vacancies/TA-2026-03/candidates/1/log",
                                                        [("csrf", session.csrf), ("form", "full"), ("query", "facebook.1"), ("outcome", "could-not-complete"),
                                                         ("addresses", "https://www.facebook.com/example")], files: [], cookie: session.cookie)
            #expect(noNote.status == .badRequest)
            #expect(noNote.body.contains(##"<a href="#note">"##))
            #expect(noNote.body.contains(#"id="outcome-could-not-complete" name="outcome" value="could-not-complete" checked"#))
            #expect(noNote.body.contains(">https://www.facebook.com/example</textarea>"))

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            let logged = try await client.postMultipart("/vacancies/TA-2026-03/candidates/1/log",
                                                        [("csrf", session.csrf), ("form", "full"), ("query", "facebook.1"), ("outcome", "findings"),
                                                         ("addresses", "https://www.facebook.com/example"), ("note", "")],
                                                        files: [("evidence", "post.png", png)], cookie: session.cookie)
            #expect(logged.status == .seeOther)
            let findingPath = try #require(logged.location)
            #expect(findingPath.hasPrefix("/vacancies/TA-2026-03/candidates/1/findings/new?entry="))
            let entry = String(findingPath.split(separator: "=").last!)

            let missing = try await client.post("/vacancies/TA-2026-03/candidates/1/findings",
                                                [("csrf", session.csrf), ("entry", entry), ("summary", "Calls pupils feral."), ("identity", "confirmed"),
                                                 ("contentDate", "01/03/2024")], cookie: session.cookie)
            #expect(missing.status == .badRequest)
            for field in ["identityBasis", "category", "relevance"] { #expect(missing.body.contains("<a href=\"#\(field)\">"), "\(field)") }
            #expect(missing.body.contains(">Calls pupils feral.</textarea>"))
            #expect(missing.body.contains(#"value="01/03/2024""#))
            #expect(missing.body.contains(#"value="confirmed" checked"#))
            let made = try await client.post("/vacancies/TA-2026-03/candidates/1/findings",
                                             [("csrf", session.csrf), ("entry", entry), ("summary", "Calls pupils feral."), ("identity", "confirmed"),
                                              ("identityBasis", "Same photo."), ("category", "disparaging"), ("relevance", "Speech about pupils."),
                                              ("contentDate", "01/03/2024")], cookie: session.cookie)
            #expect(made.location == "/vacancies/TA-2026-03/candidates/1?saved=TA-2026-03/1/F1")
        }
        let entry = try #require(try fixture.store.searchHistory(first).first)
        #expect(entry.evidence.map(\.name) == ["post.png"])
        #expect(entry.evidence.map(\.size) == [11])
        #expect(entry.addresses == ["https://www.facebook.com/example"])
        let finding = try fixture.store.finding(FindingReference(candidate: first, number: 1), shownTo: WebFixture.searcher)
        #expect(finding.current.summary == "Calls pupils feral.")
        #expect(finding.current.contentDate?.iso == "2024-03-01")
    }

    @Test("the vacancy's details change through its form, which starts from the record and keeps what was typed on an error")
    func editVacancy() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let session = try await client.session(WebFixture.searcher)
            let form = try await client.get("/vacancies/TA-2026-03/edit", cookie: session.cookie)
            #expect(form.body.contains(#"value="Teaching Assistant (Year 2)""#))
            #expect(form.body.contains(#"value="30 November 2026""#))
            #expect(form.body.contains(#"value="Pat Panel""#))
            let bad = try await client.post("/vacancies/TA-2026-03/edit", [("csrf", session.csrf), ("title", "Teaching Assistant (Year 3)"),
                                                                           ("interview", "not a day"), ("panel", "Pat Panel")], cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains(##"<a href="#interview">"##))
            #expect(bad.body.contains(#"value="Teaching Assistant (Year 3)""#))
            let good = try await client.post("/vacancies/TA-2026-03/edit", [("csrf", session.csrf), ("title", "Teaching Assistant (Year 3)"),
                                                                            ("interview", "02/12/2026"), ("panel", "")], cookie: session.cookie)
            #expect(good.body.contains("Saved the changes to TA-2026-03."))
            #expect(good.body.contains("<h1>TA-2026-03: Teaching Assistant (Year 3)</h1>"))
        }
        let vacancy = try fixture.store.vacancy("TA-2026-03")
        #expect(vacancy.postTitle == "Teaching Assistant (Year 3)")
        #expect(vacancy.interviewDate?.iso == "2026-12-02")
        #expect(vacancy.panel.isEmpty)
        let update = try #require(try fixture.store.auditLog(AuditFilter(), shownTo: WebFixture.admin).last { $0.event.action == "vacancy.update" })
        #expect(update.event.actor == WebFixture.searcher)
        #expect(update.details?.contains(#""made_via":"web""#) == true)
    }
}
