import Foundation

/// Where backups taken from the web interface go and what each is called.
public enum BackupNaming {
    /// The folder beside the database used when the `backup_dir` setting is empty: `NAME-backups` beside `NAME.sqlite`.
    public static func defaultFolder(databasePath: String) -> String {
        let url = URL(fileURLWithPath: databasePath)
        return url.deletingLastPathComponent().path + "/" + url.deletingPathExtension().lastPathComponent + "-backups"
    }

    /// The file name of a backup taken at `instant`: `backup-20261120T100000Z.sqlite` (UTC, to the second).
    public static func fileName(at instant: Date) -> String {
        "backup-" + Timestamp.iso(instant).filter { $0 != "-" && $0 != ":" } + ".sqlite"
    }

    /// Whether a file name is that of a backup (`backup-….sqlite`).
    public static func isBackup(_ name: String) -> Bool {
        name.hasPrefix("backup-") && name.hasSuffix(".sqlite")
    }
}
