import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The permission bits of a file.
private func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

@Suite("Store: creating and opening databases")
struct StoreTests {
    // MARK: - Creating

    @Test("a new database file is readable and writable by its owner only, and so are its -wal and -shm")
    func newDatabaseIsOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        #expect(mode(store.path) == 0o600)
        // While the store is open after a write, SQLite keeps the -wal and -shm beside it.
        try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
        for suffix in ["-wal", "-shm"] {
            let sidecar = store.path + suffix
            #expect(FileManager.default.fileExists(atPath: sidecar), "expected \(suffix) while the store is open")
            if let bits = mode(sidecar) {
                #expect(bits & 0o077 == 0, "\(suffix) has mode \(String(bits, radix: 8))")
            }
        }
    }

    @Test("create makes the missing folder, readable by its owner only")
    func createMakesFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/deeper/shortlist.sqlite")
        _ = try Store.create(at: path, admin: admin, clock: { testNow })
        #expect(mode(folder.path("nested/deeper")) == 0o700)
        #expect(mode(path) == 0o600)
    }

    @Test("a new database is marked as shortlist's, in WAL mode, with foreign keys and a busy timeout of at least 5 s")
    func newDatabaseConfiguration() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let (applicationID, journal, foreignKeys, busy) = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA application_id")!, try String.fetchOne(db, sql: "PRAGMA journal_mode")!,
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!, try Int.fetchOne(db, sql: "PRAGMA busy_timeout")!)
        }
        #expect(applicationID == 0x534C_5354)
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(busy >= 5000)
        #expect(try store.appliedMigrations() == Store.schemaMigrations)
        #expect(Store.schemaMigrations.first == "0001_foundation")
        #expect(try store.setting("kcsie_edition") == "2026")
    }

    @Test("the first admin is added without an actor and recorded as (setup)")
    func firstAdmin() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let staff = try store.staff()
        #expect(staff.map(\.name) == [admin])
        #expect(staff.first?.roles == [.admin])
        #expect(staff.first?.createdAt == "2026-11-20T10:00:00Z")
        let events = try storedEvents(store)
        #expect(events.map(\.event.action) == ["staff.add"])
        #expect(events.first?.event.actor == "(setup)")
        #expect(events.first?.event.entityRef == admin)
    }

    @Test("after the first admin, every write needs a known actor")
    func writesNeedAnActor() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        #expect(throws: ShortlistError.actorRequired) { try store.addStaff(name: "Sam", roles: [.searcher], by: nil) }
        #expect(throws: ShortlistError.actorRequired) { try store.addStaff(name: "Sam", roles: [.searcher], by: "  ") }
        #expect(throws: ShortlistError.unknownActor(name: "Nobody")) {
            try store.addStaff(name: "Sam", roles: [.searcher], by: "Nobody")
        }
        #expect(try store.staff().count == 1)
        #expect(try count(store, "audit_event") == 1)
    }

    @Test("create refuses an empty admin name and leaves no file behind")
    func createNeedsAdmin() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shortlist.sqlite")
        #expect(throws: ShortlistError.invalidValue(field: "--admin", value: "", expected: "the name of the first staff member")) {
            try Store.create(at: path, admin: "   ", clock: testClock)
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test("create refuses a path where a database already exists, and leaves it as it was")
    func createRefusesExisting() throws {
        let folder = try TemporaryFolder()
        let path = try makeStore(in: folder).path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ShortlistError.databaseExists(path: path)) { try Store.create(at: path, admin: "Other Admin", clock: testClock) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Store.open(at: path, clock: testClock).staff().map(\.name) == [admin])
    }

    // MARK: - Opening

    @Test("a database reopens with its records")
    func reopen() throws {
        let folder = try TemporaryFolder()
        let path: String
        do {
            let store = try makeStoreWithVacancy(in: folder)
            path = store.path
        }
        let store = try Store.open(at: path, clock: { testNow })
        #expect(try store.vacancies().map(\.reference) == ["TA-2026-03"])
        #expect(try store.staff().map(\.name) == [admin, "Sam Searcher"])
    }

    @Test("opening a missing path gives databaseMissing and creates nothing")
    func openMissing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("absent.sqlite")
        #expect(throws: ShortlistError.databaseMissing(path: path)) { try Store.open(at: path, clock: testClock) }
        #expect(try folder.contents().isEmpty)
        #expect(ShortlistError.databaseMissing(path: path).message
            == "No shortlist database at \(path). Create one with `shortlist init --admin NAME`, or point to one with --db PATH or SHORTLIST_DB.")
        #expect(ShortlistError.databaseMissing(path: path).exitCode == 1)
    }

    /// What a database holds, read with GRDB directly: its schema, applied migrations and every row count.
    private func logicalContents(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let schema = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try schema.map(\.description)
                + tables.map { "\($0): \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\($0)\"")!) rows" }
                + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }

    /// Opens `path`, expects `error`, and checks that the file and its folder are exactly as before.
    private func expectRefusal(_ path: String, _ error: ShortlistError, in folder: TemporaryFolder,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try folder.contents()
        let fileMode = mode(path)
        #expect(throws: error, sourceLocation: sourceLocation) { try Store.open(at: path, clock: { testNow }) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the file changed", sourceLocation: sourceLocation)
        #expect(try folder.contents() == listing, "files appeared or vanished", sourceLocation: sourceLocation)
        #expect(mode(path) == fileMode, sourceLocation: sourceLocation)
    }

    @Test("a text file is refused as not a shortlist database and left byte for byte unchanged")
    func refusesTextFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("notes.sqlite", "Full name,Email\nAnna,anna@example.org\n")
        try expectRefusal(path, .notAShortlistDatabase(path: path), in: folder)
        #expect(ShortlistError.notAShortlistDatabase(path: path).message
            == "\(path) is not a shortlist database; nothing was changed. Check --db or SHORTLIST_DB.")
    }

    @Test("an empty file is refused and left as it is")
    func refusesEmptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("empty.sqlite", Data())
        try expectRefusal(path, .notAShortlistDatabase(path: path), in: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test("an SQLite database made by another application with GRDB is refused and left unchanged")
    func refusesForeignGRDBFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other-app.sqlite")
        do {
            var config = Configuration()
            config.journalMode = .wal
            let other = try DatabaseQueue(path: path, configuration: config)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
                try db.execute(sql: "INSERT INTO note (text) VALUES ('keep me')")
            }
            try migrator.migrate(other)
            try other.close()
        }
        try expectRefusal(path, .notAShortlistDatabase(path: path), in: folder)
    }

    @Test("an SQLite database made with the sqlite3 shell is refused and left unchanged",
          .enabled(if: sqlite3Shell != nil, "needs the sqlite3 shell"))
    func refusesForeignShellFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shell.db")
        try sqlite3(path, "CREATE TABLE candidate (name TEXT); INSERT INTO candidate VALUES ('Anna');")
        try expectRefusal(path, .notAShortlistDatabase(path: path), in: folder)
    }

    @Test("a database whose schema is newer than this version is refused and left unchanged")
    func refusesNewerSchema() throws {
        let folder = try TemporaryFolder()
        let path = try makeStoreWithVacancy(in: folder).path
        // A later version of shortlist would have recorded a migration this one does not know.
        do {
            let later = try DatabaseQueue(path: path)
            try later.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_future')")
            }
            try later.close()
        }
        let before = try logicalContents(path)
        #expect(before.contains("9999_future"))
        try expectRefusal(path, .newerSchema(path: path, migration: "9999_future"), in: folder)
        #expect(try logicalContents(path) == before)
        #expect(ShortlistError.newerSchema(path: path, migration: "9999_future").message
            == "\(path) was written by a newer version of shortlist (it has schema migration 9999_future, which this version does not know); nothing was changed. Use a newer shortlist.")
    }

    // MARK: - Integrity and errors

    @Test("integrity lives in the schema, and its failures never show SQLite's own text")
    func schemaIntegrity() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let attempts = [
            "UPDATE vacancy SET status = 'bogus'",
            "INSERT INTO staff_role (staff_id, role) VALUES (1, 'janitor')",
            "INSERT INTO vacancy_panel (vacancy_id, staff_id) VALUES (1, 999)",
            "INSERT INTO vacancy (reference, post_title, kcsie_edition, created_at, updated_at) VALUES ('ta-2026-03', 'x', '2026', '', '')",
            "UPDATE audit_event SET actor = 'someone else'",
            "DELETE FROM audit_event",
        ]
        for sql in attempts {
            do {
                try store.write(by: admin) { change in try change.db.execute(sql: sql) }
                Issue.record("\(sql) was accepted")
            } catch {
                guard case let .storage(path, reason) = error else {
                    Issue.record("\(sql): unexpected error \(error)")
                    continue
                }
                #expect(path == store.path)
                #expect(reason.hasPrefix("the change broke one of the database's integrity rules")
                    || reason.hasPrefix("SQLite reported error code"), "\(sql): \(reason)")
                #expect(!error.message.localizedCaseInsensitiveContains("constraint failed"))
                #expect(!error.message.contains("append-only"))
                #expect(error.message.hasSuffix("Nothing was changed."))
            }
        }
        #expect(try store.vacancy("TA-2026-03").status == .open)
        #expect(try count(store, "audit_event") == 3)
    }
}

