import Foundation

/// Everything held about one candidate, for a subject access request (UK GDPR): their record,
/// every search entry and finding with all versions, the panel documents produced about them,
/// their audit events, and their evidence files. Nothing about any other candidate.
public struct SubjectAccessExport: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var id: Int64
        public var state: String
        public var protocol_name: String
        public var step: String
        public var planned_query: String
        public var query: String
        public var searched_at: String
        public var searcher: String
        public var outcome: String
        public var note: String
        public var late: Bool
        public var addresses: [String]
        public var overrides: [[String: String]]
        public var evidence: [String]
        public var withdrawn_reason: String?
    }

    public struct Version: Encodable, Sendable {
        public var fields: [String: String]
        public var recorded_at: String
        public var recorded_by: String
        public var decided_by: String?
        public var response_recorded_by: String?
    }

    public struct FindingRecord: Encodable, Sendable {
        public var reference: String
        public var from_entries: [Int64]
        public var versions: [Version]
    }

    public struct Document: Encodable, Sendable {
        public var kind: String
        public var produced_at: String
        public var produced_by: String
    }

    public typealias Event = CandidateHeld.Event

    public struct EvidenceFile: Encodable, Sendable {
        public var entry: Int64
        public var name: String
        public var sha256: String
        public var bytes: Int
        public var check: String
    }

    public var exported_at: String
    public var exported_by: String
    public var candidate: [String: String]
    public var reference: String
    public var vacancy: [String: String]
    public var search_entries: [Entry]
    public var findings: [FindingRecord]
    public var panel_documents: [Document]
    public var audit_events: [Event]
    public var evidence: [EvidenceFile]
    /// Each notice they were sent, as sent (schema 0007).
    public var notices: [Notice]

    public struct Notice: Encodable, Sendable {
        public var number: Int
        public var sent_on: String
        public var via: String
        public var version: String
        public var text_sha256: String
        public var text: String
    }
}

/// The forms of a subject access export: the JSON of everything held, or a reply to the candidate.
public enum SubjectAccessFormat: String, CaseIterable, Sendable {
    /// Everything held, as JSON (as before).
    case json
    /// A reply a non-technical reader can follow, as plain text (`letters/subject-access.text`).
    case letter
    /// The same reply as a self-contained page to print (`letters/subject-access.html`).
    case html
}

extension Store {
    /// Builds the subject access export of a candidate, and records that it was made. With `out`, also
    /// writes it there as JSON (a new file, owner-only); with `evidenceFolder` (a new or empty folder),
    /// copies their evidence files there, each checked against its hash.
    ///
    /// The files are written whole (synced, not yet named) inside the transaction that records the export,
    /// and named once it has committed: a failed write records nothing, and a file in place was always recorded.
    public func subjectAccessExport(_ reference: CandidateReference, to out: String? = nil, copyEvidenceTo evidenceFolder: String? = nil,
                                    by actor: String?) throws(ShortlistError) -> SubjectAccessExport {
        try subjectAccess(reference, format: .json, to: out, copyEvidenceTo: evidenceFolder, by: actor).export
    }

