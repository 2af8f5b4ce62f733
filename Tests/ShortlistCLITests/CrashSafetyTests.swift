import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The size of a file, or 0 when it does not exist.
private func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

@Suite("CLI: crash safety")
struct CrashSafetyTests {
    /// Rows in the large import. In a debug build the import takes about 6 s for 100,000 rows on two cores,
    /// of which the first second or so is reading and checking the file.
    static let rows = 120_000

    @Test("an import killed with SIGKILL while writing leaves a sound database without any of its rows")
    func killedImport() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase(candidates: ["Zoë Ødegaard", "Łukasz Nowak", "Siobhán O'Brien"])
        var csv = "Full name,Email,Town,Current employer\r\n"
        csv.reserveCapacity(Self.rows * 60)
        for n in 1...Self.rows { csv += "Applicant \(n),applicant\(n)@example.org,Town \(n % 50),Employer \(n % 97)\r\n" }
        try sandbox.write("big.csv", Data(csv.utf8))
        let (candidatesBefore, eventsBefore) = try sandbox.store().read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")!)
        }
        #expect(candidatesBefore == 3)

        let started = Date()
        let running = try sandbox.start(["candidate", "import", "--vacancy", "TA-2026-03", "big.csv", "--by", admin])
        // Wait until the import is writing rows: its uncommitted pages spill into the -wal file.
        let wal = sandbox.database + "-wal"
        while running.isRunning && size(wal) < 2_000_000 && Date().timeIntervalSince(started) < 60 {
            usleep(10_000)
        }
        let walSize = size(wal)
        let stillRunning = running.isRunning
        running.kill()
        let result = try running.finish()
        let elapsed = Date().timeIntervalSince(started)
        #expect(stillRunning, "the import finished before it could be killed (\(elapsed) s); make the file larger")
        #expect(walSize >= 2_000_000, "the import was not writing yet when killed")
        #expect(result.signalled && result.status == SIGKILL, "\(result)")
        #expect(result.stdout == "")

        // The database opens with the library, is sound, and holds none of the import.
        let store = try sandbox.store()
        let (integrity, candidatesAfter, eventsAfter) = try store.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")!)
        }
        #expect(integrity == ["ok"])
        #expect(candidatesAfter == candidatesBefore)
        #expect(eventsAfter == eventsBefore)
        #expect(try store.candidates(of: "TA-2026-03").map(\.reference.number) == [1, 2, 3])
        // And it takes the next write as usual.
        #expect(try sandbox.succeed(["candidate", "add", "--vacancy", "TA-2026-03", "--name", "Nguyễn Thị Minh", "--by", admin])
            == "TA-2026-03/4\n")
    }
}
