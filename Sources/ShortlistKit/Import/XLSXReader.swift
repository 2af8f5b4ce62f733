// XLSXReader.swift — the rows of one sheet of an Excel workbook (.xlsx), each cell as text.
//
// An .xlsx file is a ZIP archive of XML parts (ECMA-376 / ISO 29500). ZIPFoundation opens the
// archive; Foundation's XMLParser reads the parts. The parts are found through their
// relationships (_rels/.rels, then the workbook's), as Excel, LibreOffice and openpyxl all
// write them. Cells become the text a person sees: shared and inline strings (rich-text runs
// joined, phonetic runs left out), numbers (integers without ".0"), dates of date-formatted
// cells as YYYY-MM-DD, TRUE/FALSE, and formula results as last calculated.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Why a workbook cannot be read; said for the whole file.
struct XLSXProblem: Error, Sendable, Equatable {
    let reason: String
}

enum XLSXReader {
    /// Whether a ZIP archive is an Excel workbook (it has a workbook part).
    static func isWorkbook(_ archive: Archive) -> Bool {
        archive["xl/workbook.xml"] != nil || (try? officeDocumentPath(archive)) != nil
    }

    /// The rows of the named sheet (matched ignoring case), or of the first worksheet when `sheet` is nil.
    /// Rows keep the numbers the spreadsheet shows; rows with no value are left out.
    static func rows(of archive: Archive, sheet: String?) throws(XLSXProblem) -> [SheetRow] {
        let workbookPath = try officeDocumentPath(archive) ?? "xl/workbook.xml"
        let workbook = try Workbook(parsing: part(workbookPath, of: archive))
        let relations = try relationships(of: workbookPath, in: archive)
        let worksheets = workbook.sheets.filter { relations[$0.relation]?.type.hasSuffix("/worksheet") == true }
        let chosen: Workbook.Sheet
        if let sheet {
            let wanted = sheet.trimmed.lowercased()
            guard let match = workbook.sheets.first(where: { $0.name.lowercased() == wanted }) else {
                throw XLSXProblem(reason: "the workbook has no sheet named '\(sheet)'; its sheets are "
                    + workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ") + ". Give one of them with --sheet")
            }
            guard worksheets.contains(where: { $0.relation == match.relation }) else {
                throw XLSXProblem(reason: "the sheet '\(match.name)' holds no cells (it is a chart or a macro sheet); give another with --sheet")
            }
            chosen = match
        } else {
            guard let first = worksheets.first else { throw damaged("it has no worksheet") }
            chosen = first
        }
        let sharedStrings = try relations.values.first { $0.type.hasSuffix("/sharedStrings") }
            .map { (relation) throws(XLSXProblem) in try SharedStrings(parsing: part(relation.path, of: archive)).strings } ?? []
        let styles = try relations.values.first { $0.type.hasSuffix("/styles") }
            .map { (relation) throws(XLSXProblem) in try Styles(parsing: part(relation.path, of: archive)) } ?? Styles()
        let context = Worksheet.Context(sharedStrings: sharedStrings, dateStyles: styles.dateStyles, date1904: workbook.date1904)
        return try Worksheet(parsing: part(relations[chosen.relation]!.path, of: archive), context).rows
    }

    // MARK: - Parts and relationships

    /// Parts larger than this are refused rather than inflated: a school's shortlist is far smaller.
    private static let largestPart: UInt64 = 256 << 20

    private static func part(_ path: String, of archive: Archive) throws(XLSXProblem) -> Data {
        guard let entry = archive[path] else { throw damaged("the part \(path) is missing") }
        guard entry.uncompressedSize <= largestPart else { throw damaged("the part \(path) is too large to be a shortlist") }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw damaged("the part \(path) cannot be unpacked")
        }
        return data
    }

    private static func damaged(_ detail: String) -> XLSXProblem {
        XLSXProblem(reason: "the workbook cannot be read (\(detail)). Open it in Excel or LibreOffice, save it again as "
            + "an Excel Workbook (.xlsx) or as CSV UTF-8, and import that file")
    }

    /// Where the package's main part is, from `_rels/.rels`; nil when the package does not say.
    private static func officeDocumentPath(_ archive: Archive) throws(XLSXProblem) -> String? {
        guard archive["_rels/.rels"] != nil else { return nil }
        return try relationships(of: "", in: archive).values.first { $0.type.hasSuffix("/officeDocument") }?.path
    }

