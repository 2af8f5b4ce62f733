import ArgumentParser
import ShortlistKit

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a demonstration database of fictional people and show what to try next.")

    @Option(help: "The folder for the demonstration database.") var dir: String = "shortlist-demo"

    func run() throws {
        let invocation = Invocation()
        let year = Day(try invocation.clock()()).year
        for line in try ShortlistKit.Demo.build(in: dir, clock: invocation.clock()) { Console.print(line) }
        let web = try ShortlistKit.Demo.webSignIn(in: dir, clock: invocation.clock())
        Console.print("""

            Try next (as the searcher):
              export SHORTLIST_DB=\(dir)/shortlist.sqlite SHORTLIST_USER="\(ShortlistKit.Demo.searcher)"
              swift run shortlist status
              swift run shortlist check plan TA-2026-03/2
              swift run shortlist check run TA-2026-03/2
              swift run shortlist dossier TA-2026-03/1
              SHORTLIST_USER="Grace Okafor" swift run shortlist report --from \(year)-01-01 --to \(year)-12-31
              swift run shortlist audit verify
              swift run shortlist purge

            Or in a browser (demo only: a password made for this demonstration):
              swift run shortlist serve --db \(dir)/shortlist.sqlite
              then open http://127.0.0.1:8080/ and sign in as \(web.name), password \(web.password)
            """)
    }
}
