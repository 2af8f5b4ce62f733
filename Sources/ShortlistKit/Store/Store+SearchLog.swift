import Foundation
import GRDB

// MARK: - Store operations

extension Store {
    /// Logs one search of one planned query. Refuses, unless overridden with a reason, when the
    /// candidate was not told, the searcher sits on the panel, or the candidate or vacancy is no
    /// longer active. Logging a query again adds a newer entry; the older one stays.
    public func logSearch(_ request: SearchLogRequest, by actor: String?) throws(ShortlistError) -> LoggedSearch {
        guard request.confirmedPublicOnly else {
            throw .confirmationRequired(statement: "you viewed \(publicOnlyRules)", flag: "--public-only")
        }
        let note = request.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if request.outcome == .couldNotComplete, note.isEmpty {
            throw .invalidValue(field: "--note", value: "", expected: "why the search could not be completed")
        }
        let overrideReason = request.overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if overrideReason?.isEmpty == true {
            throw .invalidValue(field: "--override", value: "", expected: "the reason the rule is overridden")
        }
        var stored: [EvidenceFolder.Stored] = []
        do {
            return try write(by: actor) { change in
                try change.require([.searcher], to: "log a search")
                let candidate = try Candidate.fetch(change.db, request.candidate)
                let vacancy = try Vacancy.fetch(change.db, reference: request.candidate.vacancy)
                let searchedAt = request.searchedAt ?? change.now
                guard searchedAt <= change.now.addingTimeInterval(60) else {
                    throw ShortlistError.invalidValue(field: "--at", value: Timestamp.uk(searchedAt), expected: "a time that is not in the future")
                }
                try SearchRules.checkDecision(vacancy: vacancy, candidate: candidate)
                let failures = SearchRules.failures(candidate: candidate, vacancy: vacancy, searcher: change.actor?.name, on: Day(searchedAt))
                if !failures.isEmpty, overrideReason == nil {
                    throw ShortlistError.rulesRefused(record: request.candidate.description, failures: failures)
                }
                let searchProtocol = try SearchProtocol.fetch(change.db, id: vacancy.protocolID)
                let plan = candidate.plan(searchProtocol)
                let done = try change.currentEntryQueries(candidateID: candidate.id, stepKey: SearchRules.stepKey(of: request.query))
                let planned = try SearchRules.resolve(request.query, in: plan, of: candidate, protocol: searchProtocol, done: done)
                let queryUsed = request.queryUsed?.trimmingCharacters(in: .whitespacesAndNewlines)
                let query = queryUsed.flatMap { $0.isEmpty ? nil : $0 } ?? planned.query
                let late = vacancy.interviewDate.map { Day(searchedAt) > $0 } ?? false

                let addresses = request.addresses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for file in request.evidenceFiles { stored.append(try change.evidenceFolder.store(file: file)) }
                let entry = try change.insertSearchEntry(
                    candidate: candidate, vacancyID: vacancy.id, protocol: searchProtocol, planned: planned, query: query,
                    outcome: request.outcome, searchedAt: searchedAt, note: note, late: late, addresses: addresses,
                    overrides: failures.map { ($0.rule, overrideReason!) }, evidence: stored, runID: request.runID)
                var warnings: [String] = []
                if late, let interview = vacancy.interviewDate {
                    warnings.append("This search is after the interview date (\(interview.uk)); it is recorded as late.")
                }
                if entry.queryChanged { warnings.append("The query used differs from the planned one; both are kept and the change is flagged.") }
                if !failures.isEmpty {
                    warnings.append("Overridden: " + failures.map(\.rule.rawValue).joined(separator: ", ") + ". The reason is recorded and appears in audits.")
                }
                let remaining = plan.first { $0.step.key == planned.stepKey }!.queries
                    .filter { $0.query != planned.query && !done.contains($0.query) }.count
                return LoggedSearch(entry: entry, address: planned.address, remainingInStep: remaining, warnings: warnings)
            }
        } catch {
            stored.forEach(evidence.discard)
            throw error
        }
    }

