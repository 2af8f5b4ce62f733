import Foundation
import GRDB

/// Everything held about one candidate, read for a subject access export in the transaction that records it.
public struct CandidateHeld: Sendable {
    /// One audit event about the candidate, with its details.
    public struct Event: Encodable, Sendable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var record: String
        /// The event's details as recorded (JSON text), or nil where a purge deleted them.
        public var details: String?
    }

    /// The candidate's reference as it was asked for.
    public var reference: CandidateReference
    public var candidate: Candidate
    public var vacancy: Vacancy
    public var entries: [SearchEntry]
    /// Every finding, with every version.
    public var findings: [Finding]
    /// Every audit event about the candidate, the export's own included.
    public var events: [Event]
    public var exportedAt: String
    public var exportedBy: String
    public var evidenceFolder: EvidenceFolder
    /// Every notice they were sent, with its text (schema 0007).
    public var notices: [CandidateNotice]
    /// The school as letters give it, for the reply.
    public var school: LetterSchool
    /// The steps of the vacancy's protocol, to name each search's source.
    public var steps: [SearchStep]
}

extension Store {
    /// Records a subject access export of a candidate (admins and recruiting managers; admins only when a
    /// finding is, or ever was, about a protected characteristic) and hands `make` everything held, in the
    /// same write transaction: what `make` writes is recorded with it, or nothing is.
    func recordExport<T>(_ reference: CandidateReference, copyEvidence: Bool, by actor: String?,
                                _ make: (CandidateHeld) throws(ShortlistError) -> T) throws(ShortlistError) -> T {
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
                """, arguments: [candidate.id]).map {
                CandidateHeld.Event(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"],
                                    record: $0["entity_ref"], details: $0["details"])
            }
            let held = CandidateHeld(reference: reference, candidate: candidate, vacancy: vacancy, entries: entries, findings: findings, events: events,
                                     exportedAt: change.timestamp, exportedBy: change.actorName, evidenceFolder: change.evidenceFolder,
                                     notices: try CandidateNotice.fetchAll(db, candidateIDs: [candidate.id]), school: try Store.letterSchool(db),
                                     steps: try SearchProtocol.fetch(db, id: vacancy.protocolID).steps)
            return try make(held)
        }
    }
}
