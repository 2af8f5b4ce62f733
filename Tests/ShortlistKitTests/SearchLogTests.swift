import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The remedy every rule refusal ends with.
private let overrideHint = " To go ahead anyway, add --override REASON: the reason is recorded and appears in audits."

/// A situation in which a rule refuses a search.
enum SearchRuleCase: String, CaseIterable, CustomTestStringConvertible {
    case notTold, toldAfterSearch, searcherOnPanel, candidateWithdrawn, vacancyClosed

    var testDescription: String { rawValue }

    /// The rule that fails.
    var rule: SearchRule {
        switch self {
        case .notTold, .toldAfterSearch: .notTold
        case .searcherOnPanel: .searcherOnPanel
        case .candidateWithdrawn: .candidateWithdrawn
        case .vacancyClosed: .vacancyClosed
        }
    }

    /// The refusal's reason and remedy.
    var refusal: ShortlistError {
        let (reason, remedy) = switch self {
        case .notTold: ("the candidate has not been told that online searches may be done",
                        "Record it first: `shortlist candidate notify TA-2026-03/1 --via email`.")
        case .toldAfterSearch: ("the candidate was told of online searches on 20 November 2026, after this search",
                                "Search on or after the day they were told.")
        case .searcherOnPanel: ("Tom Ellis sits on this vacancy's interview panel",
                                "Ask a searcher who is not on the panel, so the panel sees only what it needs.")
        case .candidateWithdrawn: ("the candidate has withdrawn", "Searches stop when a candidate withdraws.")
        case .vacancyClosed: ("the vacancy is closed", "Searches stop when a vacancy closes.")
        }
        return .notAllowed(record: "TA-2026-03/1", reason: "the search cannot be logged: " + reason, remedy: remedy + overrideHint)
    }

    /// Sets the situation up for candidate 1 and returns who searches and the request.
    func arrange(_ store: Store) throws -> (actor: String, request: SearchLogRequest) {
        let reference = try addShortlisted(store, "Siobhán O'Brien", told: self == .notTold ? nil : toldDay)
        var request = SearchLogRequest(candidate: reference, query: "web-name", outcome: .noResults, confirmedPublicOnly: true)
        switch self {
        case .notTold, .searcherOnPanel: break
        case .toldAfterSearch:
            try store.notifyCandidate(reference, on: testToday, via: .letter, by: admin)
            request.searchedAt = Timestamp.parse(iso: "2026-11-19T12:00:00Z")
        case .candidateWithdrawn: try store.withdrawCandidate(reference, on: nil, reason: "took another post", by: admin)
        case .vacancyClosed: try store.reopened(at: "2026-12-01T10:00:00Z").closeVacancy("TA-2026-03", by: admin)  // after its interviews
        }
        return (self == .searcherOnPanel ? "Tom Ellis" : "Sam Searcher", request)
    }
}

@Suite("Search log: rules, overrides, supersession, withdrawal, addresses and evidence")
struct SearchLogTests {
    @Test("each rule refuses with its message and writes nothing; with an override the reason is recorded",
          arguments: SearchRuleCase.allCases)
    func rule(_ situation: SearchRuleCase) throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let arranged = try situation.arrange(store)
        let actor = arranged.actor
        var request = arranged.request
        let events = try count(store, "audit_event")
        #expect(throws: situation.refusal) { try store.logSearch(request, by: actor) }
        #expect(try count(store, "search_entry") == 0)
        #expect(try count(store, "audit_event") == events)
        #expect(try store.ruleFailures(for: request.candidate, by: actor).map(\.rule) == (situation == .toldAfterSearch ? [] : [situation.rule]))

