import Foundation

/// Builds a demonstration database of fictional people, to try the tool on.
public enum Demo {
    /// The school business manager who searches; the demo's commands act as her.
    public static let searcher = "Alex Morgan"

    /// Creates (or recreates) the demonstration database `shortlist.sqlite` in `folder` and
    /// returns what it made, as lines for a person to read.
    public static func build(in folder: String, clock: @escaping @Sendable () -> Date) throws(ShortlistError) -> [String] {
        // Paths as given (not made absolute), so what the demo prints is the same on every machine.
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + "shortlist.sqlite"
        if FileManager.default.fileExists(atPath: path) {
            let existing = try Store.open(at: path, clock: clock)
            guard try existing.setting("demo") == "yes" else {
                throw .notAllowed(record: path, reason: "a database that is not a demonstration is already there",
                                  remedy: "Choose another folder with --dir.")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let store = try Store.create(at: path, admin: searcher, roles: [.searcher], clock: clock)
            return try store.batch { batch in try populate(batch) }
        } catch {
            // A demonstration half made is no demonstration: leave nothing behind.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try? FileManager.default.removeItem(atPath: EvidenceFolder(databasePath: path).path)
            throw error
        }
    }

    private static func populate(_ store: Store) throws(ShortlistError) -> [String] {
        let clock = store.clock
        let path = store.path
        try store.setSetting("demo", to: "yes", by: searcher)
        // What letters to candidates say of the (fictional) school.
        try store.setSchoolSetting(.schoolName, to: "Riverside Primary School", by: searcher)
        try store.setSchoolSetting(.privacyContact, to: "Jo Patel, School Business Manager (office@riverside.example.sch.uk)", by: searcher)
        try store.setSchoolSetting(.schoolEmail, to: "office@riverside.example.sch.uk", by: searcher)
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
        let interviewed = try addInterviewedVacancy(store, today: today)
        lines.append("Staff: \(searcher) (admin, searcher), Priya Shah (recruiting manager, panel), Tom Ellis (panel), Grace Okafor (governor).")
        lines.append("Vacancy \(vacancy.reference): \(vacancy.postTitle), interviews on \(post.interviewDate!.uk), \(people.count) candidates shortlisted.")
        let progress = try store.searchProgress(vacancy: vacancy.reference)[0].candidates
        lines.append("Searches logged: " + progress.map { "\($0.candidate.reference) \($0.doneQueries)/\($0.plannedQueries)" }
            .joined(separator: ", ") + " (\(progress.last!.candidate.reference) has not been told of searches yet).")
        lines.append("Findings: raised, no further action, about a protected characteristic (never shown to the panel), awaiting decision.")
        lines.append("Vacancy \(interviewed): interviews held 3 days ago; one finding answered, one awaiting the candidate's response.")
        let closed = try addClosedVacancy(store, today: today)
        lines.append("Vacancy \(closed.reference): closed on \(closed.closedOn!.uk); its candidates' personal data is now due for purge.")
        let folder = String(path.dropLast("shortlist.sqlite".count)) + "pack"
        let written = try store.writePack(vacancy.reference, to: folder, force: true, templates: TemplateSet.load(), by: searcher)
        lines.append("Interview pack for \(vacancy.reference): \(written.folder)/index.md and \(written.dossiers) dossiers beside it.")
        return lines
    }
}

extension Demo {
    /// Logs searches: the first candidate complete, the second half done, the third with one that
    /// could not be completed; the fourth, not yet told, none. Then records findings in each state.
    private static func logDemoSearches(_ store: Store, vacancy: String, today: Day) throws(ShortlistError) {
        let at = try Timestamp.parse(today.adding(days: -2).iso + " 10:00", field: "demo")
        let first = try logQueries(store, CandidateReference(vacancy: vacancy, number: 1), at: at) { $0 == "facebook.1" ? .findings : nil }
        try logQueries(store, CandidateReference(vacancy: vacancy, number: 2), at: at, share: 0.5)
        try logQueries(store, CandidateReference(vacancy: vacancy, number: 3), at: at, share: 0.84) { $0 == "tiktok.1" ? .couldNotComplete : nil }
        let candidate = CandidateReference(vacancy: vacancy, number: 1)
        var draft = FindingDraft(entries: [first["facebook.1"]!], summary: "A public post from March 2024 calls a previous employer's pupils \"feral\".",
                                 identity: .confirmed)
        draft.sources = ["https://www.facebook.com/example-public-post"]
        draft.contentDate = today.adding(months: -32)
        draft.category = "disparaging"
        draft.identityBasis = "Profile photo and employer match the application."
        draft.relevance = "How a member of staff speaks about pupils in public bears on their conduct with children."
        let raised = try store.addFinding(to: candidate, draft, by: searcher)
        try store.decideFinding(raised.reference, .raise, reason: "", question: "Can you tell us about how you describe pupils when you talk about your work online?",
                                identityQuestion: "", by: "Priya Shah")
        draft.summary = "A post from 2015, when the candidate was 16, about a school prank."
        draft.contentDate = today.adding(months: -130)
        draft.category = "other"
        draft.relevance = "Conduct at school, checked for any risk to children."
        let teenage = try store.addFinding(to: candidate, draft, by: searcher)
        try store.decideFinding(teenage.reference, .noFurtherAction, reason: "Made as a teenager over ten years ago; no bearing on the post.",
                                question: "", identityQuestion: "", by: "Priya Shah")
        var protected = FindingDraft(entries: [first["facebook.1"]!], summary: "Public posts about the candidate's faith community.", identity: .confirmed)
        protected.identityBasis = "Same profile as the first finding."
        protected.protectedCharacteristic = true
        try store.addFinding(to: candidate, protected, by: searcher)
        let third = try store.searchHistory(CandidateReference(vacancy: vacancy, number: 3)).first { $0.stepKey == "x" }!
        var unverified = FindingDraft(entries: [third.id], summary: "An account with the same name shares videos of fights.", identity: .unverified)
        unverified.category = "violence"
        unverified.relevance = "Sharing violent content would bear on suitability to work with children, if it is theirs."
        try store.addFinding(to: CandidateReference(vacancy: vacancy, number: 3), unverified, by: searcher)
    }

