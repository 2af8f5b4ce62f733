import Foundation

/// The forms a dossier, a pack or the governors' report can be had in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Markdown from the templates at the top of `Templates/` (a pack in Markdown is a folder: see `writePack`).
    case markdown
    /// One self-contained HTML file from the templates under `Templates/html/`, laid out to print on A4: no
    /// script, nothing loaded, its styles in the file.
    case html
    /// That HTML, printed by a headless Chromium (see `PDFPrinter`).
    case pdf

    public var fileExtension: String { self == .markdown ? "md" : rawValue }

    public var contentType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }
}

/// Which document to make.
public enum DocumentSubject: Sendable {
    /// One candidate's dossier.
    case dossier(CandidateReference)
    /// The pack of a vacancy as one document: its index, then each dossier from a new page.
    case pack(vacancy: String)
    /// The governors' report.
    case report(ReportScope)
}

/// A document made, ready to save or serve.
public struct RenderedDocument: Sendable, Equatable {
    /// The name to suggest for it, such as `TA-2026-03-1.pdf` or `TA-2026-03-pack.html`.
    public var fileName: String
    /// Its media type, such as `application/pdf`.
    public var contentType: String
    public var data: Data
}

/// The values of a pack printed as one document: the index's and each dossier's, the same models the
/// Markdown pack's files are rendered from.
public struct PackModel: Sendable {
    public var index: PackIndexModel
    public var dossiers: [DossierModel]
}

extension Store {
    /// Makes a document, hands it to `deliver`, then records who produced it exactly as the Markdown documents
    /// are recorded (each dossier; the pack; the report). If rendering, printing or delivery fails, nothing is
    /// recorded. No lock is held while it renders, prints or is delivered.
    public func document(_ subject: DocumentSubject, format: DocumentFormat, templates: TemplateSet, printer: PDFPrinter = PDFPrinter(),
                         by actor: String?, deliver: (RenderedDocument) throws(ShortlistError) -> Void) throws(ShortlistError) {
        try produce(subject, format: format, templates: templates, printer: printer, by: actor, deliver)
    }

    /// Makes a document and records who produced it; returns it (for the web interface to serve).
    public func document(_ subject: DocumentSubject, format: DocumentFormat, templates: TemplateSet, printer: PDFPrinter = PDFPrinter(),
                         by actor: String?) throws(ShortlistError) -> RenderedDocument {
        try produce(subject, format: format, templates: templates, printer: printer, by: actor) { $0 }
    }

    /// Writes a document to `path`, whole and owner-only; a file there is replaced only when `replacing`.
    /// It is recorded only once written (synced, not yet named), and named once recorded: a failed render,
    /// print or write records nothing.
    public func writeDocument(_ subject: DocumentSubject, format: DocumentFormat, to path: String, replacing: Bool, templates: TemplateSet,
                              printer: PDFPrinter = PDFPrinter(), by actor: String?) throws(ShortlistError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .file(path: path, reason: "is a folder; nothing was written. Give the name of a file to write, such as "
                + "pack.\(format.fileExtension)")
        }
        if !replacing { try AtomicFile.refuseExisting(path, remedy: "Use --force to replace it") }
        let staged = try produce(subject, format: format, templates: templates, printer: printer, by: actor) { (document) throws(ShortlistError) in
            try AtomicFile.stage(document.data, for: path)
        }
        try staged.publish(replacing: replacing, recorded: true)
    }

    private func produce<T>(_ subject: DocumentSubject, format: DocumentFormat, templates: TemplateSet, printer: PDFPrinter, by actor: String?,
                            _ make: (RenderedDocument) throws(ShortlistError) -> T) throws(ShortlistError) -> T {
        let render = DocumentRenderer(format: format, templates: templates, printer: printer)
        switch subject {
        case let .dossier(reference):
            let source = try panelSource(vacancy: reference.vacancy, only: reference, by: actor)
            let made = try make(try render(source.dossierModel(source.candidates[0]), template: "dossier", fileName: reference.fileName,
                                           document: "the dossier of \(reference)"))
            try recordPanelDocuments(source, pack: false, by: actor)
            return made
        case let .pack(vacancy):
            guard format != .markdown else {
                throw .notAllowed(record: "The pack of \(vacancy)", reason: "a pack in Markdown is a folder of files, an index and one per dossier",
                                  remedy: "Write it into a folder with `shortlist pack \(vacancy) --out FOLDER`, or make it as one html or pdf document")
            }
            let source = try panelSource(vacancy: vacancy, only: nil, by: actor)
            let model = PackModel(index: source.indexModel, dossiers: source.candidates.map(source.dossierModel))
            let made = try make(try render(model, template: "pack", fileName: vacancy + "-pack", document: "the pack of \(vacancy)"))
            try recordPanelDocuments(source, pack: true, by: actor)
            return made
        case let .report(scope):
            let name = switch scope {
            case let .vacancy(reference): "report-\(reference)"
            case let .period(from, to): "report-\(from.iso)-to-\(to.iso)"
            }
            return try producedReport(scope, by: actor) { (report) throws(ShortlistError) in
                try make(try render(report, template: "report", fileName: name, document: "the governors' report"))
            }
        }
    }
}

/// Renders a model in one format: Markdown from `NAME`, HTML from `html/NAME`, PDF by printing that HTML.
struct DocumentRenderer {
    let format: DocumentFormat
    let templates: TemplateSet
    let printer: PDFPrinter

    func callAsFunction(_ model: Any, template: String, fileName: String, document: String) throws(ShortlistError) -> RenderedDocument {
        // The pack has no Markdown template of its own: its Markdown form is a folder.
        let name = format == .markdown ? template : TemplateSet.htmlFolder + template
        let text = Data(try templates.render(model, template: name).utf8)
        let data = format == .pdf ? try printer.print(html: text, document: document) : text
        return RenderedDocument(fileName: fileName + "." + format.fileExtension, contentType: format.contentType, data: data)
    }
}
