import Foundation
import Hummingbird
import ShortlistKit

/// The recruiting manager's screens: the findings awaiting decision, a finding's page with where it came
/// from and its evidence, the decision form and the follow-up form; and each evidence file, served safely.
struct FindingRoutes {
    let store: Store
    let pages: Pages

    static let base = CandidateRoutes.base + "/findings/{finding}"

    func add(to router: Router<WebContext>) {
        router.get("/findings") { _, context in try queue(context: context) }
        router.get(RouterPath(Self.base)) { request, context in
            try show(context: context, notice: request.uri.queryParameters.get("saved").map { "Saved the \($0)." })
        }
        router.post(RouterPath(Self.base + "/decide")) { _, context in try decide(context: context) }
        router.post(RouterPath(Self.base + "/follow-up")) { _, context in try followUp(context: context) }
        router.get(RouterPath(Self.base + "/evidence/{sha256}")) { _, context in try evidence(context: context) }
    }

    /// The finding a path names (its vacancy once the reader may open it).
    private func reference(_ context: WebContext) throws -> FindingReference {
        let vacancy = try VacancyRoutes.vacancy(store, context: context)
        guard let number = context.parameters.get("number").flatMap(Int.init), number > 0,
              let finding = context.parameters.get("finding").flatMap(Int.init), finding > 0 else { throw WebRefusal.notFound }
        return FindingReference(candidate: CandidateReference(vacancy: vacancy.reference, number: number), number: finding)
    }

    /// The findings awaiting a decision, across the vacancies the reader may open, each with all a decision needs.
    private func queue(context: WebContext) throws -> Response {
        let reader = try context.reader
        guard reader.decides else { throw WebRefusal.forbidden("decide findings") }
        let today = Day(store.now)
        let labels = try FindingView.categoryLabels(store)
        let reviews = try store.findingReviews(status: .awaitingDecision, shownTo: try context.staff.name).filter { reader.reads($0.vacancy) }
        let shown = reviews.map { FindingView.values($0, labels: labels, today: today) }
        return pages.page("findings", title: "Findings awaiting decision", context: context,
                          values: ["findings": shown, "none": shown.isEmpty, "count": shown.count])
    }

    /// A finding's page: what it says, where it came from, its evidence, and the decision (or its form).
    private func show(context: WebContext, notice: String? = nil, errors: [FormError] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let reference = try reference(context)
        let reader = try context.reader
        guard reader.readsFindings else { throw WebRefusal.forbidden("see findings") }
        let review = try store.findingReview(reference, shownTo: try context.staff.name)
        let today = Day(store.now)
        var values = FindingView.values(review, labels: try FindingView.categoryLabels(store), today: today)
        values.merge(FormError.values(errors)) { $1 }
        values["notice"] = notice
        values["form"] = context.form.typed
        if reader.decides, review.status == .awaitingDecision {
            let chosen = context.form["decision"]
            values["decisionForm"] = [
                "unverified": review.finding.current.identity == .unverified,
                "choices": FindingDecision.allCases.map { ["value": $0.rawValue, "label": FindingView.decisionLabel($0), "checked": $0.rawValue == chosen] },
            ]
        }
        if reader.decides, review.status == .awaitingFollowUp { values["followUpForm"] = true }
        return pages.page("finding-review", title: "Finding \(reference)", context: context, values: values, status: status)
    }

    private static let decisionFields = ["--question": "question", "--identity-question": "identityQuestion", "--reason": "reason"]

    private func decide(context: WebContext) throws -> Response {
        let reference = try reference(context)
        guard try context.reader.decides else { throw WebRefusal.forbidden("decide findings") }
        let form = context.form
        do {
            let decision = try FindingDecision(rawValue: form["decision"]).orThrow(
                .invalidValue(field: "decision", value: form["decision"], expected: "your decision: raise it at interview, no further action, or not the candidate"))
            try store.decideFinding(reference, decision, reason: form["reason"], question: form["question"],
                                    identityQuestion: form["identityQuestion"], by: try context.staff.name)
            return .redirect(to: FindingView.path(reference) + "?saved=decision")
        } catch let error as ShortlistError {
            return try show(context: context, errors: [FindingView.formError(error, fields: Self.decisionFields.merging(["decision": "decision"]) { $1 })],
                            status: .badRequest)
        }
    }

    private func followUp(context: WebContext) throws -> Response {
        let reference = try reference(context)
        guard try context.reader.decides else { throw WebRefusal.forbidden("record the follow-up of a finding") }
        do {
            try store.recordFollowUp(reference, note: context.form["note"], by: try context.staff.name)
            return .redirect(to: FindingView.path(reference) + "?saved=follow-up")
        } catch let error as ShortlistError {
            return try show(context: context, errors: [FindingView.formError(error, fields: ["--note": "note"])], status: .badRequest)
        }
    }

