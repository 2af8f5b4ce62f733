import ArgumentParser
import Foundation
import ShortlistKit

extension OutputFormat: ExpressibleByArgument {}

/// Where the database is.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $SHORTLIST_DB, else $XDG_DATA_HOME/shortlist/shortlist.sqlite).")
    var db: String?

    func open() throws -> Store { try Invocation().openStore(flag: db) }
}

/// Who is acting, for commands that change the database.
struct ActorOptions: ParsableArguments {
    @Option(help: "The staff member acting (default: $SHORTLIST_USER).")
    var by: String?

    var actor: String? { Invocation().actor(flag: by) }
}

/// Who is reading, for listings that withhold what a role may not see.
struct ViewerOptions: ParsableArguments {
    @Option(help: "The staff member reading (default: $SHORTLIST_USER); a finding about a protected characteristic is shown only to the searcher who recorded it and admins.")
    var by: String?

    var actor: String? { Invocation().actor(flag: by) }
}

/// The output format of listings and records.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}

/// Standard output and standard error for the commands.
enum Console {
    struct Output: TextOutputStream {
        mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
    }

    static func print(_ text: String) {
        var out = Output()
        out.write(text + "\n")
    }

    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static func list(_ listing: Listing, _ format: OutputFormat) {
        var out = Output()
        listing.write(format, to: &out)
    }

    static func record(_ listing: Listing, _ format: OutputFormat) {
        var out = Output()
        listing.writeRecord(format, to: &out)
    }
}

/// Parses an optional date option with the library's one date parser.
func day(_ text: String?, _ field: String) throws -> Day? {
    try text.map { (t) throws(ShortlistError) in try Day.parse(t, field: field) }
}
