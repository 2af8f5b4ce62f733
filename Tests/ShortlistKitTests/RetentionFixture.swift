import Foundation
@testable import ShortlistKit

// This file is compiled into both test targets (Tests/ShortlistCLITests holds a symlink to it),
// so that the library's purge, export and backup tests and the binary's see the same data.
// It uses only the library and Foundation, never the helpers of either target.

/// Vacancies on both sides of the retention date, built through the library at a fixed instant
/// (Friday 20 November 2026, 10:00 UTC), with fictional people whose every detail is a
/// distinctive string, so that a search of the database file for it cannot match by chance.
///
/// - OLD-2026-01, Caretaker, closed 15 April 2026 (7 months ago: due 15 October 2026):
///   1 Zebediah Quixote-Purge, appointed: every planned query (news.1 logged twice, so one entry
///     is superseded; web-name.1 logged again with a changed query and that entry withdrawn);
///     facebook.1 with a note, an address and an evidence file of its own; F1 added, corrected,
///     raised and answered (four versions); a dossier produced about him.
///   2 Ottoline Vexworth-Purge, not appointed: web-name.1 searched before she was told (an
///     override with a reason, an address, and the evidence file she shares with REC-2026-02/2);
///     every other query (LinkedIn late, after the interview); F1 (unverified) raised, then decided no
///     further action.
///   3 Percival Wobblebottom-Purge, withdrew: two searches with notes.
/// - REC-2026-02, Lunchtime Supervisor, closed 20 June 2026 (5 months ago: due 20 December 2026):
///   1 Rosalind Keepmeplease appointed, 2 Barnaby Stillhere-Keep not appointed (his entry holds the
///   shared evidence file).
/// - OPEN-2026-03, Site Manager, open: 1 Cordelia Openfield-Keep.
/// - HELD-2026-04, Bursar, closed 20 March 2026 (8 months ago: due 20 September 2026), held for a
///   tribunal claim: 1 Horatio Heldback-Keep, not appointed.
enum RetentionFixture {
    static let now = Timestamp.parse(iso: "2026-11-20T10:00:00Z")!
    static let admin = "Ann Admin"
    static let searcher = "Sam Searcher"
    static let manager = "Priya Shah"
    static let panel = "Tom Ellis"

    static let old = "OLD-2026-01"
    static let recent = "REC-2026-02"
    static let open = "OPEN-2026-03"
    static let held = "HELD-2026-04"
    static let holdReason = "Employment tribunal claim pending (HOLD-9902)"

    static let appointee = CandidateReference(vacancy: old, number: 1)
    static let notAppointed = CandidateReference(vacancy: old, number: 2)
    static let withdrew = CandidateReference(vacancy: old, number: 3)

    /// The appointee's name: the one personal detail of the purged vacancy that stays.
    static let appointeeName = "Zebediah Quixote-Purge"

    /// Everything about the appointee except the name, which the purge must remove.
    static let appointeeDetails = [
        "Zeb Xylophant-Alias", "Wigglesworth-on-Tweed", "Quuxbridge Widget Foundry", "Plumtree Marmalade Cooperative",
        "zebediah.qp@purge-test.example", "NOTE-ZQP-FACEBOOK-4417", "ZQPADDR-4417", "NOTE-ZQP-NEWS-RECHECK-5521",
        "ZQP-QUERYUSED-6630", "WITHDRAWN-REASON-ZQP-7742", "FINDING-ZQP-SUMMARY-8853", "ZQPSOURCE-8853",
        "IDBASIS-ZQP-8854", "RELEVANCE-ZQP-8855", "FINDING-ZQP-CORRECTED-8856", "QUESTION-ZQP-8857", "RESPONSE-ZQP-8858",
        "CONCLUSION-ZQP-8859", "FOLLOWUP-ZQP-8860", zqpEvidenceName,
    ]

