import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The retention fixture in a temporary folder, with helpers to read what the files hold.
private struct PurgeScene {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
    }

    /// The bytes of the database file and of its write-ahead log, if there is one.
    func fileBytes() throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: store.path))
        if let wal = FileManager.default.contents(atPath: store.path + "-wal") { data.append(wal) }
        return data
    }

    /// Which of `strings` occur, as UTF-8, in the database file or its log.
    func found(_ strings: [String]) throws -> [String] {
        let bytes = try fileBytes()
        return strings.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    func id(_ reference: CandidateReference) throws -> Int64 { try store.candidate(reference).id }

    /// The ids of the three candidates of the vacancy past its retention date, as SQL list text.
    func dueIDs() throws -> String {
        try [RetentionFixture.appointee, RetentionFixture.notAppointed, RetentionFixture.withdrew].map { String(try id($0)) }
            .joined(separator: ",")
    }

    func scalar(_ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql)! }
    }

    /// Every listing a user could look at, to show that a dry run changes none of them.
    func listings() throws -> String {
        var out = ""
        for vacancy in try store.vacancies() {
            out += "\(vacancy)\n"
            for candidate in try store.candidates(of: vacancy.reference) {
                out += "\(candidate)\n"
                for entry in try store.searchHistory(candidate.reference) {
                    out += "\(entry.id) \(entry.state) \(entry.query) \(entry.note) \(entry.addresses) \(entry.overrides.map(\.reason))\n"
                }
            }
        }
        for vacancy in try store.vacancies() {
            for (finding, _) in try store.findings(vacancy: vacancy.reference) { out += "\(finding)\n" }
        }
        for entry in try store.auditLog(AuditFilter()) { out += "\(entry.event.seq) \(entry.hash) \(entry.details ?? "(purged)")\n" }
        return out
    }
}

