import Foundation

/// How a finding was tied to the candidate.
public enum IdentityConfidence: String, CaseIterable, Codable, Sendable {
    /// Something ties it to the candidate (photo, location, employer, dates): say what.
    case confirmed
    case probable
    /// Nothing ties it to the candidate: it can at most become a question that first confirms identity.
    case unverified
}

/// What the recruiting manager decided.
public enum FindingDecision: String, CaseIterable, Codable, Sendable {
    /// Raise at interview, with a neutral question for the panel.
    case raise
    case noFurtherAction = "no-further-action"
    case notTheCandidate = "not-the-candidate"
}

/// The panel's view after the candidate's response.
public enum FindingConclusion: String, CaseIterable, Codable, Sendable {
    case satisfied
    /// Further checks are needed (say which).
    case furtherChecks = "further-checks"
    /// A concern remains (say what happens next).
    case concernRemains = "concern-remains"
}

/// Where a finding stands.
public enum FindingStatus: String, CaseIterable, Codable, Sendable {
    case awaitingDecision = "awaiting-decision"
    /// Raised; the interview has not yet taken place.
    case raised
    /// Raised, and the interview date has passed without a response recorded.
    case awaitingResponse = "awaiting-response"
    /// Answered with further checks needed or a concern remaining, and nothing yet recorded of what was done.
    case awaitingFollowUp = "awaiting-follow-up"
    case responded
    case noFurtherAction = "no-further-action"
    case notTheCandidate = "not-the-candidate"
    /// About a protected characteristic: recorded as such, never raised, never shown to the panel.
    case protectedCharacteristic = "protected-characteristic"

    /// The status stands between the candidate and a complete record.
    public var isOutstanding: Bool { self == .awaitingDecision || self == .awaitingResponse || self == .awaitingFollowUp }

    /// The finding was raised at interview (whether or not answered yet).
    public var wasRaised: Bool { [.raised, .awaitingResponse, .awaitingFollowUp, .responded].contains(self) }

    /// The status of a finding in the given state: the one rule, used by listings and status alike.
    static func of(decision: FindingDecision?, protected: Bool, conclusion: FindingConclusion?, followedUp: Bool,
                   interviewDate: Day?, today: Day) -> FindingStatus {
        if protected { return .protectedCharacteristic }
        switch decision {
        case nil: return .awaitingDecision
        case .noFurtherAction: return .noFurtherAction
        case .notTheCandidate: return .notTheCandidate
        case .raise:
            if let conclusion { return conclusion == .satisfied || followedUp ? .responded : .awaitingFollowUp }
            if let interviewDate, today > interviewDate { return .awaitingResponse }
            return .raised
        }
    }
}

/// A finding's reference: the candidate's and a number, `TA-2026-03/2/F1`.
public struct FindingReference: Hashable, Sendable, CustomStringConvertible {
    public var candidate: CandidateReference
    public var number: Int

    public init(candidate: CandidateReference, number: Int) {
        self.candidate = candidate
        self.number = number
    }

    public init(parsing text: String) throws(ShortlistError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let slash = text.lastIndex(of: "/"), text[text.index(after: slash)...].uppercased().hasPrefix("F"),
              let number = Int(text[text.index(slash, offsetBy: 2)...]), number > 0,
              let candidate = try? CandidateReference(parsing: String(text[..<slash])) else {
            throw .invalidValue(field: "finding", value: text, expected: "a finding reference such as TA-2026-03/2/F1")
        }
        self.init(candidate: candidate, number: number)
    }

    public var description: String { "\(candidate)/F\(number)" }
}

/// One version of a finding: its whole state after one action.
public struct FindingVersion: Equatable, Sendable {
    public var version: Int
    /// `add`, `update`, `decide` or `respond`.
    public var action: String
    public var recordedAt: String
    public var recordedBy: String
    public var summary: String
    public var sources: [String]
    public var contentDate: Day?
    public var protectedCharacteristic: Bool
    public var category: String?
    public var identity: IdentityConfidence
    public var identityBasis: String
    public var relevance: String
    public var decision: FindingDecision?
    public var decisionReason: String
    public var question: String
    public var identityQuestion: String
    public var decidedBy: String?
    public var decidedAt: String?
    public var response: String
    public var responseBy: String?
    public var responseAt: String?
    public var conclusion: FindingConclusion?
    public var conclusionDetail: String
    /// What was done after a conclusion of further checks or a remaining concern.
    public var followUp: String
    /// Why this version corrected the finding (required when it removed the protected-characteristic mark).
    public var correctionReason: String
    /// Staff ids of the decider and responder, carried into the next version.
    var decidedByStaffID: Int64?
    var responseByStaffID: Int64?
}

