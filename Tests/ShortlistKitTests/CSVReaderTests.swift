import Foundation
import Testing
@testable import ShortlistKit

/// Parses `bytes` and returns each record as its row and fields.
private func parse(_ bytes: [UInt8]) throws(CSVError) -> [SheetRow] { try CSVReader.parse(Data(bytes)) }
private func parse(_ text: String) throws(CSVError) -> [SheetRow] { try parse(Array(text.utf8)) }

private func record(_ row: Int, _ fields: String...) -> SheetRow { SheetRow(row: row, fields: fields) }

/// Compares records field by field as bytes (String `==` would accept a different normalisation).
private func expectExact(_ records: [SheetRow], _ expected: [SheetRow], sourceLocation: SourceLocation = #_sourceLocation) {
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
            record(3, "Łukasz Nowak", "lukasz@example.pl", "", "78"),
            record(4, "Siobhán O'Brien", "siobhan@example.ie", "Said \"hi\", left", "85"),
            record(5, "Nguyễn Thị Minh", "minh@example.vn", "Ghi chú: tiếng Việt", "88"),
        ])
    }

    @Test("an LF file without a final line break keeps leading spaces and the quoted LF")
    func lfFixture() throws {
        expectExact(try CSVReader.parse(try fixture("csv/lf.csv")), [
            record(1, "Name", "Email", "Notes", "Score"),
            record(2, "Nguyễn Thị Minh", "minh@example.vn", "multi\nline", "1"),
            record(3, "Zoë Ødegaard", "z@x", "  leading spaces kept", "2"),
        ])
    }

    @Test("decomposed (NFD) names are kept byte for byte, not normalised")
    func nfdFixture() throws {
        let records = try CSVReader.parse(try fixture("csv/nfd.csv"))
        #expect(records.map(\.row) == [1, 2, 3, 4, 5])
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

    // MARK: - Line breaks and rows

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

    @Test("CRLF, LF and lone CR each end a record", arguments: [
        ("a\r\nb\r\nc", "CRLF"), ("a\nb\nc", "LF"), ("a\rb\rc", "CR"), ("a\r\nb\nc\r\n", "mixed"),
    ])
    func lineBreaks(text: String, name: String) throws {
        expectExact(try parse(text), [record(1, "a"), record(2, "b"), record(3, "c")])
    }

    @Test("blank lines between records are skipped and still counted as rows, as a spreadsheet shows them")
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

    @Test("quoted line breaks are kept as they are; a record is one row however many lines it spans")
    func quotedLineBreaks() throws {
        expectExact(try parse("h1,h2\r\n\"one\r\ntwo\r\nthree\",x\r\nnext,y\r\n"), [
            record(1, "h1", "h2"), record(2, "one\r\ntwo\r\nthree", "x"), record(3, "next", "y"),
        ])
        expectExact(try parse("a,\"x\r\ny\"\rb"), [record(1, "a", "x\r\ny"), record(2, "b")])
        expectExact(try parse("\"lone\rcr\"\nz"), [record(1, "lone\rcr"), record(2, "z")])
        expectExact(try parse("\"lf\n\nblank inside\"\nz"), [record(1, "lf\n\nblank inside"), record(2, "z")])
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

    @Test("a quote never closed is reported in the row where it opened")
    func unterminated() throws {
        #expect(throws: CSVError(kind: .unterminatedQuote, row: 3, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-unterminated.csv"))
        }
        #expect(throws: CSVError(kind: .unterminatedQuote, row: 2, field: 1)) { try parse("x\n\"open\nmore\nlines") }
        #expect(CSVError(kind: .unterminatedQuote, row: 3, field: 2).description == "row 3, field 2: quoted field is never closed")
    }

    @Test("a quote inside an unquoted field is refused with its row and field")
    func strayQuote() throws {
        #expect(throws: CSVError(kind: .quoteInUnquotedField, row: 3, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-stray-quote.csv"))
        }
        #expect(throws: CSVError(kind: .quoteInUnquotedField, row: 1, field: 1)) { try parse(" \"a\",b") }
        #expect(CSVError(kind: .quoteInUnquotedField, row: 3, field: 2).reason
            == "quote character inside an unquoted field (quote the whole field and double the quote)")
    }

    @Test("text after a closing quote is refused with its row and field")
    func textAfterQuote() throws {
        #expect(throws: CSVError(kind: .textAfterClosingQuote, row: 2, field: 2)) {
            try CSVReader.parse(try fixture("csv/bad-after-quote.csv"))
        }
        #expect(throws: CSVError(kind: .textAfterClosingQuote, row: 2, field: 1)) { try parse("x\n\"a\"\"b\" ,c") }
        // A field spanning lines 2-3 is still row 2.
        #expect(throws: CSVError(kind: .textAfterClosingQuote, row: 2, field: 2)) { try parse("h,i\nok,\"a\nb\"x") }
        #expect(CSVError(kind: .textAfterClosingQuote, row: 2, field: 2).reason == "unexpected text after a closing quote")
    }

    @Test("the rows read before a malformation are kept, for naming its column")
    func rowsBeforeMalformation() {
        let parsed = CSVReader.read(utf8("Full name,Town\r\nAnna,Chester\r\nBob,\"open\r\n"))
        #expect(parsed.rows == [record(1, "Full name", "Town"), record(2, "Anna", "Chester")])
        #expect(parsed.error == CSVError(kind: .unterminatedQuote, row: 3, field: 2))
    }

    // MARK: - Delimiters

    @Test("the delimiter is the one the header row holds most of, outside quotes", arguments: [
        ("Full name;Email;Town\r\nZoë;z@example.org;Chester", UInt8(ascii: ";")),
        ("Full name\tEmail\r\nZoë\tz@example.org", UInt8(ascii: "\t")),
        ("Full name,Email\r\nZoë;Ann,z@example.org", UInt8(ascii: ",")),
        ("\"Name, full\";Email\r\nZoë;z@example.org", UInt8(ascii: ";")),
        ("\"Name;\nfull\",Email;x,Town", UInt8(ascii: ",")),
        ("Full name\r\nZoë;Ann", UInt8(ascii: ",")),
        ("Full name;Email,Town", UInt8(ascii: ",")),
    ])
    func delimiter(text: String, expected: UInt8) {
        #expect(CSVReader.delimiter(of: utf8(text), from: 0) == expected)
    }

    @Test("a semicolon or tab file parses with quoted delimiters kept in their fields")
    func otherDelimiters() throws {
        expectExact(try parse("a;b\r\n\"x;y\";\"1,5\"\r\n"), [record(1, "a", "b"), record(2, "x;y", "1,5")])
        expectExact(try parse("a\tb\n\"x\ty\"\t, z\n"), [record(1, "a", "b"), record(2, "x\ty", ", z")])
        #expect(throws: CSVError(kind: .textAfterClosingQuote, row: 2, field: 1)) { try parse("a;b\n\"x\",y") }
    }

    // MARK: - Encoding, settled once for the whole file

    private static let saveAsUTF8 = "Save the spreadsheet again as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
        + "in LibreOffice, File > Save As > \"Text CSV\" with \"Edit filter settings\" ticked, then Character set \"Unicode (UTF-8)\""

    private func text(_ bytes: [UInt8], _ encoding: CSVEncoding? = nil) -> Result<[UInt8], CSVTextProblem> {
        CSVReader.text(of: Data(bytes), encoding: encoding)
    }

    @Test("UTF-8 with or without a byte-order mark is read as it is")
    func utf8Files() throws {
        let bytes = utf8("Full name\r\nZoë Ødegaard\r\n")
        #expect(try text(bytes).get() == bytes)
        #expect(try text([0xEF, 0xBB, 0xBF] + bytes).get() == [0xEF, 0xBB, 0xBF] + bytes)
        #expect(try text(bytes, .utf8).get() == bytes)
        // Plain ASCII reads the same in either encoding.
        #expect(try text(utf8("Full name\r\nAnna\r\n"), .windows1252).get() == utf8("Full name\r\nAnna\r\n"))
    }

    @Test("UTF-16 with a byte-order mark, little- or big-endian, is read as UTF-8")
    func utf16Files() throws {
        let expected = "Full name\tEmail\r\nŁukasz Nowak\tł@example.org\r\nNguyễn 𝐓\r\n"
        let little: [UInt8] = [0xFF, 0xFE] + expected.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + expected.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try text(little).get() == utf8(expected))
        #expect(try text(big).get() == utf8(expected))
        #expect(try text([UInt8](try fixture("import/unicode-text.txt"))).get() == [UInt8](try fixture("import/tabs.tsv")))
        #expect(text(little, .utf8) == .failure(CSVTextProblem(
            reason: "the file is in UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8; import it without --encoding")))
        // A lone surrogate is not text.
        #expect(text([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]) == .failure(CSVTextProblem(
            reason: "the file starts as UTF-16 but is not valid UTF-16. " + Self.saveAsUTF8)))
        #expect(text(Array(little.dropFirst(2))) == .failure(CSVTextProblem(
            reason: "the file seems to be in UTF-16 without the byte-order mark that says so. " + Self.saveAsUTF8)))
    }

    @Test("a Windows-1252 file is refused once, for the whole file, with how to save it as UTF-8")
    func windows1252Refused() {
        let refusal = CSVTextProblem(reason: "the file is not in UTF-8: it seems to be in Windows-1252 (Western European), "
            + "as Excel saves \"CSV (Comma delimited)\", so accented letters would be read wrongly. " + Self.saveAsUTF8
            + "; or import this file as it is with --encoding windows-1252")
        #expect(CSVReader.text(of: (try? fixture("csv/bad-utf8.csv")) ?? Data(), encoding: nil) == .failure(refusal))
        #expect(CSVReader.text(of: (try? fixture("import/windows-1252.csv")) ?? Data(), encoding: nil) == .failure(refusal))
        #expect(CSVReader.text(of: (try? fixture("import/windows-1252.csv")) ?? Data(), encoding: .utf8) == .failure(refusal))
        // Bytes that Windows-1252 leaves unassigned: the encoding cannot be told.
        #expect(text(utf8("Name\r\nAnn") + [0x81]) == .failure(CSVTextProblem(
            reason: "the file is not in UTF-8, and its encoding cannot be told. " + Self.saveAsUTF8)))
    }

    @Test("--encoding windows-1252 reads every byte, 0x80-0x9F included, as Windows-1252 has it")
    func windows1252Read() throws {
        let bytes: [UInt8] = utf8("Zo") + [0xEB, 0x20, 0xD8] + utf8("degaard, St Mary") + [0x92, 0x73, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x9D]
        #expect(String(decoding: try text(bytes, .windows1252).get(), as: UTF8.self) == "Zoë Ødegaard, St Mary’s – €5 \u{9D}")
        #expect(String(decoding: try CSVReader.text(of: try fixture("import/windows-1252.csv"), encoding: .windows1252).get(), as: UTF8.self)
            == "Full name,Town,Current employer,Previous employers,Email\r\n"
            + "Zoë Ødegaard,Chester,Elm Tree Café,Müller’s Bakery – Chester,zoe.o@example.org\r\n"
            + "Siobhán O'Brien,Frodsham,St Mary’s RC Primary,,siobhan.ob@example.org\r\n")
    }

    @Test("--encoding windows-1252 on a file that is UTF-8 is refused rather than garbled")
    func windows1252OnUTF8() {
        let refusal = CSVTextProblem(reason: "the file is in UTF-8, not Windows-1252; import it without --encoding, so that its letters are read as they are")
        #expect(text(utf8("Full name\r\nZoë Ødegaard\r\n"), .windows1252) == .failure(refusal))
        #expect(text([0xEF, 0xBB, 0xBF] + utf8("Full name\r\nZoë\r\n"), .windows1252) == .failure(refusal))
        #expect(text([0xFF, 0xFE, 0x41, 0x00], .windows1252) == .failure(CSVTextProblem(
            reason: "the file is in UTF-16 (it starts with a UTF-16 byte-order mark), not Windows-1252; import it without --encoding")))
    }

    @Test("CSVReader.parse refuses bytes that are not UTF-8")
    func invalidUTF8() {
        #expect(throws: CSVError(kind: .invalidUTF8, row: 1, field: 1)) { try parse(utf8("h,i\r\na,b\r\nc,caf") + [0xE9]) }
    }
}
