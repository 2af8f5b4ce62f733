import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The retention fixture (see RetentionFixture.swift) built into a sandbox, and what the
/// data-protection tests read from its files.
private struct RetentionSandbox {
    let sandbox: Sandbox
    let by = ["--by", admin]

    init() throws {
        sandbox = try Sandbox()
        // Built in a scope of its own, so that no connection of this process stays open on the file.
        try { _ = try RetentionFixture.build(at: sandbox.database) }()
    }

    /// The bytes of the database file and of its write-ahead log, if there is one.
    func fileBytes() throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: sandbox.database))
        if let wal = FileManager.default.contents(atPath: sandbox.database + "-wal") { data.append(wal) }
        return data
    }

    /// Which of `strings` occur, as UTF-8, in the database file or its log.
    func found(_ strings: [String]) throws -> [String] {
        let bytes = try fileBytes()
        return strings.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    /// A value read with the library, on a connection closed before returning.
    func read<T>(_ body: (Store) throws -> T) throws -> T {
        try body(try sandbox.store())
    }

    /// Runs the binary and parses its stdout as JSON, expecting exit 0 and nothing on stderr.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let out = try sandbox.succeed(arguments, sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(out.utf8))
    }

    /// Rows of a listing printed with --format json.
    func rows(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try #require(try json(arguments + ["--format", "json"], sourceLocation: sourceLocation) as? [[String: Any]],
                     sourceLocation: sourceLocation)
    }

    /// `purge --format json`: its rows, after checking that stderr holds exactly the held vacancies' lines.
    func purgeRows(held: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try sandbox.run(["purge", "--format", "json"])
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == held.joined(), sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                            sourceLocation: sourceLocation)
    }

    func tamper(_ sql: String) throws { try tamperWithFile(sandbox.database, sql) }

    /// What every read-only listing shows, to compare before and after a dry run.
    func listings() throws -> [String] {
        var outputs = [try sandbox.succeed(["audit", "log", "--format", "json"]), try sandbox.succeed(["retention", "show"])]
        for vacancy in [RetentionFixture.old, RetentionFixture.recent, RetentionFixture.open, RetentionFixture.held] {
            outputs.append(try sandbox.succeed(["status", "--vacancy", vacancy, "--format", "json"]))
            outputs.append(try sandbox.succeed(["candidate", "list", "--vacancy", vacancy, "--format", "json"]))
            outputs.append(try sandbox.succeed(["finding", "list", "--vacancy", vacancy, "--format", "json"]))
        }
        for number in 1...3 {
            outputs.append(try sandbox.succeed(["check", "history", "\(RetentionFixture.old)/\(number)", "--format", "json"]))
        }
        return outputs
    }
}

/// Plain SQL on the database file, as another program would write it: no triggers, no foreign keys.
private func tamperWithFile(_ path: String, _ sql: String) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.write { db in
        try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete")
        try db.execute(sql: sql)
    }
    try queue.close()
}

private let purgeTable = """
    Candidate      Outcome        Vacancy closed  Due              Action
    -------------  -------------  --------------  ---------------  ------------------------------------
    OLD-2026-01/1  appointed      15 April 2026   15 October 2026  reduce the search record to one line
    OLD-2026-01/2  not-appointed  15 April 2026   15 October 2026  remove personal data
    OLD-2026-01/3  withdrew       15 April 2026   15 October 2026  remove personal data
    Retention: 6 months after closing. Nothing was changed; add --apply to purge.

    """
private let heldLine = "held: HELD-2026-04 (Employment tribunal claim pending (HOLD-9902)): nothing of it is purged until the hold is lifted\n"

@Suite("CLI: retention, purge, subject access export, backup and doctor")
struct DataProtectionCLITests {
    // MARK: - Purge