/// Something found that may be relevant, with every version of it.
public struct Finding: Equatable, Sendable {
    public var id: Int64
    public var reference: FindingReference
    /// The search entries it came from.
    public var entries: [Int64]
    /// Oldest first; the last is current.
    public var versions: [FindingVersion]

    public var current: FindingVersion { versions[versions.count - 1] }

    public func status(interviewDate: Day?, today: Day) -> FindingStatus {
        .of(decision: current.decision, protected: current.protectedCharacteristic, conclusion: current.conclusion,
            followedUp: !current.followUp.isEmpty, interviewDate: interviewDate, today: today)
    }

    /// What stands in a withheld finding's text.
    public static let withheldText = "(withheld: it is about a protected characteristic; only the searcher who recorded it and admins see it)"

    /// The finding as `viewer` may see it. While it is marked as about a protected characteristic,
    /// what it says (summary, sources, category, questions, identity basis, relevance, reasons,
    /// response) is withheld, in every version, from
    /// everyone but the searcher who recorded it and admins; its reference, status and dates stay.
    public func shown(to viewer: StaffMember?) -> Finding {
        guard current.protectedCharacteristic else { return self }
        if Finding.readsProtectedText(viewer, recordedBy: versions.first?.recordedBy) { return self }
        var withheld = self
        for index in withheld.versions.indices {
            withheld.versions[index].summary = Finding.withheldText
            withheld.versions[index].sources = []
            withheld.versions[index].identityBasis = ""
            withheld.versions[index].relevance = ""
            withheld.versions[index].category = nil
            withheld.versions[index].question = ""
            withheld.versions[index].identityQuestion = ""
            withheld.versions[index].response = withheld.versions[index].response.isEmpty ? "" : Finding.withheldText
            withheld.versions[index].conclusionDetail = withheld.versions[index].conclusionDetail.isEmpty ? "" : Finding.withheldText
            withheld.versions[index].followUp = withheld.versions[index].followUp.isEmpty ? "" : Finding.withheldText
            withheld.versions[index].decisionReason = withheld.versions[index].decisionReason.isEmpty ? "" : Finding.withheldText
            withheld.versions[index].correctionReason = withheld.versions[index].correctionReason.isEmpty ? "" : Finding.withheldText
        }
        return withheld
    }

    /// The rule for who reads what a protected finding says: admins and the searcher who recorded it.
    static func readsProtectedText(_ viewer: StaffMember?, recordedBy recorder: String?) -> Bool {
        guard let viewer else { return false }
        return viewer.roles.contains(.admin) || viewer.name == recorder
    }

    /// The versions that removed the protected-characteristic mark, each with the one before it marked.
    public var markRemovals: [FindingVersion] {
        zip(versions, versions.dropFirst()).compactMap { before, after in
            before.protectedCharacteristic && !after.protectedCharacteristic ? after : nil
        }
    }
}

/// What a searcher records to add a finding.
public struct FindingDraft: Sendable {
    public var entries: [Int64]
    public var summary: String
    public var sources: [String] = []
    public var contentDate: Day?
    public var category: String?
    public var protectedCharacteristic = false
    public var identity: IdentityConfidence
    public var identityBasis: String = ""
    public var relevance: String = ""

    public init(entries: [Int64], summary: String, identity: IdentityConfidence) {
        self.entries = entries
        self.summary = summary
        self.identity = identity
    }
}

/// A correction to a finding's content; nil leaves a field as it is.
public struct FindingCorrection: Sendable {
    public var summary: String?
    public var sources: [String]?
    public var contentDate: Day?
    public var category: String?
    public var protectedCharacteristic: Bool?
    public var identity: IdentityConfidence?
    public var identityBasis: String?
    public var relevance: String?
    /// Why the finding is corrected: required to remove the protected-characteristic mark.
    public var reason: String?

