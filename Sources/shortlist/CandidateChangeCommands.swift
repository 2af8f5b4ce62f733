import ArgumentParser
import ShortlistKit

extension CandidateCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Correct a candidate's details; the old values stay in the audit trail.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "Full name as on the application.") var name: String?
        @Option(help: "Town or area.") var town: String?
        @Option(help: "Current employer.") var employer: String?
        @Option(help: "Email address.") var email: String?
        @Option(help: "Date shortlisted.") var shortlisted: String?
        @Option(help: "Add another name (repeatable).") var addOtherName: [String] = []
        @Option(help: "Remove another name (repeatable).") var removeOtherName: [String] = []
        @Option(help: "Add a previous employer (repeatable).") var addPreviousEmployer: [String] = []
        @Option(help: "Remove a previous employer (repeatable).") var removePreviousEmployer: [String] = []

        func run() throws {
            var changes = CandidateChanges()
            changes.fullName = name
            changes.town = town
            changes.currentEmployer = employer
            changes.email = email
            changes.shortlistedOn = try day(shortlisted, "--shortlisted")
            changes.addOtherNames = addOtherName
            changes.removeOtherNames = removeOtherName
            changes.addPreviousEmployers = addPreviousEmployer
            changes.removePreviousEmployers = removePreviousEmployer
            let updated = try store.open().updateCandidate(candidate.reference(), changes, by: actor.actor)
            Console.print("\(updated.reference): updated")
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify", abstract: "Record when and how the candidate was told that online searches may be done.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "The date they were told (default: today).") var on: String?
        @Option(help: "How: \(NotificationMeans.allCases.map(\.rawValue).joined(separator: ", ")).") var via: String
        @Option(help: "The notice as sent (a text, HTML or .eml file): its text is kept, and its hash recorded.") var notice: String?

        func run() throws {
            let means = try NotificationMeans.parse(via)
            let reference = try candidate.reference()
            let sent = try notice.map { (path) throws(ShortlistError) in try NoticeToRecord(sentFile: path, candidate: reference) }
            let updated = try store.open().notifyCandidate(reference, on: try day(on, "--on"), via: means, notice: sent, by: actor.actor)
            Console.print("\(updated.reference): told on \(updated.notifiedOn!.uk) by \(means.rawValue)")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Record that a candidate withdrew.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var candidate: CandidateArgument
        @Option(help: "The date they withdrew (default: today).") var on: String?
        @Option(help: "The reason, if given.") var reason: String = ""

        func run() throws {
            let updated = try store.open().withdrawCandidate(candidate.reference(), on: try day(on, "--on"), reason: reason, by: actor.actor)
            Console.print("\(updated.reference): withdrew on \(updated.outcomeOn!.uk)")
        }
    }
}
