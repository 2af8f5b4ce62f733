import ArgumentParser
import Foundation
import ShortlistKit

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Show or change how long candidates' personal data is kept.", subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the retention policy.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let months = try store.open().retentionMonths()
            Console.print("""
                \(months) months after a vacancy closes (or is withdrawn):
                - candidates not appointed, and those who withdrew: personal data deleted, an anonymous stub kept;
                - the appointed candidate: the search record reduced to "online search completed on DATE by NAME; outcome".
                A held vacancy (`shortlist vacancy hold`) is kept whole until its hold is lifted.
                """)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change the retention period (admins only).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "Months after a vacancy closes.") var months: Int

        func run() throws {
            try store.open().setRetentionMonths(months, by: actor.actor)
            Console.print("Retention: \(months) months after a vacancy closes.")
        }
    }
}

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "List the personal data due for deletion under the retention policy; --apply deletes it.",
        discussion: "Without --apply nothing changes. With it, everything due goes in batches of 100 candidates, each one transaction recorded as an audit event with its counts; "
            + "evidence files that no record names any more (see `shortlist doctor`) are removed too, and their removal recorded.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: FormatOptions
    @Flag(help: "Delete what is due.") var apply = false

    func run() throws {
        let store = try store.open()
        let plan = try store.purgePlan()
        guard apply else {
            Console.list(.purgePlan(plan), output.format)
            plan.held.forEach { Console.error("held: \($0.vacancy) (\($0.reason)): nothing of it is purged until the hold is lifted") }
            if output.format == .table { Console.print("Retention: \(plan.retentionMonths) months after closing. Nothing was changed; add --apply to purge.") }
            return
        }
        let result = try store.applyPurge(by: actor.actor)
        Console.print("Purged \(result.candidates) candidates (\(result.removed) removed, \(result.reduced) reduced) of \(result.vacancies.count) vacancies: "
            + "\(result.searchEntries) search entries, \(result.findings) findings, \(result.evidenceFiles) evidence files, \(result.auditDetails) audit details.")
        let removed = result.unreferencedEvidenceRemoved
        if removed > 0 {
            Console.print("Removed \(removed) evidence \(removed == 1 ? "file" : "files") that no record named (left by an interrupted purge or search); "
                + "the removal is recorded.")
        }
    }
}

extension VacancyCommand {
    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hold", abstract: "Hold a vacancy from purge (for example, a pending claim), or lift the hold with --lift.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Option(help: "Why it is held, or why the hold is lifted.") var reason: String
        @Flag(help: "Lift the hold.") var lift = false

        func run() throws {
            let vacancy = try store.open().holdVacancy(reference, reason: lift ? nil : reason, liftReason: lift ? reason : "", by: actor.actor)
            Console.print(vacancy.holdReason.map { "\(vacancy.reference): held (\($0))." } ?? "\(vacancy.reference): hold lifted.")
        }
    }
}

extension CandidateCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write everything held about a candidate, for a subject access request: JSON, or the reply to send them.",
            discussion: """
                --format letter (plain text) or html (to print) writes the reply UK GDPR Article 15 asks for, from the templates \
                letters/subject-access.text and .html: what is held, each search and finding, the documents produced and who saw \
                them, the evidence files with their SHA-256, the purposes and lawful basis, sources, recipients, retention and their \
                rights. --format json (the default) is everything held, for the school's file.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "json, letter or html.") var format: SubjectAccessFormat = .json
        @Option(help: "Write to this file instead of standard output.") var out: String?
        @Option(help: "Also copy their evidence files into this folder (new, or empty).") var withEvidence: String?

        func run() throws {
            let store = try store.open()
            let made = try store.subjectAccess(candidate.reference(), format: format, templates: format == .json ? nil : templates.load(store),
                                               to: out, copyEvidenceTo: withEvidence, by: actor.actor)
            if let withEvidence {
                Console.error(made.export.evidence.isEmpty ? "No evidence files are held about \(made.export.reference); none were copied into \(withEvidence)."
                    : "Copied \(made.export.evidence.count) evidence \(made.export.evidence.count == 1 ? "file" : "files") into \(withEvidence).")
            }
            guard let out else { return FileHandle.standardOutput.write(Data(made.text.utf8)) }
            Console.error("Wrote \(out)")
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Make a consistent, verified, owner-only copy of the database (and its evidence files beside it).",
        discussion: "The copy of NAME.sqlite's evidence goes into NAME-evidence beside it, so that the copy opens as it is (--db NAME.sqlite). "
            + "Nothing appears under those names until the copy is whole and verified.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The new backup file; an existing file or evidence folder is never replaced.") var file: String

    func run() throws {
        let result = try store.open().backup(to: file)
        Console.print("Backed up to \(result.path): \(result.events) audit events verified, head \(result.head); \(result.evidenceFiles) evidence files copied.")
    }
}

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the database's health and say what to do about any problem.",
        discussion: "Exit codes: 0 every check passed; 3 a check failed.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let checks = try store.open().doctor()
        for check in checks {
            Console.print("\(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)")
            if !check.passed { Console.print("     what to do: \(check.remedy)") }
        }
        if checks.contains(where: { !$0.passed }) { throw ExitCode(3) }
    }
}
