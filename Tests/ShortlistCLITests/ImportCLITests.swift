import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// What `Fixtures/import/excel-shortlist.csv` must become, as `candidate list --format json` shows it.
private var expectedRows: [[String: Any]] { [
    ["reference": "TA-2026-03/1", "full_name": "Zoë Ødegaard", "other_names": ["Zoë Hansen"], "town": "Chester",
     "current_employer": "Hoole Primary School, Chester", "previous_employers": ["Little Acorns Nursery", "Elm Tree Café"],
     "email": "zoe.o@example.org", "shortlisted_on": "2026-11-12", "notified_on": "2026-11-13", "notified_via": "email",
     "outcome": "pending", "outcome_on": NSNull()],
    ["reference": "TA-2026-03/2", "full_name": "Łukasz Nowak", "other_names": ["Luke Nowak", "Lukas Nowak"], "town": "Helsby",
     "current_employer": "Riverside \"Tutoring\" Ltd", "previous_employers": [String](),
     "email": "lukasz.n@example.org", "shortlisted_on": "2026-11-12", "notified_on": NSNull(), "notified_via": NSNull(),
     "outcome": "pending", "outcome_on": NSNull()],
    ["reference": "TA-2026-03/3", "full_name": "Siobhán O'Brien", "other_names": [String](), "town": "Frodsham",
     "current_employer": "Frodsham Leisure Centre", "previous_employers": ["Cheshire West Council", "St Mary's RC Primary"],
     "email": "siobhan.ob@example.org", "shortlisted_on": "2026-11-12", "notified_on": "2026-11-13", "notified_via": "letter",
     "outcome": "pending", "outcome_on": NSNull()],
    ["reference": "TA-2026-03/4", "full_name": "Nguyễn Thị Minh", "other_names": [String](), "town": "Runcorn",
     "current_employer": "Halton Library Service", "previous_employers": [String](),
     "email": "minh.nguyen@example.org", "shortlisted_on": "2026-11-12", "notified_on": NSNull(), "notified_via": NSNull(),
     "outcome": "pending", "outcome_on": NSNull()],
] }

/// A JSON value in a form that compares byte for byte: strings as their UTF-8 bytes, arrays element-wise, null as "null".
private func exact(_ value: Any?) -> String {
    switch value {
    case let text as String: return "s" + utf8(text).map { String($0) }.joined(separator: ".")
    case let list as [Any]: return "[" + list.map(exact).joined(separator: ",") + "]"
    case is NSNull: return "null"
    case nil: return "absent"
    default: return "other \(String(describing: value))"
    }
}

/// The same candidate as a JSON row, from the library's record.
private func row(_ candidate: Candidate) -> [String: Any] {
    ["reference": candidate.reference.description, "full_name": candidate.fullName, "other_names": candidate.otherNames,
     "town": candidate.town, "current_employer": candidate.currentEmployer, "previous_employers": candidate.previousEmployers,
     "email": candidate.email, "shortlisted_on": candidate.shortlistedOn.iso, "notified_on": candidate.notifiedOn?.iso ?? NSNull(),
     "notified_via": candidate.notifiedVia?.rawValue ?? NSNull(), "outcome": candidate.outcome.rawValue,
     "outcome_on": candidate.outcomeOn?.iso ?? NSNull()]
}

private func expectRows(_ rows: [[String: Any]], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(rows.count == expectedRows.count, sourceLocation: sourceLocation)
    for (got, want) in zip(rows, expectedRows) {
        #expect(Set(got.keys) == Set(want.keys), sourceLocation: sourceLocation)
        for key in want.keys.sorted() {
            #expect(exact(got[key]) == exact(want[key]), "\(want["reference"]!) \(key): \(got[key] ?? "absent")",
                    sourceLocation: sourceLocation)
        }
    }
}

private let importArguments = ["candidate", "import", "--vacancy", "TA-2026-03", "shortlist.csv", "--by", "Sam Searcher"]

@Suite("CLI: candidate import")
struct ImportCLITests {
    @Test("an Excel export imports exactly, as the library and `candidate list --format json` both show")
    func excelExport() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("import/excel-shortlist.csv", as: "shortlist.csv")
        let result = try sandbox.run(importArguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Imported 4 candidates into TA-2026-03: TA-2026-03/1, TA-2026-03/2, TA-2026-03/3, TA-2026-03/4.\n")
        #expect(result.stderr == "note: columns not imported (not kept): Notes\n")

        let json = try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        expectRows(rows)
        expectRows(try sandbox.store().candidates(of: "TA-2026-03").map(row))
    }

