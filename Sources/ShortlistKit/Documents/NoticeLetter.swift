import Foundation

/// The notice to a shortlisted candidate that online searches may be done, as the templates
/// `letters/notice.text` and `letters/notice.html` see it. Every fact comes from the record: the
/// vacancy and its protocol, the school's settings and the retention policy.
struct NoticeModel {
    struct Source {
        var label: String
    }

    var school_name: String
    var contact: String
    var lawful_basis: String
    var candidate_name: String
    var candidate_reference: String
    var vacancy: String
    var post_title: String
    var site: String?
    var kcsie_edition: String
    var look_back_years: Int
    var retention_months: Int
    var date: String
    var interview_date: String?
    var sources: [Source]
    var uses_other_names: Bool
    var uses_employers: Bool
    var uses_town: Bool

    init(_ source: NoticeSource, candidate: Candidate) {
        let queries = source.steps.flatMap(\.queries).joined(separator: " ")
        school_name = source.school.name
        contact = source.school.contact
        lawful_basis = source.school.lawfulBasis
        candidate_name = candidate.fullName
        candidate_reference = candidate.reference.description
        vacancy = source.vacancy.reference
        post_title = source.vacancy.postTitle
        site = source.vacancy.site.isEmpty ? nil : source.vacancy.site
        kcsie_edition = source.vacancy.kcsieEdition
        look_back_years = source.vacancy.lookBackYears
        retention_months = source.school.retentionMonths
        date = source.today.uk
        interview_date = source.vacancy.interviewDate?.uk
        sources = source.steps.map { Source(label: $0.label) }
        uses_other_names = queries.contains("{other_name}")
        uses_employers = queries.contains("{employer}")
        uses_town = queries.contains("{town}")
    }
}

/// One candidate's notice as written: the file's name and bytes, and what is recorded of it.
public struct RenderedNotice: Sendable {
    public var candidate: Candidate
    /// `TA-2026-03-2-notice.eml`.
    public var fileName: String
    public var content: String
    public var record: NoticeToRecord
}

extension NoticeSource {
    /// The subject of a notice sent by email.
    func subject() -> String {
        "Online searches before your interview: \(vacancy.postTitle) (\(vacancy.reference))"
    }

    /// Renders each candidate's notice in `format` (text, html or eml) from the school's templates. Refuses
    /// when the settings a notice needs are not set, or an emailed notice lacks the candidate's address.
    public func render(_ format: CandidateNotice.Format, templates: TemplateSet, now: Date) throws(ShortlistError) -> [RenderedNotice] {
        try school.requireLetterSettings(for: "notice", email: format == .eml)
        let template = format == .html ? "letters/notice.html" : "letters/notice.text"
        guard let fingerprint = templates.fingerprints[template] else {
            throw .template(file: template + ".mustache", line: 1, reason: "there is no such template")
        }
        if format == .eml, let missing = candidates.first(where: { $0.email.isEmpty }) {
            throw .missingValues(record: missing.reference.description, fields: ["email"],
                                 hints: ["shortlist candidate update \(missing.reference) --email ADDRESS, or write the notice as text or html to post"])
        }
        return try candidates.map { (candidate) throws(ShortlistError) in
            let body = try templates.render(NoticeModel(self, candidate: candidate), template: template)
            let content: String
            if format == .eml {
                let domain = school.email.split(separator: "@").last.map(String.init) ?? "localhost"
                content = EmailMessage(fromName: school.name, fromAddress: school.email, toName: candidate.fullName, toAddress: candidate.email,
                                       subject: subject(), body: body, date: now,
                                       messageID: "notice-\(DownloadName.safe(candidate.reference.description))-\(Digest.sha256(body).prefix(16))@\(domain)")
                    .text
            } else {
                content = body
            }
            let name = "\(DownloadName.safe(candidate.reference.vacancy))-\(candidate.reference.number)-notice.\(format == .text ? "txt" : format.rawValue)"
            return RenderedNotice(candidate: candidate, fileName: name, content: content,
                                  record: NoticeToRecord(candidate: candidate.reference, text: content, format: format, templateSHA256: fingerprint))
        }
    }
}
