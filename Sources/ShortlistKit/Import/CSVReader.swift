// CSVReader.swift — a small, strict RFC 4180 CSV parser (Foundation only), and the
// detection of a file's text encoding and delimiter.
//
// The parser works on UTF-8 *bytes*, not Characters: Swift treats "\r\n" as a single
// Character, and Character comparison applies Unicode canonical equivalence, so
// byte-level parsing is both faster and exact. Field text is copied verbatim (no
// Unicode normalisation). A file's encoding is settled once, for the whole file,
// before parsing (`CSVReader.text(of:encoding:)`).
//
// Accepted: optional UTF-8 BOM; CRLF, LF or lone CR line breaks; a last line with or
// without a line break; quoted fields holding delimiters, doubled quotes and line
// breaks; `,`, `;` or tab as the delimiter. Blank lines are skipped. Each record
// carries its row as a spreadsheet shows the file: the header is row 1, a record is
// one row however many lines its quoted fields span, and a blank line is an empty
// row. Field counts are NOT checked here: the caller compares `fields.count` with
// the header's and reports `row`.

import Foundation

/// One row of a CSV file or a sheet, numbered as a spreadsheet numbers it (the header is row 1).
struct SheetRow: Sendable, Equatable {
    let row: Int
    let fields: [String]
}

/// A malformed-input error, with the position where the problem was found.
struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case unterminatedQuote   // a quoted field is still open at end of file
        case quoteInUnquotedField // e.g. `5" screen` — the field must be quoted
        case textAfterClosingQuote // e.g. `"ok"x`
        case invalidUTF8          // bytes that are not UTF-8 (only `parse` meets them: imports decode first)
    }
    let kind: Kind
    let row: Int    // 1-based row (for unterminatedQuote: the row whose quote opened)
    let field: Int  // 1-based field number within the record

    var description: String { "row \(row), field \(field): \(reason)" }

    /// The problem without its place: `quoted field is never closed`.
    var reason: String {
        switch kind {
        case .unterminatedQuote: "quoted field is never closed"
        case .quoteInUnquotedField: "quote character inside an unquoted field (quote the whole field and double the quote)"
        case .textAfterClosingQuote: "unexpected text after a closing quote"
        case .invalidUTF8: "text is not valid UTF-8"
        }
    }
}

/// The text encodings a CSV file can be read in when the user names one (`--encoding`).
public enum CSVEncoding: String, CaseIterable, Sendable {
    /// UTF-8, with or without a byte-order mark: Excel's "CSV UTF-8 (Comma delimited)".
    case utf8 = "utf-8"
    /// Windows-1252 (Western European): Excel's plain "CSV (Comma delimited)" on Windows in the UK.
    case windows1252 = "windows-1252"
}

/// Why a file's text cannot be read; said for the whole file.
struct CSVTextProblem: Error, Sendable, Equatable {
    let reason: String
}

