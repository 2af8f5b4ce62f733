import Foundation
import GRDB

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

extension Vacancy {
    /// When the vacancy's close was recorded: the time of its last `vacancy.close` event, read
    /// through the vacancy's index of events, newest first.
    static let closeRecordedSQL = """
        CASE WHEN v.closed_on IS NULL THEN NULL ELSE (SELECT at FROM audit_event
            WHERE vacancy_id = v.id AND action = 'vacancy.close' ORDER BY seq DESC LIMIT 1) END
        """

    static let selectSQL = """
        SELECT v.*, c.number AS appointed_number, \(closeRecordedSQL) AS close_recorded_at,
               (SELECT group_concat(name, char(31)) FROM (SELECT s.name FROM vacancy_panel p
                    JOIN staff s ON s.id = p.staff_id WHERE p.vacancy_id = v.id ORDER BY s.name)) AS panel
        FROM vacancy v LEFT JOIN candidate c ON c.id = v.appointed_candidate_id
        """

    init(row: Row) {
        id = row["id"]
        reference = row["reference"]
        postTitle = row["post_title"]
        site = row["site"]
        kcsieEdition = row["kcsie_edition"]
        closingDate = (row["closing_date"] as String?).flatMap(Day.init(iso:))
        shortlistingDate = (row["shortlisting_date"] as String?).flatMap(Day.init(iso:))
        interviewDate = (row["interview_date"] as String?).flatMap(Day.init(iso:))
        status = VacancyStatus(rawValue: row["status"])!
        appointedNumber = row["appointed_number"]
        closedOn = (row["closed_on"] as String?).flatMap(Day.init(iso:))
        closeRecordedOn = (row["close_recorded_at"] as String?).flatMap(Timestamp.parse(iso:)).map(Day.init)
        panel = ((row["panel"] as String?) ?? "").split(separator: "\u{1F}").map(String.init)
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        protocolID = row["protocol_id"]
        lookBackYears = row["look_back_years"]
        searchDecision = SearchDecision(rawValue: row["search_decision"])!
        searchDecisionReason = row["search_decision_reason"]
        holdReason = row["hold_reason"]
    }

    static func fetch(_ db: Database, reference: String) throws -> Vacancy {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE v.reference = ?", arguments: [reference]) else {
            throw ShortlistError.unknownVacancy(reference: reference)
        }
        return Vacancy(row: row)
    }

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

    /// The search decision rules this candidate out: none are searched, or some and not this one.
    func excludes(_ candidate: Candidate) -> Bool {
        searchDecision == .none || (searchDecision == .some && candidate.searchExcluded)
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

    /// The record as it is written into audit details.
    var auditFields: [String: String] {
        [
            "reference": reference, "post_title": postTitle, "site": site, "kcsie_edition": kcsieEdition,
            "closing_date": closingDate?.iso ?? "", "shortlisting_date": shortlistingDate?.iso ?? "",
            "interview_date": interviewDate?.iso ?? "", "status": status.rawValue,
            "appointed": appointedNumber.map(String.init) ?? "", "closed_on": closedOn?.iso ?? "",
            "panel": panel.joined(separator: "; "), "protocol_id": String(protocolID),
            "look_back_years": String(lookBackYears), "search_decision": searchDecision.rawValue,
            "search_decision_reason": searchDecisionReason, "hold_reason": holdReason ?? "",
        ]
    }
}

// MARK: - Store operations

