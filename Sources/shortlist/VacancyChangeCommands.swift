import ArgumentParser
import ShortlistKit

extension VacancyCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a vacancy's details, panel or status; the old values stay in the audit trail.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Option(help: "The post's title.") var title: String?
        @Option(help: "The school or site.") var site: String?
        @Option(help: "The KCSIE edition in force.") var kcsie: String?
        @OptionGroup var dates: VacancyDates
        @Option(help: "Add a member to the interview panel (repeatable).") var addPanel: [String] = []
        @Option(help: "Remove a member from the interview panel (repeatable).") var removePanel: [String] = []
        @Option(help: "New status: open, shortlisted or interviewing. To appoint, give --appoint; to close or withdraw, use `shortlist vacancy close`.")
        var status: SettableStatus?
        @Option(help: "The candidate appointed, by number (2) or reference (TA-2026-03/2); sets the status to appointed, through shortlisted if the vacancy is open.")
        var appoint: String?
        @Option(help: "A new search protocol, NAME or NAME@VERSION.") var `protocol`: String?
        @Option(help: "A new look-back period in years.") var lookBack: Int?
        @Option(help: "Why the protocol or look-back changes after searches began (required then).") var reason: String?

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
            changes.status = status?.status
            changes.appoint = try appoint.map { (a) throws(ShortlistError) in try VacancyChanges.appointee(a, of: reference) }
            changes.protocolName = `protocol`
            changes.lookBackYears = lookBack
            changes.reason = reason
            let vacancy = try store.open().updateVacancy(reference, changes, by: actor.actor)
            Console.print("\(vacancy.reference): \(vacancy.status.rawValue)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Close a vacancy (or withdraw it with --withdrawn); pending candidates become not appointed.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Flag(help: "The post is withdrawn rather than filled.") var withdrawn = false
        @Option(help: "The closing date (default: today); not in the future, nor before the vacancy's own dates.") var on: String?
        @Option(help: "Why, when the closing date is more than a month ago (recorded).") var reason: String = ""

        func run() throws {
            let vacancy = try store.open().closeVacancy(reference, withdrawn: withdrawn, on: try day(on, "--on"), reason: reason,
                                                        by: actor.actor)
            Console.print("\(vacancy.reference): \(vacancy.status.rawValue) on \(vacancy.closedOn!.uk)")
        }
    }
}

/// A status given to `vacancy update --status`. Every status parses, so that the library can say how to
/// reach the others, but help lists only those it sets.
struct SettableStatus: ExpressibleByArgument {
    var status: VacancyStatus

    init?(argument: String) {
        guard let status = VacancyStatus(argument: argument) else { return nil }
        self.status = status
    }

    static var allValueStrings: [String] { VacancyStatus.settable.map(\.rawValue) }
}

extension SearchDecision: ExpressibleByArgument {}

extension VacancyCommand {
    struct SearchDecisionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search-decision",
            abstract: "Record whether all (the default), some or none of the candidates are searched, and why.",
            discussion: "KCSIE says schools should consider searching every shortlisted candidate: anything else needs a recorded reason.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The vacancy reference.") var reference: String
        @Option(help: "all, some or none.") var search: SearchDecision
        @Option(help: "Why not every candidate is searched.") var reason: String = ""
        @Option(help: "With --search some: the number of a candidate not searched (repeatable).") var exclude: [Int] = []

        func run() throws {
            let vacancy = try store.open().decideSearch(reference, search, reason: reason, excluded: exclude, by: actor.actor)
            let reason = vacancy.searchDecisionReason.isEmpty ? "" : " (\(vacancy.searchDecisionReason))"
            Console.print("\(vacancy.reference): search \(vacancy.searchDecision.rawValue)\(reason).")
        }
    }
}
