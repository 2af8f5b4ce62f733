import Foundation
import GRDB

/// What panel documents (dossiers and a pack's index) are made from, read in one transaction.
public struct PanelSource: Sendable {
    public var progress: VacancyProgress
    /// The candidates the documents are for.
    public var candidates: [CandidateProgress]
    /// Their findings as the panel may see them.
    public var findings: [CandidateReference: [PanelFinding]]
    public var lawfulBasis: String
    public var today: Day
    public var generatedAt: String
    public var generatedBy: String
    /// The database file's name, for the footer.
    public var databaseName: String
    /// The last audit event the documents reflect.
    public var auditSeq: Int64
    public var auditHash: String
}

extension Store {
    static let panelRoles: [StaffRole] = [.searcher, .recruitingManager, .panel, .admin]

    /// Reads what the documents need, as `actor` (who must be allowed to produce them), in one read transaction.
    func panelSource(vacancy: String, only: CandidateReference?, by actor: String?) throws(ShortlistError) -> PanelSource {
        try read(by: actor, requiring: Store.panelRoles, to: "produce panel documents") { change in
            let db = change.db
            let vacancyID = try Vacancy.fetch(db, reference: vacancy).id
            let progress = try VacancyProgress.load(db, vacancyIDs: [vacancyID], today: change.today)[0]
            let candidates = progress.candidates.filter { only == nil ? $0.inPack : $0.candidate.reference == only }
            if let only, candidates.isEmpty { throw ShortlistError.unknownCandidate(reference: only.description) }
            let findings = Dictionary(grouping: try PanelFinding.fetchAll(db, candidateIDs: candidates.map(\.candidate.id)),
                                      by: \.reference.candidate)
            // The last change the documents can reflect: to this vacancy, or to what every vacancy shares
            // (settings, staff, protocols). Documents produced are not changes to the record. Read in the
            // same transaction as everything above, it is what the documents reflect, however much is
            // written between this read and the recording.
            let head = try Row.fetchOne(db, sql: """
                SELECT seq, hash FROM audit_event WHERE seq = max(
                    (SELECT coalesce(max(seq), 0) FROM audit_event WHERE vacancy_id = ?1 AND action NOT LIKE 'document.%'),
                    (SELECT coalesce(max(seq), 0) FROM audit_event WHERE vacancy_id IS NULL AND action NOT LIKE 'document.%'))
                """, arguments: [vacancyID])
            return PanelSource(progress: progress, candidates: candidates, findings: findings,
                               lawfulBasis: try Store.setting(db, .lawfulBasis), today: change.today,
                               generatedAt: Timestamp.uk(change.now), generatedBy: change.actorName,
                               databaseName: URL(fileURLWithPath: path).lastPathComponent,
                               auditSeq: head?["seq"] ?? 0, auditHash: head?["hash"] ?? AuditEvent.genesisHash)
        }
    }

    /// Records, in one short write, a dossier per candidate of `source` and (for a pack) the pack, each
    /// naming the audit event the documents reflect.
    func recordPanelDocuments(_ source: PanelSource, pack: Bool, by actor: String?) throws(ShortlistError) {
        try write(by: actor) { change in
            try change.require(Store.panelRoles, to: "produce panel documents")
            let vacancyID = source.progress.vacancy.id
            let seq = String(source.auditSeq)
            for candidate in source.candidates {
                try change.record("document.dossier", entity: "candidate", ref: candidate.candidate.reference.description,
                                  vacancyID: vacancyID, candidateID: candidate.candidate.id,
                                  details: ["draft": candidate.outstanding.isEmpty ? "no" : "yes", "audit_seq": seq])
            }
            guard pack else { return }
            try change.record("document.pack", entity: "vacancy", ref: source.progress.vacancy.reference, vacancyID: vacancyID,
                              details: ["dossiers": source.candidates.map(\.candidate.reference.description).joined(separator: ","), "audit_seq": seq])
        }
    }
}
