import Foundation
import GRDB

// MARK: - Retention and holds

extension Store {
    /// Months after a vacancy closes when its candidates' personal data is due for purge.
    public func retentionMonths() throws(ShortlistError) -> Int {
        try read { db in try Store.retentionMonths(db) }
    }

    static func retentionMonths(_ db: Database) throws -> Int {
        Int(try setting(db, .retentionMonths)) ?? 6
    }

    /// Changes the retention period (admins only).
    public func setRetentionMonths(_ months: Int, by actor: String?) throws(ShortlistError) {
        guard (1...120).contains(months) else {
            throw .invalidValue(field: "--months", value: String(months), expected: "a number of months from 1 to 120")
        }
        try setSetting("retention_months", to: String(months), by: actor)
    }

    /// Holds a vacancy from purge, or lifts the hold (`reason` nil); both are audited.
    @discardableResult
    public func holdVacancy(_ reference: String, reason: String?, liftReason: String = "", by actor: String?) throws(ShortlistError) -> Vacancy {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason?.isEmpty == true { throw .invalidValue(field: "--reason", value: "", expected: "why the vacancy is held (for example, a pending claim)") }
        return try write(by: actor) { change in
            try change.require([.admin, .recruitingManager], to: "hold a vacancy from purge")
            let before = try Vacancy.fetch(change.db, reference: reference)
            if reason == nil, before.holdReason == nil {
                throw ShortlistError.notAllowed(record: before.reference, reason: "it is not held", remedy: "Nothing to lift.")
            }
            try change.db.execute(sql: "UPDATE vacancy SET hold_reason = ?, updated_at = ? WHERE id = ?",
                                  arguments: [reason, change.timestamp, before.id])
            let after = try Vacancy.fetch(change.db, reference: before.reference)
            try change.recordUpdate(reason == nil ? "vacancy.hold-lift" : "vacancy.hold", entity: "vacancy", ref: after.reference,
                                    vacancyID: after.id, before: before.auditFields, after: after.auditFields, reason: liftReason)
            return after
        }
    }
}

// MARK: - Purge

extension Store {
    /// What is due for purge and why; changes nothing.
    public func purgePlan() throws(ShortlistError) -> PurgePlan {
        try read { db in try Store.purgePlan(db, today: Day(clock())) }
    }

