import Foundation
import GRDB

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
