import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The Python that drives the pseudo-terminal (Fixtures/guided/pty-answer.py), if this machine has one.
private let python3 = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

private let asSam = ["SHORTLIST_USER": "Sam Searcher"]
private let outcomePrompt = "Outcome: [0] no results, [N] nothing relevant, [F] findings, [X] could not complete, [S] skip for now, [Q] quit "

/// What the searcher types at each prompt of a whole run of candidate 1: the same answers as
/// `SearchScenario.guidedAnswers`, each sent when its prompt appears (several lines for a list of addresses).
private let terminalSteps: [(String, String)] = [
    ("[y/n] ", "y"),
    ("[Q] quit ", "0"), ("(blank line to finish):", "https://www.google.com/search?q=%22Siobh%C3%A1n%20O%27Brien%22\n"),
    ("Note (blank for none): ", "First page only; no one of that name nearby"),
    ("[Q] quit ", "n"), ("(blank line to finish):", "https://www.frodshamleisure.example/staff\n"), ("Note (blank for none): ", ""),
    ("[Q] quit ", "f"), ("(blank line to finish):", "https://www.facebook.com/example/posts/1\nhttps://www.facebook.com/example/posts/2\n"),
    ("(blank line to finish):", ""),
    ("Note (blank for none): ", "Post about a parent at St Mary's"),
    ("Record the finding now? [y/n] ", "y"), ("Neutral, factual summary: ", "Public post criticising a parent by name"),
    ("sexual orientation)? [y/n] ", "n"), ("[u]nverified? ", "c"),
    ("(photo, location, employer, dates)? ", "Same photo as on her application; names St Mary's"),
    ("undeclared-employment, other): ", "disparaging"),
    ("or to the school? ", "Public criticism of a parent at the school where she worked"),
    ("blank if unknown): ", "14/03/2024"),
    ("[Q] quit ", "x"), ("Why could it not be completed? ", "The news search failed to load twice"), ("(blank line to finish):", ""),
]

private extension Sandbox {
    /// Runs `shortlist ARGUMENTS` on a pseudo-terminal as Sam Searcher, answering each prompt in turn; the
    /// transcript (what the terminal showed, typed answers included) comes back as stdout, with "\r\n" as "\n".
    func runAtTerminal(_ arguments: [String], steps: [(String, String)]) throws -> CommandResult {
        let script: [String: Any] = ["command": [try ShortlistBinary.path()] + arguments, "steps": steps.map { [$0.0, $0.1] }]
        let scriptFile = try write("pty-\(UUID().uuidString).json", try JSONSerialization.data(withJSONObject: script))
        let result = try start([fixtureURL("guided/pty-answer.py").path, scriptFile], executable: python3!, environment: asSam)
            .finish(timeout: 60)
        return CommandResult(status: result.status, signalled: result.signalled,
                             stdout: result.stdout.replacingOccurrences(of: "\r\n", with: "\n"), stderr: result.stderr)
    }

    /// The entries of a candidate as the CLI lists them (CSV rows, header first).
    func history(_ candidate: String) throws -> [[String]] {
        try CSVReader.parse(Data(try succeed(["check", "history", candidate, "--format", "csv"]).utf8)).map(\.fields)
    }
}

