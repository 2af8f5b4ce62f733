import Foundation

/// What letters to candidates say of the school, from its settings.
public struct LetterSchool: Equatable, Sendable {
    public var name: String
    /// Whom candidates contact about their data.
    public var contact: String
    /// The address notices are sent from.
    public var email: String
    public var lawfulBasis: String
    /// Months after a vacancy closes when unsuccessful candidates' data is deleted.
    public var retentionMonths: Int

    public init(name: String, contact: String, email: String, lawfulBasis: String, retentionMonths: Int) {
        self.name = name
        self.contact = contact
        self.email = email
        self.lawfulBasis = lawfulBasis
        self.retentionMonths = retentionMonths
    }

    /// Refuses a letter until the settings it needs are set, naming each and how to set it.
    public func requireLetterSettings(for letter: String, email needed: Bool = false) throws(ShortlistError) {
        var missing: [SchoolSetting] = []
        if name.isEmpty { missing.append(.schoolName) }
        if contact.isEmpty { missing.append(.privacyContact) }
        if needed, email.isEmpty { missing.append(.schoolEmail) }
        guard !missing.isEmpty else { return }
        throw .missingValues(record: "the \(letter)", fields: missing.map(\.rawValue),
                             hints: missing.map { "shortlist settings set \($0.rawValue) VALUE: \($0.meaning)" })
    }
}

/// A notice a candidate was sent, that online searches may be done: as sent, with its fingerprints.
public struct CandidateNotice: Equatable, Sendable {
    /// How a notice was made: rendered by shortlist in a format, or written elsewhere (`file`).
    public enum Format: String, CaseIterable, Sendable {
        case text, html, eml, file
    }

    public var candidateID: Int64
    public var number: Int
    public var sentOn: Day
    public var via: NotificationMeans
    public var format: Format
    public var textSHA256: String
    /// The SHA-256 of the template it was rendered from; nil for a notice written outside shortlist.
    public var templateSHA256: String?
    /// The text as sent; `(purged)` once the purge has removed it.
    public var text: String
    public var recordedAt: String
    public var recordedBy: String

    public init(candidateID: Int64, number: Int, sentOn: Day, via: NotificationMeans, format: Format, textSHA256: String,
                templateSHA256: String?, text: String, recordedAt: String, recordedBy: String) {
        self.candidateID = candidateID
        self.number = number
        self.sentOn = sentOn
        self.via = via
        self.format = format
        self.textSHA256 = textSHA256
        self.templateSHA256 = templateSHA256
        self.text = text
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// Which version of the notice this was, as governors compare them: the template's fingerprint
    /// (`template 1a2b3c4d5e6f`), or the text's for a notice written elsewhere (`own text 9f8e7d6c5b4a`).
    public var version: String { CandidateNotice.version(templateSHA256: templateSHA256, textSHA256: textSHA256) }

    /// The version of a notice with these fingerprints.
    public static func version(templateSHA256: String?, textSHA256: String) -> String {
        templateSHA256.map { "template " + $0.prefix(12) } ?? "own text " + textSHA256.prefix(12)
    }
}

/// A notice about to be recorded as sent: the text and the template it came from.
public struct NoticeToRecord: Sendable {
    public var candidate: CandidateReference
    public var text: String
    public var format: CandidateNotice.Format
    public var templateSHA256: String?

    public init(candidate: CandidateReference, text: String, format: CandidateNotice.Format, templateSHA256: String?) {
        self.candidate = candidate
        self.text = text
        self.format = format
        self.templateSHA256 = templateSHA256
    }

    /// Refuses a notice file that cannot be what was sent: empty, or not one candidate's letter in size.
    public static func checkSent(_ text: String, path: String) throws(ShortlistError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .file(path: path, reason: "is empty; give the notice as it was sent (a text, HTML or .eml file)")
        }
        if text.utf8.count > 1_000_000 {
            throw .file(path: path, reason: "is larger than 1 MB; give the notice's text, not its attachments")
        }
    }
}

extension Candidate {
    /// Whether `candidate notice VACANCY` writes a notice for the candidate: shortlisted, still a
    /// candidate, and not yet told.
    public var needsNotice: Bool { notifiedOn == nil && outcome == .pending && purgedOn == nil }
}

// MARK: - The single central record

