import Foundation

/// Where a vacancy is in the recruitment.
public enum VacancyStatus: String, CaseIterable, Codable, Sendable {
    case open, shortlisted, interviewing, appointed, closed, withdrawn

    /// The statuses a vacancy may move to from this one.
    public var next: [VacancyStatus] {
        switch self {
        case .open: [.shortlisted, .closed, .withdrawn]
        case .shortlisted: [.open, .interviewing, .appointed, .closed, .withdrawn]
        case .interviewing: [.shortlisted, .appointed, .closed, .withdrawn]
        case .appointed: [.closed]
        case .closed, .withdrawn: []
        }
    }

    /// Closed or withdrawn: nothing more happens, and retention runs from the closing date.
    public var isFinal: Bool { next.isEmpty }

    /// The statuses `vacancy update --status` sets; appointing, closing and withdrawing have their own options.
    public static let settable: [VacancyStatus] = [.open, .shortlisted, .interviewing]

    /// The statuses, after this one, by which a vacancy reaches `target` in the fewest moves
    /// (open to appointed: shortlisted, appointed); nil when it cannot. Final statuses are never passed through.
    public func route(to target: VacancyStatus) -> [VacancyStatus]? {
        if target == self { return [] }
        var routes: [VacancyStatus: [VacancyStatus]] = [self: []]
        var frontier = [self]
        while !frontier.isEmpty {
            var nextFrontier: [VacancyStatus] = []
            for status in frontier where status == self || !status.isFinal {
                for next in status.next where routes[next] == nil {
                    routes[next] = routes[status]! + [next]
                    nextFrontier.append(next)
                }
            }
            if let route = routes[target] { return route }
            frontier = nextFrontier
        }
        return nil
    }
}

/// A post being recruited for, with a unique reference.
public struct Vacancy: Equatable, Sendable {
    public var id: Int64
    public var reference: String
    public var postTitle: String
    public var site: String
    public var kcsieEdition: String
    public var closingDate: Day?
    public var shortlistingDate: Day?
    public var interviewDate: Day?
    public var status: VacancyStatus
    /// The number of the appointed candidate, once there is one.
    public var appointedNumber: Int?
    public var closedOn: Day?
    /// The day the close was recorded (from its audit event), which may be later than `closedOn`.
    public var closeRecordedOn: Day?
    /// The names of the staff on the interview panel.
    public var panel: [String]
    public var createdAt: String
    public var updatedAt: String
    /// The protocol version the vacancy's searches follow.
    public var protocolID: Int64
    /// How far back searches look, in years.
    public var lookBackYears: Int
    /// Whether every, some or no candidate is searched, and why when not every one.
    public var searchDecision: SearchDecision
    public var searchDecisionReason: String
    /// Why the vacancy is held from purge (a pending claim, say); nil when it is not held.
    public var holdReason: String?
}

/// Whether a vacancy's shortlisted candidates are searched. KCSIE says schools "should
/// consider" an online search, so not searching is legitimate but must be justified.
public enum SearchDecision: String, CaseIterable, Codable, Sendable {
    /// Every shortlisted candidate is searched (the default).
    case all
    /// Only some are; the others are marked excluded. Needs a reason.
    case some
    /// None is searched. Needs a reason.
    case none
}

/// What is given to add a vacancy.
public struct VacancyDraft: Sendable {
    public var reference: String
    public var postTitle: String
    public var site: String = ""
    /// Nil takes the school's setting.
    public var kcsieEdition: String?
    public var closingDate: Day?
    public var shortlistingDate: Day?
    public var interviewDate: Day?
    public var panel: [String] = []
    /// `NAME` or `NAME@VERSION`; nil takes the school's default protocol.
    public var protocolName: String?
    /// Nil takes 5 years.
    public var lookBackYears: Int?

    public init(reference: String, postTitle: String) {
        self.reference = reference
        self.postTitle = postTitle
    }
}

/// Changes to a vacancy; nil leaves a field as it is.
public struct VacancyChanges: Sendable {
    public var postTitle: String?
    public var site: String?
    public var kcsieEdition: String?
    public var closingDate: Day?
    public var shortlistingDate: Day?
    public var interviewDate: Day?
    public var addPanel: [String] = []
    public var removePanel: [String] = []
    public var status: VacancyStatus?
    /// The number of the candidate appointed; sets the status to appointed, through the statuses
    /// it needs on the way (each recorded).
    public var appoint: Int?
    /// A new protocol (`NAME` or `NAME@VERSION`); needs `reason` once searches are logged.
    public var protocolName: String?
    public var lookBackYears: Int?
    /// Why the protocol or look-back changes after the first search.
    public var reason: String?