    /// The subject access export in `format`: the JSON of everything held, or the reply to the candidate rendered
    /// from `templates` (default: the built-in ones) from the same record. Written and recorded as `subjectAccessExport`.
    public func subjectAccess(_ reference: CandidateReference, format: SubjectAccessFormat, templates: TemplateSet? = nil,
                              to out: String? = nil, copyEvidenceTo evidenceFolder: String? = nil,
                              by actor: String?) throws(ShortlistError) -> (export: SubjectAccessExport, text: String) {
        if let out { try AtomicFile.refuseExisting(out, remedy: "Choose a new file") }
        if let evidenceFolder, !((try? FileManager.default.contentsOfDirectory(atPath: evidenceFolder)) ?? []).isEmpty {
            throw .file(path: evidenceFolder, reason: "already holds files; nothing was exported. Choose a new folder for the evidence")
        }
        var staged: StagedFile?
        var stagedEvidence: String?
        var text = ""
        do throws(ShortlistError) {
            let export = try exportRecorded(reference, copyEvidence: evidenceFolder != nil, by: actor) { (export, held) throws(ShortlistError) in
                let evidence = held.evidenceFolder
                if format == .json {
                    text = export.json
                } else {
                    let set: TemplateSet
                    if let templates { set = templates } else { set = try TemplateSet.load() }
                    let letter = SubjectAccessLetter(
                        held,
                        documents: export.panel_documents.map { .init(kind: $0.kind, produced_at: Timestamp.uk(iso: $0.produced_at), produced_by: $0.produced_by) },
                        evidence: export.evidence.map { .init(name: $0.name, sha256: $0.sha256, bytes: $0.bytes) })
                    text = try set.render(letter, template: format == .html ? "letters/subject-access.html" : "letters/subject-access.text")
                }
                if let evidenceFolder {
                    let folder = try AtomicFile.createTemporaryFolder(for: evidenceFolder)
                    stagedEvidence = folder
                    var names: [String] = []
                    for file in export.evidence {
                        let name = "\(file.entry)-\(file.sha256.prefix(12))-\(file.name)"
                        try AtomicFile.create(folder + "/" + name, data: try evidence.read(file.sha256), sync: false,
                                              shownAs: evidenceFolder + "/" + name)
                        names.append(name)
                    }
                    try AtomicFile.syncFiles(in: folder, names: names)
                }
                if let out { staged = try AtomicFile.stage(Data(text.utf8), for: out) }
            }
            if let evidenceFolder, let folder = stagedEvidence {
                do {
                    try AtomicFile.rename(folder, to: evidenceFolder)
                    stagedEvidence = nil
                } catch {
                    throw ShortlistError.file(path: evidenceFolder, reason: "could not be put in place (\(error.text)); the export was recorded, "
                        + "but the evidence was not copied. Run the command again with a new folder")
                }
            }
            try staged?.publish(replacing: false, recorded: true)
            return (export, text)
        } catch {
            staged?.discard()
            if let stagedEvidence { AtomicFile.removeFolder(stagedEvidence) }
            throw error
        }
    }

    /// Builds the export and records it in one write transaction, in which `stage` writes its files.
    private func exportRecorded(_ reference: CandidateReference, copyEvidence: Bool, by actor: String?,
                                stage: (SubjectAccessExport, CandidateHeld) throws(ShortlistError) -> Void) throws(ShortlistError) -> SubjectAccessExport {
        try recordExport(reference, copyEvidence: copyEvidence, by: actor) { (held) throws(ShortlistError) in
            let export = SubjectAccessExport(held)
            try stage(export, held)
            return export
        }
    }
}

extension SubjectAccessExport {
    /// The export as JSON text.
    public var json: String { JSONText.encode(self) + "\n" }
}

extension SubjectAccessExport {
    /// The export of everything `held` about a candidate.
    init(_ held: CandidateHeld) {
        let candidate = held.candidate, vacancy = held.vacancy, reference = held.reference
        self.init(
            exported_at: held.exportedAt, exported_by: held.exportedBy,
            candidate: candidate.auditFields.merging(["reference": reference.description, "added_at": candidate.createdAt]) { $1 },
            reference: reference.description,
            vacancy: ["reference": vacancy.reference, "post_title": vacancy.postTitle, "site": vacancy.site,
                      "interview_date": vacancy.interviewDate?.iso ?? ""],
            search_entries: held.entries.map { e in
                Entry(id: e.id, state: e.state.rawValue, protocol_name: e.protocolTitle, step: e.stepKey, planned_query: e.plannedQuery,
                      query: e.query, searched_at: e.searchedAt, searcher: e.searcher, outcome: e.outcome.rawValue, note: e.note,
                      late: e.late, addresses: e.addresses,
                      overrides: e.overrides.map { ["rule": $0.rule.rawValue, "reason": $0.reason] },
                      evidence: e.evidence.map(\.sha256), withdrawn_reason: e.withdrawnReason)
            },
            findings: held.findings.map { f in
                FindingRecord(reference: f.reference.description, from_entries: f.entries, versions: f.versions.map { v in
                    Version(fields: v.auditFields(entries: f.entries), recorded_at: v.recordedAt,
                            recorded_by: v.recordedBy, decided_by: v.decidedBy, response_recorded_by: v.responseBy)
                })
            },
            panel_documents: held.events.filter { $0.action == "document.dossier" }.map {
                Document(kind: "dossier", produced_at: $0.at, produced_by: $0.actor)
            },
            audit_events: held.events,
            evidence: held.entries.flatMap { entry in
                entry.evidence.map { file in
                    EvidenceFile(entry: entry.id, name: file.name, sha256: file.sha256, bytes: file.size,
                                 check: held.evidenceFolder.check(file.sha256).rawValue)
                }
            },
            notices: held.notices.map { n in
                Notice(number: n.number, sent_on: n.sentOn.iso, via: n.via.rawValue, version: n.version, text_sha256: n.textSHA256, text: n.text)
            })
    }
}
