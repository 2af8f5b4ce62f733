import Foundation
import GRDB

/// What a backup made.
public struct BackupResult: Equatable, Sendable {
    public var path: String
    public var events: Int
    public var head: String
    public var evidenceFiles: Int
}

/// How much the database holds.
public struct Statistics: Equatable, Sendable {
    public var vacancies: Int
    public var candidates: Int
    public var entries: Int
    public var findings: Int
    public var events: Int
}

/// One check of `shortlist doctor`.
public struct DoctorCheck: Equatable, Sendable {
    public var name: String
    public var passed: Bool
    /// What was found.
    public var detail: String
    /// What to do about a failure.
    public var remedy: String
}

extension Store {
    /// Counts of the main records.
    public func statistics() throws(ShortlistError) -> Statistics {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM vacancy) AS vacancies, (SELECT count(*) FROM candidate) AS candidates,
                       (SELECT count(*) FROM search_entry) AS entries, (SELECT count(*) FROM finding) AS findings,
                       (SELECT coalesce(max(seq), 0) FROM audit_event) AS events
                """)!
            return Statistics(vacancies: row["vacancies"], candidates: row["candidates"], entries: row["entries"],
                              findings: row["findings"], events: row["events"])
        }
    }

    /// Copies the database with SQLite's online backup (consistent while others write) to a new
    /// owner-only file, verifies the copy, and copies the evidence files into the copy's own evidence
    /// folder (`NAME-evidence` beside `NAME.sqlite`, as for any database), so that the copy opens as it is.
    ///
    /// Everything is written under hidden temporary names beside the target, synced, and renamed into place
    /// only once whole and verified, the evidence folder first and the database last: a backup stopped at
    /// any moment leaves nothing under the target's names (at most a hidden `.NAME.….partial` file). It
    /// never writes into, replaces or removes anything it did not make in this run: a target whose evidence
    /// folder would be the database's own, or exists already, is refused.
    public func backup(to destination: String) throws(ShortlistError) -> BackupResult {
        try backup(to: destination, afterCopy: nil)
    }

    /// `backup(to:)`, calling `afterCopy` once the database is copied under its temporary name (for tests).
    func backup(to destination: String, afterCopy: (() throws -> Void)?) throws(ShortlistError) -> BackupResult {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .file(path: destination, reason: "already exists; a backup never replaces a file. Choose a new name")
        }
        let copyEvidence = EvidenceFolder(databasePath: destination)
        if Store.canonical(copyEvidence.path) == Store.canonical(evidence.path) {
            let suggestion = AtomicFile.parent(of: destination) + "/"
                + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "-backup.sqlite"
            throw .file(path: destination, reason: "its evidence would go into \(evidence.path), the database's own evidence folder; "
                + "choose a name that gives it a folder of its own, such as \(suggestion)")
        }
        guard !FileManager.default.fileExists(atPath: copyEvidence.path) else {
            throw .file(path: copyEvidence.path, reason: "already exists; a backup never writes into a folder it did not make. Choose a new name for the backup")
        }
        try AtomicFile.createFolder(AtomicFile.parent(of: destination))
        let temporary = AtomicFile.temporaryPath(for: destination)
        var stagedEvidence: String?
        var placedEvidence = false
        do {
            try Store.createOwnerOnlyFile(at: temporary)
            let copy = try DatabaseQueue(path: temporary)
            try queue.backup(to: copy)
            try copy.close()
            try afterCopy?()
            // The copy must be a whole, valid shortlist database whose audit trail verifies.
            let opened = try Store.open(at: temporary, clock: clock)
            let integrity = try opened.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            let verification = try opened.verifyAudit()
            let hashes = try opened.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256") }
            try opened.queue.close()
            guard integrity == ["ok"], verification.isValid else {
                throw ShortlistError.file(path: destination, reason: "the copy did not verify (integrity: \(integrity.joined(separator: "; "))); nothing was kept")
            }
            // Closing its last connection folded the copy's write-ahead log (if any) into it.
            guard !FileManager.default.fileExists(atPath: temporary + "-wal") else { throw Errno(EBUSY) }
            if !hashes.isEmpty {
                let staging = try AtomicFile.createTemporaryFolder(for: copyEvidence.path)
                stagedEvidence = staging
                for sha in hashes { try AtomicFile.create(staging + "/" + sha, data: try evidence.read(sha), sync: false) }
                try AtomicFile.syncFiles(in: staging, names: hashes)
            }
            try AtomicFile.syncFiles(in: AtomicFile.parent(of: temporary), names: [URL(fileURLWithPath: temporary).lastPathComponent])
            if let staging = stagedEvidence {
                try AtomicFile.rename(staging, to: copyEvidence.path)
                stagedEvidence = nil
                placedEvidence = true
            }
            // Unlike rename, this refuses a file made under the name meanwhile.
            try AtomicFile.linkNew(temporary, to: destination)
            unlink(temporary)
            AtomicFile.syncFolder(AtomicFile.parent(of: destination))
            return BackupResult(path: destination, events: verification.events, head: verification.head, evidenceFiles: hashes.count)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
            if let stagedEvidence { AtomicFile.removeFolder(stagedEvidence) }
            if placedEvidence { AtomicFile.removeFolder(copyEvidence.path) }
            if let error = error as? ShortlistError { throw error }
            let reason = switch error {
            case let error as Errno: error.text
            case let error as DatabaseError where error.resultCode == .SQLITE_FULL: "the disk is full"
            case let error as DatabaseError where error.resultCode == .SQLITE_IOERR: "a write failed; the disk may be full"
            default: String(describing: type(of: error))
            }
            throw .file(path: destination, reason: "the backup could not be written (\(reason)); nothing was kept. Check the free space of its folder")
        }
    }

    /// A path with the folder it is in resolved (symbolic links, `..`), to tell whether two paths name one place.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        guard let resolved = realpath(folder, nil) else { return url.path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + url.lastPathComponent
    }

    /// Checks the database's health: integrity, foreign keys, schema, audit chain, evidence,
    /// permissions, and overdue purges. Each check says what to do about a failure.
    public func doctor() throws(ShortlistError) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let (integrity, foreignKeys, applied) = try read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
             try Store.migrator().appliedMigrations(db))
        }
        checks.append(DoctorCheck(name: "integrity", passed: integrity == ["ok"], detail: integrity.prefix(3).joined(separator: "; "),
                                  remedy: "The file is damaged: restore the latest backup (`shortlist backup` makes one)."))
        checks.append(DoctorCheck(name: "foreign keys", passed: foreignKeys == 0, detail: "\(foreignKeys) broken references",
                                  remedy: "Records refer to ones that are gone: restore the latest backup and investigate."))
        let known = Store.schemaMigrations
        checks.append(DoctorCheck(name: "schema", passed: applied == known, detail: "migrations \(applied.last ?? "none") of \(known.last ?? "none")",
                                  remedy: "Open the database with this version of shortlist to apply its migrations."))
        let audit = try verifyAudit()
        checks.append(DoctorCheck(name: "audit trail", passed: audit.isValid,
                                  detail: audit.isValid ? "\(audit.events) events, head \(audit.head)"
                                      : (audit.brokenEvent.map { "broken at event \($0.seq): \($0.reason)" } ?? audit.recordProblems.first ?? ""),
                                  remedy: "Run `shortlist audit verify` for details; restore the latest backup and investigate."))
        let files = try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256") }
        let bad = files.map { ($0, evidence.check($0)) }.filter { $0.1 != .ok }
        checks.append(DoctorCheck(name: "evidence files", passed: bad.isEmpty,
                                  detail: bad.isEmpty ? "\(files.count) present and unchanged"
                                      : bad.prefix(3).map { "\($0.0.prefix(12)) \($0.1.rawValue)" }.joined(separator: "; "),
                                  remedy: "Restore the evidence folder \(evidence.path) from the latest backup."))
        let referenced = Set(files)
        let unreferenced = evidence.fileNames().filter { !referenced.contains($0) }
        // A name that is a hash is shortened as above; any other (a temporary file) is shown whole.
        let shown = unreferenced.prefix(3).map { $0.count == 64 ? String($0.prefix(12)) : $0 }
        checks.append(DoctorCheck(name: "unreferenced evidence", passed: unreferenced.isEmpty,
                                  detail: unreferenced.isEmpty ? "none"
                                      : "\(unreferenced.count) \(unreferenced.count == 1 ? "file" : "files") that no record names: "
                                          + shown.joined(separator: ", ") + (unreferenced.count > 3 ? " and \(unreferenced.count - 3) more" : ""),
                                  remedy: "Remove them with `shortlist purge --apply` (the removal is recorded); a purge or a search that was interrupted left them."
                                      + (unreferenced.allSatisfy(EvidenceFolder.isOwnFile) ? ""
                                          : " A file not named by a hash or .partial was not made by shortlist: the purge leaves it, so move it out of \(evidence.path).")))
        var loose: [String] = []
        for (file, expected) in [(path, 0o600), (path + "-wal", 0o600), (path + "-shm", 0o600), (evidence.path, 0o700)] {
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int else { continue }
            if mode & 0o077 != 0 { loose.append("\(file) is \(String(mode, radix: 8)), expected \(String(expected, radix: 8))") }
        }
        checks.append(DoctorCheck(name: "permissions", passed: loose.isEmpty, detail: loose.isEmpty ? "owner only" : loose.joined(separator: "; "),
                                  remedy: "Make them the owner's only: chmod 600 on the database files, chmod 700 on the evidence folder."))
        let due = try purgePlan().due
        checks.append(DoctorCheck(name: "retention", passed: due.isEmpty,
                                  detail: due.isEmpty ? "no purge overdue" : "\(due.count) candidates' personal data is past its retention date",
                                  remedy: "Review with `shortlist purge`, then run `shortlist purge --apply` (or hold the vacancy)."))
        return checks
    }
}