extension Store {
    /// Adds a vacancy; its reference must be new.
    @discardableResult
    public func addVacancy(_ draft: VacancyDraft, by actor: String?) throws(ShortlistError) -> Vacancy {
        let reference = try Vacancy.validate(reference: draft.reference)
        let title = draft.postTitle.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else {
            throw .invalidValue(field: "--title", value: draft.postTitle, expected: "the post's title")
        }
        let edition = try draft.kcsieEdition.map { (e) throws(ShortlistError) in try Vacancy.validate(edition: e) }
        if let problem = Vacancy.datesProblem(closing: draft.closingDate, shortlisting: draft.shortlistingDate, interview: draft.interviewDate) {
            throw .invalidRecord(record: reference, reason: problem)
        }
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "add a vacancy")
            let db = change.db
            if try Int.fetchOne(db, sql: "SELECT 1 FROM vacancy WHERE reference = ?", arguments: [reference]) != nil {
                throw ShortlistError.duplicateVacancy(reference: reference)
            }
            let defaultEdition = try Store.setting(db, .kcsieEdition)
            let protocolID = try change.protocolID(named: draft.protocolName)
            try db.execute(sql: """
                INSERT INTO vacancy (reference, post_title, site, kcsie_edition, closing_date, shortlisting_date,
                                     interview_date, protocol_id, look_back_years, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reference, title, draft.site.trimmingCharacters(in: .whitespaces),
                                 edition ?? defaultEdition, draft.closingDate?.iso,
                                 draft.shortlistingDate?.iso, draft.interviewDate?.iso, protocolID,
                                 try Vacancy.validate(lookBack: draft.lookBackYears ?? 5),
                                 change.timestamp, change.timestamp])
            let id = db.lastInsertedRowID
            try change.setPanel(vacancyID: id, adding: draft.panel, removing: [])
            let vacancy = try Vacancy.fetch(db, reference: reference)
            try change.record("vacancy.add", entity: "vacancy", ref: vacancy.reference, vacancyID: id,
                              details: vacancy.auditFields, state: vacancy.auditFields)
            return vacancy
        }
    }

    /// Changes a vacancy's details, panel or status; the old values stay in the audit trail.
    @discardableResult
    public func updateVacancy(_ reference: String, _ changes: VacancyChanges, by actor: String?) throws(ShortlistError) -> Vacancy {
        let edition = try changes.kcsieEdition.map { (e) throws(ShortlistError) in try Vacancy.validate(edition: e) }
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "change a vacancy")
            let db = change.db
            let before = try Vacancy.fetch(db, reference: reference)
            guard !before.status.isFinal else {
                throw ShortlistError.notAllowed(record: before.reference, reason: "the vacancy is \(before.status.rawValue)",
                                                remedy: "A closed or withdrawn vacancy cannot be changed.")
            }
            var target = changes.status
            var appointedID: Int64?
            // The state the final event starts from: after any statuses passed through on the way.
            var current = before
            if let number = changes.appoint {
                // Appointing from open passes through shortlisted: each move is its own event.
                for status in (before.status.route(to: .appointed) ?? []).dropLast() {
                    try db.execute(sql: "UPDATE vacancy SET status = ?, updated_at = ? WHERE id = ?",
                                   arguments: [status.rawValue, change.timestamp, before.id])
                    let moved = try Vacancy.fetch(db, reference: before.reference)
                    try change.recordUpdate("vacancy.update", entity: "vacancy", ref: moved.reference, vacancyID: moved.id,
                                            before: current.auditFields, after: moved.auditFields)
                    current = moved
                }
                appointedID = try change.appoint(number: number, in: current)
                target = .appointed
            } else if target == .appointed {
                throw ShortlistError.invalidValue(field: "--status", value: "appointed",
                                                  expected: "--appoint NUMBER, which names the candidate appointed")
            }
            if let target, target != current.status {
                guard current.status.next.contains(target), !target.isFinal else {
                    let allowed = current.status.next.filter { !$0.isFinal }.map(\.rawValue)
                    throw ShortlistError.notAllowed(
                        record: before.reference, reason: "a vacancy cannot go from \(current.status.rawValue) to \(target.rawValue)",
                        remedy: (allowed.isEmpty ? "" : "From \(current.status.rawValue) it can go to \(allowed.joined(separator: ", ")). ")
                            + "Use `shortlist vacancy close` to close or withdraw it.")
                }
            }
            let protocolID = try changes.protocolName.map { try change.protocolID(named: $0) } ?? before.protocolID
            let lookBack = try changes.lookBackYears.map { (y) throws(ShortlistError) in try Vacancy.validate(lookBack: y) }
                ?? before.lookBackYears
            let reason = changes.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let searched = try Int.fetchOne(db, sql: """
                SELECT 1 FROM search_entry e JOIN candidate c ON c.id = e.candidate_id WHERE c.vacancy_id = ? LIMIT 1
                """, arguments: [before.id]) != nil
            if searched, protocolID != before.protocolID || lookBack != before.lookBackYears, reason.isEmpty {
                throw ShortlistError.notAllowed(
                    record: before.reference, reason: "searches have been logged, so its protocol and look-back period are fixed",
                    remedy: "To change them anyway, add --reason TEXT: it is recorded, and every candidate then owes the new steps.")
            }
            let title = changes.postTitle?.trimmingCharacters(in: .whitespaces)
            if title?.isEmpty == true {
                throw ShortlistError.invalidValue(field: "--title", value: "", expected: "the post's title")
            }
            if let problem = Vacancy.datesProblem(closing: changes.closingDate ?? before.closingDate,
                                                  shortlisting: changes.shortlistingDate ?? before.shortlistingDate,
                                                  interview: changes.interviewDate ?? before.interviewDate) {
                throw ShortlistError.invalidRecord(record: before.reference, reason: problem)
            }
            try db.execute(sql: """
                UPDATE vacancy SET post_title = ?, site = ?, kcsie_edition = ?, closing_date = ?, shortlisting_date = ?,
                       interview_date = ?, status = ?, appointed_candidate_id = coalesce(?, appointed_candidate_id),
                       protocol_id = ?, look_back_years = ?, updated_at = ?
                WHERE id = ?
                """, arguments: [title ?? before.postTitle, changes.site ?? before.site, edition ?? before.kcsieEdition,
                                 (changes.closingDate ?? before.closingDate)?.iso,
                                 (changes.shortlistingDate ?? before.shortlistingDate)?.iso,
                                 (changes.interviewDate ?? before.interviewDate)?.iso,
                                 (target ?? before.status).rawValue, appointedID, protocolID, lookBack,
                                 change.timestamp, before.id])
            try change.setPanel(vacancyID: before.id, adding: changes.addPanel, removing: changes.removePanel)
            let after = try Vacancy.fetch(db, reference: before.reference)
            try change.recordUpdate("vacancy.update", entity: "vacancy", ref: after.reference, vacancyID: after.id,
                                    before: current.auditFields, after: after.auditFields, reason: reason)
            return after
        }
    }

    /// Closes a vacancy (recruitment over) or withdraws it (the post will not be filled).
    /// Candidates still pending become not appointed; retention runs from this date.
    @discardableResult
    public func closeVacancy(_ reference: String, withdrawn: Bool = false, on day: Day? = nil, reason: String = "",
                             by actor: String?) throws(ShortlistError) -> Vacancy {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "close a vacancy")
            let db = change.db
            let before = try Vacancy.fetch(db, reference: reference)
            let target: VacancyStatus = withdrawn ? .withdrawn : .closed
            guard before.status.next.contains(target) else {
                throw ShortlistError.notAllowed(
                    record: before.reference, reason: "a vacancy that is \(before.status.rawValue) cannot be \(target.rawValue)",
                    remedy: before.status.isFinal ? "It is already final." : "Close it instead: `shortlist vacancy close \(before.reference)`.")
            }
            let day = day ?? change.today
            let firstSearch = try String.fetchOne(db, sql: """
                SELECT min(e.searched_at) FROM search_entry e JOIN candidate c ON c.id = e.candidate_id WHERE c.vacancy_id = ?
                """, arguments: [before.id]).flatMap(Timestamp.parse(iso:)).map(Day.init)
            if let problem = before.closingProblem(on: day, withdrawn: withdrawn, today: change.today, firstSearch: firstSearch, reason: reason) {
                throw ShortlistError.notAllowed(record: before.reference, reason: problem.reason, remedy: problem.remedy)
            }
            try db.execute(sql: "UPDATE vacancy SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?",
                           arguments: [target.rawValue, day.iso, change.timestamp, before.id])
            let pending = try Row.fetchAll(db, sql: "SELECT id, number FROM candidate WHERE vacancy_id = ? AND outcome = 'pending'",
                                           arguments: [before.id])
            for candidate in pending {
                try db.execute(sql: "UPDATE candidate SET outcome = 'not-appointed', outcome_on = ?, updated_at = ? WHERE id = ?",
                               arguments: [day.iso, change.timestamp, candidate["id"]])
                let reference = CandidateReference(vacancy: before.reference, number: candidate["number"])
                try change.record("candidate.outcome", entity: "candidate", ref: reference.description,
                                  vacancyID: before.id, candidateID: candidate["id"],
                                  details: ["before": "pending", "after": "not-appointed", "on": day.iso],
                                  state: try Candidate.fetch(db, reference).auditFields)
            }
            let after = try Vacancy.fetch(db, reference: before.reference)
            try change.recordUpdate("vacancy.close", entity: "vacancy", ref: after.reference, vacancyID: after.id,
                                    before: before.auditFields, after: after.auditFields, reason: reason)
            // Read again, with the day its close was recorded.
            return try Vacancy.fetch(db, reference: before.reference)
        }
    }

    /// One vacancy by reference.
    public func vacancy(_ reference: String) throws(ShortlistError) -> Vacancy {
        try read { db in try Vacancy.fetch(db, reference: reference) }
    }

    /// Vacancies, newest first; optionally only those with the given status.
    public func vacancies(status: VacancyStatus? = nil) throws(ShortlistError) -> [Vacancy] {
        try read { db in
            try Row.fetchAll(db, sql: Vacancy.selectSQL + " WHERE (?1 IS NULL OR v.status = ?1) ORDER BY v.id DESC",
                             arguments: [status?.rawValue]).map(Vacancy.init(row:))
        }
    }
}

extension Vacancy {
    /// The first day of the look-back period for searches made on `today`.
    public func lookBackStart(on today: Day) -> Day {
        today.adding(months: -12 * lookBackYears)
    }
}

extension Change {
    /// The id of the protocol named, or of the school's default protocol.
    func protocolID(named name: String?) throws -> Int64 {
        let name = try name ?? Store.setting(db, .defaultProtocol)
        return try SearchProtocol.fetch(db, named: name).id
    }

    func setPanel(vacancyID: Int64, adding: [String], removing: [String]) throws {
        for name in adding {
            guard let member = try StaffMember.fetch(db, named: name) else { throw ShortlistError.unknownStaff(name: name) }
            try db.execute(sql: "INSERT OR IGNORE INTO vacancy_panel (vacancy_id, staff_id) VALUES (?, ?)",
                           arguments: [vacancyID, member.id])
        }
        for name in removing {
            guard let member = try StaffMember.fetch(db, named: name) else { throw ShortlistError.unknownStaff(name: name) }
            try db.execute(sql: "DELETE FROM vacancy_panel WHERE vacancy_id = ? AND staff_id = ?",
                           arguments: [vacancyID, member.id])
        }
    }

    /// Marks candidate `number` of the vacancy appointed and returns its id.
    func appoint(number: Int, in vacancy: Vacancy) throws -> Int64 {
        let ref = "\(vacancy.reference)/\(number)"
        guard let row = try Row.fetchOne(db, sql: "SELECT id, outcome FROM candidate WHERE vacancy_id = ? AND number = ?",
                                         arguments: [vacancy.id, number]) else {
            throw ShortlistError.unknownCandidate(reference: ref)
        }
        guard vacancy.appointedNumber == nil else {
            throw ShortlistError.notAllowed(record: vacancy.reference, reason: "candidate \(vacancy.appointedNumber!) is already appointed",
                                            remedy: "A vacancy has one appointed candidate.")
        }
        guard (row["outcome"] as String) == "pending" else {
            throw ShortlistError.notAllowed(record: ref, reason: "the candidate's outcome is \(row["outcome"] as String)",
                                            remedy: "Only a pending candidate can be appointed.")
        }
        let id: Int64 = row["id"]
        try db.execute(sql: "UPDATE candidate SET outcome = 'appointed', outcome_on = ?, updated_at = ? WHERE id = ?",
                       arguments: [today.iso, timestamp, id])
        try record("candidate.outcome", entity: "candidate", ref: ref, vacancyID: vacancy.id, candidateID: id,
                   details: ["before": "pending", "after": "appointed", "on": today.iso],
                   state: try Candidate.fetch(db, CandidateReference(vacancy: vacancy.reference, number: number)).auditFields)
        return id
    }

    /// Records an update: the fields that changed, old and new (and the reason, if one is
    /// given), with the record's whole state after it.
    func recordUpdate(_ action: String, entity: String, ref: String, vacancyID: Int64? = nil, candidateID: Int64? = nil,
                      before: [String: String], after: [String: String], reason: String = "") throws {
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        var details: [String: [String: String]] = ["before": [:], "after": [:]]
        for key in changed {
            details["before"]![key] = before[key] ?? ""
            details["after"]![key] = after[key] ?? ""
        }
        if !reason.isEmpty { details["reason"] = ["text": reason] }
        try record(action, entity: entity, ref: ref, vacancyID: vacancyID, candidateID: candidateID, details: details, state: after)
    }
}
