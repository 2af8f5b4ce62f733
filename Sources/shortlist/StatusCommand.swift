import ArgumentParser
import Foundation
import ShortlistKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show where each vacancy's searches stand: candidates against steps, and what is outstanding.",
        discussion: "Exit codes: 0, or 3 with --require-complete when anything is outstanding.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "One vacancy (default: every vacancy still recruiting).") var vacancy: String?
    @Flag(help: "Exit with code 3 when any candidate's record is incomplete (for scripts).") var requireComplete = false
    @Flag(help: "Each candidate on one line, however wide (the table otherwise fits 120 columns).") var wide = false

    func run() throws {
        let store = try store.open()
        let report = StatusReport(try store.searchProgress(vacancy: vacancy), today: Day(store.now), wide: wide)
        var out = Console.Output()
        report.write(output.format, to: &out)
        if requireComplete && !report.isComplete { throw ExitCode(3) }
    }
}
