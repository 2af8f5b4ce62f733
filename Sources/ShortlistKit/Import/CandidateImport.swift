import Foundation

/// What an import did.
public struct ImportSummary: Equatable, Sendable {
    /// The candidates added, in file order.
    public var added: [CandidateReference] = []
    /// Rows already present (same name and email in the vacancy): the spreadsheet row and the existing candidate.
    public var skipped: [(row: Int, existing: CandidateReference)] = []
    /// Columns of the file that the tool does not keep (not imported, so not held).
    public var ignoredColumns: [String] = []
    /// Cells whose line breaks were read as separators between items or as spaces, in file order.
    public var lineBreaks: [ImportedLineBreak] = []

    /// What the user should know about how the file was read, one sentence each.
    public var notes: [String] {
        var notes: [String] = []
        if !ignoredColumns.isEmpty { notes.append("columns not imported (not kept): " + ignoredColumns.joined(separator: ", ")) }
        let separators = lineBreaks.filter(\.separatesItems), spaces = lineBreaks.filter { !$0.separatesItems }
        if !separators.isEmpty {
            notes.append("a line break in a cell separates items, as ';' does: " + ImportSummary.places(separators))
        }
        if !spaces.isEmpty {
            notes.append("a line break in a cell of a one-value column was read as a space: " + ImportSummary.places(spaces))
        }
        return notes
    }

    /// `row 2 (Other names, Previous employers), row 5 (Town)`.
    private static func places(_ cells: [ImportedLineBreak]) -> String {
        var rows: [(row: Int, columns: [String])] = []
        for cell in cells {
            if rows.last?.row == cell.row { rows[rows.count - 1].columns.append(cell.column) } else { rows.append((cell.row, [cell.column])) }
        }
        return rows.map { "row \($0.row) (\($0.columns.joined(separator: ", ")))" }.joined(separator: ", ")
    }

    public static func == (lhs: ImportSummary, rhs: ImportSummary) -> Bool {
        lhs.added == rhs.added && lhs.ignoredColumns == rhs.ignoredColumns && lhs.lineBreaks == rhs.lineBreaks
            && lhs.skipped.map(\.row) == rhs.skipped.map(\.row) && lhs.skipped.map(\.existing) == rhs.skipped.map(\.existing)
    }
}

/// A cell whose line breaks the import read: in a list column (other names, previous employers) as
/// separators between items, like `;`; in a one-value column as spaces.
public struct ImportedLineBreak: Equatable, Sendable {
    /// The spreadsheet row (the header is row 1).
    public var row: Int
    /// The column's header as written in the file.
    public var column: String
    /// Whether the line breaks separate items (a list column) rather than becoming spaces.
    public var separatesItems: Bool
}

/// Reads the candidate files that Excel, LibreOffice or an applicant-tracking system exports: CSV or .xlsx.
enum CandidateFile {
    /// The fields a file may carry, each with the header names accepted for it. Headers are
    /// matched without regard to case, spaces or punctuation.
    enum Heading: CaseIterable {
        case fullName, otherNames, town, currentEmployer, previousEmployers, email, shortlisted, toldOn, toldVia

        var headers: [String] {
            switch self {
            case .fullName: ["fullname", "name", "candidatename", "applicantname", "candidate", "applicant"]
            case .otherNames: ["othernames", "othername", "previousnames", "knownas", "aliases"]
            case .town: ["town", "townorarea", "area", "location", "city"]
            case .currentEmployer: ["currentemployer", "employer"]
            case .previousEmployers: ["previousemployers", "previousemployer", "formeremployers"]
            case .email: ["email", "emailaddress"]
            case .shortlisted: ["shortlisted", "shortlistedon", "dateshortlisted", "shortlistdate"]
            case .toldOn: ["toldon", "datetold", "notifiedon", "notified"]
            case .toldVia: ["toldvia", "howtold", "notifiedvia"]
            }
        }

        /// Columns that hold several items, separated by `;` or by line breaks.
        var isList: Bool { self == .otherNames || self == .previousEmployers }

        /// Columns that hold a person's names, where a `?` inside a word is a letter lost to an encoding.
        var isName: Bool { self == .fullName || self == .otherNames }

        static func matching(_ header: String) -> Heading? {
            let key = String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
            return allCases.first { $0.headers.contains(key) }
        }
    }

    /// What a checked file holds: the drafts with their rows, the columns not kept, the line breaks read, and
    /// every problem found.
    struct Contents {
        var rows: [(row: Int, draft: CandidateDraft)] = []
        var ignored: [String] = []
        var lineBreaks: [ImportedLineBreak] = []
        var problems: [ImportProblem] = []
    }

