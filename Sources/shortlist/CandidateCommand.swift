import ArgumentParser
import ShortlistKit

struct CandidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate", abstract: "Add, import, list, show and change shortlisted candidates.",
        subcommands: [Add.self, Import.self, List.self, Show.self, Update.self, Notify.self, Notice.self, Withdraw.self, Export.self, SCRLine.self])
}

/// A candidate reference argument, such as TA-2026-03/2.
struct CandidateArgument: ParsableArguments {
    @Argument(help: "The candidate reference: vacancy/number, such as TA-2026-03/2.") var candidate: String

    func reference() throws -> CandidateReference { try CandidateReference(parsing: candidate) }
}

extension CandidateCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a shortlisted candidate; prints their reference.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The vacancy reference.") var vacancy: String
        @Option(help: "Full name as on the application.") var name: String
        @Option(help: "A previous, maiden or known-as name (repeatable).") var otherName: [String] = []
        @Option(help: "Town or area.") var town: String = ""
        @Option(help: "Current employer.") var employer: String = ""
        @Option(help: "A previous employer (repeatable).") var previousEmployer: [String] = []
        @Option(help: "Email address.") var email: String = ""
        @Option(help: "Date shortlisted (default: today).") var shortlisted: String?
        @Option(help: "Date told that online searches may be done.") var toldOn: String?
        @Option(help: "How they were told: \(NotificationMeans.allCases.map(\.rawValue).joined(separator: ", ")).")
        var toldVia: String?

        func run() throws {
            var draft = CandidateDraft(fullName: name)
            draft.otherNames = otherName
            draft.town = town
            draft.currentEmployer = employer
            draft.previousEmployers = previousEmployer
            draft.email = email
            draft.shortlistedOn = try day(shortlisted, "--shortlisted")
            draft.notifiedOn = try day(toldOn, "--told-on")
            draft.notifiedVia = try toldVia.map { (v) throws(ShortlistError) in try NotificationMeans.parse(v, field: "--told-via") }
            let candidate = try store.open().addCandidate(to: vacancy, draft, by: actor.actor)
            output.format == .table
                ? Console.print(candidate.reference.description) : Console.record(.candidates([candidate]), output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a vacancy's candidates.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The vacancy reference.") var vacancy: String

        func run() throws {
            Console.list(.candidates(try store.open().candidates(of: vacancy)), output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one candidate.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @OptionGroup var candidate: CandidateArgument

        func run() throws {
            Console.record(.candidates([try store.open().candidate(candidate.reference())]), output.format)
        }
    }
}