/// The lines of `output` that start a query: "Query N of M for REF (step KEY); ...", without the step.
private func stepLines(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.hasPrefix("Query ") }.map { String($0.replacing(#/ \(step [a-z-]+\)/#, with: "")) }
}

/// Checks what a whole run of candidate 1 recorded: the entries and the finding, from the CLI's own listings.
private func expectWholeRunRecorded(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rows = try sandbox.history("TA-2026-03/1")
    // entry, step, state, searcher, outcome, query, addresses, note, overrides
    #expect(rows.map { [$0[0], $0[2], $0[3], $0[5], $0[6], $0[7], $0[10], $0[11], $0[13]] } == [
        ["entry", "step", "state", "searcher", "outcome", "query", "addresses", "note", "overrides"],
        ["1", "web-name", "current", "Sam Searcher", "no-results", "\"Siobhán O'Brien\"",
         "https://www.google.com/search?q=%22Siobh%C3%A1n%20O%27Brien%22", "First page only; no one of that name nearby", ""],
        ["2", "web-name-employer", "current", "Sam Searcher", "nothing-relevant", "\"Siobhán O'Brien\" \"Frodsham Leisure Centre\"",
         "https://www.frodshamleisure.example/staff", "", ""],
        ["3", "web-name-employer", "current", "Sam Searcher", "findings", "\"Siobhán O'Brien\" \"St Mary's RC Primary\"",
         "https://www.facebook.com/example/posts/1; https://www.facebook.com/example/posts/2", "Post about a parent at St Mary's", ""],
        ["4", "news", "current", "Sam Searcher", "could-not-complete", "\"Siobhán O'Brien\"", "", "The news search failed to load twice", ""],
    ], sourceLocation: sourceLocation)
    let finding = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
        "finding", "show", "TA-2026-03/1/F1", "--format", "json",
    ]).utf8)) as? [String: Any], sourceLocation: sourceLocation)
    #expect(finding["entries"] as? [String] == ["3"], sourceLocation: sourceLocation)
    #expect(finding["summary"] as? String == "Public post criticising a parent by name", sourceLocation: sourceLocation)
    #expect(finding["sources"] as? [String] == ["https://www.facebook.com/example/posts/1", "https://www.facebook.com/example/posts/2"],
            sourceLocation: sourceLocation)
    #expect(finding["protected_characteristic"] as? Bool == false, sourceLocation: sourceLocation)
    #expect(finding["identity"] as? String == "confirmed", sourceLocation: sourceLocation)
    #expect(finding["identity_basis"] as? String == "Same photo as on her application; names St Mary's", sourceLocation: sourceLocation)
    #expect(finding["category"] as? String == "disparaging", sourceLocation: sourceLocation)
    #expect(finding["relevance"] as? String == "Public criticism of a parent at the school where she worked", sourceLocation: sourceLocation)
    #expect(finding["content_date"] as? String == "2024-03-14", sourceLocation: sourceLocation)
    #expect(finding["recorded_by"] as? String == "Sam Searcher", sourceLocation: sourceLocation)
    #expect(finding["decision"] is NSNull, sourceLocation: sourceLocation)
}

@Suite("CLI: guided search (check run)")
struct GuidedSearchCLITests {
    @Test("answers piped in, one a line: the transcript matches the golden file and the entries match the answers")
    func piped() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let input = SearchScenario.guidedAnswers.joined(separator: "\n") + "\n"
        let result = try sandbox.run(["check", "run", "TA-2026-03/1"], environment: asSam, stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        try GoldenFile.expect(result.stdout, matches: "guided/run-candidate-1.txt")
        try expectWholeRunRecorded(sandbox)
    }

