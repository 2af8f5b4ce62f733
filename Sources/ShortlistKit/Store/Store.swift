import Foundation
import GRDB

/// The shortlist database: opens or creates it, migrates it, and offers named operations,
/// each one transaction that also appends its audit events.
///
/// All SQL of the tool lives in `Store` and its extensions.
public struct Store: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    let clock: @Sendable () -> Date
    /// The transaction of the batch this store was handed by `batch`, which its operations join; nil outside one.
    private let transaction: BatchTransaction?
    /// How changes reach the store, recorded in every audit event's details as `made_via` (nil: the CLI,
    /// recorded as before). Web interface: see `viaWeb`.
    var channel: String? = nil

    /// The first four bytes' worth of `PRAGMA application_id` that marks a shortlist file ('SLST').
    static let applicationID: Int32 = 0x534C_5354

    // MARK: - Opening

    /// Creates a new database at `path`, readable and writable by its owner only, and adds
    /// its first staff member (an admin) without an actor.
    public static func create(at path: String, admin: String, roles: [StaffRole] = [],
                              clock: @escaping @Sendable () -> Date) throws(ShortlistError) -> Store {
        let admin = admin.trimmingCharacters(in: .whitespaces)
        guard !admin.isEmpty else {
            throw .invalidValue(field: "--admin", value: admin, expected: "the name of the first staff member")
        }
        try createOwnerOnlyFile(at: path)
        do {
            // Migrate before turning on WAL, so that the header (with the application id)
            // is in the main file from the start.
            let setup = try DatabaseQueue(path: path, configuration: configuration(wal: false))
            try migrator().migrate(setup)
            try setup.close()
            // Turn WAL on once: it stays set in the file, so later opens need not (and do not) write.
            let store = try Store(path: path, wal: true, clock: clock)
            try store.write(by: nil) { change in
                try change.addFirstAdmin(name: admin, roles: roles)
            }
            return store
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw Store.translate(error, path: path)
        }
    }

    /// Opens an existing shortlist database and applies any migrations it lacks.
    /// A missing file, a foreign file or a newer schema is refused and nothing is changed.
    public static func open(at path: String, clock: @escaping @Sendable () -> Date) throws(ShortlistError) -> Store {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .databaseMissing(path: path) }
        guard !isFolder.boolValue else {
            throw .file(path: path, reason: "is a folder, not a database; give the database file inside it (such as \(path)/shortlist.sqlite)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .file(path: path, reason: "the database file cannot be read; check its permissions")
        }
        do {
            // Only reads first, through SQLite (never a file handle of our own: closing one would drop
            // the locks of any other connection of this process), on a connection closed before going
            // on. A foreign file or a newer schema is refused before anything is written, and the
            // closing removes the -wal and -shm it opened.
            let probe = try DatabaseQueue(path: path, configuration: configuration(wal: false))
            let found: (newer: String?, pending: Bool)? = try probe.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID else { return nil }
                let applied = try migrator().appliedIdentifiers(db)
                return (applied.subtracting(migrator().migrations).sorted().last, try !migrator().hasCompletedMigrations(db))
            }
            try probe.close()
            guard let found else { throw ShortlistError.notAShortlistDatabase(path: path) }
            if let newer = found.newer { throw ShortlistError.newerSchema(path: path, migration: newer) }
            let pending = found.pending
            let store = try Store(path: path, wal: false, clock: clock)
            if pending { try migrator().migrate(store.queue) }
            return store
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    private init(path: String, wal: Bool, clock: @escaping @Sendable () -> Date) throws {
        self.path = path
        self.clock = clock
        self.queue = try DatabaseQueue(path: path, configuration: Store.configuration(wal: wal))
        self.transaction = nil
    }

    private init(path: String, queue: DatabaseQueue, clock: @escaping @Sendable () -> Date, transaction: BatchTransaction?) {
        self.path = path
        self.queue = queue
        self.clock = clock
        self.transaction = transaction
    }

    /// The same database (the same connection, in the same batch if this store is a batch's) with its
    /// clock stopped at `instant`: for records made as they were on an earlier day, as the
    /// demonstration, the benchmark's generator and test fixtures make them. No command offers it.
    public func stopped(at instant: Date) -> Store {
        var store = Store(path: path, queue: queue, clock: { instant }, transaction: transaction)
        store.channel = channel
        return store
    }

    /// The same database, with every change it records marked as made through the web interface
    /// (`"made_via": "web"` in each audit event's details, so the mark is covered by the chain).
    public var viaWeb: Store {
        var store = self
        store.channel = "web"
        return store
    }

    private static func configuration(wal: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        if wal { config.journalMode = .wal }
        config.label = "shortlist"
        // Deleted content is overwritten, so a purge leaves no personal data in free pages.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        return config
    }

    /// Whether this store is a batch's, whose changes only its own connection sees until the batch commits.
    var inBatch: Bool { transaction != nil }

    /// A second, read-only connection's: for work split across both cores (`audit verify`).
    static func readerConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.label = "shortlist-reader"
        return config
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in EmbeddedResources.schema {
            let sql = migration.sql
            let name = migration.name.hasSuffix(".sql") ? String(migration.name.dropLast(4)) : migration.name
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// The names of the schema migrations this version knows, in order.
    public static var schemaMigrations: [String] { migrator().migrations }

    /// The schema migrations applied to this database, in order.
    public func appliedMigrations() throws(ShortlistError) -> [String] {
        try read { db in try Store.migrator().appliedMigrations(db) }
    }

    static func createOwnerOnlyFile(at path: String) throws(ShortlistError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .file(path: folder, reason: "the folder could not be created (\(error.localizedDescription))")
        }
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { throw .databaseExists(path: path) }
            throw .file(path: path, reason: "the database file could not be created (\(String(cString: strerror(errno))))")
        }
        // The mode is set again in case a umask widened or narrowed it.
        fchmod(fd, 0o600)
        close(fd)
    }

    // MARK: - Transactions

    /// Runs `body` in one immediate transaction as the named staff member; every audit event it
    /// records commits with it, and any error rolls everything back.
    /// `actor` is nil only for the very first write of a new database.
    func write<T>(by actor: String?, _ body: (Change) throws -> T) throws(ShortlistError) -> T {
        if let batch = transaction {
            // Inside a batch: one savepoint per operation, so a failed one leaves the batch as it was.
            do {
                var result: T?
                try batch.db.inSavepoint {
                    result = try body(Change(db: batch.db, storePath: path, actorName: actor, now: clock(), channel: channel))
                    return .commit
                }
                return result!
            } catch {
                throw Store.translate(error, path: path)
            }
        }
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                let change = try Change(db: db, storePath: path, actorName: actor, now: clock(), channel: channel)
                result = try body(change)
                return .commit
            }
            return result!
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs `body` in one read transaction: a consistent view for reports and listings.
    func read<T>(_ body: (Database) throws -> T) throws(ShortlistError) -> T {
        if let batch = transaction {
            do {
                return try body(batch.db)
            } catch {
                throw Store.translate(error, path: path)
            }
        }
        do {
            return try queue.read(body)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs `body` in one read transaction as the named staff member, who must hold one of `roles`: for
    /// documents, which are read and rendered without the write lock and recorded by a short write after.
    /// The `Change` only names the actor and the time; nothing can be recorded through it here.
    func read<T>(by actor: String?, requiring roles: [StaffRole], to operation: String,
                 _ body: (Change) throws -> T) throws(ShortlistError) -> T {
        try read { db in
            let change = try Change(db: db, storePath: path, actorName: actor, now: clock())
            try change.require(roles, to: operation)
            return try body(change)
        }
    }

    /// Runs many named operations in one transaction (the bulk path: imports of generated data,
    /// the demonstration). `body` is handed a store whose every operation joins the batch, each in a
    /// savepoint that keeps its own checks and audit events; operations on any other store do not.
    /// If `body` throws, nothing of the batch is kept. The store handed over is for `body` only.
    public func batch<T>(_ body: (Store) throws -> T) throws(ShortlistError) -> T {
        if let batch = transaction {
            // A batch within a batch: a savepoint, so that if it throws, nothing of it is kept.
            do {
                var result: T?
                try batch.db.inSavepoint {
                    result = try body(self)
                    return .commit
                }
                return result!
            } catch {
                throw Store.translate(error, path: path)
            }
        }
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                var store = Store(path: path, queue: queue, clock: clock, transaction: BatchTransaction(db: db))
                store.channel = channel
                result = try body(store)
                return .commit
            }
            return result!
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Turns any error into a ShortlistError without ever exposing SQLite's own text.
    static func translate(_ error: any Error, path: String) -> ShortlistError {
        if let error = error as? ShortlistError { return error }
        guard let error = error as? DatabaseError else {
            return .storage(path: path, reason: String(describing: type(of: error)))
        }
        if error.resultCode == .SQLITE_NOTADB { return .notAShortlistDatabase(path: path) }
        let reason: String = switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: "another shortlist command kept it busy for too long; try again"
        case .SQLITE_READONLY: "the file is read-only"
        case .SQLITE_FULL: "the disk is full"
        case .SQLITE_CORRUPT: "the file is damaged; restore it from a backup (`shortlist doctor` says more)"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: "the file cannot be opened; check its permissions"
        case .SQLITE_CONSTRAINT: "the change broke one of the database's integrity rules (code \(error.extendedResultCode.rawValue))"
        default: "SQLite reported error code \(error.extendedResultCode.rawValue)"
        }
        return .storage(path: path, reason: reason)
    }

    /// The current instant, from the store's clock.
    public var now: Date { clock() }
}

/// The transaction of a running `Store.batch`, which the store handed to its body joins.
final class BatchTransaction: @unchecked Sendable {
    // Only used by the store handed to the batch's body, on the thread that runs it, inside the transaction.
    let db: Database

    init(db: Database) { self.db = db }
}