    /// Everything about the not-appointed and withdrawn candidates, which the purge must remove.
    static let removedDetails = [
        "Ottoline Vexworth-Purge", "Snorington Parva", "Grumbleton Haulage", "ottoline.vw@purge-test.example",
        "OVERRIDE-REASON-OVP-3321", "OVPADDR-3322", "NOTE-OVP-X-3323", "FINDING-OVP-SUMMARY-3324", "RELEVANCE-OVP-3325",
        "IDQ-OVP-3328", "DECISION-REASON-OVP-3326", sharedEvidenceName,
        "Percival Wobblebottom-Purge", "Tumbledown Magna", "Fizzlewick Bakery", "percival.wb@purge-test.example",
        "NOTE-PWP-3331", "WITHDREW-REASON-PWP-3332",
    ]

    /// Details of candidates whose retention has not ended (or whose vacancy is held): they stay.
    static let keptDetails = [
        "Rosalind Keepmeplease", "Staywell Hamlet", "rosalind.k@keep-test.example", "Barnaby Stillhere-Keep",
        "NOTE-REC-BARNABY-1201", "Cordelia Openfield-Keep", "NOTE-OPEN-1301", "Horatio Heldback-Keep", "NOTE-HELD-9901",
    ]

    /// Per candidate of the fixture, every distinctive string recorded about them (for the
    /// subject access export: one candidate's export holds none of the others').
    static let detailsByCandidate: [String: [String]] = [
        "OLD-2026-01/1": [appointeeName] + appointeeDetails,
        "OLD-2026-01/2": Array(removedDetails[0..<12]),
        "OLD-2026-01/3": Array(removedDetails[12...]),
        "REC-2026-02/1": ["Rosalind Keepmeplease", "Staywell Hamlet", "rosalind.k@keep-test.example"],
        "REC-2026-02/2": ["Barnaby Stillhere-Keep", "NOTE-REC-BARNABY-1201", barnabyEvidenceName],
        "OPEN-2026-03/1": ["Cordelia Openfield-Keep", "NOTE-OPEN-1301"],
        "HELD-2026-04/1": ["Horatio Heldback-Keep", "NOTE-HELD-9901"],
    ]

    static let zqpEvidenceName = "zqp-facebook-post-4419.png"
    static let zqpEvidenceBytes = Data("ZQP-EVIDENCE-BYTES-4418: a stand-in for a screenshot of a public post".utf8)
    static let sharedEvidenceName = "ovp-shared-capture-3327.png"
    static let barnabyEvidenceName = "barnaby-shared-capture-1202.png"
    static let sharedEvidenceBytes = Data("SHARED-EVIDENCE-BYTES-3327: one capture attached to two candidates' entries".utf8)

    /// Builds the fixture database at `path` (its folder must exist) and returns the store.
    @discardableResult
    static func build(at path: String) throws -> Store {
        let store = try Store.create(at: path, admin: admin, clock: { now })
        try store.addStaff(name: searcher, roles: [.searcher], by: admin)
        try store.addStaff(name: manager, roles: [.recruitingManager, .panel], by: admin)
        try store.addStaff(name: panel, roles: [.panel], by: admin)
        let sources = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("evidence-sources").path
        try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
        try buildOld(store, sources: sources)
        try buildRecent(store, sources: sources)
        try buildOpenAndHeld(store)
        return store
    }

    /// The SHA-256 of the appointee's own evidence file and of the shared one.
    static var zqpEvidenceHash: String { Digest.sha256(zqpEvidenceBytes) }
    static var sharedEvidenceHash: String { Digest.sha256(sharedEvidenceBytes) }

    // MARK: - Vacancies

