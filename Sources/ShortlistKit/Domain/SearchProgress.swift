import Foundation

/// The current entry for one planned query, as status and plans show it.
public struct CurrentEntry: Equatable, Sendable {
    public var id: Int64
    public var outcome: SearchOutcome
    public var searchedAt: String
    public var searcher: String
    public var query: String
    public var late: Bool
    /// A finding cites this entry.
    public var cited: Bool

    /// Logged with findings, and no finding recorded from it yet.
    public var findingsToRecord: Bool { outcome == .findings && !cited }
}

/// One step of a candidate's plan, with the current entry of each of its queries.
public struct StepProgress: Equatable, Sendable {
    public var step: SearchStep
    public var queries: [PlannedQuery]
    /// The current entry of each query, in the same order (nil: not done yet).
    public var entries: [CurrentEntry?]

    /// How many of the step's queries have a current entry.
    public var done: Int { entries.count { $0 != nil } }
    /// The step needs a field the candidate lacks, so it has no query.
    public var notApplicable: Bool { queries.isEmpty }
    /// Every query has a current entry.
    public var isDone: Bool { done == queries.count }
    public var couldNotComplete: Bool { entries.contains { $0?.outcome == .couldNotComplete } }

    /// The mark in the status matrix: `0` no results, `N` nothing relevant, `F` findings,
    /// `X` could not complete, `.` not done, `k/n` partly done, `-` not applicable.
    public var mark: String {
        if notApplicable { return "-" }
        if done == 0 { return "." }
        if !isDone { return "\(done)/\(queries.count)" }
        let outcomes = Set(entries.compactMap { $0?.outcome })
        // The most telling outcome of the step's queries stands for the step.
        for outcome in [SearchOutcome.couldNotComplete, .findings, .nothingRelevant] where outcomes.contains(outcome) { return outcome.mark }
        return SearchOutcome.noResults.mark
    }

    /// The legend of the marks, as `status` prints it under the matrix.
    public static let legend = "Marks: " + [SearchOutcome.noResults, .nothingRelevant, .findings, .couldNotComplete]
        .map { "\($0.mark) \($0.meaning)" }.joined(separator: ", ") + ", . not done, k/n partly done, - not applicable."
}

/// Where one candidate's searches stand.
public struct CandidateProgress: Equatable, Sendable {
    public var candidate: Candidate
    public var protocolTitle: String
    public var steps: [StepProgress]
    /// Entries logged with a rule overridden.
    public var overrides: Int
    /// The earliest search logged (current or not), for "told before the first search".
    public var firstSearchedAt: String?
    /// Not searched, under the vacancy's search decision.
    public var excludedByDecision: Bool
    /// The status of each of the candidate's findings.
    public var findings: [FindingStatus] = []

    public var plannedQueries: Int { candidate.purgeSummary?.planned ?? steps.reduce(0) { $0 + $1.queries.count } }
    public var doneQueries: Int { candidate.purgeSummary?.done ?? steps.reduce(0) { $0 + $1.done } }

    /// Told, and told no later than the first search.
    public var toldBeforeSearching: Bool {
        if let stub = candidate.purgeSummary { return stub.toldBeforeFirstSearch != "NO" }
        guard let told = candidate.notifiedOn else { return false }
        guard let first = firstSearchedAt.flatMap(Timestamp.parse(iso:)) else { return true }
        return told <= Day(first)
    }

    /// Still to be searched: not ruled out by the search decision, and not withdrawn.
    public var isActive: Bool { !excludedByDecision && candidate.outcome != .withdrew }

    /// Whether the vacancy's pack holds a dossier for the candidate: every one who has not withdrawn.
    public var inPack: Bool { candidate.outcome != .withdrew }

    /// Searches logged after the interview date (for a purged stub, as its summary recorded).
    public var lateSearches: Int {
        candidate.purgeSummary?.late ?? steps.flatMap(\.entries).count { $0?.late == true }
    }

