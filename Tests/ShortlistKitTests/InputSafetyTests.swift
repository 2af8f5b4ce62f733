import Foundation
import Testing
@testable import ShortlistKit

/// A vacancy whose interview was on 10 November 2026 (ten days before the tests' today), with one candidate searched on 5 November.
private func interviewedVacancy(in folder: TemporaryFolder) throws -> Store {
    let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol",
                                    interview: Day(year: 2026, month: 11, day: 10))
    try addShortlisted(store, "Zoë Ødegaard", told: Day(year: 2026, month: 11, day: 2))
    try logQuery(store, candidateRef(1), "web-name") { $0.searchedAt = Timestamp.parse(iso: "2026-11-05T10:00:00Z") }
    return store
}

@Suite("Input that should never be stored, and closing dates that would start retention early")
struct InputSafetyTests {
    @Test("a closing date in the future, before the interview or first search, or far back without a reason is refused, changing nothing")
    func closingDates() throws {
        let folder = try TemporaryFolder()
        let store = try interviewedVacancy(in: folder)
        let before = try count(store, "audit_event")
        func refusal(_ day: String, withdrawn: Bool = false, reason: String = "") -> ShortlistError? {
            errorThrown { try store.closeVacancy("TA-2026-03", withdrawn: withdrawn, on: Day(iso: day), reason: reason, by: admin) }
        }
        #expect(refusal("2026-11-21") == .notAllowed(record: "TA-2026-03", reason: "it cannot be closed on 21 November 2026, which is in the future",
                                                     remedy: "Close it on or after the day the recruitment ends."))
        #expect(refusal("1026-11-20") == .notAllowed(record: "TA-2026-03",
                                                     reason: "it cannot be closed on 20 November 1026, before its interview date (10 November 2026)",
                                                     remedy: "Give the day the recruitment actually ended with --on DATE."))
        #expect(refusal("2026-11-09") == .notAllowed(record: "TA-2026-03",
                                                     reason: "it cannot be closed on 9 November 2026, before its interview date (10 November 2026)",
                                                     remedy: "Give the day the recruitment actually ended with --on DATE."))
        // A post withdrawn may end before its interviews, but not before its first search.
        #expect(refusal("2026-11-04", withdrawn: true) == .notAllowed(
            record: "TA-2026-03", reason: "it cannot be closed on 4 November 2026, before its first search (5 November 2026)",
            remedy: "Give the day the recruitment actually ended with --on DATE."))
        #expect(try count(store, "audit_event") == before)
        #expect(try store.vacancy("TA-2026-03").closedOn == nil)
    }

    @Test("a closing date far back needs a reason, which is recorded; retention then runs from the day the close was recorded")
    func retentionFromRecording() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol", interview: Day(year: 2026, month: 9, day: 20))
        try addShortlisted(store, "Zoë Ødegaard", told: Day(year: 2026, month: 9, day: 1))
        let october = Day(year: 2026, month: 10, day: 1)!
        #expect(errorThrown { try store.closeVacancy("TA-2026-03", on: october, by: admin) } == .notAllowed(
            record: "TA-2026-03", reason: "the closing date 1 October 2026 is 50 days ago, and closing starts the retention period",
            remedy: "If that date is right, add --reason TEXT (recorded in the audit trail); the data is then kept at least the retention period from today."))
        let closed = try store.closeVacancy("TA-2026-03", on: october, reason: "Entered late: the head confirmed the date", by: admin)
        #expect(closed.closedOn == october)
        #expect(closed.closeRecordedOn == testToday)
        let event = try #require(try storedEvents(store).last { $0.event.action == "vacancy.close" })
        #expect(event.details.contains("\"reason\":{\"text\":\"Entered late: the head confirmed the date\"}"))
        // Six months from 1 October would be 1 April 2027; from the day it was recorded, 20 May 2027.
        #expect(closed.purgeDue(retentionMonths: 6) == Day(year: 2027, month: 5, day: 20))
        #expect(try store.reopened(at: "2027-04-15T10:00:00Z").purgePlan().due.isEmpty)
        #expect(try store.reopened(at: "2027-05-20T10:00:00Z").purgePlan().due.map(\.candidate) == [candidateRef(1)])
    }

    @Test("a vacancy's dates run in order: applications close, then shortlisting, then interviews")
    func vacancyDates() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        var draft = VacancyDraft(reference: "TA-2026-04", postTitle: "Teaching Assistant")
        draft.closingDate = Day(year: 2026, month: 12, day: 5)
        draft.interviewDate = Day(year: 2026, month: 12, day: 1)
        #expect(errorThrown { try store.addVacancy(draft, by: admin) } == .invalidRecord(
            record: "TA-2026-04", reason: "--closing-date (5 December 2026) is after --interview (1 December 2026); applications close, then shortlisting, then interviews"))
        draft.closingDate = Day(year: 2026, month: 11, day: 25)
        try store.addVacancy(draft, by: admin)
        var changes = VacancyChanges()
        changes.interviewDate = Day(year: 2026, month: 11, day: 24)
        #expect(errorThrown { try store.updateVacancy("TA-2026-04", changes, by: admin) } == .invalidRecord(
            record: "TA-2026-04", reason: "--closing-date (25 November 2026) is after --interview (24 November 2026); applications close, then shortlisting, then interviews"))
    }

    @Test("staff names are stored in one form: other spaces and decomposed letters find the same person, look-alikes are refused")
    func staffNames() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try store.addStaff(name: "  Jos\u{E9}   Ruiz ", roles: [.searcher], by: admin)
        try store.addStaff(name: "Joy Pace", roles: [.searcher], by: admin)
        #expect(try store.staff().map(\.name).map(utf8) == [admin, "Jos\u{E9} Ruiz", "Joy Pace"].map(utf8))
        // The same name with a no-break space, or with é written as e and a combining accent, is the same person.
        #expect(errorThrown { try store.addStaff(name: "Jos\u{E9}\u{A0}Ruiz", roles: [.panel], by: admin) } == .duplicateStaff(name: "Jos\u{E9} Ruiz"))
        #expect(errorThrown { try store.addStaff(name: "Jose\u{301} Ruiz", roles: [.panel], by: admin) } == .duplicateStaff(name: "Jos\u{E9} Ruiz"))
        // Acting under another spelling of one's own name finds the staff member.
        #expect(throws: Never.self) { try store.addCandidateForTest(by: "Jose\u{301}\u{A0}Ruiz") }
        // Cyrillic letters drawn like Latin ones: mixed in a name, or a whole name that reads as another's.
        #expect(errorThrown { try store.addStaff(name: "\u{410}nn Admin", roles: [.panel], by: admin) } == .invalidValue(
            field: "name", value: "\u{410}nn Admin",
            expected: "a name written in one alphabet (this one mixes Cyrillic and Latin letters, which can make it look like someone else's)"))
        let lookalike = "\u{408}\u{43E}\u{443} \u{420}\u{430}\u{441}\u{435}"  // Јоу Расе
        let refused = errorThrown { try store.addStaff(name: lookalike, roles: [.panel], by: admin) }
        #expect(refused == .confusableName(name: lookalike, existing: "Joy Pace"))
        #expect(refused?.message.contains("use 'Joy Pace' if it is them") == true)
        #expect(try store.staff().count == 3)
    }

    @Test("control characters and bidirectional overrides are refused in every text field, naming the field and never echoing the text")
    func controlCharacters() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let before = try count(store, "audit_event")
        let escape = errorThrown { try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zo\u{EB}\u{1B}]0;pwned\u{7}"), by: admin) }
        #expect(escape == .unsafeText(record: "TA-2026-03/1", field: "full name", character: "U+001B"))
        #expect(escape?.message.contains("\u{1B}") == false)
        #expect(escape?.exitCode == 64)
        var town = CandidateDraft(fullName: "Siobh\u{E1}n O'Brien")
        town.town = "Frodsham\u{202E}maharG"
        #expect(errorThrown { try store.addCandidate(to: "TA-2026-03", town, by: admin) } == .unsafeText(
            record: "TA-2026-03/1", field: "town", character: "U+202E"))
        #expect(errorThrown { try store.addStaff(name: "Sam\u{85}Searcher", roles: [.searcher], by: admin) } == .unsafeText(
            record: "the new staff member", field: "the name", character: "U+0085"))
        #expect(try count(store, "audit_event") == before)
        #expect(try count(store, "candidate") == 0)

        // In a search note and a finding's summary alike; line breaks and tabs stay allowed where a field has lines.
        let reference = try addSiobhan(store)
        let logged = errorThrown {
            try logQuery(store, reference, "web-name", .findings) { $0.note = "See \u{2066}post\u{2069}" }
        }
        #expect(logged == .unsafeText(record: "TA-2026-03/1#1", field: "note", character: "U+2066"))
        let entry = try logQuery(store, reference, "web-name", .findings) { $0.note = "Two lines:\n\tindented" }.entry
        var finding = FindingDraft(entries: [entry.id], summary: "A post\u{9B}31m", identity: .probable)
        finding.category = "other"
        finding.relevance = "Conduct"
        #expect(errorThrown { try store.addFinding(to: reference, finding, by: "Sam Searcher") } == .unsafeText(
            record: "TA-2026-03/1/F1", field: "summary", character: "U+009B"))
    }

    @Test("a reason given with a change is checked too, though it is held in the event's before-and-after details")
    func reasonsChecked() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol", interview: Day(year: 2026, month: 9, day: 20))
        let before = try count(store, "audit_event")
        #expect(errorThrown {
            try store.closeVacancy("TA-2026-03", on: Day(year: 2026, month: 10, day: 1), reason: "late \u{1B}]0;x\u{7}", by: admin)
        } == .unsafeText(record: "TA-2026-03", field: "reason.text", character: "U+001B"))
        #expect(try count(store, "audit_event") == before)
        #expect(try store.vacancy("TA-2026-03").closedOn == nil)
        // --appoint's reference is read without regard to case, as every reference is.
        #expect(try VacancyChanges.appointee("TA-2026-03/2", of: "ta-2026-03") == 2)
    }

    @Test("a Markdown template may not hold raw HTML, where a value would not be escaped for HTML")
    func rawHTMLInTemplates() throws {
        let folder = try TemporaryFolder()
        let root = folder.path("school")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try folder.write("school/dossier.mustache", "\(TemplateSet.pragma)\n# Dossier\n\n<div title=\"{{full_name}}\">{{full_name}}</div>\n")
        #expect(throws: ShortlistError.template(file: root + "/dossier.mustache", line: 4, reason: "raw HTML (<…>) is not allowed in a "
            + "Markdown template, because a value inside it would not be escaped for HTML; write Markdown instead")) {
            try TemplateSet.load(overrides: root)
        }
        // Comparisons in prose are still fine.
        try folder.write("school/dossier.mustache", "\(TemplateSet.pragma)\n# Dossier\n\nAges < 18 and > 65 are never recorded.\n")
        _ = try TemplateSet.load(overrides: root)
    }

    @Test("a report whose period starts after it ends is refused, and nothing is recorded")
    func reportPeriod() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let before = try count(store, "audit_event")
        #expect(errorThrown {
            _ = try store.complianceReport(.period(from: Day(year: 2026, month: 12, day: 31)!, to: Day(year: 2026, month: 1, day: 1)!), by: admin)
        } == .invalidValue(field: "--from", value: "2026-12-31", expected: "a date no later than --to (1 January 2026): the period runs from --from to --to"))
        #expect(try count(store, "audit_event") == before)
    }
}

private extension Store {
    /// Adds a vacancy as `actor`, to show that the name is found however its spaces and accents are written.
    func addCandidateForTest(by actor: String) throws {
        try addVacancy(VacancyDraft(reference: "XX-2026-01", postTitle: "Caretaker"), by: actor)
    }
}
