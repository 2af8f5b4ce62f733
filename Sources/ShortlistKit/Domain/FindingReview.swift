import Foundation

/// A finding as a recruiting manager reviews it before deciding: the finding as the viewer may see it,
/// whose it is, and the search entries it came from (query, addresses reviewed, when and by whom, evidence).
public struct FindingReview: Sendable {
    /// The finding as the viewer may see it (a protected one's text withheld unless `Finding.shown(to:)` allows).
    public var finding: Finding
    public var vacancy: Vacancy
    public var candidateName: String
    /// The search entries the finding came from, oldest first; empty while its text is withheld.
    public var entries: [SearchEntry]
    public var status: FindingStatus
    /// What the finding says is withheld from the viewer (it is about a protected characteristic).
    public var withheld: Bool

    public init(finding: Finding, vacancy: Vacancy, candidateName: String, entries: [SearchEntry], status: FindingStatus, withheld: Bool) {
        self.finding = finding
        self.vacancy = vacancy
        self.candidateName = candidateName
        self.entries = entries
        self.status = status
        self.withheld = withheld
    }
}

/// A vacancy as its interview panel sees it on screen: each candidate the dossiers are for, with the
/// findings raised for the panel to ask about (never one not raised, never one about a protected characteristic).
public struct PanelVacancy: Sendable {
    public struct Candidate: Sendable {
        public var reference: CandidateReference
        public var fullName: String
        public var findings: [PanelFinding]
    }

    public var vacancy: Vacancy
    public var candidates: [Candidate]
    public var today: Day
}

extension PanelFinding {
    /// Where a raised finding stands: the one rule (`FindingStatus.of`), as for every other listing.
    public func status(interviewDate: Day?, today: Day) -> FindingStatus {
        .of(decision: .raise, protected: false, conclusion: conclusion, followedUp: !followUp.isEmpty,
            interviewDate: interviewDate, today: today)
    }

    /// The panel may record the candidate's response: raised and not yet answered.
    public var awaitsResponse: Bool { conclusion == nil }

    /// The panel concluded further checks or a remaining concern, and nothing is yet recorded of what was done.
    public var awaitsFollowUp: Bool { (conclusion == .furtherChecks || conclusion == .concernRemains) && followUp.isEmpty }
}

extension Finding {
    /// Whether `shown(to:)` withholds what the finding says from `viewer` (it is about a protected characteristic,
    /// and the viewer is neither an admin nor the searcher who recorded it).
    public func withholdsText(from viewer: StaffMember?) -> Bool {
        current.protectedCharacteristic && !Finding.readsProtectedText(viewer, recordedBy: versions.first?.recordedBy)
    }
}
