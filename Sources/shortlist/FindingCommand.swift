import ArgumentParser
import ShortlistKit

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding", abstract: "Record findings, decide whether they are raised, and record the candidate's response.",
        subcommands: [Add.self, Update.self, Decide.self, Respond.self, FollowUp.self, Show.self, List.self, Categories.self, AddCategory.self])
}

extension IdentityConfidence: ExpressibleByArgument {}
extension FindingDecision: ExpressibleByArgument {}
extension FindingConclusion: ExpressibleByArgument {}
extension FindingStatus: ExpressibleByArgument {}

/// A finding reference argument, such as TA-2026-03/2/F1.
struct FindingArgument: ParsableArguments {
    @Argument(help: "The finding reference, such as TA-2026-03/2/F1.") var finding: String

    func reference() throws -> FindingReference { try FindingReference(parsing: finding) }
}

/// The content of a finding, for add and update.
struct FindingContent: ParsableArguments {
    @Option(help: "A neutral, factual summary.") var summary: String?
    @Option(help: "A source address (repeatable).") var source: [String] = []
    @Option(help: "The date of the content, when known.") var contentDate: String?
    @Option(help: "The category (see `finding categories`).") var category: String?
    @Option(help: "How identity was established: confirmed, probable or unverified.") var identity: IdentityConfidence?
    @Option(help: "What ties it to the candidate (photo, location, employer, dates).") var identityBasis: String?
    @Option(help: "Why it is relevant to working with children or to the school.") var relevance: String?
}

extension FindingCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a finding from a candidate's search entries.",
            discussion: "A finding about a protected characteristic (Equality Act 2010) is recorded with --protected-characteristic, without a category: it can never be raised or reach the panel.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "The search entry it came from (repeatable; see `check history`).") var entry: [Int64] = []
        @OptionGroup var content: FindingContent
        @Flag(help: "It is about a protected characteristic.") var protectedCharacteristic = false

        func run() throws {
            var draft = FindingDraft(entries: entry, summary: content.summary ?? "", identity: content.identity ?? .unverified)
            draft.sources = content.source
            draft.contentDate = try day(content.contentDate, "--content-date")
            draft.category = content.category
            draft.protectedCharacteristic = protectedCharacteristic
            draft.identityBasis = content.identityBasis ?? ""
            draft.relevance = content.relevance ?? ""
            let finding = try store.open().addFinding(to: candidate.reference(), draft, by: actor.actor)
            Console.print(finding.reference.description)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Correct a finding: a new version; earlier ones stay.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var finding: FindingArgument
        @OptionGroup var content: FindingContent
        @Flag(inversion: .prefixedNo, help: "It is (or is not) about a protected characteristic.") var protectedCharacteristic: Bool?
        @Option(help: "Why it is corrected (required with --no-protected-characteristic: reported to governors).") var reason: String?

        func run() throws {
            var correction = FindingCorrection()
            correction.summary = content.summary
            correction.sources = content.source.isEmpty ? nil : content.source
            correction.contentDate = try day(content.contentDate, "--content-date")
            correction.category = content.category
            correction.protectedCharacteristic = protectedCharacteristic
            correction.identity = content.identity
            correction.identityBasis = content.identityBasis
            correction.relevance = content.relevance
            correction.reason = reason
            let updated = try store.open().updateFinding(finding.reference(), correction, by: actor.actor)
            Console.print("\(updated.reference): version \(updated.current.version)")
        }
    }
}
