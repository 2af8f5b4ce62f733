import Foundation
import GRDB

// MARK: - Store operations

extension Store {
    /// Records a finding from one or more of the candidate's search entries.
    @discardableResult
    public func addFinding(to candidate: CandidateReference, _ draft: FindingDraft, by actor: String?) throws(ShortlistError) -> Finding {
        try write(by: actor) { change in
            try change.require([.searcher], to: "record a finding")
            let target = try Candidate.fetch(change.db, candidate)
            guard !draft.entries.isEmpty else {
                throw ShortlistError.invalidValue(field: "--entry", value: "", expected: "the number of the search entry it came from (see `check history`)")
            }
            for entry in draft.entries {
                guard try Int64.fetchOne(change.db, sql: "SELECT candidate_id FROM search_entry WHERE id = ?", arguments: [entry]) == target.id else {
                    throw ShortlistError.notAllowed(record: candidate.description, reason: "search entry \(entry) is not one of this candidate's",
                                                    remedy: "See the candidate's entries with `shortlist check history \(candidate)`.")
                }
            }
            var state = FindingState(summary: draft.summary, sources: draft.sources, contentDate: draft.contentDate,
                                     protectedCharacteristic: draft.protectedCharacteristic, category: draft.category,
                                     identity: draft.identity, identityBasis: draft.identityBasis, relevance: draft.relevance)
            try change.validate(&state, record: "new finding for \(candidate)")
            let number = try Int.fetchOne(change.db, sql: "SELECT coalesce(max(number), 0) + 1 FROM finding WHERE candidate_id = ?",
                                          arguments: [target.id])!
            try change.db.execute(sql: "INSERT INTO finding (candidate_id, number) VALUES (?, ?)", arguments: [target.id, number])
            let id = change.db.lastInsertedRowID
            for entry in Set(draft.entries) {
                try change.db.execute(sql: "INSERT INTO finding_source_entry (finding_id, entry_id) VALUES (?, ?)", arguments: [id, entry])
            }
            let reference = FindingReference(candidate: candidate, number: number)
            return try change.appendVersion(findingID: id, reference: reference, candidate: target, action: "add", state: state)
        }
    }

