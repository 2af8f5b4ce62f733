import Foundation
import Testing
@testable import ShortlistKit

private let ref = "TA-2026-03"

@Suite("Candidates")
struct CandidateTests {
    @Test("candidates are numbered in turn within their vacancy and keep every field")
    func add() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addVacancy(VacancyDraft(reference: "CL-2026-01", postTitle: "Cleaner"), by: admin)
        var draft = CandidateDraft(fullName: "  Zoë Ødegaard ")
        draft.otherNames = ["Zoë Hansen", "  ", " Zoe O "]
        draft.town = " Chester "
        draft.currentEmployer = "Hoole Primary School"
        draft.previousEmployers = ["Little Acorns Nursery", "Elm Tree Café"]
        draft.email = " zoe.o@example.org "
        draft.shortlistedOn = Day(year: 2026, month: 11, day: 12)
        draft.notifiedOn = Day(year: 2026, month: 11, day: 13)
        draft.notifiedVia = .applicationPack
        let zoe = try store.addCandidate(to: ref, draft, by: "Sam Searcher")
        #expect(zoe.reference.description == "TA-2026-03/1")
        #expect(utf8(zoe.fullName) == utf8("Zoë Ødegaard"))
        #expect(zoe.otherNames == ["Zoë Hansen", "Zoe O"])
        #expect(zoe.town == "Chester")
        #expect(zoe.employers == ["Hoole Primary School", "Little Acorns Nursery", "Elm Tree Café"])
        #expect(zoe.email == "zoe.o@example.org")
        #expect(zoe.notifiedVia == .applicationPack)
        #expect(zoe.outcome == .pending)
        #expect(try store.candidate(zoe.reference) == zoe)