    /// Moves a new vacancy on to interviewing, through shortlisted as a school would.
    private static func moveToInterviewing(_ store: Store, _ reference: String) throws(ShortlistError) {
        for status in [VacancyStatus.shortlisted, .interviewing] {
            var changes = VacancyChanges()
            changes.status = status
            try store.updateVacancy(reference, changes, by: searcher)
        }
    }

    /// A vacancy that closed seven months ago, with one candidate appointed: past its retention date.
    private static func addClosedVacancy(_ store: Store, today: Day) throws(ShortlistError) -> Vacancy {
        var post = VacancyDraft(reference: "CL-2026-01", postTitle: "Cleaner")
        post.site = "Riverside Primary School"
        post.shortlistingDate = today.adding(months: -9)
        post.interviewDate = today.adding(months: -9).adding(days: 10)
        post.panel = ["Priya Shah"]
        try store.addVacancy(post, by: searcher)
        let at = try Timestamp.parse(today.adding(months: -9).adding(days: 3).iso + " 11:00", field: "demo")
        for name in ["Gwen Parry", "Tomasz Zieliński"] {
            var draft = CandidateDraft(fullName: name)
            draft.town = "Helsby"
            draft.shortlistedOn = post.shortlistingDate
            draft.notifiedOn = post.shortlistingDate
            draft.notifiedVia = .letter
            let candidate = try store.addCandidate(to: post.reference, draft, by: searcher)
            try logQueries(store, candidate.reference, at: at)
        }
        try moveToInterviewing(store, post.reference)
        var appoint = VacancyChanges()
        appoint.appoint = 1
        try store.updateVacancy(post.reference, appoint, by: searcher)
        // Closed, and the close recorded, seven months ago.
        let closedOn = today.adding(months: -7)
        return try store.stopped(at: try Timestamp.parse(closedOn.iso + " 17:00", field: "demo"))
            .closeVacancy(post.reference, on: closedOn, by: searcher)
    }

