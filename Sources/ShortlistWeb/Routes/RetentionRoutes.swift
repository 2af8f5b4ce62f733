import Foundation
import Hummingbird
import ShortlistKit

/// The retention policy, holds on vacancies, and the purge: its preview, and applying it once the number of
/// candidates due is typed to confirm (`PurgePlan.confirmationText`).
struct RetentionRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/admin/retention") { _, context in try retention(context: context) }
        router.post("/admin/retention/hold") { _, context in try hold(context: context, lift: false) }
        router.post("/admin/retention/lift") { _, context in try hold(context: context, lift: true) }
        router.get("/admin/purge") { _, context in try preview(context: context) }
        router.post("/admin/purge") { _, context in try apply(context: context) }
    }

    private func retention(context: WebContext, notice: String? = nil, errors: [FormError] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let vacancies = try store.vacancies()
        var values = FormError.values(errors)
        values["months"] = try store.retentionMonths()
        values["held"] = vacancies.compactMap { v in v.holdReason.map { ["reference": v.reference, "postTitle": v.postTitle, "reason": $0] } }
        let chosen = errors.isEmpty ? "" : context.form["vacancy"]
        values["free"] = vacancies.filter { $0.holdReason == nil }.map { ["reference": $0.reference, "postTitle": $0.postTitle, "selected": $0.reference == chosen] }
        values["form"] = errors.isEmpty ? [:] : context.form.typed
        values["notice"] = notice
        return pages.page("retention", title: "Retention and holds", context: context, values: values, status: status)
    }

    /// Holds a vacancy from purge with a reason, or lifts its hold with one (as `shortlist vacancy hold [--lift]`).
    private func hold(context: WebContext, lift: Bool) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let form = context.form
        let field = lift ? "liftReason" : "reason"
        do {
            let reason = form[field]
            if lift, reason.isEmpty { throw ShortlistError.invalidValue(field: "--reason", value: "", expected: "why the hold is lifted") }
            let vacancy = try store.holdVacancy(form["vacancy"], reason: lift ? nil : reason, liftReason: lift ? reason : "", by: try context.staff.name)
            return try retention(context: context, notice: vacancy.holdReason.map { "\(vacancy.reference): held (\($0))." } ?? "\(vacancy.reference): hold lifted.")
        } catch let error as ShortlistError {
            let shown = FormError(error, fields: ["--reason": field])
            return try retention(context: context, errors: [FormError(field: shown.field ?? (lift ? nil : "vacancy"), message: error.message)], status: .badRequest)
        }
    }

    private func preview(context: WebContext, notice: String? = nil, errors: [FormError] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let plan = try store.purgePlan()
        var values = FormError.values(errors)
        values["due"] = plan.due.map { item in
            ["candidate": item.candidate.description, "outcome": item.outcome.rawValue, "closed": item.closedOn.uk, "dueOn": item.dueOn.uk,
             "action": item.action == .remove ? "remove personal data" : "reduce the search record to one line"]
        }
        values["count"] = plan.due.count
        values["anyDue"] = !plan.due.isEmpty
        values["held"] = plan.held.map { ["vacancy": $0.vacancy, "reason": $0.reason] }
        values["months"] = plan.retentionMonths
        values["form"] = errors.isEmpty ? [:] : context.form.typed
        values["notice"] = notice
        return pages.page("purge", title: "Purge", context: context, values: values, status: status)
    }

    private func apply(context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        do {
            let result = try store.applyPurge(confirmation: context.form["confirmation"], by: try context.staff.name)
            var notice = "Purged \(result.candidates) candidates (\(result.removed) removed, \(result.reduced) reduced) of \(result.vacancies.count) vacancies: "
                + "\(result.searchEntries) search entries, \(result.findings) findings, \(result.evidenceFiles) evidence files, \(result.auditDetails) audit details."
            if result.unreferencedEvidenceRemoved > 0 {
                notice += " Removed \(result.unreferencedEvidenceRemoved) evidence files that no record named; the removal is recorded."
            }
            return try preview(context: context, notice: notice)
        } catch let error as ShortlistError {
            return try preview(context: context, errors: [FormError(field: "confirmation", message: error.message)], status: .badRequest)
        }
    }
}
