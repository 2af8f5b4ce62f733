import Foundation
import Testing
@testable import ShortlistKit

private let ref = "TA-2026-03"

/// One candidate as the Excel fixture `import/excel-shortlist.csv` describes them.
struct ExpectedCandidate {
    var number: Int
    var fullName: String
    var otherNames: [String]
    var town: String
    var currentEmployer: String
    var previousEmployers: [String]
    var email: String
    var shortlistedOn: String
    var notifiedOn: String?
    var notifiedVia: String?
}

/// What `Fixtures/import/excel-shortlist.csv` holds (its Notes column is not kept).
let excelShortlist = [
    ExpectedCandidate(number: 1, fullName: "Zoë Ødegaard", otherNames: ["Zoë Hansen"], town: "Chester",
                      currentEmployer: "Hoole Primary School, Chester", previousEmployers: ["Little Acorns Nursery", "Elm Tree Café"],
                      email: "zoe.o@example.org", shortlistedOn: "2026-11-12", notifiedOn: "2026-11-13", notifiedVia: "email"),
    ExpectedCandidate(number: 2, fullName: "Łukasz Nowak", otherNames: ["Luke Nowak", "Lukas Nowak"], town: "Helsby",
                      currentEmployer: "Riverside \"Tutoring\" Ltd", previousEmployers: [],
                      email: "lukasz.n@example.org", shortlistedOn: "2026-11-12", notifiedOn: nil, notifiedVia: nil),
    ExpectedCandidate(number: 3, fullName: "Siobhán O'Brien", otherNames: [], town: "Frodsham",
                      currentEmployer: "Frodsham Leisure Centre", previousEmployers: ["Cheshire West Council", "St Mary's RC Primary"],
                      email: "siobhan.ob@example.org", shortlistedOn: "2026-11-12", notifiedOn: "2026-11-13", notifiedVia: "letter"),
    ExpectedCandidate(number: 4, fullName: "Nguyễn Thị Minh", otherNames: [], town: "Runcorn",
                      currentEmployer: "Halton Library Service", previousEmployers: [],
                      email: "minh.nguyen@example.org", shortlistedOn: "2026-11-12", notifiedOn: nil, notifiedVia: nil),
]

/// Compares every field of the stored candidates with the expected ones, byte for byte.
func expectExactly(_ candidates: [Candidate], _ expected: [ExpectedCandidate], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(candidates.count == expected.count, sourceLocation: sourceLocation)
    for (candidate, want) in zip(candidates, expected) {
        #expect(candidate.reference.description == "TA-2026-03/\(want.number)", sourceLocation: sourceLocation)
        #expect(utf8(candidate.fullName) == utf8(want.fullName), sourceLocation: sourceLocation)
        #expect(candidate.otherNames.map(utf8) == want.otherNames.map(utf8), sourceLocation: sourceLocation)
        #expect(utf8(candidate.town) == utf8(want.town), sourceLocation: sourceLocation)
        #expect(utf8(candidate.currentEmployer) == utf8(want.currentEmployer), sourceLocation: sourceLocation)
        #expect(candidate.previousEmployers.map(utf8) == want.previousEmployers.map(utf8), sourceLocation: sourceLocation)
        #expect(utf8(candidate.email) == utf8(want.email), sourceLocation: sourceLocation)
        #expect(candidate.shortlistedOn.iso == want.shortlistedOn, sourceLocation: sourceLocation)
        #expect(candidate.notifiedOn?.iso == want.notifiedOn, sourceLocation: sourceLocation)
        #expect(candidate.notifiedVia?.rawValue == want.notifiedVia, sourceLocation: sourceLocation)
        #expect(candidate.outcome == .pending, sourceLocation: sourceLocation)
        #expect(candidate.outcomeOn == nil, sourceLocation: sourceLocation)
    }
}

