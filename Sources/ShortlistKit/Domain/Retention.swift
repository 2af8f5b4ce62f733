import Foundation

/// A candidate whose personal data is due for purge, and what happens to it.
public struct PurgeItem: Equatable, Sendable {
    public enum Action: String, Sendable {
        /// Not appointed or withdrew: every personal field goes.
        case remove
        /// The appointee: the search record is reduced to one line.
        case reduce
    }

    public var candidate: CandidateReference
    public var candidateID: Int64
    public var outcome: CandidateOutcome
    public var closedOn: Day
    public var dueOn: Day
    public var action: Action
}

/// What `purge` found: what is due, and the vacancies held from purge.
public struct PurgePlan: Equatable, Sendable {
    public var due: [PurgeItem]
    public var held: [(vacancy: String, reason: String)]
    public var retentionMonths: Int

    public static func == (lhs: PurgePlan, rhs: PurgePlan) -> Bool {
        lhs.due == rhs.due && lhs.held.map(\.vacancy) == rhs.held.map(\.vacancy) && lhs.retentionMonths == rhs.retentionMonths
    }
}

/// What `purge --apply` did.
public struct PurgeResult: Equatable, Sendable, Codable {
    public var candidates = 0
    public var removed = 0
    public var reduced = 0
    public var searchEntries = 0
    public var findings = 0
    public var evidenceFiles = 0
    public var auditDetails = 0
    public var vacancies: [String] = []
    /// Evidence files that no record named before this purge (left by an interrupted purge or search),
    /// removed with it and recorded in an event of their own; not part of the purge event's counts.
    public var unreferencedEvidenceRemoved = 0

    private enum CodingKeys: String, CodingKey {
        case candidates, removed, reduced, searchEntries, findings, evidenceFiles, auditDetails, vacancies
    }

    /// Adds the counts of another batch of the same purge.
    mutating func add(_ other: PurgeResult) {
        candidates += other.candidates
        removed += other.removed
        reduced += other.reduced
        searchEntries += other.searchEntries
        findings += other.findings
        evidenceFiles += other.evidenceFiles
        auditDetails += other.auditDetails
        vacancies = Array(Set(vacancies).union(other.vacancies)).sorted()
        unreferencedEvidenceRemoved += other.unreferencedEvidenceRemoved
    }
}

extension PurgeSummary {
    /// What a purged candidate's stub keeps of their searches: the counts, the judgement, and for
    /// the appointee (whose record is reduced) the one line of what was done.
    init(_ assessed: CandidateCompliance, action: PurgeItem.Action) {
        let c = assessed.progress
        let entries = c.steps.flatMap(\.entries).compactMap { $0 }
        let last = entries.compactMap { Timestamp.parse(iso: $0.searchedAt) }.max()
        let searchers = Set(entries.map(\.searcher)).sorted().joined(separator: ", ")
        let raised = c.findings.contains(where: \.wasRaised)
        self.init(
            planned: c.plannedQueries, done: c.doneQueries, complete: c.isComplete,
            toldBeforeFirstSearch: assessed.toldBeforeFirstSearch, late: assessed.late,
            exceptions: assessed.exceptions.map(\.kind),
            line: action == .reduce
                ? "Online search completed on \(last.map { Day($0).uk } ?? "no date") by \(searchers.isEmpty ? "nobody" : searchers); outcome: "
                    + (raised ? "findings raised at interview" : c.findings.isEmpty ? "nothing relevant found" : "nothing raised at interview")
                : nil,
            scr: action == .reduce ? SCRFacts(c) : nil)
    }
}
