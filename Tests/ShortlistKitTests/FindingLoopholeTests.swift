import Foundation
import Testing
@testable import ShortlistKit

/// A store with the "Short check" protocol (web-name, web-name-employer, news) and Zoë Ødegaard
/// (TA-2026-03/1, no employer: two queries), told of searches; web-name logged with no results.
private func shortCheckStore(in folder: TemporaryFolder) throws -> Store {
    let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol")
    try addShortlisted(store, "Zoë Ødegaard")
    try logQuery(store, candidateRef(1), "web-name", .noResults)
    return store
}

/// A finding draft of entry `entry` that passes every check.
private func finding(_ entry: Int64, protected: Bool = false) -> FindingDraft {
    var draft = FindingDraft(entries: [entry], summary: "Public posts about a community she belongs to", identity: .probable)
    draft.protectedCharacteristic = protected
    if !protected {
        draft.category = "other"
        draft.relevance = "Bears on conduct"
    }
    return draft
}

/// Every panel-facing text of candidate 1: the dossier and the pack (index and dossiers).
private func panelTexts(_ store: Store) throws -> String {
    var texts: [String] = []
    let templates = try TemplateSet.load()
    try store.dossier(candidateRef(1), templates: templates, by: "Priya Shah") { (document) throws(ShortlistError) in texts.append(document.text) }
    try store.pack("TA-2026-03", templates: templates, by: "Priya Shah") { (documents) throws(ShortlistError) in
        texts += documents.map(\.text)
    }
    return texts.joined(separator: "\n")
}

@Suite("Rules that cannot be walked around: findings to record, the protected-characteristic mark, follow-ups")
struct FindingLoopholeTests {
    @Test("a search logged with findings and no finding recorded is outstanding in status, dossier and report until a finding cites it")
    func findingsToRecord() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        let progress = try store.searchProgress(candidate: candidateRef(1)).progress
        #expect(progress.doneQueries == progress.plannedQueries)
        #expect(progress.outstanding == ["findings to record: news.1"])
        #expect(!progress.isComplete)
        #expect(!StatusReport(try store.searchProgress(vacancy: "TA-2026-03"), today: testToday).isComplete)
        let dossier = try panelTexts(store)
        #expect(dossier.contains("**DRAFT: the checks for this candidate are not complete.** Still outstanding:\n\n- findings to record: news.1\n"))
        let report = try store.complianceReport(.vacancy("TA-2026-03"), by: admin)
        #expect(report.exceptions.map { "\($0.candidate) \($0.kind) \($0.detail)" } == ["TA-2026-03/1 unrecorded-finding news.1"])
        #expect(report.vacancies[0].candidates[0].compliant == false)
        #expect(report.vacancies[0].candidates[0].complete_before_interview == false)

