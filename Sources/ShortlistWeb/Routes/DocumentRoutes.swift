import Foundation
import HTTPTypes
import Hummingbird
import ShortlistKit

/// The printable documents, made by the same library calls as `shortlist dossier`, `pack` and `report`
/// (`Store.document`): a vacancy's pack page, the pack and each dossier as HTML to print from the browser, and
/// as PDF where a Chromium is installed. Each one made is recorded as produced by the staff member signed in.
struct DocumentRoutes {
    let store: Store
    let pages: Pages
    let printer = PDFPrinter()

    /// The policy of a printable document: its own inline styles and nothing else, no script, no form.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func add(to router: Router<WebContext>) {
        router.get("/vacancies/{ref}/pack") { _, context in try packPage(context: context) }
        router.get("/vacancies/{ref}/pack.html") { _, context in try pack(context: context, format: .html) }
        router.get("/vacancies/{ref}/pack.pdf") { _, context in try pack(context: context, format: .pdf) }
        router.get("/vacancies/{ref}/candidates/{number}/dossier.html") { _, context in try dossier(context: context, format: .html) }
        router.get("/vacancies/{ref}/candidates/{number}/dossier.pdf") { _, context in try dossier(context: context, format: .pdf) }
    }

    /// The vacancy a path names, once the reader may read its panel documents.
    private func vacancy(_ context: WebContext) throws -> Vacancy {
        let vacancy = try VacancyRoutes.vacancy(store, context: context)
        guard try context.reader.readsPanelDocuments else { throw WebRefusal.forbidden("read the interview panel's documents") }
        return vacancy
    }

    private func packPage(context: WebContext) throws -> Response {
        let vacancy = try vacancy(context)
        let progress = try store.searchProgress(vacancy: vacancy.reference).first
        let candidates = (progress?.candidates ?? []).filter(\.inPack).map { candidate in
            let path = CandidateView.path(candidate.candidate.reference)
            return ["reference": candidate.candidate.reference.description, "name": candidate.candidate.fullName,
                    "status": candidate.isComplete ? "complete" : "DRAFT", "html": path + "/dossier.html", "pdf": path + "/dossier.pdf"]
        }
        let base = VacancyView.path(vacancy.reference)
        return pages.page("pack", title: "Interview pack for \(vacancy.reference)", context: context, values: [
            "vacancy": VacancyView.summary(vacancy, today: Day(store.now)), "html": base + "/pack.html", "pdf": base + "/pack.pdf",
            "printsPDF": printer.isAvailable, "candidates": candidates,
        ])
    }

    private func pack(context: WebContext, format: DocumentFormat) throws -> Response {
        let vacancy = try vacancy(context)
        return try serve(.pack(vacancy: vacancy.reference), format: format, context: context)
    }

    private func dossier(context: WebContext, format: DocumentFormat) throws -> Response {
        let vacancy = try vacancy(context)
        guard let number = context.parameters.get("number").flatMap(Int.init) else { throw WebRefusal.notFound }
        return try serve(.dossier(CandidateReference(vacancy: vacancy.reference, number: number)), format: format, context: context)
    }

    /// The document, made and recorded: HTML shown in the browser to print, a PDF as a download.
    func serve(_ subject: DocumentSubject, format: DocumentFormat, context: WebContext) throws -> Response {
        let templates = try TemplateSet.load(overrides: store.setting("templates_dir"))
        let document = try store.document(subject, format: format, templates: templates, printer: printer, by: context.staff.name)
        var headers: HTTPFields = [.contentType: document.contentType, HTTPField.Name("Content-Security-Policy")!: Self.documentPolicy]
        let disposition = format == .html ? "inline" : "attachment"
        headers[.contentDisposition] = "\(disposition); filename=\"\(document.fileName)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document.data)))
    }
}
