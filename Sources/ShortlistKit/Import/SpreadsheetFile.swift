import Foundation
import ZIPFoundation

/// How to read an import file; the defaults suit most files.
public struct ImportOptions: Equatable, Sendable {
    /// The text encoding of a CSV file; nil to detect it (UTF-8, or UTF-16 with a byte-order mark).
    public var encoding: CSVEncoding?
    /// The sheet of an .xlsx workbook to read (its name, ignoring case); nil for the first.
    public var sheet: String?

    /// Options that read a file as it is found.
    public init(encoding: CSVEncoding? = nil, sheet: String? = nil) {
        self.encoding = encoding
        self.sheet = sheet
    }
}

/// An import file read as the rows of a sheet: a CSV file in its one text encoding, or a sheet of an
/// .xlsx workbook. Other spreadsheet files (.xls, .ods, .numbers) are refused with how to save them.
enum SpreadsheetFile {
    /// What the rows came from: CSV rows must each have the header's fields; a sheet's rows stop at their last value.
    enum Kind { case csv, workbook }

    /// The file's rows, and for CSV the malformation at which reading stopped, if any.
    struct Contents {
        var kind: Kind
        var rows: [SheetRow]
        var malformation: CSVError?
    }

    /// Refuses a file by its name alone, before it is read: a Numbers document may be a folder.
    static func refusal(byName path: String) -> String? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xls": saveAs("the file is an Excel 97-2003 workbook (.xls)")
        case "ods": saveAs("the file is an OpenDocument spreadsheet (.ods)")
        case "numbers": saveAs("the file is an Apple Numbers spreadsheet (.numbers)", also: "in Numbers, File > Export To > Excel, or CSV with Unicode (UTF-8)")
        default: nil
        }
    }

    /// Reads the file's rows by what its bytes show it to be, whatever its name.
    static func read(_ data: Data, path: String, options: ImportOptions) throws(ShortlistError) -> Contents {
        func refuse(_ reason: String) -> ShortlistError { .file(path: path, reason: reason) }
        let named = URL(fileURLWithPath: path).pathExtension.lowercased()
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {  // an OLE2 compound file
            throw refuse(["xlsx", "xlsm"].contains(named)
                ? "the workbook is protected with a password (it is stored encrypted), so it cannot be read. Open it, remove "
                    + "the password (in Excel, File > Info > Protect Workbook > Encrypt with Password; in LibreOffice, "
                    + "File > Properties > Security), save it, and import it again"
                : saveAs("the file is an Excel 97-2003 workbook (.xls)"))
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {  // a ZIP archive
            let archive: Archive
            do {
                archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
            } catch {
                throw refuse(saveAs("the file is a damaged ZIP archive, not a workbook that can be read"))
            }
            if let entry = archive["mimetype"], entry.uncompressedSize < 200 {
                var mimetype = Data()
                _ = try? archive.extract(entry) { mimetype.append($0) }
                if String(decoding: mimetype, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                    throw refuse(saveAs("the file is an OpenDocument spreadsheet (.ods)"))
                }
            }
            if archive["Index/Document.iwa"] != nil {
                throw refuse(saveAs("the file is an Apple Numbers spreadsheet (.numbers)",
                                    also: "in Numbers, File > Export To > Excel, or CSV with Unicode (UTF-8)"))
            }
            guard XLSXReader.isWorkbook(archive) else {
                throw refuse(saveAs("the file is a ZIP archive, not an Excel workbook"))
            }
            if options.encoding != nil {
                throw refuse("--encoding is for CSV files; an .xlsx workbook says its own encoding, so leave --encoding out")
            }
            do {
                return Contents(kind: .workbook, rows: try XLSXReader.rows(of: archive, sheet: options.sheet), malformation: nil)
            } catch {
                throw refuse(error.reason)
            }
        }
        if ["xlsx", "xlsm"].contains(named) {
            throw refuse(saveAs("the file is named .\(named) but is not an Excel workbook"))
        }
        if options.sheet != nil {
            throw refuse("--sheet is for .xlsx workbooks; a CSV file has one sheet, so leave --sheet out")
        }
        switch CSVReader.text(of: data, encoding: options.encoding) {
        case let .failure(problem):
            throw refuse(problem.reason)
        case let .success(text):
            let parsed = CSVReader.read(text)
            return Contents(kind: .csv, rows: parsed.rows, malformation: parsed.error)
        }
    }

    /// What the file is, and how to save it in a form that can be imported, in Excel and in LibreOffice.
    private static func saveAs(_ what: String, also: String? = nil) -> String {
        what + ", which shortlist cannot read. Open it and save a copy as an Excel Workbook (.xlsx) or as CSV UTF-8, "
            + "then import that: in Excel, File > Save As > \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\"; "
            + "in LibreOffice, File > Save As > \"Excel 2007-365 (.xlsx)\", or \"Text CSV (.csv)\" with Character set "
            + "\"Unicode (UTF-8)\"" + (also.map { "; " + $0 } ?? "")
    }
}
