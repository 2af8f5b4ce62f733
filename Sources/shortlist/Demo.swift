import ArgumentParser
import ShortlistKit

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a demonstration database of fictional people and show what to try next.")

    @Option(help: "The folder for the demonstration database.") var dir: String = "shortlist-demo"

    func run() throws {
        let invocation = Invocation()
        for line in try ShortlistKit.Demo.build(in: dir, clock: invocation.clock()) { Console.print(line) }
        Console.print("""

            Try next:
              export SHORTLIST_DB=\(dir)/shortlist.sqlite SHORTLIST_USER="\(ShortlistKit.Demo.searcher)"
              swift run shortlist vacancy list
              swift run shortlist candidate list --vacancy TA-2026-03
            """)
    }
}