    /// Corrects a finding's content: a new version; every earlier one stays.
    @discardableResult
    public func updateFinding(_ reference: FindingReference, _ correction: FindingCorrection, by actor: String?) throws(ShortlistError) -> Finding {
        try write(by: actor) { change in
            try change.require([.searcher, .recruitingManager], to: "correct a finding")
            let (finding, candidate) = try change.finding(reference)
            var state = FindingState(finding.current)
            state.correctionReason = (correction.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if finding.current.protectedCharacteristic, correction.protectedCharacteristic == false, state.correctionReason.isEmpty {
                throw ShortlistError.missingValues(
                    record: reference.description, fields: ["--reason"],
                    hints: ["why it is not about a protected characteristic after all: removing the mark is reported to governors, and someone else must then decide the finding"])
            }
            state.summary = correction.summary ?? state.summary
            state.sources = correction.sources ?? state.sources
            state.contentDate = correction.contentDate ?? state.contentDate
            state.category = correction.category ?? state.category
            state.protectedCharacteristic = correction.protectedCharacteristic ?? state.protectedCharacteristic
            state.identity = correction.identity ?? state.identity
            state.identityBasis = correction.identityBasis ?? state.identityBasis
            state.relevance = correction.relevance ?? state.relevance
            if state.protectedCharacteristic, state.conclusion != nil {
                throw ShortlistError.notAllowed(
                    record: reference.description, reason: "it was raised and the candidate's response is recorded",
                    remedy: "A finding the panel has already put to the candidate cannot be re-marked; record what happened as a new finding or with the recruiting manager.")
            }
            if state.protectedCharacteristic, state.decision == .raise {
                // A finding found to concern a protected characteristic is withdrawn from the panel.
                state.clearDecision()
            }
            try change.validate(&state, record: reference.description)
            // What the panel would be shown has changed since it was decided: it needs deciding again, so
            // no correction can reach the panel without a recruiting manager's review of what it now says.
            if state.decision != nil, state.conclusion == nil, !state.sameContent(as: FindingState(finding.current)) {
                state.clearDecision()
            }
            return try change.appendVersion(findingID: finding.id, reference: reference, candidate: candidate, action: "update", state: state)
        }
    }

    /// The recruiting manager's decision: raise at interview with a neutral question, no
    /// further action, or not the candidate (each with a reason).
    @discardableResult
    public func decideFinding(_ reference: FindingReference, _ decision: FindingDecision, reason: String, question: String,
                              identityQuestion: String, by actor: String?) throws(ShortlistError) -> Finding {
        try write(by: actor) { change in
            try change.require([.recruitingManager], to: "decide whether a finding is raised")
            let (finding, candidate) = try change.finding(reference)
            var state = FindingState(finding.current)
            let record = reference.description
            if state.conclusion != nil {
                throw ShortlistError.notAllowed(record: record, reason: "the candidate's response is already recorded",
                                                remedy: "A decision cannot change after the response.")
            }
            if let removal = finding.markRemovals.first(where: { $0.recordedBy == change.actorName }) {
                throw ShortlistError.notAllowed(
                    record: record, reason: "you removed its protected-characteristic mark (version \(removal.version)), so you may not also decide it",
                    remedy: "Another recruiting manager must decide it, so that a second person reviews it before anything can reach the panel.")
            }
            if decision == .raise {
                if state.protectedCharacteristic {
                    throw ShortlistError.notAllowed(
                        record: record, reason: "it is about a protected characteristic (Equality Act 2010), so it can never be raised",
                        remedy: "Record no further action instead: `shortlist finding decide \(record) --decision no-further-action --reason TEXT`.")
                }
                try Store.requireQuestion(question, field: "--question", record: record)
                if state.identity == .unverified {
                    guard !identityQuestion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                        throw ShortlistError.notAllowed(
                            record: record, reason: "its identity is unverified, so it cannot be raised as a statement about the candidate",
                            remedy: "Add --identity-question, asked first, that confirms whether it concerns them (for example: \"Do you have a public profile on this site?\").")
                    }
                    try Store.requireQuestion(identityQuestion, field: "--identity-question", record: record)
                }
            } else if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ShortlistError.invalidValue(field: "--reason", value: "", expected: "why the finding is not raised")
            }
            state.decision = decision
            state.decisionReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            state.question = decision == .raise ? question.trimmingCharacters(in: .whitespacesAndNewlines) : ""
            state.identityQuestion = decision == .raise ? identityQuestion.trimmingCharacters(in: .whitespacesAndNewlines) : ""
            state.decidedBy = change.actor?.id
            state.decidedAt = change.timestamp
            return try change.appendVersion(findingID: finding.id, reference: reference, candidate: candidate, action: "decide", state: state)
        }
    }

    /// After the interview: the candidate's response and the panel's conclusion.
    @discardableResult
    public func respondToFinding(_ reference: FindingReference, response: String, conclusion: FindingConclusion, detail: String,
                                 by actor: String?) throws(ShortlistError) -> Finding {
        let response = response.trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !response.isEmpty else { throw .invalidValue(field: "--response", value: "", expected: "what the candidate said") }
        if conclusion != .satisfied, detail.isEmpty {
            throw .invalidValue(field: "--detail", value: "", expected: conclusion == .furtherChecks
                                ? "which further checks are needed" : "what happens next")
        }
        return try write(by: actor) { change in
            try change.require([.panel, .recruitingManager], to: "record a candidate's response")
            let (finding, candidate) = try change.finding(reference)
            var state = FindingState(finding.current)
            guard state.decision == .raise else {
                throw ShortlistError.notAllowed(record: reference.description, reason: "it was not raised at interview",
                                                remedy: "Only a raised finding has a response.")
            }
            state.response = response
            state.responseBy = change.actor?.id
            state.responseAt = change.timestamp
            state.conclusion = conclusion
            state.conclusionDetail = detail
            return try change.appendVersion(findingID: finding.id, reference: reference, candidate: candidate, action: "respond", state: state)
        }
    }

    /// What was done after the panel concluded that further checks are needed or a concern
    /// remains; until it is recorded, the finding is outstanding.
    @discardableResult
    public func recordFollowUp(_ reference: FindingReference, note: String, by actor: String?) throws(ShortlistError) -> Finding {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw .invalidValue(field: "--note", value: "", expected: "what was done: the checks made and their result, or what happened next") }
        return try write(by: actor) { change in
            try change.require([.panel, .recruitingManager], to: "record the follow-up of a finding")
            let (finding, candidate) = try change.finding(reference)
            var state = FindingState(finding.current)
            guard let conclusion = state.conclusion, conclusion != .satisfied else {
                throw ShortlistError.notAllowed(
                    record: reference.description,
                    reason: state.conclusion == nil ? "no conclusion is recorded yet" : "the panel was satisfied, so nothing follows up",
                    remedy: "A follow-up is recorded after `shortlist finding respond \(reference) --conclusion further-checks|concern-remains`.")
            }
            state.followUp = note
            return try change.appendVersion(findingID: finding.id, reference: reference, candidate: candidate, action: "respond",
                                            event: "follow-up", state: state)
        }
    }

    /// One finding with every version, as the staff member named `viewer` may see it (nil: no one
    /// named, so a finding about a protected characteristic is withheld).
    public func finding(_ reference: FindingReference, shownTo viewer: String?) throws(ShortlistError) -> Finding {
        try read { db in try Finding.fetch(db, reference).finding.shown(to: try StaffMember.viewer(db, named: viewer)) }
    }

    /// The findings of a candidate or of a whole vacancy as `viewer` may see them, with the vacancy's interview date.
    public func findings(vacancy: String? = nil, candidate: CandidateReference? = nil,
                         shownTo viewer: String?) throws(ShortlistError) -> [(finding: Finding, interviewDate: Day?)] {
        try read { db in
            let member = try StaffMember.viewer(db, named: viewer)
            return try Store.findings(db, vacancy: vacancy, candidate: candidate).map { ($0.finding.shown(to: member), $0.interviewDate) }
        }
    }

    /// One finding with every version, unwithheld: for the library's own use.
    func finding(_ reference: FindingReference) throws(ShortlistError) -> Finding {
        try read { db in try Finding.fetch(db, reference).finding }
    }

    /// The findings of a candidate or of a whole vacancy, unwithheld: for the library's own use.
    func findings(vacancy: String? = nil, candidate: CandidateReference? = nil) throws(ShortlistError) -> [(finding: Finding, interviewDate: Day?)] {
        try read { db in try Store.findings(db, vacancy: vacancy, candidate: candidate) }
    }

    private static func findings(_ db: Database, vacancy: String?, candidate: CandidateReference?) throws -> [(finding: Finding, interviewDate: Day?)] {
        let target = try Vacancy.fetch(db, reference: candidate?.vacancy ?? vacancy ?? "")
        let ids: [Int64]
        if let candidate {
            ids = [try Candidate.fetch(db, candidate).id]
        } else {
            ids = try Int64.fetchAll(db, sql: "SELECT id FROM candidate WHERE vacancy_id = ?", arguments: [target.id])
        }
        return try Finding.fetchAll(db, candidateIDs: ids).map { ($0, target.interviewDate) }
    }

    /// The findings the interview panel may see for the given candidates: decided "raise" and not
    /// about a protected characteristic. Nothing else about findings reaches panel-facing output.
    public func panelFindings(candidates ids: [Int64]) throws(ShortlistError) -> [PanelFinding] {
        try read { db in try PanelFinding.fetchAll(db, candidateIDs: ids) }
    }

    /// The school's finding categories, in order.
    public func findingCategories() throws(ShortlistError) -> [FindingCategory] {
        try read { db in try FindingCategory.fetchAll(db) }
    }

    /// Adds a category to the school's taxonomy.
    @discardableResult
    public func addFindingCategory(key: String, label: String, by actor: String?) throws(ShortlistError) -> FindingCategory {
        let key = key.trimmingCharacters(in: .whitespaces).lowercased()
        let label = label.trimmingCharacters(in: .whitespaces)
        guard ProtocolFile.isValidKey(key) else {
            throw .invalidValue(field: "category key", value: key, expected: "1 to 40 lower-case letters, digits and '-'")
        }
        guard !label.isEmpty else { throw .invalidValue(field: "--label", value: "", expected: "the category's name") }
        return try write(by: actor) { change in
            try change.require([.admin, .recruitingManager], to: "add a finding category")
            if try FindingCategory.fetchAll(change.db).contains(where: { $0.key == key }) {
                throw ShortlistError.notAllowed(record: "category \(key)", reason: "it already exists", remedy: "See `shortlist finding categories`.")
            }
            try change.db.execute(sql: """
                INSERT INTO finding_category (key, label, position, built_in)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM finding_category), 0)
                """, arguments: [key, label])
            try change.record("finding-category.add", entity: "finding_category", ref: key, details: ["key": key, "label": label],
                              state: ["key": key, "label": label])
            return FindingCategory(key: key, label: label, builtIn: false)
        }
    }

    private static func requireQuestion(_ text: String, field: String, record: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw ShortlistError.invalidValue(field: field, value: "", expected: "a neutral question for the panel to ask")
        }
        guard text.hasSuffix("?") else {
            throw ShortlistError.notAllowed(record: record, reason: "\(field) is a statement, not a question",
                                            remedy: "Word it as a neutral, open question ending with '?', so the candidate can respond.")
        }
    }
}

