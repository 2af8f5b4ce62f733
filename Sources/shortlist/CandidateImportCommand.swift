import ArgumentParser
import ShortlistKit

extension CSVEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension CandidateCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import shortlisted candidates from a CSV file or an Excel workbook (.xlsx).",
            discussion: """
                Columns (header names ignore case and spacing): Full name (required), Other names, Town, \
                Current employer, Previous employers, Email, Shortlisted, Told on, Told via. Separate several \
                other names or previous employers with ';' or a line break. Dates are day, month, year \
                (27/11/2026, 27/11/26, 27 Nov 2026) or YYYY-MM-DD. A CSV file may use ',', ';' or tabs, and must \
                be UTF-8 unless --encoding says otherwise; an .xlsx workbook is read from its first sheet unless \
                --sheet names another. The whole file is checked first: every bad row is reported by its row and \
                column, and nothing is imported until all are right. Rows already imported (same name and email) \
                are skipped, so importing a file again is harmless.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "The vacancy reference.") var vacancy: String
        @Option(help: "The text encoding of a CSV file that is not UTF-8: utf-8 or windows-1252.") var encoding: CSVEncoding?
        @Option(help: "The sheet of an .xlsx workbook to import (default: the first).") var sheet: String?
        @Argument(help: "The CSV file or .xlsx workbook.") var file: String

        func run() throws {
            let summary = try store.open().importCandidates(
                to: vacancy, file: file, options: ImportOptions(encoding: encoding, sheet: sheet), by: actor.actor)
            for note in summary.notes { Console.error("note: " + note) }
            let added = summary.added.count <= 10 ? summary.added.map(\.description).joined(separator: ", ")
                : "\(summary.added.first!) to \(summary.added.last!)"
            let noun = summary.added.count == 1 ? "candidate" : "candidates"
            Console.print("Imported \(summary.added.count) \(noun) into \(vacancy)" + (added.isEmpty ? "." : ": \(added)."))
            for skip in summary.skipped {
                Console.print("Skipped row \(skip.row): already imported as \(skip.existing).")
            }
        }
    }
}
