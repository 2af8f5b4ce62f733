import Foundation
import HTTPTypes
import Hummingbird
import ShortlistKit

/// One line on standard error per request: when, method, path without its query, status and time taken.
/// Never the query, the form or a name: paths hold only references.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let line = "\(Timestamp.iso(Date())) \(request.method.rawValue) \(Self.logged(request.uri.path)) \(status) \(ms)ms\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }

    /// The path as logged: an invitation's one-use token is a secret, so it is never written.
    static func logged(_ path: String) -> String {
        path.hasPrefix("/invite/") ? "/invite/(token)" : path
    }
}

/// The headers on every response: a content security policy with no inline script or style, no
/// framing, no referrer, and no caching of pages (they hold personal data).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let headers: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
    ]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors the router and the body reader throw (not found, too large, unreadable) get the headers too.
            response = try error.response(from: request, context: context)
        } catch {
            response = Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "Something went wrong. Try again; if it happens again, tell the school's admin.\n")))
        }
        // A printable document (`DocumentRoutes`) brings its own, stricter policy: its styles are inline, and nothing else loads.
        let ownPolicy = response.headers[HTTPField.Name("Content-Security-Policy")!]
        for (name, value) in Self.headers { response.headers[HTTPField.Name(name)!] = value }
        if let ownPolicy { response.headers[HTTPField.Name("Content-Security-Policy")!] = ownPolicy }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Reads a POST's form once (URL-encoded or multipart), for the CSRF check and the route.
struct FormMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// The largest form the pages open without a session accept.
    static let openFormLimit = 64 * 1024

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        // The pages open to anyone (signing in, accepting an invitation) take a small form, never an upload.
        let open = request.uri.path == "/sign-in" || request.uri.path.hasPrefix("/invite/")
        let buffer = try await request.collectBody(upTo: open ? Self.openFormLimit : context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"),
           let boundary = type.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
               .first(where: { $0.hasPrefix("boundary=") })?.dropFirst("boundary=".count) {
            guard let form = WebForm(multipart: bytes, boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) else {
                throw HTTPError(.badRequest, message: "The form could not be read.")
            }
            context.form = form
        } else {
            context.form = WebForm(urlEncoded: String(decoding: bytes, as: UTF8.self))
        }
        return try await next(request, context)
    }
}

/// Finds the signed-in staff member's session from its cookie, sends anyone without one to the
/// sign-in page, and refuses any POST whose form does not carry the session's CSRF token (or, before
/// sign-in, the token of the sign-in form's own cookie).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let store: Store
    let pages: Pages

    /// Paths open without a session.
    static func isPublic(_ path: String) -> Bool {
        path == "/sign-in" || path == "/style.css" || path == "/favicon.ico" || path.hasPrefix("/invite/")
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[WebCookies.session]?.value, !token.isEmpty, let session = try store.webSession(token: token) {
            context.session = session
            context.sessionToken = token
        }
        // The form token of the sign-in pages' own cookie, kept while it lasts so that a second tab's page still posts.
        if let form = request.cookies[WebCookies.signInForm]?.value, form.count == 48, form.allSatisfy(\.isHexDigit) {
            context.formCookie = form
        }
        let path = request.uri.path
        if context.session == nil, !Self.isPublic(path) { return .redirect(to: "/sign-in") }
        if request.method == .post {
            let expected = context.session?.csrfToken ?? request.cookies[WebCookies.signInForm]?.value ?? ""
            guard !expected.isEmpty, WebCookies.same(context.form["csrf"], expected) else {
                return pages.refusal(.forbidden, title: "The form has expired",
                                     message: "This form was not sent from a page of this session. Go back, reload the page and try again.",
                                     context: context)
            }
        }
        return try await next(request, context)
    }
}

/// The cookies the interface sets.
enum WebCookies {
    /// The session's secret token.
    static let session = "shortlist_session"
    /// A random token the sign-in and first-time-link forms repeat (there is no session yet to carry one).
    static let signInForm = "shortlist_form"

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A cookie only this site's own pages send back: HttpOnly, SameSite=Strict, Secure when served over TLS.
    static func make(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A random token for a form's cookie.
    static func randomToken() -> String { SignInToken.make(bytes: 24) }
}