        // A finding that cites the entry takes it off the list; deciding it completes the record.
        let recorded = try store.addFinding(to: candidateRef(1), finding(news.id), by: "Sam Searcher")
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.outstanding == ["1 finding awaiting decision"])
        try store.decideFinding(recorded.reference, .noFurtherAction, reason: "Nothing about conduct", question: "", identityQuestion: "",
                                by: "Priya Shah")
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.isComplete)
        #expect(try store.complianceReport(.vacancy("TA-2026-03"), by: admin).exceptions.isEmpty)
    }

    @Test("an entry with findings corrected to another outcome is no longer outstanding")
    func findingsCorrected() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        try logQuery(store, candidateRef(1), "news", .findings)
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.outstanding == ["findings to record: news.1"])
        try logQuery(store, candidateRef(1), "news", .nothingRelevant) { $0.note = "Logged as findings by mistake: a namesake" }
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.isComplete)
    }

    @Test("removing the protected-characteristic mark needs a reason, keeps its maker from deciding, and is a governors' exception")
    func protectedMarkRemoval() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        try store.addStaff(name: "Rhea Patel", roles: [.recruitingManager], by: admin)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        let protected = try store.addFinding(to: candidateRef(1), finding(news.id, protected: true), by: "Sam Searcher").reference
        let before = try count(store, "audit_event")

        // The loophole as found: unmark with a category and relevance but no reason.
        var unmark = FindingCorrection()
        unmark.protectedCharacteristic = false
        unmark.category = "other"
        unmark.relevance = "x"
        let refused = errorThrown { try store.updateFinding(protected, unmark, by: "Priya Shah") }
        #expect(refused == .missingValues(record: "TA-2026-03/1/F1", fields: ["--reason"], hints: [
            "why it is not about a protected characteristic after all: removing the mark is reported to governors, and someone else must then decide the finding",
        ]))
        #expect(refused?.exitCode == 64)
        #expect(try count(store, "audit_event") == before)
        #expect(try store.finding(protected).versions.count == 1)

        unmark.reason = "Marked in error: the posts are about a sports club"
        try store.updateFinding(protected, unmark, by: "Priya Shah")
        let unmarked = try store.finding(protected)
        #expect(unmarked.current.correctionReason == "Marked in error: the posts are about a sports club")
        #expect(unmarked.markRemovals.map(\.recordedBy) == ["Priya Shah"])

        // The one who removed the mark may not decide it, in any way.
        for decision in FindingDecision.allCases {
            let refusal = errorThrown {
                try store.decideFinding(protected, decision, reason: "r", question: "Can you tell us about the club?", identityQuestion: "",
                                        by: "Priya Shah")
            }
            #expect(refusal == .notAllowed(
                record: "TA-2026-03/1/F1", reason: "you removed its protected-characteristic mark (version 2), so you may not also decide it",
                remedy: "Another recruiting manager must decide it, so that a second person reviews it before anything can reach the panel."))
        }
        #expect(!(try panelTexts(store)).contains("Public posts about a community"))

        // A second person may; then it reaches the panel, and the governors see who removed the mark and why.
        try store.decideFinding(protected, .raise, reason: "", question: "Can you tell us about the club?", identityQuestion: "",
                                by: "Rhea Patel")
        #expect(try panelTexts(store).contains("Public posts about a community she belongs to"))
        let report = try store.complianceReport(.vacancy("TA-2026-03"), by: admin)
        #expect(report.exceptions.map { "\($0.kind) \($0.detail)" } == [
            "protected-mark-removed TA-2026-03/1/F1 version 2, by Priya Shah on 20 November 2026: Marked in error: the posts are about a sports club",
        ])
        #expect(report.exception_kinds.first { $0.kind == "protected-mark-removed" }?.count == 1)
        #expect(try store.verifyAudit().isValid)
    }

    @Test("further checks or a remaining concern are outstanding until the follow-up is recorded")
    func followUp() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        let raised = try store.addFinding(to: candidateRef(1), finding(news.id), by: "Sam Searcher").reference
        try store.decideFinding(raised, .raise, reason: "", question: "Can you tell us about these posts?", identityQuestion: "", by: "Priya Shah")
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F1", reason: "no conclusion is recorded yet",
                                                  remedy: "A follow-up is recorded after `shortlist finding respond TA-2026-03/1/F1 --conclusion further-checks|concern-remains`.")) {
            try store.recordFollowUp(raised, note: "Checked", by: "Priya Shah")
        }
        try store.respondToFinding(raised, response: "She explained them.", conclusion: .furtherChecks, detail: "Ask the referee",
                                   by: "Tom Ellis")
        var progress = try store.searchProgress(candidate: candidateRef(1)).progress
        #expect(progress.findings == [.awaitingFollowUp])
        #expect(progress.outstanding == ["1 finding awaiting follow-up"])
        #expect(try store.complianceReport(.vacancy("TA-2026-03"), by: admin).exceptions.map(\.kind) == ["awaiting-follow-up"])
        #expect(throws: ShortlistError.invalidValue(field: "--note", value: "",
                                                    expected: "what was done: the checks made and their result, or what happened next")) {
            try store.recordFollowUp(raised, note: "  ", by: "Priya Shah")
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Sam Searcher", roles: ["panel", "recruiting-manager"],
                                                    operation: "record the follow-up of a finding")) {
            try store.recordFollowUp(raised, note: "Checked", by: "Sam Searcher")
        }

        let followed = try store.recordFollowUp(raised, note: "The referee confirmed good conduct.", by: "Priya Shah")
        #expect(followed.versions.map(\.action) == ["add", "decide", "respond", "respond"])
        #expect(followed.current.followUp == "The referee confirmed good conduct.")
        #expect(followed.current.response == "She explained them.")
        progress = try store.searchProgress(candidate: candidateRef(1)).progress
        #expect(progress.findings == [.responded])
        #expect(progress.isComplete)
        #expect(try storedEvents(store).last?.event.action == "finding.follow-up")
        #expect(try panelTexts(store).contains("- Follow-up: The referee confirmed good conduct.\n"))

        // A satisfied panel has nothing to follow up.
        let second = try store.addFinding(to: candidateRef(1), finding(news.id), by: "Sam Searcher").reference
        try store.decideFinding(second, .raise, reason: "", question: "Anything to add?", identityQuestion: "", by: "Priya Shah")
        try store.respondToFinding(second, response: "No.", conclusion: .satisfied, detail: "", by: "Tom Ellis")
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F2", reason: "the panel was satisfied, so nothing follows up",
                                                  remedy: "A follow-up is recorded after `shortlist finding respond TA-2026-03/1/F2 --conclusion further-checks|concern-remains`.")) {
            try store.recordFollowUp(second, note: "Checked", by: "Priya Shah")
        }
    }

    @Test("a candidate who withdrew before any search is no exception and does not lower the vacancy's compliance")
    func withdrawnBeforeSearching() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        try logQuery(store, candidateRef(1), "news", .noResults)
        try addShortlisted(store, "Siobhán O'Brien", told: nil)
        try store.withdrawCandidate(candidateRef(2), on: nil, reason: "Took another post", by: "Sam Searcher")
        for day in ["2026-11-20T10:00:00Z", "2026-12-05T10:00:00Z"] {  // before and after the interview
            let report = try store.reopened(at: day).complianceReport(.vacancy("TA-2026-03"), by: admin)
            #expect(report.exceptions.isEmpty, "\(day)")
            #expect(report.compliant_count == 2 && report.compliant_share == "100%", "\(day)")
        }
    }

    @Test("a correction of what a decided finding says needs a new decision before it can reach the panel")
    func correctionAfterDecision() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        try store.addStaff(name: "Rhea Patel", roles: [.recruitingManager], by: admin)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        let protected = try store.addFinding(to: candidateRef(1), finding(news.id, protected: true), by: "Sam Searcher").reference
        // The sequence a reviewer found: unmark with harmless words, have a second person raise it, then put the words back.
        var unmark = FindingCorrection()
        unmark.protectedCharacteristic = false
        unmark.summary = "A post about a local football club"
        unmark.category = "other"
        unmark.relevance = "Bears on conduct"
        unmark.reason = "Marked in error"
        try store.updateFinding(protected, unmark, by: "Priya Shah")
        try store.decideFinding(protected, .raise, reason: "", question: "Can you tell us about the club?", identityQuestion: "", by: "Rhea Patel")
        #expect(try panelTexts(store).contains("A post about a local football club"))
        var back = FindingCorrection()
        back.summary = "Public posts about a community she belongs to"
        let corrected = try store.updateFinding(protected, back, by: "Priya Shah")
        #expect(corrected.current.decision == nil && corrected.current.question == "")
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.findings == [.awaitingDecision])
        let panel = try panelTexts(store)
        #expect(!panel.contains("Public posts about a community") && !panel.contains("football club"))
        // A correction that changes nothing the finding says keeps its decision.
        try store.decideFinding(protected, .raise, reason: "", question: "Can you tell us about it?", identityQuestion: "", by: "Rhea Patel")
        var same = FindingCorrection()
        same.summary = "Public posts about a community she belongs to"
        #expect(try store.updateFinding(protected, same, by: "Sam Searcher").current.decision == .raise)
    }

    @Test("withheld, every version of a protected finding loses what it says: category, questions and response too")
    func withheldVersions() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        var draft = finding(news.id)
        draft.category = "hate-extremism"
        let reference = try store.addFinding(to: candidateRef(1), draft, by: "Sam Searcher").reference
        try store.decideFinding(reference, .raise, reason: "", question: "QUESTION-MARKER about the post?", identityQuestion: "", by: "Priya Shah")
        var mark = FindingCorrection()
        mark.protectedCharacteristic = true
        try store.updateFinding(reference, mark, by: "Priya Shah")
        for viewer in [nil, "Priya Shah", "Tom Ellis"] {
            let shown = try store.finding(reference, shownTo: viewer)
            #expect(shown.versions.allSatisfy { $0.category == nil && $0.question == "" && $0.summary == Finding.withheldText }, "\(viewer ?? "nobody")")
        }
        let recorder = try store.finding(reference, shownTo: "Sam Searcher")
        #expect(recorder.versions.map(\.category) == ["hate-extremism", "hate-extremism", nil])
        #expect(recorder.versions[1].question == "QUESTION-MARKER about the post?")
    }

    @Test("a candidate with a finding about a protected characteristic is exported by an admin, not a recruiting manager")
    func exportOfProtected() throws {
        let folder = try TemporaryFolder()
        let store = try shortCheckStore(in: folder)
        let news = try logQuery(store, candidateRef(1), "news", .findings).entry
        try store.addFinding(to: candidateRef(1), finding(news.id, protected: true), by: "Sam Searcher")
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["admin"],
                                                    operation: "export the data of a candidate with a finding about a protected characteristic")) {
            try store.subjectAccessExport(candidateRef(1), by: "Priya Shah")
        }
        #expect(try count(store, "audit_event") == before)
        #expect(try store.subjectAccessExport(candidateRef(1), by: admin).findings.count == 1)
    }
}
