import Foundation
import Hummingbird
import ShortlistKit

/// The interview panel's screens: a vacancy they sit on with each candidate and what to ask (what the dossier
/// shows, nothing more), and a raised finding's page where the candidate's response and the panel's conclusion
/// are recorded after the interview.
struct PanelRoutes {
    let store: Store
    let pages: Pages

    static let vacancyPath = "/panel/vacancies/{ref}"
    static let findingPath = vacancyPath + "/candidates/{number}/findings/{finding}"

    func add(to router: Router<WebContext>) {
        router.get("/panel") { _, context in try list(context: context) }
        router.get(RouterPath(Self.vacancyPath)) { _, context in try vacancy(context: context) }
        router.get(RouterPath(Self.findingPath)) { request, context in
            try finding(context: context, notice: request.uri.queryParameters.get("saved").map { "Saved the \($0)." })
        }
        router.post(RouterPath(Self.findingPath + "/respond")) { _, context in try respond(context: context) }
        router.post(RouterPath(Self.findingPath + "/follow-up")) { _, context in try followUp(context: context) }
    }

    /// The vacancy a path names as its panel sees it, once the reader sits on its panel.
    private func panelVacancy(_ context: WebContext) throws -> PanelVacancy {
        let vacancy = try VacancyRoutes.vacancy(store, context: context)
        guard try context.reader.sitsOnPanel(of: vacancy) else { throw WebRefusal.forbidden("see the panel's screens of a vacancy whose panel you do not sit on") }
        return try store.panelVacancy(vacancy.reference, by: try context.staff.name)
    }

    /// The vacancies whose panel the reader sits on, with each candidate and what to ask.
    private func list(context: WebContext) throws -> Response {
        let reader = try context.reader
        guard reader.sitsOnPanels else { throw WebRefusal.forbidden("see the interview panels' screens") }
        return pages.page("panels", title: "Your interview panels", context: context,
                          values: ["panels": try DecisionPanelHome.panels(store: store, reader: reader)])
    }

    private func vacancy(context: WebContext) throws -> Response {
        let panel = try panelVacancy(context)
        let values = PanelView.values(panel)
        return pages.page("panel-vacancy", title: "\(panel.vacancy.reference): what the panel asks", context: context, values: values)
    }

    /// A raised finding as the dossier shows it, with the forms the panel fills in after the interview.
    private func finding(context: WebContext, notice: String? = nil, errors: [FormError] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let (panel, candidate, finding) = try raised(context)
        var values = PanelView.finding(finding, vacancy: panel.vacancy, today: panel.today)
        values.merge(FormError.values(errors)) { $1 }
        values["notice"] = notice
        values["candidate"] = ["reference": candidate.reference.description, "name": candidate.fullName]
        values["vacancy"] = VacancyView.summary(panel.vacancy, today: panel.today).merging(["panelPath": PanelView.path(panel.vacancy.reference)]) { $1 }
        values["form"] = context.form.typed
        if finding.awaitsResponse {
            let chosen = context.form["conclusion"]
            values["conclusions"] = FindingConclusion.allCases.map { ["value": $0.rawValue, "label": PanelView.conclusionLabel($0), "checked": $0.rawValue == chosen] }
        }
        values["followUpForm"] = finding.awaitsFollowUp
        return pages.page("panel-finding", title: "Finding \(finding.reference): the panel's record", context: context, values: values, status: status)
    }

    private static let responseFields = ["--response": "response", "--detail": "detail", "conclusion": "conclusion", "--note": "note"]

    /// The raised finding a path names, as the panel sees it; any other finding (not raised, or about a
    /// protected characteristic) is not found, so the page says nothing of it.
    private func raised(_ context: WebContext) throws -> (PanelVacancy, PanelVacancy.Candidate, PanelFinding) {
        let panel = try panelVacancy(context)
        guard let number = context.parameters.get("number").flatMap(Int.init), let finding = context.parameters.get("finding").flatMap(Int.init),
              let candidate = panel.candidates.first(where: { $0.reference.number == number }),
              let raised = candidate.findings.first(where: { $0.reference.number == finding }) else { throw WebRefusal.notFound }
        return (panel, candidate, raised)
    }

