import ArgumentParser
import Foundation
import ShortlistKit

extension CheckCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "Record one search of a candidate: the outcome, and what was searched and reviewed.",
            discussion: """
                STEP is a step key (its first outstanding query) or STEP.N for one query (see `check plan`). \
                Refused unless overridden with --override REASON: the candidate was not told of searches; \
                you sit on the interview panel; the candidate withdrew or the vacancy is closed.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var candidate: CandidateArgument
        @Argument(help: "The step (or STEP.N).") var step: String
        @Option(help: "no-results, nothing-relevant, findings or could-not-complete.") var outcome: String
        @Flag(help: "Confirm you viewed \(publicOnlyRules).") var publicOnly = false
        @Option(help: "When the search was done (default: now), e.g. \"2026-12-01 14:30\".") var at: String?
        @Option(help: "The query as actually used, if it differs from the plan.") var query: String?
        @Option(help: "An address reviewed (repeatable).") var address: [String] = []
        @Option(help: "A note (required for could-not-complete: why).") var note: String = ""
        @Option(help: "An evidence file to keep: screenshot, PDF or saved page (repeatable).") var evidence: [String] = []
        @Option(help: "Go ahead although a rule refuses; the reason is recorded and shown in audits.") var override: String?

        func run() throws {
            var request = SearchLogRequest(candidate: try candidate.reference(), query: step,
                                           outcome: try SearchOutcome.parse(outcome), confirmedPublicOnly: publicOnly)
            request.searchedAt = try at.map { (a) throws(ShortlistError) in try Timestamp.parse(a, field: "--at") }
            request.queryUsed = query
            request.addresses = address
            request.note = note
            request.evidenceFiles = evidence
            request.overrideReason = override
            let logged = try store.open().logSearch(request, by: actor.actor)
            logged.warnings.forEach { Console.error("warning: " + $0) }
            let more = logged.remainingInStep > 0 ? " \(logged.remainingInStep) more in \(logged.entry.stepKey)." : ""
            Console.print("Logged \(logged.address) for \(logged.entry.candidate): \(logged.entry.outcome.rawValue) (entry \(logged.entry.id)).\(more)")
        }
    }

    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence", abstract: "List a candidate's evidence files and check each against its recorded SHA-256.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @OptionGroup var candidate: CandidateArgument

        func run() throws {
            let (files, intact) = try store.open().checkEvidence(candidate.reference())
            Console.list(.evidence(files), output.format)
            if !intact { throw ExitCode(3) }
        }
    }
}
