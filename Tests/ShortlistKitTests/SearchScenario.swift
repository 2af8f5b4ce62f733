import Foundation
@testable import ShortlistKit

// Compiled into both test targets (Tests/ShortlistCLITests holds a symlink to this file), so that
// `status` is checked against the same golden files from the library and from the binary.
// It uses only the library and Foundation, never the helpers of either target.

/// A small vacancy part-way through its searches, built through the library at Friday 20 November
/// 2026, 10:00 UTC, with the three-step "Short check" protocol (Fixtures/protocol/short-check.protocol):
///
/// - TA-2026-03, Teaching Assistant (Year 2), Riverside Primary School, interviews 30 November 2026
///   (in 10 days); panel Priya Shah and Tom Ellis.
///   1 Siobhán O'Brien: two employers, all 4 queries logged; finding F1 awaiting decision.
///   2 Zoë Ødegaard: not told, no employer, nothing logged.
///   3 Łukasz Nowak: all 3 queries logged, one by Tom Ellis (on the panel) with an override. Complete.
///   4 Nguyễn Thị Minh: withdrew.
enum SearchScenario {
    static let now = Timestamp.parse(iso: "2026-11-20T10:00:00Z")!
    static let vacancy = "TA-2026-03"
    static let searcher = "Sam Searcher"
    static let manager = "Priya Shah"
    static let panelSearcher = "Tom Ellis"

    static func candidate(_ number: Int) -> CandidateReference { CandidateReference(vacancy: vacancy, number: number) }

    /// The "Short check" protocol file.
    static func protocolFile(fixtures: URL) -> String { fixtures.appendingPathComponent("protocol/short-check.protocol").path }

    /// Builds the scenario in a new database at `path`; `fixtures` is Tests/ShortlistKitTests/Fixtures.
    @discardableResult
    static func build(at path: String, fixtures: URL) throws -> Store {
        let store = try Store.create(at: path, admin: "Ann Admin", clock: { now })
        try store.addStaff(name: searcher, roles: [.searcher], by: "Ann Admin")
        try store.addStaff(name: manager, roles: [.recruitingManager, .panel], by: "Ann Admin")
        try store.addStaff(name: panelSearcher, roles: [.searcher, .panel], by: "Ann Admin")
        _ = try store.importProtocol(file: protocolFile(fixtures: fixtures), by: "Ann Admin")
        var draft = VacancyDraft(reference: vacancy, postTitle: "Teaching Assistant (Year 2)")
        draft.site = "Riverside Primary School"
        draft.interviewDate = Day(year: 2026, month: 11, day: 30)
        draft.panel = [manager, panelSearcher]
        draft.protocolName = "Short check"
        try store.addVacancy(draft, by: "Ann Admin")

        let told = Day(year: 2026, month: 11, day: 13)!
        func add(_ name: String, employer: String = "", previous: [String] = [], told: Day?) throws {
            var candidate = CandidateDraft(fullName: name)
            candidate.currentEmployer = employer
            candidate.previousEmployers = previous
            candidate.shortlistedOn = Day(year: 2026, month: 11, day: 12)
            candidate.notifiedOn = told
            candidate.notifiedVia = told == nil ? nil : .email
            try store.addCandidate(to: vacancy, candidate, by: searcher)
        }
        try add("Siobhán O'Brien", employer: "Frodsham Leisure Centre", previous: ["St Mary's RC Primary"], told: told)
        try add("Zoë Ødegaard", told: nil)
        try add("Łukasz Nowak", employer: "Helsby Tutoring Ltd", told: told)
        try add("Nguyễn Thị Minh", told: told)

        func log(_ number: Int, _ step: String, _ outcome: SearchOutcome, at iso: String, by actor: String = searcher,
                 override: String? = nil) throws -> SearchEntry {
            var request = SearchLogRequest(candidate: candidate(number), query: step, outcome: outcome, confirmedPublicOnly: true)
            request.searchedAt = Timestamp.parse(iso: iso)!
            request.overrideReason = override
            return try store.logSearch(request, by: actor).entry
        }
        _ = try log(1, "web-name", .noResults, at: "2026-11-16T09:10:00Z")
        _ = try log(1, "web-name-employer", .nothingRelevant, at: "2026-11-16T09:20:00Z")
        let found = try log(1, "web-name-employer", .findings, at: "2026-11-16T09:30:00Z")
        _ = try log(1, "news", .noResults, at: "2026-11-16T09:40:00Z")
        var finding = FindingDraft(entries: [found.id], summary: "Public comment criticising a pupil's parent by name",
                                   identity: .confirmed)
        finding.sources = ["https://www.facebook.com/example/posts/1"]
        finding.contentDate = Day(year: 2024, month: 3, day: 14)
        finding.category = "disparaging"
        finding.identityBasis = "Same photo as on her application; names St Mary's"
        finding.relevance = "Public criticism of a parent at the school where she worked"
        try store.addFinding(to: candidate(1), finding, by: searcher)

        _ = try log(3, "web-name", .noResults, at: "2026-11-17T14:00:00Z", by: panelSearcher,
                    override: "Sam Searcher was on leave; agreed with the head")
        _ = try log(3, "web-name-employer", .nothingRelevant, at: "2026-11-17T14:10:00Z")
        _ = try log(3, "news", .noResults, at: "2026-11-17T14:20:00Z")

        try store.withdrawCandidate(candidate(4), on: Day(year: 2026, month: 11, day: 18), reason: "Took another post", by: searcher)
        return store
    }