@Suite("Candidate import")
struct CandidateImportTests {
    @Test("an Excel file (BOM, CRLF, quoted line break, commas and quotes, accented names) imports exactly")
    func excelFile() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let summary = try store.importCandidates(to: ref, file: fixtureURL("import/excel-shortlist.csv").path, by: "Sam Searcher")
        #expect(summary.added.map(\.description) == ["TA-2026-03/1", "TA-2026-03/2", "TA-2026-03/3", "TA-2026-03/4"])
        #expect(summary.skipped.isEmpty)
        #expect(summary.ignoredColumns == ["Notes"])
        expectExactly(try store.candidates(of: ref), excelShortlist)
        // The Notes column is not kept anywhere, not even in the audit trail.
        let events = try storedEvents(store)
        #expect(!events.contains { $0.details.contains("Strong references") || $0.details.contains("Said") })
        expectIntactChain(events)
    }

    @Test("a file with two bad rows imports nothing and names both physical lines")
    func twoBadRows() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = fixtureURL("import/two-bad-rows.csv").path
        let eventsBefore = try count(store, "audit_event")
        // Records 3 and 5 start on lines 5 and 8, after quoted fields that span lines.
        let error = ShortlistError.importRejected(file: path, problems: [
            ImportProblem(line: 5, reason: "shortlisted: '31/02/2026' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27)."),
            ImportProblem(line: 8, reason: "the full name is empty"),
        ])
        #expect(throws: error) { try store.importCandidates(to: ref, file: path, by: admin) }
        #expect(error.message == """
            \(path): nothing was imported; fix these rows and import again:
              line 5: shortlisted: '31/02/2026' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27).
              line 8: the full name is empty
            """)
        #expect(error.exitCode == 1)
        #expect(try store.candidates(of: ref).isEmpty)
        #expect(try count(store, "audit_event") == eventsBefore)
    }

    @Test("importing the same file again adds nothing and says which lines were skipped")
    func reimport() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = fixtureURL("import/excel-shortlist.csv").path
        _ = try store.importCandidates(to: ref, file: path, by: admin)
        let eventsBefore = try count(store, "audit_event")
        let again = try store.importCandidates(to: ref, file: path, by: admin)
        #expect(again.added.isEmpty)
        // Zoë's record spans lines 2-3, so the others start on 4, 5 and 6.
        #expect(again.skipped.map(\.line) == [2, 4, 5, 6])
        #expect(again.skipped.map(\.existing.description) == ["TA-2026-03/1", "TA-2026-03/2", "TA-2026-03/3", "TA-2026-03/4"])
        expectExactly(try store.candidates(of: ref), excelShortlist)
        #expect(try count(store, "audit_event") == eventsBefore)

        // A later export with one new row (and a name typed in another case) adds only the new one.
        let later = try folder.write("later.csv", """
            Full name,Email\r
            ZOË ØDEGAARD,Zoe.O@Example.org\r
            Aled Jones,aled@example.org\r
            Aled Jones,aled@example.org\r

            """)
        let summary = try store.importCandidates(to: ref, file: later, by: admin)
        #expect(summary.added.map(\.description) == ["TA-2026-03/5"])
        #expect(summary.skipped.map(\.line) == [2, 4])
        #expect(summary.skipped.map(\.existing.description) == ["TA-2026-03/1", "TA-2026-03/5"])
        #expect(try store.candidates(of: ref).count == 5)
    }

    @Test("header names match regardless of case, spacing and punctuation", arguments: [
        "FULL NAME,E-mail Address,Town or area", "full_name,email,town", "Full Name,Email,Town",
        " Full  Name ,EMAIL, town ", "Name,Email address,Location", "Candidate name,email_address,City",
    ])
    func headers(header: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = try folder.write("headers.csv", "\(header)\nZoë Ødegaard,zoe.o@example.org,Chester\n")
        let summary = try store.importCandidates(to: ref, file: path, by: admin)
        #expect(summary.ignoredColumns.isEmpty)
        let candidate = try #require(try store.candidates(of: ref).first)
        #expect(utf8(candidate.fullName) == utf8("Zoë Ødegaard"))
        #expect(candidate.email == "zoe.o@example.org")
        #expect(candidate.town == "Chester")
    }

    @Test("a file the tool cannot use is refused with the line and the reason", arguments: [
        ("", 1, "the file is empty; it needs a header row and a row per candidate"),
        ("Email,Town\r\na@example.org,Chester\r\n", 1, "no full name column; name one of the header cells 'Full name'"),
        ("Full name,Email\r\n", 1, "the file has a header but no candidates"),
        ("Full name,Email\r\n\r\n,\r\n", 1, "the file has a header but no candidates"),
        ("Full name,Name\r\nA,B\r\n", 1, "the column 'Name' appears twice"),
        ("Full name,Email,Town\r\nAnna,a@example.org\r\n", 2, "2 fields where the header has 3"),
        ("Full name,Notes\r\nAnna,\"never closed\r\n", 2, "field 2: quoted field is never closed"),
        ("Full name,Town\r\nAnna,\"Chester\r\nUpton\"\r\n", 2,
         "a field holds a line break; names, town, employers and email each fit on one line"),
        ("Full name,Told on,Told via\r\nAnna,2026-11-13,pigeon\r\n", 2,
         "told via: 'pigeon' is not valid; expected one of email, letter, application-pack, privacy-notice, phone, in-person."),
        ("Full name,Told on\r\nAnna,2026-11-13\r\n", 2, "the date told and how they were told go together: give both or neither"),
        ("Full name,Told on,Told via\r\nAnna,21/11/2026,email\r\n", 2, "the date told (2026-11-21) is in the future"),
        ("Full name,Email\r\nAnna,anna.example.org\r\n", 2, "the email address is not valid"),
    ])
    func refusedFiles(text: String, line: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = try folder.write("bad.csv", text)
        #expect(throws: ShortlistError.importRejected(file: path, problems: [ImportProblem(line: line, reason: reason)])) {
            try store.importCandidates(to: ref, file: path, by: admin)
        }
        #expect(try store.candidates(of: ref).isEmpty)
    }

    @Test("a missing file, an unknown vacancy or a closed one is refused before anything is read or written")
    func refusedTargets() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let missing = folder.path("missing.csv")
        #expect(throws: ShortlistError.file(path: missing, reason: "the file cannot be read; check the path and its permissions")) {
            try store.importCandidates(to: ref, file: missing, by: admin)
        }
        let path = fixtureURL("import/excel-shortlist.csv").path
        #expect(throws: ShortlistError.unknownVacancy(reference: "XX-1")) { try store.importCandidates(to: "XX-1", file: path, by: admin) }
        try store.closeVacancy(ref, by: admin)
        #expect(throws: ShortlistError.notAllowed(
            record: ref, reason: "the vacancy is closed",
            remedy: "Candidates can be added only while a vacancy is open, shortlisted or interviewing.")) {
            try store.importCandidates(to: ref, file: path, by: admin)
        }
        #expect(try store.candidates(of: ref).isEmpty)
    }

    @Test("imported rows are numbered after the candidates already there")
    func numberingContinues() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        try store.addCandidate(to: ref, CandidateDraft(fullName: "Already Here"), by: admin)
        let summary = try store.importCandidates(to: ref, file: fixtureURL("import/excel-shortlist.csv").path, by: admin)
        #expect(summary.added.map(\.number) == [2, 3, 4, 5])
    }
}