    @Test("purge without --apply lists what is due, names the held vacancy on stderr, and changes nothing")
    func purgeDryRun() throws {
        let scene = try RetentionSandbox()
        let listings = try scene.listings()
        let bytes = try scene.fileBytes()

        let result = try scene.sandbox.run(["purge"])

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == purgeTable)
        #expect(result.stderr == heldLine)
        let rows = try scene.purgeRows(held: [heldLine])
        #expect(rows.map { $0["candidate"] as? String } == ["OLD-2026-01/1", "OLD-2026-01/2", "OLD-2026-01/3"])
        #expect(rows.map { $0["outcome"] as? String } == ["appointed", "not-appointed", "withdrew"])
        #expect(rows.allSatisfy { $0["closed_on"] as? String == "2026-04-15" && $0["due_on"] as? String == "2026-10-15" })
        #expect(rows.map { $0["action"] as? String } == ["reduce the search record to one line", "remove personal data", "remove personal data"])
        #expect(try scene.fileBytes() == bytes, "a dry run wrote to the database file")
        #expect(try scene.listings() == listings)
    }

    @Test("purge --apply removes every personal detail from the file; stubs still count; audit verify passes, and catches a later deletion")
    func purgeApply() throws {
        let scene = try RetentionSandbox()
        let everything = [RetentionFixture.appointeeName] + RetentionFixture.appointeeDetails + RetentionFixture.removedDetails
            + RetentionFixture.keptDetails
        #expect(try scene.found(everything) == everything)
        let (entries, details) = try scene.read { store in
            try store.read { db in
                let ids = "SELECT c.id FROM candidate c JOIN vacancy v ON v.id = c.vacancy_id WHERE v.reference = 'OLD-2026-01'"
                return (try Int.fetchOne(db, sql: "SELECT count(*) FROM search_entry WHERE candidate_id IN (\(ids))")!,
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event WHERE candidate_id IN (\(ids))")!)
            }
        }

        let output = try scene.sandbox.succeed(["purge", "--apply"] + scene.by)

        #expect(output == "Purged 3 candidates (2 removed, 1 reduced) of 1 vacancies: \(entries) search entries, 2 findings, "
            + "1 evidence files, \(details) audit details.\n")
        #expect(entries == 27)
        #expect(try scene.found(RetentionFixture.appointeeDetails + RetentionFixture.removedDetails) == [])
        #expect(try scene.found([RetentionFixture.appointeeName]) == [RetentionFixture.appointeeName])
        #expect(try scene.found(RetentionFixture.keptDetails) == RetentionFixture.keptDetails)
        let evidence = scene.sandbox.path("shortlist-evidence")
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence) == [RetentionFixture.sharedEvidenceHash])

        // The stubs: the vacancy, numbers, outcomes and counts stay; the appointee keeps the name and one line.
        let status = try #require(try scene.json(["status", "--vacancy", RetentionFixture.old, "--format", "json"]) as? [[String: Any]])
        let candidates = try #require(status.first?["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["reference"] as? String } == ["OLD-2026-01/1", "OLD-2026-01/2", "OLD-2026-01/3"])
        #expect(candidates.map { $0["full_name"] as? String } == [RetentionFixture.appointeeName, "", ""])
        #expect(candidates.map { $0["outcome"] as? String } == ["appointed", "not-appointed", "withdrew"])
        #expect(candidates.map { "\($0["queries_done"] ?? "")/\($0["queries_planned"] ?? "")" } == ["13/13", "10/10", "2/10"])
        #expect(candidates.allSatisfy { ($0["notes"] as? [String])?.contains("purged on 20 November 2026") == true })
        let report = try #require(try scene.json(["report", "--vacancy", RetentionFixture.old, "--format", "json"] + scene.by) as? [String: Any])
        let section = try #require((report["vacancies"] as? [[String: Any]])?.first)
        #expect(section["shortlisted"] as? Int == 3)
        #expect((section["candidates"] as? [[String: Any]])?.map { $0["searches"] as? String } == ["13 of 13", "10 of 10", "2 of 10"])
        let line = try scene.read { try $0.candidate(RetentionFixture.appointee).purgeSummary?.line }
        #expect(line == "Online search completed on 6 March 2026 by Sam Searcher; outcome: findings raised at interview")

        let log = try scene.rows(["audit", "log"])
        let purge = try #require(log.last { $0["action"] as? String == "purge" })
        let purgeDetails = try #require(purge["details"] as? String)
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(purgeDetails.utf8)) as? [String: Any])
        #expect(counts["candidates"] as? Int == 3 && counts["removed"] as? Int == 2 && counts["reduced"] as? Int == 1)
        #expect(counts["searchEntries"] as? Int == entries && counts["findings"] as? Int == 2 && counts["auditDetails"] as? Int == details)
        let purgeSeq = try #require(purge["seq"] as? Int)
        #expect(log.filter { ($0["seq"] as? Int ?? 0) > purgeSeq }.map { "\($0["action"] ?? "") \($0["ref"] ?? "")" }
            == ["candidate.purge OLD-2026-01/1", "candidate.purge OLD-2026-01/2", "candidate.purge OLD-2026-01/3", "document.report OLD-2026-01"])

        let verify = try scene.sandbox.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.hasSuffix("Verified: the audit trail is intact and every record matches it.\n"))

        let victim = try #require(log.first { $0["action"] as? String == "candidate.add" && $0["ref"] as? String == "REC-2026-02/1" }?["seq"] as? Int)
        try scene.tamper("DELETE FROM audit_detail WHERE seq = \(victim)")
        let broken = try scene.sandbox.run(["audit", "verify"])
        #expect(broken.status == 3)
        #expect(broken.stdout.contains("Broken at event \(victim): its details were deleted, and no purge accounts for it.\n"))
        #expect(broken.stdout.hasSuffix("NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.\n"))
    }

    @Test("a held vacancy stays out of the purge until the hold is lifted; retention set changes what is due")
    func holdsAndRetention() throws {
        let scene = try RetentionSandbox()
        let sandbox = scene.sandbox
        #expect(try sandbox.succeed(["vacancy", "hold", RetentionFixture.old, "--reason", "Subject access request in progress"] + scene.by)
            == "OLD-2026-01: held (Subject access request in progress).\n")
        let nothing = try sandbox.run(["purge"])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.hasSuffix("(none)\nRetention: 6 months after closing. Nothing was changed; add --apply to purge.\n"))
        #expect(nothing.stderr == heldLine
            + "held: OLD-2026-01 (Subject access request in progress): nothing of it is purged until the hold is lifted\n")
        #expect(try sandbox.succeed(["purge", "--apply"] + scene.by)
            == "Purged 0 candidates (0 removed, 0 reduced) of 0 vacancies: 0 search entries, 0 findings, 0 evidence files, 0 audit details.\n")
        #expect(try scene.found(["Ottoline Vexworth-Purge", "Horatio Heldback-Keep"]).count == 2)

        #expect(try sandbox.succeed(["vacancy", "hold", RetentionFixture.held, "--lift", "--reason", "The claim was settled."] + scene.by)
            == "HELD-2026-04: hold lifted.\n")
        let sarLine = "held: OLD-2026-01 (Subject access request in progress): nothing of it is purged until the hold is lifted\n"
        #expect(try scene.purgeRows(held: [sarLine]).map { "\($0["candidate"] ?? "") \($0["due_on"] ?? "")" } == ["HELD-2026-04/1 2026-09-20"])

        #expect(try sandbox.succeed(["retention", "set", "--months", "4"] + scene.by) == "Retention: 4 months after a vacancy closes.\n")
        #expect(try sandbox.succeed(["retention", "show"]).hasPrefix("4 months after a vacancy closes (or is withdrawn):\n"))
        #expect(try scene.purgeRows(held: [sarLine]).map { "\($0["candidate"] ?? "") \($0["due_on"] ?? "")" }
            == ["HELD-2026-04/1 2026-07-20", "REC-2026-02/1 2026-10-20", "REC-2026-02/2 2026-10-20"])
        #expect(try sandbox.succeed(["retention", "set", "--months", "9"] + scene.by) == "Retention: 9 months after a vacancy closes.\n")
        #expect(try scene.purgeRows(held: []).isEmpty)
        #expect(try sandbox.succeed(["purge", "--apply"] + scene.by).hasPrefix("Purged 0 candidates"))
        #expect(try sandbox.run(["audit", "verify"]).status == 0)
    }

    @Test("retention and purge refuse a bad period and a staff member without the admin role", arguments: [
        (["retention", "set", "--months", "0", "--by", admin], 64,
         "error: --months: '0' is not valid; expected a number of months from 1 to 120.\n"),
        (["retention", "set", "--months", "3", "--by", "Sam Searcher"], 1,
         "error: Sam Searcher cannot change settings: it needs the role admin. An admin can add it with `shortlist staff update \"Sam Searcher\" --add-role admin --by ADMIN`.\n"),
        (["purge", "--apply", "--by", "Priya Shah"], 1,
         "error: Priya Shah cannot purge personal data: it needs the role admin. An admin can add it with `shortlist staff update \"Priya Shah\" --add-role admin --by ADMIN`.\n"),
    ] as [([String], Int32, String)])
    func purgeRefusals(arguments: [String], status: Int32, stderr: String) throws {
        let scene = try RetentionSandbox()
        let result = try scene.sandbox.run(arguments)
        #expect(result.status == status)
        #expect(result.stdout == "")
        #expect(result.stderr == stderr)
        #expect(try scene.read { try $0.retentionMonths() } == 6)
        #expect(try scene.found(["Ottoline Vexworth-Purge"]) == ["Ottoline Vexworth-Purge"])
    }

    // MARK: - Subject access export

    @Test("candidate export prints everything held about the candidate as JSON, and nothing about anyone else")
    func exportToStandardOutput() throws {
        let scene = try RetentionSandbox()
        let before = try scene.read { try $0.statistics().events }

        let out = try scene.sandbox.succeed(["candidate", "export", "OLD-2026-01/1"] + scene.by)

        let export = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(export["reference"] as? String == "OLD-2026-01/1")
        let candidate = try #require(export["candidate"] as? [String: String])
        #expect(candidate["full_name"] == RetentionFixture.appointeeName && candidate["email"] == "zebediah.qp@purge-test.example")
        #expect(candidate["town"] == "Wigglesworth-on-Tweed" && candidate["other_names"] == "Zeb Xylophant-Alias")
        let entries = try #require(export["search_entries"] as? [[String: Any]])
        #expect(entries.count == 15)
        #expect(entries.filter { $0["state"] as? String == "superseded" }.count == 1)
        #expect(entries.filter { $0["state"] as? String == "withdrawn" }.map { $0["withdrawn_reason"] as? String }
            == ["WITHDRAWN-REASON-ZQP-7742 logged against the wrong query"])
        let findings = try #require(export["findings"] as? [[String: Any]])
        let versions = try #require(findings.first?["versions"] as? [[String: Any]])
        #expect(versions.map { ($0["fields"] as? [String: String])?["action"] } == ["add", "update", "decide", "respond", "respond"])
        #expect((versions.last?["fields"] as? [String: String])?["follow_up"] == "FOLLOWUP-ZQP-8860 the referee had no concerns.")
        #expect((versions.last?["fields"] as? [String: String])?["response"] == "RESPONSE-ZQP-8858 It was a joke I regret.")
        #expect((export["panel_documents"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["dossier"])
        let evidence = try #require(export["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["sha256"] as? String } == [RetentionFixture.zqpEvidenceHash])
        #expect(evidence.map { $0["check"] as? String } == ["ok"])
        let events = try #require(export["audit_events"] as? [[String: Any]])
        #expect(events.last?["action"] as? String == "candidate.export")
        #expect(events.contains { $0["action"] as? String == "document.dossier" })

        for detail in RetentionFixture.detailsByCandidate["OLD-2026-01/1"]! {
            #expect(out.contains(detail), "missing: \(detail)")
        }
        for (reference, details) in RetentionFixture.detailsByCandidate where reference != "OLD-2026-01/1" {
            for detail in details { #expect(!out.contains(detail), "\(reference)'s detail: \(detail)") }
        }
        // The export is recorded.
        #expect(try scene.read { try $0.statistics().events } == before + 1)
        let log = try scene.rows(["audit", "log", "--candidate", "OLD-2026-01/1"])
        #expect(log.last?["action"] as? String == "candidate.export" && log.last?["actor"] as? String == admin)
        #expect(log.last?["details"] as? String == "{\"evidence_copied\":\"no\"}")
    }

    @Test("candidate export --out --with-evidence writes an owner-only file and copies the evidence with its bytes")
    func exportToFileWithEvidence() throws {
        let scene = try RetentionSandbox()
        let out = scene.sandbox.path("sar/OLD-2026-01-1.json")
        let folder = scene.sandbox.path("sar/evidence")

        let result = try scene.sandbox.run(["candidate", "export", "OLD-2026-01/1", "--out", out, "--with-evidence", folder] + scene.by)

        #expect(result.status == 0 && result.stdout == "", "\(result)")
        #expect(result.stderr == "Copied 1 evidence file into \(folder).\nWrote \(out)\n")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        let export = try #require(try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let entry = try #require((export["evidence"] as? [[String: Any]])?.first?["entry"] as? Int)
        let name = "\(entry)-\(RetentionFixture.zqpEvidenceHash.prefix(12))-\(RetentionFixture.zqpEvidenceName)"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name])
        #expect(FileManager.default.contents(atPath: folder + "/" + name) == RetentionFixture.zqpEvidenceBytes)
        #expect((export["audit_events"] as? [[String: Any]])?.last?["details"] as? String == "{\"evidence_copied\":\"yes\"}")
    }

    @Test("candidate export --out refuses an existing file, and then neither writes nor records an export")
    func exportRefusesExistingFile() throws {
        let scene = try RetentionSandbox()
        let out = try scene.sandbox.write("existing.json", Data("keep me".utf8))
        let events = try scene.read { try $0.statistics().events }

        let result = try scene.sandbox.run(["candidate", "export", "OLD-2026-01/2", "--out", out] + scene.by)

        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: \(out): already exists; nothing was written. Choose a new file.\n")
        #expect(FileManager.default.contents(atPath: out) == Data("keep me".utf8))
        let after = try scene.read { try $0.statistics().events }
        #expect(after == events)
    }

    @Test("purge --apply removes evidence files that no record names, says so, and records it; doctor then passes")
    func purgeRemovesUnreferencedEvidence() throws {
        let scene = try RetentionSandbox()
        _ = try scene.sandbox.succeed(["purge", "--apply"] + scene.by)
        // What a purge killed after its commit, before it unlinked the file, leaves.
        let left = scene.sandbox.path("shortlist-evidence/" + RetentionFixture.zqpEvidenceHash)
        try RetentionFixture.zqpEvidenceBytes.write(to: URL(fileURLWithPath: left))
        #expect(try scene.sandbox.run(["doctor"]).status == 3)

        let result = try scene.sandbox.run(["purge", "--apply"] + scene.by)

        #expect(result.status == 0 && result.stderr == "", "\(result)")
        #expect(result.stdout == "Purged 0 candidates (0 removed, 0 reduced) of 0 vacancies: 0 search entries, 0 findings, 0 evidence files, 0 audit details.\n"
            + "Removed 1 evidence file that no record named (left by an interrupted purge or search); the removal is recorded.\n")
        #expect(!FileManager.default.fileExists(atPath: left))
        let log = try scene.rows(["audit", "log"])
        #expect(log.last?["action"] as? String == "evidence.remove-unreferenced" && log.last?["actor"] as? String == admin)
        #expect(try scene.sandbox.run(["doctor"]).status == 0)
        #expect(try scene.sandbox.succeed(["purge", "--apply"] + scene.by)
            == "Purged 0 candidates (0 removed, 0 reduced) of 0 vacancies: 0 search entries, 0 findings, 0 evidence files, 0 audit details.\n")
    }

    // MARK: - Backup

    @Test("backup while another process adds candidates: a verified, owner-only copy with its evidence; an existing file is never replaced")
    func backupWhileWriting() throws {
        let scene = try RetentionSandbox()
        let sandbox = scene.sandbox
        let stop = sandbox.path("stop-writing")
        let script = """
            i=0
            while [ ! -e "$STOP" ] && [ $i -lt 400 ]; do
              i=$((i+1))
              "$SHORTLIST_BIN_UNDER_TEST" candidate add --vacancy OPEN-2026-03 --name "Loop Writer $i" --by "Sam Searcher" > /dev/null || exit 1
            done
            echo $i
            """
        let writer = try sandbox.start(["-c", script], executable: "/bin/sh",
                                       environment: ["STOP": stop, "SHORTLIST_BIN_UNDER_TEST": try ShortlistBinary.path()])
        func added() throws -> Int { try scene.read { try $0.candidates(of: RetentionFixture.open).count } - 1 }
        let deadline = Date().addingTimeInterval(30)
        while try added() < 3, Date() < deadline { usleep(20_000) }
        let atStart = try added()
        #expect(atStart >= 3)

        let copy = sandbox.path("backups/2026-11-20.sqlite")
        let result = try sandbox.run(["backup", copy])

        let stillWriting = writer.isRunning
        #expect(FileManager.default.createFile(atPath: stop, contents: Data()))
        let loop = try writer.finish(timeout: 60)
        #expect(loop.status == 0, "\(loop)")
        #expect(stillWriting, "the writer finished before the backup did; the backup was not taken during writes")
        let writes = Int(loop.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(try added() == writes)

        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        let opened = try Store.open(at: copy, clock: sandboxClock)
        let verification = try opened.verifyAudit()
        #expect(verification.isValid)
        #expect(result.stdout == "Backed up to \(copy): \(verification.events) audit events verified, head \(verification.head); 2 evidence files copied.\n")
        #expect(try opened.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        let copied = try opened.candidates(of: RetentionFixture.open).count - 1
        #expect(copied >= atStart && copied <= writes)
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o600)
        let verify = try sandbox.run(["audit", "verify", "--db", copy])
        #expect(verify.status == 0 && verify.stdout.hasSuffix("Verified: the audit trail is intact and every record matches it.\n"), "\(verify)")
        let evidence = sandbox.path("backups/2026-11-20-evidence")
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence).sorted()
            == [RetentionFixture.zqpEvidenceHash, RetentionFixture.sharedEvidenceHash].sorted())
        #expect(FileManager.default.contents(atPath: evidence + "/" + RetentionFixture.sharedEvidenceHash) == RetentionFixture.sharedEvidenceBytes)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let again = try sandbox.run(["backup", copy])
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr == "error: \(copy): already exists; a backup never replaces a file. Choose a new name.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes)
    }

    // MARK: - Doctor

    @Test("doctor passes on a healthy database: every line ok, exit 0")
    func doctorHealthy() throws {
        let scene = try RetentionSandbox()
        _ = try scene.sandbox.succeed(["purge", "--apply"] + scene.by)
        let audit = try scene.read { try $0.verifyAudit() }

        let result = try scene.sandbox.run(["doctor"])

        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout == """
            ok   integrity: ok
            ok   foreign keys: 0 broken references
            ok   schema: migrations 0007_letters of 0007_letters
            ok   audit trail: \(audit.events) events, head \(audit.head)
            ok   evidence files: 1 present and unchanged
            ok   unreferenced evidence: none
            ok   permissions: owner only
            ok   retention: no purge overdue

            """)
    }

    @Test("doctor finds a problem, says what to do about it, and exits 3", arguments: DataProtectionDoctorProblem.all)
    func doctorFindsProblem(_ problem: DataProtectionDoctorProblem) throws {
        let scene = try RetentionSandbox()
        if problem.purgeFirst { _ = try scene.sandbox.succeed(["purge", "--apply"] + scene.by) }
        try problem.cause(scene.sandbox)

        let result = try scene.sandbox.run(["doctor"])

        #expect(result.status == 3, "\(result)")
        #expect(result.stderr == "")
        let failing = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("ok   ") && !$0.isEmpty }.joined(separator: "\n")
        #expect(failing == problem.lines(scene.sandbox).joined(separator: "\n"))
    }
}