@Suite("Purge: retention, holds and the deletion of personal data")
struct PurgeTests {
    @Test("the plan lists exactly the candidates past their retention date, with action and due date, and changes nothing")
    func planListsTheDueCandidates() throws {
        let scene = try PurgeScene()
        let before = try scene.fileBytes()
        let listings = try scene.listings()

        let plan = try scene.store.purgePlan()

        let closed = RetentionFixture.day("2026-04-15"), due = RetentionFixture.day("2026-10-15")
        #expect(plan.due == [
            PurgeItem(candidate: RetentionFixture.appointee, candidateID: try scene.id(RetentionFixture.appointee), outcome: .appointed,
                      closedOn: closed, dueOn: due, action: .reduce),
            PurgeItem(candidate: RetentionFixture.notAppointed, candidateID: try scene.id(RetentionFixture.notAppointed),
                      outcome: .notAppointed, closedOn: closed, dueOn: due, action: .remove),
            PurgeItem(candidate: RetentionFixture.withdrew, candidateID: try scene.id(RetentionFixture.withdrew), outcome: .withdrew,
                      closedOn: closed, dueOn: due, action: .remove),
        ])
        #expect(plan.held.map(\.vacancy) == [RetentionFixture.held])
        #expect(plan.held.map(\.reason) == [RetentionFixture.holdReason])
        #expect(plan.retentionMonths == 6)

        var table = ""
        Listing.purgePlan(plan).write(.csv, to: &table)
        #expect(table == [
            "candidate,outcome,closed_on,due_on,action",
            "OLD-2026-01/1,appointed,2026-04-15,2026-10-15,reduce the search record to one line",
            "OLD-2026-01/2,not-appointed,2026-04-15,2026-10-15,remove personal data",
            "OLD-2026-01/3,withdrew,2026-04-15,2026-10-15,remove personal data",
        ].map { $0 + "\r\n" }.joined())
        #expect(try scene.fileBytes() == before, "a dry run wrote to the database")
        #expect(try scene.listings() == listings)
    }

    @Test("applying removes every personal detail from the database file; the appointee keeps only the name and one line")
    func applyRemovesPersonalDataFromTheFile() throws {
        let scene = try PurgeScene()
        let everything = [RetentionFixture.appointeeName] + RetentionFixture.appointeeDetails + RetentionFixture.removedDetails
            + RetentionFixture.keptDetails
        // The search below can only be trusted if it finds every detail before the purge.
        #expect(try scene.found(everything) == everything)

        _ = try scene.store.applyPurge(by: admin)

        #expect(try scene.found(RetentionFixture.appointeeDetails + RetentionFixture.removedDetails) == [])
        #expect(try scene.found([RetentionFixture.appointeeName]) == [RetentionFixture.appointeeName])
        #expect(try scene.found(RetentionFixture.keptDetails) == RetentionFixture.keptDetails)
        // purge checkpoints and truncates the log, so nothing lingers there either.
        let wal = FileManager.default.contents(atPath: scene.store.path + "-wal") ?? Data()
        #expect(wal.isEmpty)
    }

    @Test("applying leaves anonymous stubs: blank fields, '(purged)' texts, a summary per candidate")
    func applyLeavesStubs() throws {
        let scene = try PurgeScene()
        let store = scene.store
        let ids = try scene.dueIDs()
        let entries = try scene.scalar("SELECT count(*) FROM search_entry WHERE candidate_id IN (\(ids))")
        let details = try scene.scalar("SELECT count(*) FROM audit_event WHERE candidate_id IN (\(ids))")

        let result = try store.applyPurge(by: admin)

        var expected = PurgeResult()
        expected.candidates = 3
        expected.removed = 2
        expected.reduced = 1
        expected.searchEntries = entries
        expected.findings = 2
        expected.evidenceFiles = 1
        expected.auditDetails = details
        expected.vacancies = [RetentionFixture.old]
        #expect(result == expected)
        #expect(entries == 15 + 10 + 2)

        let appointee = try store.candidate(RetentionFixture.appointee)
        #expect(appointee.fullName == RetentionFixture.appointeeName)
        #expect(appointee.otherNames == [] && appointee.town == "" && appointee.currentEmployer == "" && appointee.previousEmployers == []
            && appointee.email == "")
        #expect(appointee.outcome == .appointed)
        #expect(appointee.purgedOn == testToday)
        #expect(appointee.purgeSummary?.line == "Online search completed on 6 March 2026 by Sam Searcher; outcome: findings raised at interview")
        #expect(appointee.purgeSummary?.planned == 13 && appointee.purgeSummary?.done == 13 && appointee.purgeSummary?.complete == true)
        for reference in [RetentionFixture.notAppointed, RetentionFixture.withdrew] {
            let stub = try store.candidate(reference)
            #expect(stub.fullName == "" && stub.otherNames == [] && stub.town == "" && stub.currentEmployer == "" && stub.email == "")
            #expect(stub.purgedOn == testToday)
            #expect(stub.purgeSummary?.line == nil)
        }
        #expect(try store.candidate(RetentionFixture.notAppointed).purgeSummary
            == PurgeSummary(planned: 10, done: 10, complete: false, toldBeforeFirstSearch: "NO", late: 1,
                            exceptions: ["not-told", "late", "override"], line: nil))
        #expect(try store.candidate(RetentionFixture.withdrew).outcome == .withdrew)

        // The entries stay (the counts are built on them) with nothing personal in them.
        for reference in [RetentionFixture.appointee, RetentionFixture.notAppointed, RetentionFixture.withdrew] {
            for entry in try store.searchHistory(reference) {
                #expect(entry.query == "" && ["", "(purged)"].contains(entry.note) && entry.addresses == [] && entry.evidence.isEmpty, "\(entry.id)")
                #expect(entry.plannedQuery == entry.stepKey)
                #expect(entry.overrides.allSatisfy { $0.reason == "(purged)" })
                #expect(entry.withdrawnReason == nil || entry.withdrawnReason == "(purged)")
            }
            for (finding, _) in try store.findings(candidate: reference) {
                for version in finding.versions {
                    #expect(version.summary == "(purged)" && version.sources == [], "\(finding.reference) v\(version.version)")
                    for text in [version.identityBasis, version.relevance, version.decisionReason, version.question,
                                 version.identityQuestion, version.response, version.conclusionDetail] {
                        #expect(text == "" || text == "(purged)", "\(finding.reference) v\(version.version)")
                    }
                }
            }
        }
        #expect(try store.findings(candidate: RetentionFixture.appointee)[0].finding.versions.map(\.action) == ["add", "update", "decide", "respond", "respond"])
        #expect(try store.searchHistory(RetentionFixture.notAppointed)[0].overrides.map(\.rule) == [.notTold])
        #expect(try scene.scalar("SELECT count(*) FROM audit_detail d JOIN audit_event e ON e.seq = d.seq WHERE e.candidate_id IN (\(ids)) AND e.action <> 'candidate.purge'") == 0)
        // Nothing of the others changed.
        #expect(try store.candidate(CandidateReference(vacancy: RetentionFixture.recent, number: 2)).fullName == "Barnaby Stillhere-Keep")
        #expect(try store.searchHistory(CandidateReference(vacancy: RetentionFixture.held, number: 1))[0].note == "NOTE-HELD-9901 nothing relevant.")
    }

    @Test("the stubs are still counted: vacancy, numbers, outcomes and search counts in status and the report")
    func stubsStillCount() throws {
        let scene = try PurgeScene()
        let store = scene.store
        func progress() throws -> [String] {
            try store.searchProgress(vacancy: RetentionFixture.old)[0].candidates.map {
                "\($0.candidate.reference) \($0.candidate.outcome.rawValue) \($0.doneQueries)/\($0.plannedQueries) told-first:\($0.toldBeforeSearching)"
            }
        }
        func report() throws -> (lines: [String], exceptions: [String], shortlisted: Int) {
            let report = try store.complianceReport(.vacancy(RetentionFixture.old), by: admin)
            let section = report.vacancies[0]
            return (section.candidates.map { "\($0.reference) \($0.outcome) \($0.searches) \($0.told_before_first_search) late \($0.late)" },
                    report.exceptions.filter { !$0.candidate.isEmpty }.map { "\($0.candidate) \($0.kind)" }, section.shortlisted)
        }
        let progressBefore = try progress(), reportBefore = try report()
        let statisticsBefore = try store.statistics()
        #expect(progressBefore == [
            "OLD-2026-01/1 appointed 13/13 told-first:true", "OLD-2026-01/2 not-appointed 10/10 told-first:false",
            "OLD-2026-01/3 withdrew 2/10 told-first:true",
        ])

        _ = try store.applyPurge(by: admin)

        #expect(try progress() == progressBefore)
        let reportAfter = try report()
        #expect(reportBefore.lines[1] == "OLD-2026-01/2 not-appointed 10 of 10 NO late 1")
        #expect(reportBefore.exceptions == ["OLD-2026-01/2 not-told", "OLD-2026-01/2 late", "OLD-2026-01/2 override"])
        #expect(reportAfter.lines.map { $0.replacingOccurrences(of: " late 1", with: " late 0") }
            == reportBefore.lines.map { $0.replacingOccurrences(of: " late 1", with: " late 0") })
        #expect(reportAfter.exceptions.filter { !$0.hasSuffix(" late") } == reportBefore.exceptions.filter { !$0.hasSuffix(" late") })
        #expect(reportAfter.lines == reportBefore.lines)
        #expect(reportAfter.exceptions == reportBefore.exceptions)
        #expect(reportAfter.shortlisted == 3)
        let statistics = try store.statistics()
        #expect(statistics.vacancies == statisticsBefore.vacancies && statistics.candidates == statisticsBefore.candidates)
        #expect(statistics.entries == statisticsBefore.entries && statistics.findings == statisticsBefore.findings)
        // The report's own event, then the purge event and one per stub.
        #expect(statistics.events == statisticsBefore.events + 1 + 1 + 3)
        let names = try store.searchProgress(vacancy: RetentionFixture.old)[0].candidates.map(\.candidate.fullName)
        #expect(names == [RetentionFixture.appointeeName, "", ""])
        #expect(try store.searchProgress(vacancy: RetentionFixture.old)[0].candidates.allSatisfy { $0.notes.contains("purged on 20 November 2026") })
    }

    @Test("after the purge the report no longer calls the purged vacancy's retention overdue")
    func reportAfterPurge() throws {
        let scene = try PurgeScene()
        let before = try scene.store.complianceReport(.vacancy(RetentionFixture.old), by: admin)
        #expect(before.exceptions.map(\.kind).contains("purge-overdue"))
        _ = try scene.store.applyPurge(by: admin)

        let after = try scene.store.complianceReport(.vacancy(RetentionFixture.old), by: admin)
        #expect(!after.exceptions.map(\.kind).contains("purge-overdue"))
        #expect(!after.vacancies[0].retention.contains("due for purge since"), "\(after.vacancies[0].retention)")
    }

    @Test("the evidence file of a purged entry is deleted, unless another entry still refers to it")
    func evidenceFiles() throws {
        let scene = try PurgeScene()
        let evidence = scene.store.evidence
        let own = RetentionFixture.zqpEvidenceHash, shared = RetentionFixture.sharedEvidenceHash
        #expect(evidence.check(own) == .ok && evidence.check(shared) == .ok)

        _ = try scene.store.applyPurge(by: admin)

        #expect(!FileManager.default.fileExists(atPath: evidence.location(of: own)))
        #expect(evidence.check(shared) == .ok)
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence.path) == [shared])
        let barnaby = try scene.store.searchHistory(CandidateReference(vacancy: RetentionFixture.recent, number: 2))
        #expect(barnaby[0].evidence.map(\.sha256) == [shared])
        #expect(barnaby[0].evidence.map(\.name) == [RetentionFixture.barnabyEvidenceName])
    }

    @Test("the purge is one audit event with its counts; the trail still verifies, and a detail deleted later is found")
    func auditAfterPurge() throws {
        let scene = try PurgeScene()
        let store = scene.store
        #expect(try store.verifyAudit().isValid)

        let result = try store.applyPurge(by: admin)

        let log = try store.auditLog(AuditFilter())
        let purge = try #require(log.last { $0.event.action == "purge" })
        #expect(purge.event.actor == admin && purge.event.entityRef == "2026-11-20")
        let recorded = try JSONDecoder().decode(PurgeResult.self, from: Data(try #require(purge.details).utf8))
        #expect(result.evidenceFiles == 1)
        var withoutFiles = result
        withoutFiles.evidenceFiles = recorded.evidenceFiles
        #expect(recorded == withoutFiles)
        #expect(recorded.evidenceFiles == result.evidenceFiles)
        let stubs = log.filter { $0.event.action == "candidate.purge" }
        #expect(stubs.map(\.event.entityRef) == ["OLD-2026-01/1", "OLD-2026-01/2", "OLD-2026-01/3"])
        #expect(stubs.allSatisfy { $0.details == "{\"purge_event\":\"\(purge.event.seq)\"}" })
        #expect(try scene.scalar("SELECT count(*) FROM audit_detail_purge WHERE purge_seq = \(purge.event.seq)") == result.auditDetails)

        let verification = try store.verifyAudit()
        #expect(verification.isValid, "\(String(describing: verification.brokenEvent)) \(verification.recordProblems)")
        #expect(verification.events == log.count)

        // One more detail deleted by plain SQL: no purge accounts for it.
        let victim = log.first { $0.event.action == "candidate.add" && $0.event.entityRef == "REC-2026-02/1" }!.event.seq
        try PurgeTampering.run(store.path, "DELETE FROM audit_detail WHERE seq = \(victim)")
        let broken = try store.verifyAudit()
        #expect(broken.brokenEvent?.seq == victim)
        #expect(broken.brokenEvent?.reason == "its details were deleted, and no purge accounts for it")
    }

    @Test("in batches, each its own transaction and purge event, the purge does what one batch does and the trail verifies")
    func batches() throws {
        let whole = try PurgeScene()
        let inOne = try whole.store.applyPurge(by: admin)
        let scene = try PurgeScene()
        let store = scene.store
        let inBatches = try store.applyPurge(by: admin, batchSize: 1)
        #expect(inBatches == inOne)
        let log = try store.auditLog(AuditFilter())
        let purges = log.filter { $0.event.action == "purge" }
        #expect(purges.count == 3)
        // Each batch's event holds its own counts, and each batch's stub events follow its purge event.
        let counts = try purges.map { try JSONDecoder().decode(PurgeResult.self, from: Data(try #require($0.details).utf8)) }
        #expect(counts.map(\.candidates) == [1, 1, 1])
        #expect(counts.reduce(0) { $0 + $1.searchEntries } == inOne.searchEntries)
        #expect(counts.reduce(0) { $0 + $1.auditDetails } == inOne.auditDetails)
        let stubs = log.filter { $0.event.action == "candidate.purge" }
        #expect(zip(stubs, purges).allSatisfy { $0.details == "{\"purge_event\":\"\($1.event.seq)\"}" && $0.event.seq == $1.event.seq + 1 })
        #expect(try scene.found(RetentionFixture.appointeeDetails + RetentionFixture.removedDetails) == [])
        let verification = try store.verifyAudit()
        #expect(verification.isValid, "\(String(describing: verification.brokenEvent)) \(verification.recordProblems)")
        // Nothing is left due: a second run finds nothing to do and records nothing.
        let events = log.count
        #expect(try store.applyPurge(by: admin) == PurgeResult())
        #expect(try store.auditLog(AuditFilter()).count == events)
    }

    @Test("a search that could not be completed is purged too: its note, which the schema requires, becomes '(purged)'")
    func couldNotCompletePurged() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol",
                                        interview: Day(year: 2026, month: 3, day: 10))
        try addShortlisted(store, "Zoë Ødegaard", told: Day(year: 2026, month: 3, day: 1))
        try logQuery(store, candidateRef(1), "news", .couldNotComplete) {
            $0.note = "NOTE-CNC-4411 the news search would not load"
            $0.searchedAt = Timestamp.parse(iso: "2026-03-05T10:00:00Z")
        }
        try store.stopped(at: Timestamp.parse(iso: "2026-04-01T17:00:00Z")!).closeVacancy("TA-2026-03", on: Day(iso: "2026-04-01"), by: admin)
        let result = try store.applyPurge(by: admin)
        #expect(result.candidates == 1 && result.searchEntries == 1)
        let entry = try #require(try store.searchHistory(candidateRef(1)).first)
        #expect(entry.outcome == .couldNotComplete && entry.note == "(purged)" && entry.query == "")
        #expect(try store.verifyAudit().isValid)
    }

    @Test("a detail deleted and marked as purged is found: the purge's recorded count no longer matches")
    func forgedPurgeMark() throws {
        let scene = try PurgeScene()
        _ = try scene.store.applyPurge(by: admin)
        let log = try scene.store.auditLog(AuditFilter())
        let purge = log.last { $0.event.action == "purge" }!.event.seq
        let victim = log.first { $0.event.action == "candidate.add" && $0.event.entityRef == "OPEN-2026-03/1" }!.event.seq
        try PurgeTampering.run(scene.store.path, """
            INSERT INTO audit_detail_purge (seq, purge_seq) VALUES (\(victim), \(purge)); DELETE FROM audit_detail WHERE seq = \(victim)
            """)
        let broken = try scene.store.verifyAudit()
        #expect(broken.brokenEvent?.seq == purge)
        #expect(broken.brokenEvent?.reason == "the details marked as deleted by this purge do not match the count it recorded")
    }

    @Test("a held vacancy is left whole until its hold is lifted; then it is due and purged")
    func heldVacancy() throws {
        let scene = try PurgeScene()
        let store = scene.store
        let horatio = CandidateReference(vacancy: RetentionFixture.held, number: 1)
        _ = try store.applyPurge(by: admin)
        #expect(try store.candidate(horatio).fullName == "Horatio Heldback-Keep")
        #expect(try store.candidate(horatio).purgedOn == nil)
        #expect(try scene.found(["Horatio Heldback-Keep", "NOTE-HELD-9901"]).count == 2)
        #expect(try store.purgePlan().due == [])

        let lifted = try store.holdVacancy(RetentionFixture.held, reason: nil, liftReason: "The claim was settled.", by: admin)
        #expect(lifted.holdReason == nil)
        let plan = try store.purgePlan()
        #expect(plan.held.isEmpty)
        #expect(plan.due == [PurgeItem(candidate: horatio, candidateID: try scene.id(horatio), outcome: .notAppointed,
                                       closedOn: RetentionFixture.day("2026-03-20"), dueOn: RetentionFixture.day("2026-09-20"),
                                       action: .remove)])
        let result = try store.applyPurge(by: admin)
        #expect(result.candidates == 1 && result.vacancies == [RetentionFixture.held])
        #expect(try store.candidate(horatio).fullName == "")
        #expect(try scene.found(["Horatio Heldback-Keep", "NOTE-HELD-9901"]) == [])
        #expect(try store.verifyAudit().isValid)
        let lift = try store.auditLog(AuditFilter()).last { $0.event.action == "vacancy.hold-lift" }
        #expect(lift?.details?.contains("The claim was settled.") == true)
    }

    @Test("holding again needs a reason; lifting a vacancy that is not held is refused")
    func holdErrors() throws {
        let scene = try PurgeScene()
        #expect(throws: ShortlistError.invalidValue(field: "--reason", value: "", expected: "why the vacancy is held (for example, a pending claim)")) {
            try scene.store.holdVacancy(RetentionFixture.old, reason: "  ", by: admin)
        }
        #expect(throws: ShortlistError.notAllowed(record: RetentionFixture.open, reason: "it is not held", remedy: "Nothing to lift.")) {
            try scene.store.holdVacancy(RetentionFixture.open, reason: nil, by: admin)
        }
        // Holding the due vacancy takes it out of the plan.
        try scene.store.holdVacancy(RetentionFixture.old, reason: "Subject access request in progress", by: RetentionFixture.manager)
        #expect(try scene.store.purgePlan().due == [])
        #expect(try scene.store.purgePlan().held.map(\.vacancy) == [RetentionFixture.held, RetentionFixture.old])
    }

    @Test("the retention period decides what is due", arguments: [
        (4, ["OLD-2026-01/1 2026-08-15 reduce", "OLD-2026-01/2 2026-08-15 remove", "OLD-2026-01/3 2026-08-15 remove",
             "REC-2026-02/1 2026-10-20 reduce", "REC-2026-02/2 2026-10-20 remove"], [RetentionFixture.held]),
        (nil, ["OLD-2026-01/1 2026-10-15 reduce", "OLD-2026-01/2 2026-10-15 remove", "OLD-2026-01/3 2026-10-15 remove"], [RetentionFixture.held]),
        (8, [], [RetentionFixture.held]),
        (9, [], []),
    ] as [(Int?, [String], [String])])
    func retentionPeriod(months: Int?, due: [String], held: [String]) throws {
        let scene = try PurgeScene()
        if let months { try scene.store.setRetentionMonths(months, by: admin) }
        let months = months ?? 6
        #expect(try scene.store.retentionMonths() == months)
        let plan = try scene.store.purgePlan()
        #expect(plan.retentionMonths == months)
        #expect(plan.due.map { "\($0.candidate) \($0.dueOn.iso) \($0.action.rawValue)" } == due)
        #expect(plan.held.map(\.vacancy) == held)
        #expect(try scene.store.verifyAudit().isValid)
    }

    @Test("setting the retention period back to the default keeps the audit trail verifiable")
    func retentionBackToDefault() throws {
        let scene = try PurgeScene()
        try scene.store.setRetentionMonths(4, by: admin)
        try scene.store.setRetentionMonths(6, by: admin)
        #expect(try scene.store.retentionMonths() == 6)
        #expect(try scene.store.purgePlan().due.count == 3)
        let verification = try scene.store.verifyAudit()
        #expect(verification.brokenEvent == nil)
        #expect(verification.recordProblems == [])
    }

    @Test("the retention period is from 1 to 120 months, and only an admin changes it")
    func retentionErrors() throws {
        let scene = try PurgeScene()
        for months in [0, 121] {
            #expect(throws: ShortlistError.invalidValue(field: "--months", value: String(months), expected: "a number of months from 1 to 120")) {
                try scene.store.setRetentionMonths(months, by: admin)
            }
        }
        #expect(throws: ShortlistError.roleRequired(actor: RetentionFixture.searcher, roles: ["admin"], operation: "change settings")) {
            try scene.store.setRetentionMonths(3, by: RetentionFixture.searcher)
        }
        #expect(try scene.store.retentionMonths() == 6)
    }

    @Test("only an admin purges; a refused purge or one with nothing due changes nothing")
    func purgeRefusedOrEmpty() throws {
        let scene = try PurgeScene()
        let events = try scene.store.statistics().events
        #expect(throws: ShortlistError.roleRequired(actor: RetentionFixture.manager, roles: ["admin"], operation: "purge personal data")) {
            try scene.store.applyPurge(by: RetentionFixture.manager)
        }
        #expect(try scene.store.candidate(RetentionFixture.notAppointed).fullName == "Ottoline Vexworth-Purge")
        #expect(try scene.store.statistics().events == events)

        _ = try scene.store.applyPurge(by: admin)
        let after = try scene.store.statistics().events
        #expect(try scene.store.applyPurge(by: admin) == PurgeResult())
        #expect(try scene.store.statistics().events == after)
    }
}

/// Plain SQL on the database file, as another program would write it: no triggers, no foreign keys.
enum PurgeTampering {
    static func run(_ path: String, _ sql: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete")
            try db.execute(sql: sql)
        }
        try queue.close()
    }
}