    private func reference(_ context: WebContext) throws -> FindingReference { try raised(context).2.reference }

    private func respond(context: WebContext) throws -> Response {
        let reference = try reference(context)
        let form = context.form
        do {
            let conclusion = try FindingConclusion(rawValue: form["conclusion"]).orThrow(
                .invalidValue(field: "conclusion", value: form["conclusion"], expected: "the panel's conclusion: satisfied, further checks needed, or a concern remains"))
            try store.respondToFinding(reference, response: form["response"], conclusion: conclusion, detail: form["detail"], by: try context.staff.name)
            return .redirect(to: PanelView.path(reference) + "?saved=response")
        } catch let error as ShortlistError {
            return try finding(context: context, errors: [FindingView.formError(error, fields: Self.responseFields)], status: .badRequest)
        }
    }

    private func followUp(context: WebContext) throws -> Response {
        let reference = try reference(context)
        do {
            try store.recordFollowUp(reference, note: context.form["note"], by: try context.staff.name)
            return .redirect(to: PanelView.path(reference) + "?saved=follow-up")
        } catch let error as ShortlistError {
            return try finding(context: context, errors: [FindingView.formError(error, fields: Self.responseFields)], status: .badRequest)
        }
    }
}

/// How a vacancy and its raised findings appear to the panel (values for the templates; no rule).
enum PanelView {
    static func path(_ vacancy: String) -> String { "/panel" + VacancyView.path(vacancy) }

    static func path(_ reference: FindingReference) -> String {
        path(reference.candidate.vacancy) + "/candidates/\(reference.candidate.number)/findings/\(reference.number)"
    }

    static func conclusionLabel(_ conclusion: FindingConclusion) -> String {
        switch conclusion {
        case .satisfied: "Satisfied"
        case .furtherChecks: "Further checks are needed"
        case .concernRemains: "A concern remains"
        }
    }

    static func values(_ panel: PanelVacancy) -> [String: Any] {
        var values = VacancyView.summary(panel.vacancy, today: panel.today)
        values["panelPath"] = path(panel.vacancy.reference)
        values["packPath"] = VacancyView.path(panel.vacancy.reference) + "/pack"
        values["candidates"] = panel.candidates.map { candidate in
            [
                "reference": candidate.reference.description, "name": candidate.fullName, "hasFindings": !candidate.findings.isEmpty,
                "findings": candidate.findings.map { finding($0, vacancy: panel.vacancy, today: panel.today) },
            ] as [String: Any]
        }
        values["hasCandidates"] = !panel.candidates.isEmpty
        return values
    }

    /// A raised finding as the dossier shows it: summary, category, content date and age, identity, the questions, any response.
    static func finding(_ finding: PanelFinding, vacancy: Vacancy, today: Day) -> [String: Any] {
        var values: [String: Any] = [
            "reference": finding.reference.description, "path": path(finding.reference), "category": finding.categoryLabel,
            "summary": finding.summary, "identity": finding.identity.rawValue, "question": finding.question,
            "status": finding.status(interviewDate: vacancy.interviewDate, today: today).rawValue,
            "awaitsResponse": finding.awaitsResponse, "awaitsFollowUp": finding.awaitsFollowUp,
        ]
        values.set("identityBasis", finding.identityBasis)
        values.set("identityQuestion", finding.identityQuestion)
        if let date = finding.contentDate { values["content"] = ["date": date.uk, "age": date.age(at: today)] }
        if let conclusion = finding.conclusion {
            var answered: [String: Any] = ["response": finding.response, "conclusion": conclusionLabel(conclusion)]
            answered.set("detail", finding.conclusionDetail)
            answered.set("followUp", finding.followUp)
            values["answered"] = answered
        }
        return values
    }
}
