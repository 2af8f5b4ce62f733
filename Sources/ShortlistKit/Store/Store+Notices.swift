import Foundation
import GRDB

/// What the notices of a vacancy are made from: the vacancy and its protocol's steps, the school's
/// settings, and the candidates to write to.
public struct NoticeSource: Sendable {
    public var vacancy: Vacancy
    public var steps: [SearchStep]
    public var school: LetterSchool
    public var candidates: [Candidate]
    public var today: Day
}

extension CandidateNotice {
    static let selectSQL = """
        SELECT n.*, coalesce(s.name, '(setup)') AS recorded_by_name FROM candidate_notice n LEFT JOIN staff s ON s.id = n.recorded_by
        """

    init(row: Row) {
        self.init(candidateID: row["candidate_id"], number: row["number"], sentOn: Day(iso: row["sent_on"])!,
                  via: NotificationMeans(rawValue: row["via"]) ?? .email, format: Format(rawValue: row["format"]) ?? .file,
                  textSHA256: row["text_sha256"], templateSHA256: row["template_sha256"], text: row["text"],
                  recordedAt: row["recorded_at"], recordedBy: row["recorded_by_name"])
    }

    /// Every notice of the candidates `ids`, each candidate's in the order sent: one query.
    static func fetchAll(_ db: Database, candidateIDs ids: [Int64]) throws -> [CandidateNotice] {
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: selectSQL + " WHERE n.candidate_id IN (SELECT value FROM json_each(?)) ORDER BY n.candidate_id, n.number",
                                arguments: [JSONText.array(ids.map(String.init))]).map(CandidateNotice.init(row:))
    }
}

extension Store {
    /// The school as letters give it: name, contact, sending address, lawful basis and retention period.
    static func letterSchool(_ db: Database) throws -> LetterSchool {
        LetterSchool(name: try setting(db, .schoolName), contact: try setting(db, .privacyContact), email: try setting(db, .schoolEmail),
                     lawfulBasis: try setting(db, .lawfulBasis), retentionMonths: try retentionMonths(db))
    }

    /// What the notices of `vacancy` are made from: for `candidate` alone, or for every candidate not yet told.
    public func noticeSource(vacancy reference: String, candidate: CandidateReference? = nil, by actor: String?) throws(ShortlistError) -> NoticeSource {
        try read(by: actor, requiring: [.admin, .searcher, .recruitingManager], to: "write notices to candidates") { change in
            let db = change.db
            let vacancy = try Vacancy.fetch(db, reference: reference)
            var candidates: [Candidate]
            if let candidate {
                guard candidate.vacancy.caseInsensitiveCompare(vacancy.reference) == .orderedSame else {
                    throw ShortlistError.invalidValue(field: "--candidate", value: candidate.description,
                                                      expected: "a candidate of \(vacancy.reference), such as \(vacancy.reference)/1")
                }
                candidates = [try Candidate.fetch(db, candidate)]
                if candidates[0].purgedOn != nil {
                    throw ShortlistError.notAllowed(record: candidate.description, reason: "was purged under the retention policy",
                                                    remedy: "Nothing was written.")
                }
            } else {
                candidates = try Row.fetchAll(db, sql: Candidate.selectSQL + " WHERE c.vacancy_id = ? ORDER BY c.number", arguments: [vacancy.id])
                    .map(Candidate.init(row:)).filter(\.needsNotice)
            }
            return NoticeSource(vacancy: vacancy, steps: try SearchProtocol.fetch(db, id: vacancy.protocolID).steps,
                                school: try Store.letterSchool(db), candidates: candidates, today: change.today)
        }
    }

    /// Records that each notice was sent `on` (default today) `via`, keeping its text and fingerprints, in one
    /// transaction: a candidate not yet told is marked told; one told before keeps the date first recorded.
    @discardableResult
    public func recordNotices(_ notices: [NoticeToRecord], on day: Day? = nil, via means: NotificationMeans,
                              by actor: String?) throws(ShortlistError) -> [CandidateNotice] {
        try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "record that a candidate was told")
            return try notices.map { notice in
                let candidate = try Candidate.fetch(change.db, notice.candidate)
                let day = try change.notifiedDay(day, candidate: notice.candidate)
                if candidate.notifiedOn == nil { try change.markNotified(candidate, on: day, via: means) }
                return try change.insertNotice(notice, of: candidate, on: day, via: means)
            }
        }
    }

    /// The notices a candidate was sent, in order.
    public func notices(of reference: CandidateReference) throws(ShortlistError) -> [CandidateNotice] {
        try read { db in try CandidateNotice.fetchAll(db, candidateIDs: [try Candidate.fetch(db, reference).id]) }
    }
}

extension Change {
    /// The day a candidate was told: `day`, or today; never in the future.
    func notifiedDay(_ day: Day?, candidate reference: CandidateReference) throws -> Day {
        let day = day ?? today
        guard day <= today else {
            throw ShortlistError.notAllowed(record: reference.description, reason: "the date told (\(day.iso)) is in the future",
                                            remedy: "Record it on or after the day the candidate is told.")
        }
        return day
    }

    /// Marks the candidate told `on` `via`, with its audit event.
    @discardableResult
    func markNotified(_ before: Candidate, on day: Day, via means: NotificationMeans) throws -> Candidate {
        try db.execute(sql: "UPDATE candidate SET notified_on = ?, notified_via = ?, updated_at = ? WHERE id = ?",
                       arguments: [day.iso, means.rawValue, timestamp, before.id])
        let after = try Candidate.fetch(db, before.reference)
        try recordUpdate("candidate.notify", entity: "candidate", ref: before.reference.description,
                         vacancyID: before.vacancyID, candidateID: before.id, before: before.auditFields, after: after.auditFields)
        return after
    }

    /// Keeps a notice as sent, numbered after the candidate's others, with an audit event holding its hashes.
    func insertNotice(_ notice: NoticeToRecord, of candidate: Candidate, on day: Day, via means: NotificationMeans) throws -> CandidateNotice {
        let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM candidate_notice WHERE candidate_id = ?", arguments: [candidate.id]) ?? 0) + 1
        let hash = Digest.sha256(notice.text)
        try db.execute(sql: """
            INSERT INTO candidate_notice (candidate_id, number, sent_on, via, format, text_sha256, template_sha256, text, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [candidate.id, number, day.iso, means.rawValue, notice.format.rawValue, hash, notice.templateSHA256, notice.text,
                             timestamp, actor?.id])
        let fields = ["sent_on": day.iso, "via": means.rawValue, "format": notice.format.rawValue, "text_sha256": hash,
                      "template_sha256": notice.templateSHA256 ?? ""]
        try record("candidate.notice", entity: "candidate_notice", ref: "\(candidate.reference)/N\(number)", vacancyID: candidate.vacancyID,
                   candidateID: candidate.id, details: fields, state: fields)
        return CandidateNotice(candidateID: candidate.id, number: number, sentOn: day, via: means, format: notice.format, textSHA256: hash,
                               templateSHA256: notice.templateSHA256, text: notice.text, recordedAt: timestamp, recordedBy: actorName)
    }
}
