import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// Writes to the database file as another program would: plain SQL with the append-only
/// triggers dropped and foreign keys off.
private func tamper(_ path: String, _ sql: String) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.write { db in
        try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete")
        try db.execute(sql: sql)
    }
    try queue.close()
}

/// The seq of the first event with this action and reference.
func eventSeq(_ log: [AuditLogEntry], _ action: String, _ ref: String) -> Int64 {
    log.first { $0.event.action == action && $0.event.entityRef == ref }!.event.seq
}

/// One tampering, as SQL from the audit log, and the line `audit verify` must print about it.
struct CLITampering: CustomTestStringConvertible, Sendable {
    let name: String
    let sql: @Sendable ([AuditLogEntry]) -> String
    let lines: @Sendable ([AuditLogEntry]) -> [String]
    var testDescription: String { name }

    static let all: [CLITampering] = [
        CLITampering(name: "a detail changed", sql: {
            "UPDATE audit_detail SET details = json_set(details, '$.town', 'Elsewhere') WHERE seq = \(eventSeq($0, "candidate.add", "TA-2026-03/1"))"
        }, lines: {
            ["Broken at event \(eventSeq($0, "candidate.add", "TA-2026-03/1")): its details no longer match their hash (they were changed after they were written)."]
        }),
        CLITampering(name: "an event deleted", sql: {
            "DELETE FROM audit_detail WHERE seq = \(eventSeq($0, "staff.add", "Grace Okafor")); DELETE FROM audit_event WHERE seq = \(eventSeq($0, "staff.add", "Grace Okafor"))"
        }, lines: {
            let deleted = eventSeq($0, "staff.add", "Grace Okafor")
            return ["Broken at event \(deleted + 1): event \(deleted) is missing (deleted from the trail).",
                    "Record problem: staff Grace Okafor has no audit event (added without one)."]
        }),
        CLITampering(name: "two events reordered", sql: {
            let a = eventSeq($0, "finding.add", "TA-2026-03/1/F1"), b = a + 1
            return """
                UPDATE audit_event SET seq = -1 WHERE seq = \(a); UPDATE audit_event SET seq = \(a) WHERE seq = \(b);
                UPDATE audit_event SET seq = \(b) WHERE seq = -1; UPDATE audit_detail SET seq = -1 WHERE seq = \(a);
                UPDATE audit_detail SET seq = \(a) WHERE seq = \(b); UPDATE audit_detail SET seq = \(b) WHERE seq = -1
                """
        }, lines: {
            ["Broken at event \(eventSeq($0, "finding.add", "TA-2026-03/1/F1")): it does not follow the event before it (the trail was reordered, or an event removed)."]
        }),
        CLITampering(name: "a record changed without an event", sql: { _ in
            "UPDATE candidate SET town = 'Elsewhere' WHERE full_name = 'Zoë Ødegaard'"
        }, lines: { _ in ["Record problem: candidate TA-2026-03/1 does not match its last audit event (changed without one)."] }),
        CLITampering(name: "a record deleted with its children", sql: { _ in
            "DELETE FROM search_address WHERE entry_id = 1; DELETE FROM search_override WHERE entry_id = 1; DELETE FROM evidence WHERE entry_id = 1; DELETE FROM search_entry WHERE id = 1"
        }, lines: { _ in
            ["Record problem: search_entry TA-2026-03/1#1 is in the audit trail but no longer in the records (deleted without an event)."]
        }),
        CLITampering(name: "a record added without an event", sql: { _ in
            "INSERT INTO staff (name, created_at) VALUES ('Mallory Admin', '2026-11-20T10:00:00Z'); INSERT INTO staff_role VALUES (last_insert_rowid(), 'admin')"
        }, lines: { _ in ["Record problem: staff Mallory Admin has no audit event (added without one)."] }),
        CLITampering(name: "the head's hash changed", sql: {
            "UPDATE audit_event SET hash = '\(String(repeating: "ab", count: 32))' WHERE seq = \($0.last!.event.seq)"
        }, lines: { ["Broken at event \($0.last!.event.seq): its contents no longer match its hash (it was changed after it was written)."] }),
        CLITampering(name: "a field of the head changed", sql: {
            "UPDATE audit_event SET at = '2026-11-21T10:00:00Z' WHERE seq = \($0.last!.event.seq)"
        }, lines: { ["Broken at event \($0.last!.event.seq): its contents no longer match its hash (it was changed after it was written)."] }),
    ]
}