    static func purgePlan(_ db: Database, today: Day) throws -> PurgePlan {
        let months = try retentionMonths(db)
        var plan = PurgePlan(due: [], held: [], retentionMonths: months)
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.reference, v.closed_on, \(Vacancy.closeRecordedSQL) AS close_recorded_at, v.hold_reason, c.id, c.number, c.outcome
            FROM vacancy v JOIN candidate c ON c.vacancy_id = v.id
            WHERE v.closed_on IS NOT NULL AND c.purged_on IS NULL
            ORDER BY v.closed_on, v.reference, c.number
            """)
        for row in rows {
            let closed = Day(iso: row["closed_on"])!
            let recorded = (row["close_recorded_at"] as String?).flatMap(Timestamp.parse(iso:)).map(Day.init)
            let due = Vacancy.purgeDue(closedOn: closed, recordedOn: recorded, retentionMonths: months)
            guard due <= today else { continue }
            let reference: String = row["reference"]
            if let hold: String = row["hold_reason"] {
                if plan.held.last?.vacancy != reference { plan.held.append((reference, hold)) }
                continue
            }
            let outcome = CandidateOutcome(rawValue: row["outcome"])!
            plan.due.append(PurgeItem(candidate: CandidateReference(vacancy: reference, number: row["number"]), candidateID: row["id"],
                                      outcome: outcome, closedOn: closed, dueOn: due, action: outcome == .appointed ? .reduce : .remove))
        }
        return plan
    }

    /// Deletes the personal data that is due, leaving an anonymous stub per candidate and an audit
    /// event with the counts. It goes in batches of `purgeBatchSize` candidates, each one
    /// transaction with its own purge event, so that other writers wait a moment rather than the
    /// whole purge; a purge stopped part way leaves whole batches done, the chain valid, and the
    /// rest for the next run. Evidence files go once nothing refers to them.
    public func applyPurge(by actor: String?) throws(ShortlistError) -> PurgeResult {
        try applyPurge(by: actor, batchSize: Store.purgeBatchSize)
    }

    /// Applies the purge only when `confirmation` is what the plan due now asks for (`PurgePlan.confirmationText`:
    /// the number of candidates due); otherwise nothing changes and the refusal says what to type.
    public func applyPurge(confirmation: String, by actor: String?) throws(ShortlistError) -> PurgeResult {
        let plan = try purgePlan()
        guard !plan.due.isEmpty else {
            throw .notAllowed(record: "the purge", reason: "no candidate's personal data is due", remedy: "Nothing was changed.")
        }
        guard plan.isConfirmed(by: confirmation) else {
            throw .invalidValue(field: "confirmation", value: confirmation, expected: "the number of candidates due, \(plan.confirmationText), "
                + "to confirm; nothing was changed")
        }
        return try applyPurge(by: actor)
    }

    /// How many candidates one purge transaction takes.
    static let purgeBatchSize = 100

    func applyPurge(by actor: String?, batchSize: Int) throws(ShortlistError) -> PurgeResult {
        var result = PurgeResult()
        var orphanedEvidence: Set<String> = []
        var more = true
        while more {
            let batch = try purgeBatch(by: actor, batchSize: batchSize)
            result.add(batch.result)
            orphanedEvidence.formUnion(batch.orphaned)
            more = batch.more
        }
        result.unreferencedEvidenceRemoved = try removeUnreferencedEvidence(accountedFor: orphanedEvidence, by: actor)
        // Old page images can linger in the write-ahead log: fold it into the file and empty it.
        do {
            try queue.writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw Store.translate(error, path: path)
        }
        return result
    }

    /// One batch of the purge, in one transaction: the first `batchSize` candidates due. Returns its
    /// counts, the evidence files it left unreferenced, and whether more candidates are due.
    private func purgeBatch(by actor: String?, batchSize: Int) throws(ShortlistError) -> (result: PurgeResult, orphaned: [String], more: Bool) {
        try write(by: actor) { change in
            try change.require([.admin], to: "purge personal data")
            let db = change.db
            let whole = try Store.purgePlan(db, today: change.today)
            var result = PurgeResult()
            guard !whole.due.isEmpty else { return (result, [], false) }
            let plan = PurgePlan(due: Array(whole.due.prefix(batchSize)), held: whole.held, retentionMonths: whole.retentionMonths)
            let ids = JSONText.array(plan.due.map { String($0.candidateID) })
            let inDue = "IN (SELECT value FROM json_each(?1))"
            let summaries = try Store.purgeSummaries(db, plan: plan, today: change.today)

            result.candidates = plan.due.count
            result.removed = plan.due.count { $0.action == .remove }
            result.reduced = plan.due.count { $0.action == .reduce }
            result.searchEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_entry WHERE candidate_id \(inDue)", arguments: [ids])!
            result.findings = try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE candidate_id \(inDue)", arguments: [ids])!
            let evidence = try String.fetchAll(db, sql: """
                SELECT DISTINCT x.sha256 FROM evidence x JOIN search_entry e ON e.id = x.entry_id WHERE e.candidate_id \(inDue)
                """, arguments: [ids])
            let detailSeqs = try Int64.fetchAll(db, sql: """
                SELECT e.seq FROM audit_event e JOIN audit_detail d ON d.seq = e.seq WHERE e.candidate_id \(inDue)
                """, arguments: [ids])
            result.auditDetails = detailSeqs.count
            result.vacancies = Array(Set(plan.due.map(\.candidate.vacancy))).sorted()

            // Personal fields of search entries, findings and their satellites.
            try db.execute(sql: "DELETE FROM search_address WHERE entry_id IN (SELECT id FROM search_entry WHERE candidate_id \(inDue))", arguments: [ids])
            try db.execute(sql: "UPDATE search_override SET reason = '(purged)' WHERE entry_id IN (SELECT id FROM search_entry WHERE candidate_id \(inDue))",
                           arguments: [ids])
            try db.execute(sql: "DELETE FROM evidence WHERE entry_id IN (SELECT id FROM search_entry WHERE candidate_id \(inDue))", arguments: [ids])
            try db.execute(sql: """
                UPDATE search_entry SET query = '', planned_query = step_key,
                       note = CASE WHEN note <> '' THEN '(purged)' ELSE '' END,
                       withdrawn_reason = CASE WHEN withdrawn_reason IS NULL THEN NULL ELSE '(purged)' END
                WHERE candidate_id \(inDue)
                """, arguments: [ids])
            let purgedText = { (column: String) in "\(column) = CASE WHEN \(column) <> '' THEN '(purged)' ELSE '' END" }
            try db.execute(sql: """
                UPDATE finding_version SET summary = '(purged)', sources = '[]', \(["identity_basis", "relevance", "decision_reason", "question",
                    "identity_question", "response", "conclusion_detail", "follow_up", "correction_reason"].map(purgedText).joined(separator: ", "))
                WHERE finding_id IN (SELECT id FROM finding WHERE candidate_id \(inDue))
                """, arguments: [ids])
            try db.execute(sql: "UPDATE candidate_notice SET text = '(purged)' WHERE candidate_id \(inDue)", arguments: [ids])
            let stub = try db.makeStatement(sql: """
                UPDATE candidate SET full_name = CASE WHEN ?2 THEN full_name ELSE '' END, other_names = '[]', town = '',
                       current_employer = '', previous_employers = '[]', email = '', purged_on = ?3, purge_summary = ?4
                WHERE id = ?1
                """)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for item in plan.due {
                let summary = String(decoding: try encoder.encode(summaries[item.candidateID]!), as: UTF8.self)
                try stub.execute(arguments: [item.candidateID, item.action == .reduce, change.today.iso, summary])
            }

            // Files no longer referred to by any entry go once the transaction commits.
            let orphanedEvidence = try String.fetchAll(db, sql: """
                SELECT value FROM json_each(?) WHERE value NOT IN (SELECT sha256 FROM evidence)
                """, arguments: [JSONText.array(evidence)])
            result.evidenceFiles = orphanedEvidence.count
            // The purge event, then the details it deletes, each marked with it.
            let purgeSeq = try change.record("purge", entity: "purge", ref: change.today.iso, details: result)
            let mark = try db.makeStatement(sql: "INSERT INTO audit_detail_purge (seq, purge_seq) VALUES (?, ?)")
            let delete = try db.makeStatement(sql: "DELETE FROM audit_detail WHERE seq = ?")
            for seq in detailSeqs {
                try mark.execute(arguments: [seq, purgeSeq])
                try delete.execute(arguments: [seq])
            }
            // One event per stub, with its new state, so `audit verify` still matches every record.
            for row in try Row.fetchAll(db, sql: Candidate.selectSQL + " WHERE c.id \(inDue) ORDER BY c.id", arguments: [ids]) {
                let candidate = try Candidate(row: row)
                try change.record("candidate.purge", entity: "candidate", ref: candidate.reference.description, vacancyID: candidate.vacancyID,
                                  candidateID: candidate.id, details: ["purge_event": String(purgeSeq)], state: candidate.auditFields)
            }
                        return (result, orphanedEvidence, whole.due.count > plan.due.count)
        }
    }

    /// Removes every evidence file that no record names, and records the removal of those not in
    /// `accountedFor` (the files the purge just left unreferenced, which its own event counts). Such files
    /// are left by a purge killed after its commit, or a copy interrupted where files cannot be written
    /// unnamed. It runs in a write transaction of its own, after the purge's: no search can be storing a file
    /// meanwhile, and a file a search has since come to name again is kept. Returns how many it recorded.
    private func removeUnreferencedEvidence(accountedFor: Set<String>, by actor: String?) throws(ShortlistError) -> Int {
        let folder = evidence
        guard !folder.fileNames().isEmpty else { return 0 }
        return try write(by: actor) { change in
            try change.require([.admin], to: "purge personal data")
            let referenced = Set(try String.fetchAll(change.db, sql: "SELECT DISTINCT sha256 FROM evidence"))
            // Only files shortlist made: anything else someone put there is left alone (doctor lists it).
            let unreferenced = folder.fileNames().filter { EvidenceFolder.isOwnFile($0) && !referenced.contains($0) }
            guard !unreferenced.isEmpty else { return 0 }
            guard access(folder.path, W_OK | X_OK) == 0 else {
                throw ShortlistError.file(path: folder.path, reason: "\(unreferenced.count) evidence files that no record names cannot be removed "
                    + "(\(Errno.current.text)); check the folder's permissions")
            }
            for name in unreferenced { unlink(folder.path + "/" + name) }
            AtomicFile.syncFolder(folder.path)
            let others = unreferenced.filter { !accountedFor.contains($0) }
            if !others.isEmpty {
                try change.record("evidence.remove-unreferenced", entity: "evidence", ref: change.today.iso,
                                  details: ["files": String(others.count), "names": others.joined(separator: ",")])
            }
            return others.count
        }
    }

    /// The stub summary of each due candidate, from their progress and the compliance rules' judgement.
    private static func purgeSummaries(_ db: Database, plan: PurgePlan, today: Day) throws -> [Int64: PurgeSummary] {
        let due = Dictionary(uniqueKeysWithValues: plan.due.map { ($0.candidateID, $0) })
        let vacancyIDs = try Int64.fetchAll(db, sql: "SELECT id FROM vacancy WHERE reference IN (SELECT value FROM json_each(?))",
                                            arguments: [JSONText.array(Array(Set(plan.due.map(\.candidate.vacancy))))])
        let facts = try complianceFacts(db, progress: VacancyProgress.load(db, vacancyIDs: vacancyIDs, today: today))
        var summaries: [Int64: PurgeSummary] = [:]
        for assessed in facts.map({ ComplianceRules.assess($0, today: today) }) {
            for candidate in assessed.candidates {
                guard let item = due[candidate.progress.candidate.id] else { continue }
                summaries[item.candidateID] = PurgeSummary(candidate, action: item.action)
            }
        }
        return summaries
    }
}
