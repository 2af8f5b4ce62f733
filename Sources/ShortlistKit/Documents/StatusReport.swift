import Foundation

/// Writes `shortlist status`: per vacancy, candidates against steps, completeness, days to
/// interview, and what stands between each candidate and a complete record.
public struct StatusReport: Sendable {
    public var vacancies: [VacancyProgress]
    public var today: Day
    /// A table with each candidate on one line, however wide, rather than one that fits 120 columns.
    public var wide = false

    public init(_ vacancies: [VacancyProgress], today: Day, wide: Bool = false) {
        self.vacancies = vacancies
        self.today = today
        self.wide = wide
    }

    /// Every candidate of every vacancy has a complete record.
    public var isComplete: Bool { vacancies.allSatisfy { $0.candidates.allSatisfy(\.isComplete) } }

    public func write(_ format: OutputFormat, to out: inout some TextOutputStream) {
        switch format {
        case .table: writeTable(to: &out)
        case .json: out.write(json() + "\n")
        case .csv: csvListing.write(.csv, to: &out)
        }
    }

    // MARK: - Table

    private func writeTable(to out: inout some TextOutputStream) {
        let fit: TableFit? = wide ? nil : TableFit(wrap: ["outstanding", "notes"])
        /// A line of text, wrapped to fit unless the table is wide.
        func line(_ text: String, indent: Int = 2, at separator: String = " ") -> String {
            (fit?.wrapping(text, indent: indent, at: separator) ?? text) + "\n"
        }
        if vacancies.isEmpty { out.write("No vacancies are recruiting. See `shortlist vacancy list`.\n") }
        for (index, progress) in vacancies.enumerated() {
            let vacancy = progress.vacancy
            if index > 0 { out.write("\n") }
            out.write(line("\(vacancy.reference)  \(vacancy.postTitle)" + (vacancy.site.isEmpty ? "" : ", \(vacancy.site)") + " (\(vacancy.status.rawValue))"))
            var facts = [interviewText(progress)]
            facts.append("\(progress.searchProtocol.title), look back \(vacancy.lookBackYears) years")
            facts.append("search decision: \(vacancy.searchDecision.rawValue)"
                + (vacancy.searchDecisionReason.isEmpty ? "" : " (\(vacancy.searchDecisionReason))"))
            out.write(line(facts.joined(separator: "; "), at: "; ") + "\n")
            let steps = progress.searchProtocol.steps
            var listing = Listing(columns: [Column("candidate", "Candidate"), Column("name", "Name"), Column("told", "Told")]
                + steps.indices.map { Column(String($0 + 1), String($0 + 1)) }
                + [Column("done", "Done"), Column("outstanding", "Outstanding"), Column("notes", "Notes")],
                fit: fit)
            for c in progress.candidates {
                let told = c.candidate.notifiedOn == nil ? "no" : c.toldBeforeSearching ? "yes" : "late"
                listing.rows.append([.text(c.candidate.reference.description), .text(c.candidate.fullName), .text(told)]
                    + (c.steps.isEmpty ? steps.map { _ in .text("") } : c.steps.map { .text($0.mark) })
                    + [.text("\(c.doneQueries)/\(c.plannedQueries)"),
                       .text(c.isComplete ? "complete" : c.outstanding.joined(separator: "; ")),
                       .text(c.notes.joined(separator: "; "))])
            }
            listing.write(.table, to: &out)
            out.write("\n" + line("Steps: " + steps.enumerated().map { "\($0 + 1) \($1.key)" }.joined(separator: ", "), indent: 7, at: ", "))
            let complete = progress.candidates.count(where: \.isComplete)
            out.write("\(complete) of \(progress.candidates.count) candidates complete.\n")
        }
        if !vacancies.isEmpty {
            out.write(line(StepProgress.legend, indent: 7, at: ", "))
        }
    }

    private func interviewText(_ progress: VacancyProgress) -> String {
        guard let date = progress.vacancy.interviewDate, let days = progress.daysToInterview(from: today) else {
            return "no interview date"
        }
        let when = switch days {
        case 0: "today"
        case 1: "tomorrow"
        case -1: "yesterday"
        case 2...: "in \(days) days"
        default: "\(-days) days ago"
        }
        return "interview \(date.uk) (\(when))"
    }

    // MARK: - CSV and JSON

    private var csvListing: Listing {
        Listing(columns: [
            Column("vacancy", "Vacancy"), Column("candidate", "Candidate"), Column("full_name", "Name"),
            Column("told_on", "Told on"), Column("told_before_searching", "Told before searching"),
            Column("queries_planned", "Planned"), Column("queries_done", "Done"), Column("complete", "Complete"),
            Column("outstanding", "Outstanding"), Column("notes", "Notes"), Column("steps", "Steps"),
        ], rows: vacancies.flatMap { progress in
            progress.candidates.map { c in
                [.text(progress.vacancy.reference), .text(c.candidate.reference.description), .text(c.candidate.fullName),
                 .date(c.candidate.notifiedOn), .flag(c.toldBeforeSearching), .number(c.plannedQueries), .number(c.doneQueries),
                 .flag(c.isComplete), .list(c.outstanding), .list(c.notes),
                 .list(c.steps.map { "\($0.step.key)=\($0.mark)" })]
            }
        })
    }

    private struct VacancyJSON: Encodable {
        var reference, post_title, site, status, protocol_name: String
        var interview_date: String?
        var days_to_interview: Int?
        var look_back_years: Int
        var search_decision, search_decision_reason: String
        var candidates_complete: Int
        var candidates: [CandidateJSON]
    }

    private struct CandidateJSON: Encodable {
        var reference, full_name, outcome: String
        var told_on: String?
        var told_before_searching, excluded_by_decision, complete: Bool
        var queries_planned, queries_done, overrides: Int
        var outstanding, notes: [String]
        var steps: [StepJSON]
    }

    private struct StepJSON: Encodable {
        var key, mark: String
        var queries_planned, queries_done: Int
        var outcomes: [String]
    }

    private func json() -> String {
        let document = vacancies.map { progress in
            VacancyJSON(
                reference: progress.vacancy.reference, post_title: progress.vacancy.postTitle, site: progress.vacancy.site,
                status: progress.vacancy.status.rawValue, protocol_name: progress.searchProtocol.title,
                interview_date: progress.vacancy.interviewDate?.iso, days_to_interview: progress.daysToInterview(from: today),
                look_back_years: progress.vacancy.lookBackYears, search_decision: progress.vacancy.searchDecision.rawValue,
                search_decision_reason: progress.vacancy.searchDecisionReason,
                candidates_complete: progress.candidates.count(where: \.isComplete),
                candidates: progress.candidates.map { c in
                    CandidateJSON(
                        reference: c.candidate.reference.description, full_name: c.candidate.fullName,
                        outcome: c.candidate.outcome.rawValue, told_on: c.candidate.notifiedOn?.iso,
                        told_before_searching: c.toldBeforeSearching, excluded_by_decision: c.excludedByDecision,
                        complete: c.isComplete, queries_planned: c.plannedQueries, queries_done: c.doneQueries,
                        overrides: c.overrides, outstanding: c.outstanding, notes: c.notes,
                        steps: c.steps.map { s in
                            StepJSON(key: s.step.key, mark: s.mark, queries_planned: s.queries.count, queries_done: s.done,
                                     outcomes: s.entries.compactMap { $0?.outcome.rawValue })
                        })
                })
        }
        return JSONText.encode(document)
    }
}
