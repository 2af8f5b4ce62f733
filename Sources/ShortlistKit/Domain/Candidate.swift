import Foundation

/// How a candidate was told that online searches may be done.
public enum NotificationMeans: String, CaseIterable, Codable, Sendable {
    case email, letter, applicationPack = "application-pack", privacyNotice = "privacy-notice", phone, inPerson = "in-person"

    public static func parse(_ text: String, field: String = "--via") throws(ShortlistError) -> NotificationMeans {
        guard let means = NotificationMeans(rawValue: text.lowercased().trimmed) else {
            throw .invalidValue(field: field, value: text, expected: "one of " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return means
    }
}

/// What became of a candidate.
public enum CandidateOutcome: String, CaseIterable, Codable, Sendable {
    case pending, appointed, notAppointed = "not-appointed", withdrew
}

/// A candidate's stable reference: the vacancy reference and a number, `TA-2026-03/2`.
public struct CandidateReference: Hashable, Sendable, CustomStringConvertible {
    public var vacancy: String
    public var number: Int

    public init(vacancy: String, number: Int) {
        self.vacancy = vacancy
        self.number = number
    }

    /// Parses `VACANCY/NUMBER`.
    public init(parsing text: String) throws(ShortlistError) {
        let text = text.trimmed
        guard let slash = text.lastIndex(of: "/"), let number = Int(text[text.index(after: slash)...]), number > 0,
              let vacancy = try? Vacancy.validate(reference: String(text[..<slash])) else {
            throw .invalidValue(field: "candidate", value: text, expected: "a candidate reference such as TA-2026-03/2 (vacancy/number)")
        }
        self.init(vacancy: vacancy, number: number)
    }

    public var description: String { "\(vacancy)/\(number)" }
}

/// One shortlisted applicant for one vacancy.
public struct Candidate: Equatable, Sendable {
    public var id: Int64
    public var vacancyID: Int64
    public var reference: CandidateReference
    public var fullName: String
    /// Previous, maiden or known-as names.
    public var otherNames: [String]
    public var town: String
    public var currentEmployer: String
    public var previousEmployers: [String]
    public var email: String
    public var shortlistedOn: Day
    public var notifiedOn: Day?
    public var notifiedVia: NotificationMeans?
    public var outcome: CandidateOutcome
    public var outcomeOn: Day?
    public var createdAt: String
    public var updatedAt: String
    /// Not searched, under the vacancy's search decision `some`.
    public var searchExcluded: Bool = false
    /// When the candidate's personal data was purged; the record is then an anonymous stub.
    public var purgedOn: Day?
    /// What the record said when it was purged.
    public var purgeSummary: PurgeSummary?

    /// Current and previous employers, current first.
    public var employers: [String] {
        (currentEmployer.isEmpty ? [] : [currentEmployer]) + previousEmployers
    }
}

/// What is given to add a candidate.
public struct CandidateDraft: Equatable, Sendable {
    public var fullName: String
    public var otherNames: [String] = []
    public var town: String = ""
    public var currentEmployer: String = ""
    public var previousEmployers: [String] = []
    public var email: String = ""
    /// Nil means today.
    public var shortlistedOn: Day?
    public var notifiedOn: Day?
    public var notifiedVia: NotificationMeans?

    public init(fullName: String) {
        self.fullName = fullName
    }
}

/// Changes to a candidate; nil leaves a field as it is.
public struct CandidateChanges: Sendable {
    public var fullName: String?
    public var town: String?
    public var currentEmployer: String?
    public var email: String?
    public var shortlistedOn: Day?
    public var addOtherNames: [String] = []
    public var removeOtherNames: [String] = []
    public var addPreviousEmployers: [String] = []
    public var removePreviousEmployers: [String] = []

    public init() {}
}

extension CandidateDraft {
    /// Trims every field and checks it, returning the reason it cannot be stored, if any.
    mutating func normalise(today: Day) -> String? {
        func clean(_ text: String) -> String { text.trimmed }
        fullName = clean(fullName)
        town = clean(town)
        currentEmployer = clean(currentEmployer)
        email = clean(email)
        otherNames = otherNames.map(clean).filter { !$0.isEmpty }
        previousEmployers = previousEmployers.map(clean).filter { !$0.isEmpty }
        if fullName.isEmpty { return "the full name is empty" }
        let fields = [fullName, town, currentEmployer, email] + otherNames + previousEmployers
        if fields.contains(where: { $0.contains(where: \.isNewline) }) {
            return "a field holds a line break; names, town, employers and email each fit on one line"
        }
        if !email.isEmpty, !CandidateDraft.looksLikeEmail(email) {
            return "the email address is not valid"
        }
        if let notifiedOn, notifiedOn > today { return "the date told (\(notifiedOn.iso)) is in the future" }
        if (notifiedOn == nil) != (notifiedVia == nil) {
            return "the date told and how they were told go together: give both or neither"
        }
        return nil
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

/// What a purged record said, kept on its stub: counts and flags, never personal data.
public struct PurgeSummary: Codable, Equatable, Sendable {
    public var planned: Int
    public var done: Int
    public var complete: Bool
    /// `yes`, `NO` or `not searched yet`.
    public var toldBeforeFirstSearch: String
    public var late: Int
    /// The kinds of exception the record showed (see the report).
    public var exceptions: [String]
    /// For the appointee: "Online search completed on DATE by NAME; outcome: ...".
    public var line: String?
    /// For the appointee, the parts of their single central record line (from schema 0007's version on).
    public var scr: SCRFacts?
}

extension Vacancy {
    /// The search decision rules this candidate out: none are searched, or some and not this one.
    func excludes(_ candidate: Candidate) -> Bool {
        searchDecision == .none || (searchDecision == .some && candidate.searchExcluded)
    }
}

extension VacancyChanges {
    /// Reads `--appoint`: a candidate of `vacancy` by number (2) or by reference (TA-2026-03/2).
    public static func appointee(_ text: String, of vacancy: String) throws(ShortlistError) -> Int {
        let text = text.trimmed, vacancy = vacancy.trimmed
        let expected = "a candidate of \(vacancy), by number or reference (such as 1 or \(vacancy)/1)"
        if let number = Int(text), number > 0 { return number }
        guard let reference = try? CandidateReference(parsing: text) else {
            throw .invalidValue(field: "--appoint", value: text, expected: expected)
        }
        guard reference.vacancy.caseInsensitiveCompare(vacancy) == .orderedSame else {
            throw .invalidValue(field: "--appoint", value: text, expected: expected + ", not of \(reference.vacancy)")
        }
        return reference.number
    }
}

/// What a purged appointee's stub keeps for their single central record line (no personal data
/// beyond the searchers' names, which are staff).
public struct SCRFacts: Codable, Equatable, Sendable {
    /// ISO date of the last search, when the search was completed.
    public var completedOn: String?
    public var searchedBy: String
    public var outcome: String

    enum CodingKeys: String, CodingKey {
        case completedOn = "completed_on", searchedBy = "searched_by", outcome
    }
}