@Suite("CLI: audit verify and audit log")
struct AuditCLITests {
    @Test("an untampered database verifies, printing the event count and the head, exit 0")
    func verified() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let log = try sandbox.store().auditLog(AuditFilter())
        let records = try sandbox.store().read { db in
            try ["staff", "vacancy", "candidate", "search_entry", "finding", "setting", "finding_category", "protocol"].reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)")!) }
        }
        #expect(try sandbox.succeed(["audit", "verify"]) == """
            Events: \(log.count)
            Head: \(log.last!.hash)
            Fingerprint: \(log.last!.hash.prefix(4)) \(log.last!.hash.dropFirst(4).prefix(4)) \(log.last!.hash.dropFirst(8).prefix(4))
            Records checked against their last event: \(records)
            No head recorded earlier was checked: a rewrite of the whole trail, or the removal of its last events, would not show. \
            Keep heads with `shortlist audit anchor --out FILE` and check them with `shortlist audit verify --anchors FILE`.
            Verified: the audit trail is intact and every record matches it.

            """)
        // Verifying records nothing.
        #expect(try sandbox.store().auditLog(AuditFilter()).count == log.count)
    }

    @Test("tampering by plain SQL is named by audit verify, exit 3", arguments: CLITampering.all)
    func tampered(_ tampering: CLITampering) throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let log = try sandbox.store().auditLog(AuditFilter())
        try tamper(sandbox.database, tampering.sql(log))
        let result = try sandbox.run(["audit", "verify"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr == "")
        let lines = result.stdout.components(separatedBy: "\n")
        for line in tampering.lines(log) { #expect(lines.contains(line), "\(line)\n\(result.stdout)") }
        #expect(result.stdout.hasPrefix("Events: "))
        #expect(result.stdout.hasSuffix("NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.\n"))
        // The library says the same.
        #expect(!(try sandbox.store().verifyAudit().isValid))
    }

    @Test("--expect-head accepts an earlier head of the same chain, and refuses a forged one with exit 3")
    func expectHead() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let first = try sandbox.succeed(["audit", "verify"])
        let head = try #require(first.firstMatch(of: /Head: ([0-9a-f]{64})\n/)).1
        let events = try sandbox.store().auditLog(AuditFilter()).count
        try sandbox.succeed(["pack", "TA-2026-03", "--out", sandbox.path("pack"), "--by", "Sam Searcher"])

        let later = try sandbox.succeed(["audit", "verify", "--expect-head", String(head)])
        #expect(later.contains("Events: \(events + 4)\n"))
        #expect(later.hasSuffix("""
            Expected head: the expected head is event \(events); 4 events have been added since.
            Verified: the audit trail is intact and every record matches it.

            """))

        // The fingerprint, as printed and as read aloud, stands for the head.
        let fingerprint = try #require(first.firstMatch(of: /Fingerprint: ([0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4})\n/)).1
        #expect(fingerprint.filter { $0 != " " } == head.prefix(12))
        for given in [String(fingerprint), String(head.prefix(12)).uppercased()] {
            #expect(try sandbox.succeed(["audit", "verify", "--expect-head", given]).hasSuffix("""
                Expected head: the expected head is event \(events); 4 events have been added since.
                Verified: the audit trail is intact and every record matches it.

                """), "\(given)")
        }
        let short = try sandbox.run(["audit", "verify", "--expect-head", String(head.prefix(11))])
        #expect(short.status == 64, "\(short)")
        #expect(short.stdout == "")
        #expect(short.stderr == "error: --expect-head: '\(head.prefix(11))' is not valid; expected a head recorded earlier: at least its "
            + "first 12 hexadecimal characters (the fingerprint, such as 69f9 ff9f 7fa4), or the whole hash.\n")

        for forged in [String(repeating: "0", count: 64), String(head.reversed()), String(head.reversed().prefix(12))] {
            let result = try sandbox.run(["audit", "verify", "--expect-head", forged])
            #expect(result.status == 3, "\(forged): \(result)")
            #expect(result.stderr == "")
            #expect(result.stdout.hasSuffix("""
                Expected head: no event of this chain has that hash: the chain recorded then is not a prefix of today's.
                NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.

                """), "\(result.stdout)")
            #expect(!result.stdout.contains("Broken at"))
        }
    }

    @Test("--expect-head after an event was deleted says the trail is shorter than when the head was recorded")
    func expectHeadAfterDeletion() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let log = try sandbox.store().auditLog(AuditFilter())
        try tamper(sandbox.database, CLITampering.all.first { $0.name == "an event deleted" }!.sql(log))
        let result = try sandbox.run(["audit", "verify", "--expect-head", log.last!.hash])
        #expect(result.status == 3, "\(result)")
        #expect(result.stdout.hasSuffix("""
            Expected head: the expected head is event \(log.count), but the trail is shorter than when it was recorded: 1 event before it has been removed.
            NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.

            """), "\(result.stdout)")
        #expect(!result.stdout.contains("-1 events"))
    }

    @Test("audit anchor prints the head for the minutes and adds it to an owner-only anchors file, which verify --anchors checks")
    func anchor() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let file = sandbox.path("governors/anchors.txt")
        try FileManager.default.createDirectory(atPath: sandbox.path("governors"), withIntermediateDirectories: true)
        let first = try sandbox.succeed(["audit", "anchor", "--out", file])
        let log = try sandbox.store().auditLog(AuditFilter())
        let head = log.last!.hash, fingerprint = AuditVerification.fingerprint(of: head)
        #expect(first.hasSuffix("""
            Verified: the audit trail is intact and every record matches it.
            Anchor: 2026-11-20 \(log.count) \(head) \(fingerprint)
            For the minutes: on 20 November 2026 the audit trail ended at event \(log.count), fingerprint \(fingerprint) (head \(head)).
            Added to \(file); check every anchor in it with `shortlist audit verify --anchors \(file)`.

            """), "\(first)")
        #expect(!first.contains("No head recorded earlier"))
        // Verifying, anchoring and checking anchors record nothing in the database.
        #expect(try sandbox.store().auditLog(AuditFilter()).count == log.count)

        try sandbox.succeed(["pack", "TA-2026-03", "--out", sandbox.path("pack"), "--by", "Sam Searcher"])
        let second = try sandbox.succeed(["audit", "anchor", "--out", file])
        #expect(second.contains("Anchors: 1 checked, each an event of this chain with the hash recorded.\n"))
        let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }.count == 2)
        #expect(lines.first == "# shortlist audit anchors: heads of the audit trail, kept away from the database.")
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)

        #expect(try sandbox.succeed(["audit", "verify", "--anchors", file]).hasSuffix("""
            Anchors: 2 checked, each an event of this chain with the hash recorded.
            Verified: the audit trail is intact and every record matches it.

            """))
        // Without --out it only prints.
        let printed = try sandbox.succeed(["audit", "anchor"])
        #expect(printed.contains("For the minutes: on 20 November 2026 the audit trail ended at event \(log.count + 4), fingerprint "))
        #expect(!printed.contains("Added to"))
    }

    @Test("verify --anchors: a tail cut off or a rewritten trail fails with exit 3, naming each anchor's date and event")
    func anchorsBroken() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let file = sandbox.path("anchors.txt")
        try sandbox.succeed(["audit", "anchor", "--out", file])
        let log = try sandbox.store().auditLog(AuditFilter())
        let last = log.last!.event.seq
        // The last event added a candidate: the candidate goes too, so nothing but the anchor shows it.
        try tamper(sandbox.database, """
            DELETE FROM audit_detail WHERE seq = \(last); DELETE FROM audit_event WHERE seq = \(last);
            DELETE FROM candidate WHERE id = \(log.last!.event.candidateID!)
            """)
        try sandbox.succeed(["audit", "verify"])
        let cut = try sandbox.run(["audit", "verify", "--anchors", file])
        #expect(cut.status == 3, "\(cut)")
        #expect(cut.stderr == "")
        #expect(cut.stdout.hasSuffix("""
            Anchor problem: the anchor of 20 November 2026 at event \(last): the trail now ends at event \(last - 1), so events have been \
            removed from its end since the anchor was recorded (or the anchor is another database's).
            NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.

            """), "\(cut.stdout)")

        // Anchoring again refuses, and leaves the file as it was.
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let refused = try sandbox.run(["audit", "anchor", "--out", file])
        #expect(refused.status == 3)
        #expect(refused.stdout.hasSuffix("NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.\n"
            + "Nothing was anchored: only a trail that verifies is anchored.\n"), "\(refused.stdout)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
    }

    @Test("verify --anchors with a bad line exits 1 naming the file and line; a missing file likewise")
    func anchorsFileErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let file = try sandbox.write("anchors.txt", Data("# kept by the clerk\n2026-11-20 12 69f9ff9f7fa4\n20/11/2026 13 69f9ff9f7fa4\n".utf8))
        let bad = try sandbox.run(["audit", "verify", "--anchors", file])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stdout == "")
        #expect(bad.stderr == "error: \(file):3: '20/11/2026' is not a date in the form YYYY-MM-DD. Nothing was checked or written; correct "
            + "the line as `shortlist audit anchor` writes it (DATE EVENT HASH FINGERPRINT), or remove it.\n")
        let missing = try sandbox.run(["audit", "verify", "--anchors", sandbox.path("nowhere.txt")])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: \(sandbox.path("nowhere.txt")): the anchors file cannot be read; check the path and its permissions.\n")
    }

    @Test("audit log filters by vacancy, candidate, actor and London dates; JSON and CSV parse")
    func log() throws {
        let sandbox = try Sandbox()
        // Events on three days; the first at 00:30 on 1 July in London (23:30 UTC on 30 June). Each
        // store is let go before the next opens and before the binary runs.
        func at(_ iso: String, _ changes: (Store) throws -> Void) throws {
            try changes(try Store.open(at: sandbox.database, clock: { Timestamp.parse(iso: iso)! }))
        }
        _ = try Store.create(at: sandbox.database, admin: admin, clock: { Timestamp.parse(iso: "2026-06-30T23:30:00Z")! })
        try at("2026-06-30T23:30:00Z") { store in
            try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
            try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant"), by: "Sam Searcher")
            try store.addVacancy(VacancyDraft(reference: "MS-2026-02", postTitle: "Midday Supervisor"), by: "Sam Searcher")
        }
        try at("2026-07-02T09:00:00Z") { store in
            try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë Ødegaard"), by: "Sam Searcher")
            try store.addCandidate(to: "MS-2026-02", CandidateDraft(fullName: "Amara Okoye"), by: "Sam Searcher")
        }
        try at("2026-07-05T15:00:00Z") { store in
            var town = CandidateChanges()
            town.town = "Chester"
            try store.updateCandidate(CandidateReference(vacancy: "TA-2026-03", number: 1), town, by: admin)
            try store.notifyCandidate(CandidateReference(vacancy: "MS-2026-02", number: 1), on: nil, via: .email, by: "Sam Searcher")
        }

        func events(_ filter: [String]) throws -> [String] {
            let json = try sandbox.succeed(["audit", "log", "--format", "json"] + filter)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
            return rows.map { "\($0["seq"] as! Int) \($0["action"] as! String) \($0["ref"] as! String)" }
        }
        #expect(try events([]) == ["1 staff.add Ann Admin", "2 staff.add Sam Searcher", "3 vacancy.add TA-2026-03", "4 vacancy.add MS-2026-02",
                                   "5 candidate.add TA-2026-03/1", "6 candidate.add MS-2026-02/1", "7 candidate.update TA-2026-03/1",
                                   "8 candidate.notify MS-2026-02/1"])
        #expect(try events(["--vacancy", "TA-2026-03"]) == ["3 vacancy.add TA-2026-03", "5 candidate.add TA-2026-03/1", "7 candidate.update TA-2026-03/1"])
        #expect(try events(["--candidate", "MS-2026-02/1"]) == ["6 candidate.add MS-2026-02/1", "8 candidate.notify MS-2026-02/1"])
        #expect(try events(["--actor", admin]) == ["2 staff.add Sam Searcher", "7 candidate.update TA-2026-03/1"])
        #expect(try events(["--actor", admin, "--vacancy", "MS-2026-02"]) == [])
        #expect(try events(["--until", "2026-06-30"]) == [])
        #expect(try events(["--since", "2026-07-01", "--until", "01/07/2026"]) == ["1 staff.add Ann Admin", "2 staff.add Sam Searcher",
                                                                                    "3 vacancy.add TA-2026-03", "4 vacancy.add MS-2026-02"])
        #expect(try events(["--since", "2026-07-02", "--until", "2026-07-04"]) == ["5 candidate.add TA-2026-03/1", "6 candidate.add MS-2026-02/1"])
        #expect(try events(["--since", "2026-07-05", "--vacancy", "TA-2026-03"]) == ["7 candidate.update TA-2026-03/1"])
        #expect(try sandbox.succeed(["audit", "log", "--format", "json", "--since", "2027-01-01"]) == "[]\n")

        let csv = try CSVReader.parse(Data(try sandbox.succeed(["audit", "log", "--format", "csv", "--candidate", "TA-2026-03/1"]).utf8))
        #expect(csv.first?.fields == ["seq", "at", "actor", "os_account", "action", "entity", "ref", "details", "hash"])
        #expect(csv.count == 3)
        let update = try #require(csv.last?.fields)
        #expect(Array(update[0..<3]) == ["7", "2026-07-05T15:00:00Z", admin])
        #expect(Array(update[4..<7]) == ["candidate.update", "candidate", "TA-2026-03/1"])
        #expect(update[7] == #"{"after":{"town":"Chester"},"before":{"town":""}}"#)
        #expect(update[8] == (try sandbox.store().auditLog(AuditFilter()))[6].hash)

        // The table shows London times.
        #expect(try sandbox.succeed(["audit", "log", "--until", "2026-07-01"]).contains("1 July 2026 00:30"))
    }

    @Test("audit log as a table fits 120 columns, details summarised and cut short; JSON keeps every field whole")
    func logTable() throws {
        let sandbox = try Sandbox()
        try sandbox.succeed(["demo", "--dir", "demo"])
        let demo = ["SHORTLIST_DB": sandbox.path("demo/shortlist.sqlite")]
        let table = try sandbox.succeed(["audit", "log"], environment: demo).components(separatedBy: "\n").dropLast()
        #expect(table.allSatisfy { $0.count <= 120 }, "\(table.filter { $0.count > 120 })")
        #expect(table.first?.split(separator: " ", omittingEmptySubsequences: true) == ["Event", "When", "Actor", "Action", "Reference", "Details"])
        #expect(table.contains { $0.hasSuffix("…") })
        #expect(table.contains { $0.contains("  vacancy.update     MS-2026-02       status: open → shortlisted") })
        #expect(table.contains { $0.contains("  candidate.outcome  CL-2026-01/1     pending → appointed; on: 2026-11-20") })

        // As an admin, who sees every finding's details (others do not see a protected one's).
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.succeed(["audit", "log", "--format", "json", "--by", "Alex Morgan"],
                                                                                                  environment: demo).utf8)) as? [[String: Any]])
        #expect(json.count == table.count - 2)
        #expect(Set(json[0].keys) == ["seq", "at", "actor", "os_account", "action", "entity", "ref", "details", "hash"])
        let store = try Store.open(at: sandbox.path("demo/shortlist.sqlite"), clock: sandboxClock)
        let log = try store.auditLog(AuditFilter())
        #expect(json.map { $0["details"] as? String } == log.map(\.details))

        // One recruitment: only events whose vacancy is TA-2026-03.
        let one = try sandbox.succeed(["audit", "log", "--vacancy", "TA-2026-03"], environment: demo).components(separatedBy: "\n").dropFirst(2).dropLast()
        #expect(!one.isEmpty)
        #expect(one.allSatisfy { $0.split(separator: " ").contains { $0.hasPrefix("TA-2026-03") } }, "\(one)")
        let vacancyID = try store.vacancy("TA-2026-03").id
        #expect(one.count == log.count { $0.event.vacancyID == vacancyID })
    }

    @Test("audit log refuses an unknown vacancy or candidate, and a date that is not one")
    func logErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard"])
        let unknown = try sandbox.run(["audit", "log", "--vacancy", "XX-1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: No vacancy with reference XX-1; see `shortlist vacancy list`.\n")
        let candidate = try sandbox.run(["audit", "log", "--candidate", "TA-2026-03/9"])
        #expect(candidate.status == 1)
        #expect(candidate.stderr == "error: No candidate TA-2026-03/9; see `shortlist candidate list --vacancy TA-2026-03`.\n")
        let date = try sandbox.run(["audit", "log", "--since", "31/02/2026"])
        #expect(date.status == 64)
        #expect(date.stderr == "error: --since: '31/02/2026' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27).\n")
    }
}
