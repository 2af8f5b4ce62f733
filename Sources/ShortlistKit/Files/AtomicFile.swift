import Foundation

/// Writes files whole or not at all, readable by their owner only from the first byte.
///
/// A file is written into the folder it will live in under no name at all (`O_TMPFILE`, so that a process
/// killed while writing leaves nothing behind) or, where the file system cannot do that, under a hidden
/// temporary name created with `O_EXCL` and mode 0600; it is synced to disk, and only then given its name,
/// and the folder is synced so that the name survives a crash. Nothing is written through Foundation's
/// atomic writes, which create their temporary file readable by others and change its mode afterwards.
public enum AtomicFile {
    /// Refuses to go on when `path` exists, before anything is written or recorded.
    public static func refuseExisting(_ path: String, remedy: String) throws(ShortlistError) {
        if FileManager.default.fileExists(atPath: path) {
            throw .file(path: path, reason: "already exists; nothing was written. \(remedy)")
        }
    }

    /// Writes `data` to `path` whole, with `mode` (owner-only unless told otherwise), creating missing folders
    /// (0700 for owner-only files). A file already at `path` is replaced only when `replacing`.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600, replacing: Bool = true) throws(ShortlistError) {
        try stage(data, for: path, mode: mode).publish(replacing: replacing)
    }

    /// Writes `data` beside `path`, synced but not yet under its name: `publish` names it, `discard` (or
    /// dropping it) leaves nothing behind. `unnamed: false` writes it under a hidden name, as on a file
    /// system that cannot write an unnamed file (for tests).
    static func stage(_ data: Data, for path: String, mode: mode_t = 0o600, unnamed: Bool = true) throws(ShortlistError) -> StagedFile {
        let folder = parent(of: path)
        try createFolder(folder, mode: mode & 0o044 == 0 ? 0o700 : 0o755)
        let staged = try StagedFile(target: path, folder: folder, mode: mode, unnamed: unnamed)
        do {
            try writeAll(data, to: staged.descriptor)
        } catch {
            staged.discard()
            throw .file(path: path, reason: "could not be written (\(error.text)); nothing was written. Check the folder's permissions and free space")
        }
        return staged
    }

    /// Creates a new file at `path` and writes `data` into it, synced unless `sync` is false (the caller then
    /// syncs the folder's files at once, see `syncFiles`). For files inside a folder that is itself temporary,
    /// whose errors name the file as `shownAs`, its path once the folder is in place.
    static func create(_ path: String, data: Data, mode: mode_t = 0o600, sync: Bool = true, shownAs: String? = nil) throws(ShortlistError) {
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw .file(path: shownAs ?? path, reason: "could not be created (\(Errno.current.text)); nothing was written. "
                + "Check the folder's permissions and free space")
        }
        defer { Glibc.close(fd) }
        do {
            fchmod(fd, mode)
            try writeAll(data, to: fd, sync: sync)
        } catch {
            unlink(path)
            throw .file(path: shownAs ?? path, reason: "could not be written (\(error.text)); nothing was written. Check the folder's permissions and free space")
        }
    }

    /// Creates `path` and any missing folder above it with `mode` (owner-only by default); folders that
    /// exist are left as they are.
    static func createFolder(_ path: String, mode: mode_t = 0o700) throws(ShortlistError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .file(path: path, reason: "is a file, not a folder; choose another place") }
            return
        }
        let above = parent(of: path)
        if above != path { try createFolder(above, mode: mode) }
        if mkdir(path, mode) == 0 {
            // The mode is set again in case the umask narrowed or widened it.
            chmod(path, mode)
            syncFolder(above)
        } else if errno != EEXIST {
            throw .file(path: path, reason: "the folder could not be created (\(Errno.current.text)); check the permissions of the folder above it")
        }
    }

    /// Makes a new, empty, owner-only folder beside `path` for a whole set of files to be written into before
    /// it is renamed to `path`. Returns its path.
    static func createTemporaryFolder(for path: String) throws(ShortlistError) -> String {
        try createFolder(parent(of: path))
        let temporary = temporaryPath(for: path)
        guard mkdir(temporary, 0o700) == 0 else {
            throw .file(path: path, reason: "a folder could not be created beside it (\(Errno.current.text)); check the permissions of the folder above it")
        }
        chmod(temporary, 0o700)
        return temporary
    }

    /// A new hidden name in the folder of `path`: `.NAME.1A2B3C4D.partial`.
    static func temporaryPath(for path: String) -> String {
        parent(of: path) + "/." + URL(fileURLWithPath: path).lastPathComponent + "." + UUID().uuidString.prefix(8) + ".partial"
    }

    /// Syncs the files named `names` in `folder` to disk: the whole file system at once where Linux allows
    /// (`syncfs`, one call however many files), else each file.
    static func syncFiles(in folder: String, names: [String]) throws(ShortlistError) {
        if let syncfs = LinuxCalls.syncfs {
            let fd = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                defer { Glibc.close(fd) }
                if syncfs(fd) == 0 { return }
            }
        }
        for name in names {
            let fd = Glibc.open(folder + "/" + name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0, fsync(fd) == 0 else {
                let error = Errno.current
                if fd >= 0 { Glibc.close(fd) }
                throw .file(path: folder + "/" + name, reason: "could not be synced to disk (\(error.text)); check the free space")
            }
            Glibc.close(fd)
        }
    }

    /// Syncs a folder, so that names added to it or removed from it survive a crash.
    static func syncFolder(_ path: String) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        Glibc.close(fd)
    }

    /// Renames `source` (a folder or file this run made) to `target`, which must not exist or be an empty
    /// folder; with `exchanging`, swaps it with the folder at `target` in one step where Linux allows, so
    /// that `target` is never missing. Syncs the folder above.
    static func rename(_ source: String, to target: String, exchanging: Bool = false) throws(Errno) {
        if exchanging, let renameat2 = LinuxCalls.renameat2 {
            // RENAME_EXCHANGE (1 << 1).
            if renameat2(AT_FDCWD, source, AT_FDCWD, target, 1 << 1) == 0 {
                syncFolder(parent(of: target))
                return
            }
            guard [EINVAL, ENOSYS].contains(errno) else { throw .current }
        }
        if exchanging {
            // No exchange on this file system: move the old one aside first, where `source` was.
            let aside = source + ".old"
            guard Glibc.rename(target, aside) == 0 else { throw .current }
            guard Glibc.rename(source, target) == 0 else {
                let error = Errno.current
                _ = Glibc.rename(aside, target)
                throw error
            }
            guard Glibc.rename(aside, source) == 0 else { throw .current }
        } else if Glibc.rename(source, target) != 0 {
            throw .current
        }
        syncFolder(parent(of: target))
    }

    /// Gives the file at `source` the new name `target` as well (then the caller removes `source`), refusing
    /// a name that exists, which rename would replace. On a file system without hard links, it checks first
    /// and renames.
    static func linkNew(_ source: String, to target: String) throws(Errno) {
        if link(source, target) == 0 { return }
        guard [EPERM, EOPNOTSUPP, ENOSYS].contains(errno) else { throw .current }
        guard !FileManager.default.fileExists(atPath: target) else { throw Errno(EEXIST) }
        guard Glibc.rename(source, target) == 0 else { throw .current }
    }

    /// Removes a folder this run made, and the files in it.
    static func removeFolder(_ path: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { unlink(path + "/" + name) }
        rmdir(path)
    }

    /// The folder a path is in.
    static func parent(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// Writes every byte (a write may take several calls), then syncs the file to disk.
    fileprivate static func writeAll(_ data: Data, to fd: Int32, sync: Bool = true) throws(Errno) {
        let failure: Errno? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .current
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
        if sync, fsync(fd) != 0 { throw .current }
    }
}