@Suite("Staff")
struct StaffTests {
    @Test("only an admin adds staff; names are unique regardless of case")
    func addStaff() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        let sam = try store.addStaff(name: "  Sam Searcher ", roles: [.searcher, .panel, .searcher], by: admin)
        #expect(sam.name == "Sam Searcher")
        #expect(sam.roles == [.searcher, .panel])
        #expect(throws: ShortlistError.duplicateStaff(name: "sam searcher")) {
            try store.addStaff(name: "sam searcher", roles: [.panel], by: admin)
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Sam Searcher", roles: ["admin"], operation: "add staff")) {
            try store.addStaff(name: "Pat Panel", roles: [.panel], by: "Sam Searcher")
        }
        #expect(ShortlistError.roleRequired(actor: "Sam Searcher", roles: ["admin"], operation: "add staff").message
            == "Sam Searcher cannot add staff: it needs the role admin. An admin can add it with `shortlist staff update \"Sam Searcher\" --add-role admin --by ADMIN`.")
        #expect(throws: ShortlistError.invalidValue(field: "--role", value: "",
                                                    expected: "at least one role: admin, searcher, panel, recruiting-manager, governor")) {
            try store.addStaff(name: "No Roles", roles: [], by: admin)
        }
        #expect(try store.staff().map(\.name) == [admin, "Sam Searcher"])
    }

    @Test("an actor is found regardless of case and recorded by their stored name")
    func actorCase() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: "ANN ADMIN")
        #expect(try storedEvents(store).last?.event.actor == admin)
    }

    @Test("roles are added and removed, but the only admin keeps theirs")
    func updateStaff() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
        let sam = try store.updateStaff(name: "Sam Searcher", adding: [.panel, .governor], removing: [.searcher], by: admin)
        #expect(sam.roles == [.panel, .governor])
        #expect(throws: ShortlistError.notAllowed(record: admin, reason: "they are the only admin",
                                                  remedy: "Give another staff member the admin role first.")) {
            try store.updateStaff(name: admin, adding: [], removing: [.admin], by: admin)
        }
        #expect(throws: ShortlistError.unknownStaff(name: "Nobody")) {
            try store.updateStaff(name: "Nobody", adding: [.panel], removing: [], by: admin)
        }
        #expect(try StaffRole.parse("Recruiting-Manager") == .recruitingManager)
        #expect(throws: ShortlistError.invalidValue(field: "--role", value: "boss",
                                                    expected: "one of admin, searcher, panel, recruiting-manager, governor")) {
            try StaffRole.parse("boss")
        }
    }
}
