import Foundation

/// The rules that decide whether a search may be logged, and of which planned query: functions of
/// the candidate, the vacancy, the searcher and the plan, called by the store's logging and by the guided search.
public enum SearchRules {
    /// The rules that would refuse a search of `candidate` (of `vacancy`) by `searcher` on `day`;
    /// each may be overridden with a reason. A nil searcher is the setup of a new database.
    public static func failures(candidate: Candidate, vacancy: Vacancy, searcher: String?, on day: Day) -> [RuleFailure] {
        var failures: [RuleFailure] = []
        let ref = candidate.reference.description
        if let told = candidate.notifiedOn {
            if told > day {
                failures.append(RuleFailure(rule: .notTold, reason: "the candidate was told of online searches on \(told.uk), after this search",
                                            remedy: "Search on or after the day they were told."))
            }
        } else {
            failures.append(RuleFailure(rule: .notTold, reason: "the candidate has not been told that online searches may be done",
                                        remedy: "Record it first: `shortlist candidate notify \(ref) --via email`."))
        }
        if let searcher, vacancy.panel.contains(where: { $0.caseInsensitiveCompare(searcher) == .orderedSame }) {
            failures.append(RuleFailure(rule: .searcherOnPanel, reason: "\(searcher) sits on this vacancy's interview panel",
                                        remedy: "Ask a searcher who is not on the panel, so the panel sees only what it needs."))
        }
        if candidate.outcome == .withdrew {
            failures.append(RuleFailure(rule: .candidateWithdrawn, reason: "the candidate has withdrawn", remedy: "Searches stop when a candidate withdraws."))
        }
        if vacancy.status.isFinal {
            failures.append(RuleFailure(rule: .vacancyClosed, reason: "the vacancy is \(vacancy.status.rawValue)", remedy: "Searches stop when a vacancy closes."))
        }
        return failures
    }

    /// Refuses a search that the vacancy's search decision rules out (no override: the decision is changed instead).
    public static func checkDecision(vacancy: Vacancy, candidate: Candidate) throws(ShortlistError) {
        if vacancy.excludes(candidate) {
            throw .notAllowed(
                record: candidate.reference.description,
                reason: "the vacancy's search decision is that this candidate is not searched (\(vacancy.searchDecisionReason))",
                remedy: "Change the decision first: `shortlist vacancy search-decision \(vacancy.reference) --search all`.")
        }
    }

    /// The step a searcher's `STEP.N` or `STEP` names.
    public static func stepKey(of text: String) -> String {
        String(text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Finds the planned query a searcher names in the candidate's `plan`: `STEP.N`, or `STEP` for its only
    /// or first outstanding query, where `done` holds the step's queries that have a current entry.
    public static func resolve(_ text: String, in plan: [(step: SearchStep, queries: [PlannedQuery])], of candidate: Candidate,
                               protocol searchProtocol: SearchProtocol, done: Set<String>) throws(ShortlistError) -> PlannedQuery {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let key = stepKey(of: text)
        guard let entry = plan.first(where: { $0.step.key == key }) else {
            throw .invalidValue(field: "step", value: text, expected: "a step of \(searchProtocol.title): "
                + searchProtocol.steps.map(\.key).joined(separator: ", "))
        }
        let queries = entry.queries
        guard !queries.isEmpty else {
            throw .notAllowed(record: candidate.reference.description,
                              reason: "step \(key) has no query for this candidate (it needs a field they do not have)",
                              remedy: "Add the missing detail with `shortlist candidate update`, or go on to the next step.")
        }
        if parts.count == 2 {
            guard let number = Int(parts[1]), (1...queries.count).contains(number) else {
                throw .invalidValue(field: "step", value: text, expected: "one of " + queries.map(\.address).joined(separator: ", "))
            }
            return queries[number - 1]
        }
        if queries.count == 1 { return queries[0] }
        guard let next = queries.first(where: { !done.contains($0.query) }) else {
            throw .notAllowed(record: candidate.reference.description,
                              reason: "all \(queries.count) queries of \(key) are logged",
                              remedy: "To log one again, name it: " + queries.map(\.address).joined(separator: ", ") + ".")
        }
        return next
    }
}
