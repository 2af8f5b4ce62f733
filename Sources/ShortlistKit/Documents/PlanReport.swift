import Foundation

/// Writes `shortlist check plan`: for each step, the exact queries and links to open for one
/// candidate, in protocol order, with what is already done.
public struct PlanReport: Sendable {
    public var vacancy: Vacancy
    public var progress: CandidateProgress
    public var today: Day

    /// The formats a plan can be written in.
    public enum Format: String, CaseIterable, Sendable {
        case table, json, csv, markdown
    }

    public init(vacancy: Vacancy, progress: CandidateProgress, today: Day) {
        self.vacancy = vacancy
        self.progress = progress
        self.today = today
    }

    public func write(_ format: Format, to out: inout some TextOutputStream) {
        switch format {
        case .table: writeText(to: &out)
        case .json: listing.write(.json, to: &out)
        case .csv: listing.write(.csv, to: &out)
        case .markdown: writeMarkdown(to: &out)
        }
    }

    private var heading: String {
        "Search plan for \(progress.candidate.reference) (\(progress.candidate.fullName)), \(vacancy.postTitle)"
    }

    private var scope: String {
        "\(progress.protocolTitle); look back \(vacancy.lookBackYears) years (to \(lookBackStart.uk))"
    }

    private var lookBackStart: Day { vacancy.lookBackStart(on: today) }

    /// What the links show, when any of them can be restricted to the look-back period.
    private var linkScope: String? {
        progress.steps.contains { $0.queries.contains(where: \.supportsDateRange) }
            ? "Links show results from \(lookBackStart.uk) onward where the search engine supports it." : nil
    }

    private func link(_ query: PlannedQuery) -> String { query.link(since: lookBackStart) }

    private func status(_ entry: CurrentEntry?) -> String {
        guard let entry else { return "to do" }
        return "done: \(entry.outcome.rawValue), \(Timestamp.uk(iso: entry.searchedAt)) by \(entry.searcher)"
            + (entry.late ? " (late)" : "")
    }

    private func writeText(to out: inout some TextOutputStream) {
        out.write(heading + "\n" + scope + "\n")
        if let linkScope { out.write(linkScope + "\n") }
        out.write("Rules: \(publicOnlyRules).\n")
        for (index, step) in progress.steps.enumerated() {
            out.write("\n\(index + 1). \(step.step.key): \(step.step.label)\n")
            if step.notApplicable { out.write("   (no query: the candidate has no detail this step needs)\n") }
            for (query, entry) in zip(step.queries, step.entries) {
                out.write("   \(query.address)  \(query.query)\n")
                out.write("   \(String(repeating: " ", count: query.address.count))  \(link(query))\n")
                out.write("   \(String(repeating: " ", count: query.address.count))  \(status(entry))\n")
            }
        }
        out.write("\n\(progress.doneQueries) of \(progress.plannedQueries) queries done.\n")
        out.write("Log one with: shortlist check log \(progress.candidate.reference) STEP --outcome OUTCOME --public-only\n")
    }

    private func writeMarkdown(to out: inout some TextOutputStream) {
        out.write("# " + Markdown.escape(heading) + "\n\n")
        out.write(Markdown.escape(scope) + "\n\n")
        if let linkScope { out.write(Markdown.escape(linkScope) + "\n\n") }
        out.write("Rules: " + Markdown.escape(publicOnlyRules) + "\\.\n")
        for (index, step) in progress.steps.enumerated() {
            out.write("\n## \(index + 1)\\. " + Markdown.escape("\(step.step.key): \(step.step.label)") + "\n\n")
            if step.notApplicable { out.write("No query: the candidate has no detail this step needs\\.\n") }
            for (query, entry) in zip(step.queries, step.entries) {
                out.write("- [\(entry == nil ? " " : "x")] **" + Markdown.escape(query.address) + "** "
                    + Markdown.escape(query.query) + "  \n  <" + link(query) + ">  \n  " + Markdown.escape(status(entry)) + "\n")
            }
        }
        out.write("\n" + Markdown.escape("\(progress.doneQueries) of \(progress.plannedQueries) queries done.") + "\n")
    }

    private var listing: Listing {
        var listing = Listing(columns: [
            Column("candidate", "Candidate"), Column("position", "Position"), Column("address", "Query"),
            Column("step", "Step"), Column("label", "Label"), Column("kind", "Kind"), Column("query", "Query text"),
            Column("link", "Link"), Column("done", "Done"), Column("outcome", "Outcome"), Column("searched_at", "Searched"),
            Column("searcher", "Searcher"), Column("entry", "Entry"),
        ])
        for (index, step) in progress.steps.enumerated() {
            for (query, entry) in zip(step.queries, step.entries) {
                listing.rows.append([
                    .text(progress.candidate.reference.description), .number(index + 1), .text(query.address),
                    .text(step.step.key), .text(step.step.label), .text(step.step.kind.rawValue), .text(query.query),
                    .text(link(query)), .flag(entry != nil), .optional(entry?.outcome.rawValue),
                    entry.map { .instant($0.searchedAt) } ?? .none, .optional(entry?.searcher),
                    entry.map { .number(Int($0.id)) } ?? .none,
                ])
            }
        }
        return listing
    }
}
