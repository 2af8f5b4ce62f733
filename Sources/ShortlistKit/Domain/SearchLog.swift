import Foundation

/// What a search found.
public enum SearchOutcome: String, CaseIterable, Codable, Sendable {
    /// Nothing came back: still a completed search.
    case noResults = "no-results"
    /// Results, none of them relevant.
    case nothingRelevant = "nothing-relevant"
    /// Something that may be relevant: record it as a finding.
    case findings
    /// The search could not be done (the note says why).
    case couldNotComplete = "could-not-complete"

    /// The one letter that stands for the outcome, in the status matrix and as the guided run's answer.
    public var mark: String {
        switch self {
        case .noResults: "0"
        case .nothingRelevant: "N"
        case .findings: "F"
        case .couldNotComplete: "X"
        }
    }

    /// What the mark means, as the status legend and the guided run's prompt say it.
    public var meaning: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    public static func parse(_ text: String) throws(ShortlistError) -> SearchOutcome {
        guard let outcome = SearchOutcome(rawValue: text.lowercased()) else {
            throw .invalidValue(field: "--outcome", value: text, expected: "one of " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return outcome
    }
}

/// A rule that refuses a search unless it is overridden with a recorded reason.
public enum SearchRule: String, CaseIterable, Codable, Sendable {
    /// The candidate was not told, before the search, that online searches may be done.
    case notTold = "not-told"
    /// The searcher sits on the vacancy's interview panel.
    case searcherOnPanel = "searcher-on-panel"
    /// The candidate has withdrawn.
    case candidateWithdrawn = "candidate-withdrawn"
    /// The vacancy is closed or withdrawn.
    case vacancyClosed = "vacancy-closed"
}

/// A rule that fails for a search, with what to do about it.
public struct RuleFailure: Equatable, Sendable {
    public var rule: SearchRule
    /// Why the rule fails, in a sentence.
    public var reason: String
    /// How to put it right without an override.
    public var remedy: String
}

/// The public-information-only rules a searcher confirms.
public let publicOnlyRules = "public information only: no login, no account or fake profile, no friend or follow request, no password or username asked for"

/// What a searcher records for one planned query.
public struct SearchLogRequest: Sendable {
    public var candidate: CandidateReference
    /// `STEP` (its first outstanding query) or `STEP.N`.
    public var query: String
    public var outcome: SearchOutcome
    /// Nil means now.
    public var searchedAt: Date?
    /// The query as actually used, when it differs from the planned one.
    public var queryUsed: String?
    public var addresses: [String] = []
    public var note: String = ""
    /// The searcher's statement that only public information was viewed.
    public var confirmedPublicOnly: Bool
    /// Overrides every failing rule, with this recorded reason.
    public var overrideReason: String?
    /// Evidence files to copy in.
    public var evidenceFiles: [String] = []
    /// The guided run this entry belongs to, if any.
    public var runID: String?

    public init(candidate: CandidateReference, query: String, outcome: SearchOutcome, confirmedPublicOnly: Bool) {
        self.candidate = candidate
        self.query = query
        self.outcome = outcome
        self.confirmedPublicOnly = confirmedPublicOnly
    }
}

/// One logged search, as kept in the history.
public struct SearchEntry: Equatable, Sendable {
    /// Where an entry stands in the history of its query.
    public enum State: String, Sendable {
        /// The newest entry for its query that is not withdrawn.
        case current
        /// A newer entry for the same query replaced it.
        case superseded
        /// Withdrawn as a mistake, with a reason.
        case withdrawn
    }

    public var id: Int64
    public var candidate: CandidateReference
    public var protocolTitle: String
    public var stepKey: String
    public var plannedQuery: String
    public var query: String
    public var searchedAt: String
    public var searcher: String
    public var outcome: SearchOutcome
    public var note: String
    public var late: Bool
    public var recordedAt: String
    public var addresses: [String]
    public var overrides: [(rule: SearchRule, reason: String)]
    public var evidence: [(sha256: String, name: String, size: Int)]
    public var state: State
    public var withdrawnReason: String?

    /// The query used differs from the planned one.
    public var queryChanged: Bool { query != plannedQuery }

    public static func == (lhs: SearchEntry, rhs: SearchEntry) -> Bool {
        lhs.id == rhs.id && lhs.recordedAt == rhs.recordedAt && lhs.state == rhs.state
    }
}

/// The result of logging a search.
public struct LoggedSearch: Sendable {
    public var entry: SearchEntry
    /// The planned query it was logged against (`web-name-employer.2`).
    public var address: String
    /// Queries of the same step still outstanding.
    public var remainingInStep: Int
    /// Things the searcher should know (a late search, a changed query).
    public var warnings: [String]
}

extension ShortlistError {
    /// Rules refused a search; the message lists each with its remedy and the override.
    static func rulesRefused(record: String, failures: [RuleFailure]) -> ShortlistError {
        .notAllowed(record: record, reason: "the search cannot be logged: " + failures.map(\.reason).joined(separator: "; "),
                    remedy: failures.map(\.remedy).joined(separator: " ")
                        + " To go ahead anyway, add --override REASON: the reason is recorded and appears in audits.")
    }
}
