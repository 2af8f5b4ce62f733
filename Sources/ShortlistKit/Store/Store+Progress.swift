import Foundation
import GRDB

// MARK: - Loading

extension VacancyProgress {
    /// Loads the progress of the given vacancies with six queries, however many candidates they have.
    static func load(_ db: Database, vacancyIDs: [Int64], today: Day) throws -> [VacancyProgress] {
        let ids = JSONText.array(vacancyIDs.map(String.init))
        let vacancies = try Row.fetchAll(db, sql: Vacancy.selectSQL + " WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.id DESC",
                                         arguments: [ids]).map(Vacancy.init(row:))
        let candidates = try Row.fetchAll(db, sql: Candidate.selectSQL + """
             WHERE c.vacancy_id IN (SELECT value FROM json_each(?)) ORDER BY c.vacancy_id, c.number
            """, arguments: [ids]).map { try Candidate(row: $0) }
        let protocols = try SearchProtocol.fetchAll(db, ids: Array(Set(vacancies.map(\.protocolID))))
        var current: [Int64: [String: CurrentEntry]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.candidate_id, e.step_key, e.planned_query, e.id, e.outcome, e.searched_at, e.query, e.late, s.name AS searcher,
                   EXISTS (SELECT 1 FROM finding_source_entry fs WHERE fs.entry_id = e.id) AS cited
            FROM (SELECT *, row_number() OVER (PARTITION BY candidate_id, step_key, planned_query ORDER BY id DESC) AS recency
                  FROM search_entry
                  WHERE withdrawn_at IS NULL
                    AND candidate_id IN (SELECT id FROM candidate WHERE vacancy_id IN (SELECT value FROM json_each(?)))) e
            JOIN staff s ON s.id = e.searcher_id
            WHERE e.recency = 1
            """, arguments: [ids]) {
            let key = (row["step_key"] as String) + "\u{1F}" + (row["planned_query"] as String)
            current[row["candidate_id"], default: [:]][key] = CurrentEntry(
                id: row["id"], outcome: SearchOutcome(rawValue: row["outcome"])!, searchedAt: row["searched_at"],
                searcher: row["searcher"], query: row["query"], late: row["late"], cited: row["cited"])
        }
        var overrides: [Int64: Int] = [:]
        var firstSearch: [Int64: String] = [:]
        var protocolsOf: [Int64: Set<Substring>] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.candidate_id, min(e.searched_at) AS first, count(DISTINCT o.entry_id) AS overrides,
                   group_concat(DISTINCT CASE WHEN e.withdrawn_at IS NULL THEN e.protocol_id END) AS protocols
            FROM search_entry e LEFT JOIN search_override o ON o.entry_id = e.id
            WHERE e.candidate_id IN (SELECT id FROM candidate WHERE vacancy_id IN (SELECT value FROM json_each(?)))
            GROUP BY e.candidate_id
            """, arguments: [ids]) {
            overrides[row["candidate_id"]] = row["overrides"]
            firstSearch[row["candidate_id"]] = row["first"]
            protocolsOf[row["candidate_id"]] = Set(((row["protocols"] as String?) ?? "").split(separator: ","))
        }
        var findings: [Int64: [(decision: FindingDecision?, protected: Bool, conclusion: FindingConclusion?, followedUp: Bool)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT f.candidate_id, fv.decision, fv.protected, fv.conclusion, fv.follow_up <> '' AS followed_up
            FROM finding f JOIN finding_version fv ON fv.finding_id = f.id
                 AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
            WHERE f.candidate_id IN (SELECT id FROM candidate WHERE vacancy_id IN (SELECT value FROM json_each(?)))
            ORDER BY f.candidate_id, f.number
            """, arguments: [ids]) {
            findings[row["candidate_id"], default: []].append(
                ((row["decision"] as String?).flatMap(FindingDecision.init(rawValue:)), row["protected"],
                 (row["conclusion"] as String?).flatMap(FindingConclusion.init(rawValue:)), row["followed_up"]))
        }
        let byVacancy = Dictionary(grouping: candidates, by: \.vacancyID)
        return vacancies.map { vacancy in
            let searchProtocol = protocols.first { $0.id == vacancy.protocolID }!
            let progress = (byVacancy[vacancy.id] ?? []).map { candidate in
                let entries = current[candidate.id] ?? [:]
                // A purged stub has no plan left to expand: its counts are in its purge summary.
                let steps = candidate.purgedOn != nil ? [] : candidate.plan(searchProtocol).map { step, queries in
                    StepProgress(step: step, queries: queries,
                                 entries: queries.map { entries[$0.stepKey + "\u{1F}" + $0.query] })
                }
                return CandidateProgress(
                    candidate: candidate, protocolTitle: searchProtocol.title, steps: steps, overrides: overrides[candidate.id] ?? 0,
                    firstSearchedAt: firstSearch[candidate.id],
                    excludedByDecision: vacancy.excludes(candidate),
                    findings: (findings[candidate.id] ?? []).map {
                        FindingStatus.of(decision: $0.decision, protected: $0.protected, conclusion: $0.conclusion,
                                         followedUp: $0.followedUp, interviewDate: vacancy.interviewDate, today: today)
                    })
            }
            let protocolsUsed = (byVacancy[vacancy.id] ?? []).reduce(into: Set<Substring>()) { $0.formUnion(protocolsOf[$1.id] ?? []) }.count
            return VacancyProgress(vacancy: vacancy, searchProtocol: searchProtocol, candidates: progress, protocolsUsed: protocolsUsed)
        }
    }
}

extension Store {
    /// The search progress of one vacancy, or of every vacancy still recruiting
    /// (open, shortlisted or interviewing) when `vacancy` is nil.
    public func searchProgress(vacancy: String? = nil) throws(ShortlistError) -> [VacancyProgress] {
        try read { db in
            let ids: [Int64]
            if let vacancy {
                ids = [try Vacancy.fetch(db, reference: vacancy).id]
            } else {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM vacancy WHERE status IN ('open', 'shortlisted', 'interviewing')")
            }
            return try VacancyProgress.load(db, vacancyIDs: ids, today: Day(clock()))
        }
    }

    /// The search progress of one candidate (their plan, with what is done).
    public func searchProgress(candidate reference: CandidateReference) throws(ShortlistError) -> (vacancy: Vacancy, progress: CandidateProgress) {
        let vacancies = try searchProgress(vacancy: reference.vacancy)
        guard let found = vacancies.first?.candidates.first(where: { $0.candidate.reference.number == reference.number }) else {
            throw .unknownCandidate(reference: reference.description)
        }
        return (vacancies[0].vacancy, found)
    }
}
