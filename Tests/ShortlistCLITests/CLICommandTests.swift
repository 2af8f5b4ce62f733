import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The permission bits of a file.
private func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

@Suite("CLI: commands that succeed")
struct CLICommandTests {
    @Test("init creates the database readable by its owner only, even under umask 000, and says where")
    func initialise() throws {
        let sandbox = try Sandbox()
        // Through a shell, so that the binary runs with a umask that would give everyone access.
        let result = try sandbox.start(["-c", "umask 000 && exec \"$0\" init --admin \"Ann Admin\" --role searcher",
                                        try ShortlistBinary.path()], executable: "/bin/sh").finish()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout == """
            Created \(sandbox.database)
            Added Ann Admin (admin, searcher). Next: `shortlist staff add NAME --role searcher --by "Ann Admin"`.

            """)
        #expect(mode(sandbox.database) == 0o600)
        #expect(try sandbox.succeed(["staff", "list", "--format", "csv"]) == "name,roles,added\r\nAnn Admin,admin; searcher,2026-11-20T10:00:00Z\r\n")
    }

    @Test("init names every role of the first staff member", arguments: [
        ([String](), "admin"), (["--role", "panel", "--role", "governor"], "admin, panel, governor"),
        (["--role", "Recruiting-Manager", "--role", "admin"], "admin, recruiting-manager"),
    ])
    func initialiseRoles(roles: [String], shown: String) throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.succeed(["init", "--admin", " Ann Admin "] + roles) == """
            Created \(sandbox.database)
            Added Ann Admin (\(shown)). Next: `shortlist staff add NAME --role searcher --by "Ann Admin"`.

            """)
    }

    @Test("the database is --db, else SHORTLIST_DB, else XDG_DATA_HOME, else ~/.local/share")
    func databaseLocation() throws {
        let sandbox = try Sandbox()
        let flag = sandbox.path("flag/db.sqlite")
        #expect(try sandbox.succeed(["init", "--admin", admin, "--db", flag]).hasPrefix("Created \(flag)\n"))
        #expect(FileManager.default.fileExists(atPath: flag))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))

        #expect(try sandbox.succeed(["init", "--admin", admin]).hasPrefix("Created \(sandbox.database)\n"))

        var xdg = sandbox.environment
        xdg["SHORTLIST_DB"] = nil
        xdg["XDG_DATA_HOME"] = sandbox.path("xdg")
        sandbox.environment = xdg
        let xdgPath = sandbox.path("xdg/shortlist/shortlist.sqlite")
        #expect(try sandbox.succeed(["init", "--admin", admin]).hasPrefix("Created \(xdgPath)\n"))
        #expect(mode(sandbox.path("xdg/shortlist")) == 0o700)

        sandbox.environment["XDG_DATA_HOME"] = nil
        let homePath = sandbox.path(".local/share/shortlist/shortlist.sqlite")
        #expect(try sandbox.succeed(["init", "--admin", admin]).hasPrefix("Created \(homePath)\n"))
        #expect(FileManager.default.fileExists(atPath: homePath))
    }

    @Test("add prints the new reference, or the record as JSON; list and show use the shared formats")
    func addListShow() throws {
        let sandbox = try Sandbox()
        try sandbox.succeed(["init", "--admin", admin])
        #expect(try sandbox.succeed(["staff", "add", "Priya Shah", "--role", "recruiting-manager", "--role", "panel", "--by", admin])
            == "Priya Shah\n")
        let vacancyJSON = try sandbox.succeed([
            "vacancy", "add", "TA-2026-03", "--title", "Teaching Assistant (Year 2)", "--site", "Riverside Primary School",
            "--closing", "06/11/2026", "--interview", "2026-12-01", "--panel", "Priya Shah", "--format", "json", "--by", admin,
        ])
        let vacancy = try #require(try JSONSerialization.jsonObject(with: Data(vacancyJSON.utf8)) as? [String: Any])
        #expect(vacancy["reference"] as? String == "TA-2026-03")
        #expect(vacancy["closing_date"] as? String == "2026-11-06")
        #expect(vacancy["interview_date"] as? String == "2026-12-01")
        #expect(vacancy["shortlisting_date"] is NSNull)
        #expect(vacancy["panel"] as? [String] == ["Priya Shah"])
        #expect(vacancy["appointed"] is NSNull)
        #expect(vacancy["kcsie_edition"] as? String == "2026")

        #expect(try sandbox.succeed([
            "candidate", "add", "--vacancy", "TA-2026-03", "--name", "Zoë Ødegaard", "--other-name", "Zoë Hansen",
            "--town", "Chester", "--employer", "Hoole Primary School, Chester", "--previous-employer", "Little Acorns Nursery",
            "--email", "zoe.o@example.org", "--shortlisted", "12/11/2026", "--told-on", "13/11/2026", "--told-via", "email",
        ], environment: ["SHORTLIST_USER": "Priya Shah"]) == "TA-2026-03/1\n")

        // Titles padded to the longest ("Previous employers:") plus one space; an empty value leaves no trailing space.
        #expect(try sandbox.succeed(["candidate", "show", "TA-2026-03/1"]) == [
            "Reference:          TA-2026-03/1",
            "Name:               Zoë Ødegaard",
            "Other names:        Zoë Hansen",
            "Town:               Chester",
            "Employer:           Hoole Primary School, Chester",
            "Previous employers: Little Acorns Nursery",
            "Email:              zoe.o@example.org",
            "Shortlisted:        12 November 2026",
            "Told of searches:   13 November 2026",
            "Told via:           email",
            "Outcome:            pending",
            "Outcome on:",
        ].map { $0 + "\n" }.joined())
        let csv = try CSVReader.parse(Data(try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "csv"]).utf8))
        #expect(csv.map(\.fields) == [
            ["reference", "full_name", "other_names", "town", "current_employer", "previous_employers", "email",
             "shortlisted_on", "notified_on", "notified_via", "outcome", "outcome_on"],
            ["TA-2026-03/1", "Zoë Ødegaard", "Zoë Hansen", "Chester", "Hoole Primary School, Chester", "Little Acorns Nursery",
             "zoe.o@example.org", "2026-11-12", "2026-11-13", "email", "pending", ""],
        ])
        #expect(try sandbox.succeed(["vacancy", "show", "TA-2026-03", "--format", "csv"]).hasPrefix(
            "reference,post_title,site,kcsie_edition,closing_date,shortlisting_date,interview_date,status,panel,appointed,closed_on\r\n"))
        // The audit trail names the actor from SHORTLIST_USER, and the account that ran the command.
        let last = try sandbox.store().read { db in
            try Row.fetchOne(db, sql: "SELECT actor, os_account, action, entity_ref FROM audit_event ORDER BY seq DESC LIMIT 1")!
        }
        #expect(last["actor"] as String == "Priya Shah")
        #expect(last["action"] as String == "candidate.add")
        #expect(last["entity_ref"] as String == "TA-2026-03/1")
        #expect(last["os_account"] as String == String(cString: getpwuid(geteuid())!.pointee.pw_name))
    }

    @Test("tables show UK dates and London times; dates default to today in London")
    func londonTimes() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        #expect(try sandbox.succeed(["staff", "list"]) == [
            "Name          Roles     Added",
            "------------  --------  ----------------------",
            "Ann Admin     admin     20 November 2026 10:00",
            "Sam Searcher  searcher  20 November 2026 10:00",
        ].map { $0 + "\n" }.joined())
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): stored in UTC, dated and shown in London.
        let summer = ["SHORTLIST_NOW": "2026-06-30T23:30:00Z"]
        try sandbox.succeed(["staff", "add", "Tom Ellis", "--role", "panel", "--by", admin], environment: summer)
        #expect(try sandbox.succeed(["staff", "list", "--format", "csv"], environment: summer).contains(
            "Tom Ellis,panel,2026-06-30T23:30:00Z\r\n"))
        #expect(try sandbox.succeed(["staff", "list"], environment: summer).contains("Tom Ellis     panel     1 July 2026 00:30\n"))
        try sandbox.succeed(["candidate", "add", "--vacancy", "TA-2026-03", "--name", "Zoë Ødegaard", "--by", admin], environment: summer)
        #expect(try sandbox.store().candidate(CandidateReference(vacancy: "TA-2026-03", number: 1)).shortlistedOn.iso == "2026-07-01")
    }

    @Test("a vacancy goes through its statuses to appointment and close")
    func lifecycle() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard", "Łukasz Nowak", "Siobhán O'Brien"])
        let by = ["--by", "Sam Searcher"]
        #expect(try sandbox.succeed(["candidate", "notify", "TA-2026-03/1", "--via", "letter", "--on", "18/11/2026"] + by)
            == "TA-2026-03/1: told on 18 November 2026 by letter\n")
        #expect(try sandbox.succeed(["candidate", "withdraw", "TA-2026-03/3", "--reason", "moved away"] + by)
            == "TA-2026-03/3: withdrew on 20 November 2026\n")
        #expect(try sandbox.succeed(["vacancy", "update", "TA-2026-03", "--status", "shortlisted"] + by) == "TA-2026-03: shortlisted\n")
        #expect(try sandbox.succeed(["vacancy", "update", "TA-2026-03", "--appoint", "1"] + by) == "TA-2026-03: appointed\n")
        #expect(try sandbox.succeed(["vacancy", "close", "TA-2026-03", "--on", "2026-11-20"] + by)
            == "TA-2026-03: closed on 20 November 2026\n")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
            "candidate", "list", "--vacancy", "TA-2026-03", "--format", "json",
        ]).utf8)) as? [[String: Any]])
        #expect(rows.map { $0["outcome"] as? String } == ["appointed", "not-appointed", "withdrew"])
        #expect(try sandbox.succeed(["vacancy", "list", "--status", "closed", "--format", "csv"]).contains(
            "TA-2026-03,Teaching Assistant (Year 2),Riverside Primary School,2026,,,,closed,,TA-2026-03/1,2026-11-20\r\n"))
    }

    @Test("vacancy update --appoint takes a full reference, appoints from open through shortlisted, and refuses another vacancy's")
    func appointByReference() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard", "Łukasz Nowak"])
        let by = ["--by", "Sam Searcher"]
        let other = try sandbox.run(["vacancy", "update", "TA-2026-03", "--appoint", "MS-2026-02/1"] + by)
        #expect(other.status == 64 && other.stdout == "", "\(other)")
        #expect(other.stderr == "error: --appoint: 'MS-2026-02/1' is not valid; expected a candidate of TA-2026-03, by number or reference "
            + "(such as 1 or TA-2026-03/1), not of MS-2026-02.\n")
        let word = try sandbox.run(["vacancy", "update", "TA-2026-03", "--appoint", "two"] + by)
        #expect(word.status == 64 && word.stdout == "", "\(word)")
        #expect(word.stderr == "error: --appoint: 'two' is not valid; expected a candidate of TA-2026-03, by number or reference "
            + "(such as 1 or TA-2026-03/1).\n")

        #expect(try sandbox.succeed(["vacancy", "update", "TA-2026-03", "--appoint", "TA-2026-03/2"] + by) == "TA-2026-03: appointed\n")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
            "audit", "log", "--vacancy", "TA-2026-03", "--format", "json",
        ]).utf8)) as? [[String: Any]])
        #expect(log.suffix(3).map { "\($0["action"]!) \($0["ref"]!) \($0["details"]!)" } == [
            #"vacancy.update TA-2026-03 {"after":{"status":"shortlisted"},"before":{"status":"open"}}"#,
            #"candidate.outcome TA-2026-03/2 {"after":"appointed","before":"pending","on":"2026-11-20"}"#,
            #"vacancy.update TA-2026-03 {"after":{"appointed":"2","status":"appointed"},"before":{"appointed":"","status":"shortlisted"}}"#,
        ])
        // Help lists the statuses --status sets (its lines rewrapped as one).
        let help = try sandbox.succeed(["vacancy", "update", "--help"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("New status: open, shortlisted or interviewing. To appoint, give --appoint; to close or withdraw, use "
            + "`shortlist vacancy close`. (values: open, shortlisted, interviewing)"), "\(help)")
    }

    @Test("demo builds a database of fictional people and says what to try next")
    func demo() throws {
        let sandbox = try Sandbox()
        let output = try sandbox.succeed(["demo", "--dir", "demo"])
        let path = sandbox.path("demo/shortlist.sqlite")
        #expect(output.hasPrefix("""
            Created demo/shortlist.sqlite (fictional people only).
            Staff: Alex Morgan (admin, searcher), Priya Shah (recruiting manager, panel), Tom Ellis (panel), Grace Okafor (governor).
            Vacancy TA-2026-03: Teaching Assistant (Year 2), interviews on 30 November 2026, 4 candidates shortlisted.
            """))
        #expect(output.contains("export SHORTLIST_DB=demo/shortlist.sqlite SHORTLIST_USER=\"Alex Morgan\""))
        #expect(mode(path) == 0o600)
        let names = try Store.open(at: path, clock: sandboxClock).candidates(of: "TA-2026-03").map(\.fullName)
        #expect(names.map(utf8) == ["Zoë Ødegaard", "Siobhán O'Brien", "Łukasz Nowak", "Nguyễn Thị Minh"].map(utf8))
        // Running it again rebuilds the demonstration, rather than adding to it.
        try sandbox.succeed(["demo", "--dir", "demo"])
        #expect(try Store.open(at: path, clock: sandboxClock).candidates(of: "TA-2026-03").count == 4)
    }

    @Test("demo will not replace a database that is not a demonstration")
    func demoRefusesRealDatabase() throws {
        let sandbox = try Sandbox()
        let path = sandbox.path("real/shortlist.sqlite")
        try sandbox.succeed(["init", "--admin", admin, "--db", path])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try sandbox.run(["demo", "--dir", "real"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: real/shortlist.sqlite: a database that is not a demonstration is already there. Choose another folder with --dir.\n
            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == before.count)
        #expect(try Store.open(at: path, clock: sandboxClock).staff().map(\.name) == [admin])
    }
}
