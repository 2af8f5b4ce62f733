import Foundation
import GRDB
import Testing
@testable import ShortlistKit

private extension Sandbox {
    /// Runs the binary and expects `status`, nothing on stdout, and exactly `stderr`.
    func refuse(_ arguments: [String], status: Int32, stderr: String, environment: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(arguments, environment: environment)
        #expect(result.status == status && !result.signalled, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == stderr, "\(arguments)", sourceLocation: sourceLocation)
    }
}

/// The clock of each step of a finding's life.
private func at(_ iso: String) -> [String: String] { ["SHORTLIST_NOW": iso] }

private let categories = "violence, hate-extremism, sexual-content, drugs-alcohol, criminal-activity, children, bullying-harassment, "
    + "disparaging, confidentiality, application-inconsistency, undeclared-employment, other"

@Suite("CLI: findings")
struct FindingCLITests {
    @Test("a finding's whole life through the CLI, with every version shown by finding show --history")
    func lifecycle() throws {
        let sandbox = try Sandbox()
        // Candidate 1 already has F1 (added at 10:00 by Sam Searcher from entry 3), awaiting decision.
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        let f1 = "TA-2026-03/1/F1"
        #expect(try sandbox.succeed(["finding", "update", f1, "--relevance", "Public criticism, by name, of a parent at her school",
                                     "--by", "Sam Searcher"], environment: at("2026-11-20T11:30:00Z")) == "\(f1): version 2\n")
        try sandbox.refuse(["finding", "decide", f1, "--decision", "raise", "--question", "Can you tell us about the post?",
                            "--by", "Sam Searcher"], status: 1, stderr: """
            error: Sam Searcher cannot decide whether a finding is raised: it needs the role recruiting-manager. An admin can add it \
            with `shortlist staff update "Sam Searcher" --add-role recruiting-manager --by ADMIN`.\n
            """)
        try sandbox.refuse(["finding", "decide", f1, "--decision", "raise", "--question", "Tell us about the post.", "--by", "Priya Shah"],
                           status: 1, stderr: "error: \(f1): --question is a statement, not a question. Word it as a neutral, open question "
            + "ending with '?', so the candidate can respond.\n")
        #expect(try sandbox.succeed(["finding", "decide", f1, "--decision", "raise", "--question",
                                     "Can you tell us about a post you made about a parent in March 2024?", "--by", "Priya Shah"],
                                    environment: at("2026-11-23T09:00:00Z")) == "\(f1): raise\n")
        // The day after the interview, status lists it as awaiting the candidate's response.
        let status = try sandbox.succeed(["status"], environment: at("2026-12-01T09:00:00Z"))
        #expect(status.contains("interview 30 November 2026 ("))
        #expect(status.contains("TA-2026-03/1  Siobhán O'Brien  yes   0  F  0  4/4   1 raised finding awaiting response"))
        #expect(try sandbox.succeed(["finding", "list", "--vacancy", "TA-2026-03", "--status", "awaiting-response", "--format", "csv"],
                                    environment: at("2026-12-01T09:00:00Z")).contains("\r\n\(f1),awaiting-response,disparaging,"))
        #expect(try sandbox.succeed(["finding", "respond", f1, "--response", "She wrote it in anger and removed it the next day.",
                                     "--conclusion", "satisfied", "--by", "Tom Ellis"], environment: at("2026-12-01T15:00:00Z"))
            == "\(f1): satisfied\n")

        try GoldenFile.expect(try sandbox.succeed(["finding", "show", f1, "--history"], environment: at("2026-12-01T15:00:00Z")),
                              matches: "finding/history.txt")
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
            "finding", "show", f1, "--history", "--format", "json",
        ]).utf8)) as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3, 4])
        #expect(versions.map { $0["action"] as? String } == ["add", "update", "decide", "respond"])
        #expect(versions.map { $0["recorded_by"] as? String } == ["Sam Searcher", "Sam Searcher", "Priya Shah", "Tom Ellis"])
        #expect(versions.map { $0["recorded_at"] as? String } == ["2026-11-20T10:00:00Z", "2026-11-20T11:30:00Z", "2026-11-23T09:00:00Z",
                                                                  "2026-12-01T15:00:00Z"])
        #expect(versions.map { $0["decided_by"] as? String } == [nil, nil, "Priya Shah", "Priya Shah"])
        #expect(versions.map { $0["response_by"] as? String } == [nil, nil, nil, "Tom Ellis"])
        // Without --history, show gives the current version only.
        let current = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed([
            "finding", "show", f1, "--format", "json",
        ]).utf8)) as? [String: Any])
        #expect(current["version"] as? Int == 4)
        #expect(current["conclusion"] as? String == "satisfied")
        #expect(try sandbox.succeed(["status"], environment: at("2026-12-01T15:00:00Z"))
            .contains("TA-2026-03/1  Siobhán O'Brien  yes   0  F  0  4/4   complete"))
    }

    @Test("a protected-characteristic finding cannot be raised and never reaches the dossier or the pack")
    func protectedCharacteristic() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        #expect(try sandbox.succeed(["finding", "add", "TA-2026-03/3", "--entry", "5", "--summary", "PROTECTED-MARKER post about her faith",
                                     "--protected-characteristic", "--identity", "probable", "--by", "Sam Searcher"]) == "TA-2026-03/3/F1\n")
        try sandbox.refuse(["finding", "decide", "TA-2026-03/3/F1", "--decision", "raise", "--question", "Can you tell us about it?",
                            "--by", "Priya Shah"], status: 1, stderr: """
            error: TA-2026-03/3/F1: it is about a protected characteristic (Equality Act 2010), so it can never be raised. Record no \
            further action instead: `shortlist finding decide TA-2026-03/3/F1 --decision no-further-action --reason TEXT`.\n
            """)
        // What it says is shown to the searcher who recorded it and to admins only; to anyone else (or no one named) it is withheld.
        #expect(try sandbox.succeed(["finding", "list", "--candidate", "TA-2026-03/3", "--format", "csv", "--by", "Sam Searcher"]).contains(
            "TA-2026-03/3/F1,protected-characteristic,protected characteristic,probable,,PROTECTED-MARKER post about her faith,,1\r\n"))
        #expect(try sandbox.succeed(["finding", "show", "TA-2026-03/3/F1", "--history", "--by", admin]).contains("PROTECTED-MARKER"))
        for reader in [["--by", "Priya Shah"], ["--by", "Tom Ellis"], []] {
            let listed = try sandbox.succeed(["finding", "list", "--candidate", "TA-2026-03/3", "--format", "csv"] + reader)
            #expect(listed.contains("TA-2026-03/3/F1,protected-characteristic,protected characteristic,probable,,\(Finding.withheldText),,1\r\n"),
                    "\(reader)")
            for format in ["table", "json"] {
                let shown = try sandbox.succeed(["finding", "show", "TA-2026-03/3/F1", "--history", "--format", format] + reader)
                #expect(!shown.contains("PROTECTED-MARKER") && shown.contains("withheld"), "\(reader) \(format)")
            }
        }
        try sandbox.refuse(["finding", "list", "--candidate", "TA-2026-03/3", "--by", "Nobody Known"], status: 1,
                           stderr: "error: 'Nobody Known' is not a staff member. Check the spelling (`shortlist staff list`), or have an admin add them "
                            + "with `shortlist staff add \"Nobody Known\" --role searcher --by ADMIN`.\n")
        let dossier = try sandbox.succeed(["dossier", "TA-2026-03/3", "--by", "Priya Shah"])
        #expect(dossier.contains("# Dossier: Łukasz Nowak"))
        #expect(dossier.contains("No findings to raise at interview."))
        #expect(!dossier.contains("PROTECTED-MARKER"))
        #expect(!dossier.contains("F1"))
        try sandbox.succeed(["pack", "TA-2026-03", "--out", "pack", "--by", "Priya Shah"])
        for file in try FileManager.default.contentsOfDirectory(atPath: sandbox.path("pack")) {
            let text = try String(contentsOfFile: sandbox.path("pack/" + file), encoding: .utf8)
            #expect(!text.contains("PROTECTED-MARKER"), "\(file)")
            #expect(!text.contains("TA-2026-03/3/F1"), "\(file)")
        }
    }

    @Test("an unverified finding is raised only with a question that first confirms identity")
    func unverified() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        #expect(try sandbox.succeed(["finding", "add", "TA-2026-03/3", "--entry", "7", "--summary", "A video under a similar name",
                                     "--category", "disparaging", "--identity", "unverified", "--relevance", "Mocks a pupil",
                                     "--by", "Sam Searcher"]) == "TA-2026-03/3/F1\n")
        try sandbox.refuse(["finding", "decide", "TA-2026-03/3/F1", "--decision", "raise", "--question", "Can you tell us about the video?",
                            "--by", "Priya Shah"], status: 1, stderr: """
            error: TA-2026-03/3/F1: its identity is unverified, so it cannot be raised as a statement about the candidate. Add \
            --identity-question, asked first, that confirms whether it concerns them (for example: "Do you have a public profile on \
            this site?").\n
            """)
        #expect(try sandbox.succeed(["finding", "decide", "TA-2026-03/3/F1", "--decision", "raise", "--question",
                                     "Can you tell us about the video?", "--identity-question", "Do you have a public TikTok account?",
                                     "--by", "Priya Shah"]) == "TA-2026-03/3/F1: raise\n")
        let dossier = try sandbox.succeed(["dossier", "TA-2026-03/3", "--by", "Priya Shah"])
        #expect(dossier.contains("- First ask, to confirm identity: Do you have a public TikTok account?\n- Question: Can you tell us about the video?\n"))
    }

    @Test("categories: the default list, a school's own, and an unknown one refused with the valid keys")
    func categoriesList() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        let listed = try CSVReader.parse(Data(try sandbox.succeed(["finding", "categories", "--format", "csv"]).utf8)).map(\.fields)
        #expect(listed.first == ["key", "label", "built_in"])
        #expect(listed.dropFirst().map { $0[0] }.joined(separator: ", ") == categories)
        #expect(listed.dropFirst().map { $0[2] } == Array(repeating: "true", count: 12))
        let add = ["finding", "add", "TA-2026-03/3", "--entry", "6", "--summary", "Betting posts", "--identity", "probable", "--relevance",
                   "Gambles during school hours", "--by", "Sam Searcher"]
        try sandbox.refuse(add + ["--category", "online-gambling"], status: 64, stderr: """
            error: --category: 'online-gambling' is not valid; expected one of \(categories) (or --protected-characteristic).\n
            """)
        #expect(try sandbox.succeed(["finding", "add-category", "online-gambling", "--label", "Online gambling", "--by", "Priya Shah"])
            == "online-gambling\n")
        #expect(try sandbox.succeed(add + ["--category", "online-gambling"]) == "TA-2026-03/3/F1\n")
        let last = try #require(try sandbox.succeed(["finding", "categories"]).split(separator: "\n").last)
        #expect(last.hasPrefix("online-gambling            Online gambling   "))
        #expect(last.hasSuffix("   no"))
        try sandbox.refuse(["finding", "add-category", "online-gambling", "--label", "Again", "--by", "Priya Shah"], status: 1,
                           stderr: "error: category online-gambling: it already exists. See `shortlist finding categories`.\n")
        try sandbox.refuse(add + ["--category", "gambling"], status: 64, stderr: """
            error: --category: 'gambling' is not valid; expected one of \(categories), online-gambling (or --protected-characteristic).\n
            """)
    }

    @Test("the loophole as found: a protected finding unmarked with no reason, then raised by the same manager, is refused at each step")
    func protectedMarkLoophole() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let f3 = "TA-2026-03/1/F3"  // recorded as about a protected characteristic
        let before = try sandbox.auditEventCount()
        try sandbox.refuse(["finding", "update", f3, "--no-protected-characteristic", "--category", "other", "--relevance", "x",
                            "--by", "Priya Shah"], status: 64, stderr: """
            error: \(f3): missing --reason. Give --reason (why it is not about a protected characteristic after all: removing the mark is \
            reported to governors, and someone else must then decide the finding).\n
            """)
        #expect(try sandbox.auditEventCount() == before)
        #expect(try sandbox.succeed(["finding", "update", f3, "--no-protected-characteristic", "--category", "other", "--relevance", "x",
                                     "--reason", "Recorded against the wrong post", "--by", "Priya Shah"]) == "\(f3): version 2\n")
        try sandbox.refuse(["finding", "decide", f3, "--decision", "raise", "--question", "Can you tell us about the post?", "--by", "Priya Shah"],
                           status: 1, stderr: "error: \(f3): you removed its protected-characteristic mark (version 2), so you may not also decide it. "
            + "Another recruiting manager must decide it, so that a second person reviews it before anything can reach the panel.\n")
        let dossier = try sandbox.succeed(["dossier", "TA-2026-03/1", "--by", "Sam Searcher"])
        #expect(!dossier.contains("PROTECTED-MARKER"))
        let report = try sandbox.succeed(["report", "--vacancy", "TA-2026-03", "--by", "Grace Okafor"])
        #expect(report.contains("| TA-2026-03 | TA-2026-03/1 | protected-mark-removed | TA-2026-03/1/F3 version 2, by Priya Shah on 20 November 2026: "
            + "Recorded against the wrong post |"))
    }

    @Test("finding add names every missing value at once")
    func missingValues() throws {
        let sandbox = try Sandbox()
        try SearchScenario.build(at: sandbox.database, fixtures: fixtureURL(""))
        try sandbox.refuse(["finding", "add", "TA-2026-03/1", "--entry", "3", "--summary", "A post", "--identity", "probable",
                            "--by", "Sam Searcher"], status: 64, stderr: """
            error: new finding for TA-2026-03/1: missing --category, --relevance. Give --category (one of \(categories), or \
            --protected-characteristic), --relevance (why it is relevant to working with children or to the school).\n
            """)
    }

    @Test("audit log withholds the details of events about a protected finding from all but its recorder and admins")
    func auditLogWithholds() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        // F3 (recorded as protected) and F6 (raised, then found to be about a protected characteristic), both recorded by Sam Searcher.
        let markers = ["PROTECTED-MARKER", "PROTECTED2-MARKER", "WITHDRAWN-QUESTION-MARKER"]
        for reader in [["--by", "Grace Okafor"], ["--by", "Priya Shah"], []] {
            for format in ["json", "csv", "table"] {
                let log = try sandbox.succeed(["audit", "log", "--vacancy", "TA-2026-03", "--format", format] + reader)
                #expect(markers.allSatisfy { !log.contains($0) }, "\(reader) \(format)")
                #expect(log.contains("withheld"), "\(reader) \(format)")
            }
        }
        for reader in ["Sam Searcher", admin] {
            let log = try sandbox.succeed(["audit", "log", "--vacancy", "TA-2026-03", "--format", "json", "--by", reader])
            #expect(markers.allSatisfy(log.contains), "\(reader)")
        }
        // Other findings' details stay for everyone.
        #expect(try sandbox.succeed(["audit", "log", "--vacancy", "TA-2026-03", "--format", "json", "--by", "Grace Okafor"])
            .contains("NFA-MARKER"))
    }
}
