import Foundation
import Hummingbird
import ShortlistKit

/// Signing in and out, and first-time links.
struct SignInRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/sign-in") { request, context in signInPage(context: context, name: "", error: nil) }
        // Browsers ask for it unprompted; answered without a redirect to the sign-in page (which would replace its form token).
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.post("/sign-in") { request, context in try await signIn(context: context) }
        router.post("/sign-out") { request, context in try signOut(context: context) }
        router.get("/invite/{token}") { request, context in try invitePage(context: context, error: nil) }
        router.post("/invite/{token}") { request, context in try acceptInvite(context: context) }
    }

    /// The sign-in form, with a fresh token in its own cookie (there is no session yet to hold one).
    private func signInPage(context: WebContext, name: String, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        if context.session != nil { return .redirect(to: "/") }
        let token = context.formCookie ?? WebCookies.randomToken()
        var values: [String: Any] = ["formToken": token, "form": ["name": name]]
        if let error { values.merge(FormError.values([FormError(field: "password", message: error)])) { $1 } }
        var response = pages.page("sign-in", title: "Sign in", context: context, values: values, status: status)
        response.setCookie(WebCookies.make(WebCookies.signInForm, token, secure: pages.secureCookies))
        return response
    }

    private func signIn(context: WebContext) async throws -> Response {
        let name = context.form["name"]
        switch try store.signIn(name: name, password: context.form.all("password").first ?? "") {
        case let .signedIn(token, _):
            // Signing in again from a signed-in browser ends the session it had.
            if let earlier = context.sessionToken { try store.signOut(token: earlier) }
            var response = Response.redirect(to: "/")
            response.setCookie(WebCookies.make(WebCookies.session, token, secure: pages.secureCookies))
            response.setCookie(WebCookies.make(WebCookies.signInForm, "", secure: pages.secureCookies, maxAge: 0))
            return response
        case let .refused(delay):
            try await Task.sleep(for: delay)
            return signInPage(context: context, name: name, error: "The name or the password is not right.", status: .unauthorized)
        case let .locked(until):
            let message = "Too many failed sign-ins for this name: it is locked until \(Timestamp.uk(until)). "
                + "An admin can set a new password with `shortlist staff password NAME`."
            return signInPage(context: context, name: name, error: message, status: .tooManyRequests)
        }
    }

    private func signOut(context: WebContext) throws -> Response {
        if let token = context.sessionToken { try store.signOut(token: token) }
        var response = Response.redirect(to: "/sign-in")
        response.setCookie(WebCookies.make(WebCookies.session, "", secure: pages.secureCookies, maxAge: 0))
        return response
    }

    private func invitePage(context: WebContext, error: FormError?, status: HTTPResponse.Status = .ok) throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let member = try store.invitedStaff(token: token) else {
            return pages.refusal(.notFound, title: "This link no longer works",
                                 message: "It has expired or was already used. Ask an admin for a new one (`shortlist staff invite NAME`).", context: context)
        }
        let formToken = context.formCookie ?? WebCookies.randomToken()
        var values: [String: Any] = ["formToken": formToken, "staffName": member.name, "token": token,
                                     "minimum": SignInPolicy.minimumPasswordLength]
        if let error { values.merge(FormError.values([error])) { $1 } }
        var response = pages.page("invite", title: "Choose your password", context: context, values: values, status: status)
        response.setCookie(WebCookies.make(WebCookies.signInForm, formToken, secure: pages.secureCookies))
        return response
    }

    private func acceptInvite(context: WebContext) throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let password = context.form.all("password").first ?? ""
        guard password == (context.form.all("confirm").first ?? "") else {
            return try invitePage(context: context, error: FormError(field: "confirm", message: "The two passwords are not the same."), status: .badRequest)
        }
        do {
            let member = try store.acceptInvite(token: token, password: password)
            return pages.page("invite-done", title: "Password set", context: context, values: ["staffName": member.name])
        } catch {
            return try invitePage(context: context, error: FormError(error, fields: ["password": "password"]), status: .badRequest)
        }
    }
}