/// A file written whole and synced beside its target, under no name (or a hidden temporary one), until
/// `publish` gives it its name. Dropped or discarded, it leaves nothing behind.
final class StagedFile {
    let target: String
    let folder: String
    /// The open file.
    fileprivate let descriptor: Int32
    /// The hidden name it was written under, where the file system could not write it unnamed.
    private var temporary: String?
    private var open = true

    // O_TMPFILE is (__O_TMPFILE | O_DIRECTORY), __O_TMPFILE being 020000000 on Linux's common architectures.
    private static let unnamed: Int32 = 0o20000000 | O_DIRECTORY

    fileprivate init(target: String, folder: String, mode: mode_t, unnamed: Bool) throws(ShortlistError) {
        self.target = target
        self.folder = folder
        var fd: Int32 = -1
        #if os(Linux)
        if unnamed, LinuxCalls.procFileDescriptors {
            fd = Glibc.open(folder, StagedFile.unnamed | O_WRONLY | O_CLOEXEC, mode)
        }
        #endif
        if fd < 0 {
            let name = AtomicFile.temporaryPath(for: target)
            fd = Glibc.open(name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
            if fd >= 0 { temporary = name }
        }
        guard fd >= 0 else {
            throw .file(path: target, reason: "could not be created (\(Errno.current.text)); check the folder's permissions and free space")
        }
        // The mode is set again in case the umask narrowed it, before a byte is written.
        fchmod(fd, mode)
        descriptor = fd
    }

    deinit { discard() }

    /// Where the staged file can be looked at before it is published.
    var stagedPath: String { temporary ?? "/proc/self/fd/\(descriptor)" }

    /// Gives the file its name; a file already there is replaced only when `replacing`. Syncs the folder.
    /// `recorded` says that the document's production was recorded already, for the message if this fails.
    func publish(replacing: Bool, recorded: Bool = false) throws(ShortlistError) {
        do {
            try place(replacing: replacing)
        } catch {
            discard()
            let reason = error == Errno(EEXIST) ? "already exists" : "could not be written (\(error.text))"
            throw .file(path: target, reason: reason + (recorded
                ? "; the document was recorded as produced, but not written. Run the command again" + (error == Errno(EEXIST) ? " with a new name" : "")
                : "; nothing was written. " + (error == Errno(EEXIST) ? "Choose a new name" : "Check the folder's permissions and free space")))
        }
        close()
        AtomicFile.syncFolder(folder)
    }

    private func place(replacing: Bool) throws(Errno) {
        if temporary == nil {
            // Unnamed: link it in under its name (refused if the name exists), or under a hidden name to
            // rename over the old file.
            let name = replacing ? AtomicFile.temporaryPath(for: target) : target
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else { throw .current }
            if replacing { temporary = name }
        }
        guard let temporary else { return }
        if replacing {
            guard Glibc.rename(temporary, target) == 0 else { throw .current }
        } else {
            try AtomicFile.linkNew(temporary, to: target)
            unlink(temporary)
        }
        self.temporary = nil
    }

    /// Removes what was written; nothing stays behind under any name.
    func discard() {
        if let temporary { unlink(temporary) }
        temporary = nil
        close()
    }

    private func close() {
        if open { Glibc.close(descriptor) }
        open = false
    }
}

/// An `errno` value, as an error a file operation can throw and explain.
struct Errno: Error, Equatable {
    let code: Int32

    init(_ code: Int32) { self.code = code }

    /// The calling thread's `errno`.
    static var current: Errno { Errno(errno) }

    /// The system's words for it, such as "No space left on device".
    var text: String { String(cString: strerror(code)) }
}

/// Linux calls that Swift's Glibc module does not declare, looked up at run time.
enum LinuxCalls {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    typealias SyncFS = @convention(c) (Int32) -> Int32

    static var renameat2: RenameAt2? { dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) } }
    static var syncfs: SyncFS? { dlsym(nil, "syncfs").map { unsafeBitCast($0, to: SyncFS.self) } }

    typealias SpawnCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias SpawnChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc 2.34's file action that closes every descriptor from a number up, in the child.
    static var spawnCloseFrom: SpawnCloseFrom? {
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: SpawnCloseFrom.self) }
    }
    /// glibc 2.29's file action that changes the child's folder.
    static var spawnChangeDirectory: SpawnChangeDirectory? {
        dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: SpawnChangeDirectory.self) }
    }
    /// Whether an unnamed file can be linked in through `/proc/self/fd`.
    static var procFileDescriptors: Bool { access("/proc/self/fd", X_OK) == 0 }
}
