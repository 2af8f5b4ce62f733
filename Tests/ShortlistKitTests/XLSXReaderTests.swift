import Foundation
import Testing
@testable import ShortlistKit

/// The rows of a sheet of a workbook fixture under `Fixtures/import/`.
private func rows(_ name: String, sheet: String? = nil) throws -> [SheetRow] {
    let contents = try SpreadsheetFile.read(try fixture("import/" + name), path: name, options: ImportOptions(sheet: sheet))
    #expect(contents.kind == .workbook)
    return contents.rows
}

/// Compares rows field by field as bytes (String `==` would accept a different normalisation).
private func expectExact(_ rows: [SheetRow], _ expected: [SheetRow], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(rows == expected, sourceLocation: sourceLocation)
    #expect(rows.map { $0.fields.map(utf8) } == expected.map { $0.fields.map(utf8) }, sourceLocation: sourceLocation)
}

/// The first sheet of `openpyxl.xlsx` and `shared-strings.xlsx` (see `make-workbooks.py`).
private let openpyxlShortlist = [
    SheetRow(row: 1, fields: ["Full name", "", "Other names", "Town", "Current employer", "Previous employers", "Email",
                              "Shortlisted", "Told on", "Told via", "Score", "References checked"]),
    SheetRow(row: 2, fields: ["Zoë Ødegaard", "", "Zoë Hansen", "Chester", "Hoole Primary School, Chester",
                              "Little Acorns Nursery\nElm Tree Café", "zoe.o@example.org", "2026-11-12", "2026-11-13", "email", "91", "TRUE"]),
    SheetRow(row: 3, fields: ["Łukasz Nowak", "", "Luke Nowak; Lukas Nowak", "Helsby", "Riverside \"Tutoring\" Ltd", "",
                              "lukasz.n@example.org", "2026-11-12", "", "", "78.5", "FALSE"]),
    SheetRow(row: 4, fields: ["Siobhán O'Brien", "", "", "Frodsham", "Frodsham Leisure Centre", "Cheshire West Council; St Mary's RC Primary",
                              "siobhan.ob@example.org", "2026-11-12", "2026-11-13", "letter", "85"]),
    SheetRow(row: 5, fields: ["Nguyễn Thị Minh", "", "", "Runcorn", "Halton Library Service", "", "minh.nguyen@example.org",
                              "12 Nov 2026", "", "", "88"]),
]

@Suite("XLSXReader")
struct XLSXReaderTests {
    @Test("a workbook LibreOffice wrote: shared strings, date cells in custom formats, numbers, a line break, gaps")
    func libreOffice() throws {
        expectExact(try rows("libreoffice.xlsx"), [
            SheetRow(row: 1, fields: ["Full name", "Other names", "Town", "Current employer", "Previous employers", "Email",
                                      "Shortlisted", "Told on", "Told via", "Score"]),
            SheetRow(row: 2, fields: ["Zoë Ødegaard", "Zoë Hansen", "Chester", "Hoole Primary School, Chester",
                                      "Little Acorns Nursery\nElm Tree Café", "zoe.o@example.org", "2026-11-12", "2026-11-13", "email", "91"]),
            SheetRow(row: 3, fields: ["Łukasz Nowak", "Luke Nowak\nLukas Nowak", "Helsby", "Riverside \"Tutoring\" Ltd", "",
                                      "lukasz.n@example.org", "2026-11-12", "", "", "78.5"]),
            SheetRow(row: 4, fields: ["Siobhán O'Brien", "", "Frodsham", "Frodsham Leisure Centre", "Cheshire West Council; St Mary's RC Primary",
                                      "siobhan.ob@example.org", "2026-11-12", "2026-11-13", "letter", "85"]),
            SheetRow(row: 5, fields: ["Nguyễn Thị Minh", "", "Runcorn", "Halton Library Service", "", "minh.nguyen@example.org",
                                      "2026-11-12", "", "", "88"]),
        ])
    }

    @Test("a workbook openpyxl wrote: inline and rich-text strings, a blank column, built-in and custom date formats, booleans")
    func openpyxl() throws {
        expectExact(try rows("openpyxl.xlsx"), openpyxlShortlist)
    }

    @Test("shared strings with rich-text runs and a phonetic run, in the 1904 date system, read the same")
    func sharedStrings() throws {
        expectExact(try rows("shared-strings.xlsx"), openpyxlShortlist)
    }

    @Test("--sheet picks a sheet by name, ignoring case; an unknown name lists the sheets there are")
    func sheets() throws {
        let reserve = [SheetRow(row: 1, fields: ["Full name", "Email"]), SheetRow(row: 2, fields: ["Dafydd ap Siôn", "dafydd@example.org"])]
        expectExact(try rows("openpyxl.xlsx", sheet: "Reserve list"), reserve)
        expectExact(try rows("openpyxl.xlsx", sheet: " reserve LIST "), reserve)
        expectExact(try rows("openpyxl.xlsx", sheet: "Shortlist"), openpyxlShortlist)
        #expect(throws: ShortlistError.file(path: "openpyxl.xlsx", reason: "the workbook has no sheet named 'Reserves'; its sheets are "
            + "'Shortlist', 'Reserve list'. Give one of them with --sheet")) { try rows("openpyxl.xlsx", sheet: "Reserves") }
    }

    @Test("number formats that show dates", arguments: [
        (14, nil, true), (17, nil, true), (22, nil, true), (0, nil, false), (1, nil, false), (49, nil, false), (13, "d", false),
        (164, "yyyy-mm-dd", true), (165, "yyyy\\-mm\\-dd", true), (166, "mm/dd/yy", true), (167, "d mmm yyyy", true),
        (168, "[$-809]dd mmmm yyyy;@", true), (169, "dddd", true), (170, "General", false), (171, "0.00", false),
        (172, "#,##0 \"days\"", false), (173, "[Red]0.0", false), (174, "mm:ss", false), (175, "[h]:mm", false),
        (176, "h:mm AM/PM", false), (177, "0\\d", false), (178, "@", false), (179, "yyyy-mm-dd h:mm:ss", true),
    ] as [(Int, String?, Bool)])
    func dateFormats(id: Int, code: String?, isDate: Bool) {
        #expect(XLSXReader.isDateFormat(id, code: code) == isDate)
    }

    @Test("Excel's escapes of characters XML cannot hold are undone")
    func unescape() {
        #expect(XLSXReader.unescape("Hoole_x000D_\nChester") == "Hoole\r\nChester")
        #expect(XLSXReader.unescape("a_x005F_x0041_b") == "a_x0041_b")
        #expect(XLSXReader.unescape("snake_case_x") == "snake_case_x")
        #expect(XLSXReader.unescape("bell_x0007_") == "bell\u{07}")
    }

    @Test("cell references and column letters", arguments: [("A1", 0), ("C7", 2), ("Z3", 25), ("AA10", 26), ("XFD1048576", 16383)])
    func columns(reference: String, index: Int) {
        #expect(XLSXReader.columnIndex(reference) == index)
        #expect(XLSXReader.columnLetters(index) == String(reference.prefix { $0.isLetter }))
    }
}