    /// Withdraws a mistaken entry with a reason; it stays in the history, and its query is owed again
    /// unless an older entry for it remains.
    public func withdrawSearchEntry(_ id: Int64, reason: String, by actor: String?) throws(ShortlistError) -> SearchEntry {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalidValue(field: "--reason", value: "", expected: "why the entry is withdrawn") }
        return try write(by: actor) { change in
            try change.require([.searcher, .admin], to: "withdraw a search entry")
            guard let row = try Row.fetchOne(change.db, sql: """
                SELECT e.candidate_id, e.withdrawn_at, c.number, c.vacancy_id, v.reference FROM search_entry e
                JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id WHERE e.id = ?
                """, arguments: [id]) else {
                throw ShortlistError.notAllowed(record: "search entry #\(id)", reason: "there is no such entry",
                                                remedy: "See the entries with `shortlist check history CANDIDATE`.")
            }
            guard (row["withdrawn_at"] as String?) == nil else {
                throw ShortlistError.notAllowed(record: "search entry #\(id)", reason: "it is already withdrawn", remedy: "Nothing to do.")
            }
            let reference = CandidateReference(vacancy: row["reference"], number: row["number"])
            try change.db.execute(sql: "UPDATE search_entry SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?",
                                  arguments: [change.timestamp, change.actor!.id, reason, id])
            let entry = try SearchEntry.fetchAll(change.db, candidateIDs: [row["candidate_id"]]).first { $0.id == id }!
            try change.record("search.withdraw", entity: "search_entry", ref: "\(reference)#\(id)", vacancyID: row["vacancy_id"],
                              candidateID: row["candidate_id"], details: ["reason": reason], state: entry.auditFields)
            return entry
        }
    }

    /// Every entry logged for a candidate, oldest first, with its state in the history.
    public func searchHistory(_ reference: CandidateReference) throws(ShortlistError) -> [SearchEntry] {
        try read { db in
            let candidate = try Candidate.fetch(db, reference)
            return try SearchEntry.fetchAll(db, candidateIDs: [candidate.id])
        }
    }

    /// Records whether all, some or none of a vacancy's candidates are searched. Anything but
    /// all needs a reason; with some, `excluded` names the candidates not searched.
    public func decideSearch(_ vacancy: String, _ decision: SearchDecision, reason: String, excluded: [Int],
                             by actor: String?) throws(ShortlistError) -> Vacancy {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision != .all, reason.isEmpty {
            throw .invalidValue(field: "--reason", value: "", expected: "why not every shortlisted candidate is searched (KCSIE says schools should consider searching all)")
        }
        if decision == .some, excluded.isEmpty {
            throw .invalidValue(field: "--exclude", value: "", expected: "the number of each candidate not searched")
        }
        if decision != .some, !excluded.isEmpty {
            throw .invalidValue(field: "--exclude", value: excluded.map(String.init).joined(separator: ","), expected: "no exclusions unless the decision is some")
        }
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "record the search decision")
            let before = try Vacancy.fetch(change.db, reference: vacancy)
            for number in excluded {
                _ = try Candidate.fetch(change.db, CandidateReference(vacancy: before.reference, number: number))
            }
            try change.db.execute(sql: "UPDATE vacancy SET search_decision = ?, search_decision_reason = ?, updated_at = ? WHERE id = ?",
                                  arguments: [decision.rawValue, reason, change.timestamp, before.id])
            for candidate in try Row.fetchAll(change.db, sql: "SELECT id, number, search_excluded FROM candidate WHERE vacancy_id = ?",
                                              arguments: [before.id]) {
                let number: Int = candidate["number"]
                let exclude = excluded.contains(number)
                guard exclude != candidate["search_excluded"] else { continue }
                try change.db.execute(sql: "UPDATE candidate SET search_excluded = ? WHERE id = ?", arguments: [exclude, candidate["id"]])
                let reference = CandidateReference(vacancy: before.reference, number: number)
                try change.record("candidate.search-decision", entity: "candidate", ref: reference.description, vacancyID: before.id,
                                  candidateID: candidate["id"], details: ["excluded": exclude ? "yes" : "no"],
                                  state: try Candidate.fetch(change.db, reference).auditFields)
            }
            let after = try Vacancy.fetch(change.db, reference: before.reference)
            try change.recordUpdate("vacancy.search-decision", entity: "vacancy", ref: after.reference, vacancyID: after.id,
                                    before: before.auditFields, after: after.auditFields)
            return after
        }
    }
}

