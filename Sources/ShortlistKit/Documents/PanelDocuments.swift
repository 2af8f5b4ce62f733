import Foundation

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

/// A pack written into its folder.
public struct WrittenPack: Equatable, Sendable {
    /// The folder.
    public var folder: String
    /// The files in it: `index.md`, then one dossier per candidate.
    public var files: [String]

    /// How many dossiers it holds.
    public var dossiers: Int { files.count - 1 }
}

// MARK: - Building

// Rendering and writing a source's documents hold no lock; recording them takes one short write afterwards.
extension PanelSource {
    /// The footer every document of the source carries.
    var footer: Footer {
        Footer(generated_at: generatedAt, generated_by: generatedBy, database: databaseName, audit_seq: auditSeq, audit_hash: auditHash)
    }

    var sameProtocol: Bool { progress.protocolsUsed <= 1 }

    /// The values of one candidate's dossier, whichever format it is rendered in.
    func dossierModel(_ candidate: CandidateProgress) -> DossierModel {
        DossierModel(progress: progress, candidate: candidate, findings: findings[candidate.candidate.reference] ?? [],
                     lawfulBasis: lawfulBasis, sameProtocol: sameProtocol, today: today, footer: footer)
    }

    /// The values of the pack's index page, whichever format it is rendered in.
    var indexModel: PackIndexModel {
        PackIndexModel(progress: progress, candidates: candidates, findings: findings, sameProtocol: sameProtocol, footer: footer)
    }

    func dossier(_ candidate: CandidateProgress, templates: TemplateSet) throws(ShortlistError) -> PanelDocument {
        PanelDocument(fileName: candidate.candidate.reference.fileName + ".md", text: try templates.render(dossierModel(candidate), template: "dossier"))
    }

    func index(templates: TemplateSet) throws(ShortlistError) -> PanelDocument {
        PanelDocument(fileName: "index.md", text: try templates.render(indexModel, template: "pack-index"))
    }
}

extension Store {
    /// Renders the dossier of one candidate, hands it to `deliver`, then records who produced it. If
    /// delivery fails, nothing is recorded. No lock is held while it renders or is delivered.
    public func dossier(_ reference: CandidateReference, templates: TemplateSet, by actor: String?,
                        deliver: (PanelDocument) throws(ShortlistError) -> Void) throws(ShortlistError) {
        let source = try panelSource(vacancy: reference.vacancy, only: reference, by: actor)
        try deliver(try source.dossier(source.candidates[0], templates: templates))
        try recordPanelDocuments(source, pack: false, by: actor)
    }

    /// Writes the dossier of one candidate to `path`, whole and owner-only; a file there is replaced only
    /// when `replacing`. It is recorded only once written (synced, not yet named), and named once recorded:
    /// a failed write records nothing, and a file in place was always recorded.
    public func writeDossier(_ reference: CandidateReference, to path: String, replacing: Bool, templates: TemplateSet,
                             by actor: String?) throws(ShortlistError) {
        if !replacing { try AtomicFile.refuseExisting(path, remedy: "Use --force to replace it") }
        let source = try panelSource(vacancy: reference.vacancy, only: reference, by: actor)
        let staged = try AtomicFile.stage(Data(try source.dossier(source.candidates[0], templates: templates).text.utf8), for: path)
        try recordPanelDocuments(source, pack: false, by: actor)
        try staged.publish(replacing: replacing, recorded: true)
    }

    /// Renders the dossier of every candidate of a vacancy who has not withdrawn, and the index page, from
    /// a fixed number of queries in one read transaction; hands them to `deliver` (index first), then
    /// records who produced them. If delivery fails, nothing is recorded.
    public func pack(_ vacancy: String, templates: TemplateSet, by actor: String?,
                     deliver: ([PanelDocument]) throws(ShortlistError) -> Void) throws(ShortlistError) {
        let source = try panelSource(vacancy: vacancy, only: nil, by: actor)
        var documents = [try source.index(templates: templates)]
        for candidate in source.candidates { documents.append(try source.dossier(candidate, templates: templates)) }
        try deliver(documents)
        try recordPanelDocuments(source, pack: true, by: actor)
    }

    /// Writes a pack into `folder`, all or nothing: every document is rendered and written (owner-only,
    /// synced) into a new hidden folder beside it, the pack is recorded, and only then is that folder
    /// renamed to `folder`. If anything fails first, it is removed and `folder` is left as it was.
    /// `folder` must not exist or be empty, unless `force`: then it may hold only an earlier pack of the
    /// vacancy, which is replaced whole.
    public func writePack(_ vacancy: String, to folder: String, force: Bool, templates: TemplateSet,
                          by actor: String?) throws(ShortlistError) -> WrittenPack {
        let replacing = try Store.refuseToReplace(packFolder: folder, of: vacancy, force: force)
        let source = try panelSource(vacancy: vacancy, only: nil, by: actor)
        let temporary = try AtomicFile.createTemporaryFolder(for: folder)
        var files = ["index.md"]
        do {
            func put(_ document: PanelDocument) throws(ShortlistError) {
                try AtomicFile.create(temporary + "/" + document.fileName, data: Data(document.text.utf8), sync: false,
                                      shownAs: folder + "/" + document.fileName)
            }
            // One dossier at a time, so that a large pack is never all in memory.
            for candidate in source.candidates {
                let dossier = try source.dossier(candidate, templates: templates)
                try put(dossier)
                files.append(dossier.fileName)
            }
            try put(try source.index(templates: templates))
            try AtomicFile.syncFiles(in: temporary, names: files)
            AtomicFile.syncFolder(temporary)
            try recordPanelDocuments(source, pack: true, by: actor)
        } catch {
            AtomicFile.removeFolder(temporary)
            throw error
        }
        do {
            try AtomicFile.rename(temporary, to: folder, exchanging: replacing)
        } catch {
            AtomicFile.removeFolder(temporary)
            throw .file(path: folder, reason: "could not be put in place (\(error.text)); the pack was recorded as produced but not written. "
                + "Check the folder and run the command again")
        }
        // After an exchange, the earlier pack is where the new one was written.
        if replacing { AtomicFile.removeFolder(temporary) }
        return WrittenPack(folder: folder, files: files)
    }

    /// Whether `folder` holds an earlier pack to replace (with `force`); refuses anything else that is
    /// there, so that a pack never removes a file it did not write.
    private static func refuseToReplace(packFolder folder: String, of vacancy: String, force: Bool) throws(ShortlistError) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else { throw .file(path: folder, reason: "is a file, not a folder; nothing was written. Choose a folder for the pack") }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        // An empty folder is replaced by the rename itself.
        guard !names.isEmpty else { return false }
        guard force else {
            throw .file(path: folder, reason: "already holds files; nothing was written. Use --force to replace the pack there, or choose a new folder")
        }
        let prefix = vacancy + "-"
        for name in names {
            let number = name.hasPrefix(prefix) && name.hasSuffix(".md") ? Int(name.dropFirst(prefix.count).dropLast(3)) : nil
            var info = stat()
            guard name == "index.md" || number != nil, lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                throw .file(path: folder + "/" + name, reason: "is not part of a pack of \(vacancy), and --force replaces only a pack; nothing was written. "
                    + "Move it, or choose a new folder")
            }
        }
        return true
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