    @Test("a file with two bad rows imports nothing and names both rows and their columns")
    func twoBadRows() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("import/two-bad-rows.csv", as: "shortlist.csv")
        let eventsBefore = try sandbox.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")! }
        let result = try sandbox.run(importArguments)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        // Rows 3 and 5 start on lines 5 and 8 of the file: quoted notes before them span several lines.
        #expect(result.stderr == """
            error: shortlist.csv: nothing was imported; fix these rows and import again:
              row 3, Shortlisted: '31/02/2026' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, 27 November 2026) or as YYYY-MM-DD (2026-11-27).
              row 5, Full name: the full name is empty

            """)
        #expect(try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"]) == "[]\n")
        #expect(try sandbox.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")! } == eventsBefore)
    }

    @Test("importing the same file again creates no duplicates and says which rows were skipped")
    func reimport() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("import/excel-shortlist.csv", as: "shortlist.csv")
        try #require(try sandbox.run(importArguments).status == 0)
        let listing = try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"])
        let result = try sandbox.run(importArguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            Imported 0 candidates into TA-2026-03.
            Skipped row 2: already imported as TA-2026-03/1.
            Skipped row 3: already imported as TA-2026-03/2.
            Skipped row 4: already imported as TA-2026-03/3.
            Skipped row 5: already imported as TA-2026-03/4.

            """)
        #expect(result.stderr == "note: columns not imported (not kept): Notes\n")
        #expect(try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"]) == listing)
    }

    @Test("header names match whatever their case or spacing", arguments: ["FULL NAME", "full_name", "Full Name", " full  NAME "])
    func headerNames(header: String) throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.write("shortlist.csv", Data("\(header),E-MAIL\r\nSiobhán O'Brien,siobhan.ob@example.org\r\n".utf8))
        let result = try sandbox.run(importArguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Imported 1 candidate into TA-2026-03: TA-2026-03/1.\n")
        #expect(result.stderr == "")
        let candidate = try sandbox.store().candidate(CandidateReference(vacancy: "TA-2026-03", number: 1))
        #expect(utf8(candidate.fullName) == utf8("Siobhán O'Brien"))
        #expect(candidate.email == "siobhan.ob@example.org")
    }

    /// Imports `arguments` with the fixture copied in as `name`, into a fresh database.
    private func importing(_ fixture: String, as name: String, _ options: [String] = []) throws -> (Sandbox, CommandResult) {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        try sandbox.copyFixture("import/" + fixture, as: name)
        return (sandbox, try sandbox.run(["candidate", "import", "--vacancy", "TA-2026-03", name, "--by", "Sam Searcher"] + options))
    }

    @Test("an .xlsx workbook imports directly, with the same notes and the same candidates as the Excel CSV")
    func workbook() throws {
        let (sandbox, result) = try importing("libreoffice.xlsx", as: "shortlist.xlsx")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Imported 4 candidates into TA-2026-03: TA-2026-03/1, TA-2026-03/2, TA-2026-03/3, TA-2026-03/4.\n")
        #expect(result.stderr == """
            note: columns not imported (not kept): Score
            note: a line break in a cell separates items, as ';' does: row 2 (Previous employers), row 3 (Other names)

            """)
        let json = try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"])
        expectRows(try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]))
    }

    @Test("--sheet imports another sheet; an unknown one is named with the sheets there are")
    func sheet() throws {
        let (sandbox, result) = try importing("openpyxl.xlsx", as: "shortlist.xlsx", ["--sheet", "Reserve list"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Imported 1 candidate into TA-2026-03: TA-2026-03/1.\n")
        #expect(result.stderr == "")
        let unknown = try sandbox.run(importArguments.dropLast(3) + ["shortlist.xlsx", "--by", "Sam Searcher", "--sheet", "Sheet1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: shortlist.xlsx: the workbook has no sheet named 'Sheet1'; its sheets are 'Shortlist', "
            + "'Reserve list'. Give one of them with --sheet.\n")
    }

    @Test("a Windows-1252 file is refused with how to save it as UTF-8, and imports with --encoding windows-1252")
    func windows1252() throws {
        let (sandbox, refused) = try importing("windows-1252.csv", as: "shortlist.csv")
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            error: shortlist.csv: the file is not in UTF-8: it seems to be in Windows-1252 (Western European), as Excel saves "CSV (Comma delimited)", so accented letters would be read wrongly. Save the spreadsheet again as UTF-8: in Excel, File > Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice, File > Save As > "Text CSV" with "Edit filter settings" ticked, then Character set "Unicode (UTF-8)"; or import this file as it is with --encoding windows-1252.

            """)
        let result = try sandbox.run(importArguments + ["--encoding", "Windows-1252"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Imported 2 candidates into TA-2026-03: TA-2026-03/1, TA-2026-03/2.\n")
        let candidate = try sandbox.store().candidate(CandidateReference(vacancy: "TA-2026-03", number: 1))
        #expect(utf8(candidate.previousEmployers.joined()) == utf8("Müller’s Bakery – Chester"))
        let usage = try sandbox.run(importArguments + ["--encoding", "latin-1"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: The value 'latin-1' is invalid for '--encoding <encoding>'. Please provide one of 'utf-8' and 'windows-1252'."))
    }

    @Test("line breaks in cells are read, and the notes say where and how")
    func lineBreaks() throws {
        let (_, result) = try importing("line-breaks.csv", as: "shortlist.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == """
            note: a line break in a cell separates items, as ';' does: row 2 (Other names, Previous employers)
            note: a line break in a cell of a one-value column was read as a space: row 2 (Current employer), row 4 (Town)

            """)
    }

    @Test("a NUL in a name refuses the row instead of cutting the name short")
    func nul() throws {
        let (sandbox, result) = try importing("nul-byte.csv", as: "shortlist.csv")
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: shortlist.csv: nothing was imported; fix these rows and import again:
              row 2, Full name: the cell holds a NUL character (U+0000), which is not text and would cut the value short; remove it in the spreadsheet (it often comes from a damaged export) and export the file again

            """)
        #expect(try sandbox.succeed(["candidate", "list", "--vacancy", "TA-2026-03", "--format", "json"]) == "[]\n")
    }

    @Test("an .xls file is refused with how to save it as .xlsx or CSV UTF-8 in Excel and LibreOffice")
    func oldExcel() throws {
        let (_, result) = try importing("old-excel.xls", as: "shortlist.xls")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: shortlist.xls: the file is an Excel 97-2003 workbook (.xls), which shortlist cannot read. Open it and save a copy as an Excel Workbook (.xlsx) or as CSV UTF-8, then import that: in Excel, File > Save As > "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)"; in LibreOffice, File > Save As > "Excel 2007-365 (.xlsx)", or "Text CSV (.csv)" with Character set "Unicode (UTF-8)".

            """)
    }
}
