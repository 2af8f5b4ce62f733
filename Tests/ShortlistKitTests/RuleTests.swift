import Foundation
import Testing
@testable import ShortlistKit

/// The domain's rules are functions of values: these tests build the values by hand and open no database.
@Suite("Rules as functions of values (no database)")
struct RuleTests {
    static let today = Day(year: 2026, month: 11, day: 27)!

    static func vacancy(panel: [String] = ["Pat Panel"], interview: Day? = Day(year: 2026, month: 12, day: 10)!,
                        status: VacancyStatus = .shortlisted, decision: SearchDecision = .all) -> Vacancy {
        Vacancy(id: 1, reference: "TA-1", postTitle: "Teaching assistant", site: "", kcsieEdition: "2026", closingDate: nil,
                shortlistingDate: nil, interviewDate: interview, status: status, appointedNumber: nil, closedOn: nil,
                closeRecordedOn: nil, panel: panel, createdAt: "", updatedAt: "", protocolID: 1, lookBackYears: 5,
                searchDecision: decision, searchDecisionReason: decision == .all ? "" : "only the external candidates", holdReason: nil)
    }

    static func candidate(_ number: Int = 1, told: Day? = Day(year: 2026, month: 11, day: 20)!, outcome: CandidateOutcome = .pending,
                          excluded: Bool = false, otherNames: [String] = []) -> Candidate {
        var candidate = Candidate(
            id: Int64(number), vacancyID: 1, reference: CandidateReference(vacancy: "TA-1", number: number), fullName: "Alex Example",
            otherNames: otherNames, town: "Leeds", currentEmployer: "", previousEmployers: [], email: "", shortlistedOn: today,
            notifiedOn: told, notifiedVia: told == nil ? nil : .email, outcome: outcome, outcomeOn: nil, createdAt: "", updatedAt: "")
        candidate.searchExcluded = excluded
        return candidate
    }

    static let protocolV1 = SearchProtocol(id: 1, name: "standard", version: 1, description: "", steps: [
        SearchStep(key: "news", label: "News", kind: .news, queries: ["\"{name}\" {town}"], link: "https://example.org/?q={query}"),
        SearchStep(key: "alias", label: "Other names", kind: .searchEngine, queries: ["\"{other_name}\""], link: "https://example.org/?q={query}"),
        SearchStep(key: "web", label: "Web", kind: .searchEngine, queries: ["\"{name}\""], link: "https://example.org/?q={query}"),
    ], createdAt: "")

    // MARK: - May this search be logged?

    @Test("a candidate told, searched by someone off the panel, while the vacancy is open: nothing refuses")
    func nothingRefuses() {
        #expect(SearchRules.failures(candidate: Self.candidate(), vacancy: Self.vacancy(), searcher: "Sam Searcher", on: Self.today) == [])
    }

    @Test("each rule refuses on its own facts, and all that apply are listed in order")
    func eachRuleRefuses() {
        let notTold = SearchRules.failures(candidate: Self.candidate(told: nil), vacancy: Self.vacancy(), searcher: "Sam", on: Self.today)
        #expect(notTold.map(\.rule) == [.notTold])
        #expect(notTold[0].remedy.contains("shortlist candidate notify TA-1/1"))
        let toldLater = SearchRules.failures(candidate: Self.candidate(told: Self.today.adding(days: 1)), vacancy: Self.vacancy(),
                                             searcher: "Sam", on: Self.today)
        #expect(toldLater.map(\.reason) == ["the candidate was told of online searches on 28 November 2026, after this search"])
        let panel = SearchRules.failures(candidate: Self.candidate(), vacancy: Self.vacancy(), searcher: "pat PANEL", on: Self.today)
        #expect(panel.map(\.rule) == [.searcherOnPanel])
        let all = SearchRules.failures(candidate: Self.candidate(told: nil, outcome: .withdrew), vacancy: Self.vacancy(status: .closed),
                                       searcher: "Pat Panel", on: Self.today)
        #expect(all.map(\.rule) == [.notTold, .searcherOnPanel, .candidateWithdrawn, .vacancyClosed])
    }

