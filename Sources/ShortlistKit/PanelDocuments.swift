import Foundation
import GRDB

/// The values a dossier template may use: only what the interview panel may see.
///
/// Built in ShortlistKit from panel-safe queries, so no template can reach what must never be
/// in a dossier: findings about protected characteristics, findings not raised, undecided
/// findings' details (only their count), search notes, evidence, email or contact details.
public struct DossierModel: Sendable {
    public struct Search: Sendable {
        public var step: String
        public var label: String
        public var date: String
        public var searcher: String
        public var outcome: String
    }

    public struct RaisedFinding: Sendable {
        public var reference: String
        public var category: String
        public var summary: String
        public var content_date: String?
        public var content_age: String?
        public var identity: String
        public var identity_basis: String?
        public var identity_question: String?
        public var question: String
        public var response: String?
        public var conclusion: String?
        public var conclusion_detail: String?
        public var follow_up: String?
        public var awaiting_response: Bool
    }

    public var vacancy_reference: String
    public var post_title: String
    public var site: String?
    public var candidate_reference: String
    public var full_name: String
    public var other_names: String?
    public var town: String?
    public var kcsie_edition: String
    public var told_on: String?
    public var told_via: String?
    public var lawful_basis: String
    public var searched: Bool
    public var not_searched_reason: String?
    public var protocol_title: String
    public var look_back_years: Int
    public var same_protocol_for_all: Bool
    public var searches: [Search]
    public var findings: [RaisedFinding]
    public var has_findings: Bool
    public var draft: Bool
    public var missing: [String]
    public var undecided_findings: Int
    public var footer: Footer
}

/// What every panel document's footer says: when, by whom, and from which record.
public struct Footer: Sendable {
    public var generated_at: String
    public var generated_by: String
    public var database: String
    /// The last audit event the document reflects, and its hash.
    public var audit_seq: Int64
    public var audit_hash: String
}

/// The values of a pack's index page.
public struct PackIndexModel: Sendable {
    public struct Entry: Sendable {
        public var candidate_reference: String
        public var full_name: String
        public var file: String
        public var status: String
        public var searches: String
        public var questions: [String]
        public var has_questions: Bool
    }

    public var vacancy_reference: String
    public var post_title: String
    public var site: String?
    public var interview_date: String?
    public var protocol_title: String
    public var same_protocol_for_all: Bool
    public var candidates: [Entry]
    public var complete: Int
    public var total: Int
    public var footer: Footer
}

/// A rendered panel document.
public struct PanelDocument: Equatable, Sendable {
    /// The file name it is written under in a pack.
    public var fileName: String
    public var text: String
}

// MARK: - Building

extension Store {
    /// Renders the dossier of one candidate and records who produced it. `deliver` receives it
    /// inside the transaction: if delivery fails, nothing is recorded.
    public func dossier(_ reference: CandidateReference, templates: TemplateSet, by actor: String?,
                        deliver: (PanelDocument) throws(ShortlistError) -> Void) throws(ShortlistError) {
        try panelDocuments(vacancy: reference.vacancy, only: reference, templates: templates, by: actor) { (documents) throws(ShortlistError) in
            try deliver(documents[0])
        }
    }

    /// Renders the dossier of every candidate of a vacancy who has not withdrawn, and the index
    /// page, from a fixed number of queries, and records who produced them. `deliver` receives
    /// the documents (index first) inside the transaction.
    public func pack(_ vacancy: String, templates: TemplateSet, by actor: String?,
                     deliver: ([PanelDocument]) throws(ShortlistError) -> Void) throws(ShortlistError) {
        try panelDocuments(vacancy: vacancy, only: nil, templates: templates, by: actor, deliver: deliver)
    }

