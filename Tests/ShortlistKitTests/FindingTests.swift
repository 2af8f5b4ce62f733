import Foundation
import GRDB
import Testing
@testable import ShortlistKit

private let defaultCategories = [
    "violence", "hate-extremism", "sexual-content", "drugs-alcohol", "criminal-activity", "children", "bullying-harassment",
    "disparaging", "confidentiality", "application-inconsistency", "undeclared-employment", "other",
]

/// A store with Siobhán O'Brien (TA-2026-03/1) and one search entry with findings (facebook); returns the entry's id.
private func storeWithEntry(in folder: TemporaryFolder) throws -> (Store, Int64) {
    let store = try makeSearchStore(in: folder)
    let reference = try addSiobhan(store)
    let entry = try logQuery(store, reference, "facebook", .findings) { $0.addresses = ["https://www.facebook.com/example/posts/1"] }
    return (store, entry.entry.id)
}

/// A finding draft that passes every check.
private func draft(_ entry: Int64, _ summary: String, identity: IdentityConfidence = .probable) -> FindingDraft {
    var draft = FindingDraft(entries: [entry], summary: summary, identity: identity)
    draft.sources = ["https://www.facebook.com/example/posts/1"]
    draft.contentDate = Day(year: 2024, month: 3, day: 14)
    draft.category = "disparaging"
    draft.relevance = "Public criticism of a parent at the school where she worked"
    return draft
}

/// The dossier of a candidate and the pack of the vacancy, as the panel would get them.
private func panelTexts(_ store: Store, candidate: CandidateReference) throws -> [String] {
    var texts: [String] = []
    let templates = try TemplateSet.load()
    try store.dossier(candidate, templates: templates, by: "Priya Shah") { (document) throws(ShortlistError) in texts.append(document.text) }
    try store.pack("TA-2026-03", templates: templates, by: "Priya Shah") { (documents) throws(ShortlistError) in
        texts += documents.map(\.text)
    }
    return texts
}