    @Test("the search decision rules a candidate out: none, or some and this one excluded")
    func searchDecision() {
        #expect(throws: Never.self) { try SearchRules.checkDecision(vacancy: Self.vacancy(), candidate: Self.candidate()) }
        #expect(throws: Never.self) {
            try SearchRules.checkDecision(vacancy: Self.vacancy(decision: .some), candidate: Self.candidate())
        }
        #expect(throws: ShortlistError.self) {
            try SearchRules.checkDecision(vacancy: Self.vacancy(decision: .some), candidate: Self.candidate(excluded: true))
        }
        #expect(throws: ShortlistError.self) {
            try SearchRules.checkDecision(vacancy: Self.vacancy(decision: .none), candidate: Self.candidate())
        }
    }

    @Test("a planned query is named by STEP.N, or STEP for its first outstanding query")
    func resolve() throws {
        let candidate = Self.candidate(otherNames: ["Alex Sample", "Alex Specimen"])
        let plan = candidate.plan(Self.protocolV1)
        func resolve(_ text: String, done: Set<String> = []) throws(ShortlistError) -> String {
            try SearchRules.resolve(text, in: plan, of: candidate, protocol: Self.protocolV1, done: done).address
        }
        #expect(try resolve("alias") == "alias.1")
        #expect(try resolve("alias", done: ["\"Alex Sample\""]) == "alias.2")
        #expect(try resolve("alias.2") == "alias.2")
        #expect(try resolve("news") == "news.1")
        #expect(SearchRules.stepKey(of: "alias.2") == "alias")
        #expect(throws: ShortlistError.self) { try resolve("alias.3") }
        #expect(throws: ShortlistError.self) { try resolve("social") }
        #expect(throws: ShortlistError.self) { try resolve("alias", done: ["\"Alex Sample\"", "\"Alex Specimen\""]) }
        // With no other name, the step has no query for this candidate, and naming it says so.
        let plain = Self.candidate()
        #expect(throws: ShortlistError.self) {
            try SearchRules.resolve("alias", in: plain.plan(Self.protocolV1), of: plain, protocol: Self.protocolV1, done: [])
        }
    }

    // MARK: - Is this candidate complete, and which exceptions does the vacancy have?

    static func progress(_ candidate: Candidate, done: Int, firstSearch: String? = "2026-11-21T10:00:00Z",
                         findings: [FindingStatus] = []) -> CandidateProgress {
        let plan = candidate.plan(protocolV1)
        var left = done
        let steps = plan.map { step in
            StepProgress(step: step.step, queries: step.queries, entries: step.queries.map { query in
                defer { left -= 1 }
                return left > 0 ? CurrentEntry(id: 1, outcome: .noResults, searchedAt: "2026-11-21T10:00:00Z", searcher: "Sam",
                                               query: query.query, late: false, cited: false) : nil
            })
        }
        return CandidateProgress(candidate: candidate, protocolTitle: protocolV1.title, steps: steps, overrides: 0,
                                 firstSearchedAt: done == 0 ? nil : firstSearch, excludedByDecision: false, findings: findings)
    }

    @Test("a candidate with every query done and told first is complete and compliant; one short is neither")
    func completeness() {
        let vacancy = Self.vacancy()
        let complete = Self.progress(Self.candidate(1), done: 2)
        let short = Self.progress(Self.candidate(2), done: 1)
        #expect(complete.isComplete && complete.outstanding == [])
        #expect(!short.isComplete)
        let facts = ComplianceFacts(progress: VacancyProgress(vacancy: vacancy, searchProtocol: Self.protocolV1,
                                                              candidates: [complete, short], protocolsUsed: 1), retentionMonths: 6)
        let assessed = ComplianceRules.assess(facts, today: Self.today)
        #expect(assessed.candidates.map(\.compliant) == [true, false])
        #expect(assessed.exceptions.map { "\($0.candidate) \($0.kind): \($0.detail)" } == ["TA-1/2 incomplete: 1 of 2 queries not done"])
        #expect(assessed.retention == "not closed; personal data is kept until 6 months after closing")
    }

    @Test("searched before being told, a panel member's search, an undecided finding and a vacancy-wide decision are exceptions")
    func exceptions() {
        var vacancy = Self.vacancy(decision: .some)
        vacancy.closedOn = Day(year: 2026, month: 1, day: 5)!
        vacancy.status = .closed
        let early = Self.progress(Self.candidate(1, told: Self.today), done: 2, findings: [.awaitingDecision])
        var facts = ComplianceFacts(progress: VacancyProgress(vacancy: vacancy, searchProtocol: Self.protocolV1,
                                                              candidates: [early], protocolsUsed: 2), retentionMonths: 6)
        facts.panelSearches = [.init(candidate: "TA-1/1", entry: 7, searcher: "Pat Panel", date: "21 November 2026")]
        let assessed = ComplianceRules.assess(facts, today: Self.today)
        #expect(assessed.exceptions.map(\.kind)
            == ["not-all-searched", "different-steps", "not-told", "panel-searcher", "undecided-finding", "purge-overdue"])
        #expect(assessed.exceptions.first { $0.kind == "not-told" }?.detail == "told on 27 November 2026, after the first search")
        #expect(assessed.candidates[0].toldBeforeFirstSearch == "NO")
        #expect(!assessed.sameSteps)
        #expect(assessed.retention == "due for purge since 5 July 2026")
    }
}