    /// Completes every record: F1 decided, candidate 2 told and searched.
    static func complete(_ store: Store) throws {
        try store.decideFinding(FindingReference(candidate: candidate(1), number: 1), .noFurtherAction,
                                reason: "Three years old and not about a pupil", question: "", identityQuestion: "", by: manager)
        try store.notifyCandidate(candidate(2), on: Day(year: 2026, month: 11, day: 19), via: .phone, by: searcher)
        for step in ["web-name", "news"] {
            _ = try store.logSearch(SearchLogRequest(candidate: candidate(2), query: step, outcome: .noResults, confirmedPublicOnly: true),
                                by: searcher)
        }
    }

    // MARK: - Guided runs

    /// A vacancy ready for `check run`, with the "Short check" protocol; nothing logged yet:
    /// 1 Siobhán O'Brien, told, two employers (4 queries); 2 Zoë Ødegaard, not told, no employer (2 queries).
    @discardableResult
    static func buildForGuidedRun(at path: String, fixtures: URL) throws -> Store {
        let store = try Store.create(at: path, admin: "Ann Admin", clock: { now })
        try store.addStaff(name: searcher, roles: [.searcher], by: "Ann Admin")
        try store.addStaff(name: manager, roles: [.recruitingManager, .panel], by: "Ann Admin")
        _ = try store.importProtocol(file: protocolFile(fixtures: fixtures), by: "Ann Admin")
        var draft = VacancyDraft(reference: vacancy, postTitle: "Teaching Assistant (Year 2)")
        draft.site = "Riverside Primary School"
        draft.interviewDate = Day(year: 2026, month: 11, day: 30)
        draft.panel = [manager]
        draft.protocolName = "Short check"
        try store.addVacancy(draft, by: "Ann Admin")
        var siobhan = CandidateDraft(fullName: "Siobhán O'Brien")
        siobhan.currentEmployer = "Frodsham Leisure Centre"
        siobhan.previousEmployers = ["St Mary's RC Primary"]
        siobhan.notifiedOn = Day(year: 2026, month: 11, day: 13)
        siobhan.notifiedVia = .email
        try store.addCandidate(to: vacancy, siobhan, by: searcher)
        try store.addCandidate(to: vacancy, CandidateDraft(fullName: "Zoë Ødegaard"), by: searcher)
        return store
    }

    /// Answers for a whole run of candidate 1, one a line: every outcome, addresses, notes, and a finding recorded mid-run.
    static let guidedAnswers = [
        "y",
        // web-name.1: no results, one address, a note.
        "0", "https://www.google.com/search?q=%22Siobh%C3%A1n%20O%27Brien%22", "", "First page only; no one of that name nearby",
        // web-name-employer.1: nothing relevant, one address, no note.
        "n", "https://www.frodshamleisure.example/staff", "", "",
        // web-name-employer.2: findings, two addresses, no evidence, a note, then the finding.
        "f", "https://www.facebook.com/example/posts/1", "https://www.facebook.com/example/posts/2", "", "",
        "Post about a parent at St Mary's",
        "y", "Public post criticising a parent by name", "n", "c", "Same photo as on her application; names St Mary's",
        "disparaging", "Public criticism of a parent at the school where she worked", "14/03/2024",
        // news.1: could not complete, with why; no addresses.
        "x", "The news search failed to load twice", "",
    ]

    // MARK: - Plans

    /// The default protocol and Siobhán O'Brien (TA-2026-03/1) with two other names, a town and three employers;
    /// three of her sixteen queries logged on 19 November 2026.
    @discardableResult
    static func buildForPlan(at path: String) throws -> Store {
        let store = try Store.create(at: path, admin: "Ann Admin", clock: { now })
        try store.addStaff(name: searcher, roles: [.searcher], by: "Ann Admin")
        var draft = VacancyDraft(reference: vacancy, postTitle: "Teaching Assistant (Year 2)")
        draft.site = "Riverside Primary School"
        try store.addVacancy(draft, by: "Ann Admin")
        var siobhan = CandidateDraft(fullName: "Siobhán O'Brien")
        siobhan.otherNames = ["Siobhán Ní Bhriain", "Shiv Murphy-O'Brien"]
        siobhan.town = "Frodsham"
        siobhan.currentEmployer = "Frodsham Leisure Centre"
        siobhan.previousEmployers = ["Cheshire West Council", "St Mary's RC Primary"]
        siobhan.notifiedOn = Day(year: 2026, month: 11, day: 13)
        siobhan.notifiedVia = .letter
        try store.addCandidate(to: vacancy, siobhan, by: searcher)
        for (step, outcome, iso) in [("web-name", SearchOutcome.noResults, "2026-11-19T14:30:00Z"),
                                     ("web-name-employer.2", .nothingRelevant, "2026-11-19T14:40:00Z"),
                                     ("web-other-names", .noResults, "2026-11-19T14:50:00Z")] {
            var request = SearchLogRequest(candidate: candidate(1), query: step, outcome: outcome, confirmedPublicOnly: true)
            request.searchedAt = Timestamp.parse(iso: iso)!
            _ = try store.logSearch(request, by: searcher)
        }
        return store
    }
}
