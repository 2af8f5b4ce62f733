import Foundation

/// The scope of a report: one vacancy, or the vacancies interviewing in a period (by interview
/// date, or by the date the vacancy was added when it has none).
public enum ReportScope: Sendable {
    case vacancy(String)
    case period(from: Day, to: Day)
}

/// What the compliance rules look at for one vacancy: its progress, and the searches, overrides,
/// findings and corrections beside it. Read by the store; judged by `ComplianceRules`.
public struct ComplianceFacts: Sendable {
    /// A search made by a member of the vacancy's own panel.
    public struct PanelSearch: Encodable, Sendable {
        public var candidate: String
        public var entry: Int64
        public var searcher: String
        public var date: String
    }

    /// A rule that a searcher overrode, with the reason given.
    public struct Override: Encodable, Sendable {
        public var candidate: String
        public var entry: Int64
        public var rule: String
        public var reason: String
        public var by: String
        public var date: String
    }

    /// A notice a candidate was sent (schema 0007): when, how, and which version; never its text.
    public struct NoticeSent: Sendable {
        public var on: Day
        public var via: String
        public var version: String
    }

    /// A finding at its current version: counted, never quoted.
    public struct FindingTally: Sendable {
        public var reference: String
        public var category: String
        public var decision: String
        public var concluded: Bool
    }

    /// A correction that removed a finding's protected-characteristic mark: who, when and why.
    public struct MarkRemoval: Sendable {
        public var candidate: String
        public var detail: String
    }

    /// The panel documents produced, by kind and person.
    public struct Document: Encodable, Sendable {
        public var kind: String
        public var by: String
        public var count: Int
        public var last: String
    }

    public var progress: VacancyProgress
    public var panelSearches: [PanelSearch] = []
    public var overrides: [Override] = []
    public var findings: [FindingTally] = []
    public var markRemovals: [MarkRemoval] = []
    public var documents: [Document] = []
    /// The notices each candidate (by id) was sent, in order.
    public var notices: [Int64: [NoticeSent]] = [:]
    public var retentionMonths: Int

    public init(progress: VacancyProgress, retentionMonths: Int) {
        self.progress = progress
        self.retentionMonths = retentionMonths
    }
}

/// One departure from the process.
public struct ComplianceException: Encodable, Sendable {
    public var vacancy: String
    public var candidate: String
    public var kind: String
    public var detail: String
}

/// How one candidate's searches measure against the process.
public struct CandidateCompliance: Sendable {
    public var progress: CandidateProgress
    /// `yes`, `NO`, or `not searched yet`.
    public var toldBeforeFirstSearch: String
    public var late: Int
    /// Queries not done, counted only while the candidate is active.
    public var missing: Int
    public var completeBeforeInterview: Bool
    public var compliant: Bool
    /// The exceptions this candidate showed, in the order the rules found them.
    public var exceptions: [ComplianceException]
}

/// How one vacancy's searches measure against the process.
public struct VacancyCompliance: Sendable {
    public var facts: ComplianceFacts
    /// Every candidate searched with the same protocol version.
    public var sameSteps: Bool
    public var candidates: [CandidateCompliance]
    /// Where its personal data is in the retention period.
    public var retention: String
    /// Every exception, vacancy-wide and of its candidates, in the order the rules found them.
    public var exceptions: [ComplianceException]
}

/// The rules by which the governors' report, and the purge's record of what was done, judge a vacancy.
public enum ComplianceRules {
    /// The kinds of exception, in the order the report lists them.
    public static let kinds: [(kind: String, label: String)] = [
        ("not-told", "Searched without having been told first"),
        ("not-all-searched", "Not every shortlisted candidate searched (decision and reason)"),
        ("different-steps", "Candidates of one vacancy searched with different protocols"),
        ("incomplete", "Searches missing"),
        ("could-not-complete", "Searches that could not be completed"),
        ("unrecorded-finding", "Searches logged with findings but no finding recorded"),
        ("late", "Searches after the interview date"),
        ("panel-searcher", "Searches by a member of the interview panel"),
        ("override", "Rules overridden"),
        ("undecided-finding", "Findings awaiting a decision"),
        ("unanswered-finding", "Raised findings without a response after the interview"),
        ("awaiting-follow-up", "Further checks or a remaining concern with no follow-up recorded"),
        ("protected-mark-removed", "Findings whose protected-characteristic mark was removed"),
        ("purge-overdue", "Personal data past its retention date"),
    ]

