import Foundation
import GRDB

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

    public struct Event: Encodable, Sendable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var record: String
        /// The event's details as recorded (JSON text), or nil where a purge deleted them.
        public var details: String?
    }

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
        if let out { try AtomicFile.refuseExisting(out, remedy: "Choose a new file") }
        if let evidenceFolder, !((try? FileManager.default.contentsOfDirectory(atPath: evidenceFolder)) ?? []).isEmpty {
            throw .file(path: evidenceFolder, reason: "already holds files; nothing was exported. Choose a new folder for the evidence")
        }
        var staged: StagedFile?
        var stagedEvidence: String?
        do throws(ShortlistError) {
            let export = try exportRecorded(reference, copyEvidence: evidenceFolder != nil, by: actor) { (export, change) throws(ShortlistError) in
                if let evidenceFolder {
                    let folder = try AtomicFile.createTemporaryFolder(for: evidenceFolder)
                    stagedEvidence = folder
                    var names: [String] = []
                    for file in export.evidence {
                        let name = "\(file.entry)-\(file.sha256.prefix(12))-\(file.name)"
                        try AtomicFile.create(folder + "/" + name, data: try change.evidenceFolder.read(file.sha256), sync: false,
                                              shownAs: evidenceFolder + "/" + name)
                        names.append(name)
                    }
                    try AtomicFile.syncFiles(in: folder, names: names)
                }
                if let out { staged = try AtomicFile.stage(Data(export.json.utf8), for: out) }
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
            return export
        } catch {
            staged?.discard()
            if let stagedEvidence { AtomicFile.removeFolder(stagedEvidence) }
            throw error
        }
    }

    /// Builds the export and records it in one write transaction, in which `stage` writes its files.
    private func exportRecorded(_ reference: CandidateReference, copyEvidence: Bool, by actor: String?,
                                stage: (SubjectAccessExport, Change) throws(ShortlistError) -> Void) throws(ShortlistError) -> SubjectAccessExport {
        try write(by: actor) { change in
            try change.require([.admin, .recruitingManager], to: "export a candidate's data")
            let db = change.db
            let candidate = try Candidate.fetch(db, reference)
            let vacancy = try Vacancy.fetch(db, reference: reference.vacancy)
            let entries = try SearchEntry.fetchAll(db, candidateIDs: [candidate.id])
            let findings = try Finding.fetchAll(db, candidateIDs: [candidate.id])
            // The export holds every version of every finding: one that is, or ever was, about a protected
            // characteristic is for the candidate, through an admin, not for a recruiting manager to read.
            if findings.contains(where: { $0.versions.contains(where: \.protectedCharacteristic) }) {
                try change.require([.admin], to: "export the data of a candidate with a finding about a protected characteristic")
            }
            // The export is recorded first, so that the events read once below include it.
            try change.record("candidate.export", entity: "candidate", ref: reference.description, vacancyID: vacancy.id,
                              candidateID: candidate.id, details: ["evidence_copied": copyEvidence ? "yes" : "no"])
            let events = try Row.fetchAll(db, sql: """
                SELECT e.seq, e.at, e.actor, e.action, e.entity_ref, d.details FROM audit_event e
                LEFT JOIN audit_detail d ON d.seq = e.seq WHERE e.candidate_id = ? ORDER BY e.seq
                """, arguments: [candidate.id])
            let export = SubjectAccessExport(
                exported_at: change.timestamp, exported_by: change.actorName,
                candidate: candidate.auditFields.merging(["reference": reference.description, "added_at": candidate.createdAt]) { $1 },
                reference: reference.description,
                vacancy: ["reference": vacancy.reference, "post_title": vacancy.postTitle, "site": vacancy.site,
                          "interview_date": vacancy.interviewDate?.iso ?? ""],
                search_entries: entries.map { e in
                    SubjectAccessExport.Entry(id: e.id, state: e.state.rawValue, protocol_name: e.protocolTitle, step: e.stepKey, planned_query: e.plannedQuery,
                          query: e.query, searched_at: e.searchedAt, searcher: e.searcher, outcome: e.outcome.rawValue, note: e.note,
                          late: e.late, addresses: e.addresses,
                          overrides: e.overrides.map { ["rule": $0.rule.rawValue, "reason": $0.reason] },
                          evidence: e.evidence.map(\.sha256), withdrawn_reason: e.withdrawnReason)
                },
                findings: findings.map { f in
                    SubjectAccessExport.FindingRecord(reference: f.reference.description, from_entries: f.entries, versions: f.versions.map { v in
                        SubjectAccessExport.Version(fields: v.auditFields(entries: f.entries), recorded_at: v.recordedAt,
                                recorded_by: v.recordedBy, decided_by: v.decidedBy, response_recorded_by: v.responseBy)
                    })
                },
                panel_documents: events.filter { ($0["action"] as String) == "document.dossier" }.map {
                    SubjectAccessExport.Document(kind: "dossier", produced_at: $0["at"], produced_by: $0["actor"])
                },
                audit_events: events.map {
                    SubjectAccessExport.Event(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], record: $0["entity_ref"], details: $0["details"])
                },
                evidence: entries.flatMap { entry in
                    entry.evidence.map { file in
                        SubjectAccessExport.EvidenceFile(entry: entry.id, name: file.name, sha256: file.sha256, bytes: file.size,
                                     check: change.evidenceFolder.check(file.sha256).rawValue)
                    }
                })
            try stage(export, change)
            return export
        }
    }
}

extension SubjectAccessExport {
    /// The export as JSON text.
    public var json: String { JSONText.encode(self) + "\n" }
}
