import Foundation
import Hummingbird
import ShortlistKit

/// The safer-recruitment report as a page, from the same model the CLI renders, with its CSV and JSON downloads
/// (the bytes `shortlist report --format csv/json` writes) and its printable versions (`--format html/pdf`). Each is
/// recorded as producing the report.
struct ReportRoutes {
    let store: Store
    let pages: Pages
    var documents: DocumentRoutes { DocumentRoutes(store: store, pages: pages) }

    func add(to router: Router<WebContext>) {
        router.get("/report") { request, context in try report(request, context: context) }
        router.get("/report/csv") { request, context in try download(request, context: context, format: "csv") }
        router.get("/report/json") { request, context in try download(request, context: context, format: "json") }
        router.get("/report/print.html") { request, context in try printable(request, context: context, format: .html) }
        router.get("/report/print.pdf") { request, context in try printable(request, context: context, format: .pdf) }
    }

    private static let fields = ["--from": "from", "--to": "to", "--vacancy": "vacancy", "vacancy": "vacancy"]

    private static func requireReader(_ context: WebContext) throws {
        guard try context.reader.readsReport else { throw WebRefusal.forbidden("read the safer-recruitment report") }
    }

    /// The scope the query asks for: one vacancy, or the period from `from` to `to` (each blank one the default period's).
    private func scope(_ request: Request) throws(ShortlistError) -> ReportScope {
        let query = WebForm(query: request)
        let vacancy = query["vacancy"]
        if !vacancy.isEmpty { return .vacancy(vacancy) }
        let period = ReportPeriod.schoolYear(containing: Day(store.now))
        let from = query["from"]
        let to = query["to"]
        return .period(from: from.isEmpty ? period.from : try Day.parse(from, field: "--from"),
                       to: to.isEmpty ? period.to : try Day.parse(to, field: "--to"))
    }

    private func report(_ request: Request, context: WebContext) throws -> Response {
        try Self.requireReader(context)
        do {
            let scope = try scope(request)
            let report = try store.complianceReport(scope, by: try context.staff.name)
            var values = try formValues(request, scope: scope)
            values["report"] = report
            values["exceptionRows"] = Self.exceptions(report)
            values["csv"] = "/report/csv?" + Self.query(scope)
            values["json"] = "/report/json?" + Self.query(scope)
            var printable = ["html": "/report/print.html?" + Self.query(scope)]
            if documents.printer.isAvailable { printable["pdf"] = "/report/print.pdf?" + Self.query(scope) }
            values["printable"] = printable
            return pages.page("report", title: "Safer recruitment report", context: context, values: values)
        } catch let error as ShortlistError {
            var values = try formValues(request, scope: nil)
            let shown = if case .unknownVacancy = error { FormError(field: "vacancy", message: error.message) } else { FormError(error, fields: Self.fields) }
            values.merge(FormError.values([shown])) { $1 }
            return pages.page("report", title: "Safer recruitment report", context: context, values: values, status: .badRequest)
        }
    }

    private func download(_ request: Request, context: WebContext, format: String) throws -> Response {
        try Self.requireReader(context)
        let scope: ReportScope
        do { scope = try self.scope(request) } catch { return try report(request, context: context) }
        let text: String
        do {
            text = try store.renderComplianceReport(scope, format: format, templates: try TemplateSet.load(overrides: store.setting("templates_dir")),
                                                    by: try context.staff.name)
        } catch ShortlistError.unknownVacancy, ShortlistError.invalidValue {
            return try report(request, context: context)   // the refusal, beside its field
        }
        return Response(status: .ok, headers: [
            .contentType: format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(scope.fileName(extension: format))\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The report as a document to print: HTML shown in the browser, a PDF as a download.
    private func printable(_ request: Request, context: WebContext, format: DocumentFormat) throws -> Response {
        try Self.requireReader(context)
        let scope: ReportScope
        do { scope = try self.scope(request) } catch { return try report(request, context: context) }
        do {
            return try documents.serve(.report(scope), format: format, context: context)
        } catch ShortlistError.unknownVacancy, ShortlistError.invalidValue {
            return try report(request, context: context)   // the refusal, beside its field
        }
    }

    /// The forms' values: what was typed (or the period shown), the default period, and the vacancies to choose from.
    private func formValues(_ request: Request, scope: ReportScope?) throws -> [String: Any] {
        let query = WebForm(query: request)
        let period = ReportPeriod.schoolYear(containing: Day(store.now))
        var typed = ["from": query["from"], "to": query["to"], "vacancy": query["vacancy"]]
        if case let .period(from, to)? = scope { typed["from"] = from.uk; typed["to"] = to.uk }
        if scope == nil, typed["from"] == "", typed["to"] == "", typed["vacancy"] == "" { typed = ["from": period.from.uk, "to": period.to.uk] }
        let chosen = typed["vacancy"] ?? ""
        return ["form": typed, "defaultPeriod": "\(ReportPeriod.defaultDescription): \(period.from.uk) to \(period.to.uk)",
                "vacancies": try store.vacancies().map { ["reference": $0.reference, "postTitle": $0.postTitle, "selected": $0.reference == chosen] }]
    }

    /// The exceptions, each with its kind's label, in the report's order (exceptions first on the page).
    private static func exceptions(_ report: ComplianceReport) -> [[String: Any]] {
        let labels = Dictionary(uniqueKeysWithValues: report.exception_kinds.map { ($0.kind, $0.label) })
        return report.exceptions.map { ["vacancy": $0.vacancy, "path": VacancyView.path($0.vacancy), "candidate": $0.candidate,
                                         "label": labels[$0.kind] ?? $0.kind, "detail": $0.detail] }
    }

    /// The query that asks for `scope` again, for the download links.
    static func query(_ scope: ReportScope) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return switch scope {
        case let .vacancy(reference): "vacancy=" + (reference.addingPercentEncoding(withAllowedCharacters: allowed) ?? reference)
        case let .period(from, to): "from=\(from.iso)&to=\(to.iso)"
        }
    }
}
