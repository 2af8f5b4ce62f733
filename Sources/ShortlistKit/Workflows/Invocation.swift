import Foundation

/// What a command takes from its environment: where the database is, who acts, and the clock.
public struct Invocation: Sendable {
    /// This version of shortlist.
    public static let version = "0.1.0"

    /// The process environment (or a test's stand-in).
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `--db PATH`, else `$SHORTLIST_DB`, else `$XDG_DATA_HOME/shortlist/shortlist.sqlite`
    /// (with `~/.local/share` when XDG_DATA_HOME is not set).
    public func databasePath(flag: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let path = environment["SHORTLIST_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/shortlist/shortlist.sqlite"
    }

    /// `--by NAME`, else `$SHORTLIST_USER`. A `--by` given blank stays blank (and is refused by the
    /// write it was given to), rather than quietly becoming whoever `$SHORTLIST_USER` names.
    public func actor(flag: String?) -> String? {
        if let flag { return flag }
        return environment["SHORTLIST_USER"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The real clock, or a fixed instant from `$SHORTLIST_NOW` (for tests and reproducible documents).
    public func clock() throws(ShortlistError) -> @Sendable () -> Date {
        guard let text = environment["SHORTLIST_NOW"], !text.isEmpty else { return Date.init }
        let fixed = try Timestamp.parse(text, field: "SHORTLIST_NOW")
        return { fixed }
    }

    /// Opens the database named by `flag` or the environment.
    public func openStore(flag: String?) throws(ShortlistError) -> Store {
        try Store.open(at: databasePath(flag: flag), clock: clock())
    }
}