/// The line a school adds to its single central record for the appointee: when the online search
/// was completed, by whom, its outcome and the KCSIE edition it followed.
public struct SingleCentralRecordLine: Equatable, Sendable {
    public var candidate: CandidateReference
    public var name: String
    public var postTitle: String
    public var completedOn: Day?
    public var searchedBy: String
    public var outcome: String
    public var kcsieEdition: String
    /// For a record purged by an earlier version of shortlist: the one line its stub kept.
    public var keptLine: String?

    /// The outcome when something was raised at interview, and when nothing was.
    public static let concernsExplored = "concerns explored at interview"
    public static let noConcerns = "no concerns"

    /// `Online search completed: 5 December 2026; by: Alex Morgan; outcome: no concerns; KCSIE 2026`.
    public var text: String {
        if let keptLine { return keptLine + "; KCSIE \(kcsieEdition)" }
        let when = completedOn.map { "Online search completed: \($0.uk)" } ?? "Online search not completed"
        return "\(when); by: \(searchedBy.isEmpty ? "nobody" : searchedBy); outcome: \(outcome); KCSIE \(kcsieEdition)"
    }

    /// The columns of `vacancy scr --format csv`, named to paste into a model single central record.
    public static let columns = ["Name", "Post", "Vacancy", "Online search completed", "Checked by", "Online search outcome", "KCSIE edition"]

    /// The row under `columns`; the date as a UK spreadsheet reads it (31/12/2026).
    public var cells: [String] {
        [name, postTitle, candidate.vacancy, completedOn?.slashed ?? (keptLine ?? "not completed"), searchedBy, keptLine == nil ? outcome : "",
         kcsieEdition]
    }
}

extension SingleCentralRecordLine {
    /// The line for `progress`'s candidate, the appointee of `vacancy`: from their searches and findings,
    /// or from what the purge kept of them. Refuses a candidate who was not appointed.
    public init(_ progress: CandidateProgress, vacancy: Vacancy) throws(ShortlistError) {
        let c = progress.candidate
        guard c.outcome == .appointed else {
            let remedy = vacancy.appointedNumber.map { "The appointee is \(vacancy.reference)/\($0): `shortlist candidate scr-line \(vacancy.reference)/\($0)`." }
                ?? "Record the appointment first: `shortlist vacancy close \(vacancy.reference) --appoint \(c.reference.number)`."
            throw .notAllowed(record: c.reference.description, reason: "was not appointed (\(c.outcome.rawValue)); the single central record holds staff",
                              remedy: remedy)
        }
        self.init(candidate: c.reference, name: c.fullName, postTitle: vacancy.postTitle, completedOn: nil, searchedBy: "",
                  outcome: "", kcsieEdition: vacancy.kcsieEdition)
        if let summary = c.purgeSummary {
            guard let scr = summary.scr else {
                keptLine = summary.line ?? "Online search record reduced by the purge"
                return
            }
            completedOn = scr.completedOn.flatMap(Day.init(iso:))
            searchedBy = scr.searchedBy
            outcome = scr.outcome
            return
        }
        let facts = SCRFacts(progress)
        completedOn = facts.completedOn.flatMap(Day.init(iso:))
        searchedBy = facts.searchedBy
        outcome = facts.outcome
    }
}

extension SCRFacts {
    /// From the candidate's current searches and findings.
    public init(_ progress: CandidateProgress) {
        let entries = progress.steps.flatMap(\.entries).compactMap { $0 }
        let last = entries.compactMap { Timestamp.parse(iso: $0.searchedAt) }.max()
        searchedBy = Set(entries.map(\.searcher)).sorted().joined(separator: ", ")
        if progress.excludedByDecision {
            completedOn = nil
            outcome = "not searched, by the vacancy's search decision"
        } else if progress.doneQueries < progress.plannedQueries || progress.steps.contains(where: \.couldNotComplete) {
            // The search itself: every planned query done. How it was done (told first, on time) is for the governors' report.
            completedOn = nil
            outcome = "search not complete (\(progress.doneQueries) of \(progress.plannedQueries) queries done"
                + (progress.steps.contains(where: \.couldNotComplete) ? ", some could not be completed)" : ")")
        } else {
            completedOn = last.map { Day($0).iso }
            outcome = progress.findings.contains(where: \.wasRaised) ? SingleCentralRecordLine.concernsExplored : SingleCentralRecordLine.noConcerns
        }
    }
}
