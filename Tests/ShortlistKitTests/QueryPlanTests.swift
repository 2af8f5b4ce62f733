import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The hot paths (status, dossier, pack, report, lookups) must use indexes: these tests run each
/// one, collect every statement it executes, and fail if SQLite's plan for any of them scans a
/// large table in full. (`audit verify`, `doctor` and `purge` read everything by design.)
@Suite("Query plans of the hot paths")
struct QueryPlanTests {
    /// Tables that grow with the number of vacancies, candidates, searches or events.
    static let largeTables: Set<String> = [
        "vacancy", "vacancy_panel", "candidate", "search_entry", "search_address", "search_override", "evidence",
        "finding", "finding_source_entry", "finding_version", "audit_event", "audit_detail", "audit_detail_purge",
    ]

    final class Statements: @unchecked Sendable {
        private let lock = NSLock()
        private var sql: [String] = []
        func add(_ text: String) { lock.withLock { sql.append(text) } }
        var all: [String] { lock.withLock { sql } }
    }

    /// Runs `operation` on the demonstration database and returns the full scans of large tables
    /// in the plans of the SELECT statements it ran.
    func fullScans(_ operation: (Store) throws -> Void) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plans-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock: @Sendable () -> Date = { Timestamp.parse(iso: "2026-11-27T17:00:00Z")! }
        _ = try Demo.build(in: folder, clock: clock)
        let store = try Store.open(at: folder + "/shortlist.sqlite", clock: clock)
        let statements = Statements()
        store.queue.inDatabase { db in
            db.trace(options: .statement) { event in statements.add(event.expandedDescription) }
        }
        try operation(store)
        store.queue.inDatabase { db in db.trace(options: []) { _ in } }
        var scans: [String] = []
        for sql in Set(statements.all) where sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix("SELECT") {
            let plan = try store.queue.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
            for detail in plan where detail.hasPrefix("SCAN ") {
                let name = String(detail.dropFirst(5).split(separator: " ")[0])
                if let table = Self.table(named: name, in: sql), Self.largeTables.contains(table) {
                    scans.append("\(detail) (\(table)) in: \(sql.prefix(160))")
                }
            }
        }
        return scans
    }

    /// The table a name in a plan refers to: the name itself, or the table it aliases in the SQL.
    static func table(named name: String, in sql: String) -> String? {
        if largeTables.contains(name) { return name }
        let words = sql.replacingOccurrences(of: "\n", with: " ").split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let alias = words[index + 1] == "AS" && index + 2 < words.count ? words[index + 2] : words[index + 1]
            if alias == name, index > 0, ["FROM", "JOIN"].contains(words[index - 1].uppercased()) { return word }
        }
        return nil
    }

    @Test("status for one vacancy searches by index only")
    func status() throws {
        let scans = try fullScans { store in _ = try store.searchProgress(vacancy: "TA-2026-03") }
        #expect(scans.isEmpty, "\(scans)")
    }

    @Test("a dossier and a pack search by index only")
    func documents() throws {
        let scans = try fullScans { store in
            let templates = try TemplateSet.load()
            try store.dossier(CandidateReference(vacancy: "TA-2026-03", number: 1), templates: templates, by: Demo.searcher) { _ in }
            try store.pack("TA-2026-03", templates: templates, by: Demo.searcher) { _ in }
        }
        #expect(scans.isEmpty, "\(scans)")
    }

    @Test("the report, for a vacancy and for a period, searches by index only")
    func report() throws {
        let scans = try fullScans { store in
            _ = try store.complianceReport(.vacancy("TA-2026-03"), by: "Grace Okafor")
            _ = try store.complianceReport(.period(from: Day(year: 2026, month: 9, day: 1)!, to: Day(year: 2027, month: 8, day: 31)!),
                                           by: "Grace Okafor")
        }
        #expect(scans.isEmpty, "\(scans)")
    }

    @Test("looking up a vacancy, a candidate, its history and findings searches by index only")
    func lookups() throws {
        let scans = try fullScans { store in
            let reference = CandidateReference(vacancy: "TA-2026-03", number: 2)
            _ = try store.vacancy("TA-2026-03")
            _ = try store.candidate(reference)
            _ = try store.searchHistory(reference)
            _ = try store.findings(vacancy: "TA-2026-03")
            var filter = AuditFilter()
            filter.candidate = reference
            _ = try store.auditLog(filter)
            var recruitment = AuditFilter()
            recruitment.vacancy = "TA-2026-03"
            _ = try store.auditLog(recruitment)
        }
        #expect(scans.isEmpty, "\(scans)")
    }

    @Test("the check recognises a full scan (so the tests above can fail)")
    func detectsScan() throws {
        let scans = try fullScans { store in
            _ = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM search_entry e WHERE e.note = 'x'") }
        }
        #expect(scans.count == 1)
        #expect(scans.first?.hasPrefix("SCAN e (search_entry)") == true)
    }
}