    /// The relationships of a part, by id, with their targets resolved to paths in the archive.
    private static func relationships(of partPath: String, in archive: Archive) throws(XLSXProblem) -> [String: Relationship] {
        let folder = partPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = partPath.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard archive[relsPath] != nil else { return [:] }
        var found: [String: Relationship] = [:]
        try XMLEvents.parse(part(relsPath, of: archive), path: relsPath) { element, attributes in
            guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External" else { return }
            found[id] = Relationship(type: attributes["Type"] ?? "", path: resolve(target, from: folder))
        }
        return found
    }

    private struct Relationship {
        let type: String
        let path: String
    }

    /// A target relative to a folder (`worksheets/sheet1.xml` from `xl`), or absolute (`/xl/...`).
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    // MARK: - Workbook, shared strings and styles

    private struct Workbook {
        struct Sheet {
            let name: String
            let relation: String
        }
        let sheets: [Sheet]
        let date1904: Bool

        init(parsing data: Data) throws(XLSXProblem) {
            var sheets: [Sheet] = []
            var date1904 = false
            try XMLEvents.parse(data, path: "the workbook") { element, attributes in
                if element == "sheet", let name = attributes["name"], let relation = attributes["id"] {
                    sheets.append(Sheet(name: name, relation: relation))
                } else if element == "workbookPr" {
                    date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
                }
            }
            self.sheets = sheets
            self.date1904 = date1904
        }
    }

    /// The shared strings table: each `<si>` is a plain `<t>` or rich-text runs, whose `<t>`s are joined.
    private struct SharedStrings {
        let strings: [String]

        init(parsing data: Data) throws(XLSXProblem) {
            var strings: [String] = []
            var text = RichText()
            try XMLEvents.parse(data, path: "the shared strings", start: { element, _ in
                if element == "si" { text = RichText() } else { text.start(element) }
            }, end: { element in
                if element == "si" { strings.append(text.value) } else { text.end(element) }
            }, characters: { text.add($0) })
            self.strings = strings
        }
    }

    /// The text of a string item: the characters of its `<t>` elements, except those of phonetic runs.
    fileprivate struct RichText {
        private var inText = false, inPhonetic = false
        private var parts: [String] = []

        var value: String { XLSXReader.unescape(parts.joined()) }

        mutating func start(_ element: String) {
            if element == "t" { inText = true } else if element == "rPh" { inPhonetic = true }
        }

        mutating func end(_ element: String) {
            if element == "t" { inText = false } else if element == "rPh" { inPhonetic = false }
        }

        mutating func add(_ characters: String) {
            if inText && !inPhonetic { parts.append(characters) }
        }
    }

    /// Which cell styles show a number as a date: built-in formats 14-22, or custom ones with days, months or years.
    private struct Styles {
        var dateStyles: Set<Int> = []

        init() {}

