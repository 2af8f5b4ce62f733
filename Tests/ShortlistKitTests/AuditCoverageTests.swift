import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// Writes to the database file as the sqlite3 shell could: no triggers, no foreign keys, and with
/// `PRAGMA ignore_check_constraints`, so that any value at all can be put in any column.
func tamperFreely(_ path: String, _ sql: String, arguments: StatementArguments = []) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA ignore_check_constraints = ON") }
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    try queue.close()
}

/// One row of one table of the recruitment fixture, found by `pick` (its key columns and the name
/// `audit verify` must give the record the row belongs to, as `record`).
struct CoveredRow: CustomTestStringConvertible, Sendable {
    let table: String
    let key: [String]
    let pick: String
    var testDescription: String { table + (table == "finding_version" && pick.contains("min(") ? " (an old version)" : "") }

    static let all: [CoveredRow] = [
        CoveredRow(table: "staff", key: ["id"], pick: "SELECT id, 'staff ' || name AS record FROM staff WHERE name = 'Tom Ellis'"),
        CoveredRow(table: "staff_role", key: ["staff_id", "role"], pick: """
            SELECT r.staff_id, r.role, 'staff ' || s.name AS record FROM staff_role r JOIN staff s ON s.id = r.staff_id
            WHERE s.name = 'Tom Ellis' AND r.role = 'panel'
            """),
        CoveredRow(table: "vacancy", key: ["id"], pick: "SELECT id, 'vacancy ' || reference AS record FROM vacancy WHERE reference = 'MS-2026-02'"),
        CoveredRow(table: "vacancy_panel", key: ["vacancy_id", "staff_id"], pick: """
            SELECT p.vacancy_id, p.staff_id, 'vacancy ' || v.reference AS record FROM vacancy_panel p JOIN vacancy v ON v.id = p.vacancy_id
            JOIN staff s ON s.id = p.staff_id WHERE v.reference = 'MS-2026-02' AND s.name = 'Tom Ellis'
            """),
        CoveredRow(table: "candidate", key: ["id"], pick: """
            SELECT c.id, 'candidate ' || v.reference || '/' || c.number AS record FROM candidate c JOIN vacancy v ON v.id = c.vacancy_id
            WHERE v.reference = 'MS-2026-02' AND c.number = 2
            """),
        // The panel member's search: re-attributing it would hide the panel-searcher exception.
        CoveredRow(table: "search_entry", key: ["id"], pick: entry + "WHERE e.id = (SELECT entry_id FROM search_override WHERE rule = 'searcher-on-panel')"),
        CoveredRow(table: "search_address", key: ["entry_id", "position"], pick: entry.replacingOccurrences(of: "SELECT ", with: "SELECT a.entry_id, a.position, ")
            .replacingOccurrences(of: "FROM search_entry e", with: "FROM search_address a JOIN search_entry e ON e.id = a.entry_id")
            + "ORDER BY a.entry_id, a.position LIMIT 1"),
        CoveredRow(table: "search_override", key: ["entry_id", "rule"], pick: entry.replacingOccurrences(of: "SELECT ", with: "SELECT o.entry_id, o.rule, ")
            .replacingOccurrences(of: "FROM search_entry e", with: "FROM search_override o JOIN search_entry e ON e.id = o.entry_id")
            + "WHERE o.rule = 'not-told'"),
        CoveredRow(table: "evidence", key: ["id"], pick: entry.replacingOccurrences(of: "SELECT ", with: "SELECT x.id, ")
            .replacingOccurrences(of: "FROM search_entry e", with: "FROM evidence x JOIN search_entry e ON e.id = x.entry_id")
            + "ORDER BY x.id LIMIT 1"),
        CoveredRow(table: "finding", key: ["id"], pick: finding + ""),
        CoveredRow(table: "finding_source_entry", key: ["finding_id", "entry_id"], pick: """
            SELECT s.finding_id, s.entry_id, r.record FROM finding_source_entry s JOIN (\(finding)) r ON r.id = s.finding_id
            """),
        // The current version, and the first of several: every version is the finding's.
        CoveredRow(table: "finding_version", key: ["finding_id", "version"], pick: """
            SELECT r.id AS finding_id, (SELECT max(version) FROM finding_version WHERE finding_id = r.id) AS version, r.record FROM (\(finding)) r
            """),
        CoveredRow(table: "finding_version", key: ["finding_id", "version"], pick: """
            SELECT r.id AS finding_id, (SELECT min(version) FROM finding_version WHERE finding_id = r.id) AS version, r.record FROM (\(finding)) r
            """),
        CoveredRow(table: "finding_category", key: ["key"], pick: "SELECT key, 'finding_category ' || key AS record FROM finding_category WHERE key = 'violence'"),
        CoveredRow(table: "setting", key: ["key"], pick: "SELECT key, 'setting ' || key AS record FROM setting WHERE key = 'retention_months'"),
        CoveredRow(table: "protocol", key: ["id"], pick: "SELECT id, 'protocol ' || name || ' v' || version AS record FROM protocol WHERE id = 1"),
        CoveredRow(table: "protocol_step", key: ["protocol_id", "position"], pick: """
            SELECT s.protocol_id, s.position, 'protocol ' || p.name || ' v' || p.version AS record
            FROM protocol_step s JOIN protocol p ON p.id = s.protocol_id WHERE p.id = 1 AND s.position = 3
            """),
    ]

