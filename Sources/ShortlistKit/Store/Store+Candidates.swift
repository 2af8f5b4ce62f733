import Foundation
import GRDB

extension Candidate {
    static let selectSQL = """
        SELECT c.*, v.reference AS vacancy_reference FROM candidate c JOIN vacancy v ON v.id = c.vacancy_id
        """

    /// The candidate in `row`; a stored purge summary that cannot be read is an error, never dropped.
    init(row: Row) throws {
        try self.init(row: row, damagedSummary: .refuse)
    }

    /// What a read does with a purge summary that cannot be read: refuse it, or (for `audit verify` and
    /// `doctor`, which report it as a record that no longer matches its last event) leave the summary out.
    enum DamagedSummary { case refuse, leaveOut }

    init(row: Row, damagedSummary: DamagedSummary) throws {
        id = row["id"]
        vacancyID = row["vacancy_id"]
        reference = CandidateReference(vacancy: row["vacancy_reference"], number: row["number"])
        fullName = row["full_name"]
        otherNames = JSONText.list(row["other_names"])
        town = row["town"]
        currentEmployer = row["current_employer"]
        previousEmployers = JSONText.list(row["previous_employers"])
        email = row["email"]
        shortlistedOn = Day(iso: row["shortlisted_on"])!
        notifiedOn = (row["notified_on"] as String?).flatMap(Day.init(iso:))
        notifiedVia = (row["notified_via"] as String?).flatMap(NotificationMeans.init(rawValue:))
        outcome = CandidateOutcome(rawValue: row["outcome"])!
        outcomeOn = (row["outcome_on"] as String?).flatMap(Day.init(iso:))
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        searchExcluded = row["search_excluded"]
        purgedOn = (row["purged_on"] as String?).flatMap(Day.init(iso:))
        purgeSummary = try (row["purge_summary"] as String?).flatMap { text -> PurgeSummary? in
            do {
                return try JSONDecoder().decode(PurgeSummary.self, from: Data(text.utf8))
            } catch {
                if damagedSummary == .leaveOut { return nil }
                throw ShortlistError.invalidRecord(record: reference.description,
                                                   reason: "its purge summary is damaged; restore the database from a backup (`shortlist audit verify` shows what changed)")
            }
        }
    }

    static func fetch(_ db: Database, _ reference: CandidateReference) throws -> Candidate {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE v.reference = ? AND c.number = ?",
                                         arguments: [reference.vacancy, reference.number]) else {
            if try Int.fetchOne(db, sql: "SELECT 1 FROM vacancy WHERE reference = ?", arguments: [reference.vacancy]) == nil {
                throw ShortlistError.unknownVacancy(reference: reference.vacancy)
            }
            throw ShortlistError.unknownCandidate(reference: reference.description)
        }
        return try Candidate(row: row)
    }

    /// The record as it is written into audit details.
    var auditFields: [String: String] {
        [
            "full_name": fullName, "other_names": otherNames.joined(separator: "; "), "town": town,
            "current_employer": currentEmployer, "previous_employers": previousEmployers.joined(separator: "; "),
            "email": email, "shortlisted_on": shortlistedOn.iso, "notified_on": notifiedOn?.iso ?? "",
            "notified_via": notifiedVia?.rawValue ?? "", "outcome": outcome.rawValue, "outcome_on": outcomeOn?.iso ?? "",
            "search_excluded": searchExcluded ? "yes" : "no", "purged_on": purgedOn?.iso ?? "",
        ]
    }
}

// MARK: - Store operations

