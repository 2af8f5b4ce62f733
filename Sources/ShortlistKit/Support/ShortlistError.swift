import Foundation

/// Every failure that ShortlistKit reports to a user.
///
/// Each message says what is wrong, which record, line or file, and how to fix it.
/// Messages never quote personal data beyond the reference of the record named.
public enum ShortlistError: Error, Equatable, Sendable {
    /// A value given on the command line or in a file has the wrong form.
    case invalidValue(field: String, value: String, expected: String)
    /// A record given on the command line does not hold together.
    case invalidRecord(record: String, reason: String)
    /// A value holds a character that could disguise what is shown (a control character or a
    /// bidirectional override); the value itself is not repeated.
    case unsafeText(record: String, field: String, character: String)
    /// A staff name could be mistaken for an existing one.
    case confusableName(name: String, existing: String)
    /// Values a record needs were not given: every one named at once, each with what it should say.
    case missingValues(record: String, fields: [String], hints: [String])
    /// A statement the user must make explicitly was not given.
    case confirmationRequired(statement: String, flag: String)
    /// A date is not in an accepted form, or is not a real date.
    case invalidDate(field: String, value: String)
    /// No database exists at the path; `shortlist init` creates one.
    case databaseMissing(path: String)
    /// `init` was asked to create a database where one already exists.
    case databaseExists(path: String)
    /// The file exists but is not a shortlist database.
    case notAShortlistDatabase(path: String)
    /// The database was written by a newer version of shortlist.
    case newerSchema(path: String, migration: String)
    /// The database could not be opened, read or written.
    case storage(path: String, reason: String)
    /// A change was attempted without naming who is acting.
    case actorRequired
    /// The acting name is not a staff member.
    case unknownActor(name: String)
    /// The acting staff member lacks a role the operation needs.
    case roleRequired(actor: String, roles: [String], operation: String)
    /// A staff member with that name already exists.
    case duplicateStaff(name: String)
    /// No staff member has that name.
    case unknownStaff(name: String)
    /// A vacancy with that reference already exists.
    case duplicateVacancy(reference: String)
    /// No vacancy has that reference.
    case unknownVacancy(reference: String)
    /// No candidate has that reference.
    case unknownCandidate(reference: String)
    /// No finding has that reference.
    case unknownFinding(reference: String)
    /// No protocol has that name (or name and version).
    case unknownProtocol(name: String)
    /// The operation is not allowed in the record's current state.
    case notAllowed(record: String, reason: String, remedy: String)
    /// An import file has problems; nothing was imported.
    case importRejected(file: String, problems: [ImportProblem])
    /// A template could not be used; nothing was written.
    case template(file: String, line: Int, reason: String)
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// A line of an anchors file (heads recorded by `audit anchor`) cannot be read.
    case anchorsFile(path: String, line: Int, reason: String)

