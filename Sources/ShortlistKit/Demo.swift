import Foundation
import GRDB

/// Builds a demonstration database of fictional people, to try the tool on.
public enum Demo {
    /// The school business manager who searches; the demo's commands act as her.
    public static let searcher = "Alex Morgan"

    /// Creates (or recreates) the demonstration database `shortlist.sqlite` in `folder` and
    /// returns what it made, as lines for a person to read.
    public static func build(in folder: String, clock: @escaping @Sendable () -> Date = Date.init) throws(ShortlistError) -> [String] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("shortlist.sqlite").path
        if FileManager.default.fileExists(atPath: path) {
            let existing = try Store.open(at: path, clock: clock)
            guard try existing.setting("demo") == "yes" else {
                throw .notAllowed(record: path, reason: "a database that is not a demonstration is already there",
                                  remedy: "Choose another folder with --dir.")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try Store.create(at: path, admin: searcher, roles: [.searcher], clock: clock)
        try store.setSetting("demo", to: "yes", by: searcher)
        let today = Day(clock())
        try store.addStaff(name: "Priya Shah", roles: [.recruitingManager, .panel], by: searcher)
        try store.addStaff(name: "Tom Ellis", roles: [.panel], by: searcher)
        try store.addStaff(name: "Grace Okafor", roles: [.governor], by: searcher)

        var post = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant (Year 2)")
        post.site = "Riverside Primary School"
        post.closingDate = today.adding(days: -14)
        post.shortlistingDate = today.adding(days: -7)
        post.interviewDate = today.adding(days: 10)
        post.panel = ["Priya Shah", "Tom Ellis"]
        let vacancy = try store.addVacancy(post, by: searcher)

        let people: [(String, [String], String, String, [String], String, Bool)] = [
            ("Zoë Ødegaard", ["Zoë Hansen"], "Chester", "Hoole Primary School", ["Little Acorns Nursery"], "zoe.o", true),
            ("Siobhán O'Brien", [], "Frodsham", "Frodsham Leisure Centre", ["Cheshire West Council", "Elm Tree Café"],
             "siobhan.ob", true),
            ("Łukasz Nowak", ["Luke Nowak"], "Helsby", "Riverside Tutoring", [], "lukasz.n", true),
            ("Nguyễn Thị Minh", [], "Runcorn", "Halton Library Service", ["St Mary's RC Primary"], "minh.nguyen", false),
        ]
        var lines = ["Created \(path) (fictional people only)."]
        for (name, other, town, employer, previous, mailbox, told) in people {
            var draft = CandidateDraft(fullName: name)
            draft.otherNames = other
            draft.town = town
            draft.currentEmployer = employer
            draft.previousEmployers = previous
            draft.email = mailbox + "@example.org"
            draft.shortlistedOn = post.shortlistingDate
            if told {
                draft.notifiedOn = post.shortlistingDate
                draft.notifiedVia = .email
            }
            try store.addCandidate(to: vacancy.reference, draft, by: searcher)
        }
        try logDemoSearches(store, vacancy: vacancy.reference, today: today)
        lines.append("Staff: \(searcher) (admin, searcher), Priya Shah (recruiting manager, panel), Tom Ellis (panel), Grace Okafor (governor).")
        lines.append("Vacancy \(vacancy.reference): \(vacancy.postTitle), interviews on \(post.interviewDate!.uk), \(people.count) candidates shortlisted.")
        let progress = try store.searchProgress(vacancy: vacancy.reference)[0].candidates
        lines.append("Searches logged: " + progress.map { "\($0.candidate.reference) \($0.doneQueries)/\($0.plannedQueries)" }
            .joined(separator: ", ") + " (\(progress.last!.candidate.reference) has not been told of searches yet).")
        return lines
    }
}

extension Demo {
    /// Logs searches: the first candidate complete, the second half done, the third with one that
    /// could not be completed; the fourth, not yet told, none.
    private static func logDemoSearches(_ store: Store, vacancy: String, today: Day) throws(ShortlistError) {
        let searchedAt = try Timestamp.parse(today.adding(days: -2).iso + " 10:00", field: "demo")
        for number in 1...3 {
            let reference = CandidateReference(vacancy: vacancy, number: number)
            let plan = try store.searchProgress(candidate: reference).progress.steps.flatMap(\.queries)
            let share = number == 1 ? plan.count : number == 2 ? plan.count / 2 : plan.count - 2
            for (index, query) in plan.prefix(share).enumerated() {
                var outcome: SearchOutcome = index % 3 == 0 ? .nothingRelevant : .noResults
                var note = ""
                if number == 3 && index == share - 1 {
                    outcome = .couldNotComplete
                    note = "The search engine asked for a sign-in; search again from another browser."
                }
                var request = SearchLogRequest(candidate: reference, query: query.address, outcome: outcome, confirmedPublicOnly: true)
                request.searchedAt = searchedAt.addingTimeInterval(Double(index * 90 + number * 3600))
                request.note = note
                if outcome == .nothingRelevant { request.addresses = ["https://www.example.org/search-result-\(number)-\(index)"] }
                _ = try store.logSearch(request, by: searcher)
            }
        }
    }
}

extension Store {
    /// Sets a school setting (admins only).
    public func setSetting(_ key: String, to value: String, by actor: String?) throws(ShortlistError) {
        try write(by: actor) { change in
            try change.require([.admin], to: "change settings")
            let before = try String.fetchOne(change.db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            try change.db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  arguments: [key, value])
            try change.record("setting.set", entity: "setting", ref: key, details: ["before": before ?? "", "after": value])
        }
    }

    /// A school setting's value, or nil when it is not set.
    public func setting(_ key: String) throws(ShortlistError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }
}