    @Test("at a terminal: the same run, typed at a pseudo-terminal, shows the same and records the same", .enabled(if: python3 != nil))
    func terminal() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let result = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: terminalSteps)
        #expect(result.status == 0, "\(result)")
        // The terminal echoes what is typed, so the program does not: the screen reads as the piped transcript.
        try GoldenFile.expect(result.stdout, matches: "guided/run-candidate-1.txt")
        try expectWholeRunRecorded(sandbox)
    }

    @Test("quitting at a terminal keeps the answers; the next run starts at the first outstanding query", .enabled(if: python3 != nil))
    func quitAndResume() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let first = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: [
            ("[y/n] ", "y"), ("[Q] quit ", "s"), ("[Q] quit ", "0"), ("(blank line to finish):", "https://a.example\n"),
            ("Note (blank for none): ", "Checked"), ("[Q] quit ", "q"),
        ])
        #expect(first.status == 0, "\(first)")
        #expect(stepLines(first.stdout) == ["Query 1 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
                                            "Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
                                            "Query 3 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
        #expect(first.stdout.hasSuffix("""
            \(outcomePrompt)q

            Recorded 1 search and 0 findings; skipped 1.
            3 queries remain; run it again to resume at the first.
            Status of TA-2026-03: 0 of 2 candidates complete.

            """))
        #expect(try sandbox.history("TA-2026-03/1").dropFirst().map { [$0[0], $0[2], $0[6], $0[10], $0[11]] } == [
            ["1", "web-name-employer", "no-results", "https://a.example", "Checked"],
        ])
        let second = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: [("[y/n] ", "y"), ("[Q] quit ", "Q")])
        #expect(stepLines(second.stdout) == ["Query 1 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
        // Piped, after answering the first, it resumes at the third.
        let third = try sandbox.run(["check", "run", "TA-2026-03/1"], environment: asSam, stdin: Data("y\nn\n\n\nq\n".utf8))
        #expect(stepLines(third.stdout) == ["Query 1 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
                                            "Query 3 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
        #expect(third.stdout.contains("  Query: \"Siobhán O'Brien\" \"St Mary's RC Primary\"\n"))
    }

    @Test("Ctrl-C at a terminal loses nothing already answered, and leaves a sound database", .enabled(if: python3 != nil))
    func interrupted() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let result = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: [
            ("[y/n] ", "y"), ("[Q] quit ", "0"), ("(blank line to finish):", ""), ("Note (blank for none): ", "Before the interrupt"),
            ("[Q] quit ", "^C"),
        ])
        #expect(result.status == 128 + SIGINT, "\(result)")
        #expect(result.stdout.contains("Saved entry 1: web-name.1 no-results.\n"))
        #expect(try sandbox.history("TA-2026-03/1").dropFirst().map { [$0[0], $0[2], $0[11]] } == [["1", "web-name", "Before the interrupt"]])
        let verify = try sandbox.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
        let next = try sandbox.run(["check", "run", "TA-2026-03/1"], environment: asSam, stdin: Data("y\nq\n".utf8))
        #expect(stepLines(next.stdout) == ["Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
    }

    @Test("an invalid key is refused with the valid keys and the same question is asked again", .enabled(if: python3 != nil))
    func invalidKey() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let piped = try sandbox.run(["check", "run", "TA-2026-03/1"], environment: asSam, stdin: Data("y\nz\nN\n\n\nq\n".utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("\(outcomePrompt)z\n'z' is not one of the answers: 0, n, f, x, s, q.\n\(outcomePrompt)N\n"
            + "Addresses reviewed, one a line (blank line to finish):\n"))
        let terminal = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: [
            ("[y/n] ", "maybe"), ("[y/n] ", "y"), ("[Q] quit ", "p"), ("[Q] quit ", "q"),
        ])
        #expect(terminal.stdout.contains("[y/n] maybe\n'maybe' is not one of the answers: y, yes, n, no.\n"
            + "Do you confirm you will follow these rules for every search in this run? [y/n] y\n"))
        #expect(terminal.stdout.contains("\(outcomePrompt)p\n'p' is not one of the answers: 0, n, f, x, s, q.\n\(outcomePrompt)q\n"))
        #expect(stepLines(terminal.stdout) == ["Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete."])
    }

    @Test("a candidate not told: override with a reason records it on each entry; skip and stop record nothing")
    func ruleFailure() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let reason = "Told by phone on 12 November; letter to follow"
        let skipped = try sandbox.run(["check", "run", "TA-2026-03/2"], environment: asSam, stdin: Data("y\ns\n".utf8))
        #expect(skipped.status == 0)
        #expect(skipped.stdout.contains("""

            TA-2026-03/2: the candidate has not been told that online searches may be done. Record it first: \
            `shortlist candidate notify TA-2026-03/2 --via email`.
            Override with a recorded reason [o], skip this candidate [s] or stop [q]? s

            Recorded 0 searches and 0 findings.
            2 queries remain; run it again to resume at the first.

            """))
        let result = try sandbox.run(["check", "run", "TA-2026-03/2"], environment: asSam,
                                     stdin: Data("y\no\n\(reason)\n0\n\n\nn\n\nNamesakes only\n".utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Why is the rule overridden? (recorded and shown in audits) \(reason)\n"))
        #expect(result.stdout.components(separatedBy: "Note: Overridden: not-told. The reason is recorded and appears in audits.\n").count == 3)
        #expect(try sandbox.history("TA-2026-03/2").map { [$0[2], $0[6], $0[11], $0[13]] } == [
            ["step", "outcome", "note", "overrides"],
            ["web-name", "no-results", "", "not-told: \(reason)"],
            ["news", "nothing-relevant", "Namesakes only", "not-told: \(reason)"],
        ])
    }

    @Test("input that ends early keeps what was answered and says what remains")
    func inputEndsEarly() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let result = try sandbox.run(["check", "run", "TA-2026-03/1"], environment: asSam, stdin: Data("y\n0\n\nA note\nn\n".utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.hasSuffix("""
            \(outcomePrompt)n
            Addresses reviewed, one a line (blank line to finish):
            Saved entry 2: web-name-employer.1 nothing-relevant.

            Input ended; every answer given is saved.
            Recorded 2 searches and 0 findings.
            2 queries remain; run it again to resume at the first.
            Status of TA-2026-03: 0 of 2 candidates complete.

            """))
        #expect(try sandbox.history("TA-2026-03/1").dropFirst().map { [$0[2], $0[6], $0[11]] } == [
            ["web-name", "no-results", "A note"], ["web-name-employer", "nothing-relevant", ""],
        ])
    }

    @Test("Ctrl-D at a terminal ends input: the answers so far are kept", .enabled(if: python3 != nil))
    func endOfInputAtTerminal() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let result = try sandbox.runAtTerminal(["check", "run", "TA-2026-03/1"], steps: [
            ("[y/n] ", "y"), ("[Q] quit ", "0"), ("(blank line to finish):", ""), ("Note (blank for none): ", ""), ("[Q] quit ", "^D"),
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("Input ended; every answer given is saved.\nRecorded 1 search and 0 findings.\n"
            + "3 queries remain; run it again to resume at the first.\nStatus of TA-2026-03: 0 of 2 candidates complete.\n"))
        #expect(try sandbox.history("TA-2026-03/1").count == 2)
    }

    @Test("a vacancy run goes from candidate to candidate")
    func vacancyRun() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        let result = try sandbox.run(["check", "run", "--vacancy", "TA-2026-03"], environment: asSam,
                                     stdin: Data("y\ns\ns\ns\ns\no\nUrgent appointment\n0\n\n\nq\n".utf8))
        #expect(result.status == 0, "\(result)")
        #expect(stepLines(result.stdout) == [
            "Query 1 of 4 for TA-2026-03/1; 0 of 2 candidates complete.", "Query 2 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
            "Query 3 of 4 for TA-2026-03/1; 0 of 2 candidates complete.", "Query 4 of 4 for TA-2026-03/1; 0 of 2 candidates complete.",
            "Query 1 of 2 for TA-2026-03/2; 0 of 2 candidates complete.", "Query 2 of 2 for TA-2026-03/2; 0 of 2 candidates complete.",
        ])
        #expect(result.stdout.hasSuffix("Recorded 1 search and 0 findings; skipped 4.\n5 queries remain; run it again to resume at the first.\n"
            + "Status of TA-2026-03: 0 of 2 candidates complete.\n"))
        #expect(try sandbox.history("TA-2026-03/2").dropFirst().map { $0[13] } == ["not-told: Urgent appointment"])
    }

    @Test("check run refuses bad usage, an unknown candidate, and a missing or wrong actor before asking anything")
    func refusals() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForGuidedRun(at: sandbox.database, fixtures: fixtureURL(""))
        for arguments in [["check", "run"], ["check", "run", "TA-2026-03/1", "--vacancy", "TA-2026-03"]] {
            let usage = try sandbox.run(arguments, environment: asSam)
            #expect(usage.status == 64)
            #expect(usage.stdout == "")
            #expect(usage.stderr.hasPrefix("Error: Give a candidate reference or --vacancy, not both.\n"))
            #expect(usage.stderr.contains("Usage: shortlist check run"))
        }
        let unknown = try sandbox.run(["check", "run", "TA-2026-03/9"], environment: asSam, stdin: Data("y\n".utf8))
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr == "error: No candidate TA-2026-03/9; see `shortlist candidate list --vacancy TA-2026-03`.\n")

        let noActor = try sandbox.run(["check", "run", "TA-2026-03/1"], stdin: Data("y\nn\n".utf8))
        #expect(noActor.status == 64)
        #expect(noActor.stderr == "error: This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name.\n")
        let notSearcher = try sandbox.run(["check", "run", "TA-2026-03/1", "--by", "Priya Shah"], stdin: Data("y\nn\n".utf8))
        #expect(notSearcher.status == 1)
        #expect(notSearcher.stderr == "error: Priya Shah cannot log a search: it needs the role searcher. An admin can add it with "
            + "`shortlist staff update \"Priya Shah\" --add-role searcher --by ADMIN`.\n")
        #expect(noActor.stdout == "")
        #expect(notSearcher.stdout == "")
        // With no input at all, the missing actor is not reported and the command succeeds.
        let silent = try sandbox.run(["check", "run", "TA-2026-03/1"])
        #expect(silent.status == 64)
        #expect(try sandbox.history("TA-2026-03/1").count == 1)
    }
}
