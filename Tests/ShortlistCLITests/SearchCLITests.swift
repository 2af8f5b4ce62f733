import Foundation
import GRDB
import Testing
@testable import ShortlistKit

private extension Sandbox {
    /// The database opened with the library at the instant `iso` (SHORTLIST_NOW by default).
    func fixedStore(at iso: String = fixedNow) throws -> Store {
        let instant = Timestamp.parse(iso: iso)!
        return try Store.open(at: database, clock: { instant })
    }

    /// Runs the binary and expects `status`, nothing on stdout, and exactly `stderr`.
    func fail(_ arguments: [String], status: Int32, stderr: String, environment: [String: String] = [:],
              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(arguments, environment: environment)
        #expect(result.status == status && !result.signalled, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == stderr, "\(arguments)", sourceLocation: sourceLocation)
    }
}

private let asSam = ["SHORTLIST_USER": "Sam Searcher"]
private let overrideHint = " To go ahead anyway, add --override REASON: the reason is recorded and appears in audits."

/// The permission bits of a file or folder.
private func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// The rows of a CSV text, each as its fields.
private func csvRows(_ text: String) throws -> [[String]] {
    try CSVReader.parse(Data(text.utf8)).map(\.fields)
}

@Suite("CLI: protocols, the search log, evidence and status")
struct SearchCLITests {
    // MARK: - Protocols

