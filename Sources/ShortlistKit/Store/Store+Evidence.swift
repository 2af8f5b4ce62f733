import Foundation

extension Store {
    /// The evidence folder that belongs to this database.
    public var evidence: EvidenceFolder { EvidenceFolder(databasePath: path) }

    /// Every evidence file of a candidate's entries, each checked against its recorded SHA-256.
    public func checkEvidence(_ reference: CandidateReference) throws(ShortlistError) -> (files: [EvidenceCheck], intact: Bool) {
        let folder = evidence
        let files = try searchHistory(reference).flatMap { entry in
            entry.evidence.map { EvidenceCheck(entry: entry.id, step: entry.stepKey, name: $0.name, sha256: $0.sha256, size: $0.size,
                                               check: folder.check($0.sha256)) }
        }
        return (files, files.allSatisfy { $0.check == .ok })
    }
}