extension Change {
    /// Checks and trims a finding's content before a version is written.
    func validate(_ state: inout FindingState, record: String) throws {
        state.summary = state.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        state.relevance = state.relevance.trimmingCharacters(in: .whitespacesAndNewlines)
        state.identityBasis = state.identityBasis.trimmingCharacters(in: .whitespacesAndNewlines)
        state.sources = state.sources.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if state.protectedCharacteristic {
            // Recorded as such, never by what it is about: no category, which would describe it.
            state.category = nil
        }
        let categories = try FindingCategory.fetchAll(db)
        // Every missing value at once, so that one correction completes the command.
        var missing: [(field: String, hint: String)] = []
        if state.summary.isEmpty { missing.append(("--summary", "a neutral, factual summary")) }
        if state.identity == .confirmed, state.identityBasis.isEmpty {
            missing.append(("--identity-basis", "identity is confirmed, so what ties it to the candidate: photo, location, employer, dates"))
        }
        if !state.protectedCharacteristic {
            if (state.category ?? "").isEmpty {
                missing.append(("--category", "one of " + categories.map(\.key).joined(separator: ", ") + ", or --protected-characteristic"))
            }
            if state.relevance.isEmpty { missing.append(("--relevance", "why it is relevant to working with children or to the school")) }
        }
        guard missing.isEmpty else {
            throw ShortlistError.missingValues(record: record, fields: missing.map(\.field), hints: missing.map(\.hint))
        }
        if let date = state.contentDate, date > today {
            throw ShortlistError.invalidRecord(record: record, reason: "the content date \(date.iso) is in the future")
        }
        if let category = state.category, !categories.contains(where: { $0.key == category }) {
            throw ShortlistError.invalidValue(field: "--category", value: category,
                                              expected: "one of " + categories.map(\.key).joined(separator: ", ")
                                                  + " (or --protected-characteristic)")
        }
    }