    @Test("protocol import, export and list: a canonical file round-trips; re-importing changes nothing; an edit is version 2")
    func protocolFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("protocol/short-check.protocol", as: "short.protocol")
        try sandbox.copyFixture("protocol/short-check-edited.protocol", as: "edited.protocol")
        let by = ["--by", admin]
        #expect(try sandbox.succeed(["protocol", "import", "short.protocol"] + by) == "Imported Short check v1 (3 steps).\n")
        #expect(try sandbox.succeed(["protocol", "import", "short.protocol"] + by) == "Short check v1 already has these steps; nothing changed.\n")
        #expect(utf8(try sandbox.succeed(["protocol", "export", "Short check"])) == Array(try Data(contentsOf: fixtureURL("protocol/short-check.protocol"))))
        // The default protocol's export imports as itself.
        let standard = try sandbox.succeed(["protocol", "export", "KCSIE standard online search"])
        try sandbox.write("standard.protocol", Data(standard.utf8))
        #expect(try sandbox.succeed(["protocol", "import", "standard.protocol"] + by)
            == "KCSIE standard online search v1 already has these steps; nothing changed.\n")
        #expect(try sandbox.succeed(["protocol", "import", "edited.protocol"] + by) == "Imported Short check v2 (4 steps).\n")
        #expect(try csvRows(try sandbox.succeed(["protocol", "list", "--format", "csv"])).map { Array($0.prefix(4)) } == [
            ["name", "version", "steps", "created"],
            ["KCSIE standard online search", "1", "web-name; web-name-town; web-name-employer; web-other-names; news; facebook; x; "
                + "instagram; tiktok; linkedin; youtube", "2026-09-01T00:00:00Z"],
            ["Short check", "1", "web-name; web-name-employer; news", "2026-11-20T10:00:00Z"],
            ["Short check", "2", "web-name; web-name-employer; news; linkedin", "2026-11-20T10:00:00Z"],
        ])
        #expect(try csvRows(try sandbox.succeed(["protocol", "show", "Short check@1", "--format", "csv"])) == [
            ["position", "key", "label", "kind", "queries", "link"],
            ["1", "web-name", "Search engine: full name", "search-engine", "\"{name}\"", "https://www.google.com/search?q={query}"],
            ["2", "web-name-employer", "Search engine: full name and each employer", "search-engine", "\"{name}\" \"{employer}\"",
             "https://www.google.com/search?q={query}"],
            ["3", "news", "News search: full name", "news", "\"{name}\"", "https://www.google.com/search?tbm=nws&q={query}"],
        ])
        try sandbox.fail(["protocol", "show", "Short check@9"], status: 1, stderr: "error: No search protocol 'Short check@9'; "
            + "see `shortlist protocol list`, or import one with `shortlist protocol import FILE`.\n")
    }

    static let malformed: [(String, String)] = [
        ("bad-unknown-field", "line 7: field 'colour' is not known in a step; use label, kind, query or link"),
        ("bad-kind", "line 11: field 'kind': 'video' is not one of search-engine, news, platform"),
        ("bad-link-without-query", "line 7: field 'link': the address must contain {query}"),
        ("bad-query-without-placeholder", "line 7: field 'query': a query must contain {name} or {other_name}"),
        ("bad-unknown-placeholder", "line 6: field 'query': {surname} is not a placeholder; use {name}, {town}, {employer}, {other_name}"),
        ("bad-duplicate-key", "line 9: step key 'web-name' is used twice"),
        ("bad-missing-label", "line 9: step [news] has no 'label:' line"),
    ]

    @Test("a malformed protocol file is refused with its line and field; nothing is written", arguments: malformed)
    func malformedProtocol(name: String, problem: String) throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("protocol/\(name).protocol", as: "\(name).protocol")
        let before = try sandbox.succeed(["protocol", "list", "--format", "json"])
        try sandbox.fail(["protocol", "import", "\(name).protocol", "--by", admin], status: 1,
                         stderr: "error: \(name).protocol: nothing was imported; fix these rows and import again:\n  \(problem)\n")
        #expect(try sandbox.succeed(["protocol", "list", "--format", "json"]) == before)
    }

    @Test("a vacancy's protocol is fixed once searching begins, unless a reason is given")
    func protocolChange() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForPlan(at: sandbox.database)
        try sandbox.copyFixture("protocol/short-check.protocol", as: "short.protocol")
        try sandbox.succeed(["protocol", "import", "short.protocol", "--by", admin])
        try sandbox.fail(["vacancy", "update", "TA-2026-03", "--protocol", "Short check", "--by", admin], status: 1, stderr: """
            error: TA-2026-03: searches have been logged, so its protocol and look-back period are fixed. To change them anyway, \
            add --reason TEXT: it is recorded, and every candidate then owes the new steps.\n
            """)
        #expect(try sandbox.succeed(["vacancy", "update", "TA-2026-03", "--protocol", "Short check", "--reason",
                                     "Support staff use the short protocol", "--by", admin]) == "TA-2026-03: open\n")
        #expect(try sandbox.succeed(["check", "plan", "TA-2026-03/1"]).contains("\nShort check v1; look back 5 years (to 20 November 2021)\n"))
        #expect(try sandbox.fixedStore().vacancy("TA-2026-03").protocolID == 2)
    }

    // MARK: - Plans and logging

    @Test("check plan prints every query and link; its formats match the library's golden files")
    func plan() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForPlan(at: sandbox.database)
        try GoldenFile.expect(try sandbox.succeed(["check", "plan", "TA-2026-03/1"]), matches: "plan/siobhan.txt")
        try GoldenFile.expect(try sandbox.succeed(["check", "plan", "TA-2026-03/1", "--format", "markdown"]), matches: "plan/siobhan.md")
        try GoldenFile.expect(try sandbox.succeed(["check", "plan", "TA-2026-03/1", "--format", "csv"]), matches: "plan/siobhan.csv")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
            "check", "plan", "TA-2026-03/1", "--format", "json",
        ]).utf8)) as? [[String: Any]])
        #expect(json.count == 16)
        #expect(json.map { $0["address"] as? String } .prefix(3) == ["web-name.1", "web-name-town.1", "web-name-employer.1"])
        #expect(json[4]["link"] as? String
            == "https://www.google.com/search?q=%22Siobh%C3%A1n%20O%27Brien%22%20%22St%20Mary%27s%20RC%20Primary%22&tbs=cdr:1,cd_min:11/20/2021")
        #expect(json[4]["query"] as? String == "\"Siobhán O'Brien\" \"St Mary's RC Primary\"")
        #expect(json[0]["entry"] as? Int == 1)
        #expect(json[1]["entry"] is NSNull)
    }

    @Test("check log: STEP takes the first outstanding query, STEP.N one; errors name what is valid")
    func logAndResolve() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForPlan(at: sandbox.database)
        let log = ["check", "log", "TA-2026-03/1"]
        #expect(try sandbox.succeed(log + ["web-name-employer", "--outcome", "no-results", "--public-only"], environment: asSam)
            == "Logged web-name-employer.1 for TA-2026-03/1: no-results (entry 4). 1 more in web-name-employer.\n")
        #expect(try sandbox.succeed(log + ["web-name-employer", "--outcome", "nothing-relevant", "--public-only"], environment: asSam)
            == "Logged web-name-employer.3 for TA-2026-03/1: nothing-relevant (entry 5).\n")
        try sandbox.fail(log + ["web-name-employer", "--outcome", "no-results", "--public-only"], status: 1, stderr: """
            error: TA-2026-03/1: all 3 queries of web-name-employer are logged. To log one again, name it: web-name-employer.1, \
            web-name-employer.2, web-name-employer.3.\n
            """, environment: asSam)
        try sandbox.fail(log + ["web-name-employer.7", "--outcome", "no-results", "--public-only"], status: 64, stderr: """
            error: step: 'web-name-employer.7' is not valid; expected one of web-name-employer.1, web-name-employer.2, \
            web-name-employer.3.\n
            """, environment: asSam)
        try sandbox.fail(log + ["twitter", "--outcome", "no-results", "--public-only"], status: 64, stderr: """
            error: step: 'twitter' is not valid; expected a step of KCSIE standard online search v1: web-name, web-name-town, \
            web-name-employer, web-other-names, news, facebook, x, instagram, tiktok, linkedin, youtube.\n
            """, environment: asSam)
        try sandbox.fail(log + ["news", "--outcome", "no-results"], status: 64, stderr: """
            error: Nothing was recorded: confirm that you viewed public information only: no login, no account or fake profile, \
            no friend or follow request, no password or username asked for by adding --public-only.\n
            """, environment: asSam)
        try sandbox.fail(log + ["news", "--outcome", "could-not-complete", "--public-only"], status: 64,
                         stderr: "error: --note: '' is not valid; expected why the search could not be completed.\n", environment: asSam)
        try sandbox.fail(log + ["news", "--outcome", "nothing", "--public-only"], status: 64, stderr: """
            error: --outcome: 'nothing' is not valid; expected one of no-results, nothing-relevant, findings, could-not-complete.\n
            """, environment: asSam)
        try sandbox.fail(log + ["news", "--outcome", "no-results", "--public-only"], status: 64, stderr: """
            error: This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name.\n
            """)
        // Addresses, the query used, the time, and a note; a changed query is a warning on stderr.
        let result = try sandbox.run(log + ["news", "--outcome", "nothing-relevant", "--public-only", "--at", "19/11/2026 16:05",
                                            "--query", "\"Siobhan OBrien\" Frodsham", "--address", "https://news.example/1",
                                            "--address", "https://news.example/2", "--note", "Two local stories, not her"],
                                     environment: asSam)
        #expect(result.status == 0)
        #expect(result.stdout == "Logged news.1 for TA-2026-03/1: nothing-relevant (entry 6).\n")
        #expect(result.stderr == "warning: The query used differs from the planned one; both are kept and the change is flagged.\n")
        let entry = try #require(try sandbox.fixedStore().searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 1)).last)
        #expect(entry.searchedAt == "2026-11-19T16:05:00Z")
        #expect(entry.query == "\"Siobhan OBrien\" Frodsham")
        #expect(utf8(entry.plannedQuery) == utf8("\"Siobhán O'Brien\""))
        #expect(entry.addresses == ["https://news.example/1", "https://news.example/2"])
        #expect(entry.note == "Two local stories, not her")
        #expect(try sandbox.fixedStore().searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 1)).count == 6)
    }

    @Test("check log refuses each rule with its message, records an override, and warns of a late search")
    func rulesAndOverrides() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        let zoe = ["check", "log", "TA-2026-03/2", "web-name", "--outcome", "no-results", "--public-only"]
        try sandbox.fail(zoe, status: 1, stderr: "error: TA-2026-03/2: the search cannot be logged: the candidate has not been told that "
            + "online searches may be done. Record it first: `shortlist candidate notify TA-2026-03/2 --via email`.\(overrideHint)\n",
                         environment: asSam)
        try sandbox.fail(["check", "log", "TA-2026-03/1", "web-name", "--outcome", "no-results", "--public-only", "--by", "Tom Ellis"],
                         status: 1, stderr: "error: TA-2026-03/1: the search cannot be logged: Tom Ellis sits on this vacancy's interview "
            + "panel. Ask a searcher who is not on the panel, so the panel sees only what it needs.\(overrideHint)\n")
        try sandbox.fail(["check", "log", "TA-2026-03/4", "web-name", "--outcome", "no-results", "--public-only"], status: 1,
                         stderr: "error: TA-2026-03/4: the search cannot be logged: the candidate has withdrawn. Searches stop when a "
            + "candidate withdraws.\(overrideHint)\n", environment: asSam)
        let result = try sandbox.run(zoe + ["--override", "Told by phone on 12 November; letter to follow"], environment: asSam)
        #expect(result.status == 0)
        #expect(result.stdout == "Logged web-name.1 for TA-2026-03/2: no-results (entry 8).\n")
        #expect(result.stderr == "warning: Overridden: not-told. The reason is recorded and appears in audits.\n")
        let overrides = try sandbox.fixedStore().read { db in try Row.fetchAll(db, sql: "SELECT entry_id, rule, reason FROM search_override ORDER BY entry_id") }
        #expect(overrides.map { "\($0["entry_id"] as Int64) \($0["rule"] as String) \($0["reason"] as String)" } == [
            "5 searcher-on-panel Sam Searcher was on leave; agreed with the head", "8 not-told Told by phone on 12 November; letter to follow",
        ])
        let history = try csvRows(try sandbox.succeed(["check", "history", "TA-2026-03/2", "--format", "csv"]))
        #expect(history[0][13] == "overrides")
        #expect(history[1][13] == "not-told: Told by phone on 12 November; letter to follow")

        // After the interview date, a search is late: a warning, and the flag in the history and the status.
        try sandbox.succeed(["vacancy", "update", "TA-2026-03", "--interview", "2026-11-19", "--by", admin])
        let late = try sandbox.run(["check", "log", "TA-2026-03/2", "news", "--outcome", "no-results", "--public-only", "--override",
                                    "Told by phone on 12 November; letter to follow"], environment: asSam)
        #expect(late.status == 0)
        #expect(late.stderr == "warning: This search is after the interview date (19 November 2026); it is recorded as late.\n"
            + "warning: Overridden: not-told. The reason is recorded and appears in audits.\n")
        #expect(try csvRows(try sandbox.succeed(["check", "history", "TA-2026-03/2", "--format", "csv"])).map { $0[12] } == ["late", "false", "true"])
        let zoe2 = try #require(try sandbox.succeed(["status"]).split(separator: "\n").first { $0.hasPrefix("TA-2026-03/2") })
        #expect(zoe2.hasPrefix("TA-2026-03/2  Zoë Ødegaard     no    0  -  0  2/2   not told of searches  "))
        #expect(zoe2.hasSuffix("  2 overrides; 1 late"))

        // Closing the vacancy stops searches.
        try sandbox.succeed(["vacancy", "close", "TA-2026-03", "--by", admin])
        try sandbox.fail(["check", "log", "TA-2026-03/3", "news", "--outcome", "no-results", "--public-only"], status: 1,
                         stderr: "error: TA-2026-03/3: the search cannot be logged: the vacancy is closed. Searches stop when a vacancy "
            + "closes.\(overrideHint)\n", environment: asSam)
    }

    @Test("logging again supersedes; a withdrawn entry stays in the history and its query is owed again")
    func historyAndWithdraw() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForPlan(at: sandbox.database)
        try sandbox.succeed(["check", "log", "TA-2026-03/1", "web-name", "--outcome", "nothing-relevant", "--public-only", "--note",
                             "A namesake in Leeds"], environment: asSam)
        #expect(try sandbox.succeed(["check", "withdraw", "3", "--reason", "Logged against the wrong name"], environment: asSam)
            == "Withdrew entry 3 (TA-2026-03/1 web-other-names).\n")
        let rows = try csvRows(try sandbox.succeed(["check", "history", "TA-2026-03/1", "--format", "csv"]))
        #expect(rows.map { [$0[0], $0[2], $0[3], $0[6], $0[15]] } == [
            ["entry", "step", "state", "outcome", "withdrawn_reason"],
            ["1", "web-name", "superseded", "no-results", ""],
            ["2", "web-name-employer", "current", "nothing-relevant", ""],
            ["3", "web-other-names", "withdrawn", "no-results", "Logged against the wrong name"],
            ["4", "web-name", "current", "nothing-relevant", ""],
        ])
        let table = try sandbox.succeed(["check", "history", "TA-2026-03/1"])
        #expect(table.split(separator: "\n").count == 6)
        #expect(table.contains("Logged against the wrong name"))
        // Owed again: the plan shows it to do, and STEP resolves to it.
        #expect(try sandbox.succeed(["check", "plan", "TA-2026-03/1"]).contains("""
               web-other-names.1  "Siobhán Ní Bhriain"
                                  https://www.google.com/search?q=%22Siobh%C3%A1n%20N%C3%AD%20Bhriain%22&tbs=cdr:1,cd_min:11/20/2021
                                  to do
            """))
        #expect(try sandbox.succeed(["check", "log", "TA-2026-03/1", "web-other-names", "--outcome", "no-results", "--public-only"],
                                    environment: asSam) == "Logged web-other-names.1 for TA-2026-03/1: no-results (entry 5). 3 more in web-other-names.\n")
        try sandbox.fail(["check", "withdraw", "3", "--reason", "again"], status: 1,
                         stderr: "error: search entry #3: it is already withdrawn. Nothing to do.\n", environment: asSam)
    }

    // MARK: - Evidence

    @Test("evidence is kept under its SHA-256 beside the database; check evidence finds a changed file and exits 3")
    func evidence() throws {
        let sandbox = try Sandbox()
        try SearchScenario.buildForPlan(at: sandbox.database)
        let content = Data("Screenshot of a public page, 20 November 2026\n".utf8)
        let sha = "49a4f2818159dc4bde31736c03d1c8ceae5b18f0796ddd6188d77b3d8eac4e11"
        let original = try sandbox.write("facebook post.png", content)
        #expect(try sandbox.succeed(["check", "log", "TA-2026-03/1", "facebook", "--outcome", "findings", "--public-only",
                                     "--evidence", "facebook post.png"], environment: asSam)
            == "Logged facebook.1 for TA-2026-03/1: findings (entry 4).\n")
        let folder = sandbox.path("shortlist-evidence")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [sha])
        #expect(mode(folder) == 0o700)
        #expect(mode(folder + "/" + sha) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + sha)) == content)
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == content)
        let lines = try sandbox.succeed(["check", "evidence", "TA-2026-03/1"]).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("Entry  Step      File               Check  SHA-256 ") == true)
        #expect(lines.last == "4      facebook  facebook post.png  ok     \(sha)  46")
        #expect(try csvRows(try sandbox.succeed(["check", "history", "TA-2026-03/1", "--format", "csv"])).last?[14]
            == "facebook post.png (sha256 \(sha))")

        try Data("Edited afterwards\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + sha))
        let changed = try sandbox.run(["check", "evidence", "TA-2026-03/1", "--format", "csv"])
        #expect(changed.status == 3)
        #expect(changed.stderr == "")
        #expect(changed.stdout == "entry,step,file,check,sha256,size\r\n4,facebook,facebook post.png,changed,\(sha),46\r\n")
        try FileManager.default.removeItem(atPath: folder + "/" + sha)
        let missing = try sandbox.run(["check", "evidence", "TA-2026-03/1", "--format", "json"])
        #expect(missing.status == 3)
        #expect(missing.stdout.contains(#""check":"missing""#))
    }

    // MARK: - Status and the search decision

    @Test("status as a table, JSON and CSV matches the golden files; --require-complete exits 3 until complete, then 0")
    func status() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        try GoldenFile.expect(try sandbox.succeed(["status"]), matches: "status/status.txt")
        // --wide is the table as it was before it fitted 120 columns, each candidate on one line.
        try GoldenFile.expect(try sandbox.succeed(["status", "--wide"]), matches: "status/status-wide.txt")
        try GoldenFile.expect(try sandbox.succeed(["status", "--format", "json"]), matches: "status/status.json")
        try GoldenFile.expect(try sandbox.succeed(["status", "--vacancy", "TA-2026-03", "--format", "csv"]), matches: "status/status.csv")
        let incomplete = try sandbox.run(["status", "--require-complete"])
        #expect(incomplete.status == 3)
        #expect(incomplete.stderr == "")
        try GoldenFile.expect(incomplete.stdout, matches: "status/status.txt")
        #expect(try sandbox.run(["status", "--require-complete", "--format", "json"]).status == 3)

        try SearchScenario.complete(try sandbox.fixedStore())
        let complete = try sandbox.run(["status", "--require-complete", "--format", "csv"])
        #expect(complete.status == 0)
        #expect(complete.stderr == "")
        #expect(try csvRows(complete.stdout).dropFirst().map { $0[7] } == ["true", "true", "true", "true"])
        #expect(try sandbox.succeed(["status", "--require-complete"]).contains("\n4 of 4 candidates complete.\n"))
        try sandbox.fail(["status", "--vacancy", "XX-1"], status: 1, stderr: "error: No vacancy with reference XX-1; see `shortlist vacancy list`.\n")
    }

    @Test("status of the demonstration fits 120 columns, wrapping what is outstanding; --wide keeps each candidate on one line")
    func statusFits() throws {
        let sandbox = try Sandbox()
        try sandbox.succeed(["demo", "--dir", "demo"])
        let demo = ["SHORTLIST_DB": sandbox.path("demo/shortlist.sqlite")]
        let fitted = try sandbox.succeed(["status"], environment: demo).components(separatedBy: "\n")
        #expect(fitted.allSatisfy { $0.count <= 120 }, "\(fitted.filter { $0.count > 120 })")
        // Łukasz Nowak's three outstanding items, one a line under the column.
        let row = try #require(fitted.firstIndex { $0.hasPrefix("TA-2026-03/3  Łukasz Nowak") })
        let column = try #require(fitted[row].range(of: "2 queries to do;")).lowerBound.utf16Offset(in: fitted[row])
        #expect(fitted[row + 1].trimmingCharacters(in: .whitespaces) == "could not complete: tiktok;")
        #expect(fitted[row + 1].prefix { $0 == " " }.count == column)
        #expect(fitted[row + 2].trimmingCharacters(in: .whitespaces) == "1 finding awaiting decision")

        let wide = try sandbox.succeed(["status", "--wide"], environment: demo).components(separatedBy: "\n")
        #expect(wide.contains { $0.count > 120 })
        #expect(wide.first { $0.hasPrefix("TA-2026-03/3") }?.hasSuffix("10/12  2 queries to do; could not complete: tiktok; 1 finding awaiting decision") == true)
        #expect(wide.filter { $0.hasPrefix(" ") } == [])
        #expect(wide.contains("Marks: 0 no results, N nothing relevant, F findings, X could not complete, . not done, k/n partly done, - not applicable."))
    }

    @Test("the search decision: some and none need a reason; an excluded candidate is refused and not counted as incomplete")
    func searchDecision() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        try sandbox.fail(["vacancy", "search-decision", "TA-2026-03", "--search", "some", "--exclude", "2", "--by", admin], status: 64,
                         stderr: "error: --reason: '' is not valid; expected why not every shortlisted candidate is searched "
            + "(KCSIE says schools should consider searching all).\n")
        try sandbox.fail(["vacancy", "search-decision", "TA-2026-03", "--search", "some", "--reason", "Internal", "--by", admin], status: 64,
                         stderr: "error: --exclude: '' is not valid; expected the number of each candidate not searched.\n")
        #expect(try sandbox.succeed(["vacancy", "search-decision", "TA-2026-03", "--search", "some", "--exclude", "2", "--reason",
                                     "Internal candidate, known to the school", "--by", "Priya Shah"])
            == "TA-2026-03: search some (Internal candidate, known to the school).\n")
        try sandbox.fail(["check", "log", "TA-2026-03/2", "web-name", "--outcome", "no-results", "--public-only", "--override", "anyway"],
                         status: 1, stderr: "error: TA-2026-03/2: the vacancy's search decision is that this candidate is not searched "
            + "(Internal candidate, known to the school). Change the decision first: "
            + "`shortlist vacancy search-decision TA-2026-03 --search all`.\n", environment: asSam)
        let status = try sandbox.succeed(["status"])
        #expect(status.contains("search decision: some (Internal candidate, known to the school)\n"))
        let zoe = try #require(status.split(separator: "\n").first { $0.hasPrefix("TA-2026-03/2") })
        #expect(zoe.hasPrefix("TA-2026-03/2  Zoë Ødegaard     no    .  -  .  0/2   complete  "))
        #expect(zoe.hasSuffix("  not searched by decision"))
        // Candidate 1's finding is still undecided: deciding it completes the vacancy, with candidate 2 never searched.
        try sandbox.succeed(["finding", "decide", "TA-2026-03/1/F1", "--decision", "no-further-action", "--reason", "Old, not about a pupil",
                             "--by", "Priya Shah"])
        #expect(try sandbox.run(["status", "--require-complete"]).status == 0)
    }
}
