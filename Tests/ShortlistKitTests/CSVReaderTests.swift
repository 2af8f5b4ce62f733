import Foundation
import Testing
@testable import ShortlistKit

/// Parses `bytes` and returns each record as its line and fields.
private func parse(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] { try CSVReader.parse(Data(bytes)) }
private func parse(_ text: String) throws(CSVError) -> [CSVRecord] { try parse(Array(text.utf8)) }

private func record(_ line: Int, _ fields: String...) -> CSVRecord { CSVRecord(line: line, fields: fields) }

/// Compares records field by field as bytes (String `==` would accept a different normalisation).
private func expectExact(_ records: [CSVRecord], _ expected: [CSVRecord], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(records == expected, sourceLocation: sourceLocation)
    #expect(records.map { $0.fields.map(utf8) } == expected.map { $0.fields.map(utf8) }, sourceLocation: sourceLocation)
}

@Suite("CSVReader")
struct CSVReaderTests {
    // MARK: - Fixtures from Excel and friends

    @Test("an Excel file: BOM, CRLF, a quoted line break with a comma and doubled quotes, trailing blank lines")
    func excelFixture() throws {
        expectExact(try CSVReader.parse(try fixture("csv/excel.csv")), [
            record(1, "Name", "Email", "Notes", "Score"),
            record(2, "Zoë Ødegaard", "zoe@example.no", "Line one\r\nLine two, with comma and \"quotes\"", "91"),
            record(4, "Łukasz Nowak", "lukasz@example.pl", "", "78"),
            record(5, "Siobhán O'Brien", "siobhan@example.ie", "Said \"hi\", left", "85"),
            record(6, "Nguyễn Thị Minh", "minh@example.vn", "Ghi chú: tiếng Việt", "88"),
        ])
    }

    @Test("an LF file without a final line break keeps leading spaces and the quoted LF")
    func lfFixture() throws {
        expectExact(try CSVReader.parse(try fixture("csv/lf.csv")), [
            record(1, "Name", "Email", "Notes", "Score"),
            record(2, "Nguyễn Thị Minh", "minh@example.vn", "multi\nline", "1"),
            record(4, "Zoë Ødegaard", "z@x", "  leading spaces kept", "2"),
        ])
    }

    @Test("decomposed (NFD) names are kept byte for byte, not normalised")
    func nfdFixture() throws {
        let records = try CSVReader.parse(try fixture("csv/nfd.csv"))
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
        #expect(records[1].fields.map(utf8) == [utf8("Zoe\u{308} Ødegaard")])
        #expect(records[1].fields.map(utf8) != [utf8("Zoë Ødegaard")])
        #expect(records[4].fields.map(utf8) == [utf8("Nguye\u{302}\u{303}n Thi\u{323} Minh")])
    }

    @Test("field counts are left to the caller")
    func raggedFixture() throws {
        expectExact(try CSVReader.parse(try fixture("csv/ragged.csv")), [
            record(1, "a", "b", "c"), record(2, "1", "2"), record(3, "1", "2", "3", "4"), record(4, "1", "2", "3"),
        ])
    }

    @Test("rows of empty fields are records, not blank lines")
    func trailingCommasFixture() throws {
        expectExact(try CSVReader.parse(try fixture("csv/trailing-commas.csv")), [
            record(1, "a", "b", "c"), record(2, "1", "2", "3"), record(3, "", "", ""), record(4, "", "", ""),
        ])
    }

    // MARK: - Line breaks and their physical lines

