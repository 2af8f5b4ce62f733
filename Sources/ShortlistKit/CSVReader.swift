// CSVReader.swift — a small, strict RFC 4180 CSV parser (Foundation only).
//
// It works on UTF-8 *bytes*, not Characters: Swift treats "\r\n" as a single
// Character, and Character comparison applies Unicode canonical equivalence,
// so byte-level parsing is both faster and exact. Field text is copied
// verbatim (no Unicode normalisation); invalid UTF-8 is an error, not U+FFFD.
//
// Accepted: optional UTF-8 BOM; CRLF, LF or lone CR line breaks; a last line
// with or without a line break; quoted fields holding commas, doubled quotes
// and line breaks. Blank lines are skipped. Each record carries the physical
// (1-based) line on which it starts. Field counts are NOT checked here: the
// caller compares `fields.count` with the header's and reports `line`.

import Foundation

/// One CSV record (the header is the first record) and the line it starts on.
struct CSVRecord: Sendable, Equatable {
    let line: Int
    let fields: [String]
}

/// A malformed-input error, with the position where the problem was found.
struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case unterminatedQuote   // a quoted field is still open at end of file
        case quoteInUnquotedField // e.g. `5" screen` — the field must be quoted
        case textAfterClosingQuote // e.g. `"ok"x`
        case invalidUTF8          // e.g. a Latin-1 / Windows-1252 file
    }
    let kind: Kind
    let line: Int   // physical 1-based line (for unterminatedQuote: where the quote opened)
    let field: Int  // 1-based field number within the record

    var description: String { "line \(line), \(reason)" }

    /// The problem without its line: `field 2: quoted field is never closed`.
    var reason: String {
        let what = switch kind {
        case .unterminatedQuote: "quoted field is never closed"
        case .quoteInUnquotedField: "quote character inside an unquoted field (quote the whole field and double the quote)"
        case .textAfterClosingQuote: "unexpected text after a closing quote"
        case .invalidUTF8: "text is not valid UTF-8 (save the file as \"CSV UTF-8\")"
        }
        return "field \(field): \(what)"
    }
}

enum CSVReader {
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Parses a whole CSV file. Throws the first malformation found.
    static func parse(_ data: Data) throws(CSVError) -> [CSVRecord] {
        let bytes = [UInt8](data)
        let n = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // skip UTF-8 BOM
        var line = 1                                           // current physical line
        var records: [CSVRecord] = []
        var field: [UInt8] = []                                // bytes of the current field
        field.reserveCapacity(256)

        while i < n {
            let recordLine = line
            var fields: [String] = []
            var sawQuote = false                               // distinguishes `""` from a blank line
            while true {                                       // one iteration per field
                field.removeAll(keepingCapacity: true)
                let fieldLine = line                           // where the field starts, for errors in it
                if i < n && bytes[i] == quote {                // quoted field
                    sawQuote = true
                    let openLine = line
                    i += 1
                    while true {
                        guard i < n else {
                            throw CSVError(kind: .unterminatedQuote, line: openLine, field: fields.count + 1)
                        }
                        let b = bytes[i]
                        i += 1
                        if b == quote {
                            guard i < n && bytes[i] == quote else { break } // closing quote
                            i += 1                                          // "" -> "
                        } else if b == lf || (b == cr && (i == n || bytes[i] != lf)) {
                            line += 1                          // LF, or a lone CR (CRLF counts at its LF)
                        }
                        field.append(b)
                    }
                    if i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                        throw CSVError(kind: .textAfterClosingQuote, line: line, field: fields.count + 1)
                    }
                } else {                                       // unquoted field: up to , CR LF or EOF
                    while i < n {
                        let b = bytes[i]
                        if b == comma || b == cr || b == lf { break }
                        if b == quote {
                            throw CSVError(kind: .quoteInUnquotedField, line: line, field: fields.count + 1)
                        }
                        field.append(b)
                        i += 1
                    }
                }
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw CSVError(kind: .invalidUTF8, line: fieldLine, field: fields.count + 1)
                }
                fields.append(text)
                if i < n && bytes[i] == comma { i += 1; continue } // next field
                if i < n {                                     // end of record: consume CRLF, LF or CR
                    if bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                    i += 1
                    line += 1
                }
                break
            }
            if fields.count == 1 && fields[0].isEmpty && !sawQuote { continue } // blank line
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        return records
    }
}
