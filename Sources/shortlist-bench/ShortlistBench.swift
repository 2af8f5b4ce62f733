import ArgumentParser
import Foundation
import ShortlistKit

extension Scale: ExpressibleByArgument {}

@main
struct ShortlistBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist-bench",
        abstract: "Generate fictional recruitment records at school or trust scale, and time shortlist on them beside the sqlite3 shell.",
        subcommands: [Generate.self, Run.self])
}

extension ShortlistBench {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Generate a database (deterministic: the same every time).")

        @Option(help: "school (40 vacancies, 200 candidates) or trust (6,000 vacancies, 30,000 candidates).") var scale: Scale = .school
        @Option(help: "The new database file.") var db: String

        func run() throws {
            let started = Date()
            var generator = TrustGenerator(scale: scale, today: Day(year: 2026, month: 11, day: 27)!)
            let data = try generator.generate(at: db) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            let audit = try Store.open(at: db, clock: Date.init).verifyAudit()
            print("Generated \(db) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: \(audit.events) audit events; "
                + "open vacancy \(data.openVacancy), pack vacancy \(data.packVacancy).")
        }
    }
}