    /// One evidence file: inline only when its bytes are an image a browser cannot run, or a PDF; else a
    /// download. Never to a role that may not see findings, nor of a finding whose text is withheld from the
    /// reader: to them it does not exist.
    private func evidence(context: WebContext) throws -> Response {
        let reference = try reference(context)
        guard try context.reader.readsFindings else { throw WebRefusal.notFound }
        let sha256 = context.parameters.get("sha256") ?? ""
        // A finding that does not exist (as the store says) and a file it does not have are alike not found.
        guard let file = try store.evidenceFile(of: reference, sha256: sha256, shownTo: try context.staff.name) else { throw WebRefusal.notFound }
        return Response(status: .ok, headers: [
            .contentType: file.media.contentType, .contentDisposition: file.media.disposition(name: file.name),
            .contentLength: String(file.bytes.count),
        ], body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// How a finding appears on the recruiting manager's pages (values for the templates; no rule).
enum FindingView {
    static func path(_ reference: FindingReference) -> String {
        CandidateView.path(reference.candidate) + "/findings/\(reference.number)"
    }

    static func categoryLabels(_ store: Store) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try store.findingCategories().map { ($0.key, $0.label) })
    }

    static func decisionLabel(_ decision: FindingDecision) -> String {
        switch decision {
        case .raise: "Raise it at interview, with a neutral question"
        case .noFurtherAction: "No further action"
        case .notTheCandidate: "It is not the candidate"
        }
    }

    static func values(_ review: FindingReview, labels: [String: String], today: Day) -> [String: Any] {
        let finding = review.finding, current = review.finding.current
        let path = path(finding.reference)
        var values: [String: Any] = [
            "reference": finding.reference.description, "path": path, "status": review.status.rawValue, "withheld": review.withheld,
            "candidate": ["reference": finding.reference.candidate.description, "name": review.candidateName,
                          "path": CandidateView.path(finding.reference.candidate)],
            "vacancy": VacancyView.summary(review.vacancy, today: today),
            "summary": current.summary, "sources": current.sources, "hasSources": !current.sources.isEmpty, "identity": current.identity.rawValue,
            "recorded": "\(Timestamp.uk(iso: finding.versions[0].recordedAt)) by \(finding.versions[0].recordedBy)",
        ]
        values.set("identityBasis", current.identityBasis)
        values.set("relevance", current.relevance)
        values.set("category", current.category.map { labels[$0] ?? $0 } ?? "")
        if let date = current.contentDate { values["content"] = ["date": date.uk, "age": date.age(at: today)] }
        values["entries"] = review.entries.map { entry in
            var shown: [String: Any] = [
                "id": entry.id, "step": entry.stepKey, "query": entry.query, "addresses": entry.addresses,
                "hasAddresses": !entry.addresses.isEmpty, "hasEvidence": !entry.evidence.isEmpty,
                "when": Timestamp.uk(iso: entry.searchedAt), "searcher": entry.searcher, "outcome": entry.outcome.meaning,
                "evidence": entry.evidence.map { file in
                    ["name": file.name, "size": ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file),
                     "path": path + "/evidence/" + file.sha256]
                },
            ]
            shown.set("note", entry.note)
            return shown
        }
        if let decision = current.decision {
            var decided: [String: Any] = ["label": decisionLabel(decision)]
            decided.set("reason", current.decisionReason)
            decided.set("question", current.question)
            decided.set("identityQuestion", current.identityQuestion)
            decided.set("who", [current.decidedBy, current.decidedAt.map(Timestamp.uk(iso:))].compactMap { $0 }.joined(separator: ", "))
            values["decided"] = decided
        }
        if let conclusion = current.conclusion {
            var answered: [String: Any] = ["response": current.response, "conclusion": PanelView.conclusionLabel(conclusion)]
            answered.set("detail", current.conclusionDetail)
            answered.set("followUp", current.followUp)
            answered.set("who", [current.responseBy, current.responseAt.map(Timestamp.uk(iso:))].compactMap { $0 }.joined(separator: ", "))
            values["answered"] = answered
        }
        return values
    }

    /// A library error on a finding's form, beside the field it names, worded for the page rather than the command line.
    static func formError(_ error: ShortlistError, fields: [String: String]) -> FormError {
        let words = ["--identity-question": "the identity question", "--question": "the question", "--reason": "the reason",
                     "--detail": "the detail", "--response": "the response", "--note": "the note"]
        switch error {
        case let .invalidValue(field, "", expected):
            return FormError(field: fields[field], message: "Give \(expected).")
        case .notAllowed:
            // A refused question or identity question names its option in the message: put it beside that field.
            let field = error.message.contains("--identity-question") ? "identityQuestion" : error.message.contains("--question") ? "question" : nil
            var message = error.message
            for (flag, word) in words.sorted(by: { $0.key.count > $1.key.count }) { message = message.replacingOccurrences(of: flag, with: word) }
            return FormError(field: field.flatMap { fields.values.contains($0) ? $0 : nil }, message: message)
        default:
            return FormError(error, fields: fields)
        }
    }
}

extension [String: Any] {
    /// Sets a text only when it is not empty: an empty text would still open a Mustache section.
    mutating func set(_ key: String, _ text: String) {
        if !text.isEmpty { self[key] = text }
    }
}