// MARK: - Rules and resolution

extension Change {
    /// Writes one search entry with its addresses, overrides and evidence, and its audit event:
    /// the one place entries are written (by `logSearch` after its checks, and by bulk loads).
    func insertSearchEntry(candidate: Candidate, vacancyID: Int64, protocol searchProtocol: SearchProtocol, planned: PlannedQuery,
                           query: String, outcome: SearchOutcome, searchedAt: Date, note: String, late: Bool,
                           addresses: [String], overrides: [(SearchRule, String)], evidence: [EvidenceFolder.Stored],
                           runID: String?) throws -> SearchEntry {
        let at = Timestamp.iso(searchedAt)
        try db.cachedStatement(sql: """
            INSERT INTO search_entry (candidate_id, protocol_id, step_key, planned_query, query, searched_at, searcher_id,
                                      outcome, note, public_only, late, run_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
            """).execute(arguments: [candidate.id, searchProtocol.id, planned.stepKey, planned.query, query, at, actor!.id,
                                     outcome.rawValue, note, late, runID, timestamp])
        let id = db.lastInsertedRowID
        for (position, address) in addresses.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO search_address (entry_id, position, address) VALUES (?, ?, ?)")
                .execute(arguments: [id, position + 1, address])
        }
        for (rule, reason) in overrides {
            try db.cachedStatement(sql: "INSERT INTO search_override (entry_id, rule, reason) VALUES (?, ?, ?)")
                .execute(arguments: [id, rule.rawValue, reason])
        }
        for file in evidence {
            try db.cachedStatement(sql: "INSERT INTO evidence (entry_id, sha256, original_name, size, added_at) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [id, file.sha256, file.originalName, file.size, timestamp])
        }
        let entry = SearchEntry(
            id: id, candidate: candidate.reference, protocolTitle: searchProtocol.title, stepKey: planned.stepKey,
            plannedQuery: planned.query, query: query, searchedAt: at, searcher: actorName, outcome: outcome, note: note, late: late,
            recordedAt: timestamp, addresses: addresses, overrides: overrides.map { (rule: $0.0, reason: $0.1) },
            evidence: evidence.map { (sha256: $0.sha256, name: $0.originalName, size: $0.size) }, state: .current, withdrawnReason: nil)
        try record("search.log", entity: "search_entry", ref: "\(candidate.reference)#\(id)", vacancyID: vacancyID,
                   candidateID: candidate.id, details: entry.auditFields, state: entry.auditFields)
        return entry
    }

    var evidenceFolder: EvidenceFolder { EvidenceFolder(databasePath: storePath) }