    /// Judges a vacancy on `today`.
    public static func assess(_ facts: ComplianceFacts, today: Day) -> VacancyCompliance {
        let vacancy = facts.progress.vacancy
        var exceptions: [ComplianceException] = []
        if vacancy.searchDecision != .all {
            exceptions.append(ComplianceException(vacancy: vacancy.reference, candidate: "", kind: "not-all-searched",
                                                  detail: "search decision \(vacancy.searchDecision.rawValue): \(vacancy.searchDecisionReason)"))
        }
        let sameSteps = facts.progress.protocolsUsed <= 1
        if !sameSteps {
            exceptions.append(ComplianceException(vacancy: vacancy.reference, candidate: "", kind: "different-steps",
                                                  detail: "\(facts.progress.protocolsUsed) protocol versions used"))
        }
        let panelSearches = Dictionary(grouping: facts.panelSearches, by: \.candidate)
        let overrides = Dictionary(grouping: facts.overrides, by: \.candidate)
        let interviewPassed = vacancy.interviewDate.map { today > $0 } ?? false
        let candidates = facts.progress.candidates.map { progress in
            let ref = progress.candidate.reference.description
            return assess(progress, of: vacancy, panelSearches: panelSearches[ref] ?? [], overrides: overrides[ref] ?? [],
                          markRemovals: facts.markRemovals.filter { $0.candidate == ref }, interviewPassed: interviewPassed)
        }
        exceptions += candidates.flatMap(\.exceptions)
        let retention = retention(of: facts, today: today)
        if let overdue = retention.overdue {
            exceptions.append(ComplianceException(vacancy: vacancy.reference, candidate: "", kind: "purge-overdue",
                                                  detail: "due on \(overdue.uk)"))
        }
        return VacancyCompliance(facts: facts, sameSteps: sameSteps, candidates: candidates, retention: retention.text,
                                 exceptions: exceptions)
    }

    /// Judges one candidate of `vacancy`.
    static func assess(_ c: CandidateProgress, of vacancy: Vacancy, panelSearches: [ComplianceFacts.PanelSearch],
                       overrides: [ComplianceFacts.Override], markRemovals: [ComplianceFacts.MarkRemoval],
                       interviewPassed: Bool) -> CandidateCompliance {
        let ref = c.candidate.reference.description
        var exceptions: [ComplianceException] = []
        func flag(_ kind: String, _ detail: String) {
            exceptions.append(ComplianceException(vacancy: vacancy.reference, candidate: ref, kind: kind, detail: detail))
        }
        let searchedAtAll = c.firstSearchedAt != nil
        if searchedAtAll && !c.toldBeforeSearching {
            flag("not-told", c.candidate.notifiedOn.map { "told on \($0.uk), after the first search" } ?? "never told")
        }
        let missing = c.plannedQueries - c.doneQueries
        let active = c.isActive
        if active && missing > 0 { flag("incomplete", "\(missing) of \(c.plannedQueries) queries not done") }
        let failed = c.steps.filter(\.couldNotComplete).map(\.step.key)
        if active && !failed.isEmpty { flag("could-not-complete", failed.joined(separator: ", ")) }
        let unrecorded = c.findingsToRecord
        if active && !unrecorded.isEmpty { flag("unrecorded-finding", unrecorded.joined(separator: ", ")) }
        let late = c.lateSearches
        if late > 0 { flag("late", "\(late) search\(late == 1 ? "" : "es") after \(vacancy.interviewDate?.uk ?? "the interview")") }
        for search in panelSearches { flag("panel-searcher", "entry \(search.entry) by \(search.searcher)") }
        for item in overrides { flag("override", "entry \(item.entry): \(item.rule), \(item.reason)") }
        for (status, kind) in [(FindingStatus.awaitingDecision, "undecided-finding"), (.awaitingResponse, "unanswered-finding"),
                               (.awaitingFollowUp, "awaiting-follow-up")] {
            let count = c.findings.count { $0 == status }
            if count > 0 { flag(kind, "\(count) finding(s)") }
        }
        for removal in markRemovals { flag("protected-mark-removed", removal.detail) }
        return CandidateCompliance(
            progress: c, toldBeforeFirstSearch: !searchedAtAll ? "not searched yet" : c.toldBeforeSearching ? "yes" : "NO",
            late: late, missing: active ? missing : 0,
            completeBeforeInterview: active ? missing == 0 && failed.isEmpty && unrecorded.isEmpty && late == 0 : true,
            compliant: exceptions.isEmpty && (interviewPassed || c.isComplete || !active), exceptions: exceptions)
    }

    /// Where the vacancy's personal data is in the retention period, and the day it fell due when that has passed.
    static func retention(of facts: ComplianceFacts, today: Day) -> (text: String, overdue: Day?) {
        let candidates = facts.progress.candidates
        if let purgedOn = candidates.compactMap(\.candidate.purgedOn).max(), candidates.allSatisfy({ $0.candidate.purgedOn != nil }) {
            return ("personal data purged on \(purgedOn.uk)", nil)
        }
        guard let due = facts.progress.vacancy.purgeDue(retentionMonths: facts.retentionMonths) else {
            return ("not closed; personal data is kept until \(facts.retentionMonths) months after closing", nil)
        }
        return due < today ? ("due for purge since \(due.uk)", due) : ("personal data due for purge on \(due.uk)", nil)
    }
}
