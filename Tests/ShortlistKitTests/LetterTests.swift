import Foundation
import GRDB
import Testing
@testable import ShortlistKit

@Suite("Letters to candidates: the notice before searching, the subject-access reply, the single central record line")
struct LetterTests {
    static let admin = RecruitmentFixture.admin
    static let searcher = RecruitmentFixture.searcher
    static let ta = RecruitmentFixture.teachingAssistant
    /// TA-2026-03/3, Siobhán O'Brien: shortlisted and not yet told.
    static let siobhan = CandidateReference(vacancy: ta, number: 3)

    /// The fixture with the settings letters need.
    private func store(in folder: TemporaryFolder) throws -> Store {
        let store = try RecruitmentFixture.build(at: folder.path("shortlist.sqlite"))
        try store.setSchoolSetting(.schoolName, to: "Riverside Primary School", by: Self.admin)
        try store.setSchoolSetting(.privacyContact, to: "Jo Patel, School Business Manager (office@riverside.example.sch.uk)", by: Self.admin)
        try store.setSchoolSetting(.schoolEmail, to: "office@riverside.example.sch.uk", by: Self.admin)
        return store
    }

    @Test("a notice is refused until the school's name and contact are set, naming each setting")
    func refusedWithoutSettings() throws {
        let folder = try TemporaryFolder()
        let store = try RecruitmentFixture.build(at: folder.path("shortlist.sqlite"))
        let error = #expect(throws: ShortlistError.self) {
            try store.writeNotices(vacancy: Self.ta, format: .text, to: nil, recordAs: nil, templates: TemplateSet.load(), by: Self.searcher)
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("school_name") && text.contains("privacy_contact") && text.contains("shortlist settings set"))
        #expect(try store.notices(of: Self.siobhan).isEmpty)
    }

    @Test("the notice goes to each candidate not yet told, says what is searched, why, what happens, how long and whom to contact; golden text, HTML and eml")
    func noticeGolden() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        let templates = try TemplateSet.load()
        let text = try store.writeNotices(vacancy: Self.ta, format: .text, to: nil, recordAs: nil, templates: templates, by: Self.searcher)
        // Only Siobhán awaits a notice: Zoë and Łukasz were told, Minh withdrew.
        #expect(text.map(\.candidate.reference) == [Self.siobhan])
        let letter = text[0].content
        for expected in ["Dear Siobhán O'Brien,", "Keeping Children Safe in Education 2026", "- Facebook: public pages and profiles",
                         "about the last 5 years", "We will not sign in", "deleted 6 months after the vacancy closes",
                         "Please contact Jo Patel, School Business Manager", "Riverside Primary School"] {
            #expect(letter.contains(expected), "missing: \(expected)")
        }
        try GoldenFile.expect(letter, matches: "letters/notice.txt")
        let html = try store.writeNotices(vacancy: Self.ta, format: .html, to: nil, recordAs: nil, templates: templates, by: Self.searcher)
        try GoldenFile.expect(html[0].content, matches: "letters/notice.html")
        #expect(!html[0].content.contains("<script"))
        let eml = try store.writeNotices(vacancy: Self.ta, format: .eml, to: nil, recordAs: nil, templates: templates, by: Self.searcher)
        try GoldenFile.expect(eml[0].content, matches: "letters/notice.eml")
        #expect(eml[0].record.templateSHA256 == templates.fingerprints["letters/notice.text"])
        // Nothing was recorded: rendering is not sending.
        #expect(try store.candidate(Self.siobhan).notifiedOn == nil)
    }

    @Test("an .eml parses back with Python's email package: UTF-8 names in To and From, the subject, and the body as the text notice")
    func emlParsesBack() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        try store.updateCandidate(Self.siobhan, { var c = CandidateChanges(); c.email = "siobhan.ob@example.org"; return c }(), by: Self.searcher)
        try store.setSchoolSetting(.schoolName, to: "Ysgol Nguyễn Thị Minh", by: Self.admin)
        let templates = try TemplateSet.load()
        let eml = try store.writeNotices(vacancy: Self.ta, format: .eml, to: folder.path("out"), recordAs: nil, templates: templates, by: Self.searcher)
        let text = try store.writeNotices(vacancy: Self.ta, format: .text, to: nil, recordAs: nil, templates: templates, by: Self.searcher)
        let path = folder.path("out/" + eml[0].fileName)
        #expect(eml[0].fileName == "TA-2026-03-3-notice.eml")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let script = """
            import email, json, sys
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
            to = m['To'].addresses[0]; fr = m['From'].addresses[0]
            print(json.dumps({'to_name': to.display_name, 'to': to.addr_spec, 'from_name': fr.display_name, 'from': fr.addr_spec,
                              'subject': str(m['Subject']), 'unsent': m['X-Unsent'], 'type': m.get_content_type(),
                              'charset': m.get_content_charset(), 'body': m.get_content()}))
            """
        let parsed = try JSONSerialization.jsonObject(with: Data(try runPython(script, path).utf8)) as? [String: String] ?? [:]
        #expect(parsed["to_name"] == "Siobhán O'Brien" && parsed["to"] == "siobhan.ob@example.org")
        #expect(parsed["from_name"] == "Ysgol Nguyễn Thị Minh" && parsed["from"] == "office@riverside.example.sch.uk")
        #expect(parsed["subject"] == "Online searches before your interview: Teaching Assistant (Year 2) (TA-2026-03)")
        #expect(parsed["unsent"] == "1" && parsed["type"] == "text/plain" && parsed["charset"] == "utf-8")
        #expect(parsed["body"]?.replacingOccurrences(of: "\r\n", with: "\n") == text[0].content)
    }

    @Test("--record keeps each notice's text and hash, marks the candidate told, verifies, and the governors' report names the version")
    func recordedNotice() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        let templates = try TemplateSet.load()
        let written = try store.writeNotices(vacancy: Self.ta, format: .eml, to: folder.path("sent"), recordAs: .email, templates: templates,
                                             by: Self.searcher)
        let candidate = try store.candidate(Self.siobhan)
        #expect(candidate.notifiedOn == Day(RecruitmentFixture.now) && candidate.notifiedVia == .email)
        let notices = try store.notices(of: Self.siobhan)
        #expect(notices.count == 1)
        #expect(notices[0].text == written[0].content && notices[0].textSHA256 == Digest.sha256(written[0].content))
        let fingerprint = String(templates.fingerprints["letters/notice.text"]!.prefix(12))
        #expect(notices[0].version == "template " + fingerprint)
        let details = try store.read { db in
            try String.fetchOne(db, sql: """
                SELECT d.details FROM audit_event e JOIN audit_detail d ON d.seq = e.seq WHERE e.action = 'candidate.notice'
                """)
        }
        #expect(details?.contains(notices[0].textSHA256) == true)
        #expect(try store.verifyAudit().isValid)
        let report = try store.renderComplianceReport(.vacancy(Self.ta), format: "markdown", templates: templates, by: RecruitmentFixture.governor)
        #expect(report.contains("notice: template \(fingerprint)"))
        let csv = try store.renderComplianceReport(.vacancy(Self.ta), format: "csv", templates: templates, by: RecruitmentFixture.governor)
        #expect(csv.contains("template \(fingerprint)"))
        // The notice's text reaches neither the report nor the CSV.
        #expect(!report.contains("Dear Siobhán") && !csv.contains("Dear Siobhán"))
        // A notice file changed afterwards no longer matches: verify names it.
        try store.write(by: Self.admin) { change in try change.db.execute(sql: "UPDATE candidate_notice SET text = text || ' '") }
        #expect(try store.verifyAudit().recordProblems.contains { $0.contains("candidate_notice \(Self.siobhan)/N1") })
    }

    @Test("candidate notify --notice keeps a notice written elsewhere, as its own text's version; an empty file is refused")
    func noticeFromFile() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        let path = try folder.write("sent.txt", "Dear Siobhán, we may search online. Riverside Primary School.\n")
        try store.notifyCandidate(Self.siobhan, on: nil, via: .letter, notice: NoticeToRecord(sentFile: path, candidate: Self.siobhan),
                                  by: Self.searcher)
        let notice = try #require(try store.notices(of: Self.siobhan).first)
        #expect(notice.format == .file && notice.templateSHA256 == nil)
        #expect(notice.version == "own text " + Digest.sha256("Dear Siobhán, we may search online. Riverside Primary School.\n").prefix(12))
        let empty = try folder.write("empty.txt", "  \n")
        #expect(throws: ShortlistError.self) { try NoticeToRecord(sentFile: empty, candidate: Self.siobhan) }
        #expect(try store.verifyAudit().isValid)
    }

    @Test("the subject-access reply holds every fact of the record, marks the protected finding as never shown to the panel; golden text and HTML")
    func subjectAccessLetter() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        let zoe = CandidateReference(vacancy: Self.ta, number: 1)
        let letter = try store.subjectAccess(zoe, format: .letter, by: Self.admin).text
        for expected in ["Dear Zoë Ødegaard,", "Other names: Zoë Hansen", "Facebook: public pages and profiles", "calls a previous employer's pupils",
                         "Decision: raised with you at interview", "Public posts about the candidate's faith community",
                         "It was never shown to the interview panel", "screenshot-facebook-post.png", "SHA-256",
                         "Our lawful basis is:", "rectification", "erasure", "restriction", "object", "Information Commissioner's Office",
                         "Jo Patel, School Business Manager"] {
            #expect(letter.contains(expected), "missing: \(expected)")
        }
        try GoldenFile.expect(letter, matches: "letters/subject-access.txt")
        let html = try store.subjectAccess(zoe, format: .html, by: Self.admin).text
        try GoldenFile.expect(html, matches: "letters/subject-access.html")
        // Łukasz has no evidence: the reply says so rather than leaving the section empty.
        let lukasz = try store.subjectAccess(CandidateReference(vacancy: Self.ta, number: 2), format: .letter, by: Self.admin).text
        #expect(lukasz.contains("We hold no evidence files (such as screenshots) about you."))
        #expect(!lukasz.contains("Zoë"))
    }

    @Test("hostile values in every field of a letter come out as text: escaped in HTML, as typed in plain text")
    func hostileValues() throws {
        let folder = try TemporaryFolder()
        let store = try store(in: folder)
        let hostile = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) &amp;"
        var changes = CandidateChanges()
        changes.fullName = hostile
        changes.town = hostile
        try store.updateCandidate(Self.siobhan, changes, by: Self.searcher)
        try store.setSchoolSetting(.schoolName, to: hostile, by: Self.admin)
        try store.setSchoolSetting(.privacyContact, to: hostile, by: Self.admin)
        let templates = try TemplateSet.load()
        let html = try store.writeNotices(vacancy: Self.ta, format: .html, to: nil, recordAs: nil, templates: templates, by: Self.searcher)[0].content
        #expect(!html.contains("<script>") && !html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1)) &amp;amp;"))
        let text = try store.writeNotices(vacancy: Self.ta, format: .text, to: nil, recordAs: nil, templates: templates, by: Self.searcher)[0].content
        #expect(text.contains("Dear \(hostile),"))
        let reply = try store.subjectAccess(Self.siobhan, format: .html, by: Self.admin).text
        #expect(!reply.contains("<script>") && reply.contains("&lt;script&gt;"))
    }

    @Test("the appointee's single central record line, before and after the purge has reduced the record; others are refused")
    func singleCentralRecord() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let before = try store.singleCentralRecordLine(RetentionFixture.appointee)
        #expect(before.completedOn != nil && before.searchedBy.contains(RetentionFixture.searcher))
        #expect(before.outcome == SingleCentralRecordLine.concernsExplored)
        let edition = try store.vacancy(RetentionFixture.old).kcsieEdition
        #expect(before.text.hasPrefix("Online search completed: ") && before.text.hasSuffix("; KCSIE \(edition)"))
        // A notice sent to the appointee is blanked by the purge, and verify still holds.
        // (Recorded as a notice: the date first recorded as told stays.)
        try store.recordNotices([NoticeToRecord(candidate: RetentionFixture.appointee, text: "Dear Zebediah Quixote-Purge", format: .file,
                                                templateSHA256: nil)], via: .email, by: RetentionFixture.admin)
        #expect(try store.candidate(RetentionFixture.appointee).notifiedOn == Day(iso: "2026-03-02"))
        _ = try store.applyPurge(by: RetentionFixture.admin)
        #expect(try store.candidate(RetentionFixture.appointee).purgedOn != nil)
        let after = try store.singleCentralRecordLine(RetentionFixture.appointee)
        #expect(after == before)
        #expect(try store.notices(of: RetentionFixture.appointee).map(\.text) == ["(purged)"])
        #expect(try store.verifyAudit().isValid)
        let lines = try store.singleCentralRecordLines(vacancy: RetentionFixture.old)
        #expect(lines == [after])
        var csv = ""
        Listing.singleCentralRecord(lines).write(.csv, to: &csv)
        #expect(csv.hasPrefix("Name,Post,Vacancy,Online search completed,Checked by,Online search outcome,KCSIE edition\r\n"))
        #expect(csv.contains("\(RetentionFixture.appointeeName),Caretaker,\(RetentionFixture.old),\(after.completedOn!.slashed),"))
        #expect(throws: ShortlistError.self) { try store.singleCentralRecordLine(RetentionFixture.notAppointed) }
        #expect(throws: ShortlistError.self) { try store.singleCentralRecordLines(vacancy: RetentionFixture.open) }
    }

    private func runPython(_ script: String, _ argument: String) throws -> String {
        let result = try runProgram("/usr/bin/env", ["python3", "-c", script, argument])
        #expect(result.status == 0)
        return result.output
    }
}
