import Foundation
import Testing
@testable import ShortlistKit

@Suite("CLI: school settings")
struct SettingsCLITests {
    @Test("settings are listed, changed with their value checked, and a new vacancy takes the KCSIE edition set")
    func settings() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let listed = try sandbox.succeed(["settings", "list", "--format", "csv"])
        let rows = try CSVReader.parse(Data(listed.utf8)).map(\.fields)
        #expect(rows.map { $0[0] } == ["key", "kcsie_edition", "lawful_basis", "default_protocol", "templates_dir", "retention_months",
                                        "session_idle_minutes", "session_absolute_hours", "backup_dir", "school_name", "privacy_contact",
                                        "school_email"])
        #expect(rows[1][1] == "2026")
        #expect(rows[5][1] == "6")

        #expect(try sandbox.succeed(["settings", "set", "kcsie_edition", "2027", "--by", admin]) == "kcsie_edition: 2027\n")
        try sandbox.succeed(["vacancy", "add", "TA-2027-01", "--title", "Teaching Assistant", "--by", admin])
        #expect(try sandbox.store().vacancy("TA-2027-01").kcsieEdition == "2027")

        let events = try sandbox.store().auditLog(AuditFilter()).count
        let refusals: [([String], Int32, String)] = [
            (["settings", "set", "kcsie_edition", "27"], 64,
             "error: kcsie_edition: '27' is not valid; expected the year of a KCSIE edition, such as 2026.\n"),
            (["settings", "set", "default_protocol", "Nope"], 1,
             "error: No search protocol 'Nope'; see `shortlist protocol list`, or import one with `shortlist protocol import FILE`.\n"),
            (["settings", "set", "retention_months", "0"], 64,
             "error: --months: '0' is not valid; expected a number of months from 1 to 120.\n"),
            (["settings", "set", "kcsie_edition", "2028", "--by", "Sam Searcher"], 1,
             "error: Sam Searcher cannot change settings: it needs the role admin. An admin can add it with `shortlist staff update \"Sam Searcher\" --add-role admin --by ADMIN`.\n"),
        ]
        for (arguments, status, message) in refusals {
            let result = try sandbox.run(arguments.contains("--by") ? arguments : arguments + ["--by", admin])
            #expect(result.status == status, "\(arguments): \(result)")
            #expect(result.stderr == message, "\(arguments)")
        }
        // Refusals change nothing; the one change made is audited, and the trail verifies.
        let store = try sandbox.store()
        #expect(try store.auditLog(AuditFilter()).count == events)
        #expect(try store.setting("kcsie_edition") == "2027")
        #expect(try store.verifyAudit().isValid)
    }
}

@Suite("CLI: naming a query")
struct QueryAddressCLITests {
    @Test("STEP. with nothing after the dot is refused, naming the valid addresses, and nothing is logged")
    func trailingDot() throws {
        let sandbox = try Sandbox()
        let store = try sandbox.createDatabase()
        var draft = CandidateDraft(fullName: "Ada Lovelace")
        draft.notifiedOn = Day(year: 2026, month: 11, day: 2)!
        draft.notifiedVia = .email
        draft.shortlistedOn = draft.notifiedOn
        try store.addCandidate(to: "TA-2026-03", draft, by: admin)
        let result = try sandbox.run(["check", "log", "TA-2026-03/1", "linkedin.", "--outcome", "no-results", "--public-only", "--by", "Sam Searcher"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr == "error: step: 'linkedin.' is not valid; expected one of linkedin.1.\n")
        #expect(try sandbox.store().searchHistory(CandidateReference(vacancy: "TA-2026-03", number: 1)).isEmpty)
    }
}