enum CSVReader {
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Parses a whole UTF-8 CSV file (the delimiter found from its header row). Throws the first malformation found.
    static func parse(_ data: Data) throws(CSVError) -> [SheetRow] {
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw CSVError(kind: .invalidUTF8, row: 1, field: 1) }
        let parsed = read(bytes)
        if let error = parsed.error { throw error }
        return parsed.rows
    }

    /// Parses UTF-8 bytes, returning the rows read before the first malformation, and that malformation.
    /// The bytes must be valid UTF-8; fields split at ASCII bytes are then valid too.
    static func read(_ bytes: [UInt8]) -> (rows: [SheetRow], error: CSVError?) {
        let n = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // skip UTF-8 BOM
        let delimiter = delimiter(of: bytes, from: i)
        var row = 0                                            // the row of the current record
        var rows: [SheetRow] = []
        var field: [UInt8] = []                                // bytes of the current field
        field.reserveCapacity(256)

        while i < n {
            row += 1
            var fields: [String] = []
            var sawQuote = false                               // distinguishes `""` from a blank line
            while true {                                       // one iteration per field
                field.removeAll(keepingCapacity: true)
                let error = { (kind: CSVError.Kind) in (rows, CSVError(kind: kind, row: row, field: fields.count + 1)) }
                if i < n && bytes[i] == quote {                // quoted field
                    sawQuote = true
                    i += 1
                    while true {
                        guard i < n else { return error(.unterminatedQuote) }
                        let b = bytes[i]
                        i += 1
                        if b == quote {
                            guard i < n && bytes[i] == quote else { break } // closing quote
                            i += 1                                          // "" -> "
                        }
                        field.append(b)
                    }
                    if i < n && bytes[i] != delimiter && bytes[i] != cr && bytes[i] != lf {
                        return error(.textAfterClosingQuote)
                    }
                } else {                                       // unquoted field: up to the delimiter, CR, LF or EOF
                    while i < n {
                        let b = bytes[i]
                        if b == delimiter || b == cr || b == lf { break }
                        if b == quote { return error(.quoteInUnquotedField) }
                        field.append(b)
                        i += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if i < n && bytes[i] == delimiter { i += 1; continue } // next field
                if i < n {                                     // end of record: consume CRLF, LF or CR
                    if bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                    i += 1
                }
                break
            }
            if fields.count == 1 && fields[0].isEmpty && !sawQuote { continue } // blank line: an empty row
            rows.append(SheetRow(row: row, fields: fields))
        }
        return (rows, nil)
    }

    /// The delimiter the header row uses: whichever of `,` `;` and tab it holds most of outside quotes
    /// (a comma when it holds none, as a file of one column does; a comma wins a tie).
    static func delimiter(of bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var quoted = false
        for b in bytes[start...] {
            if b == quote { quoted.toggle() }
            else if !quoted && (b == cr || b == lf) { break }
            else if !quoted && counts[b] != nil { counts[b]! += 1 }
        }
        return [comma, semicolon, tab].max { counts[$0]! < counts[$1]! } ?? comma
    }

    // MARK: - Encoding

    /// The file's text as UTF-8 bytes. The encoding is settled once for the whole file: UTF-8 (with or without
    /// a byte-order mark) or UTF-16 with a byte-order mark are read as they are; anything else is refused
    /// with what it seems to be, unless `encoding` names Windows-1252.
    static func text(of data: Data, encoding: CSVEncoding?) -> Result<[UInt8], CSVTextProblem> {
        let bytes = [UInt8](data)
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) ? UTF16Order.little : bytes.starts(with: [0xFE, 0xFF]) ? .big : nil
        let validUTF8 = utf16 == nil && String(validating: bytes, as: UTF8.self) != nil
        if utf16 != nil && encoding != nil {
            return .failure(CSVTextProblem(reason: "the file is in UTF-16 (it starts with a UTF-16 byte-order mark), "
                + "not \(encoding == .utf8 ? "UTF-8" : "Windows-1252"); import it without --encoding"))
        }
        if let utf16 {
            guard let text = utf16ToUTF8(bytes.dropFirst(2), order: utf16) else {
                return .failure(saveAsUTF8("the file starts as UTF-16 but is not valid UTF-16"))
            }
            return .success(text)
        }
        if looksLikeUTF16WithoutMark(bytes) {
            return .failure(saveAsUTF8("the file seems to be in UTF-16 without the byte-order mark that says so"))
        }
        switch encoding {
        case .windows1252:
            if validUTF8 && bytes.contains(where: { $0 >= 0x80 }) {
                return .failure(CSVTextProblem(reason: "the file is in UTF-8, not Windows-1252; "
                    + "import it without --encoding, so that its letters are read as they are"))
            }
            return .success(windows1252ToUTF8(bytes))
        case .utf8, nil:
            if validUTF8 { return .success(bytes) }
            if bytes.contains(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) {
                return .failure(saveAsUTF8("the file is not in UTF-8, and its encoding cannot be told"))
            }
            return .failure(saveAsUTF8("the file is not in UTF-8: it seems to be in Windows-1252 (Western European), "
                + "as Excel saves \"CSV (Comma delimited)\", so accented letters would be read wrongly",
                orElse: "; or import this file as it is with --encoding windows-1252"))
        }
    }

    private enum UTF16Order { case little, big }

    /// What the file is, and how to save it as UTF-8 in Excel and in LibreOffice.
    private static func saveAsUTF8(_ what: String, orElse: String = "") -> CSVTextProblem {
        CSVTextProblem(reason: what + ". Save the spreadsheet again as UTF-8: in Excel, File > Save As > "
            + "\"CSV UTF-8 (Comma delimited)\"; in LibreOffice, File > Save As > \"Text CSV\" with \"Edit filter settings\" "
            + "ticked, then Character set \"Unicode (UTF-8)\"" + orElse)
    }

    /// A file whose first two characters are ASCII with a zero byte beside each is UTF-16 that lost its mark.
    private static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && ((bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
            || (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0))
    }

    private static func utf16ToUTF8(_ bytes: ArraySlice<UInt8>, order: UTF16Order) -> [UInt8]? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(order == .little ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { utf8.append($0) }
        return failed ? nil : utf8
    }

    /// Windows-1252 differs from Latin-1 only in 0x80-0x9F; its five unassigned bytes become the C1 controls
    /// of the same number, which the import then refuses by row and column.
    private static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var text = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            text.append(Unicode.Scalar(value)!)
        }
        return Array(String(text).utf8)
    }
}