extension Store {
    /// Adds a shortlisted candidate to a vacancy and returns it with its new reference.
    @discardableResult
    public func addCandidate(to vacancy: String, _ draft: CandidateDraft, by actor: String?) throws(ShortlistError) -> Candidate {
        try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "add a candidate")
            let target = try change.vacancyAcceptingCandidates(vacancy)
            var draft = draft
            if let problem = draft.normalise(today: change.today) {
                throw ShortlistError.invalidRecord(record: "new candidate for \(target.reference)", reason: problem)
            }
            let inserter = try CandidateInserter(change: change, vacancy: target)
            return try inserter.insert(draft)
        }
    }

    /// Changes a candidate's details; the old values stay in the audit trail.
    @discardableResult
    public func updateCandidate(_ reference: CandidateReference, _ changes: CandidateChanges,
                                by actor: String?) throws(ShortlistError) -> Candidate {
        try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "change a candidate")
            let before = try Candidate.fetch(change.db, reference)
            var draft = CandidateDraft(fullName: changes.fullName ?? before.fullName)
            draft.town = changes.town ?? before.town
            draft.currentEmployer = changes.currentEmployer ?? before.currentEmployer
            draft.email = changes.email ?? before.email
            draft.otherNames = before.otherNames.filter { !changes.removeOtherNames.contains($0) } + changes.addOtherNames
            draft.previousEmployers = before.previousEmployers.filter { !changes.removePreviousEmployers.contains($0) }
                + changes.addPreviousEmployers
            if let problem = draft.normalise(today: change.today) {
                throw ShortlistError.invalidRecord(record: reference.description, reason: problem)
            }
            try change.db.execute(sql: """
                UPDATE candidate SET full_name = ?, other_names = ?, town = ?, current_employer = ?, previous_employers = ?,
                       email = ?, shortlisted_on = ?, updated_at = ? WHERE id = ?
                """, arguments: [draft.fullName, JSONText.array(draft.otherNames), draft.town, draft.currentEmployer,
                                 JSONText.array(draft.previousEmployers), draft.email,
                                 (changes.shortlistedOn ?? before.shortlistedOn).iso, change.timestamp, before.id])
            let after = try Candidate.fetch(change.db, reference)
            try change.recordUpdate("candidate.update", entity: "candidate", ref: reference.description,
                                    vacancyID: before.vacancyID, candidateID: before.id,
                                    before: before.auditFields, after: after.auditFields)
            return after
        }
    }

    /// Records the date and means by which the candidate was told that online searches may be done; with
    /// `notice` (the text sent, such as `candidate notify --notice FILE` reads), keeps that text and its hash too.
    @discardableResult
    public func notifyCandidate(_ reference: CandidateReference, on day: Day?, via means: NotificationMeans, notice: NoticeToRecord? = nil,
                                by actor: String?) throws(ShortlistError) -> Candidate {
        try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "record that a candidate was told")
            let before = try Candidate.fetch(change.db, reference)
            let day = try change.notifiedDay(day, candidate: reference)
            let after = try change.markNotified(before, on: day, via: means)
            if let notice { try change.insertNotice(notice, of: after, on: day, via: means) }
            return after
        }
    }

    /// Records that a candidate withdrew.
    @discardableResult
    public func withdrawCandidate(_ reference: CandidateReference, on day: Day?, reason: String,
                                  by actor: String?) throws(ShortlistError) -> Candidate {
        try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "record a withdrawal")
            let before = try Candidate.fetch(change.db, reference)
            guard before.outcome == .pending else {
                throw ShortlistError.notAllowed(record: reference.description, reason: "the candidate's outcome is already \(before.outcome.rawValue)",
                                                remedy: "Only a pending candidate can withdraw.")
            }
            let day = day ?? change.today
            try change.db.execute(sql: "UPDATE candidate SET outcome = 'withdrew', outcome_on = ?, updated_at = ? WHERE id = ?",
                                  arguments: [day.iso, change.timestamp, before.id])
            let after = try Candidate.fetch(change.db, reference)
            try change.record("candidate.withdraw", entity: "candidate", ref: reference.description,
                              vacancyID: before.vacancyID, candidateID: before.id,
                              details: ["before": "pending", "after": "withdrew", "on": day.iso, "reason": reason], state: after.auditFields)
            return after
        }
    }

    /// One candidate.
    public func candidate(_ reference: CandidateReference) throws(ShortlistError) -> Candidate {
        try read { db in try Candidate.fetch(db, reference) }
    }

    /// The candidates of a vacancy, by number.
    public func candidates(of vacancy: String) throws(ShortlistError) -> [Candidate] {
        try read { db in
            let target = try Vacancy.fetch(db, reference: vacancy)
            return try Row.fetchAll(db, sql: Candidate.selectSQL + " WHERE c.vacancy_id = ? ORDER BY c.number",
                                    arguments: [target.id]).map { try Candidate(row: $0) }
        }
    }
}

extension Change {
    /// The vacancy, if candidates may still be added to it.
    func vacancyAcceptingCandidates(_ reference: String) throws -> Vacancy {
        let vacancy = try Vacancy.fetch(db, reference: reference)
        guard [.open, .shortlisted, .interviewing].contains(vacancy.status) else {
            throw ShortlistError.notAllowed(record: vacancy.reference, reason: "the vacancy is \(vacancy.status.rawValue)",
                                            remedy: "Candidates can be added only while a vacancy is open, shortlisted or interviewing.")
        }
        return vacancy
    }
}

/// Inserts candidates into one vacancy with prepared statements, numbering them in turn.
struct CandidateInserter {
    let change: Change
    let vacancy: Vacancy
    private let statement: Statement
    private var next: Int

    init(change: Change, vacancy: Vacancy) throws {
        self.change = change
        self.vacancy = vacancy
        statement = try change.db.makeStatement(sql: """
            INSERT INTO candidate (vacancy_id, number, full_name, other_names, town, current_employer, previous_employers,
                                   email, shortlisted_on, notified_on, notified_via, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        next = try Int.fetchOne(change.db, sql: "SELECT coalesce(max(number), 0) + 1 FROM candidate WHERE vacancy_id = ?",
                                arguments: [vacancy.id])!
    }

    /// Inserts a normalised draft and records its audit event.
    func insert(_ draft: CandidateDraft) throws -> Candidate {
        var copy = self
        return try copy.insertNext(draft)
    }

    mutating func insertNext(_ draft: CandidateDraft) throws -> Candidate {
        let number = next
        next += 1
        let shortlisted = draft.shortlistedOn ?? change.today
        try statement.execute(arguments: [
            vacancy.id, number, draft.fullName, JSONText.array(draft.otherNames), draft.town, draft.currentEmployer,
            JSONText.array(draft.previousEmployers), draft.email, shortlisted.iso, draft.notifiedOn?.iso,
            draft.notifiedVia?.rawValue, change.timestamp, change.timestamp,
        ])
        let candidate = Candidate(
            id: change.db.lastInsertedRowID, vacancyID: vacancy.id,
            reference: CandidateReference(vacancy: vacancy.reference, number: number), fullName: draft.fullName,
            otherNames: draft.otherNames, town: draft.town, currentEmployer: draft.currentEmployer,
            previousEmployers: draft.previousEmployers, email: draft.email, shortlistedOn: shortlisted,
            notifiedOn: draft.notifiedOn, notifiedVia: draft.notifiedVia, outcome: .pending, outcomeOn: nil,
            createdAt: change.timestamp, updatedAt: change.timestamp)
        try change.record("candidate.add", entity: "candidate", ref: candidate.reference.description,
                          vacancyID: vacancy.id, candidateID: candidate.id, details: candidate.auditFields, state: candidate.auditFields)
        return candidate
    }
}
