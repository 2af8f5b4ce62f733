import Foundation
import Testing
@testable import ShortlistKit

@Suite("Invocation: where the database is, who acts, and the clock")
struct InvocationTests {
    @Test("the database is --db, else SHORTLIST_DB, else XDG_DATA_HOME, else ~/.local/share")
    func databasePath() {
        let everything = Invocation(environment: ["SHORTLIST_DB": "/env/db.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"])
        #expect(everything.databasePath(flag: "/flag/db.sqlite") == "/flag/db.sqlite")
        #expect(everything.databasePath(flag: nil) == "/env/db.sqlite")
        #expect(everything.databasePath(flag: "") == "/env/db.sqlite")
        #expect(Invocation(environment: ["SHORTLIST_DB": "", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"]).databasePath(flag: nil)
            == "/xdg/shortlist/shortlist.sqlite")
        #expect(Invocation(environment: ["XDG_DATA_HOME": "", "HOME": "/home/ann"]).databasePath(flag: nil)
            == "/home/ann/.local/share/shortlist/shortlist.sqlite")
    }

    @Test("the actor is --by, else SHORTLIST_USER; empty means nobody")
    func actor() {
        let invocation = Invocation(environment: ["SHORTLIST_USER": "Sam Searcher"])
        #expect(invocation.actor(flag: "Ann Admin") == "Ann Admin")
        #expect(invocation.actor(flag: nil) == "Sam Searcher")
        #expect(Invocation(environment: ["SHORTLIST_USER": ""]).actor(flag: nil) == nil)
        // A blank --by stays blank (and is refused by the write), rather than becoming $SHORTLIST_USER.
        #expect(Invocation(environment: ["SHORTLIST_USER": "Sam Searcher"]).actor(flag: "") == "")
    }

    @Test("SHORTLIST_NOW fixes the clock; a bad value is a usage error")
    func clock() throws {
        let fixed = try Invocation(environment: ["SHORTLIST_NOW": "2026-11-20T10:00:00Z"]).clock()
        #expect(fixed() == testNow)
        let local = try Invocation(environment: ["SHORTLIST_NOW": "10/06/2026 14:30"]).clock()
        #expect(Timestamp.iso(local()) == "2026-06-10T13:30:00Z")
        let real = try Invocation(environment: [:]).clock()
        #expect(abs(real().timeIntervalSinceNow) < 60)
        #expect(throws: ShortlistError.invalidValue(
            field: "SHORTLIST_NOW", value: "soon",
            expected: "a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London)")) {
            try Invocation(environment: ["SHORTLIST_NOW": "soon"]).clock()
        }
    }

    @Test("openStore opens the database the environment names, with its clock")
    func openStore() throws {
        let folder = try TemporaryFolder()
        let path = try makeStoreWithVacancy(in: folder).path
        let invocation = Invocation(environment: ["SHORTLIST_DB": path, "SHORTLIST_NOW": "2026-12-01T09:00:00Z"])
        let store = try invocation.openStore(flag: nil)
        #expect(store.path == path)
        #expect(Timestamp.iso(store.now) == "2026-12-01T09:00:00Z")
        #expect(throws: ShortlistError.databaseMissing(path: folder.path("other.sqlite"))) {
            try invocation.openStore(flag: folder.path("other.sqlite"))
        }
    }
}
