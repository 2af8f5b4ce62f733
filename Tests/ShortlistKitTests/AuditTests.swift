import Foundation
import Testing
@testable import ShortlistKit

/// Checks the whole chain: seq from 1 without gaps, each prev_hash the hash before it, each stored hash
/// the event's computed hash, and each details hash the SHA-256 of the stored details.
func expectIntactChain(_ events: [StoredEvent], sourceLocation: SourceLocation = #_sourceLocation) {
    var previous = AuditEvent.genesisHash
    for (index, stored) in events.enumerated() {
        let event = stored.event
        #expect(event.seq == Int64(index + 1), "gap at \(index + 1)", sourceLocation: sourceLocation)
        #expect(event.prevHash == previous, "event \(event.seq) does not link to the one before", sourceLocation: sourceLocation)
        #expect(event.computedHash == stored.hash, "event \(event.seq) hash does not match", sourceLocation: sourceLocation)
        #expect(Digest.sha256(stored.details) == event.detailsHash, "event \(event.seq) details hash", sourceLocation: sourceLocation)
        previous = stored.hash
    }
}

@Suite("Audit trail")
struct AuditTests {
    @Test("SHA-256 digests are lowercase hex of the UTF-8 bytes (known vectors)")
    func digest() {
        #expect(Digest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256(Data("abc".utf8)) == Digest.sha256("abc"))
        #expect(AuditEvent.genesisHash == String(repeating: "0", count: 64))
    }