    /// A second vacancy whose interviews took place three days ago: one raised finding answered,
    /// one still awaiting the candidate's response.
    private static func addInterviewedVacancy(_ store: Store, today: Day) throws(ShortlistError) -> String {
        var post = VacancyDraft(reference: "MS-2026-02", postTitle: "Midday Supervisor")
        post.site = "Riverside Primary School"
        post.shortlistingDate = today.adding(days: -20)
        post.interviewDate = today.adding(days: -3)
        post.panel = ["Priya Shah", "Tom Ellis"]
        try store.addVacancy(post, by: searcher)
        try moveToInterviewing(store, post.reference)
        let at = try Timestamp.parse(today.adding(days: -10).iso + " 09:00", field: "demo")
        for (name, town, employer) in [("Amara Okoye", "Chester", "Chester Zoo"), ("Dafydd Rhys-Jones", "Wrexham", "Wrexham Council")] {
            var draft = CandidateDraft(fullName: name)
            draft.town = town
            draft.currentEmployer = employer
            draft.shortlistedOn = post.shortlistingDate
            draft.notifiedOn = post.shortlistingDate
            draft.notifiedVia = .applicationPack
            let candidate = try store.addCandidate(to: post.reference, draft, by: searcher)
            let entries = try logQueries(store, candidate.reference, at: at) { $0 == "news.1" ? .findings : nil }
            var finding = FindingDraft(entries: [entries["news.1"]!], summary: "A local news report names the candidate in a dispute with a neighbour.",
                                       identity: .probable)
            finding.category = "bullying-harassment"
            finding.contentDate = today.adding(months: -14)
            finding.relevance = "Conduct towards others, explored so the candidate can explain."
            let added = try store.addFinding(to: candidate.reference, finding, by: searcher)
            try store.decideFinding(added.reference, .raise, reason: "",
                                    question: "Is there anything about a dispute reported in the local news that you would like to tell us about?",
                                    identityQuestion: "", by: "Priya Shah")
            if candidate.reference.number == 1 {
                try store.respondToFinding(added.reference, response: "A boundary dispute, settled by mediation; no police involvement.",
                                           conclusion: .satisfied, detail: "", by: "Tom Ellis")
            }
        }
        return post.reference
    }

    /// Logs a share of a candidate's planned queries (in plan order), with the outcome `special`
    /// gives for a query (else nothing relevant or no results), and returns the entry of each query.
    @discardableResult
    private static func logQueries(_ store: Store, _ reference: CandidateReference, at: Date, share: Double = 1,
                                   special: (String) -> SearchOutcome? = { _ in nil }) throws(ShortlistError) -> [String: Int64] {
        let plan = try store.searchProgress(candidate: reference).progress.steps.flatMap(\.queries)
        var entries: [String: Int64] = [:]
        for (index, query) in plan.prefix(Int((Double(plan.count) * share).rounded())).enumerated() {
            let outcome = special(query.address) ?? (index % 3 == 0 ? .nothingRelevant : .noResults)
            var request = SearchLogRequest(candidate: reference, query: query.address, outcome: outcome, confirmedPublicOnly: true)
            request.searchedAt = at.addingTimeInterval(Double(index * 90 + reference.number * 3600))
            if outcome == .couldNotComplete { request.note = "The site asked for a sign-in, so the search stopped there; search again." }
            if outcome != .noResults { request.addresses = ["https://www.example.org/result-\(reference.number)-\(index + 1)"] }
            entries[query.address] = try store.logSearch(request, by: searcher).entry.id
        }
        return entries
    }
}