    /// Writes a pack into `folder`: one file per candidate and `index.md`, each written whole.
    /// An existing file is not replaced unless `force`; then nothing is written or recorded.
    public func writePack(_ vacancy: String, to folder: String, force: Bool, templates: TemplateSet,
                          by actor: String?) throws(ShortlistError) -> [String] {
        var written: [String] = []
        do {
            try pack(vacancy, templates: templates, by: actor) { (documents) throws(ShortlistError) in
                let paths = documents.map { folder + "/" + $0.fileName }
                if !force {
                    for path in paths { try AtomicFile.refuseExisting(path, remedy: "Use --force to replace the pack") }
                }
                for (document, path) in zip(documents, paths) {
                    try AtomicFile.write(Data(document.text.utf8), to: path)
                    written.append(path)
                }
            }
        } catch {
            if !force { written.forEach { try? FileManager.default.removeItem(atPath: $0) } }
            throw error
        }
        return written
    }

    private func panelDocuments(vacancy: String, only: CandidateReference?, templates: TemplateSet, by actor: String?,
                                deliver: ([PanelDocument]) throws(ShortlistError) -> Void) throws(ShortlistError) {
        try write(by: actor) { change in
            try change.require([.searcher, .recruitingManager, .panel, .admin], to: "produce panel documents")
            let db = change.db
            let vacancyID = try Vacancy.fetch(db, reference: vacancy).id
            let today = change.today
            let progress = try VacancyProgress.load(db, vacancyIDs: [vacancyID], today: today)[0]
            let candidates = progress.candidates.filter { only == nil ? $0.candidate.outcome != .withdrew : $0.candidate.reference == only }
            if let only, candidates.isEmpty { throw ShortlistError.unknownCandidate(reference: only.description) }
            let findings = Dictionary(grouping: try PanelFinding.fetchAll(db, candidateIDs: candidates.map(\.candidate.id)),
                                      by: \.reference.candidate)
            let lawfulBasis = try Store.setting(db, .lawfulBasis)
            let sameProtocol = progress.protocolsUsed <= 1
            // The last change the document can reflect: to this vacancy, or to what every vacancy shares
            // (settings, staff, protocols). Documents produced are not changes to the record.
            let head = try Row.fetchOne(db, sql: """
                SELECT seq, hash FROM audit_event WHERE seq = max(
                    (SELECT coalesce(max(seq), 0) FROM audit_event WHERE vacancy_id = ?1 AND action NOT LIKE 'document.%'),
                    (SELECT coalesce(max(seq), 0) FROM audit_event WHERE vacancy_id IS NULL AND action NOT LIKE 'document.%'))
                """, arguments: [vacancyID])
            let footer = Footer(generated_at: Timestamp.uk(change.now), generated_by: change.actorName,
                                database: URL(fileURLWithPath: path).lastPathComponent,
                                audit_seq: head?["seq"] ?? 0, audit_hash: head?["hash"] ?? AuditEvent.genesisHash)
            var dossiers: [PanelDocument] = []
            for candidate in candidates {
                let model = DossierModel(progress: progress, candidate: candidate, findings: findings[candidate.candidate.reference] ?? [],
                                         lawfulBasis: lawfulBasis, sameProtocol: sameProtocol, today: today, footer: footer)
                dossiers.append(PanelDocument(fileName: candidate.candidate.reference.fileName + ".md",
                                              text: try templates.render(model, template: "dossier")))
                try change.record("document.dossier", entity: "candidate", ref: candidate.candidate.reference.description,
                                  vacancyID: vacancyID, candidateID: candidate.candidate.id,
                                  details: ["draft": model.draft ? "yes" : "no", "audit_seq": String(footer.audit_seq)])
            }
            guard only == nil else { return try deliver(dossiers) }
            let index = PackIndexModel(progress: progress, candidates: candidates, findings: findings, sameProtocol: sameProtocol, footer: footer)
            try change.record("document.pack", entity: "vacancy", ref: progress.vacancy.reference, vacancyID: vacancyID,
                              details: ["dossiers": candidates.map(\.candidate.reference.description).joined(separator: ","),
                                        "audit_seq": String(footer.audit_seq)])
            try deliver([PanelDocument(fileName: "index.md", text: try templates.render(index, template: "pack-index"))] + dossiers)
        }
    }
}

