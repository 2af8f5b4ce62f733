import ArgumentParser
import Foundation
import ShortlistKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the tamper-evident audit trail, anchor its head, and list its events.",
        subcommands: [Verify.self, Anchor.self, Log.self])
}

extension AuditCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Recompute the audit chain and check every record against its last event.",
            discussion: "Exit codes: 0 verified; 3 the chain is broken, a record does not match its events, --expect-head is not in "
                + "the chain, or an anchor of --anchors is not an event of it with the hash recorded.")

        @OptionGroup var store: StoreOptions
        @Option(help: "A head recorded earlier (for example in minutes), whole or its first 12 or more characters (the fingerprint): check the chain then is a prefix of today's.")
        var expectHead: String?
        @Option(help: "An anchors file written by `shortlist audit anchor --out FILE`: check every head recorded in it.")
        var anchors: String?

        func run() throws {
            let anchors = try anchors.map { (file) throws(ShortlistError) in try AuditAnchor.read(file: file) } ?? []
            let result = try store.open().verifyAudit(expectHead: expectHead, anchors: anchors)
            result.summary().forEach(Console.print)
            if !result.isValid { throw ExitCode(3) }
        }
    }

    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anchor", abstract: "Verify the audit trail and record its head, fingerprint and date, for the governors to keep.",
            discussion: "With --out, the line is added to that anchors file (made owner-only), after checking the anchors already in it; "
                + "`shortlist audit verify --anchors FILE` checks them all later. Keep the file away from the database, and write the "
                + "fingerprint in the minutes. Exit codes: 0 anchored; 3 the trail does not verify, and nothing was anchored.")

        @OptionGroup var store: StoreOptions
        @Option(help: "The anchors file to add the head to (created if missing).") var out: String?

        func run() throws {
            let result = try store.open().anchorAudit(appendingTo: out)
            result.verification.summary(advice: false).forEach(Console.print)
            guard let anchor = result.anchor else {
                Console.print("Nothing was anchored: only a trail that verifies is anchored.")
                throw ExitCode(3)
            }
            Console.print("Anchor: \(anchor.line)")
            Console.print("For the minutes: on \(anchor.day.uk) the audit trail ended at event \(anchor.seq), fingerprint "
                + "\(AuditVerification.fingerprint(of: anchor.hash)) (head \(anchor.hash)).")
            if let out { Console.print("Added to \(out); check every anchor in it with `shortlist audit verify --anchors \(out)`.") }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "List audit events, oldest first.",
            discussion: "The table fits 120 columns, with each event's details summarised; --format json or csv gives every field in full.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var viewer: ViewerOptions
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
            Console.list(.auditLog(try store.open().auditLog(filter, shownTo: viewer.actor), for: output.format), output.format)
        }
    }
}
