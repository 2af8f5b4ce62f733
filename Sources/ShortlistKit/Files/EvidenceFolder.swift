import Foundation

/// The folder beside the database that holds evidence files (screenshots, PDFs, saved pages),
/// each stored under its SHA-256, readable by the owner only.
///
/// Files are copied in; the original is never moved or changed. Reading one back checks its hash.
public struct EvidenceFolder: Sendable {
    /// The folder: `shortlist-evidence` beside `shortlist.sqlite`.
    public let path: String

    init(databasePath: String) {
        let url = URL(fileURLWithPath: databasePath)
        path = url.deletingLastPathComponent()
            .appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-evidence").path
    }

    /// Where the file with this hash is kept.
    public func location(of sha256: String) -> String {
        path + "/" + sha256
    }

    /// A file that was stored: its hash, size and original name, and whether this call created it.
    struct Stored {
        var sha256: String
        var size: Int
        var originalName: String
        var isNew: Bool
    }

    /// Copies a file in under its SHA-256 (if not already there), owner-only from its first byte.
    func store(file source: String) throws(ShortlistError) -> Stored {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: source))
        } catch {
            throw .file(path: source, reason: "the evidence file cannot be read; check the path")
        }
        let sha = Digest.sha256(data)
        let name = URL(fileURLWithPath: source).lastPathComponent
        let target = location(of: sha)
        if FileManager.default.fileExists(atPath: target) {
            return Stored(sha256: sha, size: data.count, originalName: name, isNew: false)
        }
        do {
            try AtomicFile.createFolder(path)
            chmod(path, 0o700)
            // Written unnamed (or under a hidden name) and synced, then linked in under its hash: a copy
            // killed half-way leaves nothing, and never a partial file under a hash that a record could name.
            try AtomicFile.write(data, to: target, replacing: false)
        } catch {
            // Stored meanwhile by another command: the same bytes, under the same hash.
            if check(sha) == .ok { return Stored(sha256: sha, size: data.count, originalName: name, isNew: false) }
            throw error
        }
        return Stored(sha256: sha, size: data.count, originalName: name, isNew: true)
    }

    /// Whether a file in the folder is one shortlist made: a stored copy (named by its SHA-256) or
    /// one being written (`.NAME.XXXXXXXX.partial`). Only those may be removed as unreferenced.
    static func isOwnFile(_ name: String) -> Bool {
        (name.count == 64 && name.allSatisfy { $0.isHexDigit && !$0.isUppercase }) || (name.hasPrefix(".") && name.hasSuffix(".partial"))
    }

    /// The names of the files in the folder, hidden ones included, sorted; none when there is no folder.
    func fileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
            var info = stat()
            return lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
        }.sorted()
    }

    /// Removes a file this command stored, when its transaction did not commit.
    func discard(_ stored: Stored) {
        if stored.isNew { try? FileManager.default.removeItem(atPath: location(of: stored.sha256)) }
    }

    /// The state of a stored file.
    public enum Check: String, Sendable {
        case ok, missing, changed
    }

    /// Whether the file with this hash is present and unchanged.
    public func check(_ sha256: String) -> Check {
        guard let data = FileManager.default.contents(atPath: location(of: sha256)) else { return .missing }
        return Digest.sha256(data) == sha256 ? .ok : .changed
    }

    /// The file's bytes, after checking them against the recorded hash.
    public func read(_ sha256: String) throws(ShortlistError) -> Data {
        guard let data = FileManager.default.contents(atPath: location(of: sha256)) else {
            throw .file(path: location(of: sha256), reason: "the evidence file is missing; restore it from a backup")
        }
        guard Digest.sha256(data) == sha256 else {
            throw .file(path: location(of: sha256),
                        reason: "the evidence file has changed since it was recorded (its SHA-256 no longer matches); restore it from a backup")
        }
        return data
    }
}

/// One evidence file of a search entry, checked against its recorded hash.
public struct EvidenceCheck: Equatable, Sendable {
    public var entry: Int64
    public var step: String
    public var name: String
    public var sha256: String
    public var size: Int
    public var check: EvidenceFolder.Check
}