    private static func buildOld(_ store: Store, sources: String) throws {
        var post = VacancyDraft(reference: old, postTitle: "Caretaker")
        post.site = "Riverside Primary School"
        post.shortlistingDate = day("2026-03-01")
        post.interviewDate = day("2026-03-20")
        post.panel = [manager, panel]
        try store.addVacancy(post, by: searcher)

        try addCandidate(store, old, appointeeName, otherNames: ["Zeb Xylophant-Alias"], town: "Wigglesworth-on-Tweed",
                         employer: "Quuxbridge Widget Foundry", previous: ["Plumtree Marmalade Cooperative"],
                         email: "zebediah.qp@purge-test.example", shortlisted: "2026-03-01", told: ("2026-03-02", .email))
        try addCandidate(store, old, "Ottoline Vexworth-Purge", town: "Snorington Parva", employer: "Grumbleton Haulage",
                         email: "ottoline.vw@purge-test.example", shortlisted: "2026-03-01", told: ("2026-03-03", .letter))
        try addCandidate(store, old, "Percival Wobblebottom-Purge", town: "Tumbledown Magna", employer: "Fizzlewick Bakery",
                         email: "percival.wb@purge-test.example", shortlisted: "2026-03-01", told: ("2026-03-02", .email))

        // The appointee: every planned query; Facebook with a finding, a note, an address and evidence.
        let zqpEvidence = sources + "/" + zqpEvidenceName
        try zqpEvidenceBytes.write(to: URL(fileURLWithPath: zqpEvidence))
        let entries = try logQueries(store, appointee, at: "2026-03-05 09:00", adjust: { address, request in
            if address == "facebook.1" {
                request.outcome = .findings
                request.note = "NOTE-ZQP-FACEBOOK-4417 two public posts seen."
                request.addresses = ["https://www.example.org/ZQPADDR-4417"]
                request.evidenceFiles = [zqpEvidence]
            }
        })
        // news.1 again: the first entry is superseded.
        var recheck = SearchLogRequest(candidate: appointee, query: "news.1", outcome: .nothingRelevant, confirmedPublicOnly: true)
        recheck.searchedAt = try Timestamp.parse("2026-03-06 11:00", field: "fixture")
        recheck.note = "NOTE-ZQP-NEWS-RECHECK-5521 searched again after a tip-off."
        _ = try store.logSearch(recheck, by: searcher)
        // web-name.1 again with a changed query, then withdrawn as a mistake.
        var mistaken = SearchLogRequest(candidate: appointee, query: "web-name.1", outcome: .noResults, confirmedPublicOnly: true)
        mistaken.searchedAt = try Timestamp.parse("2026-03-06 11:30", field: "fixture")
        mistaken.queryUsed = "ZQP-QUERYUSED-6630 Quixote"
        let withdrawn = try store.logSearch(mistaken, by: searcher).entry.id
        _ = try store.withdrawSearchEntry(withdrawn, reason: "WITHDRAWN-REASON-ZQP-7742 logged against the wrong query", by: searcher)

        var draft = FindingDraft(entries: [entries["facebook.1"]!], summary: "FINDING-ZQP-SUMMARY-8853 A public post mocks pupils.",
                                 identity: .confirmed)
        draft.sources = ["https://www.example.org/ZQPSOURCE-8853"]
        draft.contentDate = day("2025-12-01")
        draft.category = "disparaging"
        draft.identityBasis = "IDBASIS-ZQP-8854 the profile photo matches."
        draft.relevance = "RELEVANCE-ZQP-8855 how staff speak of pupils bears on their conduct."
        let f1 = try store.addFinding(to: appointee, draft, by: searcher).reference
        var correction = FindingCorrection()
        correction.summary = "FINDING-ZQP-CORRECTED-8856 A public post mocks pupils of a former school."
        try store.updateFinding(f1, correction, by: searcher)
        try store.decideFinding(f1, .raise, reason: "", question: "QUESTION-ZQP-8857 Can you tell us how you describe pupils online?",
                                identityQuestion: "", by: manager)

        // Ottoline: web-name.1 before she was told (overridden), the rest the day after; X with a finding.
        let shared = sources + "/" + sharedEvidenceName
        try sharedEvidenceBytes.write(to: URL(fileURLWithPath: shared))
        var early = SearchLogRequest(candidate: notAppointed, query: "web-name.1", outcome: .nothingRelevant, confirmedPublicOnly: true)
        early.searchedAt = try Timestamp.parse("2026-03-02 16:00", field: "fixture")
        early.overrideReason = "OVERRIDE-REASON-OVP-3321 told by phone first; the letter followed."
        early.addresses = ["https://www.example.org/OVPADDR-3322"]
        early.evidenceFiles = [shared]
        _ = try store.logSearch(early, by: searcher)
        let ottoline = try logQueries(store, notAppointed, at: "2026-03-04 10:00", only: { $0 != "web-name.1" }, adjust: { address, request in
            if address == "x.1" {
                request.outcome = .findings
                request.note = "NOTE-OVP-X-3323 an account with the same name."
            }
            // LinkedIn after the interview (20 March): a late search.
            if address == "linkedin.1" { request.searchedAt = Timestamp.parse(iso: "2026-03-25T10:00:00Z")! }
        })
        var unverified = FindingDraft(entries: [ottoline["x.1"]!], summary: "FINDING-OVP-SUMMARY-3324 An account shares fight videos.",
                                      identity: .unverified)
        unverified.category = "violence"
        unverified.relevance = "RELEVANCE-OVP-3325 violent content bears on working with children."
        let f = try store.addFinding(to: notAppointed, unverified, by: searcher).reference
        try store.decideFinding(f, .raise, reason: "", question: "Is there anything about videos shared online you would like to tell us?",
                                identityQuestion: "IDQ-OVP-3328 Do you have a public account on X?", by: manager)
        try store.decideFinding(f, .noFurtherAction, reason: "DECISION-REASON-OVP-3326 the account holder is much older.",
                                question: "", identityQuestion: "", by: manager)

        // Percival: two searches, then he withdrew.
        try logQueries(store, withdrew, at: "2026-03-04 14:00", only: { ["web-name.1", "web-name-town.1"].contains($0) }, adjust: { _, request in
            request.note = "NOTE-PWP-3331 nothing seen."
        })
        try store.withdrawCandidate(withdrew, on: day("2026-03-08"), reason: "WITHDREW-REASON-PWP-3332 accepted a post elsewhere", by: searcher)

        for status in [VacancyStatus.shortlisted, .interviewing] {
            var changes = VacancyChanges()
            changes.status = status
            try store.updateVacancy(old, changes, by: searcher)
        }
        try store.dossier(appointee, templates: TemplateSet.load(), by: manager) { _ in }
        try store.respondToFinding(f1, response: "RESPONSE-ZQP-8858 It was a joke I regret.", conclusion: .furtherChecks,
                                   detail: "CONCLUSION-ZQP-8859 ask the referee about conduct with pupils.", by: panel)
        try store.recordFollowUp(f1, note: "FOLLOWUP-ZQP-8860 the referee had no concerns.", by: panel)
        var appoint = VacancyChanges()
        appoint.appoint = 1
        try store.updateVacancy(old, appoint, by: manager)
        try store.closeVacancy(old, on: day("2026-04-15"), by: searcher)
    }

