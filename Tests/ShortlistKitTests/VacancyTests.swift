import Foundation
import Testing
@testable import ShortlistKit

private let ref = "TA-2026-03"

/// Moves the vacancy to `status` along allowed steps (adding candidates as needed).
private func bring(_ store: Store, to status: VacancyStatus) throws {
    func set(_ target: VacancyStatus) throws {
        var changes = VacancyChanges()
        changes.status = target
        try store.updateVacancy(ref, changes, by: admin)
    }
    switch status {
    case .open: break
    case .shortlisted: try set(.shortlisted)
    case .interviewing: try set(.shortlisted); try set(.interviewing)
    case .appointed:
        try set(.shortlisted)
        try store.addCandidate(to: ref, CandidateDraft(fullName: "Appointee"), by: admin)
        var changes = VacancyChanges()
        changes.appoint = 1
        try store.updateVacancy(ref, changes, by: admin)
    case .closed: try store.closeVacancy(ref, by: admin)
    case .withdrawn: try store.closeVacancy(ref, withdrawn: true, by: admin)
    }
    #expect(try store.vacancy(ref).status == status)
}

@Suite("Vacancies")
struct VacancyTests {
    @Test("a vacancy is added with its details, the school's KCSIE edition and a sorted panel")
    func add() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try store.addStaff(name: "Tom Ellis", roles: [.panel], by: admin)
        try store.addStaff(name: "Priya Shah", roles: [.panel, .recruitingManager], by: admin)
        var draft = VacancyDraft(reference: " TA-2026-03 ", postTitle: " Teaching Assistant (Year 2) ")
        draft.site = "Riverside Primary School"
        draft.closingDate = Day(year: 2026, month: 11, day: 6)
        draft.shortlistingDate = Day(year: 2026, month: 11, day: 12)
        draft.interviewDate = Day(year: 2026, month: 12, day: 1)
        draft.panel = ["Tom Ellis", "Priya Shah"]
        let vacancy = try store.addVacancy(draft, by: "Priya Shah")
        #expect(vacancy.reference == "TA-2026-03")
        #expect(vacancy.postTitle == "Teaching Assistant (Year 2)")
        #expect(vacancy.site == "Riverside Primary School")
        #expect(vacancy.kcsieEdition == "2026")
        #expect(vacancy.closingDate?.iso == "2026-11-06")
        #expect(vacancy.shortlistingDate?.iso == "2026-11-12")
        #expect(vacancy.interviewDate?.iso == "2026-12-01")
        #expect(vacancy.status == .open)
        #expect(vacancy.panel == ["Priya Shah", "Tom Ellis"])
        #expect(vacancy.appointedNumber == nil)
        #expect(vacancy.closedOn == nil)
        #expect(vacancy.createdAt == "2026-11-20T10:00:00Z")
        #expect(try store.vacancy("TA-2026-03") == vacancy)