    private static let entry = """
        SELECT e.id, 'search_entry ' || v.reference || '/' || c.number || '#' || e.id AS record
        FROM search_entry e JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id\u{20}
        """
    /// TA-2026-03/1/F1: added, raised, answered and followed up, so it has several versions.
    private static let finding = """
        SELECT f.id, 'finding ' || v.reference || '/' || c.number || '/F' || f.number AS record
        FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
        WHERE v.reference = 'TA-2026-03' AND c.number = 1 AND f.number = 1
        """
}

@Suite("Audit verify: every column of every record is covered by its events")
struct AuditCoverageTests {
    @Test("every column of every table is in a record's state, or is the audit trail's own")
    func everyColumnCovered() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let schema = try store.read { db in
            var tables: [String: Set<String>] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                tables[table] = Set(try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0["name"] as String })
            }
            return tables
        }
        var covered: [String: Set<String>] = [:]
        for kind in AuditState.kinds {
            covered[kind.table, default: []].formUnion(kind.columns)
            for child in kind.children { covered[child.table, default: []].formUnion(child.columns + [child.parent]) }
        }
        for table in AuditState.uncoveredTables.keys { covered[table] = schema[table] }
        #expect(covered == schema)
    }

    @Test("a direct edit of any column of a record's rows is found, and the record named", arguments: CoveredRow.all)
    func editedColumn(_ target: CoveredRow) throws {
        let folder = try TemporaryFolder()
        let path = try makeRecruitment(in: folder).path
        let (row, columns) = try Store.open(at: path, clock: testClock).read { db in
            (try #require(try Row.fetchOne(db, sql: target.pick)),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [target.table]))
        }
        let record: String = row["record"]
        let key = target.key.map { "\($0) = ?" }.joined(separator: " AND ")
        let arguments = StatementArguments(target.key.map { row[$0] as DatabaseValue })
        #expect(columns.count > 1)
        for column in columns {
            let copy = try TemporaryFolder()
            let tampered = copy.path("shortlist.sqlite")
            try FileManager.default.copyItem(atPath: path, toPath: tampered)
            // Another value of any type: an integer moved on, text lengthened, a NULL filled in.
            try tamperFreely(tampered, """
                UPDATE \(target.table) SET \(column) = CASE WHEN \(column) IS NULL THEN '1' WHEN typeof(\(column)) = 'integer'
                    THEN \(column) + 1000 ELSE \(column) || '~' END WHERE \(key)
                """, arguments: arguments)
            let result = try Store.open(at: tampered, clock: testClock).verifyAudit()
            #expect(!result.isValid, "\(target.table).\(column)")
            #expect(result.brokenEvent == nil, "\(target.table).\(column)")
            #expect(result.recordProblems.contains { $0.hasPrefix(record) }, "\(target.table).\(column): \(result.recordProblems)")
        }
    }

    @Test("re-attributing a panel member's search to the searcher (with the sqlite3 shell) is found", .enabled(if: sqlite3Shell != nil))
    func reattributedSearch() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try store.complianceReport(.vacancy(RecruitmentFixture.midday), by: admin)
        #expect(before.exceptions.contains { $0.kind == "panel-searcher" })
        let (entry, ref) = try store.read { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT entry_id FROM search_override WHERE rule = 'searcher-on-panel'"))
            return (id, try #require(try String.fetchOne(db, sql: """
                SELECT v.reference || '/' || c.number FROM search_entry e JOIN candidate c ON c.id = e.candidate_id
                JOIN vacancy v ON v.id = c.vacancy_id WHERE e.id = ?
                """, arguments: [id])))
        }
        try sqlite3(store.path, """
            UPDATE search_entry SET searcher_id = (SELECT id FROM staff WHERE name = 'Sam Searcher') WHERE id = \(entry);
            DELETE FROM search_override WHERE entry_id = \(entry);
            """)
        let reopened = try Store.open(at: store.path, clock: testClock)
        #expect(!(try reopened.complianceReport(.vacancy(RecruitmentFixture.midday), by: admin).exceptions.contains { $0.kind == "panel-searcher" }))
        #expect(try reopened.verifyAudit().recordProblems == ["search_entry \(ref)#\(entry) does not match its last audit event (changed without one)"])
    }

    @Test("doctor's audit check fails on the same edits, naming the record")
    func doctorFindsEdit() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        try tamperFreely(store.path, "UPDATE evidence SET original_name = 'holiday.png', size = size + 1")
        let check = try #require(try Store.open(at: store.path, clock: testClock).doctor().first { $0.name == "audit trail" })
        #expect(!check.passed)
        #expect(check.detail.hasPrefix("search_entry TA-2026-03/1#"))
        #expect(check.detail.hasSuffix(" does not match its last audit event (changed without one)"))
    }

    @Test("a record given in another case is recorded under its stored reference, so it still verifies")
    func referenceAsStored() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        var town = CandidateChanges()
        town.town = "Leeds"
        try store.updateCandidate(CandidateReference(vacancy: "ta-2026-03", number: 2), town, by: admin)
        #expect(try storedEvents(store).last?.event.entityRef == "TA-2026-03/2")
        #expect(try store.verifyAudit().isValid)
    }

    @Test("editing a purged stub's summary to invent an exception is found")
    func editedPurgeSummary() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        _ = try store.applyPurge(by: admin)
        #expect(try store.verifyAudit().isValid)
        let stub = RetentionFixture.appointee
        try tamperFreely(store.path, """
            UPDATE candidate SET purge_summary = json_set(purge_summary, '$.exceptions', json('["not-told"]'))
            WHERE number = ? AND vacancy_id = (SELECT id FROM vacancy WHERE reference = ?)
            """, arguments: [stub.number, stub.vacancy])
        #expect(try Store.open(at: store.path, clock: testClock).verifyAudit().recordProblems
            == ["candidate \(stub) does not match its last audit event (changed without one)"])
    }

    @Test("a purge summary made unreadable is reported by audit verify as a changed record, and refused by the reads that need it")
    func unreadablePurgeSummary() throws {
        let folder = try TemporaryFolder()
        let store = try RetentionFixture.build(at: folder.path("shortlist.sqlite"))
        _ = try store.applyPurge(by: admin)
        let stub = RetentionFixture.appointee
        try tamperFreely(store.path, """
            UPDATE candidate SET purge_summary = '{}'
            WHERE number = ? AND vacancy_id = (SELECT id FROM vacancy WHERE reference = ?)
            """, arguments: [stub.number, stub.vacancy])
        let reopened = try Store.open(at: store.path, clock: testClock)
        #expect(try reopened.verifyAudit().recordProblems == ["candidate \(stub) does not match its last audit event (changed without one)"])
        #expect(throws: ShortlistError.invalidRecord(
            record: stub.description,
            reason: "its purge summary is damaged; restore the database from a backup (`shortlist audit verify` shows what changed)")) {
            try reopened.candidate(stub)
        }
    }

    @Test("a seeded row deleted or renamed without an event is found, though it never had one")
    func seededRowDeleted() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try tamperFreely(store.path, "DELETE FROM setting WHERE key = 'retention_months'; UPDATE finding_category SET key = 'brawling' WHERE key = 'violence'")
        #expect(try Store.open(at: store.path, clock: testClock).verifyAudit().recordProblems == [
            "finding_category brawling has no audit event (added without one)",
            "finding_category violence is seeded by the schema but no longer in the records (deleted without an event)",
            "setting retention_months is seeded by the schema but no longer in the records (deleted without an event)",
        ])
    }

    @Test("every event that changes a record stores a state hash of the whole record, marked v2")
    func stateHashesMarked() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let states = try storedEvents(store).compactMap(\.event.stateHash)
        #expect(states.count > 50)
        #expect(states.allSatisfy { $0.hasPrefix("v2:") && $0.count == 67 && $0.dropFirst(3).allSatisfy(\.isHexDigit) })
    }
}