    /// The planned queries of a step that have a current entry.
    func currentEntryQueries(candidateID: Int64, stepKey: String) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT planned_query FROM search_entry
            WHERE candidate_id = ? AND step_key = ? AND withdrawn_at IS NULL
            """, arguments: [candidateID, stepKey]))
    }
}

// MARK: - Reading entries

extension SearchEntry {
    /// The entries of the given candidates (nil: of every candidate), ordered by candidate then
    /// entry, with addresses, overrides and evidence: four queries, however many entries.
    static func fetchAll(_ db: Database, candidateIDs: [Int64]?) throws -> [SearchEntry] {
        // Two forms, not `? IS NULL OR …`, which would stop SQLite using the index.
        let ids = candidateIDs.map { JSONText.array($0.map(String.init)) }
        let filter = ids == nil ? "1" : "e.candidate_id IN (SELECT value FROM json_each(?1))"
        let arguments: StatementArguments = ids.map { [$0] } ?? []
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.*, s.name AS searcher, p.name || ' v' || p.version AS protocol_title, c.number, v.reference AS vacancy_reference,
                   row_number() OVER (PARTITION BY e.candidate_id, e.step_key, e.planned_query, e.withdrawn_at IS NULL
                                      ORDER BY e.id DESC) AS recency
            FROM search_entry e JOIN staff s ON s.id = e.searcher_id JOIN protocol p ON p.id = e.protocol_id
            JOIN candidate c ON c.id = e.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            WHERE \(filter) ORDER BY e.candidate_id, e.id
            """, arguments: arguments)
        var addresses: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.entry_id, a.address FROM search_address a JOIN search_entry e ON e.id = a.entry_id
            WHERE \(filter) ORDER BY a.entry_id, a.position
            """, arguments: arguments) {
            addresses[row["entry_id"], default: []].append(row["address"])
        }
        var overrides: [Int64: [(SearchRule, String)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.entry_id, o.rule, o.reason FROM search_override o JOIN search_entry e ON e.id = o.entry_id
            WHERE \(filter) ORDER BY o.entry_id, o.rule
            """, arguments: arguments) {
            overrides[row["entry_id"], default: []].append((SearchRule(rawValue: row["rule"])!, row["reason"]))
        }
        var evidence: [Int64: [(String, String, Int)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT x.entry_id, x.sha256, x.original_name, x.size FROM evidence x JOIN search_entry e ON e.id = x.entry_id
            WHERE \(filter) ORDER BY x.id
            """, arguments: arguments) {
            evidence[row["entry_id"], default: []].append((row["sha256"], row["original_name"], row["size"]))
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let withdrawnReason: String? = row["withdrawn_reason"]
            let state: State = withdrawnReason != nil ? .withdrawn : (row["recency"] as Int) == 1 ? .current : .superseded
            return SearchEntry(
                id: id, candidate: CandidateReference(vacancy: row["vacancy_reference"], number: row["number"]),
                protocolTitle: row["protocol_title"], stepKey: row["step_key"],
                plannedQuery: row["planned_query"], query: row["query"], searchedAt: row["searched_at"], searcher: row["searcher"],
                outcome: SearchOutcome(rawValue: row["outcome"])!, note: row["note"], late: row["late"],
                recordedAt: row["recorded_at"], addresses: addresses[id] ?? [],
                overrides: (overrides[id] ?? []).map { (rule: $0.0, reason: $0.1) },
                evidence: (evidence[id] ?? []).map { (sha256: $0.0, name: $0.1, size: $0.2) },
                state: state, withdrawnReason: withdrawnReason)
        }
    }

    /// The entry as written into audit details (and as `audit verify` recomputes it).
    var auditFields: [String: String] {
        Dictionary(uniqueKeysWithValues: SearchEntry.stateFields(
            step: stepKey, plannedQuery: plannedQuery, query: query, searchedAt: searchedAt, outcome: outcome.rawValue, note: note,
            late: late, addresses: addresses.joined(separator: " "),
            overrides: overrides.map { "\($0.rule.rawValue): \($0.reason)" }.joined(separator: "; "),
            evidence: evidence.map(\.sha256).joined(separator: " "), withdrawnReason: withdrawnReason ?? ""))
    }

    /// The fields of an entry's state, sorted by key (as `Digest.state` encodes them), so that
    /// `audit verify` can hash hundreds of thousands of entries without building dictionaries.
    static func stateFields(step: String, plannedQuery: String, query: String, searchedAt: String, outcome: String, note: String,
                            late: Bool, addresses: String, overrides: String, evidence: String,
                            withdrawnReason: String) -> [(String, String)] {
        [
            ("addresses", addresses), ("evidence", evidence), ("late", late ? "yes" : "no"), ("note", note), ("outcome", outcome),
            ("overrides", overrides), ("planned_query", plannedQuery), ("public_only_confirmed", "yes"), ("query", query),
            ("searched_at", searchedAt), ("step", step), ("withdrawn_reason", withdrawnReason),
        ]
    }
}
extension Store {
    /// The rules that would refuse the acting searcher's search of a candidate now.
    public func ruleFailures(for reference: CandidateReference, by actor: String?) throws(ShortlistError) -> [RuleFailure] {
        try read { db in
            let change = try Change(db: db, storePath: path, actorName: actor, now: clock())
            try change.require([.searcher], to: "log a search")
            let candidate = try Candidate.fetch(change.db, reference)
            let vacancy = try Vacancy.fetch(change.db, reference: reference.vacancy)
            try SearchRules.checkDecision(vacancy: vacancy, candidate: candidate)
            return SearchRules.failures(candidate: candidate, vacancy: vacancy, searcher: change.actor?.name, on: change.today)
        }
    }
}