        try store.setSetting("kcsie_edition", to: "2025", by: admin)
        #expect(try store.addVacancy(VacancyDraft(reference: "CL-1", postTitle: "Cleaner"), by: admin).kcsieEdition == "2025")
        var explicit = VacancyDraft(reference: "CL-2", postTitle: "Cleaner")
        explicit.kcsieEdition = "2024"
        #expect(try store.addVacancy(explicit, by: admin).kcsieEdition == "2024")
        #expect(try store.vacancies().map(\.reference) == ["CL-2", "CL-1", "TA-2026-03"])
        #expect(try store.vacancies(status: .open).count == 3)
        #expect(try store.vacancies(status: .closed).isEmpty)
    }

    @Test("a reference is unique, whatever its case")
    func duplicateReference() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        #expect(throws: ShortlistError.duplicateVacancy(reference: "TA-2026-03")) {
            try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Again"), by: admin)
        }
        #expect(throws: ShortlistError.duplicateVacancy(reference: "ta-2026-03")) {
            try store.addVacancy(VacancyDraft(reference: "ta-2026-03", postTitle: "Again"), by: admin)
        }
        #expect(ShortlistError.duplicateVacancy(reference: "TA-2026-03").message
            == "A vacancy with reference TA-2026-03 already exists. Choose another reference, or change that vacancy with `shortlist vacancy update TA-2026-03`.")
    }

    @Test("bad references, titles, editions and panel members are refused", arguments: [
        ("TA 2026", "Post", nil, [], ShortlistError.invalidValue(
            field: "vacancy reference", value: "TA 2026", expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")),
        ("TA/1", "Post", nil, [], ShortlistError.invalidValue(
            field: "vacancy reference", value: "TA/1", expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")),
        ("", "Post", nil, [], ShortlistError.invalidValue(
            field: "vacancy reference", value: "", expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")),
        (String(repeating: "A", count: 41), "Post", nil, [], ShortlistError.invalidValue(
            field: "vacancy reference", value: String(repeating: "A", count: 41),
            expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")),
        ("ÉCOLE-1", "Post", nil, [], ShortlistError.invalidValue(
            field: "vacancy reference", value: "ÉCOLE-1", expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")),
        ("TA-1", "  ", nil, [], ShortlistError.invalidValue(field: "--title", value: "  ", expected: "the post's title")),
        ("TA-1", "Post", "26", [], ShortlistError.invalidValue(
            field: "--kcsie", value: "26", expected: "the year of a KCSIE edition, such as 2026")),
        ("TA-1", "Post", "1999", [], ShortlistError.invalidValue(
            field: "--kcsie", value: "1999", expected: "the year of a KCSIE edition, such as 2026")),
        ("TA-1", "Post", nil, ["Nobody"], ShortlistError.unknownStaff(name: "Nobody")),
    ] as [(String, String, String?, [String], ShortlistError)])
    func refusedDrafts(reference: String, title: String, edition: String?, panel: [String], error: ShortlistError) throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        var draft = VacancyDraft(reference: reference, postTitle: title)
        draft.kcsieEdition = edition
        draft.panel = panel
        #expect(throws: error) { try store.addVacancy(draft, by: admin) }
        #expect(try store.vacancies().isEmpty)
        #expect(try count(store, "audit_event") == 1)
    }

    @Test("only admins, searchers and recruiting managers add or change vacancies")
    func roles() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addStaff(name: "Tom Ellis", roles: [.panel], by: admin)
        #expect(throws: ShortlistError.roleRequired(actor: "Tom Ellis", roles: ["admin", "searcher", "recruiting-manager"],
                                                    operation: "add a vacancy")) {
            try store.addVacancy(VacancyDraft(reference: "X-1", postTitle: "Post"), by: "Tom Ellis")
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Tom Ellis", roles: ["admin", "searcher", "recruiting-manager"],
                                                    operation: "close a vacancy")) {
            try store.closeVacancy(ref, by: "Tom Ellis")
        }
    }

    @Test("details and the panel change; the old values stay in the audit trail")
    func update() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addStaff(name: "Tom Ellis", roles: [.panel], by: admin)
        var changes = VacancyChanges()
        changes.postTitle = "Senior Teaching Assistant"
        changes.interviewDate = Day(year: 2026, month: 12, day: 3)
        changes.addPanel = ["Tom Ellis", "Sam Searcher"]
        changes.kcsieEdition = "2025"
        let after = try store.updateVacancy(ref, changes, by: admin)
        #expect(after.postTitle == "Senior Teaching Assistant")
        #expect(after.site == "Riverside Primary School")
        #expect(after.interviewDate == Day(year: 2026, month: 12, day: 3))
        #expect(after.kcsieEdition == "2025")
        #expect(after.panel == ["Sam Searcher", "Tom Ellis"])
        var remove = VacancyChanges()
        remove.removePanel = ["Tom Ellis"]
        #expect(try store.updateVacancy(ref, remove, by: admin).panel == ["Sam Searcher"])
        let details = try storedEvents(store).suffix(2).first?.details
        #expect(details == #"{"after":{"interview_date":"2026-12-03","kcsie_edition":"2025","panel":"Sam Searcher; Tom Ellis","post_title":"Senior Teaching Assistant"},"before":{"interview_date":"","kcsie_edition":"2026","panel":"","post_title":"Teaching Assistant (Year 2)"}}"#)
        #expect(throws: ShortlistError.unknownVacancy(reference: "NOPE-1")) { try store.updateVacancy("NOPE-1", changes, by: admin) }
    }

    /// The transitions a vacancy's status may take through `vacancy update --status`.
    static let allowedByUpdate: Set<[VacancyStatus]> = [
        [.open, .shortlisted], [.shortlisted, .open], [.shortlisted, .interviewing], [.interviewing, .shortlisted],
    ]

    @Test("status changes: allowed ones go through, others are refused with notAllowed", arguments:
            [VacancyStatus.open, .shortlisted, .interviewing, .appointed, .closed, .withdrawn],
          [VacancyStatus.open, .shortlisted, .interviewing])
    func statusTransitions(from: VacancyStatus, to: VacancyStatus) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try bring(store, to: from)
        let eventsBefore = try count(store, "audit_event")
        var changes = VacancyChanges()
        changes.status = to
        if from == to || Self.allowedByUpdate.contains([from, to]) {
            #expect(try store.updateVacancy(ref, changes, by: admin).status == to)
            #expect(try count(store, "audit_event") == eventsBefore + 1)
            return
        }
        do {
            try store.updateVacancy(ref, changes, by: admin)
            Issue.record("\(from) -> \(to) was allowed")
        } catch {
            guard case let .notAllowed(record, reason, remedy) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(record == ref)
            if from.isFinal {
                #expect(reason == "the vacancy is \(from.rawValue)")
                #expect(remedy == "A closed or withdrawn vacancy cannot be changed.")
            } else {
                #expect(reason == "a vacancy cannot go from \(from.rawValue) to \(to.rawValue)")
                #expect(remedy.hasSuffix("Use `shortlist vacancy close` to close or withdraw it."))
            }
        }
        #expect(try store.vacancy(ref).status == from)
        #expect(try count(store, "audit_event") == eventsBefore)
    }

    @Test("the refusal names the statuses that are possible")
    func refusalMessage() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        var changes = VacancyChanges()
        changes.status = .interviewing
        #expect(throws: ShortlistError.notAllowed(
            record: ref, reason: "a vacancy cannot go from open to interviewing",
            remedy: "From open it can go to shortlisted. Use `shortlist vacancy close` to close or withdraw it.")) {
            try store.updateVacancy(ref, changes, by: admin)
        }
        changes.status = .closed
        #expect(throws: ShortlistError.notAllowed(
            record: ref, reason: "a vacancy cannot go from open to closed",
            remedy: "From open it can go to shortlisted. Use `shortlist vacancy close` to close or withdraw it.")) {
            try store.updateVacancy(ref, changes, by: admin)
        }
        changes.status = .appointed
        #expect(throws: ShortlistError.invalidValue(field: "--status", value: "appointed",
                                                    expected: "--appoint NUMBER, which names the candidate appointed")) {
            try store.updateVacancy(ref, changes, by: admin)
        }
    }

    @Test("appointing sets the candidate's outcome and the vacancy's status", arguments: [VacancyStatus.shortlisted, .interviewing])
    func appoint(from: VacancyStatus) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        for name in ["Zoë Ødegaard", "Łukasz Nowak", "Siobhán O'Brien"] {
            try store.addCandidate(to: ref, CandidateDraft(fullName: name), by: admin)
        }
        try bring(store, to: from)
        var changes = VacancyChanges()
        changes.appoint = 2
        let vacancy = try store.updateVacancy(ref, changes, by: admin)
        #expect(vacancy.status == .appointed)
        #expect(vacancy.appointedNumber == 2)
        let candidates = try store.candidates(of: ref)
        #expect(candidates.map(\.outcome) == [.pending, .appointed, .pending])
        #expect(candidates[1].outcomeOn == testToday)
        #expect(candidates[0].outcomeOn == nil)

        // One appointment per vacancy; an appointed vacancy can only be closed.
        changes.appoint = 3
        #expect(throws: ShortlistError.notAllowed(record: ref, reason: "candidate 2 is already appointed",
                                                  remedy: "A vacancy has one appointed candidate.")) {
            try store.updateVacancy(ref, changes, by: admin)
        }
        #expect(throws: ShortlistError.notAllowed(record: ref, reason: "a vacancy that is appointed cannot be withdrawn",
                                                  remedy: "Close it instead: `shortlist vacancy close TA-2026-03`.")) {
            try store.closeVacancy(ref, withdrawn: true, by: admin)
        }
        #expect(try store.candidates(of: ref).map(\.outcome) == [.pending, .appointed, .pending])
    }

    @Test("appointing from open moves through shortlisted, each move its own audit event, and audit verify still holds")
    func appointFromOpen() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        for name in ["Zoë Ødegaard", "Łukasz Nowak"] {
            try store.addCandidate(to: ref, CandidateDraft(fullName: name), by: admin)
        }
        let before = try storedEvents(store).count
        var changes = VacancyChanges()
        changes.appoint = 2
        changes.site = "Riverside Infants"
        let vacancy = try store.updateVacancy(ref, changes, by: admin)
        #expect(vacancy.status == .appointed)
        #expect(vacancy.appointedNumber == 2)
        let added = try storedEvents(store).dropFirst(before)
        #expect(added.map { "\($0.event.action) \($0.event.entityRef)" }
            == ["vacancy.update TA-2026-03", "candidate.outcome TA-2026-03/2", "vacancy.update TA-2026-03"])
        #expect(added.first?.details == #"{"after":{"status":"shortlisted"},"before":{"status":"open"}}"#)
        #expect(added.last?.details == #"{"after":{"appointed":"2","site":"Riverside Infants","status":"appointed"},"#
            + #""before":{"appointed":"","site":"Riverside Primary School","status":"shortlisted"}}"#)
        #expect(try store.verifyAudit().isValid)
        #expect(VacancyStatus.open.route(to: .appointed) == [.shortlisted, .appointed])
        #expect(VacancyStatus.interviewing.route(to: .appointed) == [.appointed])
        #expect(VacancyStatus.closed.route(to: .appointed) == nil)
    }

    @Test("a refused appointment from open leaves the status open and records nothing")
    func appointFromOpenRefused() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addCandidate(to: ref, CandidateDraft(fullName: "Zoë Ødegaard"), by: admin)
        let before = try storedEvents(store).count
        var changes = VacancyChanges()
        changes.appoint = 4
        #expect(throws: ShortlistError.unknownCandidate(reference: "TA-2026-03/4")) { try store.updateVacancy(ref, changes, by: admin) }
        #expect(try store.vacancy(ref).status == .open)
        #expect(try storedEvents(store).count == before)
    }

    @Test("--appoint takes the candidate's number or its full reference, and refuses another vacancy's candidate")
    func appointee() throws {
        #expect(try VacancyChanges.appointee("2", of: ref) == 2)
        #expect(try VacancyChanges.appointee(" TA-2026-03/12 ", of: ref) == 12)
        let expected = "a candidate of TA-2026-03, by number or reference (such as 1 or TA-2026-03/1)"
        #expect(throws: ShortlistError.invalidValue(field: "--appoint", value: "MS-2026-02/1", expected: expected + ", not of MS-2026-02")) {
            try VacancyChanges.appointee("MS-2026-02/1", of: ref)
        }
        for bad in ["two", "0", "-1", "TA-2026-03/", "TA-2026-03/x", ""] {
            #expect(throws: ShortlistError.invalidValue(field: "--appoint", value: bad, expected: expected), "\(bad)") {
                try VacancyChanges.appointee(bad, of: ref)
            }
        }
    }

    @Test("only a pending candidate who exists can be appointed")
    func appointRefused() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addCandidate(to: ref, CandidateDraft(fullName: "Zoë Ødegaard"), by: admin)
        try bring(store, to: .shortlisted)
        try store.withdrawCandidate(CandidateReference(vacancy: ref, number: 1), on: nil, reason: "", by: admin)
        var changes = VacancyChanges()
        changes.appoint = 1
        #expect(throws: ShortlistError.notAllowed(record: "TA-2026-03/1", reason: "the candidate's outcome is withdrew",
                                                  remedy: "Only a pending candidate can be appointed.")) {
            try store.updateVacancy(ref, changes, by: admin)
        }
        changes.appoint = 9
        #expect(throws: ShortlistError.unknownCandidate(reference: "TA-2026-03/9")) { try store.updateVacancy(ref, changes, by: admin) }
        #expect(try store.vacancy(ref).status == .shortlisted)
        #expect(try store.vacancy(ref).appointedNumber == nil)
    }

    @Test("closing makes pending candidates not appointed and leaves other outcomes alone")
    func close() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        for name in ["Zoë Ødegaard", "Łukasz Nowak", "Siobhán O'Brien", "Nguyễn Thị Minh"] {
            try store.addCandidate(to: ref, CandidateDraft(fullName: name), by: admin)
        }
        try store.withdrawCandidate(CandidateReference(vacancy: ref, number: 3), on: Day(year: 2026, month: 11, day: 18),
                                    reason: "moved away", by: admin)
        try bring(store, to: .shortlisted)
        var changes = VacancyChanges()
        changes.appoint = 1
        try store.updateVacancy(ref, changes, by: admin)
        let closedOn = Day(year: 2026, month: 11, day: 19)!
        let vacancy = try store.closeVacancy(ref, on: closedOn, by: admin)
        #expect(vacancy.status == .closed)
        #expect(vacancy.closedOn == closedOn)
        #expect(vacancy.appointedNumber == 1)
        let candidates = try store.candidates(of: ref)
        #expect(candidates.map(\.outcome) == [.appointed, .notAppointed, .withdrew, .notAppointed])
        #expect(candidates.map(\.outcomeOn) == [testToday, closedOn, Day(year: 2026, month: 11, day: 18)!, closedOn])

        // Final: nothing more happens to it.
        #expect(throws: ShortlistError.notAllowed(record: ref, reason: "a vacancy that is closed cannot be closed",
                                                  remedy: "It is already final.")) {
            try store.closeVacancy(ref, by: admin)
        }
        #expect(throws: ShortlistError.notAllowed(
            record: ref, reason: "the vacancy is closed",
            remedy: "Candidates can be added only while a vacancy is open, shortlisted or interviewing.")) {
            try store.addCandidate(to: ref, CandidateDraft(fullName: "Late Applicant"), by: admin)
        }
        var title = VacancyChanges()
        title.postTitle = "Renamed"
        #expect(throws: ShortlistError.notAllowed(record: ref, reason: "the vacancy is closed",
                                                  remedy: "A closed or withdrawn vacancy cannot be changed.")) {
            try store.updateVacancy(ref, title, by: admin)
        }
    }

    @Test("withdrawing a vacancy closes it as withdrawn, today by default")
    func withdraw() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addCandidate(to: ref, CandidateDraft(fullName: "Zoë Ødegaard"), by: admin)
        let vacancy = try store.closeVacancy(ref, withdrawn: true, by: admin)
        #expect(vacancy.status == .withdrawn)
        #expect(vacancy.closedOn == testToday)
        #expect(try store.candidates(of: ref).map(\.outcome) == [.notAppointed])
        #expect(throws: ShortlistError.notAllowed(record: ref, reason: "a vacancy that is withdrawn cannot be closed",
                                                  remedy: "It is already final.")) {
            try store.closeVacancy(ref, by: admin)
        }
    }
}
