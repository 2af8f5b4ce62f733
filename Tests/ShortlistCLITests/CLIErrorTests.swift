import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// One failing command, with the exit status and the whole of stderr it must give.
struct FailureCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var environment: [String: String] = [:]
    let status: Int32
    let stderr: String

    var testDescription: String { name }
}

/// What a user can see of the database: the number of audit events and the listings.
private func snapshot(_ sandbox: Sandbox) throws -> [String] {
    let events = try sandbox.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")! }
    return ["\(events) audit events",
            try sandbox.succeed(["vacancy", "list", "--format", "json"]),
            try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"]),
            try sandbox.succeed(["staff", "list", "--format", "csv"])]
}

private let dateForms = "write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27)."

@Suite("CLI: failures give their exit code and message, and change nothing")
struct CLIErrorTests {
    static let cases: [FailureCase] = [
        FailureCase(name: "impossible closing date", arguments: [
            "vacancy", "add", "TA-2026-04", "--title", "Cleaner", "--closing", "31/02/2026", "--by", admin,
        ], status: 64, stderr: "error: --closing: '31/02/2026' is not a date; \(dateForms)\n"),
        FailureCase(name: "shortlisted date in neither form", arguments: [
            "candidate", "add", "--vacancy", "TA-2026-03", "--name", "Łukasz Nowak", "--shortlisted", "2026-1-5", "--by", admin,
        ], status: 64, stderr: "error: --shortlisted: '2026-1-5' is not a date; \(dateForms)\n"),
        FailureCase(name: "a word for a date", arguments: [
            "vacancy", "update", "TA-2026-03", "--interview", "tomorrow", "--by", admin,
        ], status: 64, stderr: "error: --interview: 'tomorrow' is not a date; \(dateForms)\n"),
        FailureCase(name: "29 February in a common year", arguments: [
            "vacancy", "close", "TA-2026-03", "--on", "29/02/2027", "--by", admin,
        ], status: 64, stderr: "error: --on: '29/02/2027' is not a date; \(dateForms)\n"),
        FailureCase(name: "unknown actor by --by", arguments: [
            "candidate", "add", "--vacancy", "TA-2026-03", "--name", "Aled Jones", "--by", "Nobody",
        ], status: 1, stderr: """
            error: 'Nobody' is not a staff member. Check the spelling (`shortlist staff list`), or have an admin add them \
            with `shortlist staff add "Nobody" --role searcher --by ADMIN`.\n
            """),
        FailureCase(name: "unknown actor from SHORTLIST_USER", arguments: [
            "vacancy", "add", "TA-2026-04", "--title", "Cleaner",
        ], environment: ["SHORTLIST_USER": "Tom Ellis"], status: 1, stderr: """
            error: 'Tom Ellis' is not a staff member. Check the spelling (`shortlist staff list`), or have an admin add them \
            with `shortlist staff add "Tom Ellis" --role searcher --by ADMIN`.\n
            """),
        FailureCase(name: "no actor given", arguments: [
            "vacancy", "add", "TA-2026-04", "--title", "Cleaner",
        ], status: 64, stderr: "error: This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name.\n"),
        FailureCase(name: "empty SHORTLIST_USER and no --by", arguments: [
            "candidate", "add", "--vacancy", "TA-2026-03", "--name", "Aled Jones",
        ], environment: ["SHORTLIST_USER": ""], status: 64,
           stderr: "error: This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name.\n"),
        FailureCase(name: "duplicate vacancy reference", arguments: [
            "vacancy", "add", "TA-2026-03", "--title", "Another post", "--by", admin,
        ], status: 1, stderr: """
            error: A vacancy with reference TA-2026-03 already exists. Choose another reference, or change that vacancy \
            with `shortlist vacancy update TA-2026-03`.\n
            """),
        FailureCase(name: "unknown candidate reference (show)", arguments: ["candidate", "show", "TA-2026-03/7"], status: 1,
                    stderr: "error: No candidate TA-2026-03/7; see `shortlist candidate list --vacancy TA-2026-03`.\n"),
        FailureCase(name: "unknown candidate reference (withdraw)", arguments: [
            "candidate", "withdraw", "TA-2026-03/7", "--by", admin,
        ], status: 1, stderr: "error: No candidate TA-2026-03/7; see `shortlist candidate list --vacancy TA-2026-03`.\n"),
        FailureCase(name: "unknown candidate reference (notify)", arguments: [
            "candidate", "notify", "TA-2026-03/2", "--via", "email", "--by", admin,
        ], status: 1, stderr: "error: No candidate TA-2026-03/2; see `shortlist candidate list --vacancy TA-2026-03`.\n"),
        FailureCase(name: "malformed candidate reference", arguments: ["candidate", "show", "TA-2026-03"], status: 64, stderr: """
            error: candidate: 'TA-2026-03' is not valid; expected a candidate reference such as TA-2026-03/2 (vacancy/number).\n
            """),
        FailureCase(name: "unknown vacancy", arguments: ["candidate", "list", "--vacancy", "XX-1"], status: 1,
                    stderr: "error: No vacancy with reference XX-1; see `shortlist vacancy list`.\n"),
        FailureCase(name: "actor without the role", arguments: ["staff", "add", "Pat Panel", "--role", "panel", "--by", "Sam Searcher"],
                    status: 1, stderr: """
            error: Sam Searcher cannot add staff: it needs the role admin. An admin can add it with \
            `shortlist staff update "Sam Searcher" --add-role admin --by ADMIN`.\n
            """),
        FailureCase(name: "unknown role", arguments: ["staff", "add", "Pat Panel", "--role", "boss", "--by", admin], status: 64,
                    stderr: "error: --role: 'boss' is not valid; expected one of admin, searcher, panel, recruiting-manager, governor.\n"),
        FailureCase(name: "refused status change", arguments: ["vacancy", "update", "TA-2026-03", "--status", "interviewing", "--by", admin],
                    status: 1, stderr: """
            error: TA-2026-03: a vacancy cannot go from open to interviewing. From open it can go to shortlisted. \
            Use `shortlist vacancy close` to close or withdraw it.\n
            """),
        FailureCase(name: "told in the future", arguments: [
            "candidate", "notify", "TA-2026-03/1", "--via", "email", "--on", "2026-11-21", "--by", admin,
        ], status: 1, stderr: """
            error: TA-2026-03/1: the date told (2026-11-21) is in the future. Record it on or after the day the candidate is told.\n
            """),
        FailureCase(name: "empty candidate name", arguments: ["candidate", "add", "--vacancy", "TA-2026-03", "--name", " ", "--by", admin],
                    status: 64, stderr: "error: new candidate for TA-2026-03: the full name is empty; correct it and try again.\n"),
        FailureCase(name: "a blank --by does not fall back to SHORTLIST_USER", arguments: [
            "vacancy", "add", "TA-2026-04", "--title", "Cleaner", "--by", "",
        ], environment: ["SHORTLIST_USER": admin], status: 64,
                    stderr: "error: This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name.\n"),
        FailureCase(name: "a folder given as the database", arguments: ["vacancy", "list", "--db", "/tmp"], status: 1,
                    stderr: "error: /tmp: is a folder, not a database; give the database file inside it (such as /tmp/shortlist.sqlite).\n"),
        FailureCase(name: "closing a vacancy in the future", arguments: ["vacancy", "close", "TA-2026-03", "--on", "2026-11-21", "--by", admin],
                    status: 1, stderr: "error: TA-2026-03: it cannot be closed on 21 November 2026, which is in the future. "
                        + "Close it on or after the day the recruitment ends.\n"),
        FailureCase(name: "a report period that ends before it starts", arguments: [
            "report", "--from", "2026-12-31", "--to", "2026-01-01", "--by", admin,
        ], status: 64, stderr: "error: --from: '2026-12-31' is not valid; expected a date no later than --to (1 January 2026): "
            + "the period runs from --from to --to.\n"),
        FailureCase(name: "bad SHORTLIST_NOW", arguments: ["vacancy", "list"], environment: ["SHORTLIST_NOW": "soon"], status: 64, stderr: """
            error: SHORTLIST_NOW: 'soon' is not valid; expected a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London).\n
            """),
    ]

