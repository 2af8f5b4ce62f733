import Foundation

/// The output formats shared by every listing and `show` command.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people; dates in UK form, times in Europe/London.
    case table
    /// One JSON array of objects (one object for `show`); ISO dates, UTC timestamps.
    case json
    /// RFC 4180 CSV with a header row; ISO dates, UTC timestamps.
    case csv
}

/// One value in a listing, typed so each format can show it properly.
public enum Field: Equatable, Sendable {
    case text(String)
    case number(Int)
    case list([String])
    case date(Day?)
    /// A stored UTC timestamp.
    case instant(String)
    case flag(Bool)
    /// No value: empty in a table and CSV, null in JSON.
    case none

    /// Text, or `none` when it is nil or empty.
    public static func optional(_ text: String?) -> Field {
        guard let text, !text.isEmpty else { return .none }
        return .text(text)
    }

    var human: String {
        switch self {
        case let .text(text): text
        case let .number(number): String(number)
        case let .list(items): items.joined(separator: "; ")
        case let .date(day): day?.uk ?? ""
        case let .instant(iso): Timestamp.uk(iso: iso)
        case let .flag(flag): flag ? "yes" : "no"
        case .none: ""
        }
    }

    var machine: String {
        switch self {
        case let .date(day): day?.iso ?? ""
        case let .instant(iso): iso
        case let .list(items): items.joined(separator: "; ")
        case let .flag(flag): flag ? "true" : "false"
        default: human
        }
    }

    var json: String {
        switch self {
        case let .number(number): String(number)
        case let .flag(flag): flag ? "true" : "false"
        case let .list(items): "[" + items.map(Listing.jsonString).joined(separator: ",") + "]"
        case let .date(day): day.map { Listing.jsonString($0.iso) } ?? "null"
        case .none: "null"
        default: Listing.jsonString(machine)
        }
    }
}

/// A column: its key in JSON and CSV, its title in a table.
public struct Column: Equatable, Sendable {
    public var key: String
    public var title: String

    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }
}

/// Rows of typed fields under named columns, written in any `OutputFormat`.
public struct Listing: Equatable, Sendable {
    public var columns: [Column]
    public var rows: [[Field]]

    public init(columns: [Column], rows: [[Field]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Writes every row: a table, a JSON array, or CSV with a header.
    public func write(_ format: OutputFormat, to out: inout some TextOutputStream) {
        switch format {
        case .table:
            let cells = [columns.map(\.title)] + rows.map { $0.map { Listing.oneLine($0.human) } }
            let widths = columns.indices.map { i in cells.map { $0[i].count }.max() ?? 0 }
            for (n, line) in cells.enumerated() {
                out.write(Listing.pad(line, widths) + "\n")
                if n == 0 { out.write(Listing.pad(widths.map { String(repeating: "-", count: $0) }, widths) + "\n") }
            }
            if rows.isEmpty { out.write("(none)\n") }
        case .json:
            out.write(rows.isEmpty ? "[]\n" : "[\n" + rows.map { "  " + jsonObject($0) }.joined(separator: ",\n") + "\n]\n")
        case .csv:
            out.write(columns.map { Listing.csvField($0.key) }.joined(separator: ",") + "\r\n")
            for row in rows { out.write(row.map { Listing.csvField($0.machine) }.joined(separator: ",") + "\r\n") }
        }
    }

    /// Writes the first row as one record: `Title: value` lines, a JSON object, or CSV.
    public func writeRecord(_ format: OutputFormat, to out: inout some TextOutputStream) {
        guard let row = rows.first else { return }
        switch format {
        case .table:
            let width = columns.map(\.title.count).max() ?? 0
            for (column, field) in zip(columns, row) {
                let label = column.title + ":"
                let value = Listing.oneLine(field.human)
                out.write(value.isEmpty ? label + "\n" : label + String(repeating: " ", count: width + 2 - label.count) + value + "\n")
            }
        case .json:
            out.write(jsonObject(row) + "\n")
        case .csv:
            write(.csv, to: &out)
        }
    }

    /// Writes every row as a record, with a blank line between records.
    public func writeRecords(to out: inout some TextOutputStream) {
        for (index, row) in rows.enumerated() {
            if index > 0 { out.write("\n") }
            Listing(columns: columns, rows: [row]).writeRecord(.table, to: &out)
        }
    }

    private func jsonObject(_ row: [Field]) -> String {
        "{" + zip(columns, row).map { Listing.jsonString($0.key) + ":" + $1.json }.joined(separator: ",") + "}"
    }

    // MARK: - Encoding

    static func jsonString(_ text: String) -> String {
        // Most values need no escaping: check the bytes first.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func csvField(_ text: String) -> String {
        // A value a spreadsheet would run as a formula is kept as text (OWASP CSV injection).
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(text) == nil {
            return csvField("'" + text)
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Keeps a table cell on one line, whatever the value holds.
    static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") : text
    }

    private static func pad(_ cells: [String], _ widths: [Int]) -> String {
        let line = cells.enumerated().map { i, cell in
            i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
        }.joined(separator: "  ")
        return String(line.reversed().drop { $0 == " " }.reversed())
    }
}
