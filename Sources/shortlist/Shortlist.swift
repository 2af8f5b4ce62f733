import ArgumentParser
import Foundation
import ShortlistKit

@main
struct Shortlist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist",
        abstract: "Carry out, record and evidence the online searches KCSIE recommends for shortlisted candidates.",
        discussion: """
            The database is --db PATH, else $SHORTLIST_DB, else $XDG_DATA_HOME/shortlist/shortlist.sqlite. \
            Commands that change it record who acted: --by NAME, else $SHORTLIST_USER.
            Exit codes: 0 success, 1 failure, 3 a check found problems (status --require-complete, check evidence, audit verify, doctor), 64 usage error.
            """,
        version: Invocation.version,
        subcommands: [Init.self, Demo.self, StaffCommand.self, VacancyCommand.self, CandidateCommand.self, ProtocolCommand.self,
                      CheckCommand.self, FindingCommand.self, Status.self,
                      Dossier.self, Pack.self, TemplatesCommand.self, AuditCommand.self, Report.self,
                      SettingsCommand.self, RetentionCommand.self, Purge.self, Backup.self, Doctor.self, Serve.self])

    /// Runs the command; library errors print their message and exit with their code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ShortlistError {
            Console.error("error: " + error.message)
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
