import ArgumentParser
import Foundation
import ShortlistKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The governors' safer-recruitment report: exceptions first, then each vacancy.",
        discussion: "A period takes the vacancies whose interview date (or, without one, the date they were added) falls in it.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json, csv, html, pdf

        /// The printable forms, made through `Store.document`.
        var printable: DocumentFormat? { DocumentFormat(rawValue: rawValue).flatMap { $0 == .markdown ? nil : $0 } }
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var templates: TemplateOptions
    @Option(help: "One vacancy.") var vacancy: String?
    @Option(help: "The first day of the period.") var from: String?
    @Option(help: "The last day of the period.") var to: String?
    @Option(help: "markdown, json, csv (one row per candidate), html (printable on A4, self-contained) or pdf (printed by Chromium).") var format: Format = .markdown
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Replace --out if it exists.") var force = false

    func run() throws {
        let scope: ReportScope
        switch (vacancy, try day(from, "--from"), try day(to, "--to")) {
        case let (vacancy?, nil, nil): scope = .vacancy(vacancy)
        case let (nil, from?, to?): scope = .period(from: from, to: to)
        default: throw ValidationError("Give --vacancy REF, or --from DATE and --to DATE.")
        }
        let store = try store.open()
        if let printable = format.printable {
            guard let out else {
                try refuseTerminal(for: printable)
                return try store.document(.report(scope), format: printable, templates: templates.load(store), by: actor.actor) {
                    FileHandle.standardOutput.write($0.data)
                }
            }
            try store.writeDocument(.report(scope), format: printable, to: out, replacing: force, templates: templates.load(store), by: actor.actor)
            return Console.error("Wrote \(out)")
        }
        guard let out else {
            let text = try store.renderComplianceReport(scope, format: format.rawValue, templates: templates.load(store), by: actor.actor)
            return FileHandle.standardOutput.write(Data(text.utf8))
        }
        try store.writeComplianceReport(scope, format: format.rawValue, templates: templates.load(store), to: out, replacing: force, by: actor.actor)
        Console.error("Wrote \(out)")
    }
}
