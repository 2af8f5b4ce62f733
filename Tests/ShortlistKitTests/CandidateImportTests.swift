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

    @Test("a file with two bad rows imports nothing and names both rows and their columns")
    func twoBadRows() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = fixtureURL("import/two-bad-rows.csv").path
        let eventsBefore = try count(store, "audit_event")
        // Rows 3 and 5 start on lines 5 and 8 of the file, after quoted fields that span lines.
        let error = ShortlistError.importRejected(file: path, problems: [
            ImportProblem(row: 3, column: "Shortlisted", reason: "'31/02/2026' is not a date; write it day, month, year (27/11/2026, "
                + "27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27)."),
            ImportProblem(row: 5, column: "Full name", reason: "the full name is empty"),
        ])
        #expect(throws: error) { try store.importCandidates(to: ref, file: path, by: admin) }
        #expect(error.message == """
            \(path): nothing was imported; fix these rows and import again:
              row 3, Shortlisted: '31/02/2026' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27).
              row 5, Full name: the full name is empty
            """)
        #expect(error.exitCode == 1)
        #expect(try store.candidates(of: ref).isEmpty)
        #expect(try count(store, "audit_event") == eventsBefore)
    }

    @Test("importing the same file again adds nothing and says which rows were skipped")
    func reimport() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = fixtureURL("import/excel-shortlist.csv").path
        _ = try store.importCandidates(to: ref, file: path, by: admin)
        let eventsBefore = try count(store, "audit_event")
        let again = try store.importCandidates(to: ref, file: path, by: admin)
        #expect(again.added.isEmpty)
        // Zoë's record spans lines 2-3 of the file, but is one row: the others are rows 3, 4 and 5.
        #expect(again.skipped.map(\.row) == [2, 3, 4, 5])
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
        #expect(summary.skipped.map(\.row) == [2, 4])
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

    @Test("a file the tool cannot use is refused with the row, the column and the reason", arguments: [
        ("", 1, nil, "the file is empty; it needs a header row and a row per candidate"),
        ("Email,Town\r\na@example.org,Chester\r\n", 1, nil, "no full name column; name one of the header cells 'Full name'"),
        ("Full name,Email\r\n", 1, nil, "the file has a header but no candidates"),
        ("Full name,Email\r\n\r\n,\r\n", 1, nil, "the file has a header but no candidates"),
        ("Full name,Name\r\nA,B\r\n", 1, nil, "the column 'Name' appears twice"),
        ("Full name,Email,Town\r\nAnna,a@example.org\r\n", 2, nil, "2 fields where the header has 3"),
        ("Full name,Notes\r\nAnna,\"never closed\r\n", 2, "Notes", "quoted field is never closed"),
        ("\"Full name,Notes\r\nAnna,x\r\n", 1, "column A", "quoted field is never closed"),
        ("Full name,,Email\r\nAnna,\"x\"y,a@example.org\r\n", 2, "column B", "unexpected text after a closing quote"),
        ("Full name, E-mail \r\nAnna,\"a\"@example.org\r\n", 2, "E-mail", "unexpected text after a closing quote"),
        ("Full name,Told on,Told via\r\nAnna,2026-11-13,pigeon\r\n", 2, "Told via",
         "'pigeon' is not valid; expected one of email, letter, application-pack, privacy-notice, phone, in-person."),
        ("Full name,Told on\r\nAnna,2026-11-13\r\n", 2, nil, "the date told and how they were told go together: give both or neither"),
        ("Full name,Told on,Told via\r\nAnna,21/11/2026,email\r\n", 2, "Told on", "the date told (2026-11-21) is in the future"),
        ("Full name,Email\r\nAnna,anna.example.org\r\n", 2, "Email", "the email address is not valid"),
        ("Full name,Email\r\nAnna,#REF!\r\n", 2, "Email",
         "the cell shows the formula error #REF! rather than a value; correct the formula, or type the value, and export the file again"),
        ("Full name,Email\r\n#n/a,a@example.org\r\n", 2, "Full name",
         "the cell shows the formula error #N/A rather than a value; correct the formula, or type the value, and export the file again"),
    ] as [(String, Int, String?, String)])
    func refusedFiles(text: String, row: Int, column: String?, reason: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let path = try folder.write("bad.csv", text)
        #expect(throws: ShortlistError.importRejected(file: path, problems: [ImportProblem(row: row, column: column, reason: reason)])) {
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

// MARK: - What schools really have

/// How a refusal ends: how to save the file as .xlsx or CSV UTF-8, in Excel and in LibreOffice.
func saveAsWorkbookOrCSV(_ what: String) -> String {
    what + ", which shortlist cannot read. Open it and save a copy as an Excel Workbook (.xlsx) or as CSV UTF-8, then import "
        + "that: in Excel, File > Save As > \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, "
        + "File > Save As > \"Excel 2007-365 (.xlsx)\", or \"Text CSV (.csv)\" with Character set \"Unicode (UTF-8)\""
}

/// The refusal of a Windows-1252 file, said once for the whole file.
let windows1252Refusal = "the file is not in UTF-8: it seems to be in Windows-1252 (Western European), as Excel saves "
    + "\"CSV (Comma delimited)\", so accented letters would be read wrongly. Save the spreadsheet again as UTF-8: in Excel, "
    + "File > Save As > \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, File > Save As > \"Text CSV\" with \"Edit filter "
    + "settings\" ticked, then Character set \"Unicode (UTF-8)\"; or import this file as it is with --encoding windows-1252"

let lostLetterReason = "a '?' stands inside a word, where a letter was lost: the file was saved in an encoding that has no "
    + "place for some letters (Excel's \"CSV (Comma delimited)\" turns ễ or ł into ?). Save the original spreadsheet again as "
    + "\"CSV UTF-8 (Comma delimited)\" in Excel, or as Text CSV with Character set \"Unicode (UTF-8)\" in LibreOffice, and "
    + "import that file"

/// The candidates of the semicolon, tab and UTF-16 fixtures.
private let twoCandidates = [
    ExpectedCandidate(number: 1, fullName: "Zoë Ødegaard", otherNames: ["Zoë Hansen"], town: "Chester",
                      currentEmployer: "Hoole Primary School, Chester", previousEmployers: ["Little Acorns Nursery", "Elm Tree Café"],
                      email: "zoe.o@example.org", shortlistedOn: "2026-11-12", notifiedOn: nil, notifiedVia: nil),
    ExpectedCandidate(number: 2, fullName: "Łukasz Nowak", otherNames: ["Luke Nowak", "Lukas Nowak"], town: "Helsby",
                      currentEmployer: "Riverside \"Tutoring\" Ltd", previousEmployers: [],
                      email: "lukasz.n@example.org", shortlistedOn: "2026-11-12", notifiedOn: nil, notifiedVia: nil),
]

@Suite("Candidate import: the files schools really have")
struct SpreadsheetImportTests {
    private func importing(_ fixtureName: String, options: ImportOptions = ImportOptions())
        throws -> (store: Store, summary: ImportSummary, folder: TemporaryFolder) {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let summary = try store.importCandidates(to: ref, file: fixtureURL("import/" + fixtureName).path, options: options, by: admin)
        return (store, summary, folder)
    }

    private func refusal(_ fixtureName: String, options: ImportOptions = ImportOptions()) throws -> ShortlistError? {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        defer { #expect((try? store.candidates(of: ref))?.isEmpty == true) }
        do {
            _ = try store.importCandidates(to: ref, file: fixtureURL("import/" + fixtureName).path, options: options, by: admin)
            return nil
        } catch {
            return error
        }
    }

    @Test("line breaks in cells separate items in list columns and become spaces elsewhere, and the notes say where")
    func lineBreaks() throws {
        let (store, summary, _) = try importing("line-breaks.csv")
        expectExactly(try store.candidates(of: ref), [
            ExpectedCandidate(number: 1, fullName: "Zoë Ødegaard", otherNames: ["Zoë Hansen", "Zoë H."], town: "Chester",
                              currentEmployer: "Hoole Primary School Chester",
                              previousEmployers: ["Little Acorns Nursery", "Elm Tree Café", "Chester Zoo"],
                              email: "zoe.o@example.org", shortlistedOn: "2026-11-20", notifiedOn: nil, notifiedVia: nil),
            ExpectedCandidate(number: 2, fullName: "Łukasz Nowak", otherNames: [], town: "Helsby", currentEmployer: "Riverside Tutoring",
                              previousEmployers: [], email: "lukasz.n@example.org", shortlistedOn: "2026-11-20", notifiedOn: nil, notifiedVia: nil),
            ExpectedCandidate(number: 3, fullName: "Siobhán O'Brien", otherNames: [], town: "Frodsham Cheshire",
                              currentEmployer: "Frodsham Leisure Centre", previousEmployers: [], email: "siobhan.ob@example.org",
                              shortlistedOn: "2026-11-20", notifiedOn: nil, notifiedVia: nil),
        ])
        #expect(summary.lineBreaks == [
            ImportedLineBreak(row: 2, column: "Other names", separatesItems: true),
            ImportedLineBreak(row: 2, column: "Current employer", separatesItems: false),
            ImportedLineBreak(row: 2, column: "Previous employers", separatesItems: true),
            ImportedLineBreak(row: 4, column: "Town", separatesItems: false),
        ])
        #expect(summary.notes == [
            "a line break in a cell separates items, as ';' does: row 2 (Other names, Previous employers)",
            "a line break in a cell of a one-value column was read as a space: row 2 (Current employer), row 4 (Town)",
        ])
    }

    @Test("a Windows-1252 file is refused once for the whole file, and read exactly with --encoding windows-1252")
    func windows1252() throws {
        let path = fixtureURL("import/windows-1252.csv").path
        #expect(try refusal("windows-1252.csv") == .file(path: path, reason: windows1252Refusal))
        #expect(try refusal("windows-1252.csv", options: ImportOptions(encoding: .utf8)) == .file(path: path, reason: windows1252Refusal))
        let (store, summary, _) = try importing("windows-1252.csv", options: ImportOptions(encoding: .windows1252))
        #expect(summary.added.count == 2)
        expectExactly(try store.candidates(of: ref), [
            ExpectedCandidate(number: 1, fullName: "Zoë Ødegaard", otherNames: [], town: "Chester", currentEmployer: "Elm Tree Café",
                              previousEmployers: ["Müller’s Bakery – Chester"], email: "zoe.o@example.org",
                              shortlistedOn: "2026-11-20", notifiedOn: nil, notifiedVia: nil),
            ExpectedCandidate(number: 2, fullName: "Siobhán O'Brien", otherNames: [], town: "Frodsham", currentEmployer: "St Mary’s RC Primary",
                              previousEmployers: [], email: "siobhan.ob@example.org", shortlistedOn: "2026-11-20", notifiedOn: nil, notifiedVia: nil),
        ])
    }

    @Test("a name whose letters were lost to '?' is refused, with why and how to save the file again")
    func lostLetters() throws {
        let path = fixtureURL("import/lost-letters.csv").path
        #expect(try refusal("lost-letters.csv", options: ImportOptions(encoding: .windows1252)) == .importRejected(file: path, problems: [
            ImportProblem(row: 3, column: "Full name", reason: lostLetterReason),
            ImportProblem(row: 5, column: "Full name", reason: lostLetterReason),
        ]))
        #expect(CandidateFile.problem(in: "Zoë ? Ødegaard", isName: true) == nil)
        #expect(CandidateFile.problem(in: "Th?", isName: true) == lostLetterReason)
        #expect(CandidateFile.problem(in: "What?", isName: false) == nil)
    }

    @Test("semicolon- and tab-separated files, and Excel's UTF-16 Unicode Text, import exactly",
          arguments: ["semicolons.csv", "tabs.tsv", "unicode-text.txt"])
    func otherDelimiters(name: String) throws {
        let (store, summary, _) = try importing(name)
        #expect(summary.ignoredColumns.isEmpty)
        expectExactly(try store.candidates(of: ref), twoCandidates)
    }

    @Test("a NUL, a control character or a direction override refuses its row, naming the row and column", arguments: [
        ("nul-byte.csv", [ImportProblem(row: 2, column: "Full name", reason: "the cell holds a NUL character (U+0000), which is not "
            + "text and would cut the value short; remove it in the spreadsheet (it often comes from a damaged export) and export the file again")]),
        ("control-character.csv", [ImportProblem(row: 3, column: "Town", reason: "the cell holds an invisible control character "
            + "(U+001B), which is not text; remove it in the spreadsheet and export the file again")]),
        ("direction-override.csv", [
            ImportProblem(row: 2, column: "Full name", reason: "the cell holds an invisible text-direction control (U+202E), which can make "
                + "text display in an order other than the one it is stored in; remove it in the spreadsheet and export the file again"),
            ImportProblem(row: 3, column: "Other names", reason: "the cell holds an invisible text-direction control (U+2066), which can make "
                + "text display in an order other than the one it is stored in; remove it in the spreadsheet and export the file again"),
        ]),
    ])
    func invisibleCharacters(name: String, problems: [ImportProblem]) throws {
        #expect(try refusal(name) == .importRejected(file: fixtureURL("import/" + name).path, problems: problems))
    }

    @Test("every character that is not text is refused: C0 but tab and line breaks, DEL, C1 but NEL, and the overrides")
    func controlCharacters() {
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            let text = "Zoë" + String(Character(Unicode.Scalar(UInt32(value))!)) + "Ødegaard"
            #expect((CandidateFile.problem(in: text, isName: false) == nil) == [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85].contains(value),
                    "U+\(String(value, radix: 16))")
        }
        #expect(CandidateFile.problem(in: "Zoë\u{200F}Ødegaard \u{FEFF}", isName: true) == nil)
    }

    @Test("dates as people write them import as the same days")
    func datesAsWritten() throws {
        let (store, _, _) = try importing("dates-as-written.csv")
        let candidates = try store.candidates(of: ref)
        #expect(candidates.map(\.shortlistedOn.iso) == ["2026-11-12", "2026-11-12", "2026-09-12", "2026-11-12"])
        #expect(candidates.map { $0.notifiedOn?.iso } == ["2026-11-13", "2026-11-13", "2026-11-13", "2026-11-13"])
        #expect(candidates.map { $0.notifiedVia?.rawValue } == ["email", "letter", "email", "phone"])
    }

    @Test("a date in US order is refused with the accepted forms, by row and column")
    func usDate() throws {
        #expect(try refusal("us-date.csv") == .importRejected(file: fixtureURL("import/us-date.csv").path, problems: [
            ImportProblem(row: 2, column: "Told on", reason: "'11/13/2026' is not a date; write it day, month, year (27/11/2026, "
                + "27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27)."),
        ]))
    }

    @Test("workbooks from LibreOffice and openpyxl import exactly as the Excel CSV does", arguments: [
        ("libreoffice.xlsx", ["Score"], [ImportedLineBreak(row: 2, column: "Previous employers", separatesItems: true),
                                         ImportedLineBreak(row: 3, column: "Other names", separatesItems: true)]),
        ("openpyxl.xlsx", ["Score", "References checked"], [ImportedLineBreak(row: 2, column: "Previous employers", separatesItems: true)]),
        ("shared-strings.xlsx", ["Score", "References checked"], [ImportedLineBreak(row: 2, column: "Previous employers", separatesItems: true)]),
    ])
    func workbooks(name: String, ignored: [String], lineBreaks: [ImportedLineBreak]) throws {
        let (store, summary, _) = try importing(name)
        #expect(summary.added.map(\.description) == ["TA-2026-03/1", "TA-2026-03/2", "TA-2026-03/3", "TA-2026-03/4"])
        #expect(summary.ignoredColumns == ignored)
        #expect(summary.lineBreaks == lineBreaks)
        expectExactly(try store.candidates(of: ref), excelShortlist)
        // Importing it again skips every row, by the rows the spreadsheet shows.
        let again = try store.importCandidates(to: ref, file: fixtureURL("import/" + name).path, by: admin)
        #expect(again.added.isEmpty)
        #expect(again.skipped.map(\.row) == [2, 3, 4, 5])
    }

    @Test("--sheet imports another sheet of a workbook")
    func sheet() throws {
        let (store, summary, _) = try importing("openpyxl.xlsx", options: ImportOptions(sheet: "Reserve list"))
        #expect(summary.added.map(\.description) == ["TA-2026-03/1"])
        let candidate = try #require(try store.candidates(of: ref).first)
        #expect(utf8(candidate.fullName) == utf8("Dafydd ap Siôn"))
        #expect(candidate.email == "dafydd@example.org")
    }

    @Test("rows of a workbook go through the same checks, named by the spreadsheet's row and column")
    func workbookProblems() throws {
        #expect(try refusal("openpyxl-bad-rows.xlsx") == .importRejected(file: fixtureURL("import/openpyxl-bad-rows.xlsx").path, problems: [
            ImportProblem(row: 2, column: "Told on", reason: "'31/02/2026' is not a date; write it day, month, year (27/11/2026, "
                + "27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27)."),
            ImportProblem(row: 4, column: "Full name", reason: "the cell holds an invisible text-direction control (U+202E), which can make "
                + "text display in an order other than the one it is stored in; remove it in the spreadsheet and export the file again"),
            ImportProblem(row: 5, column: "Email", reason: "the cell shows the formula error #N/A rather than a value; correct the formula, "
                + "or type the value, and export the file again"),
        ]))
    }

    @Test(".xls, .ods and Numbers files are refused with how to save them as .xlsx or CSV UTF-8", arguments: [
        ("old-excel.xls", saveAsWorkbookOrCSV("the file is an Excel 97-2003 workbook (.xls)")),
        ("libreoffice.ods", saveAsWorkbookOrCSV("the file is an OpenDocument spreadsheet (.ods)")),
        ("numbers-like.zip", saveAsWorkbookOrCSV("the file is an Apple Numbers spreadsheet (.numbers)")
            + "; in Numbers, File > Export To > Excel, or CSV with Unicode (UTF-8)"),
    ])
    func otherSpreadsheets(name: String, reason: String) throws {
        #expect(try refusal(name) == .file(path: fixtureURL("import/" + name).path, reason: reason))
    }

    @Test("a file is known by its bytes whatever its name, and a Numbers document by its name alone")
    func knownByContent() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        func refusal(_ path: String, options: ImportOptions = ImportOptions()) -> ShortlistError? {
            do { _ = try store.importCandidates(to: ref, file: path, options: options, by: admin); return nil } catch { return error }
        }
        let xls = try folder.write("shortlist.csv", try fixture("import/old-excel.xls"))
        #expect(refusal(xls) == .file(path: xls, reason: saveAsWorkbookOrCSV("the file is an Excel 97-2003 workbook (.xls)")))
        let ods = try folder.write("shortlist.xlsx", try fixture("import/libreoffice.ods"))
        #expect(refusal(ods) == .file(path: ods, reason: saveAsWorkbookOrCSV("the file is an OpenDocument spreadsheet (.ods)")))
        let encrypted = try folder.write("protected.xlsx", try fixture("import/old-excel.xls"))
        #expect(refusal(encrypted) == .file(path: encrypted, reason: "the workbook is protected with a password (it is stored "
            + "encrypted), so it cannot be read. Open it, remove the password (in Excel, File > Info > Protect Workbook > Encrypt "
            + "with Password; in LibreOffice, File > Properties > Security), save it, and import it again"))
        let text = try folder.write("typed.xlsx", "Full name\r\nZoë Ødegaard\r\n")
        #expect(refusal(text) == .file(path: text, reason: saveAsWorkbookOrCSV("the file is named .xlsx but is not an Excel workbook")))
        let numbers = folder.path("Shortlist.numbers")
        try FileManager.default.createDirectory(atPath: numbers, withIntermediateDirectories: true)
        #expect(refusal(numbers) == .file(path: numbers, reason: saveAsWorkbookOrCSV("the file is an Apple Numbers spreadsheet (.numbers)")
            + "; in Numbers, File > Export To > Excel, or CSV with Unicode (UTF-8)"))
        let workbook = try folder.write("export.csv", try fixture("import/openpyxl.xlsx"))
        #expect(try store.importCandidates(to: ref, file: workbook, by: admin).added.count == 4)
        #expect(try store.candidates(of: ref).count == 4)
    }

    @Test("--sheet is for workbooks, --encoding for CSV; an unknown sheet lists the sheets")
    func optionsThatDoNotApply() throws {
        let csv = fixtureURL("import/excel-shortlist.csv").path, xlsx = fixtureURL("import/openpyxl.xlsx").path
        #expect(try refusal("excel-shortlist.csv", options: ImportOptions(sheet: "Shortlist")) == .file(
            path: csv, reason: "--sheet is for .xlsx workbooks; a CSV file has one sheet, so leave --sheet out"))
        #expect(try refusal("openpyxl.xlsx", options: ImportOptions(encoding: .windows1252)) == .file(
            path: xlsx, reason: "--encoding is for CSV files; an .xlsx workbook says its own encoding, so leave --encoding out"))
        #expect(try refusal("openpyxl.xlsx", options: ImportOptions(sheet: "Sheet1")) == .file(
            path: xlsx, reason: "the workbook has no sheet named 'Sheet1'; its sheets are 'Shortlist', 'Reserve list'. Give one of them with --sheet"))
    }

    @Test("a file that cannot be read as a spreadsheet is refused after the vacancy is checked, as a bad row is")
    func refusalOrder() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let xls = fixtureURL("import/old-excel.xls").path
        #expect(throws: ShortlistError.unknownVacancy(reference: "XX-1")) { try store.importCandidates(to: "XX-1", file: xls, by: admin) }
        #expect(throws: ShortlistError.unknownVacancy(reference: "XX-1")) {
            try store.importCandidates(to: "XX-1", file: fixtureURL("import/windows-1252.csv").path, by: admin)
        }
    }
}