    @Test("the event hash covers every field: changing any one changes it")
    func hashCoversEveryField() {
        let event = AuditEvent(seq: 7, at: "2026-11-20T10:00:00Z", actor: "Ann Admin", osAccount: "ann", action: "candidate.add",
                               entity: "candidate", entityRef: "TA-2026-03/1", vacancyID: 1, candidateID: 2,
                               detailsHash: Digest.sha256("{}"), prevHash: AuditEvent.genesisHash)
        var variants: [AuditEvent] = []
        func vary(_ change: (inout AuditEvent) -> Void) {
            var copy = event
            change(&copy)
            variants.append(copy)
        }
        vary { $0.seq = 8 }
        vary { $0.at = "2026-11-20T10:00:01Z" }
        vary { $0.actor = "Ann Admin " }
        vary { $0.osAccount = "root" }
        vary { $0.action = "candidate.update" }
        vary { $0.entity = "vacancy" }
        vary { $0.entityRef = "TA-2026-03/2" }
        vary { $0.vacancyID = nil }
        vary { $0.candidateID = 3 }
        vary { $0.detailsHash = Digest.sha256("{ }") }
        vary { $0.prevHash = Digest.sha256("x") }
        // Length prefixes keep field boundaries apart: moving text from one field to the next is a change.
        vary { $0.actor = "Ann"; $0.osAccount = " Adminann" }
        let hashes = Set(variants.map(\.computedHash) + [event.computedHash])
        #expect(hashes.count == variants.count + 1)
        #expect(event.computedHash.count == 64)
        #expect(event.computedHash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("every write appends one event per record changed, with actor, OS account, time and action")
    func oneEventPerRecordChanged() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        var seen = try storedEvents(store).count

        /// Runs `write` and returns the events it appended.
        func appended(_ write: () throws -> Void) throws -> [AuditEvent] {
            try write()
            let events = try storedEvents(store).map(\.event)
            defer { seen = events.count }
            return Array(events.dropFirst(seen))
        }
        func actions(_ events: [AuditEvent]) -> [String] { events.map { "\($0.action) \($0.entity) \($0.entityRef)" } }

        #expect(actions(try appended { try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin) })
            == ["staff.add staff Sam Searcher"])
        #expect(actions(try appended { try store.updateStaff(name: "Sam Searcher", adding: [.panel], removing: [], by: admin) })
            == ["staff.update staff Sam Searcher"])
        #expect(actions(try appended { try store.setSetting("kcsie_edition", to: "2025", by: admin) })
            == ["setting.set setting kcsie_edition"])
        let vacancyEvents = try appended {
            try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant"), by: "Sam Searcher")
        }
        #expect(actions(vacancyEvents) == ["vacancy.add vacancy TA-2026-03"])
        let vacancyID = try store.vacancy("TA-2026-03").id
        #expect(vacancyEvents.first?.vacancyID == vacancyID)
        #expect(vacancyEvents.first?.candidateID == nil)
        #expect(vacancyEvents.first?.actor == "Sam Searcher")

        let added = try appended {
            try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë Ødegaard"), by: "Sam Searcher")
        }
        #expect(actions(added) == ["candidate.add candidate TA-2026-03/1"])
        let zoe = try store.candidate(CandidateReference(vacancy: "TA-2026-03", number: 1))
        #expect(added.first?.candidateID == zoe.id)
        #expect(added.first?.vacancyID == vacancyID)

        var changes = CandidateChanges()
        changes.town = "Chester"
        #expect(actions(try appended { try store.updateCandidate(zoe.reference, changes, by: admin) })
            == ["candidate.update candidate TA-2026-03/1"])
        #expect(actions(try appended { try store.notifyCandidate(zoe.reference, on: nil, via: .letter, by: admin) })
            == ["candidate.notify candidate TA-2026-03/1"])

        let csv = try folder.write("three.csv", "Full name,Email\nA One,a@example.org\nB Two,b@example.org\nC Three,\n")
        #expect(actions(try appended { _ = try store.importCandidates(to: "TA-2026-03", file: csv, by: admin) })
            == ["candidate.add candidate TA-2026-03/2", "candidate.add candidate TA-2026-03/3", "candidate.add candidate TA-2026-03/4"])
        #expect(actions(try appended { try store.withdrawCandidate(zoe.reference, on: nil, reason: "took another post", by: admin) })
            == ["candidate.withdraw candidate TA-2026-03/1"])

        var status = VacancyChanges()
        status.status = .shortlisted
        #expect(actions(try appended { try store.updateVacancy("TA-2026-03", status, by: admin) })
            == ["vacancy.update vacancy TA-2026-03"])
        var appoint = VacancyChanges()
        appoint.appoint = 2
        #expect(actions(try appended { try store.updateVacancy("TA-2026-03", appoint, by: admin) })
            == ["candidate.outcome candidate TA-2026-03/2", "vacancy.update vacancy TA-2026-03"])
        // Closing changes the vacancy and the two candidates still pending (3 and 4).
        #expect(actions(try appended { try store.closeVacancy("TA-2026-03", by: admin) })
            == ["candidate.outcome candidate TA-2026-03/3", "candidate.outcome candidate TA-2026-03/4",
                "vacancy.close vacancy TA-2026-03"])

        let all = try storedEvents(store)
        #expect(all.count == 18)
        for stored in all {
            #expect(stored.event.at == "2026-11-20T10:00:00Z")
            #expect(stored.event.osAccount == currentAccount())
            #expect(!stored.event.osAccount.isEmpty)
            #expect(["(setup)", admin, "Sam Searcher"].contains(stored.event.actor))
        }
        expectIntactChain(all)
    }

    @Test("details record what changed: an update keeps only the changed fields, old and new")
    func details() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        var draft = CandidateDraft(fullName: "Łukasz Nowak")
        draft.town = "Helsby"
        let candidate = try store.addCandidate(to: "TA-2026-03", draft, by: admin)
        var changes = CandidateChanges()
        changes.town = "Chester"
        changes.addOtherNames = ["Luke Nowak"]
        try store.updateCandidate(candidate.reference, changes, by: admin)
        let events = try storedEvents(store)
        #expect(events.last?.details
            == #"{"after":{"other_names":"Luke Nowak","town":"Chester"},"before":{"other_names":"","town":"Helsby"}}"#)
        let add = try #require(events.dropLast().last)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(add.details.utf8)) as? [String: String])
        #expect(fields["full_name"] == "Łukasz Nowak")
        #expect(fields["town"] == "Helsby")
        #expect(fields["outcome"] == "pending")
        #expect(fields["shortlisted_on"] == "2026-11-20")
    }

    @Test("a failed write appends no event and changes nothing", arguments: [
        "duplicate vacancy", "refused appointment", "import with a bad row", "unknown actor", "error after recording",
    ])
    func failedWriteAppendsNothing(failure: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë Ødegaard"), by: admin)
        let before = try storedEvents(store).map(\.hash)
        let candidatesBefore = try store.candidates(of: "TA-2026-03")
        let vacancyBefore = try store.vacancy("TA-2026-03")
        do {
            switch failure {
            case "duplicate vacancy":
                try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Again"), by: admin)
            case "refused appointment":
                // The move to shortlisted and the candidate's outcome are written and recorded before
                // the empty title is refused: all must roll back.
                var changes = VacancyChanges()
                changes.appoint = 1
                changes.postTitle = " "
                try store.updateVacancy("TA-2026-03", changes, by: admin)
            case "import with a bad row":
                let csv = try folder.write("bad.csv", "Full name,Shortlisted\nGood Row,2026-11-12\nBad Row,31/02/2026\n")
                _ = try store.importCandidates(to: "TA-2026-03", file: csv, by: admin)
            case "unknown actor":
                try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Nobody's Candidate"), by: "Nobody")
            default:
                try store.write(by: admin) { change in
                    try change.record("test.event", entity: "test", ref: "x", details: ["a": "b"])
                    throw ShortlistError.notAllowed(record: "x", reason: "the test says so", remedy: "None.")
                }
            }
            Issue.record("\(failure) did not fail")
        } catch {
            #expect(error is ShortlistError, "\(failure): \(error)")
        }
        #expect(try storedEvents(store).map(\.hash) == before)
        #expect(try store.candidates(of: "TA-2026-03") == candidatesBefore)
        #expect(try store.vacancy("TA-2026-03") == vacancyBefore)
        #expect(try store.vacancies().count == 1)
    }

    @Test("each write continues the chain from the last event, across store instances")
    func chainAcrossOpens() throws {
        let folder = try TemporaryFolder()
        let path = try makeStoreWithVacancy(in: folder).path
        for round in 1...3 {
            let store = try Store.open(at: path, clock: { testNow })
            try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Candidate \(round)"), by: admin)
        }
        let events = try storedEvents(try Store.open(at: path, clock: testClock))
        #expect(events.count == 6)
        #expect(events.first?.event.prevHash == AuditEvent.genesisHash)
        expectIntactChain(events)
    }
}
