import Hummingbird
import ShortlistKit

/// What one request carries through the middleware to its route: the signed-in staff member's
/// session (once `SessionMiddleware` has found it) and the form the request posted.
public struct WebContext: RequestContext {
    /// Hummingbird's own per-request values (parameters, logger).
    public var coreContext: CoreRequestContextStorage
    /// The session of the staff member signed in; nil on the sign-in pages.
    public var session: WebSession?
    /// The session's secret, as the cookie carried it (for signing out and the public-only statement).
    var sessionToken: String?
    /// The sign-in form's token, from its cookie, when the browser has one.
    var formCookie: String?
    /// The fields (and uploaded files) of a POST, read once by `FormMiddleware`.
    var form = WebForm()

    /// A context for a new request, before any middleware has run.
    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Uploads (a shortlist, evidence screenshots) may be larger than Hummingbird's 2 MB default.
    public var maxUploadSize: Int { 25 * 1024 * 1024 }

    /// The signed-in staff member; the session middleware lets no request without one reach a route that asks.
    var staff: StaffMember {
        get throws(WebRefusal) {
            guard let session else { throw .signInRequired }
            return session.staff
        }
    }

    /// What the signed-in staff member may read.
    var reader: WebReader {
        get throws(WebRefusal) { WebReader(try staff) }
    }
}

/// Why the web interface refuses a request before any operation runs.
enum WebRefusal: Error, Equatable {
    /// No session: the request is sent to the sign-in page.
    case signInRequired
    /// The form's CSRF token is missing or wrong.
    case badFormToken
    /// The staff member's roles do not let them open this page or make this change.
    case forbidden(String)
    /// No such page or record.
    case notFound
}
