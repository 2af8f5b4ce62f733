import Foundation

/// A backup file in the backups folder.
public struct BackupFile: Equatable, Sendable {
    public var name: String
    public var path: String
    public var bytes: Int
    /// When it was last written.
    public var modified: Date
    /// Its evidence folder (`NAME-evidence`) is beside it.
    public var hasEvidence: Bool
}

extension Store {
    /// The folder backups taken from the web interface go into: the `backup_dir` setting, or `NAME-backups` beside the database.
    public func backupFolder() throws(ShortlistError) -> String {
        let configured = try setting(SchoolSetting.backupDir.rawValue) ?? ""
        return configured.isEmpty ? BackupNaming.defaultFolder(databasePath: path) : configured
    }

    /// The backups in the backups folder, newest first (none when the folder does not exist yet).
    public func backups() throws(ShortlistError) -> [BackupFile] {
        let folder = try backupFolder()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter(BackupNaming.isBackup).compactMap { name -> BackupFile? in
            let path = folder + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            return BackupFile(name: name, path: path, bytes: (attributes[.size] as? Int) ?? 0,
                              modified: (attributes[.modificationDate] as? Date) ?? .distantPast,
                              hasEvidence: FileManager.default.fileExists(atPath: EvidenceFolder(databasePath: path).path))
        }.sorted { ($0.modified, $0.name) > ($1.modified, $1.name) }
    }

    /// Takes a backup into the backups folder under a name made from the time (`BackupNaming.fileName`); like
    /// `backup(to:)`, it never replaces a file or folder already there.
    public func takeBackup() throws(ShortlistError) -> BackupResult {
        try backup(to: try backupFolder() + "/" + BackupNaming.fileName(at: now))
    }
}