    /// `10 of 13`, or that the candidate is not searched by decision.
    public var searchesSummary: String {
        excludedByDecision ? "not searched by decision" : "\(doneQueries) of \(plannedQueries)"
    }

    /// Searches are still owed for the candidate: active, and not purged.
    public var owesSearches: Bool { isActive && candidate.purgedOn == nil }

    /// Owes searches and has not yet been told that they may be done: the notice comes first.
    public var awaitsNotice: Bool { owesSearches && candidate.notifiedOn == nil }

    /// What stands between the candidate and a complete search record; empty when complete.
    /// Overrides are reported by `notes`: they are recorded decisions, not gaps.
    public var outstanding: [String] { outstanding(includingNotice: true) }

    /// `outstanding` without the notice, for a page that asks for the notice on its own (`awaitsNotice`).
    public var outstandingAfterNotice: [String] { outstanding(includingNotice: false) }

    private func outstanding(includingNotice: Bool) -> [String] {
        if !owesSearches { return [] }
        var items: [String] = []
        if candidate.notifiedOn == nil {
            if includingNotice { items.append("not told of searches") }
        } else if !toldBeforeSearching {
            items.append("told after searching began")
        }
        let missing = plannedQueries - doneQueries
        if missing > 0 { items.append("\(missing) quer\(missing == 1 ? "y" : "ies") to do") }
        let failed = steps.filter(\.couldNotComplete)
        if !failed.isEmpty { items.append("could not complete: " + failed.map(\.step.key).joined(separator: ", ")) }
        let unrecorded = findingsToRecord
        if !unrecorded.isEmpty { items.append("findings to record: " + unrecorded.joined(separator: ", ")) }
        let undecided = findings.count(where: { $0 == .awaitingDecision })
        if undecided > 0 { items.append("\(undecided) finding\(undecided == 1 ? "" : "s") awaiting decision") }
        let unanswered = findings.count(where: { $0 == .awaitingResponse })
        if unanswered > 0 { items.append("\(unanswered) raised finding\(unanswered == 1 ? "" : "s") awaiting response") }
        let unfollowed = findings.count(where: { $0 == .awaitingFollowUp })
        if unfollowed > 0 { items.append("\(unfollowed) finding\(unfollowed == 1 ? "" : "s") awaiting follow-up") }
        return items
    }

    /// The queries (`STEP.N`) logged with findings from which no finding has been recorded.
    public var findingsToRecord: [String] {
        steps.flatMap { step in
            zip(step.queries, step.entries).compactMap { query, entry in entry?.findingsToRecord == true ? query.address : nil }
        }
    }

    /// Things to know that do not make the record incomplete.
    public var notes: [String] {
        var items: [String] = []
        if let purged = candidate.purgedOn { items.append("purged on \(purged.uk)") }
        if excludedByDecision { items.append("not searched by decision") }
        let toRaise = findings.count(where: { $0 == .raised })
        if toRaise > 0 { items.append("\(toRaise) finding\(toRaise == 1 ? "" : "s") to raise at interview") }
        if candidate.outcome == .withdrew { items.append("withdrew") }
        if overrides > 0 { items.append("\(overrides) override\(overrides == 1 ? "" : "s")") }
        if lateSearches > 0 { items.append("\(lateSearches) late") }
        return items
    }

    public var isComplete: Bool { outstanding.isEmpty }
}

/// Where one vacancy's searches stand.
public struct VacancyProgress: Equatable, Sendable {
    public var vacancy: Vacancy
    public var searchProtocol: SearchProtocol
    public var candidates: [CandidateProgress]
    /// How many protocol versions the vacancy's current search entries used: more than one means
    /// its candidates were not all searched with the same steps.
    public var protocolsUsed: Int

    /// Days from `today` to the interview (negative once it has passed).
    public func daysToInterview(from today: Day) -> Int? {
        vacancy.interviewDate.map { today.days(until: $0) }
    }
}