        request.overrideReason = "  Told by phone on 12 November; the letter was delayed  "
        let logged = try store.logSearch(request, by: actor)
        #expect(logged.entry.overrides.map(\.rule) == [situation.rule])
        #expect(logged.entry.overrides.map(\.reason) == ["Told by phone on 12 November; the letter was delayed"])
        #expect(logged.warnings.last == "Overridden: \(situation.rule.rawValue). The reason is recorded and appears in audits.")
        let rows = try store.read { db in try Row.fetchAll(db, sql: "SELECT entry_id, rule, reason FROM search_override") }
        #expect(rows.count == 1)
        #expect(rows.first?["entry_id"] == logged.entry.id)
        #expect(rows.first?["rule"] == situation.rule.rawValue)
        #expect(rows.first?["reason"] == "Told by phone on 12 November; the letter was delayed")
        // The history listing shows the override, and the status notes it without calling the record incomplete.
        var csv = ""
        Listing.searchEntries(try store.searchHistory(request.candidate)).write(.csv, to: &csv)
        #expect(csv.contains(",\(situation.rule.rawValue): Told by phone on 12 November; the letter was delayed,"))
        let progress = try store.searchProgress(candidate: request.candidate).progress
        #expect(progress.overrides == 1)
        #expect(progress.notes.contains("1 override"))
        let event = try #require(try storedEvents(store).last)
        #expect(event.event.action == "search.log")
        #expect(event.details.contains(#""overrides":"\#(situation.rule.rawValue): Told by phone on 12 November; the letter was delayed""#))
    }

    @Test("several failing rules are all named, and one override records a row for each")
    func severalRules() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addShortlisted(store, "Zoë Ødegaard", told: nil)
        let error = errorThrown { try logQuery(store, reference, "web-name", by: "Tom Ellis") }
        #expect(error == .notAllowed(
            record: "TA-2026-03/1",
            reason: "the search cannot be logged: the candidate has not been told that online searches may be done; "
                + "Tom Ellis sits on this vacancy's interview panel",
            remedy: "Record it first: `shortlist candidate notify TA-2026-03/1 --via email`. "
                + "Ask a searcher who is not on the panel, so the panel sees only what it needs." + overrideHint))
        #expect(error?.exitCode == 1)
        let logged = try logQuery(store, reference, "web-name", by: "Tom Ellis") { $0.overrideReason = "Only searcher available" }
        #expect(logged.entry.overrides.map(\.rule) == [.notTold, .searcherOnPanel])
        #expect(logged.warnings == ["Overridden: not-told, searcher-on-panel. The reason is recorded and appears in audits."])
        #expect(throws: ShortlistError.invalidValue(field: "--override", value: "", expected: "the reason the rule is overridden")) {
            try logQuery(store, reference, "news", by: "Tom Ellis") { $0.overrideReason = "   " }
        }
    }

    @Test("the public-only statement is required, could-not-complete needs a note, and only searchers log")
    func requiredStatements() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        var request = SearchLogRequest(candidate: reference, query: "web-name", outcome: .noResults, confirmedPublicOnly: false)
        let unconfirmed = errorThrown { _ = try store.logSearch(request, by: "Sam Searcher") }
        #expect(unconfirmed == .confirmationRequired(statement: "you viewed \(publicOnlyRules)", flag: "--public-only"))
        #expect(unconfirmed?.message == "Nothing was recorded: confirm that you viewed public information only: no login, no account "
            + "or fake profile, no friend or follow request, no password or username asked for by adding --public-only.")
        #expect(unconfirmed?.exitCode == 64)
        request.confirmedPublicOnly = true
        request.outcome = .couldNotComplete
        request.note = " \n "
        #expect(throws: ShortlistError.invalidValue(field: "--note", value: "", expected: "why the search could not be completed")) {
            try store.logSearch(request, by: "Sam Searcher")
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["searcher"], operation: "log a search")) {
            try logQuery(store, reference, "web-name", by: "Priya Shah")
        }
        #expect(try count(store, "search_entry") == 0)
        request.note = "  The site asked for a login to see results  "
        let logged = try store.logSearch(request, by: "Sam Searcher")
        #expect(logged.entry.outcome == .couldNotComplete)
        #expect(logged.entry.note == "The site asked for a login to see results")
        #expect(try store.searchProgress(candidate: reference).progress.outstanding == ["15 queries to do", "could not complete: web-name"])
        #expect(throws: ShortlistError.invalidValue(
            field: "--outcome", value: "nothing", expected: "one of no-results, nothing-relevant, findings, could-not-complete")) {
            try SearchOutcome.parse("nothing")
        }
        #expect(try SearchOutcome.parse("No-Results") == .noResults)
    }

    @Test("an entry keeps the planned and the used query, the addresses, the searcher and the time")
    func entryContent() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let logged = try logQuery(store, reference, "web-name-employer.3", .nothingRelevant) {
            $0.searchedAt = Timestamp.parse(iso: "2026-11-19T15:45:00Z")
            $0.queryUsed = " \"Siobhan O'Brien\" \"St Marys\" "
            $0.addresses = [" https://example.org/a ", "", "https://example.org/b"]
            $0.note = "Two pages of results"
        }
        #expect(logged.address == "web-name-employer.3")
        #expect(logged.remainingInStep == 2)
        #expect(logged.warnings == ["The query used differs from the planned one; both are kept and the change is flagged."])
        let entry = logged.entry
        #expect(entry.candidate == reference)
        #expect(entry.protocolTitle == "KCSIE standard online search v1")
        #expect(entry.stepKey == "web-name-employer")
        #expect(utf8(entry.plannedQuery) == utf8("\"Siobhán O'Brien\" \"St Mary's RC Primary\""))
        #expect(entry.query == "\"Siobhan O'Brien\" \"St Marys\"")
        #expect(entry.queryChanged)
        #expect(entry.searchedAt == "2026-11-19T15:45:00Z")
        #expect(entry.recordedAt == "2026-11-20T10:00:00Z")
        #expect(entry.searcher == "Sam Searcher")
        #expect(entry.addresses == ["https://example.org/a", "https://example.org/b"])
        #expect(entry.note == "Two pages of results")
        #expect(!entry.late)
        #expect(entry.state == .current)
        #expect(try store.searchHistory(reference) == [entry])
        // A time in the future is refused.
        #expect(throws: ShortlistError.invalidValue(field: "--at", value: "20 November 2026 10:05", expected: "a time that is not in the future")) {
            try logQuery(store, reference, "web-name") { $0.searchedAt = Timestamp.parse(iso: "2026-11-20T10:05:00Z") }
        }
    }

    @Test("a search after the interview date is recorded as late, with a warning; on the day it is not late")
    func late() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, interview: Day(year: 2026, month: 11, day: 19))
        let reference = try addSiobhan(store)
        let onTheDay = try logQuery(store, reference, "web-name") { $0.searchedAt = Timestamp.parse(iso: "2026-11-19T23:30:00Z") }
        #expect(!onTheDay.entry.late)
        #expect(onTheDay.warnings.isEmpty)
        // 00:30 on 20 November in London (GMT) is after the interview day.
        let after = try logQuery(store, reference, "news") { $0.searchedAt = Timestamp.parse(iso: "2026-11-20T00:30:00Z") }
        #expect(after.entry.late)
        #expect(after.warnings == ["This search is after the interview date (19 November 2026); it is recorded as late."])
        let progress = try store.searchProgress(candidate: reference).progress
        #expect(progress.notes == ["1 late"])
        #expect(progress.steps[4].entries[0]?.late == true)
        #expect(progress.steps[0].entries[0]?.late == false)
    }

    @Test("logging a query again supersedes the entry; both stay in the history")
    func supersede() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let first = try logQuery(store, reference, "web-name", .noResults)
        let second = try logQuery(store, reference, "web-name", .nothingRelevant) { $0.note = "Looked again: a namesake in Leeds" }
        #expect(second.address == "web-name.1")
        let history = try store.searchHistory(reference)
        #expect(history.map(\.id) == [first.entry.id, second.entry.id])
        #expect(history.map(\.state) == [.superseded, .current])
        #expect(history.map(\.outcome) == [.noResults, .nothingRelevant])
        let step = try store.searchProgress(candidate: reference).progress.steps[0]
        #expect(step.entries.map { $0?.id } == [second.entry.id])
        #expect(step.mark == "N")
        var table = ""
        Listing.searchEntries(history).write(.table, to: &table)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("1      TA-2026-03/1  web-name  superseded  20 November 2026 10:00  Sam Searcher  no-results "))
        #expect(lines[3].hasPrefix("2      TA-2026-03/1  web-name  current     20 November 2026 10:00  Sam Searcher  nothing-relevant "))
    }

    @Test("a withdrawn entry stays in the history with its reason, and its query is owed again")
    func withdraw() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let older = try logQuery(store, reference, "news", .noResults)
        let newer = try logQuery(store, reference, "news", .findings)
        let only = try logQuery(store, reference, "web-name", .noResults)
        #expect(try store.searchProgress(candidate: reference).progress.doneQueries == 2)

        let withdrawn = try store.reopened(at: "2026-11-20T11:00:00Z").withdrawSearchEntry(only.entry.id, reason: " Logged for the wrong candidate ",
                                                                                 by: "Sam Searcher")
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.withdrawnReason == "Logged for the wrong candidate")
        let row = try store.read { db in try Row.fetchOne(db, sql: "SELECT withdrawn_at, withdrawn_by FROM search_entry WHERE id = ?",
                                                          arguments: [only.entry.id])! }
        #expect(row["withdrawn_at"] == "2026-11-20T11:00:00Z")
        var progress = try store.searchProgress(candidate: reference).progress
        #expect(progress.steps[0].entries == [nil])
        #expect(progress.doneQueries == 1)
        // Withdrawing the newer of two entries makes the older one current again.
        _ = try store.withdrawSearchEntry(newer.entry.id, reason: "Outcome chosen by mistake", by: admin)
        let history = try store.searchHistory(reference)
        #expect(history.map(\.id) == [older.entry.id, newer.entry.id, only.entry.id])
        #expect(history.map(\.state) == [.current, .withdrawn, .withdrawn])
        progress = try store.searchProgress(candidate: reference).progress
        #expect(progress.steps[4].entries.map { $0?.id } == [older.entry.id])
        #expect(progress.steps[4].mark == "0")
        // The query is owed again: STEP resolves to it.
        #expect(try logQuery(store, reference, "web-name").address == "web-name.1")

        #expect(throws: ShortlistError.notAllowed(record: "search entry #\(newer.entry.id)", reason: "it is already withdrawn",
                                                  remedy: "Nothing to do.")) {
            try store.withdrawSearchEntry(newer.entry.id, reason: "again", by: admin)
        }
        #expect(throws: ShortlistError.notAllowed(record: "search entry #99", reason: "there is no such entry",
                                                  remedy: "See the entries with `shortlist check history CANDIDATE`.")) {
            try store.withdrawSearchEntry(99, reason: "none", by: admin)
        }
        #expect(throws: ShortlistError.invalidValue(field: "--reason", value: "", expected: "why the entry is withdrawn")) {
            try store.withdrawSearchEntry(older.entry.id, reason: "  ", by: admin)
        }
        #expect(throws: ShortlistError.roleRequired(actor: "Priya Shah", roles: ["searcher", "admin"], operation: "withdraw a search entry")) {
            try store.withdrawSearchEntry(older.entry.id, reason: "no", by: "Priya Shah")
        }
    }

    @Test("STEP is the first outstanding query of a step; STEP.N names one; the errors list what is valid")
    func resolution() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let bare = try addShortlisted(store, "Aled Jones")
        #expect(try logQuery(store, reference, "web-name-employer.2").address == "web-name-employer.2")
        let first = try logQuery(store, reference, "web-name-employer")
        #expect(first.address == "web-name-employer.1")
        #expect(first.remainingInStep == 1)
        let last = try logQuery(store, reference, "web-name-employer")
        #expect(last.address == "web-name-employer.3")
        #expect(last.remainingInStep == 0)
        #expect(throws: ShortlistError.notAllowed(
            record: "TA-2026-03/1", reason: "all 3 queries of web-name-employer are logged",
            remedy: "To log one again, name it: web-name-employer.1, web-name-employer.2, web-name-employer.3.")) {
            try logQuery(store, reference, "web-name-employer")
        }
        // Naming one that is logged logs it again.
        #expect(try logQuery(store, reference, "web-name-employer.2").address == "web-name-employer.2")
        for bad in ["web-name-employer.4", "web-name-employer.0", "web-name-employer.x"] {
            #expect(throws: ShortlistError.invalidValue(
                field: "step", value: bad, expected: "one of web-name-employer.1, web-name-employer.2, web-name-employer.3")) {
                try logQuery(store, reference, bad)
            }
        }
        #expect(throws: ShortlistError.invalidValue(
            field: "step", value: "twitter", expected: "a step of KCSIE standard online search v1: web-name, web-name-town, "
                + "web-name-employer, web-other-names, news, facebook, x, instagram, tiktok, linkedin, youtube")) {
            try logQuery(store, reference, "twitter")
        }
        #expect(throws: ShortlistError.notAllowed(
            record: "TA-2026-03/2", reason: "step web-name-town has no query for this candidate (it needs a field they do not have)",
            remedy: "Add the missing detail with `shortlist candidate update`, or go on to the next step.")) {
            try logQuery(store, bare, "web-name-town")
        }
        // A single-query step resolves to its query whether or not it is logged.
        #expect(try logQuery(store, bare, "news").address == "news.1")
        #expect(try logQuery(store, bare, "news").address == "news.1")
        #expect(try store.searchHistory(bare).map(\.state) == [.superseded, .current])
    }

    @Test("changing a vacancy's protocol after searches began needs a reason, which is recorded")
    func protocolChange() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let short = try store.importProtocol(file: fixtureURL("protocol/short-check.protocol").path, by: admin).protocol
        let reference = try addSiobhan(store)
        // Before any search, the protocol changes freely.
        var changes = VacancyChanges()
        changes.protocolName = "Short check"
        #expect(try store.updateVacancy("TA-2026-03", changes, by: admin).protocolID == short.id)
        changes.protocolName = "KCSIE standard online search@1"
        let standard = try store.updateVacancy("TA-2026-03", changes, by: admin)
        try logQuery(store, reference, "web-name")
        changes.protocolName = "Short check"
        let refusal = ShortlistError.notAllowed(
            record: "TA-2026-03", reason: "searches have been logged, so its protocol and look-back period are fixed",
            remedy: "To change them anyway, add --reason TEXT: it is recorded, and every candidate then owes the new steps.")
        #expect(throws: refusal) { try store.updateVacancy("TA-2026-03", changes, by: admin) }
        changes.reason = "   "
        #expect(throws: refusal) { try store.updateVacancy("TA-2026-03", changes, by: admin) }
        var lookBack = VacancyChanges()
        lookBack.lookBackYears = 7
        #expect(throws: refusal) { try store.updateVacancy("TA-2026-03", lookBack, by: admin) }
        #expect(try store.vacancy("TA-2026-03") == standard)

        changes.reason = "The governors chose the short protocol for support staff"
        let changed = try store.updateVacancy("TA-2026-03", changes, by: admin)
        #expect(changed.protocolID == short.id)
        let event = try #require(try storedEvents(store).last)
        #expect(event.event.action == "vacancy.update")
        #expect(event.details.contains(#""reason":{"text":"The governors chose the short protocol for support staff"}"#))
        #expect(event.details.contains(#""protocol_id":"\#(short.id)""#))
        // The earlier entry stays, under the protocol it followed; the new plan is owed.
        let progress = try store.searchProgress(candidate: reference).progress
        #expect(progress.protocolTitle == "Short check v1")
        #expect(try store.searchHistory(reference).map(\.protocolTitle) == ["KCSIE standard online search v1"])
    }

    @Test("evidence is copied under its SHA-256 beside the database, owner-only, and a changed file is detected")
    func evidence() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, name: "riverside-2026.sqlite")
        let reference = try addSiobhan(store)
        let content = Data("Screenshot of a public page, 20 November 2026\n".utf8)
        let sha = "49a4f2818159dc4bde31736c03d1c8ceae5b18f0796ddd6188d77b3d8eac4e11"  // sha256sum, computed outside the code under test
        let original = try folder.write("public-post.png", content)
        let modified = try FileManager.default.attributesOfItem(atPath: original)[.modificationDate] as? Date
        let logged = try logQuery(store, reference, "facebook", .findings) { $0.evidenceFiles = [original] }

        let evidenceFolder = folder.path("riverside-2026-evidence")
        #expect(store.evidence.path == evidenceFolder)
        #expect(store.evidence.location(of: sha) == evidenceFolder + "/" + sha)
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidenceFolder) == [sha])
        #expect(filePermissions(evidenceFolder) == 0o700)
        #expect(filePermissions(evidenceFolder + "/" + sha) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: evidenceFolder + "/" + sha)) == content)
        // The original is left as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == content)
        #expect(try FileManager.default.attributesOfItem(atPath: original)[.modificationDate] as? Date == modified)
        #expect(logged.entry.evidence.map(\.sha256) == [sha])
        #expect(logged.entry.evidence.map(\.name) == ["public-post.png"])
        #expect(logged.entry.evidence.map(\.size) == [46])
        let row = try store.read { db in try Row.fetchOne(db, sql: "SELECT entry_id, sha256, original_name, size, added_at FROM evidence")! }
        #expect(row["entry_id"] == logged.entry.id)
        #expect(row["sha256"] == sha)
        #expect(row["added_at"] == "2026-11-20T10:00:00Z")
        #expect(store.evidence.check(sha) == .ok)
        #expect(try store.evidence.read(sha) == content)
        var listing = ""
        Listing.evidence(try store.checkEvidence(reference).files).write(.csv, to: &listing)
        #expect(listing == "entry,step,file,check,sha256,size\r\n\(logged.entry.id),facebook,public-post.png,ok,\(sha),46\r\n")

        // The same file again is stored once.
        try logQuery(store, reference, "x", .findings) { $0.evidenceFiles = [original] }
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidenceFolder) == [sha])

        // Someone edits the stored copy.
        try Data("Edited afterwards\n".utf8).write(to: URL(fileURLWithPath: evidenceFolder + "/" + sha))
        #expect(store.evidence.check(sha) == .changed)
        #expect(throws: ShortlistError.file(path: evidenceFolder + "/" + sha, reason: "the evidence file has changed since it was recorded "
            + "(its SHA-256 no longer matches); restore it from a backup")) {
            try store.evidence.read(sha)
        }
        listing = ""
        Listing.evidence(try store.checkEvidence(reference).files).write(.csv, to: &listing)
        #expect(listing.components(separatedBy: ",changed,").count == 3)
        try FileManager.default.removeItem(atPath: evidenceFolder + "/" + sha)
        #expect(store.evidence.check(sha) == .missing)
        #expect(throws: ShortlistError.file(path: evidenceFolder + "/" + sha, reason: "the evidence file is missing; restore it from a backup")) {
            try store.evidence.read(sha)
        }
    }

    @Test("an evidence file that cannot be read refuses the entry, and a refused entry leaves no evidence behind")
    func evidenceRefused() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        let missing = folder.path("not-there.png")
        #expect(throws: ShortlistError.file(path: missing, reason: "the evidence file cannot be read; check the path")) {
            try logQuery(store, reference, "facebook") { $0.evidenceFiles = [missing] }
        }
        let good = try folder.write("good.png", "a picture")
        #expect(throws: ShortlistError.file(path: missing, reason: "the evidence file cannot be read; check the path")) {
            try logQuery(store, reference, "facebook") { $0.evidenceFiles = [good, missing] }
        }
        #expect(try count(store, "search_entry") == 0)
        #expect(try count(store, "evidence") == 0)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: store.evidence.path)) ?? []
        #expect(leftovers.isEmpty)
    }

    // MARK: - The search decision

    @Test("some and none need a reason; some needs exclusions; exclusions need some")
    func decisionValidation() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        try addSiobhan(store)
        try addShortlisted(store, "Zoë Ødegaard")
        let needsReason = ShortlistError.invalidValue(
            field: "--reason", value: "", expected: "why not every shortlisted candidate is searched (KCSIE says schools should consider searching all)")
        #expect(throws: needsReason) { try store.decideSearch("TA-2026-03", .some, reason: " ", excluded: [2], by: admin) }
        #expect(throws: needsReason) { try store.decideSearch("TA-2026-03", .none, reason: "", excluded: [], by: admin) }
        #expect(throws: ShortlistError.invalidValue(field: "--exclude", value: "", expected: "the number of each candidate not searched")) {
            try store.decideSearch("TA-2026-03", .some, reason: "Internal candidate", excluded: [], by: admin)
        }
        #expect(throws: ShortlistError.invalidValue(field: "--exclude", value: "1,2", expected: "no exclusions unless the decision is some")) {
            try store.decideSearch("TA-2026-03", .all, reason: "", excluded: [1, 2], by: admin)
        }
        #expect(throws: ShortlistError.unknownCandidate(reference: "TA-2026-03/5")) {
            try store.decideSearch("TA-2026-03", .some, reason: "Internal candidate", excluded: [5], by: admin)
        }
        try store.addStaff(name: "Grace Okafor", roles: [.governor, .panel], by: admin)
        #expect(throws: ShortlistError.roleRequired(actor: "Grace Okafor", roles: ["admin", "searcher", "recruiting-manager"],
                                                    operation: "record the search decision")) {
            try store.decideSearch("TA-2026-03", .none, reason: "r", excluded: [], by: "Grace Okafor")
        }
        #expect(try store.vacancy("TA-2026-03").searchDecision == .all)
    }

    @Test("an excluded candidate is refused when logging and is not counted as incomplete")
    func excluded() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let siobhan = try addSiobhan(store)
        let zoe = try addShortlisted(store, "Zoë Ødegaard")
        let vacancy = try store.decideSearch("TA-2026-03", .some, reason: " Internal candidate, known to the school ", excluded: [2],
                                             by: "Priya Shah")
        #expect(vacancy.searchDecision == .some)
        #expect(vacancy.searchDecisionReason == "Internal candidate, known to the school")
        #expect(try store.candidate(zoe).searchExcluded)
        #expect(try !store.candidate(siobhan).searchExcluded)
        let refusal = ShortlistError.notAllowed(
            record: "TA-2026-03/2",
            reason: "the vacancy's search decision is that this candidate is not searched (Internal candidate, known to the school)",
            remedy: "Change the decision first: `shortlist vacancy search-decision TA-2026-03 --search all`.")
        #expect(throws: refusal) { try logQuery(store, zoe, "web-name") }
        // An override does not get round the decision.
        #expect(throws: refusal) { try logQuery(store, zoe, "web-name") { $0.overrideReason = "anyway" } }
        #expect(try logQuery(store, siobhan, "web-name").address == "web-name.1")
        var progress = try store.searchProgress(vacancy: "TA-2026-03")[0].candidates
        #expect(progress[1].excludedByDecision)
        #expect(progress[1].outstanding == [])
        #expect(progress[1].notes == ["not searched by decision"])
        #expect(progress[1].isComplete)
        #expect(!progress[0].isComplete)

        // None: every candidate is excluded; all: none is.
        _ = try store.decideSearch("TA-2026-03", .none, reason: "Re-advertised post: searched in October", excluded: [], by: admin)
        progress = try store.searchProgress(vacancy: "TA-2026-03")[0].candidates
        #expect(progress.map(\.excludedByDecision) == [true, true])
        #expect(StatusReport(try store.searchProgress(vacancy: "TA-2026-03"), today: testToday).isComplete)
        #expect(throws: ShortlistError.self) { try logQuery(store, siobhan, "news") }
        _ = try store.decideSearch("TA-2026-03", .all, reason: "", excluded: [], by: admin)
        #expect(try !store.candidate(zoe).searchExcluded)
        #expect(try logQuery(store, zoe, "web-name").address == "web-name.1")
        let actions = try storedEvents(store).map(\.event.action)
        #expect(actions.filter { $0 == "vacancy.search-decision" }.count == 3)
        // Candidate 2 was marked excluded by "some", and unmarked by "none" (which excludes everyone by itself).
        #expect(actions.filter { $0 == "candidate.search-decision" }.count == 2)
    }
}
