import ArgumentParser
import ShortlistKit

extension CandidateCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import shortlisted candidates from a CSV file (as Excel or an applicant-tracking system exports it).",
            discussion: """
                Columns (header names ignore case and spacing): Full name (required), Other names, Town, \
                Current employer, Previous employers, Email, Shortlisted, Told on, Told via. Separate several \
                other names or previous employers with ';'. Dates are YYYY-MM-DD or DD/MM/YYYY. The whole file \
                is checked first: every bad row is reported by line and nothing is imported until all are right. \
                Rows already imported (same name and email) are skipped, so importing a file again is harmless.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "The vacancy reference.") var vacancy: String
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let summary = try store.open().importCandidates(to: vacancy, file: file, by: actor.actor)
            if !summary.ignoredColumns.isEmpty {
                Console.error("note: columns not imported (not kept): \(summary.ignoredColumns.joined(separator: ", "))")
            }
            let added = summary.added.count <= 10 ? summary.added.map(\.description).joined(separator: ", ")
                : "\(summary.added.first!) to \(summary.added.last!)"
            let noun = summary.added.count == 1 ? "candidate" : "candidates"
            Console.print("Imported \(summary.added.count) \(noun) into \(vacancy)" + (added.isEmpty ? "." : ": \(added)."))
            for skip in summary.skipped {
                Console.print("Skipped line \(skip.line): already imported as \(skip.existing).")
            }
        }
    }
}