    private static func buildRecent(_ store: Store, sources: String) throws {
        var post = VacancyDraft(reference: recent, postTitle: "Lunchtime Supervisor")
        post.shortlistingDate = day("2026-05-01")
        post.interviewDate = day("2026-05-20")
        try store.addVacancy(post, by: searcher)
        let rosalind = try addCandidate(store, recent, "Rosalind Keepmeplease", town: "Staywell Hamlet",
                                        email: "rosalind.k@keep-test.example", shortlisted: "2026-05-01", told: ("2026-05-02", .email))
        let barnaby = try addCandidate(store, recent, "Barnaby Stillhere-Keep", shortlisted: "2026-05-01", told: ("2026-05-02", .email))
        try logQueries(store, rosalind, at: "2026-05-05 10:00", only: { $0 == "web-name.1" })
        // The same capture as Ottoline's entry, under another name: the file must outlive her purge.
        let copy = sources + "/" + barnabyEvidenceName
        try sharedEvidenceBytes.write(to: URL(fileURLWithPath: copy))
        try logQueries(store, barnaby, at: "2026-05-05 11:00", only: { $0 == "web-name.1" }, adjust: { _, request in
            request.note = "NOTE-REC-BARNABY-1201 nothing relevant."
            request.evidenceFiles = [copy]
        })
        var appoint = VacancyChanges()
        appoint.status = .shortlisted
        try store.updateVacancy(recent, appoint, by: searcher)
        appoint = VacancyChanges()
        appoint.appoint = 1
        try store.updateVacancy(recent, appoint, by: searcher)
        try store.closeVacancy(recent, on: day("2026-06-20"), by: searcher)
    }

