import Foundation
@testable import ShortlistKit

// This file is compiled into both test targets (Tests/ShortlistCLITests holds a symlink to it),
// so that the library's golden files and the binary's output are checked on the same data.
// It uses only the library and Foundation, never the helpers of either target.

/// A realistic term of recruitment at one school, built through the library at a fixed instant
/// (Friday 20 November 2026, 10:00 UTC), with fictional people. Every kind of finding, every
/// kind of exception the governors' report lists (but different protocol versions), and a
/// withdrawn candidate. The tests count on exactly what is built here: change it only with them.
///
/// - TA-2026-03, Teaching Assistant (Year 2), interviews 30 November 2026 (still to come):
///   1 Zoë Ødegaard: every search done; findings F1 raised, answered (further checks) and followed up, F2 no further action,
///     F3 protected characteristic, F4 raised then found not to be the candidate, F5 raised with
///     unverified identity (awaiting interview), F6 raised then found to be about a protected
///     characteristic. Complete.
///   2 Łukasz Nowak: 8 of 12 searches, TikTok could not be completed, F1 awaiting decision. Draft.
///   3 Siobhán O'Brien: not told, not searched. Draft.
///   4 Nguyễn Thị Minh: withdrew.
/// - MS-2026-02, Midday Supervisor, interviews 17 November 2026 (held):
///   1 Amara Okoye: complete, F1 raised and answered.
///   2 Dafydd Rhys-Jones: complete, but one search by a panel member (overridden) and one after
///     the interview; F1 raised, no response recorded.
///   3 Ewa Kowalska: searched once before being told (overridden), otherwise not searched.
/// - CL-2026-01, Cleaner, interviews 25 November 2026: search decision "none"; 1 Jo Bloggs.
/// - OF-2026-01, Office Manager, interviews 20 February 2026, closed 1 March 2026 (retention
///   overdue); 1 Chris Doe, never searched.
/// - SM-2027-01, Site Manager, interviews 15 January 2027 (outside 2026); 1 Pat Outofperiod.
enum RecruitmentFixture {
    static let now = Timestamp.parse(iso: "2026-11-20T10:00:00Z")!
    static let admin = "Ann Admin"
    static let searcher = "Sam Searcher"
    static let manager = "Priya Shah"
    /// On both panels, and also a searcher: the searcher-independence exception.
    static let panelSearcher = "Tom Ellis"
    static let governor = "Grace Okafor"

    static let teachingAssistant = "TA-2026-03"
    static let midday = "MS-2026-02"
    static let cleaner = "CL-2026-01"
    static let office = "OF-2026-01"
    static let siteManager = "SM-2027-01"

    /// Text that exists in the records but must never reach a panel document.
    enum Never {
        static let emails = ["zoe.o@example.org", "lukasz.n@example.org", "siobhan.ob@example.org", "minh.nguyen@example.org",
                             "amara.o@example.org", "dafydd.rj@example.org"]
        static let searchNotes = ["Profile set to public; NOTE-MARKER-FB two posts seen.", "NOTE-MARKER-NEWS one old article.",
                                  "NOTE-MARKER-TIKTOK The site asked for a sign-in, so the search stopped there."]
        /// Summaries and questions of findings the panel must not see (and of other vacancies).
        static let findingText = ["NFA-MARKER", "PROTECTED-MARKER", "NTC-MARKER", "NTC-QUESTION-MARKER", "NTC-IDQ-MARKER",
                                  "PROTECTED2-MARKER", "WITHDRAWN-QUESTION-MARKER", "UNDECIDED-MARKER", "RELEVANCE-MARKER",
                                  "REASON-MARKER"]
        static let evidenceName = "screenshot-facebook-post.png"
        static let evidenceBytes = Data("PNG? no: a stand-in for a screenshot of a public post".utf8)
    }

    /// Every candidate's full name, for checks that the governors' report names none.
    static let candidateNames = ["Zoë Ødegaard", "Łukasz Nowak", "Siobhán O'Brien", "Nguyễn Thị Minh", "Amara Okoye",
                                 "Dafydd Rhys-Jones", "Ewa Kowalska", "Jo Bloggs", "Chris Doe", "Pat Outofperiod"]
    /// Every finding summary recorded (current versions), for checks that the report quotes none.
    static let findingSummaries = [
        "calls a previous employer's pupils", "about a school prank", "faith community", "a dentist in Oslo", "videos of fights",
        "pregnancy", "at a protest", "dispute with a neighbour",
    ]