    @Test("empty input, or a BOM alone, has no records")
    func empty() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(try parse("\r\n\n\r").isEmpty)
        expectExact(try parse([0xEF, 0xBB, 0xBF] + utf8("a,b")), [record(1, "a", "b")])
    }

    @Test("only a leading BOM is dropped; one later is text")
    func bomOnlyAtStart() throws {
        expectExact(try parse("a\n\u{FEFF}b"), [record(1, "a"), record(2, "\u{FEFF}b")])
    }

    @Test("CRLF, LF and lone CR each end a record; blank lines are skipped but counted", arguments: [
        ("a\r\nb\r\nc", "CRLF"), ("a\nb\nc", "LF"), ("a\rb\rc", "CR"), ("a\r\nb\nc\r\n", "mixed"),
    ])
    func lineBreaks(text: String, name: String) throws {
        expectExact(try parse(text), [record(1, "a"), record(2, "b"), record(3, "c")])
    }

    @Test("blank lines between records are skipped and still counted")
    func blankLines() throws {
        expectExact(try parse("a,\"q\"\n\n\nb"), [record(1, "a", "q"), record(4, "b")])
        expectExact(try parse("a\r\n\r\n\rb\r\n"), [record(1, "a"), record(4, "b")])
    }

    @Test("a quoted empty field is a record, an unquoted comma is two empty fields")
    func emptyFields() throws {
        expectExact(try parse("\"\""), [record(1, "")])
        expectExact(try parse(","), [record(1, "", "")])
        expectExact(try parse("a,\n,b"), [record(1, "a", ""), record(2, "", "b")])
    }

    @Test("quoted line breaks are kept as they are and advance the physical line")
    func quotedLineBreaks() throws {
        expectExact(try parse("h1,h2\r\n\"one\r\ntwo\r\nthree\",x\r\nnext,y\r\n"), [
            record(1, "h1", "h2"), record(2, "one\r\ntwo\r\nthree", "x"), record(5, "next", "y"),
        ])
        expectExact(try parse("a,\"x\r\ny\"\rb"), [record(1, "a", "x\r\ny"), record(3, "b")])
        expectExact(try parse("\"lone\rcr\"\nz"), [record(1, "lone\rcr"), record(3, "z")])
        expectExact(try parse("\"lf\n\nblank inside\"\nz"), [record(1, "lf\n\nblank inside"), record(4, "z")])
    }

    @Test("doubled quotes become one quote; quoted fields hold commas")
    func doubledQuotes() throws {
        expectExact(try parse("a,b\r\n\"\"\"\"\r\nc"), [record(1, "a", "b"), record(2, "\""), record(3, "c")])
        expectExact(try parse("\"Riverside \"\"Tutoring\"\" Ltd\",\"Hoole, Chester\""),
                    [record(1, "Riverside \"Tutoring\" Ltd", "Hoole, Chester")])
        expectExact(try parse("\"ends with quote\"\"\""), [record(1, "ends with quote\"")])
    }

    @Test("text is copied verbatim, including combining marks and spaces")
    func verbatim() throws {
        expectExact(try parse("café,e\u{301}, spaced ,\t"), [record(1, "café", "e\u{301}", " spaced ", "\t")])
    }

    // MARK: - Malformed input

    @Test("a quote never closed is reported on the line where it opened")
    func unterminated() throws {
        #expect(throws: CSVError(kind: .unterminatedQuote, line: 3, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-unterminated.csv"))
        }
        #expect(throws: CSVError(kind: .unterminatedQuote, line: 2, field: 1)) { try parse("x\n\"open\nmore\nlines") }
        #expect(CSVError(kind: .unterminatedQuote, line: 3, field: 2).description == "line 3, field 2: quoted field is never closed")
    }

    @Test("a quote inside an unquoted field is refused with its line and field")
    func strayQuote() throws {
        #expect(throws: CSVError(kind: .quoteInUnquotedField, line: 3, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-stray-quote.csv"))
        }
        #expect(throws: CSVError(kind: .quoteInUnquotedField, line: 1, field: 1)) { try parse(" \"a\",b") }
        #expect(CSVError(kind: .quoteInUnquotedField, line: 3, field: 2).reason
            == "field 2: quote character inside an unquoted field (quote the whole field and double the quote)")
    }

    @Test("text after a closing quote is refused with its line and field")
    func textAfterQuote() throws {
        #expect(throws: CSVError(kind: .textAfterClosingQuote, line: 2, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-after-quote.csv"))
        }
        #expect(throws: CSVError(kind: .textAfterClosingQuote, line: 2, field: 1)) { try parse("x\n\"a\"\"b\" ,c") }
        // After a field spanning lines 2-3, the stray text is on line 3.
        #expect(throws: CSVError(kind: .textAfterClosingQuote, line: 3, field: 2)) { try parse("h,i\nok,\"a\nb\"x") }
        #expect(CSVError(kind: .textAfterClosingQuote, line: 2, field: 2).reason == "field 2: unexpected text after a closing quote")
    }

    @Test("a file that is not UTF-8 is refused with its line and field")
    func invalidUTF8() throws {
        #expect(throws: CSVError(kind: .invalidUTF8, line: 2, field: 1)) {
            try CSVReader.parse(try fixture("csv/bad-utf8.csv"))
        }
        #expect(throws: CSVError(kind: .invalidUTF8, line: 3, field: 2)) { try parse(utf8("h,i\r\na,b\r\nc,caf") + [0xE9]) }
        #expect(CSVError(kind: .invalidUTF8, line: 2, field: 1).reason
            == "field 1: text is not valid UTF-8 (save the file as \"CSV UTF-8\")")
    }

    @Test("invalid UTF-8 in a quoted field spanning lines is reported on the line that holds the bad byte")
    func invalidUTF8InMultiLineField() {
        // The Latin-1 'é' (0xE9) is on line 2, where the record and the field start; the field ends on line 3.
        let bytes = utf8("Name,Notes\nAnna,\"caf") + [0xE9] + utf8("\nmore\"\n")
        #expect(throws: CSVError(kind: .invalidUTF8, line: 2, field: 2)) { try parse(bytes) }
    }
}
