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
        case let .list(items): "[" + items.map(JSONText.string).joined(separator: ",") + "]"
        case let .date(day): day.map { JSONText.string($0.iso) } ?? "null"
        case .none: "null"
        default: JSONText.string(machine)
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

/// How a table fits a terminal: the widest a line may be, and the columns that give way when a
/// line would be wider, wrapped over several lines or cut short with an ellipsis.
public struct TableFit: Equatable, Sendable {
    /// The widest a line may be.
    public var width: Int
    /// Keys of the columns whose text wraps onto further lines.
    public var wrap: [String]
    /// Keys of the columns whose text is cut short with `…`.
    public var truncate: [String]

    /// The terminal width tables are made for.
    public static let terminalWidth = 120

    public init(width: Int = TableFit.terminalWidth, wrap: [String] = [], truncate: [String] = []) {
        self.width = width
        self.wrap = wrap
        self.truncate = truncate
    }

    /// The narrowest a column that gives way becomes, whatever the width.
    static let narrowest = 12

    /// The widths of the columns: their natural widths, with the widest of those that give way
    /// narrowed, one character at a time, until a line fits (or none can narrow further). Two
    /// wrapped columns then share their width in the way that takes the fewest lines.
    func widths(_ natural: [Int], _ columns: [Column], rows: [[String]]) -> [Int] {
        var widths = natural
        let flexible = columns.indices.filter { wrap.contains(columns[$0].key) || truncate.contains(columns[$0].key) }
        let floor = columns.indices.map { min(natural[$0], max(columns[$0].title.count, TableFit.narrowest)) }
        var excess = widths.reduce(0, +) + 2 * (columns.count - 1) - width
        guard excess > 0 else { return widths }
        while excess > 0, let widest = flexible.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
            excess -= 1
        }
        let wrapped = columns.indices.filter { wrap.contains(columns[$0].key) }
        guard wrapped.count == 2, flexible.count == 2 else { return widths }
        let (a, b) = (wrapped[0], wrapped[1])
        let shared = widths[a] + widths[b]
        func lines(_ column: Int, _ width: Int) -> [Int] { rows.map { TableFit.wrap($0[column], width).count } }
        var best: (lines: Int, width: Int)?
        for first in stride(from: min(natural[a], shared - floor[b]), through: max(floor[a], shared - natural[b]), by: -1) {
            let second = shared - first
            let total = zip(lines(a, first), lines(b, second)).reduce(0) { $0 + max($1.0, $1.1) }
            if best == nil || total < best!.lines { best = (total, first) }
        }
        if let best {
            widths[a] = best.width
            widths[b] = shared - best.width
        }
        return widths
    }

    /// The lines of one row at these widths.
    func lines(_ cells: [String], _ widths: [Int], _ columns: [Column]) -> [[String]] {
        let parts = cells.indices.map { i -> [String] in
            let cell = cells[i], width = widths[i]
            if wrap.contains(columns[i].key) { return TableFit.wrap(cell, width) }
            if truncate.contains(columns[i].key), cell.count > width { return [String(cell.prefix(width - 1)) + "…"] }
            return [cell]
        }
        let count = parts.map(\.count).max() ?? 1
        return (0..<count).map { line in parts.map { line < $0.count ? $0[line] : "" } }
    }

    /// A list cell's items (`a; b`), each starting a line when the cell is wider than `width`,
    /// and each word-wrapped within it.
    static func wrap(_ cell: String, _ width: Int) -> [String] {
        guard cell.count > width else { return [cell] }
        let items = cell.components(separatedBy: "; ")
        return items.indices.flatMap { i in wrapWords(items[i] + (i < items.count - 1 ? ";" : ""), width) }
    }

    /// Greedy word wrap; a word longer than the width is split.
    static func wrapWords(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension TableFit {
    /// Text wrapped at the width, between the parts that `separator` divides it into (keeping the
    /// separator, less its trailing space, at the end of a line), with `indent` spaces before each
    /// line after the first. A part wider than a line is wrapped at its spaces.
    public func wrapping(_ text: String, indent: Int, at separator: String = " ") -> String {
        guard text.count > width else { return text }
        let parts = text.components(separatedBy: separator)
        let joint = separator.trimmingCharacters(in: .whitespaces)
        var lines: [String] = []
        var line = ""
        for (index, part) in parts.enumerated() {
            let piece = part + (index < parts.count - 1 ? joint : "")
            let room = width - (lines.isEmpty ? 0 : indent)
            if line.isEmpty {
                line = piece
            } else if line.count + (separator.count - joint.count) + piece.count <= room {
                line += String(repeating: " ", count: separator.count - joint.count) + piece
            } else {
                lines.append(line)
                line = piece
            }
            if line.count > width - (lines.isEmpty ? 0 : indent) {
                let wrapped = TableFit.wrapWords(line, width - (lines.isEmpty ? 0 : indent))
                lines += wrapped.dropLast()
                line = wrapped.last ?? ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { $0 == 0 ? $1 : String(repeating: " ", count: indent) + $1 }.joined(separator: "\n")
    }
}

/// Rows of typed fields under named columns, written in any `OutputFormat`.
public struct Listing: Equatable, Sendable {
    public var columns: [Column]
    public var rows: [[Field]]
    /// How a table fits the terminal; nil: each row on one line, however wide.
    public var fit: TableFit?

    public init(columns: [Column], rows: [[Field]] = [], fit: TableFit? = nil) {
        self.columns = columns
        self.rows = rows
        self.fit = fit
    }

    /// Writes every row: a table, a JSON array, or CSV with a header.
    public func write(_ format: OutputFormat, to out: inout some TextOutputStream) {
        switch format {
        case .table:
            let cells = [columns.map(\.title)] + rows.map { $0.map { Listing.oneLine($0.human) } }
            let natural = columns.indices.map { i in cells.map { $0[i].count }.max() ?? 0 }
            let widths = fit?.widths(natural, columns, rows: Array(cells.dropFirst())) ?? natural
            for (n, row) in cells.enumerated() {
                for line in n == 0 ? [row] : fit?.lines(row, widths, columns) ?? [row] { out.write(Listing.pad(line, widths) + "\n") }
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
        "{" + zip(columns, row).map { JSONText.string($0.key) + ":" + $1.json }.joined(separator: ",") + "}"
    }

    // MARK: - Encoding


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
            i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
        }.joined(separator: "  ")
        return String(line.reversed().drop { $0 == " " }.reversed())
    }
}