    /// Builds the fixture database at `path` (its folder must exist; the evidence folder goes
    /// beside it) and returns the store. The fixture is built once per test process and copied.
    @discardableResult
    static func build(at path: String) throws -> Store {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let stem = url.deletingPathExtension().lastPathComponent
        for (relative, (data, mode)) in try built.get() {
            let target = folder + "/" + relative.replacingOccurrences(of: "shortlist.sqlite", with: url.lastPathComponent)
                .replacingOccurrences(of: "shortlist-evidence", with: stem + "-evidence")
            let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: target, contents: data, attributes: [.posixPermissions: mode]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        return try Store.open(at: path, clock: { now })
    }

    /// Every file of the fixture (the database, its evidence, the screenshot logged from), by its
    /// path relative to the database's folder, with its permission bits.
    private static let built: Result<[String: (Data, Int)], any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shortlist-fixture-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The store is let go before its files are read, so that its WAL is checkpointed into the file.
        try populate(at: folder + "/shortlist.sqlite")
        var files: [String: (Data, Int)] = [:]
        for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            // A shared-memory index is rebuilt by whoever opens the copy first.
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  !relative.hasSuffix("-shm") else { continue }
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0o600
            files[relative] = (try Data(contentsOf: URL(fileURLWithPath: path)), mode)
        }
        return files
    }

    private static func populate(at path: String) throws {
        let store = try Store.create(at: path, admin: admin, clock: { now })
        try store.addStaff(name: searcher, roles: [.searcher], by: admin)
        try store.addStaff(name: manager, roles: [.recruitingManager, .panel], by: admin)
        try store.addStaff(name: panelSearcher, roles: [.panel, .searcher], by: admin)
        try store.addStaff(name: governor, roles: [.governor], by: admin)
        try buildTeachingAssistant(store, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try buildMidday(store)
        try buildOtherVacancies(store)
    }

    /// What a pack and a dossier add: the TA-2026-03 pack by the searcher, MS-2026-02/1's dossier by the manager.
    static func producePanelDocuments(_ store: Store) throws {
        try store.pack(teachingAssistant, templates: TemplateSet.load(), by: searcher) { _ in }
        try store.dossier(CandidateReference(vacancy: midday, number: 1), templates: TemplateSet.load(), by: manager) { _ in }
    }

    // MARK: - Vacancies

    private static func buildTeachingAssistant(_ store: Store, folder: String) throws {
        var post = VacancyDraft(reference: teachingAssistant, postTitle: "Teaching Assistant (Year 2)")
        post.site = "Riverside Primary School"
        post.closingDate = day("2026-11-06")
        post.shortlistingDate = day("2026-11-13")
        post.interviewDate = day("2026-11-30")
        post.panel = [manager, panelSearcher]
        try store.addVacancy(post, by: searcher)

        let zoe = try addCandidate(store, teachingAssistant, "Zoë Ødegaard", otherNames: ["Zoë Hansen"], town: "Chester",
                                   employer: "Hoole Primary School", previous: ["Little Acorns Nursery"], email: Never.emails[0],
                                   told: ("2026-11-13", .email))
        let lukasz = try addCandidate(store, teachingAssistant, "Łukasz Nowak", otherNames: ["Luke Nowak"], town: "Helsby",
                                      employer: "Riverside Tutoring", email: Never.emails[1], told: ("2026-11-14", .letter))
        try addCandidate(store, teachingAssistant, "Siobhán O'Brien", town: "Frodsham", employer: "Frodsham Leisure Centre",
                         email: Never.emails[2])
        let minh = try addCandidate(store, teachingAssistant, "Nguyễn Thị Minh", town: "Runcorn", employer: "Halton Library Service",
                                    email: Never.emails[3], told: ("2026-11-13", .email))
        try store.withdrawCandidate(minh, on: day("2026-11-17"), reason: "Accepted another post", by: searcher)

        // Zoë: every planned query, the Facebook one with findings, a note and evidence.
        let evidence = folder + "/" + Never.evidenceName
        try Never.evidenceBytes.write(to: URL(fileURLWithPath: evidence))
        let entries = try logQueries(store, zoe, at: "2026-11-16 09:00", adjust: { address, request in
            switch address {
            case "facebook.1":
                request.outcome = .findings
                request.note = Never.searchNotes[0]
                request.addresses = ["https://www.facebook.com/example-public-post"]
                request.evidenceFiles = [evidence]
            case "news.1":
                request.outcome = .nothingRelevant
                request.note = Never.searchNotes[1]
            default: break
            }
        })
        let facebook = [entries["facebook.1"]!]
        var raised = FindingDraft(entries: facebook, summary: "A public post from March 2024 calls a previous employer's pupils \"feral\".",
                                  identity: .confirmed)
        raised.sources = ["https://www.facebook.com/example-public-post"]
        raised.contentDate = day("2024-03-15")
        raised.category = "disparaging"
        raised.identityBasis = "Profile photo and employer match the application."
        raised.relevance = "How a member of staff speaks about pupils in public bears on their conduct with children. RELEVANCE-MARKER"
        let f1 = try store.addFinding(to: zoe, raised, by: searcher).reference
        try store.decideFinding(f1, .raise, reason: "",
                                question: "Can you tell us about how you describe pupils when you talk about your work online?",
                                identityQuestion: "", by: manager)
        try store.respondToFinding(f1, response: "Written after a hard week; the candidate regrets the word and deleted the post.",
                                   conclusion: .furtherChecks, detail: "Ask the Little Acorns Nursery referee about conduct with pupils.",
                                   by: panelSearcher)
        try store.recordFollowUp(f1, note: "The referee confirmed good conduct with pupils throughout.", by: manager)

        var teenage = FindingDraft(entries: facebook, summary: "NFA-MARKER A post from 2015, when the candidate was 16, about a school prank.",
                                   identity: .confirmed)
        teenage.identityBasis = "Same profile as F1."
        teenage.contentDate = day("2015-06-01")
        teenage.category = "other"
        teenage.relevance = "Conduct at school, checked for any risk to children."
        let f2 = try store.addFinding(to: zoe, teenage, by: searcher).reference
        try store.decideFinding(f2, .noFurtherAction, reason: "REASON-MARKER Made as a teenager over ten years ago.",
                                question: "", identityQuestion: "", by: manager)

        var faith = FindingDraft(entries: facebook, summary: "PROTECTED-MARKER Public posts about the candidate's faith community.",
                                 identity: .confirmed)
        faith.identityBasis = "Same profile as F1."
        faith.protectedCharacteristic = true
        try store.addFinding(to: zoe, faith, by: searcher)

        var namesake = FindingDraft(entries: facebook, summary: "NTC-MARKER A news story names a Zoë Ødegaard, a dentist in Oslo.",
                                    identity: .unverified)
        namesake.category = "other"
        namesake.relevance = "Would bear on honesty about employment, if it were the candidate."
        let f4 = try store.addFinding(to: zoe, namesake, by: searcher).reference
        try store.decideFinding(f4, .raise, reason: "", question: "Were you a dentist in Oslo (NTC-QUESTION-MARKER)?",
                                identityQuestion: "Have you lived in Norway (NTC-IDQ-MARKER)?", by: manager)
        try store.decideFinding(f4, .notTheCandidate, reason: "Photo and location do not match.", question: "", identityQuestion: "",
                                by: manager)

        var fights = FindingDraft(entries: facebook, summary: "An account with the same name shares videos of fights.", identity: .unverified)
        fights.category = "violence"
        fights.contentDate = day("2026-05-02")
        fights.relevance = "Sharing violent content would bear on suitability to work with children, if it is theirs."
        let f5 = try store.addFinding(to: zoe, fights, by: searcher).reference
        try store.decideFinding(f5, .raise, reason: "",
                                question: "Is there anything about the videos shared on that account that you would like to tell us about?",
                                identityQuestion: "Do you have a public account on X?", by: manager)

        var pregnancy = FindingDraft(entries: facebook, summary: "PROTECTED2-MARKER A post about the candidate's pregnancy.",
                                     identity: .confirmed)
        pregnancy.identityBasis = "Same profile as F1."
        pregnancy.category = "other"
        pregnancy.relevance = "Recorded in error as conduct."
        let f6 = try store.addFinding(to: zoe, pregnancy, by: searcher).reference
        try store.decideFinding(f6, .raise, reason: "", question: "WITHDRAWN-QUESTION-MARKER: can you tell us about this post?",
                                identityQuestion: "", by: manager)
        var correction = FindingCorrection()
        correction.protectedCharacteristic = true
        try store.updateFinding(f6, correction, by: manager)

        // Łukasz: the first seven queries in plan order and TikTok (could not complete); news has a finding.
        let lukaszEntries = try logQueries(store, lukasz, at: "2026-11-17 14:00", only: { index, address in
            index < 7 || address == "tiktok.1"
        }, adjust: { address, request in
            if address == "news.1" { request.outcome = .findings }
            if address == "tiktok.1" {
                request.outcome = .couldNotComplete
                request.note = Never.searchNotes[2]
            }
        })
        var protest = FindingDraft(entries: [lukaszEntries["news.1"]!], summary: "UNDECIDED-MARKER A 2019 local news report mentions a Luke Nowak at a protest.",
                                   identity: .probable)
        protest.category = "other"
        protest.relevance = "Public conduct, to be decided by the recruiting manager."
        try store.addFinding(to: lukasz, protest, by: searcher)
    }

    private static func buildMidday(_ store: Store) throws {
        var post = VacancyDraft(reference: midday, postTitle: "Midday Supervisor")
        post.site = "Riverside Primary School"
        post.shortlistingDate = day("2026-11-02")
        post.interviewDate = day("2026-11-17")
        post.panel = [manager, panelSearcher]
        try store.addVacancy(post, by: searcher)
        for status in [VacancyStatus.shortlisted, .interviewing] {
            var changes = VacancyChanges()
            changes.status = status
            try store.updateVacancy(midday, changes, by: searcher)
        }
        let amara = try addCandidate(store, midday, "Amara Okoye", town: "Chester", employer: "Chester Zoo", email: Never.emails[4],
                                     shortlisted: "2026-11-02", told: ("2026-11-02", .applicationPack))
        let dafydd = try addCandidate(store, midday, "Dafydd Rhys-Jones", town: "Wrexham", employer: "Wrexham Council",
                                      email: Never.emails[5], shortlisted: "2026-11-02", told: ("2026-11-02", .applicationPack))
        let ewa = try addCandidate(store, midday, "Ewa Kowalska", town: "Chester", employer: "Grosvenor Park Café", shortlisted: "2026-11-02")

        for (candidate, responded) in [(amara, true), (dafydd, false)] {
            let entries = try logQueries(store, candidate, at: "2026-11-10 09:00", only: { _, address in
                candidate != dafydd || !["youtube.1", "linkedin.1"].contains(address)
            }, adjust: { address, request in
                if address == "news.1" { request.outcome = .findings }
            })
            var dispute = FindingDraft(entries: [entries["news.1"]!], summary: "A local news report names the candidate in a dispute with a neighbour.",
                                       identity: .probable)
            dispute.category = "bullying-harassment"
            dispute.contentDate = day("2025-09-20")
            dispute.relevance = "Conduct towards others, explored so the candidate can explain."
            let finding = try store.addFinding(to: candidate, dispute, by: searcher).reference
            try store.decideFinding(finding, .raise, reason: "",
                                    question: "Is there anything about a dispute reported in the local news that you would like to tell us about?",
                                    identityQuestion: "", by: manager)
            if responded {
                try store.respondToFinding(finding, response: "A boundary dispute, settled by mediation.", conclusion: .satisfied,
                                           detail: "", by: manager)
            }
        }
        // Dafydd: YouTube searched by a panel member (overridden), LinkedIn the day after the interview (late).
        var youtube = SearchLogRequest(candidate: dafydd, query: "youtube.1", outcome: .noResults, confirmedPublicOnly: true)
        youtube.searchedAt = try Timestamp.parse("2026-11-10 15:00", field: "fixture")
        youtube.overrideReason = "Sam Searcher was on leave; agreed with the head."
        _ = try store.logSearch(youtube, by: panelSearcher)
        var linkedin = SearchLogRequest(candidate: dafydd, query: "linkedin.1", outcome: .nothingRelevant, confirmedPublicOnly: true)
        linkedin.searchedAt = try Timestamp.parse("2026-11-18 11:00", field: "fixture")
        _ = try store.logSearch(linkedin, by: searcher)
        // Ewa: one search before she was told, overridden.
        var early = SearchLogRequest(candidate: ewa, query: "web-name.1", outcome: .noResults, confirmedPublicOnly: true)
        early.searchedAt = try Timestamp.parse("2026-11-09 16:00", field: "fixture")
        early.overrideReason = "Told verbally at shortlisting; the letter is to follow."
        _ = try store.logSearch(early, by: searcher)
    }

    private static func buildOtherVacancies(_ store: Store) throws {
        var cleaner = VacancyDraft(reference: cleaner, postTitle: "Cleaner")
        cleaner.interviewDate = day("2026-11-25")
        try store.addVacancy(cleaner, by: searcher)
        try addCandidate(store, self.cleaner, "Jo Bloggs", town: "Chester", shortlisted: "2026-11-18")
        _ = try store.decideSearch(self.cleaner, .none, reason: "Internal candidate known to the school; recorded by the head.",
                                   excluded: [], by: manager)

        var office = VacancyDraft(reference: office, postTitle: "Office Manager")
        office.interviewDate = day("2026-02-20")
        try store.addVacancy(office, by: searcher)
        try addCandidate(store, self.office, "Chris Doe", town: "Chester", shortlisted: "2026-02-10")
        try store.closeVacancy(self.office, on: day("2026-03-01"), by: searcher)

        var site = VacancyDraft(reference: siteManager, postTitle: "Site Manager")
        site.interviewDate = day("2027-01-15")
        try store.addVacancy(site, by: searcher)
        try addCandidate(store, siteManager, "Pat Outofperiod", town: "Chester", shortlisted: "2026-11-19")
    }

    // MARK: - Helpers

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @discardableResult
    private static func addCandidate(_ store: Store, _ vacancy: String, _ name: String, otherNames: [String] = [], town: String,
                                     employer: String = "", previous: [String] = [], email: String = "", shortlisted: String = "2026-11-13",
                                     told: (String, NotificationMeans)? = nil) throws -> CandidateReference {
        var draft = CandidateDraft(fullName: name)
        draft.otherNames = otherNames
        draft.town = town
        draft.currentEmployer = employer
        draft.previousEmployers = previous
        draft.email = email
        draft.shortlistedOn = day(shortlisted)
        if let told {
            draft.notifiedOn = day(told.0)
            draft.notifiedVia = told.1
        }
        return try store.addCandidate(to: vacancy, draft, by: searcher).reference
    }

    /// Logs the candidate's planned queries (those `only` keeps, in plan order) by the searcher,
    /// 90 seconds apart from `at` (London time): nothing relevant for every third, else no results,
    /// unless `adjust` says otherwise. Returns the entry of each query by its address.
    @discardableResult
    private static func logQueries(_ store: Store, _ candidate: CandidateReference, at: String,
                                   only: (Int, String) -> Bool = { _, _ in true },
                                   adjust: (String, inout SearchLogRequest) -> Void = { _, _ in }) throws -> [String: Int64] {
        let start = try Timestamp.parse(at, field: "fixture")
        let plan = try store.searchProgress(candidate: candidate).progress.steps.flatMap(\.queries)
        var entries: [String: Int64] = [:]
        for (index, query) in plan.enumerated() where only(index, query.address) {
            var request = SearchLogRequest(candidate: candidate, query: query.address,
                                           outcome: index % 3 == 0 ? .nothingRelevant : .noResults, confirmedPublicOnly: true)
            request.searchedAt = start.addingTimeInterval(Double(index * 90))
            adjust(query.address, &request)
            entries[query.address] = try store.logSearch(request, by: searcher).entry.id
        }
        return entries
    }
}
