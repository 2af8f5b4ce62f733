import ArgumentParser
import Foundation
import ShortlistKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the tamper-evident audit trail and list its events.",
        subcommands: [Verify.self, Log.self])
}

extension AuditCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Recompute the audit chain and check every record against its last event.",
            discussion: "Exit codes: 0 verified; 3 the chain is broken, a record does not match its events, or --expect-head is not in the chain.")

        @OptionGroup var store: StoreOptions
        @Option(help: "A head recorded earlier (for example in minutes), whole or its first 12 or more characters (the fingerprint): check the chain then is a prefix of today's.")
        var expectHead: String?

        func run() throws {
            let result = try store.open().verifyAudit(expectHead: expectHead)
            Console.print("Events: \(result.events)")
            Console.print("Head: \(result.head)")
            Console.print("Fingerprint: \(result.fingerprint)")
            Console.print("Records checked against their last event: \(result.recordsChecked)")
            if let broken = result.brokenEvent { Console.print("Broken at event \(broken.seq): \(broken.reason).") }
            result.recordProblems.prefix(20).forEach { Console.print("Record problem: \($0).") }
            if result.recordProblems.count > 20 { Console.print("… and \(result.recordProblems.count - 20) more record problems.") }
            if let expected = result.expectedHead { Console.print("Expected head: \(expected.detail).") }
            Console.print(result.isValid ? "Verified: the audit trail is intact and every record matches it."
                : "NOT VERIFIED: restore from a backup and investigate; see `shortlist audit log`.")
            if !result.isValid { throw ExitCode(3) }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "List audit events, oldest first.",
            discussion: "The table fits 120 columns, with each event's details summarised; --format json or csv gives every field in full.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only events about this vacancy (its recruitment: the vacancy, its candidates, searches and findings).") var vacancy: String?
        @Option(help: "Only events about this candidate.") var candidate: String?
        @Option(help: "Only events by this staff member.") var actor: String?
        @Option(help: "From this date.") var since: String?
        @Option(help: "Up to and including this date.") var until: String?

        func run() throws {
            var filter = AuditFilter()
            filter.vacancy = vacancy
            filter.candidate = try candidate.map { (c) throws(ShortlistError) in try CandidateReference(parsing: c) }
            filter.actor = actor
            filter.since = try day(since, "--since")
            filter.until = try day(until, "--until")
            Console.list(.auditLog(try store.open().auditLog(filter), for: output.format), output.format)
        }
    }
}
