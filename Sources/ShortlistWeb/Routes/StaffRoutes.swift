import Foundation
import Hummingbird
import ShortlistKit

/// The admin's staff pages: the list, adding a member with roles, and for each member changing roles,
/// a first-time link (as `staff invite` prints), a new password (as `staff password` sets) and deactivation.
struct StaffRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/admin/staff") { _, context in try list(context: context, errors: []) }
        router.post("/admin/staff") { _, context in try addStaff(context: context) }
        router.get("/admin/staff/{id}") { request, context in
            try member(context: context, added: request.uri.queryParameters.get("added") != nil)
        }
        router.post("/admin/staff/{id}/roles") { _, context in try changeRoles(context: context) }
        router.post("/admin/staff/{id}/invite") { request, context in try invite(request, context: context) }
        router.post("/admin/staff/{id}/password") { _, context in try setPassword(context: context) }
        router.post("/admin/staff/{id}/deactivate") { _, context in try deactivate(context: context) }
    }

    /// A staff member's page (by id: names hold spaces and any letters).
    static func path(_ member: StaffMember) -> String { "/admin/staff/\(member.id)" }

    private static func roles(ticked: [String]) -> [[String: Any]] {
        StaffRole.allCases.map { ["value": $0.rawValue, "checked": ticked.contains($0.rawValue)] }
    }

    private func list(context: WebContext, errors: [FormError], status: HTTPResponse.Status = .ok) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        var values = FormError.values(errors)
        values["staff"] = try store.staffAccounts().map { account in
            ["name": account.member.name, "path": Self.path(account.member), "active": account.isActive,
             "roles": account.member.roles.map(\.rawValue).joined(separator: ", "),
             "signIn": account.hasPassword ? "password set" : account.invitedUntil.map { "first-time link until \(Timestamp.uk($0))" } ?? "no password"]
        }
        values["form"] = context.form.typed
        values["roles"] = Self.roles(ticked: context.form.all("role"))
        return pages.page("staff", title: "Staff", context: context, values: values, status: status)
    }

    private func addStaff(context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        do {
            let roles = try context.form.all("role").map { (r) throws(ShortlistError) in try StaffRole.parse(r) }
            let member = try store.addStaff(name: context.form["name"], roles: roles, by: try context.staff.name)
            return .redirect(to: Self.path(member) + "?added=1")
        } catch let error as ShortlistError {
            return try list(context: context, errors: [FormError(field: Self.field(of: error), message: error.message)], status: .badRequest)
        }
    }

    /// The field of the add form a refusal is about.
    private static func field(of error: ShortlistError) -> String? {
        switch error {
        case .duplicateStaff, .confusableName, .unsafeText: "name"
        default: FormError(error, fields: ["name": "name", "--role": "role"]).field
        }
    }

    /// The staff member a path names.
    private func account(_ context: WebContext) throws -> StaffAccount {
        let id = Int64(context.parameters.get("id") ?? "")
        guard let account = try store.staffAccounts().first(where: { $0.member.id == id }) else { throw WebRefusal.notFound }
        return account
    }

    private func member(context: WebContext, notice: String? = nil, added: Bool = false, errors: [FormError] = [], extra: [String: Any] = [:],
                        status: HTTPResponse.Status = .ok) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let account = try account(context)
        var values = FormError.values(errors).merging(extra) { $1 }
        values["notice"] = notice ?? (added ? "Added \(account.member.name)." : nil)
        values["name"] = account.member.name
        values["path"] = Self.path(account.member)
        values["active"] = account.isActive
        values["hasPassword"] = account.hasPassword
        values["invitedUntil"] = account.invitedUntil.map(Timestamp.uk)
        values["roles"] = Self.roles(ticked: account.member.roles.map(\.rawValue))
        values["minimum"] = SignInPolicy.minimumPasswordLength
        return pages.page("staff-member", title: account.member.name, context: context, values: values, status: status)
    }

    private func changeRoles(context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let before = try account(context).member
        do {
            let ticked = try context.form.all("role").map { (r) throws(ShortlistError) in try StaffRole.parse(r) }
            let after = try store.updateStaff(name: before.name, adding: ticked.filter { !before.roles.contains($0) },
                                              removing: before.roles.filter { !ticked.contains($0) }, by: try context.staff.name)
            let roles = after.roles.isEmpty ? "no roles (deactivated)" : after.roles.map(\.rawValue).joined(separator: ", ")
            return try member(context: context, notice: "\(after.name): \(roles).")
        } catch let error as ShortlistError {
            return try member(context: context, errors: [FormError(field: "role", message: error.message)], status: .badRequest)
        }
    }

    /// A one-use first-time link, shown once; the address is the one this page was opened at.
    private func invite(_ request: Request, context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let name = try account(context).member.name
        let invite = try store.inviteStaff(name, by: try context.staff.name)
        let base = (pages.secureCookies ? "https://" : "http://") + (request.head.authority ?? "127.0.0.1:8080")
        return try member(context: context, notice: "Made a first-time link for \(invite.staff).",
                          extra: ["link": ["url": "\(base)/invite/\(invite.token)", "until": Timestamp.uk(invite.expiresAt)]])
    }

    private func setPassword(context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let name = try account(context).member.name
        let password = context.form.all("password").first ?? ""
        guard password == (context.form.all("confirm").first ?? "") else {
            return try member(context: context, errors: [FormError(field: "confirm", message: "The two passwords are not the same.")], status: .badRequest)
        }
        do {
            try store.setPassword(of: name, to: password, by: try context.staff.name)
            return try member(context: context, notice: "Password set for \(name); any session they had open has ended.")
        } catch let error as ShortlistError {
            return try member(context: context, errors: [FormError(field: "password", message: error.message)], status: .badRequest)
        }
    }

    private func deactivate(context: WebContext) throws -> Response {
        try AdminRoutes.requireAdmin(context)
        let name = try account(context).member.name
        do {
            try store.deactivateStaff(name: name, by: try context.staff.name)
            return try member(context: context, notice: "Deactivated \(name): no roles, no password, no session. Give them a role again to reactivate.")
        } catch let error as ShortlistError {
            return try member(context: context, errors: [FormError(field: nil, message: error.message)], status: .badRequest)
        }
    }
}
