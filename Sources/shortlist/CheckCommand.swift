import ArgumentParser
import Foundation
import ShortlistKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Plan, log and review the online searches of a candidate.",
        subcommands: [Plan.self, Log.self, Run.self, History.self, Withdraw.self, Evidence.self])
}

extension PlanReport.Format: ExpressibleByArgument {}

extension CheckCommand {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Print the exact queries and links to search for a candidate, with what is done.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "Output format: table, json, csv or markdown (a printable checklist).") var format: PlanReport.Format = .table

        func run() throws {
            let store = try store.open()
            let (vacancy, progress) = try store.searchProgress(candidate: candidate.reference())
            var out = Console.Output()
            PlanReport(vacancy: vacancy, progress: progress, today: Day(store.now)).write(format, to: &out)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "List every search entry of a candidate, including superseded and withdrawn ones.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @OptionGroup var candidate: CandidateArgument

        func run() throws {
            Console.list(.searchEntries(try store.open().searchHistory(candidate.reference())), output.format)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Withdraw a mistaken search entry; it stays in the history with the reason.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The entry number (see `check history`).") var entry: Int64
        @Option(help: "Why it is withdrawn.") var reason: String

        func run() throws {
            let withdrawn = try store.open().withdrawSearchEntry(entry, reason: reason, by: actor.actor)
            Console.print("Withdrew entry \(withdrawn.id) (\(withdrawn.candidate) \(withdrawn.stepKey)).")
        }
    }
}
