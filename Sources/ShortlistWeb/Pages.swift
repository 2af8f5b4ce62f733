import Foundation
import Hummingbird
import Mustache
import ShortlistKit

/// The pages of the web interface, rendered from the built-in templates under `Templates/web/`.
/// Every value is escaped for HTML (Mustache's default content type), and no template writes one unescaped.
struct Pages: Sendable {
    private let library: MustacheLibrary
    /// The one stylesheet (`Templates/web/style.css.mustache`), served as it is.
    let stylesheet: String
    /// Whether cookies are marked Secure (TLS here, or in front of the server).
    let secureCookies: Bool

    init(secureCookies: Bool) throws {
        var library = MustacheLibrary()
        let templates = WebTemplates.all
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) where !name.hasSuffix(".css") {
            try library.register(text, named: name)
        }
        self.library = library
        self.stylesheet = templates["style.css"] ?? ""
        self.secureCookies = secureCookies
    }

    /// The page `template` with `values`, and what every page shows: the title, who is signed in,
    /// and the session's form token.
    func page(_ template: String, title: String, context: WebContext, values: [String: Any] = [:],
              status: HTTPResponse.Status = .ok) -> Response {
        var all = values
        all["title"] = title
        if let session = context.session {
            all["signedIn"] = ["name": session.staff.name, "roles": session.staff.roles.map(\.rawValue).joined(separator: ", ")]
            all["csrf"] = session.csrfToken
            // What each role's navigation offers: nobody sees a link to what their role cannot do.
            let reader = WebReader(session.staff)
            all["nav"] = ["searches": reader.searches, "readsSearchRecords": reader.readsSearchRecords, "decides": reader.decides,
                          "sitsOnPanels": reader.sitsOnPanels, "readsReport": reader.readsReport, "readsPanelDocuments": reader.readsPanelDocuments, "administers": reader.administers]
        }
        let html = library.render(all, withTemplate: template) ?? "<!doctype html><title>Missing page</title><p>The page \(template) is missing.</p>"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page that says why a request was refused and what to do.
    func refusal(_ status: HTTPResponse.Status, title: String, message: String, context: WebContext) -> Response {
        page("refusal", title: title, context: context, values: ["message": message], status: status)
    }

    /// The page for a refusal of the web interface's own.
    func refusal(_ refusal: WebRefusal, context: WebContext) -> Response {
        switch refusal {
        case .signInRequired: .redirect(to: "/sign-in")
        case .badFormToken:
            self.refusal(.forbidden, title: "The form has expired", message: "Go back, reload the page and try again.", context: context)
        case let .forbidden(what):
            self.refusal(.forbidden, title: "Not open to you", message: "Your roles do not let you \(what).", context: context)
        case .notFound:
            self.refusal(.notFound, title: "Page not found", message: "There is no such page or record.", context: context)
        }
    }
}

/// A library error shown on a form: beside the field it is about when there is one, else above the form.
struct FormError {
    var field: String?
    var message: String

    /// `fields` maps the names the library gives fields (`--interview`, `interview`) to the form's own.
    init(_ error: ShortlistError, fields: [String: String]) {
        message = error.message
        switch error {
        case let .invalidValue(field, _, _), let .invalidDate(field, _):
            self.field = fields[field] ?? fields[field.replacingOccurrences(of: "--", with: "")]
        case let .missingValues(_, missing, _):
            self.field = missing.compactMap { fields[$0] }.first
        default:
            self.field = nil
        }
    }

    /// One error per field for a library error that names several missing values at once; else one.
    static func list(_ error: ShortlistError, fields: [String: String]) -> [FormError] {
        guard case let .missingValues(_, missing, hints) = error else { return [FormError(error, fields: fields)] }
        return zip(missing, hints).map { field, hint in
            FormError(field: fields[field] ?? fields[field.replacingOccurrences(of: "--", with: "")], message: "Give \(hint).")
        }
    }

    init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    /// The values a template shows: `errors` (the summary) and `error_FIELD` beside each field.
    static func values(_ errors: [FormError]) -> [String: Any] {
        var values: [String: Any] = ["errors": errors.map { error in
            error.field.map { ["message": error.message, "field": $0] } ?? ["message": error.message] }, "hasErrors": !errors.isEmpty]
        for error in errors { if let field = error.field { values["error_" + field] = error.message } }
        return values
    }
}

extension WebForm {
    /// What was typed, for the form shown again (`form.NAME` in a template), so nothing is lost.
    var typed: [String: String] {
        var values: [String: String] = [:]
        for name in fieldNames { values[name] = all(name).first ?? "" }
        return values
    }
}
