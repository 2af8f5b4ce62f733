import Foundation
import ShortlistKit

/// SplitMix64: a small, fast, seedable generator, so every run makes the same data.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The two sizes the benchmark measures.
enum Scale: String, CaseIterable {
    /// One school: 40 vacancies, 200 candidates.
    case school
    /// A trust of 50 schools over six years: 6,000 vacancies, 30,000 candidates.
    case trust

    var schools: Int { self == .school ? 1 : 50 }
    var years: Int { self == .school ? 2 : 6 }
    var vacanciesPerSchoolYear: Int { self == .school ? 20 : 20 }
}

/// What the generator made, for the benchmark to address.
struct GeneratedData {
    /// A vacancy still recruiting, with 5 candidates: for `status` and `dossier`.
    var openVacancy: String
    /// A vacancy still recruiting, with 10 candidates: for `pack`.
    var packVacancy: String
    /// The searcher of the first school, who may produce documents.
    var searcher: String
    /// The governor of the first school, for the report.
    var governor: String
    /// The school year the report covers.
    var reportFrom: Day
    var reportTo: Day
}

/// Makes realistic fictional recruitment records through ShortlistKit's own operations, one
/// vacancy per transaction (`Store.batch`), so the data is valid in every respect: rules,
/// versions and the audit chain.
struct TrustGenerator {
    let scale: Scale
    var random = SeededGenerator(seed: 20_260_901)
    /// The day the data ends: recruitment runs over the years before it.
    let today: Day

    static let firstNames = ["Amara", "Ben", "Chloe", "Dafydd", "Ella", "Farah", "George", "Hana", "Isaac", "Jade", "Kofi", "Laila",
                             "Mason", "Niamh", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tomasz", "Una", "Victor", "Wen", "Yusuf",
                             "Zoë", "Łukasz", "Siobhán", "Nguyễn", "Aoife", "Bartosz"]
    static let lastNames = ["Okoye", "Parry", "Shah", "Ellis", "Morgan", "O'Brien", "Nowak", "Ødegaard", "Hughes", "Khan", "Zieliński",
                            "Rhys-Jones", "Murphy", "Patel", "Evans", "Begum", "Walsh", "Kowalski", "Thompson", "Ahmed", "Jones",
                            "Fernández", "Byrne", "Smith", "Nwosu", "Ali", "Roberts", "Doyle", "Chen", "Williams"]
    static let towns = ["Chester", "Frodsham", "Helsby", "Runcorn", "Widnes", "Ellesmere Port", "Northwich", "Warrington", "Crewe",
                        "Wrexham", "Neston", "Tarporley"]
    static let employers = ["Hoole Primary School", "Cheshire West Council", "Little Acorns Nursery", "Frodsham Leisure Centre",
                            "St Mary's RC Primary", "Halton Library Service", "Chester Zoo", "Riverside Tutoring", "Tesco",
                            "NHS Cheshire and Merseyside", "Elm Tree Café", "Mersey Academy Trust", "Wrexham Council"]
    static let posts = ["Teaching Assistant", "Class Teacher", "Midday Supervisor", "Cleaner", "Office Manager", "SENCo",
                        "Caretaker", "Cook", "Deputy Headteacher", "Learning Mentor"]

