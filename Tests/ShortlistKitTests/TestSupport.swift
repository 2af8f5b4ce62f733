import Foundation
import GRDB
@testable import ShortlistKit

/// A folder of its own for one test, removed when the test is over.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("shortlist-kit-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: Data) throws -> String {
        let path = path(name)
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes UTF-8 `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    /// The names in the folder, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The instant every store under test lives in: Friday 20 November 2026, 10:00 UTC (also 10:00 in London).
let testNow = Timestamp.parse(iso: "2026-11-20T10:00:00Z")!
let testToday = Day(year: 2026, month: 11, day: 20)!
/// The clock of every store a test opens: no test helper offers the real one.
let testClock: @Sendable () -> Date = { testNow }

/// The admin created with every test database.
let admin = "Ann Admin"

/// A fresh store in `folder`, created by `admin`, with a fixed clock.
func makeStore(in folder: TemporaryFolder, name: String = "shortlist.sqlite") throws -> Store {
    try Store.create(at: folder.path(name), admin: admin, clock: testClock)
}

/// A store with one searcher (Sam Searcher) and one vacancy, TA-2026-03.
func makeStoreWithVacancy(in folder: TemporaryFolder) throws -> Store {
    let store = try makeStore(in: folder)
    try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
    var draft = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant (Year 2)")
    draft.site = "Riverside Primary School"
    try store.addVacancy(draft, by: admin)
    return store
}

/// A fixture file of this test target, by its path under `Fixtures/`.
func fixtureURL(_ relativePath: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
}

func fixture(_ relativePath: String) throws -> Data {
    try Data(contentsOf: fixtureURL(relativePath))
}

/// The bytes of a string, for comparisons that must not apply Unicode equivalence
/// (Swift's `==` on String treats "é" and "e\u{301}" as equal).
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Every audit event of the store, in order, as stored.
struct StoredEvent {
    let event: AuditEvent
    let hash: String
    let details: String
}

func storedEvents(_ store: Store) throws -> [StoredEvent] {
    try store.read { db in
        try Row.fetchAll(db, sql: """
            SELECT e.*, d.details FROM audit_event e LEFT JOIN audit_detail d ON d.seq = e.seq ORDER BY e.seq
            """).map { row in
            StoredEvent(
                event: AuditEvent(seq: row["seq"], at: row["at"], actor: row["actor"], osAccount: row["os_account"],
                                  action: row["action"], entity: row["entity"], entityRef: row["entity_ref"],
                                  vacancyID: row["vacancy_id"], candidateID: row["candidate_id"],
                                  detailsHash: row["details_hash"], stateHash: row["state_hash"],
                                  prevHash: row["prev_hash"]),
                hash: row["hash"], details: row["details"] ?? "")
        }
    }
}

/// The number of rows in `table`.
func count(_ store: Store, _ table: String) throws -> Int {
    try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")! }
}

/// The operating-system account running the tests, looked up independently of the library.
func currentAccount() -> String {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
    return String(cString: name)
}

/// The sqlite3 shell, if this machine has one (it plays "another application").
let sqlite3Shell: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs a program (a path) to its end, a minute at most, with this process's environment, and returns its exit
/// status and standard output (standard error is discarded). It is started by the library's ChildProcess, not
/// Foundation's Process, whose end can be missed while another test's process runs (see ChildProcess).
func runProgram(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("shortlist-run-\(UUID().uuidString)").path
    defer { unlink(output) }
    let child = try ChildProcess(program, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                 output: output, error: "/dev/null")
    let outcome = child.wait(timeout: 60)
    guard case let .exited(status) = outcome else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(program) \(arguments) ended as \(outcome)"])
    }
    return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
}

/// Runs the sqlite3 shell on a database file.
func sqlite3(_ path: String, _ sql: String) throws {
    guard try runProgram(sqlite3Shell!, ["-batch", path, sql]).status == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "sqlite3 failed on \(sql)"])
    }
}