/// One problem `shortlist doctor` must find, how to cause it, and the lines it must print.
struct DataProtectionDoctorProblem: CustomTestStringConvertible, Sendable {
    let name: String
    let purgeFirst: Bool
    let cause: @Sendable (Sandbox) throws -> Void
    let lines: @Sendable (Sandbox) -> [String]
    var testDescription: String { name }

    static let all: [DataProtectionDoctorProblem] = [
        DataProtectionDoctorProblem(name: "a changed evidence file", purgeFirst: true, cause: { sandbox in
            try Data("altered".utf8).write(to: URL(fileURLWithPath: sandbox.path("shortlist-evidence/" + RetentionFixture.sharedEvidenceHash)))
        }, lines: { sandbox in
            ["FAIL evidence files: \(RetentionFixture.sharedEvidenceHash.prefix(12)) changed",
             "     what to do: Restore the evidence folder \(sandbox.path("shortlist-evidence")) from the latest backup."]
        }),
        DataProtectionDoctorProblem(name: "an evidence file that no record names (a purge killed before it removed it)", purgeFirst: true, cause: { sandbox in
            try RetentionFixture.zqpEvidenceBytes.write(to: URL(fileURLWithPath: sandbox.path("shortlist-evidence/" + RetentionFixture.zqpEvidenceHash)))
        }, lines: { _ in
            ["FAIL unreferenced evidence: 1 file that no record names: \(RetentionFixture.zqpEvidenceHash.prefix(12))",
             "     what to do: Remove them with `shortlist purge --apply` (the removal is recorded); a purge or a search that was interrupted left them."]
        }),
        DataProtectionDoctorProblem(name: "a database readable by others", purgeFirst: true, cause: { sandbox in
            chmod(sandbox.database, 0o644)
        }, lines: { sandbox in
            ["FAIL permissions: \(sandbox.database) is 644, expected 600; \(sandbox.database)-wal is 644, expected 600; \(sandbox.database)-shm is 644, expected 600",
             "     what to do: Make them the owner's only: chmod 600 on the database files, chmod 700 on the evidence folder."]
        }),
        DataProtectionDoctorProblem(name: "a broken chain (an event changed after dropping its trigger)", purgeFirst: true, cause: { sandbox in
            try tamperWithFile(sandbox.database, "UPDATE audit_event SET actor = 'Mallory' WHERE seq = 5")
        }, lines: { _ in
            ["FAIL audit trail: broken at event 5: its contents no longer match its hash (it was changed after it was written)",
             "     what to do: Run `shortlist audit verify` for details; restore the latest backup and investigate."]
        }),
        DataProtectionDoctorProblem(name: "an overdue purge", purgeFirst: false, cause: { _ in }, lines: { _ in
            ["FAIL retention: 3 candidates' personal data is past its retention date",
             "     what to do: Review with `shortlist purge`, then run `shortlist purge --apply` (or hold the vacancy)."]
        }),
    ]
}