        let second = try store.addCandidate(to: ref, CandidateDraft(fullName: "Łukasz Nowak"), by: admin)
        #expect(second.reference.number == 2)
        #expect(second.shortlistedOn == testToday)
        #expect(second.notifiedOn == nil)
        #expect(second.employers == [])
        // The same person applying to another vacancy is another candidate, numbered there from 1.
        let elsewhere = try store.addCandidate(to: "CL-2026-01", draft, by: admin)
        #expect(elsewhere.reference.description == "CL-2026-01/1")
        // Applying twice to the same vacancy is allowed from the command line (import skips repeats).
        #expect(try store.addCandidate(to: ref, draft, by: admin).reference.number == 3)
        #expect(try store.candidates(of: ref).map(\.reference.number) == [1, 2, 3])
    }

    /// Spoils one field of a valid draft.
    private static func spoil(_ draft: inout CandidateDraft, _ how: String) {
        switch how {
        case "blank name": draft.fullName = "   "
        case "two-line name": draft.fullName = "Two\nLines"
        case "two-line other name": draft.otherNames = ["Known\r\nAs"]
        case "email without @": draft.email = "not-an-email"
        case "email with a space": draft.email = "a b@example.org"
        case "told tomorrow": draft.notifiedOn = Day(year: 2026, month: 11, day: 21); draft.notifiedVia = .email
        case "told on, no means": draft.notifiedOn = Day(year: 2026, month: 11, day: 13)
        case "means, no date": draft.notifiedVia = .letter
        default: Issue.record("unknown case \(how)")
        }
    }

    @Test("a candidate that does not hold together is refused as a usage error", arguments: [
        ("blank name", "the full name is empty"),
        ("two-line name", "a field holds a line break; names, town, employers and email each fit on one line"),
        ("two-line other name", "a field holds a line break; names, town, employers and email each fit on one line"),
        ("email without @", "the email address is not valid"),
        ("email with a space", "the email address is not valid"),
        ("told tomorrow", "the date told (2026-11-21) is in the future"),
        ("told on, no means", "the date told and how they were told go together: give both or neither"),
        ("means, no date", "the date told and how they were told go together: give both or neither"),
    ])
    func refused(how: String, reason: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        var draft = CandidateDraft(fullName: "Zoë Ødegaard")
        Self.spoil(&draft, how)
        let error = ShortlistError.invalidRecord(record: "new candidate for TA-2026-03", reason: reason)
        #expect(throws: error) { try store.addCandidate(to: ref, draft, by: admin) }
        #expect(error.exitCode == 64)
        #expect(error.message == "new candidate for TA-2026-03: \(reason); correct it and try again.")
        #expect(try store.candidates(of: ref).isEmpty)
    }

    @Test("references parse as vacancy/number", arguments: [
        ("TA-2026-03/2", "TA-2026-03", 2), (" TA-2026-03/12 ", "TA-2026-03", 12), ("a.b_c/1", "a.b_c", 1),
    ])
    func references(text: String, vacancy: String, number: Int) throws {
        let reference = try CandidateReference(parsing: text)
        #expect(reference == CandidateReference(vacancy: vacancy, number: number))
        #expect(reference.description == "\(vacancy)/\(number)")
    }

    @Test("malformed references are usage errors", arguments: ["TA-2026-03", "TA-2026-03/0", "TA-2026-03/-1", "TA-2026-03/x",
                                                               "/2", "TA 2026/2", "TA-2026-03/2/3", ""])
    func badReferences(text: String) {
        let error = ShortlistError.invalidValue(field: "candidate", value: text.trimmingCharacters(in: .whitespaces),
                                                expected: "a candidate reference such as TA-2026-03/2 (vacancy/number)")
        #expect(throws: error) { try CandidateReference(parsing: text) }
        #expect(error.exitCode == 64)
    }

    @Test("an unknown candidate or vacancy is named, with where to look")
    func unknown() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        #expect(throws: ShortlistError.unknownCandidate(reference: "TA-2026-03/7")) {
            try store.candidate(CandidateReference(vacancy: ref, number: 7))
        }
        #expect(throws: ShortlistError.unknownVacancy(reference: "XX-1")) {
            try store.candidate(CandidateReference(vacancy: "XX-1", number: 1))
        }
        #expect(throws: ShortlistError.unknownVacancy(reference: "XX-1")) {
            try store.addCandidate(to: "XX-1", CandidateDraft(fullName: "A"), by: admin)
        }
        #expect(ShortlistError.unknownCandidate(reference: "TA-2026-03/7").message
            == "No candidate TA-2026-03/7; see `shortlist candidate list --vacancy TA-2026-03`.")
        #expect(ShortlistError.unknownVacancy(reference: "XX-1").message == "No vacancy with reference XX-1; see `shortlist vacancy list`.")
        #expect(ShortlistError.unknownCandidate(reference: "TA-2026-03/7").exitCode == 1)
    }

    @Test("an update changes only what it names")
    func update() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        var draft = CandidateDraft(fullName: "Siobhan OBrien")
        draft.otherNames = ["Siobhan Murphy"]
        draft.previousEmployers = ["Cheshire West Council"]
        draft.town = "Frodsham"
        let before = try store.addCandidate(to: ref, draft, by: admin)
        var changes = CandidateChanges()
        changes.fullName = "Siobhán O'Brien"
        changes.addOtherNames = ["Shiv O'Brien"]
        changes.removeOtherNames = ["Siobhan Murphy"]
        changes.addPreviousEmployers = ["St Mary's RC Primary"]
        changes.shortlistedOn = Day(year: 2026, month: 11, day: 12)
        let after = try store.updateCandidate(before.reference, changes, by: admin)
        #expect(utf8(after.fullName) == utf8("Siobhán O'Brien"))
        #expect(after.otherNames == ["Shiv O'Brien"])
        #expect(after.previousEmployers == ["Cheshire West Council", "St Mary's RC Primary"])
        #expect(after.town == "Frodsham")
        #expect(after.shortlistedOn == Day(year: 2026, month: 11, day: 12))
        #expect(try store.candidate(before.reference) == after)
        var bad = CandidateChanges()
        bad.email = "nope"
        #expect(throws: ShortlistError.invalidRecord(record: "TA-2026-03/1", reason: "the email address is not valid")) {
            try store.updateCandidate(before.reference, bad, by: admin)
        }
    }

    @Test("telling a candidate records the date and means; a future date is refused")
    func notify() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let candidate = try store.addCandidate(to: ref, CandidateDraft(fullName: "Nguyễn Thị Minh"), by: admin)
        let told = try store.notifyCandidate(candidate.reference, on: Day(year: 2026, month: 11, day: 14), via: .phone, by: admin)
        #expect(told.notifiedOn == Day(year: 2026, month: 11, day: 14))
        #expect(told.notifiedVia == .phone)
        #expect(try store.notifyCandidate(candidate.reference, on: nil, via: .email, by: admin).notifiedOn == testToday)
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1", reason: "the date told (2026-11-21) is in the future",
                                                  remedy: "Record it on or after the day the candidate is told.")) {
            try store.notifyCandidate(candidate.reference, on: Day(year: 2026, month: 11, day: 21), via: .email, by: admin)
        }
        #expect(try NotificationMeans.parse(" Privacy-Notice ") == .privacyNotice)
        #expect(throws: ShortlistError.invalidValue(
            field: "--via", value: "pigeon",
            expected: "one of email, letter, application-pack, privacy-notice, phone, in-person")) {
            try NotificationMeans.parse("pigeon")
        }
    }

    @Test("a pending candidate can withdraw, once")
    func withdraw() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let candidate = try store.addCandidate(to: ref, CandidateDraft(fullName: "Łukasz Nowak"), by: admin)
        let withdrawn = try store.withdrawCandidate(candidate.reference, on: nil, reason: "accepted another post", by: admin)
        #expect(withdrawn.outcome == .withdrew)
        #expect(withdrawn.outcomeOn == testToday)
        #expect(try storedEvents(store).last?.details
            == #"{"after":"withdrew","before":"pending","on":"2026-11-20","reason":"accepted another post"}"#)
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1", reason: "the candidate's outcome is already withdrew",
                                                  remedy: "Only a pending candidate can withdraw.")) {
            try store.withdrawCandidate(candidate.reference, on: nil, reason: "", by: admin)
        }
    }
}
