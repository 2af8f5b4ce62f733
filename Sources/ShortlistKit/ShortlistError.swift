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

    /// The exit status a command returns for this error: 64 for usage mistakes, 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .invalidValue, .invalidRecord, .missingValues, .invalidDate, .actorRequired, .confirmationRequired: 64
        default: 1
        }
    }

    /// The message shown to the user.
    public var message: String {
        switch self {
        case let .invalidValue(field, value, expected):
            "\(field): '\(value)' is not valid; expected \(expected)."
        case let .invalidRecord(record, reason):
            "\(record): \(reason); correct it and try again."
        case let .missingValues(record, fields, hints):
            "\(record): missing \(fields.joined(separator: ", ")). Give "
                + zip(fields, hints).map { "\($0) (\($1))" }.joined(separator: ", ") + "."
        case let .confirmationRequired(statement, flag):
            "Nothing was recorded: confirm that \(statement) by adding \(flag)."
        case let .invalidDate(field, value):
            "\(field): '\(value)' is not a date; use YYYY-MM-DD (2026-12-10) or DD/MM/YYYY (10/12/2026)."
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
                + problems.map { "  line \($0.line): \($0.reason)" }).joined(separator: "\n")
        case let .template(file, line, reason):
            "\(file):\(line): \(reason). Nothing was written; fix the template, or remove it to use the built-in one."
        case let .file(path, reason):
            "\(path): \(reason)."
        }
    }
}

/// One reason an import file was refused, with the line of the file where its record starts.
public struct ImportProblem: Equatable, Sendable {
    /// The physical line of the file on which the record starts (1-based).
    public var line: Int
    /// What is wrong with the record, and how to fix it.
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

extension ShortlistError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { message }
    public var description: String { message }
}
