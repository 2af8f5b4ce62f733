import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// Answers from memory, one a line; nil once they run out.
private struct ScriptedAnswers: AnswerSource {
    var lines: [String]
    var echoesAnswers: Bool
    var read = 0

    init(_ lines: [String], echo: Bool = true) {
        self.lines = lines
        echoesAnswers = echo
    }

    mutating func nextLine() -> String? {
        guard read < lines.count else { return nil }
        defer { read += 1 }
        return lines[read]
    }
}

/// The outcome prompt, as every query shows it.
private let outcomePrompt = "Outcome: [0] no results, [N] nothing relevant, [F] findings, [X] could not complete, [S] skip for now, [Q] quit "

/// Runs a guided search as Sam Searcher and returns what it did, what it wrote, and how many answers it read.
private func run(_ store: Store, _ scope: GuidedSearch.Scope, _ answers: [String], echo: Bool = true,
                 actor: String = "Sam Searcher") throws -> (summary: GuidedSearch.Summary, output: String, read: Int) {
    var input = ScriptedAnswers(answers, echo: echo)
    var output = ""
    let summary = try GuidedSearch(store: store, actor: actor, scope: scope).run(input: &input, out: &output)
    return (summary, output, input.read)
}

/// The lines of `output` that start a query: "Query N of M for REF (step KEY); ...", without the step.
private func stepLines(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.hasPrefix("Query ") }.map { String($0.replacing(#/ \(step [a-z-]+\)/#, with: "")) }
}

private func guidedStore(in folder: TemporaryFolder) throws -> Store {
    try SearchScenario.buildForGuidedRun(at: folder.path("shortlist.sqlite"), fixtures: fixtureURL(""))
}

@Suite("Guided search: one query at a time, every answer saved at once")
struct GuidedSearchTests {
    @Test("a whole run records exactly what was answered, including a finding recorded mid-run")
    func wholeRun() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let (summary, output, read) = try run(store, .candidate(candidateRef(1)), SearchScenario.guidedAnswers)
        #expect(read == SearchScenario.guidedAnswers.count)
        try GoldenFile.expect(output, matches: "guided/run-candidate-1.txt")

        let history = try store.searchHistory(candidateRef(1))
        #expect(summary == GuidedSearch.Summary(entries: history.map(\.id), findings: [findingRef(1, 1)], skipped: 0, remaining: 0,
                                                stoppedEarly: false))
        #expect(history.map { "\($0.stepKey) \($0.outcome.rawValue)" } == [
            "web-name no-results", "web-name-employer nothing-relevant", "web-name-employer findings", "news could-not-complete",
        ])
        #expect(history.map(\.plannedQuery).map(utf8) == [
            "\"Siobhán O'Brien\"", "\"Siobhán O'Brien\" \"Frodsham Leisure Centre\"", "\"Siobhán O'Brien\" \"St Mary's RC Primary\"",
            "\"Siobhán O'Brien\"",
        ].map(utf8))
        #expect(history.map(\.queryChanged) == [false, false, false, false])
        #expect(history.map(\.addresses) == [
            ["https://www.google.com/search?q=%22Siobh%C3%A1n%20O%27Brien%22"], ["https://www.frodshamleisure.example/staff"],
            ["https://www.facebook.com/example/posts/1", "https://www.facebook.com/example/posts/2"], [],
        ])
        #expect(history.map(\.note) == ["First page only; no one of that name nearby", "", "Post about a parent at St Mary's",
                                        "The news search failed to load twice"])
        #expect(history.map(\.searcher) == Array(repeating: "Sam Searcher", count: 4))
        #expect(history.map(\.state) == Array(repeating: .current, count: 4))
        #expect(history.map(\.overrides.isEmpty) == [true, true, true, true])
        let runs = try store.read { db in try String?.fetchAll(db, sql: "SELECT run_id FROM search_entry ORDER BY id") }
        #expect(runs.count == 4)
        #expect(Set(runs).count == 1)
        #expect(runs[0]?.count == 36)

        let finding = try store.finding(findingRef(1, 1))
        #expect(finding.entries == [history[2].id])
        #expect(finding.versions.count == 1)
        let version = finding.current
        #expect(version.action == "add")
        #expect(version.recordedBy == "Sam Searcher")
        #expect(version.summary == "Public post criticising a parent by name")
        #expect(version.sources == ["https://www.facebook.com/example/posts/1", "https://www.facebook.com/example/posts/2"])
        #expect(!version.protectedCharacteristic)
        #expect(version.identity == .confirmed)
        #expect(version.identityBasis == "Same photo as on her application; names St Mary's")
        #expect(version.category == "disparaging")
        #expect(version.relevance == "Public criticism of a parent at the school where she worked")
        #expect(version.contentDate == Day(year: 2024, month: 3, day: 14))
        #expect(version.decision == nil)
    }

    @Test("at a terminal the answers are not written back")
    func terminal() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let (_, output, _) = try run(store, .candidate(candidateRef(1)), ["y", "0", "", "", "q"], echo: false)
        #expect(output.contains("for every search in this run? [y/n] \nQuery 1 of 4 for TA-2026-03/1 (step web-name); 0 of 2 candidates complete.\n"))
        #expect(output.contains(outcomePrompt + "Addresses reviewed, one a line (blank line to finish):\nNote (blank for none): Saved entry 1: "
            + "web-name.1 no-results.\n"))
        #expect(output.contains(outcomePrompt + "\nRecorded 1 search and 0 findings.\n"))
    }

    @Test("quitting keeps the answered entries, and the next run starts at the first outstanding query")
    func quitAndResume() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let first = try run(store, .candidate(candidateRef(1)), ["y", "0", "", "", "s", "n", "", "", "q", "0"])
        #expect(first.read == 9)
        #expect(first.summary.entries.count == 2)
        #expect(first.summary.skipped == 1)
        #expect(first.summary.remaining == 2)
        #expect(first.summary.stoppedEarly)
        #expect(stepLines(first.output) == [
            "Query 1 of 4 for TA-2026-03/1; 0 of 2 candidates complete.", "Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
            "Query 3 of 4 for TA-2026-03/1; 0 of 2 candidates complete.", "Query 4 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
        ])
        #expect(first.output.hasSuffix("""
            \(outcomePrompt)q

            Recorded 2 searches and 0 findings; skipped 1.
            2 queries remain; run it again to resume at the first.
            Status of TA-2026-03: 0 of 2 candidates complete.

            """))
        #expect(try store.searchHistory(candidateRef(1)).map(\.stepKey) == ["web-name", "web-name-employer"])
        #expect(try store.searchHistory(candidateRef(1)).map(\.plannedQuery).map(utf8)
            == ["\"Siobhán O'Brien\"", "\"Siobhán O'Brien\" \"St Mary's RC Primary\""].map(utf8))

        // The next run resumes at the skipped query, then the one after the quit.
        let second = try run(store, .candidate(candidateRef(1)), ["y", "0", "", "", "q"])
        #expect(stepLines(second.output) == [
            "Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete.", "Query 4 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
        ])
        #expect(second.output.contains("  Query: \"Siobhán O'Brien\" \"Frodsham Leisure Centre\"\n"))
        #expect(second.summary.remaining == 1)
        let third = try run(store, .candidate(candidateRef(1)), ["y", "n", "", "Checked twice"])
        #expect(stepLines(third.output) == ["Query 4 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
        #expect(third.summary.remaining == 0)
        #expect(!third.summary.stoppedEarly)
        #expect(third.output.hasSuffix("Nothing remains for the candidates of this run.\nStatus of TA-2026-03: 1 of 2 candidates complete.\n"))
        let fourth = try run(store, .candidate(candidateRef(1)), ["y"])
        #expect(fourth.read == 0)
        #expect(fourth.output == """
            Nothing to search: every planned query of TA-2026-03/1 is logged.
            Status of TA-2026-03: 1 of 2 candidates complete.

            """)
    }

    @Test("an answer that is not a key is refused with the valid keys, and the same question is asked again")
    func invalidKey() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let (summary, output, _) = try run(store, .candidate(candidateRef(1)), ["yes please", "Y", "z", "no results", " n ", "", "", "q"])
        #expect(output.contains("""
            Do you confirm you will follow these rules for every search in this run? [y/n] yes please
            'yes please' is not one of the answers: y, yes, n, no.
            Do you confirm you will follow these rules for every search in this run? [y/n] Y

            """))
        #expect(output.contains("""
            \(outcomePrompt)z
            'z' is not one of the answers: 0, n, f, x, s, q.
            \(outcomePrompt)no results
            'no results' is not one of the answers: 0, n, f, x, s, q.
            \(outcomePrompt) n 
            Addresses reviewed, one a line (blank line to finish):

            """))
        #expect(stepLines(output).count == 2)
        #expect(summary.entries.count == 1)
        #expect(try store.searchHistory(candidateRef(1)).map(\.outcome) == [.nothingRelevant])
    }

    @Test("a rule failure offers override, skip or stop; an override's reason is recorded on each entry of that candidate")
    func ruleFailure() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let reason = "Told by phone on 12 November; the letter is late"
        let overridden = try run(store, .candidate(candidateRef(2)), ["y", "o", "", reason, "0", "", "", "n", "", "Namesakes only"])
        #expect(overridden.output.contains("""
            Do you confirm you will follow these rules for every search in this run? [y/n] y

            TA-2026-03/2: the candidate has not been told that online searches may be done. Record it first: \
            `shortlist candidate notify TA-2026-03/2 --via email`.
            Override with a recorded reason [o], skip this candidate [s] or stop [q]? o
            Why is the rule overridden? (recorded and shown in audits) 
            An answer is needed.
            Why is the rule overridden? (recorded and shown in audits) \(reason)

            Query 1 of 2 for TA-2026-03/2 (step web-name); 0 of 2 candidates complete.

            """))
        #expect(overridden.output.contains("Note: Overridden: not-told. The reason is recorded and appears in audits.\nSaved entry 1: web-name.1 no-results.\n"))
        let history = try store.searchHistory(candidateRef(2))
        #expect(history.map(\.stepKey) == ["web-name", "news"])
        #expect(history.map { $0.overrides.map(\.rule) } == [[.notTold], [.notTold]])
        #expect(history.map { $0.overrides.map(\.reason) } == [[reason], [reason]])
        #expect(overridden.summary.remaining == 0)

        // Skipping the candidate, or stopping, records nothing.
        let other = try TemporaryFolder()
        let fresh = try guidedStore(in: other)
        let skipped = try run(fresh, .candidate(candidateRef(2)), ["y", "s"])
        #expect(skipped.summary.entries.isEmpty)
        #expect(skipped.summary.remaining == 2)
        #expect(!skipped.summary.stoppedEarly)
        #expect(skipped.output.hasSuffix("[o], skip this candidate [s] or stop [q]? s\n\nRecorded 0 searches and 0 findings.\n"
            + "2 queries remain; run it again to resume at the first.\nStatus of TA-2026-03: 0 of 2 candidates complete.\n"))
        let stopped = try run(fresh, .candidate(candidateRef(2)), ["y", "q"])
        #expect(stopped.summary.stoppedEarly)
        #expect(stopped.summary.entries.isEmpty)
        let wrong = try run(fresh, .candidate(candidateRef(2)), ["y", "override", "q"])
        #expect(wrong.output.contains("'override' is not one of the answers: o, s, q.\nOverride with a recorded reason [o]"))
        #expect(try count(fresh, "search_entry") == 0)
    }

    @Test("when input ends early, what was answered is kept and the run says what remains")
    func inputEndsEarly() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        // The second outcome is given, then input ends in the list of addresses: that entry is saved without them.
        let (summary, output, read) = try run(store, .candidate(candidateRef(1)), ["y", "0", "https://a.example", "", "", "n",
                                                                                     "https://b.example"])
        #expect(read == 7)
        #expect(summary.entries.count == 2)
        #expect(summary.stoppedEarly)
        #expect(summary.remaining == 2)
        let history = try store.searchHistory(candidateRef(1))
        #expect(history.map(\.outcome) == [.noResults, .nothingRelevant])
        #expect(history[0].addresses == ["https://a.example"])
        #expect(history[1].addresses == ["https://b.example"])
        #expect(history.map(\.note) == ["", ""])
        #expect(output.hasSuffix("""
            \(outcomePrompt)n
            Addresses reviewed, one a line (blank line to finish):
            https://b.example
            Saved entry 2: web-name-employer.1 nothing-relevant.

            Input ended; every answer given is saved.
            Recorded 2 searches and 0 findings.
            2 queries remain; run it again to resume at the first.
            Status of TA-2026-03: 0 of 2 candidates complete.

            """))

        // Input ending at an outcome question saves nothing more.
        let again = try run(store, .candidate(candidateRef(1)), ["y"])
        #expect(again.summary.entries.isEmpty)
        #expect(again.summary.stoppedEarly)
        #expect(again.output.hasSuffix("\(outcomePrompt)\n\nInput ended; every answer given is saved.\nRecorded 0 searches and 0 findings.\n"
            + "2 queries remain; run it again to resume at the first.\nStatus of TA-2026-03: 0 of 2 candidates complete.\n"))
        // Input ending while a finding is described: the entry is saved, the finding is not.
        let finding = try run(store, .candidate(candidateRef(1)), ["y", "f", "", "", "", "y", "A summary"])
        #expect(finding.summary.entries.count == 1)
        #expect(finding.summary.findings.isEmpty)
        #expect(finding.summary.stoppedEarly)
        #expect(try count(store, "finding") == 0)
        #expect(finding.output.contains("Input ended; every answer given is saved."))
        #expect(try store.searchHistory(candidateRef(1)).last?.outcome == .findings)
    }

    @Test("without the public-only confirmation nothing is recorded")
    func noConfirmation() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        for answers in [["n"], ["no", "n"], []] {
            let (summary, output, _) = try run(store, .candidate(candidateRef(1)), answers)
            #expect(summary.entries.isEmpty)
            #expect(summary.stoppedEarly)
            #expect(output.hasSuffix("Nothing was recorded: a search can be logged only with that confirmation.\n"))
        }
        #expect(try count(store, "search_entry") == 0)
    }

    @Test("a vacancy run goes through each candidate who owes searches, skipping excluded, withdrawn and finished ones")
    func vacancyRun() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Łukasz Nowak"), by: "Sam Searcher")
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Nguyễn Thị Minh"), by: "Sam Searcher")
        try store.notifyCandidate(candidateRef(3), on: nil, via: .email, by: "Sam Searcher")
        try store.withdrawCandidate(candidateRef(4), on: nil, reason: "", by: "Sam Searcher")
        _ = try store.decideSearch("TA-2026-03", .some, reason: "Internal candidate", excluded: [2], by: "Priya Shah")
        // Candidate 1: four queries; 2 is excluded, 4 withdrew; 3 owes two.
        let (summary, output, _) = try run(store, .vacancy("TA-2026-03"),
                                           ["y", "0", "", "", "0", "", "", "0", "", "", "0", "", "", "0", "", "", "s"])
        #expect(stepLines(output) == [
            "Query 1 of 4 for TA-2026-03/1; 2 of 4 candidates complete.", "Query 2 of 4 for TA-2026-03/1; 2 of 4 candidates complete.",
            "Query 3 of 4 for TA-2026-03/1; 2 of 4 candidates complete.", "Query 4 of 4 for TA-2026-03/1; 2 of 4 candidates complete.",
            "Query 1 of 2 for TA-2026-03/3; 3 of 4 candidates complete.", "Query 2 of 2 for TA-2026-03/3; 3 of 4 candidates complete.",
        ])
        #expect(summary.entries.count == 5)
        #expect(summary.skipped == 1)
        #expect(summary.remaining == 1)
        #expect(try store.searchHistory(candidateRef(2)).isEmpty)
        #expect(try store.searchHistory(candidateRef(4)).isEmpty)
    }

    @Test("a wrong category is asked again; a content date that cannot be read or is in the future asks that date again, nothing else")
    func findingFieldsAskedAgain() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let answers = ["y", "f", "", "", "",
                       "y", "A post about a parent", "n", "p", "gambling", "disparaging", "Criticises a parent", "31/12/2027", "June 2023",
                       "14/03/2024",
                       "q"]
        let (summary, output, read) = try run(store, .candidate(candidateRef(1)), answers)
        #expect(read == answers.count)
        #expect(output.contains("'gambling' is not one of the answers: violence, hate-extremism, sexual-content, drugs-alcohol, "
            + "criminal-activity, children, bullying-harassment, disparaging, confidentiality, application-inconsistency, "
            + "undeclared-employment, other.\n"))
        #expect(output.contains(" 31/12/2027\nThe content date 31 December 2027 is in the future; give the date the content was posted.\n"
            + "Date of the content (such as 14/03/2024 or 14 March 2024; blank if unknown): June 2023\ncontent date: 'June 2023' is not"))
        // Only the date was asked again: one summary, three date questions.
        #expect(output.components(separatedBy: "Neutral, factual summary:").count == 2)
        #expect(output.components(separatedBy: "Date of the content").count == 4)
        #expect(output.contains("Saved finding TA-2026-03/1/F1.\n"))
        #expect(summary.findings == [findingRef(1, 1)])
        let finding = try store.finding(findingRef(1, 1))
        #expect(finding.versions.count == 1)
        #expect(finding.current.summary == "A post about a parent")
        #expect(!finding.current.protectedCharacteristic)
        #expect(finding.current.category == "disparaging")
        #expect(finding.current.identity == .probable)
        #expect(finding.current.contentDate == Day(year: 2024, month: 3, day: 14))
        // Declining to record it now says how to record it later.
        let later = try run(store, .candidate(candidateRef(1)), ["y", "f", "", "", "", "n", "q"])
        #expect(later.output.contains("Record the finding now? [y/n] n\nRecord it later with `shortlist finding add TA-2026-03/1 --entry 2`.\n"))
        #expect(later.summary.findings.isEmpty)
    }

    @Test("with findings, the run offers to keep evidence: a path that is not a file is asked again, and the file is kept hashed")
    func evidenceOffered() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        let screenshot = try folder.write("post.png", Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
        let missing = folder.path("no-such-file.png")
        let (summary, output, _) = try run(store, .candidate(candidateRef(1)), ["y", "F", "https://x.example/post", "", missing, screenshot, "",
                                                                              "A note", "n", "q"])
        #expect(output.contains("Evidence to keep (a screenshot's path), one a line (blank line to finish):\n\(missing)\n"
            + "\(missing): no readable file there; give its full path, or a blank line to finish.\n\(screenshot)\n\nNote (blank for none): A note\n"))
        #expect(summary.entries.count == 1)
        let entry = try #require(try store.searchHistory(candidateRef(1)).first)
        #expect(entry.outcome == .findings)
        #expect(entry.evidence.map(\.name) == ["post.png"])
    }

    @Test("a guided run needs a searcher, and refuses a candidate the search decision excludes")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let store = try guidedStore(in: folder)
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["searcher"], operation: "log a search")) {
            try run(store, .candidate(candidateRef(1)), ["y", "n"], actor: "Priya Shah")
        }
        #expect(throws: ShortlistError.unknownCandidate(reference: "TA-2026-03/9")) {
            try run(store, .candidate(candidateRef(9)), ["y"])
        }
        _ = try store.decideSearch("TA-2026-03", .some, reason: "Internal candidate", excluded: [1], by: "Priya Shah")
        #expect(throws: ShortlistError.notAllowed(
            record: "TA-2026-03/1", reason: "the vacancy's search decision is that this candidate is not searched (Internal candidate)",
            remedy: "Change the decision first: `shortlist vacancy search-decision TA-2026-03 --search all`.")) {
            try run(store, .candidate(candidateRef(1)), ["y", "n"])
        }
        #expect(try count(store, "search_entry") == 0)
    }
}