    private static func buildOpenAndHeld(_ store: Store) throws {
        var site = VacancyDraft(reference: open, postTitle: "Site Manager")
        site.interviewDate = day("2026-12-01")
        try store.addVacancy(site, by: searcher)
        let cordelia = try addCandidate(store, open, "Cordelia Openfield-Keep", shortlisted: "2026-11-09", told: ("2026-11-10", .email))
        try logQueries(store, cordelia, at: "2026-11-12 10:00", only: { $0 == "web-name.1" }, adjust: { _, request in
            request.note = "NOTE-OPEN-1301 nothing relevant."
        })

        var bursar = VacancyDraft(reference: held, postTitle: "Bursar")
        bursar.interviewDate = day("2026-02-20")
        try store.addVacancy(bursar, by: searcher)
        let horatio = try addCandidate(store, held, "Horatio Heldback-Keep", shortlisted: "2026-02-01", told: ("2026-02-02", .email))
        try logQueries(store, horatio, at: "2026-02-05 10:00", only: { $0 == "web-name.1" }, adjust: { _, request in
            request.note = "NOTE-HELD-9901 nothing relevant."
        })
        try store.closeVacancy(held, on: day("2026-03-20"), by: searcher)
        try store.holdVacancy(held, reason: holdReason, by: admin)
    }

    // MARK: - Helpers

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @discardableResult
    private static func addCandidate(_ store: Store, _ vacancy: String, _ name: String, otherNames: [String] = [], town: String = "",
                                     employer: String = "", previous: [String] = [], email: String = "", shortlisted: String,
                                     told: (String, NotificationMeans)) throws -> CandidateReference {
        var draft = CandidateDraft(fullName: name)
        draft.otherNames = otherNames
        draft.town = town
        draft.currentEmployer = employer
        draft.previousEmployers = previous
        draft.email = email
        draft.shortlistedOn = day(shortlisted)
        draft.notifiedOn = day(told.0)
        draft.notifiedVia = told.1
        return try store.addCandidate(to: vacancy, draft, by: searcher).reference
    }

    /// Logs the candidate's planned queries (those `only` keeps, in plan order) by the searcher,
    /// 90 seconds apart from `at` (London time): nothing relevant for every third, else no
    /// results, unless `adjust` says otherwise. Returns the entry of each query by its address.
    @discardableResult
    private static func logQueries(_ store: Store, _ candidate: CandidateReference, at: String, only: (String) -> Bool = { _ in true },
                                   adjust: (String, inout SearchLogRequest) -> Void = { _, _ in }) throws -> [String: Int64] {
        let start = try Timestamp.parse(at, field: "fixture")
        let plan = try store.searchProgress(candidate: candidate).progress.steps.flatMap(\.queries)
        var entries: [String: Int64] = [:]
        for (index, query) in plan.enumerated() where only(query.address) {
            var request = SearchLogRequest(candidate: candidate, query: query.address,
                                           outcome: index % 3 == 0 ? .nothingRelevant : .noResults, confirmedPublicOnly: true)
            request.searchedAt = start.addingTimeInterval(Double(index * 90))
            adjust(query.address, &request)
            entries[query.address] = try store.logSearch(request, by: searcher).entry.id
        }
        return entries
    }
}