    public init() {}
}

extension Vacancy {
    /// The first day of the look-back period for searches made on `today`.
    public func lookBackStart(on today: Day) -> Day {
        today.adding(months: -12 * lookBackYears)
    }
}

extension Vacancy {
    /// Checks the form of a vacancy reference: letters, digits, `.`, `_` and `-`, at most 40.
    static func validate(reference: String) throws(ShortlistError) -> String {
        let reference = reference.trimmingCharacters(in: .whitespaces)
        let allowed = reference.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
        guard (1...40).contains(reference.count), allowed else {
            throw .invalidValue(field: "vacancy reference", value: reference,
                                expected: "1 to 40 letters, digits, '.', '_' or '-', such as TA-2026-03")
        }
        return reference
    }

    static func validate(lookBack years: Int) throws(ShortlistError) -> Int {
        guard (1...50).contains(years) else {
            throw .invalidValue(field: "--look-back", value: String(years), expected: "a number of years from 1 to 50")
        }
        return years
    }

    static func validate(edition: String, field: String = "--kcsie") throws(ShortlistError) -> String {
        guard edition.count == 4, edition.allSatisfy(\.isASCII), Int(edition).map({ (2015...2100).contains($0) }) == true else {
            throw .invalidValue(field: field, value: edition, expected: "the year of a KCSIE edition, such as 2026")
        }
        return edition
    }

    /// The day its candidates' personal data falls due for purge, once it is closed.
    func purgeDue(retentionMonths months: Int) -> Day? {
        closedOn.map { Vacancy.purgeDue(closedOn: $0, recordedOn: closeRecordedOn, retentionMonths: months) }
    }

    /// The retention rule: personal data falls due `months` after the vacancy closed, counted
    /// from the day the close was recorded when that is later, so that a closing date entered
    /// in the past never makes data purgeable sooner than the period after it was entered.
    static func purgeDue(closedOn: Day, recordedOn: Day?, retentionMonths months: Int) -> Day {
        max(closedOn, recordedOn ?? closedOn).adding(months: months)
    }

    /// What is wrong with closing the vacancy on `day`, seen `today` with its first search on
    /// `firstSearch`: nil when nothing is. A closing date far from today also needs a reason.
    /// A post withdrawn may end before its interviews; one filled ends after them.
    func closingProblem(on day: Day, withdrawn: Bool, today: Day, firstSearch: Day?, reason: String) -> (reason: String, remedy: String)? {
        if day > today {
            return ("it cannot be closed on \(day.uk), which is in the future", "Close it on or after the day the recruitment ends.")
        }
        let own: [(String, Day?)] = [("closing date for applications", closingDate), ("shortlisting date", shortlistingDate),
                                     ("interview date", withdrawn ? nil : interviewDate), ("first search", firstSearch)]
        if let (name, date) = own.compactMap({ item in item.1.map { (item.0, $0) } }).max(by: { $0.1 < $1.1 }), day < date {
            return ("it cannot be closed on \(day.uk), before its \(name) (\(date.uk))",
                    "Give the day the recruitment actually ended with --on DATE.")
        }
        let daysAgo = day.days(until: today)
        if daysAgo > Vacancy.closingDateTolerance, reason.isEmpty {
            return ("the closing date \(day.uk) is \(daysAgo) days ago, and closing starts the retention period",
                    "If that date is right, add --reason TEXT (recorded in the audit trail); the data is then kept at least the retention period from today.")
        }
        return nil
    }

    /// How many days back a closing date may be without a reason.
    static let closingDateTolerance = 31

    /// What is wrong with the order of a vacancy's dates: applications close, then shortlisting, then interviews.
    static func datesProblem(closing: Day?, shortlisting: Day?, interview: Day?) -> String? {
        let ordered: [(String, Day?)] = [("--closing-date", closing), ("--shortlisting-date", shortlisting), ("--interview", interview)]
        let given = ordered.compactMap { item in item.1.map { (item.0, $0) } }
        for (earlier, later) in zip(given, given.dropFirst()) where earlier.1 > later.1 {
            return "\(earlier.0) (\(earlier.1.uk)) is after \(later.0) (\(later.1.uk)); applications close, then shortlisting, then interviews"
        }
        return nil
    }
}
