import Foundation
import GRDB
import Testing
@testable import ShortlistKit

// Helpers for the tests of protocols, the search log, status, findings and guided runs.

/// A clock stopped at the stored instant `iso`.
func fixedClock(_ iso: String) -> @Sendable () -> Date {
    let instant = Timestamp.parse(iso: iso)!
    return { instant }
}

extension Store {
    /// The same database, opened with its clock at the stored instant `iso`.
    func reopened(at iso: String) throws -> Store { try Store.open(at: path, clock: fixedClock(iso)) }
}

/// `TA-2026-03/N`.
func candidateRef(_ number: Int) -> CandidateReference { CandidateReference(vacancy: "TA-2026-03", number: number) }

/// `TA-2026-03/N/FM`.
func findingRef(_ candidate: Int, _ number: Int) -> FindingReference {
    FindingReference(candidate: candidateRef(candidate), number: number)
}

/// 13 November 2026, the day the test candidates were told of searches.
let toldDay = Day(year: 2026, month: 11, day: 13)!
/// 30 November 2026, the interview date of the test vacancy.
let interviewDay = Day(year: 2026, month: 11, day: 30)!

/// A store for search tests: Sam Searcher (searcher), Priya Shah (recruiting manager, panel), Tom Ellis
/// (searcher, panel), and vacancy TA-2026-03 with Priya and Tom on its panel, interviewing on
/// `interview`, following the default protocol unless `protocolFixture` names one to import and use.
func makeSearchStore(in folder: TemporaryFolder, name: String = "shortlist.sqlite", protocolFixture: String? = nil,
                     interview: Day? = interviewDay) throws -> Store {
    let store = try makeStore(in: folder, name: name)
    try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
    try store.addStaff(name: "Priya Shah", roles: [.recruitingManager, .panel], by: admin)
    try store.addStaff(name: "Tom Ellis", roles: [.searcher, .panel], by: admin)
    var draft = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant (Year 2)")
    draft.site = "Riverside Primary School"
    draft.interviewDate = interview
    draft.panel = ["Priya Shah", "Tom Ellis"]
    if let protocolFixture {
        draft.protocolName = try store.importProtocol(file: fixtureURL(protocolFixture).path, by: admin).protocol.name
    }
    try store.addVacancy(draft, by: admin)
    return store
}

/// Adds a candidate to TA-2026-03, told of searches on 13 November 2026 by email unless `told` is nil.
@discardableResult
func addShortlisted(_ store: Store, _ name: String, otherNames: [String] = [], town: String = "", employer: String = "",
                  previous: [String] = [], told: Day? = toldDay) throws -> CandidateReference {
    var draft = CandidateDraft(fullName: name)
    draft.otherNames = otherNames
    draft.town = town
    draft.currentEmployer = employer
    draft.previousEmployers = previous
    draft.shortlistedOn = Day(year: 2026, month: 11, day: 12)
    draft.notifiedOn = told
    draft.notifiedVia = told == nil ? nil : .email
    return try store.addCandidate(to: "TA-2026-03", draft, by: admin).reference
}

/// Siobhán O'Brien: two other names, a town, and three employers (current and two previous).
@discardableResult
func addSiobhan(_ store: Store, told: Day? = toldDay) throws -> CandidateReference {
    try addShortlisted(store, "Siobhán O'Brien", otherNames: ["Siobhán Ní Bhriain", "Shiv Murphy-O'Brien"], town: "Frodsham",
                     employer: "Frodsham Leisure Centre", previous: ["Cheshire West Council", "St Mary's RC Primary"], told: told)
}

/// Logs one search as `by` (Sam Searcher), confirming public-only viewing; `configure` sets the rest.
@discardableResult
func logQuery(_ store: Store, _ candidate: CandidateReference, _ step: String, _ outcome: SearchOutcome = .noResults,
               by actor: String = "Sam Searcher", _ configure: (inout SearchLogRequest) -> Void = { _ in }) throws -> LoggedSearch {
    var request = SearchLogRequest(candidate: candidate, query: step, outcome: outcome, confirmedPublicOnly: true)
    configure(&request)
    return try store.logSearch(request, by: actor)
}

/// The error a throwing call gave, for comparing messages; records an issue when it did not throw.
func errorThrown(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> ShortlistError? {
    do {
        try body()
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch let error as ShortlistError {
        return error
    } catch {
        Issue.record("not a ShortlistError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The permission bits of a file or folder.
func filePermissions(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}
