import Foundation
import GRDB
import Testing
@testable import ShortlistKit

@Suite("Subject access export: everything about one candidate, nothing about another")
struct SubjectAccessTests {
    /// Every distinctive string the fixture records about candidates other than `reference`.
    private func othersDetails(_ reference: CandidateReference) -> [String] {
        RetentionFixture.detailsByCandidate.filter { $0.key != reference.description }.flatMap(\.value)
    }

    @Test("the appointee's export holds their record, every entry (superseded and withdrawn too), every finding version, the dossier, their events and evidence")
    func everythingAboutTheCandidate() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let reference = RetentionFixture.appointee
        let candidateID = try store.candidate(reference).id
        let history = try store.searchHistory(reference)
        let eventSeqs = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT seq FROM audit_event WHERE candidate_id = ? ORDER BY seq", arguments: [candidateID])
        }

        let lastSeq = try store.statistics().events

        let export = try store.subjectAccessExport(reference, by: admin)

        #expect(export.reference == "OLD-2026-01/1")
        #expect(export.exported_by == admin && export.exported_at == "2026-11-20T10:00:00Z")
        #expect(export.candidate["full_name"] == RetentionFixture.appointeeName)
        #expect(export.candidate["other_names"] == "Zeb Xylophant-Alias")
        #expect(export.candidate["town"] == "Wigglesworth-on-Tweed")
        #expect(export.candidate["current_employer"] == "Quuxbridge Widget Foundry")
        #expect(export.candidate["previous_employers"] == "Plumtree Marmalade Cooperative")
        #expect(export.candidate["email"] == "zebediah.qp@purge-test.example")
        #expect(export.candidate["outcome"] == "appointed")
        #expect(export.candidate["notified_on"] == "2026-03-02" && export.candidate["notified_via"] == "email")
        #expect(export.vacancy["reference"] == RetentionFixture.old && export.vacancy["post_title"] == "Caretaker")

        // Every entry: 13 planned queries, news.1 again (the first superseded), web-name.1 again (withdrawn).
        #expect(export.search_entries.map(\.id) == history.map(\.id))
        #expect(export.search_entries.count == 15)
        #expect(export.search_entries.filter { $0.state == "superseded" }.map(\.step) == ["news"])
        let withdrawn = try #require(export.search_entries.first { $0.state == "withdrawn" })
        #expect(withdrawn.query == "ZQP-QUERYUSED-6630 Quixote")
        #expect(withdrawn.withdrawn_reason == "WITHDRAWN-REASON-ZQP-7742 logged against the wrong query")
        #expect(withdrawn.planned_query == "\"Zebediah Quixote-Purge\"")
        let facebook = try #require(export.search_entries.first { $0.step == "facebook" })
        #expect(facebook.note == "NOTE-ZQP-FACEBOOK-4417 two public posts seen.")
        #expect(facebook.addresses == ["https://www.example.org/ZQPADDR-4417"])
        #expect(facebook.evidence == [RetentionFixture.zqpEvidenceHash])
        #expect(facebook.searcher == RetentionFixture.searcher && facebook.outcome == "findings")
        #expect(export.search_entries.first { $0.step == "news" && $0.state == "current" }?.note
            == "NOTE-ZQP-NEWS-RECHECK-5521 searched again after a tip-off.")

        // The finding with all five versions: added, corrected, raised, answered, followed up.
        #expect(export.findings.map(\.reference) == ["OLD-2026-01/1/F1"])
        let versions = export.findings[0].versions
        #expect(export.findings[0].from_entries == [facebook.id])
        #expect(versions.map { $0.fields["action"] } == ["add", "update", "decide", "respond", "respond"])
        #expect(versions[0].fields["summary"] == "FINDING-ZQP-SUMMARY-8853 A public post mocks pupils.")
        #expect(versions[1].fields["summary"] == "FINDING-ZQP-CORRECTED-8856 A public post mocks pupils of a former school.")
        #expect(versions[0].fields["sources"] == "https://www.example.org/ZQPSOURCE-8853")
        #expect(versions[0].fields["identity_basis"] == "IDBASIS-ZQP-8854 the profile photo matches.")
        #expect(versions[0].fields["relevance"] == "RELEVANCE-ZQP-8855 how staff speak of pupils bears on their conduct.")
        #expect(versions[2].fields["decision"] == "raise")
        #expect(versions[2].fields["question"] == "QUESTION-ZQP-8857 Can you tell us how you describe pupils online?")
        #expect(versions[2].decided_by == RetentionFixture.manager)
        #expect(versions[3].fields["response"] == "RESPONSE-ZQP-8858 It was a joke I regret.")
        #expect(versions[3].fields["conclusion"] == "further-checks")
        #expect(versions[3].fields["conclusion_detail"] == "CONCLUSION-ZQP-8859 ask the referee about conduct with pupils.")
        #expect(versions[3].response_recorded_by == RetentionFixture.panel)
        #expect(versions[4].fields["follow_up"] == "FOLLOWUP-ZQP-8860 the referee had no concerns.")
        #expect(versions.map(\.recorded_by) == [RetentionFixture.searcher, RetentionFixture.searcher, RetentionFixture.manager, RetentionFixture.panel,
                                                RetentionFixture.panel])

        #expect(export.panel_documents.count == 1)
        #expect(export.panel_documents.first?.kind == "dossier" && export.panel_documents.first?.produced_by == RetentionFixture.manager)

        // Their events, each with its details, then the export itself.
        #expect(export.audit_events.map(\.seq) == eventSeqs + [Int64(lastSeq) + 1])
        #expect(export.audit_events.allSatisfy { $0.details != nil })
        #expect(Set(export.audit_events.map(\.action)).isSuperset(of: [
            "candidate.add", "search.log", "search.withdraw", "finding.add", "finding.update", "finding.decide", "finding.respond",
            "document.dossier", "candidate.outcome", "candidate.export",
        ]))

        #expect(export.evidence.count == 1)
        let file = try #require(export.evidence.first)
        #expect(file.entry == facebook.id && file.name == RetentionFixture.zqpEvidenceName)
        #expect(file.sha256 == RetentionFixture.zqpEvidenceHash && file.bytes == RetentionFixture.zqpEvidenceBytes.count && file.check == "ok")

        // The JSON text holds every one of their details and none of anyone else's.
        let json = export.json
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(parsed.keys) == ["exported_at", "exported_by", "candidate", "reference", "vacancy", "search_entries", "findings",
                                     "panel_documents", "audit_events", "evidence", "notices"])
        for detail in RetentionFixture.detailsByCandidate[reference.description]! {
            #expect(json.contains(detail), "missing: \(detail)")
        }
        for detail in othersDetails(reference) {
            #expect(!json.contains(detail), "another candidate's detail: \(detail)")
        }
    }

    @Test("the export of a candidate with an override and a changed decision holds both, and none of the appointee's details")
    func overriddenCandidate() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let reference = RetentionFixture.notAppointed

        let export = try store.subjectAccessExport(reference, by: RetentionFixture.manager)

        #expect(export.candidate["full_name"] == "Ottoline Vexworth-Purge" && export.candidate["outcome"] == "not-appointed")
        #expect(export.search_entries.count == 10)
        let early = try #require(export.search_entries.first)
        #expect(early.overrides == [["rule": "not-told", "reason": "OVERRIDE-REASON-OVP-3321 told by phone first; the letter followed."]])
        #expect(early.evidence == [RetentionFixture.sharedEvidenceHash])
        #expect(export.evidence.map(\.name) == [RetentionFixture.sharedEvidenceName])
        #expect(export.findings.first?.versions.map { $0.fields["decision"] } == ["", "raise", "no-further-action"])
        #expect(export.findings.first?.versions[1].fields["identity_question"] == "IDQ-OVP-3328 Do you have a public account on X?")
        #expect(export.panel_documents.isEmpty)
        let json = export.json
        for detail in RetentionFixture.detailsByCandidate[reference.description]! {
            #expect(json.contains(detail), "missing: \(detail)")
        }
        for detail in othersDetails(reference) {
            #expect(!json.contains(detail), "another candidate's detail: \(detail)")
        }
    }

    @Test("the export names the candidate as they were asked for, as its audit event does")
    func referenceAsAsked() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let asked = CandidateReference(vacancy: RetentionFixture.appointee.vacancy.lowercased(), number: RetentionFixture.appointee.number)
        let export = try store.subjectAccessExport(asked, by: admin)
        #expect(export.reference == "old-2026-01/1" && export.candidate["reference"] == "old-2026-01/1")
        #expect(export.audit_events.last?.action == "candidate.export" && export.audit_events.last?.record == "old-2026-01/1")
        #expect(export.candidate["full_name"] == RetentionFixture.appointeeName)
    }

    @Test("with a folder, the candidate's evidence files are copied there with their recorded bytes")
    func copiesEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let target = folder.path("sar-evidence")

        let export = try store.subjectAccessExport(RetentionFixture.appointee, copyEvidenceTo: target, by: admin)

        let entry = try #require(export.evidence.first?.entry)
        let name = "\(entry)-\(RetentionFixture.zqpEvidenceHash.prefix(12))-\(RetentionFixture.zqpEvidenceName)"
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == [name])
        #expect(FileManager.default.contents(atPath: target + "/" + name) == RetentionFixture.zqpEvidenceBytes)
        #expect(export.audit_events.last?.details == "{\"evidence_copied\":\"yes\"}")
    }

    @Test("with a file, the export is written there owner-only; a folder for the evidence that holds files is refused, with nothing written or recorded")
    func writesFiles() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let out = folder.path("sar/export.json")
        let events = try store.auditLog(AuditFilter()).count
        let target = try folder.write("kept.txt", "someone's file")
        let busy = folder.path("busy")
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: false)
        _ = try folder.write("busy/kept.txt", "someone's file")

        #expect(throws: ShortlistError.file(path: busy, reason: "already holds files; nothing was exported. Choose a new folder for the evidence")) {
            try store.subjectAccessExport(RetentionFixture.appointee, to: out, copyEvidenceTo: busy, by: admin)
        }
        #expect(throws: ShortlistError.file(path: target, reason: "already exists; nothing was written. Choose a new file")) {
            try store.subjectAccessExport(RetentionFixture.appointee, to: target, by: admin)
        }
        #expect(try store.auditLog(AuditFilter()).count == events)
        #expect(!FileManager.default.fileExists(atPath: out))

        let export = try store.subjectAccessExport(RetentionFixture.appointee, to: out, copyEvidenceTo: folder.path("sar/evidence"), by: admin)

        #expect(FileManager.default.contents(atPath: out) == Data(export.json.utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path("sar/evidence"))[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sar")).sorted() == ["evidence", "export.json"])
        #expect(try store.auditLog(AuditFilter()).count == events + 1)
    }

    @Test("the export is itself recorded as an audit event about the candidate, and the trail still verifies")
    func exportIsAudited() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let before = try store.auditLog(AuditFilter()).count

        _ = try store.subjectAccessExport(RetentionFixture.withdrew, by: RetentionFixture.manager)

        let log = try store.auditLog(AuditFilter())
        #expect(log.count == before + 1)
        let event = try #require(log.last)
        #expect(event.event.action == "candidate.export" && event.event.entity == "candidate" && event.event.entityRef == "OLD-2026-01/3")
        #expect(event.event.actor == RetentionFixture.manager)
        #expect(event.event.candidateID == (try store.candidate(RetentionFixture.withdrew).id))
        #expect(event.details == "{\"evidence_copied\":\"no\"}")
        var filter = AuditFilter()
        filter.candidate = RetentionFixture.withdrew
        #expect(try store.auditLog(filter).last?.event.action == "candidate.export")
        #expect(try store.verifyAudit().isValid)
    }

    @Test("only an admin or the recruiting manager exports; a refused export records nothing")
    func exportNeedsARole() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        let before = try store.statistics().events
        #expect(throws: ShortlistError.roleRequired(actor: RetentionFixture.searcher, roles: ["admin", "recruiting-manager"],
                                                    operation: "export a candidate's data")) {
            try store.subjectAccessExport(RetentionFixture.appointee, by: RetentionFixture.searcher)
        }
        #expect(try store.statistics().events == before)
    }

    @Test("after the purge a removed candidate's export holds only the stub: none of their details")
    func exportAfterPurge() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        _ = try store.applyPurge(by: admin)

        let export = try store.subjectAccessExport(RetentionFixture.notAppointed, by: admin)

        #expect(export.candidate["full_name"] == "" && export.candidate["purged_on"] == "2026-11-20")
        #expect(export.search_entries.count == 10)
        #expect(export.evidence.isEmpty)
        #expect(export.audit_events.filter { $0.details == nil }.count >= 1)
        let json = export.json
        for detail in RetentionFixture.removedDetails + RetentionFixture.appointeeDetails + [RetentionFixture.appointeeName] {
            #expect(!json.contains(detail), "\(detail)")
        }
    }
}