    /// The exit status a command returns for this error: 64 for usage mistakes, 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .invalidValue, .invalidRecord, .missingValues, .unsafeText, .invalidDate, .actorRequired, .confirmationRequired: 64
        default: 1
        }
    }

    /// The message shown to the user.
    public var message: String {
        switch self {
        case let .invalidValue(field, value, expected):
            "\(field): " + ShortlistError.notValid(value, expected: expected)
        case let .invalidRecord(record, reason):
            "\(record): \(reason); correct it and try again."
        case let .unsafeText(record, field, character):
            "\(record): \(field) holds the character \(character) (a control character or a bidirectional override), which could "
                + "disguise what is shown on screen or in documents; remove it (retype the text rather than pasting it) and try again."
        case let .confusableName(name, existing):
            "'\(name)' could be mistaken for the staff member '\(existing)' (letters from another alphabet that look alike, or the same "
                + "name spelt another way); use '\(existing)' if it is them, or a name that reads differently."
        case let .missingValues(record, fields, hints):
            "\(record): missing \(fields.joined(separator: ", ")). Give "
                + zip(fields, hints).map { "\($0) (\($1))" }.joined(separator: ", ") + "."
        case let .confirmationRequired(statement, flag):
            "Nothing was recorded: confirm that \(statement) by adding \(flag)."
        case let .invalidDate(field, value):
            "\(field): " + ShortlistError.notADate(value)
        case let .databaseMissing(path):
            "No shortlist database at \(path). Create one with `shortlist init --admin NAME`, or point to one with --db PATH or SHORTLIST_DB."
        case let .databaseExists(path):
            "A database already exists at \(path). Use it as it is, or give another path with --db PATH."
        case let .notAShortlistDatabase(path):
            "\(path) is not a shortlist database; nothing was changed. Check --db or SHORTLIST_DB."
        case let .newerSchema(path, migration):
            "\(path) was written by a newer version of shortlist (it has schema migration \(migration), which this version does not know); nothing was changed. Use a newer shortlist."
        case let .storage(path, reason):
            "The database at \(path) could not be used: \(reason). Nothing was changed."
        case .actorRequired:
            "This command records who acted: give --by NAME or set SHORTLIST_USER to a staff member's name."
        case let .unknownActor(name):
            "'\(name)' is not a staff member. Check the spelling (`shortlist staff list`), or have an admin add them with `shortlist staff add \"\(name)\" --role searcher --by ADMIN`."
        case let .roleRequired(actor, roles, operation):
            "\(actor) cannot \(operation): it needs the role \(roles.joined(separator: " or ")). An admin can add it with `shortlist staff update \"\(actor)\" --add-role \(roles[0]) --by ADMIN`."
        case let .duplicateStaff(name):
            "A staff member named '\(name)' already exists; see `shortlist staff list`."
        case let .unknownStaff(name):
            "No staff member named '\(name)'; see `shortlist staff list`, or add them with `shortlist staff add`."
        case let .duplicateVacancy(reference):
            "A vacancy with reference \(reference) already exists. Choose another reference, or change that vacancy with `shortlist vacancy update \(reference)`."
        case let .unknownVacancy(reference):
            "No vacancy with reference \(reference); see `shortlist vacancy list`."
        case let .unknownCandidate(reference):
            "No candidate \(reference); see `shortlist candidate list --vacancy \(reference.split(separator: "/").dropLast().joined(separator: "/"))`."
        case let .unknownFinding(reference):
            "No finding \(reference); see `shortlist finding list --candidate \(reference.split(separator: "/").dropLast().joined(separator: "/"))`."
        case let .unknownProtocol(name):
            "No search protocol '\(name)'; see `shortlist protocol list`, or import one with `shortlist protocol import FILE`."
        case let .notAllowed(record, reason, remedy):
            "\(record): \(reason). \(remedy)"
        case let .importRejected(file, problems):
            (["\(file): nothing was imported; fix these rows and import again:"]
                + problems.map { "  \($0.place): \($0.reason)" }).joined(separator: "\n")
        case let .template(file, line, reason):
            "\(file):\(line): \(reason). Nothing was written; fix the template, or remove it to use the built-in one."
        case let .file(path, reason):
            "\(path): \(reason)."
        case let .anchorsFile(path, line, reason):
            "\(path):\(line): \(reason). Nothing was checked or written; correct the line as `shortlist audit anchor` writes it "
                + "(DATE EVENT HASH FINGERPRINT), or remove it."
        }
    }
}

/// One reason an import file was refused, with where in the file it is.
public struct ImportProblem: Equatable, Sendable {
    /// Where a problem is: a line of a text file, or a spreadsheet row and perhaps its column.
    public enum Location: Equatable, Sendable {
        /// The physical line of a text file on which the record starts (1-based).
        case line(Int)
        /// The row as a spreadsheet numbers it (the header is row 1), and the header of the column at fault.
        case row(Int, column: String?)
    }

    /// Where the problem is.
    public var location: Location
    /// What is wrong with the record, and how to fix it.
    public var reason: String

    /// A problem on a line of a text file.
    public init(line: Int, reason: String) {
        self.init(location: .line(line), reason: reason)
    }

    /// A problem in a spreadsheet row, in the column with this header when one cell is at fault.
    public init(row: Int, column: String? = nil, reason: String) {
        self.init(location: .row(row, column: column), reason: reason)
    }

    init(location: Location, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// `line 7`, `row 3`, or `row 3, Told on`.
    public var place: String {
        switch location {
        case let .line(line): "line \(line)"
        case let .row(row, column?): "row \(row), \(column)"
        case let .row(row, nil): "row \(row)"
        }
    }

    /// The number of the line or row the problem is on, which puts problems in file order.
    public var line: Int {
        switch location {
        case let .line(line): line
        case let .row(row, _): row
        }
    }
}

extension ShortlistError {
    /// Why a value has the wrong form, with what is expected.
    static func notValid(_ value: String, expected: String) -> String {
        "'\(value)' is not valid; expected \(expected)."
    }

    /// Why a value is not a date, with the forms that are accepted.
    static func notADate(_ value: String) -> String {
        "'\(value)' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, "
            + "27 November 2026) or as YYYY-MM-DD (2026-11-27)."
    }
}

extension ShortlistError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { message }
    public var description: String { message }
}
