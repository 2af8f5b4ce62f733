import Foundation
import GRDB

/// The reads behind the recruiting manager's and the panel's screens: findings with where they came from,
/// an evidence file of a finding, and a vacancy as its panel sees it.
extension Store {
    /// Who reviews findings and their evidence: never the panel, never governors.
    static let findingReviewRoles: [StaffRole] = [.recruitingManager, .searcher, .admin]

    /// Every finding with `status` (nil: every finding), across vacancies, as `viewer` may see it, with the
    /// search entries it came from; ordered by vacancy, candidate and finding.
    public func findingReviews(status: FindingStatus?, shownTo viewer: String?) throws(ShortlistError) -> [FindingReview] {
        try read(by: viewer, requiring: Store.findingReviewRoles, to: "review findings") { change in
            let ids = try Int64.fetchAll(change.db, sql: "SELECT DISTINCT candidate_id FROM finding ORDER BY candidate_id")
            return try FindingReview.fetchAll(change.db, candidateIDs: ids, viewer: change.actor, today: change.today)
                .filter { status == nil || $0.status == status }
        }
    }

    /// One finding, as `viewer` may see it, with the search entries it came from.
    public func findingReview(_ reference: FindingReference, shownTo viewer: String?) throws(ShortlistError) -> FindingReview {
        try read(by: viewer, requiring: Store.findingReviewRoles, to: "review findings") { change in
            let candidate = try Candidate.fetch(change.db, reference.candidate)
            guard let review = try FindingReview.fetchAll(change.db, candidateIDs: [candidate.id], viewer: change.actor, today: change.today)
                .first(where: { $0.finding.reference == reference }) else {
                throw ShortlistError.unknownFinding(reference: reference.description)
            }
            return review
        }
    }

    /// An evidence file of one of the finding's source entries, named by its SHA-256, with its bytes checked
    /// against that hash; nil when the finding has no such file or what it says is withheld from `viewer`.
    /// The file is read only from the evidence folder, under the hash the database records.
    public func evidenceFile(of reference: FindingReference, sha256: String, shownTo viewer: String?) throws(ShortlistError) -> EvidenceFile? {
        try read(by: viewer, requiring: Store.findingReviewRoles, to: "view evidence") { change in
            let (finding, _) = try Finding.fetch(change.db, reference)
            guard !finding.withholdsText(from: change.actor), sha256.count == 64, EvidenceFolder.isOwnFile(sha256) else { return nil }
            guard let row = try Row.fetchOne(change.db, sql: """
                SELECT x.sha256, x.original_name FROM evidence x JOIN finding_source_entry s ON s.entry_id = x.entry_id
                WHERE s.finding_id = ? AND x.sha256 = ? ORDER BY x.id LIMIT 1
                """, arguments: [finding.id, sha256]) else { return nil }
            let stored: String = row["sha256"]
            return EvidenceFile(name: row["original_name"], sha256: stored, bytes: try evidence.read(stored))
        }
    }

    /// A vacancy as its interview panel sees it: its candidates (those the dossiers are for: not withdrawn),
    /// each with the findings raised (never one not raised, never one about a protected characteristic).
    public func panelVacancy(_ reference: String, by viewer: String?) throws(ShortlistError) -> PanelVacancy {
        try read(by: viewer, requiring: Store.panelRoles, to: "see what the panel asks") { change in
            let vacancy = try Vacancy.fetch(change.db, reference: reference)
            let rows = try Row.fetchAll(change.db, sql: """
                SELECT id, number, full_name FROM candidate WHERE vacancy_id = ? AND outcome != 'withdrew' AND purged_on IS NULL ORDER BY number
                """, arguments: [vacancy.id])
            let findings = Dictionary(grouping: try PanelFinding.fetchAll(change.db, candidateIDs: rows.map { $0["id"] }),
                                      by: \.reference.candidate)
            let candidates = rows.map { row in
                let candidate = CandidateReference(vacancy: vacancy.reference, number: row["number"])
                return PanelVacancy.Candidate(reference: candidate, fullName: row["full_name"], findings: findings[candidate] ?? [])
            }
            return PanelVacancy(vacancy: vacancy, candidates: candidates, today: change.today)
        }
    }
}

extension FindingReview {
    /// The findings of the given candidates, each with its vacancy, candidate's name and source entries: five queries.
    static func fetchAll(_ db: Database, candidateIDs: [Int64], viewer: StaffMember?, today: Day) throws -> [FindingReview] {
        let findings = try Finding.fetchAll(db, candidateIDs: candidateIDs)
        guard !findings.isEmpty else { return [] }
        let ids = JSONText.array(candidateIDs.map(String.init))
        let vacancies = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: Vacancy.selectSQL + """
             WHERE v.id IN (SELECT vacancy_id FROM candidate WHERE id IN (SELECT value FROM json_each(?)))
            """, arguments: [ids]).map { row in let vacancy = Vacancy(row: row); return (vacancy.reference, vacancy) })
        var names: [CandidateReference: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.number, c.full_name, v.reference FROM candidate c JOIN vacancy v ON v.id = c.vacancy_id
            WHERE c.id IN (SELECT value FROM json_each(?))
            """, arguments: [ids]) {
            names[CandidateReference(vacancy: row["reference"], number: row["number"])] = row["full_name"]
        }
        let entries = Dictionary(uniqueKeysWithValues: try SearchEntry.fetchAll(db, candidateIDs: candidateIDs).map { ($0.id, $0) })
        return findings.compactMap { finding in
            guard let vacancy = vacancies[finding.reference.candidate.vacancy] else { return nil }
            let withheld = finding.withholdsText(from: viewer)
            return FindingReview(finding: finding.shown(to: viewer), vacancy: vacancy, candidateName: names[finding.reference.candidate] ?? "",
                                 entries: withheld ? [] : finding.entries.compactMap { entries[$0] },
                                 status: finding.status(interviewDate: vacancy.interviewDate, today: today), withheld: withheld)
        }
    }
}
