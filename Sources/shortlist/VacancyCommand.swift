import ArgumentParser
import ShortlistKit

struct VacancyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacancy", abstract: "Add, list, show, change and close vacancies.",
        subcommands: [Add.self, List.self, Show.self, Update.self, SearchDecisionCommand.self, Close.self, Hold.self, SCR.self])
}

/// The dated fields a vacancy add or update takes.
struct VacancyDates: ParsableArguments {
    @Option(help: "Closing date for applications (YYYY-MM-DD or DD/MM/YYYY).") var closing: String?
    @Option(help: "Shortlisting date.") var shortlisting: String?
    @Option(help: "Interview date.") var interview: String?
}

extension VacancyCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a vacancy; prints its reference.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "A unique reference, such as TA-2026-03.") var reference: String
        @Option(help: "The post's title.") var title: String
        @Option(help: "The school or site.") var site: String = ""
        @Option(help: "The KCSIE edition in force (default: the school's setting).") var kcsie: String?
        @OptionGroup var dates: VacancyDates
        @Option(help: "A member of the interview panel (repeatable).") var panel: [String] = []
        @Option(help: "The search protocol, NAME or NAME@VERSION (default: the school's default).") var `protocol`: String?
        @Option(help: "How many years back searches look (default 5).") var lookBack: Int?

        func run() throws {
            var draft = VacancyDraft(reference: reference, postTitle: title)
            draft.site = site
            draft.kcsieEdition = kcsie
            draft.closingDate = try day(dates.closing, "--closing")
            draft.shortlistingDate = try day(dates.shortlisting, "--shortlisting")
            draft.interviewDate = try day(dates.interview, "--interview")
            draft.panel = panel
            draft.protocolName = `protocol`
            draft.lookBackYears = lookBack
            let vacancy = try store.open().addVacancy(draft, by: actor.actor)
            output.format == .table ? Console.print(vacancy.reference) : Console.record(.vacancies([vacancy]), output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List vacancies, newest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only vacancies with this status.") var status: VacancyStatus?

        func run() throws {
            Console.list(.vacancies(try store.open().vacancies(status: status)), output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one vacancy.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The vacancy reference.") var reference: String

        func run() throws {
            Console.record(.vacancies([try store.open().vacancy(reference)]), output.format)
        }
    }
}

extension VacancyStatus: ExpressibleByArgument {}
