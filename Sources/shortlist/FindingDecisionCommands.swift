import ArgumentParser
import ShortlistKit

extension FindingCommand {
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide", abstract: "Decide (recruiting managers only): raise at interview with a neutral question, no further action, or not the candidate.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var finding: FindingArgument
        @Option(help: "raise, no-further-action or not-the-candidate.") var decision: FindingDecision
        @Option(help: "With raise: the neutral question for the panel.") var question: String = ""
        @Option(help: "With raise, when identity is unverified: the question asked first, that confirms identity.")
        var identityQuestion: String = ""
        @Option(help: "Why (required unless raised).") var reason: String = ""

        func run() throws {
            let decided = try store.open().decideFinding(finding.reference(), decision, reason: reason, question: question,
                                                         identityQuestion: identityQuestion, by: actor.actor)
            Console.print("\(decided.reference): \(decision.rawValue)")
        }
    }

    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "respond", abstract: "After the interview: record the candidate's response and the panel's conclusion.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var finding: FindingArgument
        @Option(help: "What the candidate said.") var response: String
        @Option(help: "satisfied, further-checks or concern-remains.") var conclusion: FindingConclusion
        @Option(help: "Which further checks, or what happens next (required unless satisfied).") var detail: String = ""

        func run() throws {
            let answered = try store.open().respondToFinding(finding.reference(), response: response, conclusion: conclusion,
                                                             detail: detail, by: actor.actor)
            Console.print("\(answered.reference): \(conclusion.rawValue)")
        }
    }

    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up", abstract: "After further checks or a remaining concern: record what was done (until then the finding is outstanding).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var finding: FindingArgument
        @Option(help: "What was done: the checks made and their result, or what happened next.") var note: String

        func run() throws {
            let followed = try store.open().recordFollowUp(finding.reference(), note: note, by: actor.actor)
            Console.print("\(followed.reference): follow-up recorded (version \(followed.current.version))")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a finding; --history shows every version with who and when.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var viewer: ViewerOptions
        @OptionGroup var output: FormatOptions
        @OptionGroup var finding: FindingArgument
        @Flag(help: "Every version, oldest first.") var history = false

        func run() throws {
            let store = try store.open()
            let found = try store.finding(finding.reference(), shownTo: viewer.actor)
            let versions = Listing.findingVersions(found, today: Day(store.now))
            if history {
                var out = Console.Output()
                output.format == .table ? versions.writeRecords(to: &out) : Console.list(versions, output.format)
            } else {
                Console.record(Listing(columns: versions.columns, rows: [versions.rows.last!]), output.format)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the findings of a vacancy or a candidate.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var viewer: ViewerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The vacancy reference.") var vacancy: String?
        @Option(help: "The candidate reference.") var candidate: String?
        @Option(help: "Only findings with this status.") var status: FindingStatus?

        func validate() throws {
            if vacancy == nil && candidate == nil {
                throw ValidationError("Give --vacancy REF or --candidate REF: the findings of a vacancy, or of one candidate.")
            }
            if vacancy != nil && candidate != nil { throw ValidationError("Give --vacancy or --candidate, not both.") }
        }

        func run() throws {
            let store = try store.open()
            let today = Day(store.now)
            let found = try store.findings(vacancy: vacancy, candidate: try candidate.map { (c) throws(ShortlistError) in try CandidateReference(parsing: c) },
                                           shownTo: viewer.actor)
                .filter { status == nil || $0.finding.status(interviewDate: $0.interviewDate, today: today) == status }
            Console.list(.findings(found, today: today), output.format)
        }
    }

    struct Categories: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "categories", abstract: "List the school's finding categories.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            Console.list(.findingCategories(try store.open().findingCategories()), output.format)
        }
    }

    struct AddCategory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-category", abstract: "Add a category to the school's finding taxonomy.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "A short key, such as online-gambling.") var key: String
        @Option(help: "The category's name.") var label: String

        func run() throws {
            let added = try store.open().addFindingCategory(key: key, label: label, by: actor.actor)
            Console.print(added.key)
        }
    }
}