    public init() {}
}

/// A finding as the interview panel may see it: only findings decided "raise" and not about a
/// protected characteristic can become one (the query that builds them filters on both).
public struct PanelFinding: Equatable, Sendable {
    public var reference: FindingReference
    public var categoryLabel: String
    public var summary: String
    public var contentDate: Day?
    public var identity: IdentityConfidence
    public var identityBasis: String
    public var question: String
    /// Asked first when identity is unverified.
    public var identityQuestion: String
    public var response: String
    public var conclusion: FindingConclusion?
    public var conclusionDetail: String
    /// What was done after further checks or a remaining concern.
    public var followUp: String
}

extension Day {
    /// How old content of this date is at `today`: `2 years 3 months`, `5 months`, `less than a month`.
    public func age(at today: Day) -> String {
        var months = (today.year - year) * 12 + (today.month - month)
        if today.day < day { months -= 1 }
        guard months > 0 else { return "less than a month" }
        let years = months / 12, rest = months % 12
        let parts: [String] = (years > 0 ? ["\(years) year\(years == 1 ? "" : "s")"] : [])
            + (rest > 0 ? ["\(rest) month\(rest == 1 ? "" : "s")"] : [])
        return parts.joined(separator: " ")
    }
}

/// A category of the school's finding taxonomy.
public struct FindingCategory: Equatable, Sendable {
    public var key: String
    public var label: String
    public var builtIn: Bool
}

// MARK: - Writing versions

/// The state a finding version holds (staff as ids), as it is written.
struct FindingState {
    var summary: String
    var sources: [String]
    var contentDate: Day?
    var protectedCharacteristic: Bool
    var category: String?
    var identity: IdentityConfidence
    var identityBasis: String
    var relevance: String
    var decision: FindingDecision?
    var decisionReason = ""
    var question = ""
    var identityQuestion = ""
    var decidedBy: Int64?
    var decidedAt: String?
    var response = ""
    var responseBy: Int64?
    var responseAt: String?
    var conclusion: FindingConclusion?
    var conclusionDetail = ""
    var followUp = ""
    /// Why this version corrects the finding; not carried into the next version.
    var correctionReason = ""

    init(summary: String, sources: [String], contentDate: Day?, protectedCharacteristic: Bool, category: String?,
         identity: IdentityConfidence, identityBasis: String, relevance: String) {
        self.summary = summary
        self.sources = sources
        self.contentDate = contentDate
        self.protectedCharacteristic = protectedCharacteristic
        self.category = category
        self.identity = identity
        self.identityBasis = identityBasis
        self.relevance = relevance
    }

    /// Takes the decision back: the finding awaits a recruiting manager's decision again.
    mutating func clearDecision() {
        decision = nil
        decisionReason = ""
        question = ""
        identityQuestion = ""
        decidedBy = nil
        decidedAt = nil
    }

    /// Whether what the finding says (everything but its decision and response) is the same as in `other`.
    func sameContent(as other: FindingState) -> Bool {
        summary == other.summary && sources == other.sources && contentDate == other.contentDate
            && protectedCharacteristic == other.protectedCharacteristic && category == other.category && identity == other.identity
            && identityBasis == other.identityBasis && relevance == other.relevance
    }

    /// The state of an existing version, to build the next one from.
    init(_ version: FindingVersion) {
        self.init(summary: version.summary, sources: version.sources, contentDate: version.contentDate,
                  protectedCharacteristic: version.protectedCharacteristic, category: version.category,
                  identity: version.identity, identityBasis: version.identityBasis, relevance: version.relevance)
        decision = version.decision
        decisionReason = version.decisionReason
        question = version.question
        identityQuestion = version.identityQuestion
        decidedBy = version.decidedByStaffID
        decidedAt = version.decidedAt
        response = version.response
        responseBy = version.responseByStaffID
        responseAt = version.responseAt
        conclusion = version.conclusion
        conclusionDetail = version.conclusionDetail
        followUp = version.followUp
    }
}