    /// The finding and its candidate, by reference.
    func finding(_ reference: FindingReference) throws -> (Finding, Candidate) {
        try Finding.fetch(db, reference)
    }

    /// Writes the next version of a finding and its audit event (`finding.EVENT`, by default the
    /// version's action), and returns the finding.
    func appendVersion(findingID: Int64, reference: FindingReference, candidate: Candidate, action: String,
                       event: String? = nil, state: FindingState) throws -> Finding {
        let version = try Int.fetchOne(db, sql: "SELECT coalesce(max(version), 0) + 1 FROM finding_version WHERE finding_id = ?",
                                       arguments: [findingID])!
        try db.execute(sql: """
            INSERT INTO finding_version (finding_id, version, action, recorded_at, recorded_by, summary, sources, content_date,
                protected, category, identity, identity_basis, relevance, decision, decision_reason, question, identity_question,
                decided_by, decided_at, response, response_by, response_at, conclusion, conclusion_detail, follow_up, correction_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                findingID, version, action, timestamp, actor!.id, state.summary, JSONText.array(state.sources),
                state.contentDate?.iso, state.protectedCharacteristic, state.category, state.identity.rawValue, state.identityBasis,
                state.relevance, state.decision?.rawValue, state.decisionReason, state.question, state.identityQuestion,
                state.decidedBy, state.decidedAt, state.response, state.responseBy, state.responseAt, state.conclusion?.rawValue,
                state.conclusionDetail, state.followUp, state.correctionReason,
            ])
        let finding = try Finding.fetchAll(db, candidateIDs: [candidate.id]).first { $0.id == findingID }!
        let fields = finding.current.auditFields(entries: finding.entries)
        try record("finding.\(event ?? action)", entity: "finding", ref: reference.description, vacancyID: candidate.vacancyID,
                   candidateID: candidate.id, details: fields, state: fields)
        return finding
    }
}

// MARK: - Reading

extension FindingVersion {
    func auditFields(entries: [Int64]) -> [String: String] {
        var fields = [
            "version": String(version), "action": action, "summary": summary, "sources": sources.joined(separator: " "),
            "content_date": contentDate?.iso ?? "", "protected_characteristic": protectedCharacteristic ? "yes" : "no",
            "category": category ?? "", "identity": identity.rawValue, "identity_basis": identityBasis, "relevance": relevance,
            "decision": decision?.rawValue ?? "", "decision_reason": decisionReason, "question": question,
            "identity_question": identityQuestion, "response": response, "conclusion": conclusion?.rawValue ?? "",
            "conclusion_detail": conclusionDetail, "entries": entries.map(String.init).joined(separator: ","),
        ]
        // Only when set, so that versions written before these fields existed keep their state hashes.
        if !followUp.isEmpty { fields["follow_up"] = followUp }
        if !correctionReason.isEmpty { fields["correction_reason"] = correctionReason }
        return fields
    }
}

extension Finding {
    /// One finding with every version, and its candidate.
    static func fetch(_ db: Database, _ reference: FindingReference) throws -> (finding: Finding, candidate: Candidate) {
        let candidate = try Candidate.fetch(db, reference.candidate)
        guard let found = try fetchAll(db, candidateIDs: [candidate.id]).first(where: { $0.reference == reference }) else {
            throw ShortlistError.unknownFinding(reference: reference.description)
        }
        return (found, candidate)
    }

    /// Every finding of the given candidates with all versions: two queries.
    static func fetchAll(_ db: Database, candidateIDs: [Int64]) throws -> [Finding] {
        let ids = JSONText.array(candidateIDs.map(String.init))
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.id, f.number, c.number AS candidate_number, v.reference AS vacancy_reference, fv.*,
                   r.name AS recorder, d.name AS decider, p.name AS responder
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN finding_version fv ON fv.finding_id = f.id
            JOIN staff r ON r.id = fv.recorded_by LEFT JOIN staff d ON d.id = fv.decided_by LEFT JOIN staff p ON p.id = fv.response_by
            WHERE f.candidate_id IN (SELECT value FROM json_each(?))
            ORDER BY c.vacancy_id, c.number, f.number, fv.version
            """, arguments: [ids])
        var entries: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT s.finding_id, s.entry_id FROM finding_source_entry s JOIN finding f ON f.id = s.finding_id
            WHERE f.candidate_id IN (SELECT value FROM json_each(?)) ORDER BY s.entry_id
            """, arguments: [ids]) {
            entries[row["finding_id"], default: []].append(row["entry_id"])
        }
        var findings: [Finding] = []
        for row in rows {
            let id: Int64 = row["id"]
            if findings.last?.id != id {
                let candidate = CandidateReference(vacancy: row["vacancy_reference"], number: row["candidate_number"])
                findings.append(Finding(id: id, reference: FindingReference(candidate: candidate, number: row["number"]),
                                        entries: entries[id] ?? [], versions: []))
            }
            findings[findings.count - 1].versions.append(FindingVersion(
                version: row["version"], action: row["action"], recordedAt: row["recorded_at"], recordedBy: row["recorder"],
                summary: row["summary"], sources: JSONText.list(row["sources"]),
                contentDate: (row["content_date"] as String?).flatMap(Day.init(iso:)), protectedCharacteristic: row["protected"],
                category: row["category"], identity: IdentityConfidence(rawValue: row["identity"])!, identityBasis: row["identity_basis"],
                relevance: row["relevance"], decision: (row["decision"] as String?).flatMap(FindingDecision.init(rawValue:)),
                decisionReason: row["decision_reason"], question: row["question"], identityQuestion: row["identity_question"],
                decidedBy: row["decider"], decidedAt: row["decided_at"], response: row["response"], responseBy: row["responder"],
                responseAt: row["response_at"], conclusion: (row["conclusion"] as String?).flatMap(FindingConclusion.init(rawValue:)),
                conclusionDetail: row["conclusion_detail"], followUp: row["follow_up"], correctionReason: row["correction_reason"],
                decidedByStaffID: row["decided_by"], responseByStaffID: row["response_by"]))
        }
        return findings
    }
}

extension PanelFinding {
    /// The panel-facing findings of the given candidates: current versions decided "raise",
    /// never about a protected characteristic. One query.
    static func fetchAll(_ db: Database, candidateIDs: [Int64]) throws -> [PanelFinding] {
        try Row.fetchAll(db, sql: """
            SELECT f.number, c.number AS candidate_number, v.reference AS vacancy_reference, k.label AS category_label, fv.*
            FROM finding f JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
            JOIN finding_version fv ON fv.finding_id = f.id
                 AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
            JOIN finding_category k ON k.key = fv.category
            WHERE f.candidate_id IN (SELECT value FROM json_each(?))
              AND fv.decision = 'raise' AND fv.protected = 0
            ORDER BY c.vacancy_id, c.number, f.number
            """, arguments: [JSONText.array(candidateIDs.map(String.init))]).map { row in
            PanelFinding(
                reference: FindingReference(candidate: CandidateReference(vacancy: row["vacancy_reference"], number: row["candidate_number"]),
                                            number: row["number"]),
                categoryLabel: row["category_label"], summary: row["summary"],
                contentDate: (row["content_date"] as String?).flatMap(Day.init(iso:)),
                identity: IdentityConfidence(rawValue: row["identity"])!, identityBasis: row["identity_basis"],
                question: row["question"], identityQuestion: row["identity_question"], response: row["response"],
                conclusion: (row["conclusion"] as String?).flatMap(FindingConclusion.init(rawValue:)),
                conclusionDetail: row["conclusion_detail"], followUp: row["follow_up"])
        }
    }
}

extension FindingCategory {
    static func fetchAll(_ db: Database) throws -> [FindingCategory] {
        try Row.fetchAll(db, sql: "SELECT key, label, built_in FROM finding_category ORDER BY position").map {
            FindingCategory(key: $0["key"], label: $0["label"], builtIn: $0["built_in"])
        }
    }
}