@Suite("Findings: versions, decisions, protected characteristics, categories")
struct FindingTests {
    @Test("a finding goes through add, update, decide and respond, keeping every version with who and when")
    func lifecycle() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        let reference = findingRef(1, 1)
        let added = try store.addFinding(to: candidateRef(1), draft(entry, "  Public post criticising a parent by name  "),
                                         by: "Sam Searcher")
        #expect(added.reference == reference)
        #expect(added.reference.description == "TA-2026-03/1/F1")
        #expect(added.entries == [entry])
        #expect(added.current.summary == "Public post criticising a parent by name")
        #expect(added.status(interviewDate: interviewDay, today: testToday) == .awaitingDecision)
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.outstanding.last == "1 finding awaiting decision")

        var correction = FindingCorrection()
        correction.identity = .confirmed
        correction.identityBasis = "Same photo as on her application"
        correction.relevance = "Public criticism, by name, of a parent at the school where she worked"
        try store.reopened(at: "2026-11-20T11:30:00Z").updateFinding(reference, correction, by: "Sam Searcher")
        let later = try store.reopened(at: "2026-11-23T09:00:00Z")
        try later.decideFinding(reference, .raise, reason: "", question: " Can you tell us about a post you made about a parent in March 2024? ",
                                identityQuestion: "", by: "Priya Shah")
        #expect(try later.finding(reference).status(interviewDate: interviewDay, today: Day(year: 2026, month: 11, day: 23)!) == .raised)
        #expect(try later.searchProgress(candidate: candidateRef(1)).progress.notes == ["1 finding to raise at interview"])

        // The day after the interview, the raised finding awaits its response.
        let afterInterview = try store.reopened(at: "2026-12-01T15:00:00Z")
        let waiting = try afterInterview.searchProgress(candidate: candidateRef(1)).progress
        #expect(waiting.findings == [.awaitingResponse])
        #expect(waiting.outstanding.last == "1 raised finding awaiting response")
        #expect(!waiting.notes.contains("1 finding to raise at interview"))
        try afterInterview.respondToFinding(reference, response: "She wrote it in anger and removed it the next day.",
                                            conclusion: .satisfied, detail: "", by: "Tom Ellis")

        let finding = try store.finding(reference)
        #expect(finding.versions.map(\.version) == [1, 2, 3, 4])
        #expect(finding.versions.map(\.action) == ["add", "update", "decide", "respond"])
        #expect(finding.versions.map(\.recordedBy) == ["Sam Searcher", "Sam Searcher", "Priya Shah", "Tom Ellis"])
        #expect(finding.versions.map(\.recordedAt) == ["2026-11-20T10:00:00Z", "2026-11-20T11:30:00Z", "2026-11-23T09:00:00Z",
                                                       "2026-12-01T15:00:00Z"])
        let (v1, v2, v3, v4) = (finding.versions[0], finding.versions[1], finding.versions[2], finding.versions[3])
        #expect(v1.identity == .probable)
        #expect(v1.identityBasis == "")
        #expect(v1.relevance == "Public criticism of a parent at the school where she worked")
        #expect(v1.decision == nil)
        #expect(v2.identity == .confirmed)
        #expect(v2.identityBasis == "Same photo as on her application")
        #expect(v2.relevance == "Public criticism, by name, of a parent at the school where she worked")
        #expect(v2.summary == v1.summary)
        #expect(v2.sources == ["https://www.facebook.com/example/posts/1"])
        #expect(v2.contentDate == Day(year: 2024, month: 3, day: 14))
        #expect(v2.category == "disparaging")
        #expect(v3.decision == .raise)
        #expect(v3.question == "Can you tell us about a post you made about a parent in March 2024?")
        #expect(v3.decidedBy == "Priya Shah")
        #expect(v3.decidedAt == "2026-11-23T09:00:00Z")
        #expect(v3.response == "")
        #expect(v4.decision == .raise)
        #expect(v4.decidedBy == "Priya Shah")
        #expect(v4.decidedAt == "2026-11-23T09:00:00Z")
        #expect(v4.response == "She wrote it in anger and removed it the next day.")
        #expect(v4.responseBy == "Tom Ellis")
        #expect(v4.responseAt == "2026-12-01T15:00:00Z")
        #expect(v4.conclusion == .satisfied)
        #expect(finding.status(interviewDate: interviewDay, today: Day(year: 2026, month: 12, day: 1)!) == .responded)
        #expect(try afterInterview.searchProgress(candidate: candidateRef(1)).progress.findings == [.responded])

        // Every version is in the table, and each action is an audit event on the finding.
        #expect(try count(store, "finding_version") == 4)
        let events = try storedEvents(store).filter { $0.event.entity == "finding" }
        #expect(events.map(\.event.action) == ["finding.add", "finding.update", "finding.decide", "finding.respond"])
        #expect(events.map(\.event.entityRef) == Array(repeating: "TA-2026-03/1/F1", count: 4))
        #expect(events.map(\.event.actor) == ["Sam Searcher", "Sam Searcher", "Priya Shah", "Tom Ellis"])

        // Once answered, the decision stands.
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F1", reason: "the candidate's response is already recorded",
                                                  remedy: "A decision cannot change after the response.")) {
            try store.decideFinding(reference, .noFurtherAction, reason: "changed mind", question: "", identityQuestion: "", by: "Priya Shah")
        }
    }

    @Test("a response needs a raised finding, what the candidate said, and detail unless satisfied")
    func responses() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        try store.addFinding(to: candidateRef(1), draft(entry, "Post about a parent"), by: "Sam Searcher")
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F1", reason: "it was not raised at interview",
                                                  remedy: "Only a raised finding has a response.")) {
            try store.respondToFinding(findingRef(1, 1), response: "Nothing", conclusion: .satisfied, detail: "", by: "Tom Ellis")
        }
        #expect(throws: ShortlistError.invalidValue(field: "--response", value: "", expected: "what the candidate said")) {
            try store.respondToFinding(findingRef(1, 1), response: " ", conclusion: .satisfied, detail: "", by: "Tom Ellis")
        }
        #expect(throws: ShortlistError.invalidValue(field: "--detail", value: "", expected: "which further checks are needed")) {
            try store.respondToFinding(findingRef(1, 1), response: "Said it was not her", conclusion: .furtherChecks, detail: "", by: "Tom Ellis")
        }
        #expect(throws: ShortlistError.invalidValue(field: "--detail", value: "", expected: "what happens next")) {
            try store.respondToFinding(findingRef(1, 1), response: "Said it was not her", conclusion: .concernRemains, detail: "", by: "Tom Ellis")
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Sam Searcher", roles: ["panel", "recruiting-manager"],
                                                    operation: "record a candidate's response")) {
            try store.respondToFinding(findingRef(1, 1), response: "r", conclusion: .satisfied, detail: "", by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.unknownFinding(reference: "TA-2026-03/1/F9")) {
            try store.finding(findingRef(1, 9))
        }
        #expect(throws: ShortlistError.invalidValue(field: "--reason", value: "", expected: "why the finding is not raised")) {
            try store.decideFinding(findingRef(1, 1), .notTheCandidate, reason: " ", question: "", identityQuestion: "", by: "Priya Shah")
        }
        #expect(try store.finding(findingRef(1, 1)).versions.count == 1)
    }

    @Test("only a recruiting manager decides; the error names the role")
    func decidingRole() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        try store.addFinding(to: candidateRef(1), draft(entry, "Post about a parent"), by: "Sam Searcher")
        for actor in ["Sam Searcher", admin, "Tom Ellis"] {
            let error = errorThrown {
                try store.decideFinding(findingRef(1, 1), .raise, reason: "", question: "Can you tell us about the post?",
                                        identityQuestion: "", by: actor)
            }
            #expect(error == .roleRequired(actor: actor, roles: ["recruiting-manager"], operation: "decide whether a finding is raised"))
            #expect(error?.message == "\(actor) cannot decide whether a finding is raised: it needs the role recruiting-manager. "
                + "An admin can add it with `shortlist staff update \"\(actor)\" --add-role recruiting-manager --by ADMIN`.")
        }
        #expect(try store.finding(findingRef(1, 1)).versions.count == 1)
        // Only searchers record findings; searchers and recruiting managers correct them.
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["searcher"], operation: "record a finding")) {
            try store.addFinding(to: candidateRef(1), draft(entry, "Another"), by: "Priya Shah")
        }
        var correction = FindingCorrection()
        correction.summary = "Post about a parent, by name"
        #expect(try store.updateFinding(findingRef(1, 1), correction, by: "Priya Shah").current.version == 2)
        #expect(throws: ShortlistError.roleRequired(actor: admin, roles: ["searcher", "recruiting-manager"], operation: "correct a finding")) {
            try store.updateFinding(findingRef(1, 1), correction, by: admin)
        }
    }

    @Test("a protected-characteristic finding cannot be raised and reaches no panel-facing output")
    func protectedCharacteristic() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        var protected = draft(entry, "PROTECTED-MARKER a post about her religious festival")
        protected.protectedCharacteristic = true
        protected.category = "other"
        protected.relevance = ""
        let f1 = try store.addFinding(to: candidateRef(1), protected, by: "Sam Searcher")
        #expect(f1.current.protectedCharacteristic)
        #expect(f1.current.category == nil)
        #expect(f1.status(interviewDate: interviewDay, today: testToday) == .protectedCharacteristic)
        let error = errorThrown {
            try store.decideFinding(findingRef(1, 1), .raise, reason: "", question: "Can you tell us about the festival?",
                                    identityQuestion: "", by: "Priya Shah")
        }
        #expect(error == .notAllowed(
            record: "TA-2026-03/1/F1", reason: "it is about a protected characteristic (Equality Act 2010), so it can never be raised",
            remedy: "Record no further action instead: `shortlist finding decide TA-2026-03/1/F1 --decision no-further-action --reason TEXT`."))
        // Deciding no further action is allowed and keeps it out of the panel's view.
        try store.decideFinding(findingRef(1, 1), .noFurtherAction, reason: "Protected characteristic", question: "", identityQuestion: "",
                                by: "Priya Shah")

        // F2 is raised; F3 is raised and then found to be about a protected characteristic.
        try store.addFinding(to: candidateRef(1), draft(entry, "RAISED-MARKER post criticising a parent"), by: "Sam Searcher")
        try store.decideFinding(findingRef(1, 2), .raise, reason: "", question: "QUESTION-MARKER can you tell us about the post?",
                                identityQuestion: "", by: "Priya Shah")
        try store.addFinding(to: candidateRef(1), draft(entry, "PROTECTED2-MARKER comments on a pupil's family"), by: "Sam Searcher")
        try store.decideFinding(findingRef(1, 3), .raise, reason: "", question: "WITHDRAWN-QUESTION-MARKER can you tell us about it?",
                                identityQuestion: "", by: "Priya Shah")
        var correction = FindingCorrection()
        correction.protectedCharacteristic = true
        let f3 = try store.updateFinding(findingRef(1, 3), correction, by: "Priya Shah")
        #expect(f3.current.decision == nil)
        #expect(f3.current.question == "")
        #expect(f3.current.category == nil)
        #expect(f3.versions.map(\.action) == ["add", "decide", "update"])
        #expect(f3.versions[1].decision == .raise)
        #expect(f3.status(interviewDate: interviewDay, today: testToday) == .protectedCharacteristic)

        let candidateID = try store.candidate(candidateRef(1)).id
        let panel = try store.panelFindings(candidates: [candidateID])
        #expect(panel.map(\.reference.description) == ["TA-2026-03/1/F2"])
        #expect(panel.map(\.question) == ["QUESTION-MARKER can you tell us about the post?"])
        #expect(panel.map(\.categoryLabel) == ["Disparaging employers, colleagues, pupils or parents"])
        let texts = try panelTexts(store, candidate: candidateRef(1))
        #expect(texts.count == 3)  // the dossier, then the pack's index and its one dossier
        for text in texts {
            for marker in ["PROTECTED-MARKER", "PROTECTED2-MARKER", "WITHDRAWN-QUESTION-MARKER", "F1", "F3"] {
                #expect(!text.contains(marker), "\(marker) reached a panel document")
            }
        }
        #expect(texts[0].contains("RAISED-MARKER post criticising a parent"))
        #expect(texts[0].contains("QUESTION-MARKER can you tell us about the post?"))
        #expect(texts[1].contains("QUESTION-MARKER can you tell us about the post?"))
        #expect(texts[2] == texts[0])
        // The status counts neither protected finding as outstanding.
        #expect(try store.searchProgress(candidate: candidateRef(1)).progress.findings == [.protectedCharacteristic, .raised, .protectedCharacteristic])
    }

    @Test("marking an answered finding as about a protected characteristic never leaves a conclusion without a decision")
    func protectedAfterResponse() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        try store.addFinding(to: candidateRef(1), draft(entry, "Post about a parent"), by: "Sam Searcher")
        try store.decideFinding(findingRef(1, 1), .raise, reason: "", question: "Can you tell us about the post?", identityQuestion: "",
                                by: "Priya Shah")
        try store.reopened(at: "2026-12-01T15:00:00Z").respondToFinding(findingRef(1, 1), response: "She explained it.",
                                                                        conclusion: .satisfied, detail: "", by: "Tom Ellis")
        var correction = FindingCorrection()
        correction.protectedCharacteristic = true
        // Either a clear refusal, or a consistent new version: both are acceptable; a half-cleared version is not.
        do {
            let updated = try store.updateFinding(findingRef(1, 1), correction, by: "Priya Shah")
            #expect(updated.current.protectedCharacteristic)
            #expect(updated.current.question == "")
            #expect(updated.current.decision == .raise || updated.current.conclusion == nil,
                    "version \(updated.current.version): decision \(String(describing: updated.current.decision)), conclusion \(String(describing: updated.current.conclusion))")
            #expect(updated.current.decision == .raise || updated.current.response == "")
        } catch {
            guard case .notAllowed = error else { Issue.record("not a clear refusal: \(error.message)"); return }
            #expect(try store.finding(findingRef(1, 1)).versions.count == 3)
        }
    }

    @Test("the schema refuses a finding version with a conclusion but no decision")
    func schemaConclusionNeedsDecision() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        try store.addFinding(to: candidateRef(1), draft(entry, "Post about a parent"), by: "Sam Searcher")
        /// A second version, answered, with the given decision columns.
        func answered(decision: String) -> String {
            """
            INSERT INTO finding_version (finding_id, version, action, recorded_at, recorded_by, summary, sources, protected, category,
                identity, relevance, decision, decision_reason, decided_at, response, response_at, conclusion)
            SELECT finding_id, 2, 'respond', recorded_at, recorded_by, summary, sources, 0, category, identity, relevance,
                \(decision), 'An answer', '2026-12-01T15:00:00Z', 'satisfied'
            FROM finding_version WHERE version = 1
            """
        }
        // A conclusion after a "no further action" decision is refused, as the CHECK intends...
        #expect(throws: (any Error).self) {
            try store.queue.write { db in try db.execute(sql: answered(decision: "'no-further-action', 'Old post', recorded_at")) }
        }
        // ...but with no decision at all, CHECK (conclusion IS NULL OR decision = 'raise') is NULL, which SQLite lets through.
        #expect(throws: (any Error).self) {
            try store.queue.write { db in try db.execute(sql: answered(decision: "NULL, '', NULL")) }
        }
    }

    @Test("an unverified finding can be raised only as questions that first confirm identity")
    func unverified() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        try store.addFinding(to: candidateRef(1), draft(entry, "A TikTok video under a similar name", identity: .unverified), by: "Sam Searcher")
        let reference = findingRef(1, 1)
        func decide(question: String, identityQuestion: String) throws {
            try store.decideFinding(reference, .raise, reason: "", question: question, identityQuestion: identityQuestion, by: "Priya Shah")
        }
        #expect(throws: ShortlistError.invalidValue(field: "--question", value: "", expected: "a neutral question for the panel to ask")) {
            try decide(question: "  ", identityQuestion: "Do you have a public TikTok account?")
        }
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F1", reason: "--question is a statement, not a question",
                                                  remedy: "Word it as a neutral, open question ending with '?', so the candidate can respond.")) {
            try decide(question: "You posted a video mocking a pupil.", identityQuestion: "Do you have a public TikTok account?")
        }
        #expect(throws: ShortlistError.notAllowed(
            record: "TA-2026-03/1/F1", reason: "its identity is unverified, so it cannot be raised as a statement about the candidate",
            remedy: "Add --identity-question, asked first, that confirms whether it concerns them (for example: \"Do you have a public profile on this site?\").")) {
            try decide(question: "Can you tell us about a video that mentions a pupil?", identityQuestion: " ")
        }
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1/F1", reason: "--identity-question is a statement, not a question",
                                                  remedy: "Word it as a neutral, open question ending with '?', so the candidate can respond.")) {
            try decide(question: "Can you tell us about a video that mentions a pupil?", identityQuestion: "You have a TikTok account.")
        }
        #expect(try store.finding(reference).versions.count == 1)
        try decide(question: "Can you tell us about a video that mentions a pupil?", identityQuestion: "Do you have a public TikTok account?")
        let panel = try store.panelFindings(candidates: [try store.candidate(candidateRef(1)).id])
        #expect(panel.map(\.identityQuestion) == ["Do you have a public TikTok account?"])
        #expect(panel.map(\.identity) == [.unverified])
        let dossier = try panelTexts(store, candidate: candidateRef(1))[0]
        let first = try #require(dossier.range(of: "First ask, to confirm identity: Do you have a public TikTok account?"))
        let then = try #require(dossier.range(of: "Question: Can you tell us about a video that mentions a pupil?"))
        #expect(first.lowerBound < then.lowerBound)
        // A probable finding needs no identity question.
        try store.addFinding(to: candidateRef(1), draft(entry, "A post under her name"), by: "Sam Searcher")
        try store.decideFinding(findingRef(1, 2), .raise, reason: "", question: "Can you tell us about the post?", identityQuestion: "",
                                by: "Priya Shah")
        #expect(try store.finding(findingRef(1, 2)).current.identityQuestion == "")
    }

    @Test("a finding's content is checked: entries of the candidate, summary, date, identity basis, relevance")
    func contentChecks() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        let other = try addShortlisted(store, "Zoë Ødegaard")
        let othersEntry = try logQuery(store, other, "news", .findings).entry.id
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1", reason: "search entry \(othersEntry) is not one of this candidate's",
                                                  remedy: "See the candidate's entries with `shortlist check history TA-2026-03/1`.")) {
            try store.addFinding(to: candidateRef(1), draft(othersEntry, "Wrong entry"), by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.invalidValue(field: "--entry", value: "",
                                                    expected: "the number of the search entry it came from (see `check history`)")) {
            var none = draft(entry, "No entry")
            none.entries = []
            try store.addFinding(to: candidateRef(1), none, by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.missingValues(record: "new finding for TA-2026-03/1", fields: ["--summary"],
                                                     hints: ["a neutral, factual summary"])) {
            try store.addFinding(to: candidateRef(1), draft(entry, " "), by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.invalidRecord(record: "new finding for TA-2026-03/1", reason: "the content date 2026-11-21 is in the future")) {
            var future = draft(entry, "Tomorrow's post")
            future.contentDate = Day(year: 2026, month: 11, day: 21)
            try store.addFinding(to: candidateRef(1), future, by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.missingValues(record: "new finding for TA-2026-03/1", fields: ["--identity-basis"],
                                                     hints: ["identity is confirmed, so what ties it to the candidate: photo, location, employer, dates"])) {
            try store.addFinding(to: candidateRef(1), draft(entry, "Confirmed without basis", identity: .confirmed), by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.missingValues(record: "new finding for TA-2026-03/1", fields: ["--relevance"],
                                                     hints: ["why it is relevant to working with children or to the school"])) {
            var irrelevant = draft(entry, "No relevance")
            irrelevant.relevance = "  "
            try store.addFinding(to: candidateRef(1), irrelevant, by: "Sam Searcher")
        }
        // Everything missing is named at once, in one message.
        var bare = FindingDraft(entries: [entry], summary: " ", identity: .confirmed)
        bare.category = nil
        let missing = errorThrown { try store.addFinding(to: candidateRef(1), bare, by: "Sam Searcher") }
        #expect(missing?.message == "new finding for TA-2026-03/1: missing --summary, --identity-basis, --category, --relevance. Give "
            + "--summary (a neutral, factual summary), --identity-basis (identity is confirmed, so what ties it to the candidate: photo, "
            + "location, employer, dates), --category (one of " + defaultCategories.joined(separator: ", ")
            + ", or --protected-characteristic), --relevance (why it is relevant to working with children or to the school).")
        #expect(missing?.exitCode == 64)
        #expect(try count(store, "finding") == 0)
        #expect(throws: ShortlistError.invalidValue(field: "finding", value: "TA-2026-03/1",
                                                    expected: "a finding reference such as TA-2026-03/2/F1")) {
            try FindingReference(parsing: "TA-2026-03/1")
        }
        #expect(try FindingReference(parsing: " TA-2026-03/2/f3 ") == findingRef(2, 3))
    }

    @Test("the default categories are there; a school's own category can be added and used; an unknown one is refused")
    func categories() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        let defaults = try store.findingCategories()
        #expect(defaults.map(\.key) == defaultCategories)
        #expect(defaults.map(\.builtIn) == Array(repeating: true, count: 12))
        #expect(defaults.map(\.label) == [
            "Violence or threats", "Hate, discrimination or extremism", "Sexual content", "Drugs or alcohol misuse", "Criminal activity",
            "Inappropriate contact with or comments about children", "Bullying or harassment",
            "Disparaging employers, colleagues, pupils or parents", "Breach of confidentiality",
            "Inconsistency with the application (dates, roles, qualifications)", "Undeclared employment or gap", "Other",
        ])

        var unknown = draft(entry, "Gambling posts")
        unknown.category = "gambling"
        let refusal = errorThrown { try store.addFinding(to: candidateRef(1), unknown, by: "Sam Searcher") }
        #expect(refusal == .invalidValue(field: "--category", value: "gambling",
                                         expected: "one of " + defaultCategories.joined(separator: ", ") + " (or --protected-characteristic)"))
        #expect(refusal?.exitCode == 64)
        unknown.category = nil
        #expect(throws: ShortlistError.missingValues(record: "new finding for TA-2026-03/1", fields: ["--category"],
                                                     hints: ["one of " + defaultCategories.joined(separator: ", ") + ", or --protected-characteristic"])) {
            try store.addFinding(to: candidateRef(1), unknown, by: "Sam Searcher")
        }

        let added = try store.addFindingCategory(key: " Online-Gambling ", label: " Online gambling ", by: "Priya Shah")
        #expect(added == FindingCategory(key: "online-gambling", label: "Online gambling", builtIn: false))
        #expect(try store.findingCategories().map(\.key) == defaultCategories + ["online-gambling"])
        unknown.category = "online-gambling"
        let finding = try store.addFinding(to: candidateRef(1), unknown, by: "Sam Searcher")
        #expect(finding.current.category == "online-gambling")
        #expect(try storedEvents(store).map(\.event.action).contains("finding-category.add"))
        unknown.category = "gambling"
        #expect(throws: ShortlistError.invalidValue(field: "--category", value: "gambling", expected: "one of "
            + (defaultCategories + ["online-gambling"]).joined(separator: ", ") + " (or --protected-characteristic)")) {
            try store.addFinding(to: candidateRef(1), unknown, by: "Sam Searcher")
        }

        #expect(throws: ShortlistError.notAllowed(record: "category online-gambling", reason: "it already exists",
                                                  remedy: "See `shortlist finding categories`.")) {
            try store.addFindingCategory(key: "online-gambling", label: "Again", by: admin)
        }
        #expect(throws: ShortlistError.invalidValue(field: "category key", value: "online gambling",
                                                    expected: "1 to 40 lower-case letters, digits and '-'")) {
            try store.addFindingCategory(key: "Online Gambling", label: "Online gambling", by: admin)
        }
        #expect(throws: ShortlistError.invalidValue(field: "--label", value: "", expected: "the category's name")) {
            try store.addFindingCategory(key: "x", label: " ", by: admin)
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Sam Searcher", roles: ["admin", "recruiting-manager"],
                                                    operation: "add a finding category")) {
            try store.addFindingCategory(key: "x", label: "X", by: "Sam Searcher")
        }
        #expect(try store.findingCategories().count == 13)
    }

    @Test("status lists findings awaiting decision, and raised findings awaiting a response once the interview has passed")
    func statusOfFindings() throws {
        let folder = try TemporaryFolder()
        let (store, entry) = try storeWithEntry(in: folder)
        for summary in ["First post", "Second post", "Third post"] {
            try store.addFinding(to: candidateRef(1), draft(entry, summary), by: "Sam Searcher")
        }
        try store.decideFinding(findingRef(1, 2), .raise, reason: "", question: "Can you tell us about it?", identityQuestion: "", by: "Priya Shah")
        try store.decideFinding(findingRef(1, 3), .raise, reason: "", question: "And this one?", identityQuestion: "", by: "Priya Shah")
        func status(at iso: String) throws -> (outstanding: [String], notes: [String]) {
            let progress = try store.reopened(at: iso).searchProgress(candidate: candidateRef(1)).progress
            return (progress.outstanding.filter { $0.contains("finding") }, progress.notes)
        }
        #expect(try status(at: "2026-11-30T18:00:00Z").outstanding == ["1 finding awaiting decision"])
        #expect(try status(at: "2026-11-30T18:00:00Z").notes == ["2 findings to raise at interview"])
        #expect(try status(at: "2026-12-01T09:00:00Z").outstanding == ["1 finding awaiting decision", "2 raised findings awaiting response"])
        #expect(try status(at: "2026-12-01T09:00:00Z").notes == [])
        var table = ""
        let later = try store.reopened(at: "2026-12-01T09:00:00Z")
        StatusReport(try later.searchProgress(), today: Day(year: 2026, month: 12, day: 1)!, wide: true).write(.table, to: &table)
        #expect(table.contains("15 queries to do; 1 finding awaiting decision; 2 raised findings awaiting response"))
        // finding list's status column agrees.
        var csv = ""
        Listing.findings(try later.findings(vacancy: "TA-2026-03"), today: Day(year: 2026, month: 12, day: 1)!).write(.csv, to: &csv)
        #expect(csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] } == ["awaiting-decision", "awaiting-response",
                                                                                              "awaiting-response"])
    }
}