    @Test("a failing command exits with its code, prints only the error, and changes nothing", arguments: cases)
    func failure(_ failure: FailureCase) throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard"])
        let before = try snapshot(sandbox)
        let result = try sandbox.run(failure.arguments, environment: failure.environment)
        #expect(result.status == failure.status, "\(result)")
        #expect(!result.signalled)
        #expect(result.stdout == "")
        #expect(result.stderr == failure.stderr)
        #expect(try snapshot(sandbox) == before)
    }

    @Test("argument mistakes caught by the parser are usage errors (64) that name the fix", arguments: [
        (["vacancy", "add", "TA-2026-04", "--by", admin], "Error: Missing expected argument '--title <title>'"),
        (["vacancy", "list", "--format", "xml"],
         "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json' or 'csv'."),
        (["frobnicate"], "Error: Unexpected argument 'frobnicate'"),
        (["vacancy", "update", "TA-2026-03", "--look-back", "two", "--by", admin],
         "Error: The value 'two' is invalid for '--look-back <look-back>'"),
        (["vacancy", "update", "TA-2026-03", "--status", "sold", "--by", admin],
         "Error: The value 'sold' is invalid for '--status <status>'. Please provide one of 'open', 'shortlisted' or 'interviewing'."),
        (["finding", "list"], "Error: Give --vacancy REF or --candidate REF: the findings of a vacancy, or of one candidate."),
        (["finding", "list", "--vacancy", "TA-2026-03", "--candidate", "TA-2026-03/1"], "Error: Give --vacancy or --candidate, not both."),
    ])
    func parserErrors(arguments: [String], firstLine: String) throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let before = try snapshot(sandbox)
        let result = try sandbox.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine)
        #expect(result.stderr.contains("--help' for more information."))
        #expect(try snapshot(sandbox) == before)
    }

    @Test("without a database, a command says how to create one and creates nothing")
    func missingDatabase() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["vacancy", "list"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: No shortlist database at \(sandbox.database). Create one with `shortlist init --admin NAME`, \
            or point to one with --db PATH or SHORTLIST_DB.\n
            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path).isEmpty)
    }

    @Test("a file that is not a shortlist database is refused and left byte for byte as it was")
    func foreignFile() throws {
        let sandbox = try Sandbox()
        let text = Data("Full name,Email\r\nZoë Ødegaard,zoe.o@example.org\r\n".utf8)
        let path = try sandbox.write("candidates.csv", text)
        for arguments in [["vacancy", "list", "--db", path], ["staff", "add", "X", "--role", "panel", "--by", admin, "--db", path]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "error: \(path) is not a shortlist database; nothing was changed. Check --db or SHORTLIST_DB.\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path) == ["candidates.csv"])
    }

    @Test("init refuses a path where a database exists, and leaves it alone")
    func initTwice() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard"])
        let before = try snapshot(sandbox)
        let result = try sandbox.run(["init", "--admin", "Someone Else"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: A database already exists at \(sandbox.database). Use it as it is, or give another path with --db PATH.\n
            """)
        #expect(try snapshot(sandbox) == before)
    }
}