    /// Reads and checks the whole file. A file that cannot be read as rows at all (its format or its
    /// encoding) throws; every problem in its rows is returned, named by row and column.
    static func read(_ data: Data, path: String, options: ImportOptions, today: Day) throws(ShortlistError) -> Contents {
        let file = try SpreadsheetFile.read(data, path: path, options: options)
        var contents = Contents()
        guard let header = file.rows.first else {
            let row = file.malformation?.row ?? 1
            contents.problems = [file.malformation.map { ImportProblem(row: row, column: columnName($0.field - 1), reason: $0.reason) }
                ?? ImportProblem(row: row, reason: "the file is empty; it needs a header row and a row per candidate")]
            return contents
        }
        // A column is named by its header as written, or by its letter when its header cell is blank.
        let names = header.fields.enumerated().map { position, text in
            let written = text.split(whereSeparator: \.isNewline).map(\.trimmed).joined(separator: " ")
            return written.isEmpty ? columnName(position) : written
        }
        if let malformation = file.malformation {
            let column = malformation.field <= names.count ? names[malformation.field - 1] : columnName(malformation.field - 1)
            contents.problems = [ImportProblem(row: malformation.row, column: column, reason: malformation.reason)]
            return contents
        }
        var index: [Heading: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            guard let column = Heading.matching(name) else {
                if !name.trimmed.isEmpty { contents.ignored.append(names[position]) }
                continue
            }
            if index[column] != nil {
                contents.problems.append(ImportProblem(row: header.row, reason: "the column '\(names[position])' appears twice"))
            }
            index[column] = position
        }
        if index[.fullName] == nil {
            contents.problems.append(ImportProblem(row: header.row, reason: "no full name column; name one of the header cells 'Full name'"))
            return contents
        }
        for record in file.rows.dropFirst() where !record.fields.allSatisfy({ $0.trimmed.isEmpty }) {
            if file.kind == .csv && record.fields.count != header.fields.count {
                contents.problems.append(ImportProblem(
                    row: record.row, reason: "\(record.fields.count) fields where the header has \(header.fields.count)"))
                continue
            }
            read(record, index: index, names: names, today: today, into: &contents)
        }
        if contents.rows.isEmpty && contents.problems.isEmpty {
            contents.problems.append(ImportProblem(row: header.row, reason: "the file has a header but no candidates"))
        }
        return contents
    }

    /// Checks one row's cells and adds its draft, or every problem in it.
    private static func read(_ record: SheetRow, index: [Heading: Int], names: [String], today: Day, into contents: inout Contents) {
        var problems: [(position: Int, reason: String)] = []
        var values: [Heading: [String]] = [:]
        for (column, position) in index.sorted(by: { $0.value < $1.value }) {
            let text = position < record.fields.count ? record.fields[position] : ""
            let pieces = mayBreakLines(text) ? text.trimmed.split(whereSeparator: \.isNewline).map(String.init) : [text]
            if let reason = problem(in: text, isName: column.isName) {
                problems.append((position, reason))
                continue
            }
            if pieces.count > 1 {
                contents.lineBreaks.append(ImportedLineBreak(row: record.row, column: names[position], separatesItems: column.isList))
            }
            values[column] = column.isList ? pieces.flatMap { $0.split(separator: ";").map(String.init) }
                : [pieces.map(\.trimmed).joined(separator: " ")]
        }
        func value(_ column: Heading) -> String { values[column]?.first ?? "" }
        var draft = CandidateDraft(fullName: value(.fullName))
        draft.otherNames = values[.otherNames] ?? []
        draft.town = value(.town)
        draft.currentEmployer = value(.currentEmployer)
        draft.previousEmployers = values[.previousEmployers] ?? []
        draft.email = value(.email)
        func cell<T>(_ column: Heading, _ parse: (String, String) throws(ShortlistError) -> T) -> T? {
            let text = value(column).trimmed
            guard let position = index[column], !text.isEmpty else { return nil }
            do {
                return try parse(text, names[position])
            } catch {
                let reason = switch error {
                case let .invalidDate(_, value): ShortlistError.notADate(value)
                case let .invalidValue(_, value, expected): ShortlistError.notValid(value, expected: expected)
                default: error.message
                }
                problems.append((position, reason))
                return nil
            }
        }
        draft.shortlistedOn = cell(.shortlisted, Day.parse)
        draft.notifiedOn = cell(.toldOn, Day.parse)
        draft.notifiedVia = cell(.toldVia, NotificationMeans.parse)
        guard problems.isEmpty else {
            contents.problems += problems.sorted { $0.position < $1.position }
                .map { ImportProblem(row: record.row, column: names[$0.position], reason: $0.reason) }
            return
        }
        let given = draft
        if let problem = draft.normalise(today: today) {
            let column = culprit(of: given, today: today).flatMap { index[$0] }.map { names[$0] }
            contents.problems.append(ImportProblem(row: record.row, column: column, reason: problem))
            return
        }
        contents.rows.append((record.row, draft))
    }

