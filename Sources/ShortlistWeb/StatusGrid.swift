import ShortlistKit

/// The values of a vacancy's status grid: the same information as `shortlist status`, as a table.
enum StatusGrid {
    static func values(_ progress: VacancyProgress, today: Day) -> [String: Any] {
        var values = VacancyView.summary(progress.vacancy, today: today)
        let steps = progress.searchProtocol.steps
        values["protocol"] = progress.candidates.first?.protocolTitle ?? progress.searchProtocol.name
        values["lookBack"] = progress.vacancy.lookBackYears
        values["searchDecision"] = progress.vacancy.searchDecision.rawValue
        if !progress.vacancy.panel.isEmpty { values["panel"] = progress.vacancy.panel.joined(separator: ", ") }
        values["steps"] = steps.enumerated().map { ["number": $0.offset + 1, "key": $0.element.key, "label": $0.element.label] }
        values["candidates"] = progress.candidates.map { candidate in
            CandidateView.row(candidate).merging([
                "marks": candidate.steps.map { ["mark": $0.mark, "step": $0.step.key] },
                "toldText": candidate.candidate.notifiedOn.map { "yes, " + $0.uk } ?? "no",
            ]) { $1 }
        }
        values["untold"] = progress.candidates.filter(\.awaitsNotice)
            .map { ["number": $0.candidate.reference.number, "reference": $0.candidate.reference.description, "name": $0.candidate.fullName] }
        let complete = progress.candidates.count(where: \.isComplete)
        values["summaryLine"] = "\(complete) of \(progress.candidates.count) candidate\(progress.candidates.count == 1 ? "" : "s") complete."
        values["allComplete"] = !progress.candidates.isEmpty && complete == progress.candidates.count
        values["legend"] = StepProgress.legend
        values["hasCandidates"] = !progress.candidates.isEmpty
        return values
    }
}
