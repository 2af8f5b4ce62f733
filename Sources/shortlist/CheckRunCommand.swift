import ArgumentParser
import Foundation
import ShortlistKit

/// Answers from standard input, a terminal or a pipe.
struct StandardInput: AnswerSource {
    let echoesAnswers = isatty(STDIN_FILENO) == 0

    mutating func nextLine() -> String? { readLine(strippingNewline: true) }
}

extension CheckCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Be led through a candidate's (or a whole vacancy's) outstanding searches, one query at a time.",
            discussion: """
                Each answer is saved at once: quitting, Ctrl-C or the end of input loses nothing already answered, \
                and the next run resumes at the first outstanding query. Answers may be piped, one a line.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The candidate reference (or give --vacancy).") var candidate: String?
        @Option(help: "Go through every candidate of this vacancy who still owes searches.") var vacancy: String?

        func validate() throws {
            guard (candidate == nil) != (vacancy == nil) else { throw ValidationError("Give a candidate reference or --vacancy, not both.") }
        }

        func run() throws {
            let scope: GuidedSearch.Scope = if let candidate { .candidate(try CandidateReference(parsing: candidate)) } else { .vacancy(vacancy!) }
            var input = StandardInput()
            var out = Console.Output()
            _ = try GuidedSearch(store: try store.open(), actor: actor.actor, scope: scope).run(input: &input, out: &out)
        }
    }
}