    init(scale: Scale, today: Day) {
        self.scale = scale
        self.today = today
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    private mutating func chance(_ percent: Int) -> Bool { random.next() % 100 < UInt64(percent) }

    /// The references the generator gives the vacancies the benchmark addresses (known in advance:
    /// the data is deterministic).
    func plannedData() -> GeneratedData {
        let perSchool = scale.years * scale.vacanciesPerSchoolYear
        let start = today.adding(months: -12 * scale.years)
        func reference(_ index: Int) -> String {
            let shortlisting = start.adding(days: index * 365 * scale.years / perSchool)
            return "S1-\(shortlisting.year)-\(String(format: "%03d", index + 1))"
        }
        let year = today.month >= 9 ? today.year - 1 : today.year - 2
        let name = { (n: Int) in "\(TrustGenerator.firstNames[n % 30]) \(TrustGenerator.lastNames[(n / 30 + n) % 30]) (school 1)" }
        return GeneratedData(openVacancy: reference(perSchool - 2), packVacancy: reference(perSchool - 1), searcher: name(0), governor: name(4),
                             reportFrom: Day(year: year, month: 9, day: 1)!, reportTo: Day(year: year + 1, month: 8, day: 31)!)
    }

    /// Generates everything into a new database at `path`.
    mutating func generate(at path: String, progress: (String) -> Void) throws -> GeneratedData {
        let admin = "Trust Admin"
        let store = try Store.create(at: path, admin: admin, roles: [], clock: { [today] in today.adding(days: 0).start.addingTimeInterval(17 * 3600) })
        var staff: [(searcher: String, manager: String, panel: [String], governor: String)] = []
        try store.batch { store in
            for school in 0..<scale.schools {
                func name(_ role: Int) -> String {
                    let n = school * 5 + role
                    return "\(TrustGenerator.firstNames[n % 30]) \(TrustGenerator.lastNames[(n / 30 + n) % 30]) (school \(school + 1))"
                }
                let team = (searcher: name(0), manager: name(1), panel: [name(2), name(3)], governor: name(4))
                try store.addStaff(name: team.searcher, roles: [.searcher], by: admin)
                try store.addStaff(name: team.manager, roles: [.recruitingManager, .panel], by: admin)
                for member in team.panel { try store.addStaff(name: member, roles: [.panel], by: admin) }
                try store.addStaff(name: team.governor, roles: [.governor], by: admin)
                staff.append(team)
            }
        }
        let perSchool = scale.years * scale.vacanciesPerSchoolYear
        let start = today.adding(months: -12 * scale.years)
        var openVacancy = "", packVacancy = ""
        for index in 0..<perSchool {
            for school in 0..<scale.schools {
                // Spread each school's vacancies evenly over the years; the last two are still recruiting.
                let shortlisting = start.adding(days: index * 365 * scale.years / perSchool + school % 7)
                let open = index >= perSchool - 2
                let reference = "S\(school + 1)-\(shortlisting.year)-\(String(format: "%03d", index + 1))"
                let candidates = open && index == perSchool - 1 ? 10 : 5
                try store.batch { store in
                    try addVacancy(store, reference: reference, team: staff[school], shortlisting: open ? today.adding(days: -6) : shortlisting,
                                   candidates: candidates, open: open)
                }
                if school == 0 && open { if candidates == 10 { packVacancy = reference } else { openVacancy = reference } }
            }
            if index % 10 == 9 { progress("\(index + 1) of \(perSchool) vacancies per school") }
        }
        let data = plannedData()
        precondition(data.openVacancy == openVacancy && data.packVacancy == packVacancy, "plannedData() no longer matches generate()")
        return data
    }

    private mutating func addVacancy(_ store: Store, reference: String, team: (searcher: String, manager: String, panel: [String], governor: String),
                                      shortlisting: Day, candidates count: Int, open: Bool) throws {
        var post = VacancyDraft(reference: reference, postTitle: pick(TrustGenerator.posts))
        post.site = "School \(reference.split(separator: "-")[0].dropFirst())"
        post.closingDate = shortlisting.adding(days: -7)
        post.shortlistingDate = shortlisting
        post.interviewDate = shortlisting.adding(days: 14)
        post.panel = [team.manager] + team.panel
        try store.addVacancy(post, by: team.searcher)
        var status = VacancyChanges()
        status.status = .shortlisted
        try store.updateVacancy(reference, status, by: team.searcher)
        let searchedAt = shortlisting.adding(days: 3).start.addingTimeInterval(10 * 3600)
        for _ in 0..<count {
            var draft = CandidateDraft(fullName: "\(pick(TrustGenerator.firstNames)) \(pick(TrustGenerator.lastNames))")
            if chance(30) { draft.otherNames = ["\(pick(TrustGenerator.firstNames)) \(pick(TrustGenerator.lastNames))"] }
            if chance(8) { draft.otherNames.append("\(pick(TrustGenerator.firstNames)) \(pick(TrustGenerator.lastNames))") }
            draft.town = pick(TrustGenerator.towns)
            draft.currentEmployer = pick(TrustGenerator.employers)
            draft.previousEmployers = (0..<Int(random.next() % 3)).map { _ in pick(TrustGenerator.employers) }
                .filter { $0 != draft.currentEmployer }
            draft.email = "candidate\(random.next() % 1_000_000)@example.org"
            draft.shortlistedOn = shortlisting
            draft.notifiedOn = shortlisting
            draft.notifiedVia = chance(70) ? .email : .applicationPack
            let candidate = try store.addCandidate(to: reference, draft, by: team.searcher)
            let plan = try store.searchProgress(candidate: candidate.reference).progress.steps.flatMap(\.queries)
            var findingEntries: [Int64] = []
            for (position, query) in plan.enumerated() {
                let roll = random.next() % 1000
                let outcome: SearchOutcome = roll < 52 ? .findings : roll < 60 ? .couldNotComplete : roll < 400 ? .nothingRelevant : .noResults
                var request = SearchLogRequest(candidate: candidate.reference, query: query.address, outcome: outcome, confirmedPublicOnly: true)
                request.searchedAt = min(searchedAt.addingTimeInterval(Double(position * 120)), today.start)
                if outcome == .couldNotComplete { request.note = "The site asked for a sign-in." }
                if outcome == .nothingRelevant || outcome == .findings { request.addresses = ["https://www.example.org/\(random.next() % 100_000)"] }
                let logged = try store.logSearch(request, by: team.searcher)
                if outcome == .findings { findingEntries.append(logged.entry.id) }
            }
            for entry in findingEntries {
                var finding = FindingDraft(entries: [entry], summary: "A public post that may need exploring at interview.",
                                           identity: chance(60) ? .confirmed : chance(50) ? .probable : .unverified)
                finding.identityBasis = finding.identity == .confirmed ? "Photo and employer match the application." : ""
                finding.protectedCharacteristic = chance(5)
                finding.category = finding.protectedCharacteristic ? nil : pick(["disparaging", "other", "application-inconsistency",
                                                                                "bullying-harassment", "drugs-alcohol", "confidentiality"])
                finding.relevance = finding.protectedCharacteristic ? "" : "Conduct that may bear on working with children."
                finding.contentDate = shortlisting.adding(months: -Int(random.next() % 60) - 1)
                let added = try store.addFinding(to: candidate.reference, finding, by: team.searcher)
                if finding.protectedCharacteristic { continue }
                if chance(40) {
                    try store.decideFinding(added.reference, .raise, reason: "", question: "Can you tell us about this post?",
                                            identityQuestion: finding.identity == .unverified ? "Is this account yours?" : "", by: team.manager)
                    if !open {
                        try store.respondToFinding(added.reference, response: "The candidate explained the context.",
                                                   conclusion: chance(85) ? .satisfied : .furtherChecks,
                                                   detail: "Ask the previous employer for a second reference.", by: team.manager)
                    }
                } else if !open {
                    try store.decideFinding(added.reference, chance(70) ? .noFurtherAction : .notTheCandidate,
                                            reason: "Not relevant to the post on review.", question: "", identityQuestion: "", by: team.manager)
                }
            }
        }
        try store.pack(reference, templates: TemplateSet.load(), by: team.searcher) { _ in }
        guard !open else { return }
        status = VacancyChanges()
        status.status = .interviewing
        try store.updateVacancy(reference, status, by: team.searcher)
        var appoint = VacancyChanges()
        appoint.appoint = Int(random.next() % UInt64(count)) + 1
        try store.updateVacancy(reference, appoint, by: team.searcher)
        // Closed, and the close recorded, a month after shortlisting: as it would have been.
        let closedOn = shortlisting.adding(days: 30)
        try store.stopped(at: closedOn.start.addingTimeInterval(17 * 3600)).closeVacancy(reference, on: closedOn, by: team.searcher)
    }
}
