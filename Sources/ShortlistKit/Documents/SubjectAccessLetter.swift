import Foundation

/// The reply to a candidate's subject access request (UK GDPR Article 15), as the templates
/// `letters/subject-access.text` and `letters/subject-access.html` see it: every fact from the record
/// (`CandidateHeld`), the fixed wording in the templates.
struct SubjectAccessLetter {
    struct Detail { var label: String; var value: String }
    struct Notice { var sent_on: String; var via: String; var version: String; var text: String }
    struct Search {
        var date: String
        var source: String
        var kind: String
        var query: String
        var outcome: String
        var status: String?
    }
    struct FindingLine {
        var reference: String
        var summary: String
        var category: String?
        var content_date: String?
        var decision: String
        var question: String?
        var response: String?
        var conclusion: String?
        /// A finding about a protected characteristic: theirs to see, never the panel's.
        var protected: Bool
    }
    struct Document { var kind: String; var produced_at: String; var produced_by: String }
    struct EvidenceLine { var name: String; var sha256: String; var bytes: Int }

    var school_name: String
    var contact: String
    var lawful_basis: String
    var date: String
    var candidate_name: String
    var reference: String
    var vacancy: String
    var post_title: String
    var kcsie_edition: String
    var details: [Detail]
    var notices: [Notice]
    var searches: [Search]
    var findings: [FindingLine]
    var documents: [Document]
    var evidence: [EvidenceLine]
    var has_notices: Bool
    var has_searches: Bool
    var has_findings: Bool
    var has_documents: Bool
    var has_evidence: Bool
    var searchers: String
    var panel: String
    var retention: String
    var retention_months: Int

    init(_ held: CandidateHeld, documents: [Document], evidence: [EvidenceLine]) {
        let c = held.candidate, v = held.vacancy
        school_name = held.school.name.isEmpty ? "The school" : held.school.name
        contact = held.school.contact.isEmpty ? "the school office" : held.school.contact
        lawful_basis = held.school.lawfulBasis
        date = Day(Timestamp.parse(iso: held.exportedAt) ?? Date()).uk
        candidate_name = c.fullName.isEmpty ? "Candidate \(held.reference)" : c.fullName
        reference = held.reference.description
        vacancy = v.reference
        post_title = v.postTitle
        kcsie_edition = v.kcsieEdition
        details = SubjectAccessLetter.details(c)
        notices = held.notices.map { n in
            Notice(sent_on: n.sentOn.uk, via: n.via.rawValue.replacingOccurrences(of: "-", with: " "), version: n.version,
                   text: n.format == .eml ? EmailMessage.body(of: n.text) ?? n.text : n.text)
        }
        searches = SubjectAccessLetter.searches(held)
        findings = held.findings.map(SubjectAccessLetter.finding)
        self.documents = documents
        self.evidence = evidence
        has_notices = !notices.isEmpty
        has_searches = !searches.isEmpty
        has_findings = !findings.isEmpty
        has_documents = !documents.isEmpty
        has_evidence = !evidence.isEmpty
        searchers = Set(held.entries.map(\.searcher)).sorted().joined(separator: ", ")
        panel = v.panel.joined(separator: ", ")
        retention_months = held.school.retentionMonths
        retention = SubjectAccessLetter.retention(held)
    }

    private static func details(_ c: Candidate) -> [Detail] {
        var details = [Detail(label: "Name", value: c.fullName)]
        if !c.otherNames.isEmpty { details.append(Detail(label: "Other names", value: c.otherNames.joined(separator: ", "))) }
        if !c.town.isEmpty { details.append(Detail(label: "Town or area", value: c.town)) }
        if !c.currentEmployer.isEmpty { details.append(Detail(label: "Current employer", value: c.currentEmployer)) }
        if !c.previousEmployers.isEmpty { details.append(Detail(label: "Previous employers", value: c.previousEmployers.joined(separator: ", "))) }
        if !c.email.isEmpty { details.append(Detail(label: "Email address", value: c.email)) }
        details.append(Detail(label: "Shortlisted on", value: c.shortlistedOn.uk))
        details.append(Detail(label: "Told of online searches", value: c.notifiedOn.map { d in
            "\(d.uk)" + (c.notifiedVia.map { " (\($0.rawValue.replacingOccurrences(of: "-", with: " ")))" } ?? "")
        } ?? "not recorded"))
        details.append(Detail(label: "Outcome", value: c.outcome.rawValue))
        if let purged = c.purgedOn { details.append(Detail(label: "Reduced under the retention policy on", value: purged.uk)) }
        return details
    }

    private static func searches(_ held: CandidateHeld) -> [Search] {
        let steps = Dictionary(held.steps.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return held.entries.map { e in
            let step = steps[e.stepKey]
            let kind = switch step?.kind {
            case .searchEngine: "web search"
            case .news: "news search"
            case .platform: "public profile search"
            case nil: "search"
            }
            return Search(date: Timestamp.ukDay(iso: e.searchedAt), source: step?.label ?? e.stepKey, kind: kind, query: e.query,
                          outcome: e.outcome.rawValue.replacingOccurrences(of: "-", with: " "),
                          status: e.state == .current ? nil : e.state == .superseded ? "replaced by a later search of the same query"
                              : "withdrawn as a mistake" + (e.withdrawnReason.map { ": \($0)" } ?? ""))
        }
    }

    private static func finding(_ f: Finding) -> FindingLine {
        let v = f.current
        let nonEmpty = { (text: String) in text.isEmpty ? nil : text }
        return FindingLine(
            reference: f.reference.description, summary: v.summary, category: v.category, content_date: v.contentDate?.uk,
            decision: v.decision.map { d in
                switch d {
                case .raise: "raised with you at interview"
                case .noFurtherAction: "no further action"
                case .notTheCandidate: "found not to be about you"
                }
            } ?? (v.protectedCharacteristic ? "not passed to the interview panel" : "awaiting a decision"),
            question: nonEmpty(v.question), response: nonEmpty(v.response),
            conclusion: v.conclusion.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") + (v.conclusionDetail.isEmpty ? "" : ": " + v.conclusionDetail) },
            protected: f.versions.contains(where: \.protectedCharacteristic))
    }

    private static func retention(_ held: CandidateHeld) -> String {
        let months = held.school.retentionMonths, v = held.vacancy
        if v.holdReason != nil { return "The vacancy is held from deletion for now (for example, because of a claim); we keep the record whole until the hold is lifted, and then delete it as below." }
        guard let due = v.purgeDue(retentionMonths: months) else {
            return "The vacancy is not yet closed. Your record is deleted \(months) months after it closes, or, if you are appointed, reduced to a note that the search was done."
        }
        return held.candidate.outcome == .appointed
            ? "As the person appointed, your search record is reduced on \(due.uk) to a note that the search was completed, when, by whom and its outcome."
            : "Your record is due for deletion on \(due.uk), \(months) months after the vacancy closed."
    }
}
