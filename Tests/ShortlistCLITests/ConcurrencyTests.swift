import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// A shell loop that adds `count` candidates named "`prefix` N" with the binary, one process per candidate,
/// and stops at the first failure.
private func addingLoop(prefix: String, count: Int) -> String {
    """
    i=1
    while [ $i -le \(count) ]; do
      "$SHORTLIST_BIN" candidate add --vacancy TA-2026-03 --name "\(prefix) $i" --by "Sam Searcher" >/dev/null || exit 1
      i=$((i + 1))
    done
    """
}

@Suite("CLI: two processes writing at the same time")
struct ConcurrencyTests {
    @Test("two processes adding 200 candidates each to one vacancy: all 400 are there, numbered 1...400, chain unbroken")
    func twoWriters() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let eventsBefore = try sandbox.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")! }
        let environment = ["SHORTLIST_BIN": try ShortlistBinary.path()]
        // Both loops start before either is waited for, so their writes interleave.
        let first = try sandbox.start(["-c", addingLoop(prefix: "First", count: 200)], executable: "/bin/sh", environment: environment)
        let second = try sandbox.start(["-c", addingLoop(prefix: "Second", count: 200)], executable: "/bin/sh", environment: environment)
        let results = [try first.finish(timeout: 100), try second.finish(timeout: 100)]
        for result in results {
            #expect(result.status == 0 && !result.signalled, "\(result)")
            #expect(result.stderr == "")
        }

        let store = try sandbox.store()
        let candidates = try store.candidates(of: "TA-2026-03")
        #expect(candidates.count == 400)
        #expect(candidates.map(\.reference.number) == Array(1...400))
        let expectedNames = Set((1...200).flatMap { ["First \($0)", "Second \($0)"] })
        #expect(Set(candidates.map(\.fullName)) == expectedNames)
        // Each loop's own candidates are numbered in the order it added them.
        for prefix in ["First", "Second"] {
            let numbers = candidates.filter { $0.fullName.hasPrefix(prefix + " ") }
                .sorted { Int($0.fullName.split(separator: " ")[1])! < Int($1.fullName.split(separator: " ")[1])! }
                .map(\.reference.number)
            #expect(numbers == numbers.sorted())
        }
        // The two loops really ran at the same time: their numbers interleave.
        let firsts = candidates.filter { $0.fullName.hasPrefix("First ") }.map(\.reference.number)
        let seconds = candidates.filter { $0.fullName.hasPrefix("Second ") }.map(\.reference.number)
        #expect(firsts.count == 200 && seconds.count == 200)
        #expect(firsts.min()! < seconds.max()! && seconds.min()! < firsts.max()!, "the loops ran one after the other")

        let events = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY seq").map { row in
                (event: AuditEvent(seq: row["seq"], at: row["at"], actor: row["actor"], osAccount: row["os_account"],
                                   action: row["action"], entity: row["entity"], entityRef: row["entity_ref"],
                                   vacancyID: row["vacancy_id"], candidateID: row["candidate_id"],
                                   detailsHash: row["details_hash"], stateHash: row["state_hash"],
                                  prevHash: row["prev_hash"]),
                 hash: row["hash"] as String)
            }
        }
        let adds = events.dropFirst(eventsBefore)
        #expect(adds.count == 400)
        #expect(adds.allSatisfy { $0.event.action == "candidate.add" && $0.event.actor == "Sam Searcher" })
        #expect(Set(adds.map(\.event.entityRef)) == Set((1...400).map { "TA-2026-03/\($0)" }))
        #expect(Set(adds.compactMap(\.event.candidateID)) == Set(candidates.map(\.id)))
        var previous = AuditEvent.genesisHash
        for (index, stored) in events.enumerated() {
            #expect(stored.event.seq == Int64(index + 1))
            #expect(stored.event.prevHash == previous, "event \(stored.event.seq) does not follow the one before")
            #expect(stored.event.computedHash == stored.hash, "event \(stored.event.seq)")
            previous = stored.hash
        }
    }
}