extension CandidateReference {
    /// `TA-2026-03-2`: the reference as a file name.
    public var fileName: String { "\(vacancy)-\(number)" }
}

extension DossierModel {
    init(progress: VacancyProgress, candidate: CandidateProgress, findings: [PanelFinding], lawfulBasis: String,
         sameProtocol: Bool, today: Day, footer: Footer) {
        let c = candidate.candidate
        let vacancy = progress.vacancy
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        vacancy_reference = vacancy.reference
        post_title = vacancy.postTitle
        site = nonEmpty(vacancy.site)
        candidate_reference = c.reference.description
        full_name = c.fullName
        other_names = nonEmpty(c.otherNames.joined(separator: "; "))
        town = nonEmpty(c.town)
        kcsie_edition = vacancy.kcsieEdition
        told_on = c.notifiedOn?.uk
        told_via = c.notifiedVia?.rawValue.replacingOccurrences(of: "-", with: " ")
        lawful_basis = lawfulBasis
        searched = !candidate.excludedByDecision
        not_searched_reason = candidate.excludedByDecision ? vacancy.searchDecisionReason : nil
        protocol_title = progress.searchProtocol.title
        look_back_years = vacancy.lookBackYears
        same_protocol_for_all = sameProtocol
        searches = candidate.steps.flatMap { step in
            zip(step.queries, step.entries).map { query, entry in
                Search(step: step.queries.count > 1 ? query.address : step.step.key, label: step.step.label,
                       date: entry.map { Timestamp.ukDay(iso: $0.searchedAt) } ?? "",
                       searcher: entry?.searcher ?? "", outcome: entry.map { $0.outcome.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "not done")
            }
        }
        self.findings = findings.map { f in
            RaisedFinding(reference: f.reference.description, category: f.categoryLabel, summary: f.summary,
                          content_date: f.contentDate?.uk, content_age: f.contentDate?.age(at: today), identity: f.identity.rawValue,
                          identity_basis: nonEmpty(f.identityBasis), identity_question: nonEmpty(f.identityQuestion), question: f.question,
                          response: nonEmpty(f.response), conclusion: f.conclusion?.rawValue.replacingOccurrences(of: "-", with: " "),
                          conclusion_detail: nonEmpty(f.conclusionDetail), follow_up: nonEmpty(f.followUp),
                          awaiting_response: f.conclusion == nil)
        }
        has_findings = !findings.isEmpty
        missing = candidate.outstanding
        undecided_findings = candidate.findings.count { $0 == .awaitingDecision }
        draft = !missing.isEmpty
        self.footer = footer
    }
}

extension PackIndexModel {
    init(progress: VacancyProgress, candidates: [CandidateProgress], findings: [CandidateReference: [PanelFinding]],
         sameProtocol: Bool, footer: Footer) {
        vacancy_reference = progress.vacancy.reference
        post_title = progress.vacancy.postTitle
        site = progress.vacancy.site.isEmpty ? nil : progress.vacancy.site
        interview_date = progress.vacancy.interviewDate?.uk
        protocol_title = progress.searchProtocol.title
        same_protocol_for_all = sameProtocol
        self.candidates = candidates.map { c in
            let questions = (findings[c.candidate.reference] ?? []).flatMap { [$0.identityQuestion, $0.question].filter { !$0.isEmpty } }
            return Entry(candidate_reference: c.candidate.reference.description, full_name: c.candidate.fullName,
                         file: c.candidate.reference.fileName + ".md", status: c.isComplete ? "complete" : "DRAFT",
                         searches: c.searchesSummary,
                         questions: questions, has_questions: !questions.isEmpty)
        }
        complete = candidates.count(where: \.isComplete)
        total = candidates.count
        self.footer = footer
    }
}
