import Foundation
import Testing
@testable import ShortlistKit

/// What the sqlite3 shell (another process) prints for a query.
private func sqlite3Output(_ path: String, _ sql: String) throws -> String {
    try runProgram(sqlite3Shell!, ["-batch", path, sql]).output.trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite("Store: two stores on one file in one process")
struct StoreLockTests {
    // SQLite's locks are POSIX advisory locks, which belong to the process: closing any file
    // descriptor on the database file releases all of them (sqlite.org/howtocorrupt.html, 2.2).
    @Test("opening a second store does not cancel the first one's locks, so another process cannot delete its WAL",
          .enabled(if: sqlite3Shell != nil))
    func secondOpenKeepsLocks() throws {
        let folder = try TemporaryFolder()
        let first = try makeStore(in: folder)
        try first.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
        #expect(FileManager.default.fileExists(atPath: first.path + "-wal"))

        _ = try Store.open(at: first.path, clock: { testNow })
        // Another process reads, then closes: it must see that `first` still has the file open.
        #expect(try sqlite3Output(first.path, "SELECT count(*) FROM staff") == "2")
        let walKept = FileManager.default.fileExists(atPath: first.path + "-wal")
        var written: String?
        do {
            try first.addStaff(name: "Tom Ellis", roles: [.panel], by: admin)
            written = try sqlite3Output(first.path, "SELECT count(*) FROM staff")
        } catch {
            written = "\(error)"
        }
        #expect(walKept)
        #expect(written == "3")
    }
}
