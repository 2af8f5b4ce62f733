import ArgumentParser
import ShortlistKit

extension VacancyCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a vacancy's details, panel or status; the old values stay in the audit trail.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Option(help: "The post's title.") var title: String?
        @Option(help: "The school or site.") var site: String?
        @Option(help: "The KCSIE edition in force.") var kcsie: String?
        @OptionGroup var dates: VacancyDates
        @Option(help: "Add a member to the interview panel (repeatable).") var addPanel: [String] = []
        @Option(help: "Remove a member from the interview panel (repeatable).") var removePanel: [String] = []
        @Option(help: "New status: open, shortlisted or interviewing.") var status: VacancyStatus?
        @Option(help: "The number of the candidate appointed (sets the status to appointed).") var appoint: Int?

        func run() throws {
            var changes = VacancyChanges()
            changes.postTitle = title
            changes.site = site
            changes.kcsieEdition = kcsie
            changes.closingDate = try day(dates.closing, "--closing")
            changes.shortlistingDate = try day(dates.shortlisting, "--shortlisting")
            changes.interviewDate = try day(dates.interview, "--interview")
            changes.addPanel = addPanel
            changes.removePanel = removePanel
            changes.status = status
            changes.appoint = appoint
            let vacancy = try store.open().updateVacancy(reference, changes, by: actor.actor)
            Console.print("\(vacancy.reference): \(vacancy.status.rawValue)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a vacancy (or withdraw it with --withdrawn); pending candidates become not appointed.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Flag(help: "The post is withdrawn rather than filled.") var withdrawn = false
        @Option(help: "The closing date (default: today).") var on: String?

        func run() throws {
            let vacancy = try store.open().closeVacancy(reference, withdrawn: withdrawn, on: try day(on, "--on"), by: actor.actor)
            Console.print("\(vacancy.reference): \(vacancy.status.rawValue) on \(vacancy.closedOn!.uk)")
        }
    }
}