    /// The one column a draft's refusal is about, when it is about one: each field is checked on its own.
    private static func culprit(of draft: CandidateDraft, today: Day) -> Heading? {
        if draft.fullName.trimmed.isEmpty { return .fullName }
        var probe = CandidateDraft(fullName: "-")
        probe.email = draft.email
        if probe.normalise(today: today) != nil { return .email }
        probe = CandidateDraft(fullName: "-")
        probe.notifiedOn = draft.notifiedOn
        probe.notifiedVia = .email
        if draft.notifiedOn != nil, probe.normalise(today: today) != nil { return .toldOn }
        return nil
    }

    /// Why a cell's text cannot be imported, if it cannot: a formula's error shown instead of a value, a
    /// character that is not text (NUL, a control character, a direction override), or, in a name, a `?`
    /// inside a word where a letter was lost when the file was saved in an encoding without it.
    static func problem(in text: String, isName: Bool) -> String? {
        // Byte checks first: this runs for every imported cell, and almost every cell passes them.
        let bytes = text.utf8
        let errors = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]
        if bytes.contains(UInt8(ascii: "#")), let error = errors.first(where: { $0 == text.trimmed.uppercased() }) {
            return "the cell shows the formula error \(error) rather than a value; correct the formula, or type the value, and export the file again"
        }
        // C0 controls and DEL are single bytes; C1 controls start with 0xC2 and the direction overrides with 0xE2.
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
           let scalar = text.unicodeScalars.first(where: { !isText($0) }) {
            let code = codePoint(scalar.value)
            if scalar.value == 0 {
                return "the cell holds a NUL character (U+0000), which is not text and would cut the value short; "
                    + "remove it in the spreadsheet (it often comes from a damaged export) and export the file again"
            }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                return "the cell holds an invisible text-direction control (\(code)), which can make text display in "
                    + "an order other than the one it is stored in; remove it in the spreadsheet and export the file again"
            }
            return "the cell holds an invisible control character (\(code)), which is not text; "
                + "remove it in the spreadsheet and export the file again"
        }
        if isName, bytes.contains(UInt8(ascii: "?")), lostLetter(in: text) {
            return "a '?' stands inside a word, where a letter was lost: the file was saved in an encoding that has no "
                + "place for some letters (Excel's \"CSV (Comma delimited)\" turns ễ or ł into ?). Save the original "
                + "spreadsheet again as \"CSV UTF-8 (Comma delimited)\" in Excel, or as Text CSV with Character set "
                + "\"Unicode (UTF-8)\" in LibreOffice, and import that file"
        }
        return nil
    }

    /// Whether a character may be imported: not a control character (but tab and the line breaks, read as
    /// such), and not a direction override or isolate, which reorder how text around them is shown.
    private static func isText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85: true
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: false
        default: true
        }
    }

    /// Whether a `?` touches a letter, as in `Nguy?n Th? Minh`.
    private static func lostLetter(in text: String) -> Bool {
        let characters = Array(text)
        return characters.indices.contains { i in
            characters[i] == "?" && ((i > 0 && characters[i - 1].isLetter) || (i + 1 < characters.count && characters[i + 1].isLetter))
        }
    }

    /// Whether a cell may hold a line break (CR, LF, VT, FF, or NEL, U+2028 and U+2029, which start 0xC2 and 0xE2):
    /// splitting by Characters costs more than the rest of a cell's checks, so only such cells are split.
    private static func mayBreakLines(_ text: String) -> Bool {
        text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// A column named by its letter, as a spreadsheet shows it: `column C`.
    private static func columnName(_ position: Int) -> String {
        "column " + XLSXReader.columnLetters(position)
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// What makes two rows the same person for the same vacancy: name and email, ignoring case.
    static func identity(name: String, email: String) -> String {
        name.lowercased() + "\u{1F}" + email.lowercased()
    }
}