        init(parsing data: Data) throws(XLSXProblem) {
            var customFormats: [Int: String] = [:]
            var formatOfStyle: [Int] = []
            var inCellStyles = false
            try XMLEvents.parse(data, path: "the styles", start: { element, attributes in
                if element == "numFmt", let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                    customFormats[id] = attributes["formatCode"] ?? ""
                } else if element == "cellXfs" {
                    inCellStyles = true
                } else if element == "xf" && inCellStyles {
                    formatOfStyle.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                }
            }, end: { element in
                if element == "cellXfs" { inCellStyles = false }
            })
            dateStyles = Set(formatOfStyle.indices.filter {
                XLSXReader.isDateFormat(formatOfStyle[$0], code: customFormats[formatOfStyle[$0]])
            })
        }
    }

    /// Whether a number format shows a date. Quoted text, escaped characters and bracketed parts (colours,
    /// locales, conditions) are set aside first, so `0 "days"` or `[Red]0` are not dates; a format of minutes
    /// and seconds alone (`mm:ss`) is a time, not a date.
    static func isDateFormat(_ id: Int, code: String?) -> Bool {
        if (14...22).contains(id) { return true }
        guard let code, !(0...13).contains(id) else { return false }
        var letters = ""
        var quoted = false, bracketed = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case _ where quoted: continue
            case "\\", "_", "*": escaped = true
            case "[": bracketed = true
            case "]": bracketed = false
            case "h", "s": letters.append(character)  // [h]:mm elapsed time still says hours
            case _ where bracketed: continue
            default: letters.append(character)
            }
        }
        return letters.contains("d") || letters.contains("y")
            || (letters.contains("m") && !letters.contains("h") && !letters.contains("s"))
    }

    // MARK: - Worksheet

    private struct Worksheet {
        struct Context {
            let sharedStrings: [String]
            let dateStyles: Set<Int>
            let date1904: Bool
        }

        let rows: [SheetRow]

        init(parsing data: Data, _ context: Context) throws(XLSXProblem) {
            var rowNumber = 0
            var cells: [Int: String] = [:]
            var column = -1
            var type = "n", style = 0
            var value = "", inValue = false
            var inline = RichText(), inInline = false
            var finished: [SheetRow] = []
            try XMLEvents.parse(data, path: "the sheet", start: { element, attributes in
                switch element {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    cells = [:]
                    column = -1
                case "c":
                    column = attributes["r"].flatMap(XLSXReader.columnIndex) ?? column + 1
                    type = attributes["t"] ?? "n"
                    style = attributes["s"].flatMap { Int($0) } ?? 0
                    value = ""
                    inline = RichText()
                case "v": inValue = true
                case "is": inInline = true
                default: if inInline { inline.start(element) }
                }
            }, end: { element in
                switch element {
                case "v": inValue = false
                case "is": inInline = false
                case "c":
                    let text = Worksheet.text(type: type, style: style, value: value, inline: inline.value, context)
                    if !text.isEmpty { cells[column] = text }
                case "row":
                    if let last = cells.keys.max() {
                        finished.append(SheetRow(row: rowNumber, fields: (0...last).map { cells[$0] ?? "" }))
                    }
                default: if inInline { inline.end(element) }
                }
            }, characters: { characters in
                if inValue { value += characters } else if inInline { inline.add(characters) }
            })
            rows = finished
        }

        /// A cell's value as the spreadsheet shows it.
        private static func text(type: String, style: Int, value: String, inline: String, _ context: Context) -> String {
            switch type {
            case "s": return Int(value).flatMap { context.sharedStrings.indices.contains($0) ? context.sharedStrings[$0] : nil } ?? ""
            case "inlineStr": return inline
            case "str", "e": return XLSXReader.unescape(value)
            case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "d": return Day(iso: String(value.prefix(10)))?.iso ?? value
            default:
                guard let number = Double(value) else { return value }
                if context.dateStyles.contains(style), let day = Day(excelSerial: number, date1904: context.date1904) {
                    return day.iso
                }
                if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
                return value
            }
        }
    }

    /// The 0-based column of a cell reference: `A1` is 0, `C7` is 2, `AA10` is 26.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    /// The letters of a 0-based column, as a spreadsheet shows them: 0 is `A`, 26 is `AA`.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Excel writes characters XML cannot hold as `_xHHHH_` (a CR as `_x000D_`), and a literal `_x` as `_x005F_x`.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                i += 7
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }
}

/// Foundation's XMLParser with closures for its events, element and attribute names without namespace prefixes.
private final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String) -> Void
    private let characters: (String) -> Void

    private init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
                 characters: @escaping (String) -> Void) {
        self.start = start
        self.end = end
        self.characters = characters
    }

    static func parse(_ data: Data, path: String, start: @escaping (String, [String: String]) -> Void,
                      end: @escaping (String) -> Void = { _ in }, characters: @escaping (String) -> Void = { _ in })
        throws(XLSXProblem) {
        let events = XMLEvents(start: start, end: end, characters: characters)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        guard parser.parse() else {
            throw XLSXProblem(reason: "the workbook cannot be read (\(path) is not well-formed XML). Open it in Excel or "
                + "LibreOffice, save it again as an Excel Workbook (.xlsx) or as CSV UTF-8, and import that file")
        }
    }

    private static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        var local: [String: String] = [:]
        for (key, value) in attributes { local[XMLEvents.local(key)] = value }
        start(XMLEvents.local(elementName), local)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(XMLEvents.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        characters(string)
    }
}
