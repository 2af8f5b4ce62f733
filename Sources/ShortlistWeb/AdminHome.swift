import Foundation
import ShortlistKit

/// An admin's part of the home page: the purge due, the health checks that fail, and the staff who cannot sign in yet.
struct AdminHome {
    let store: Store

    /// The values of `home-admin`, or nil when the reader does not administer.
    func values(_ reader: WebReader) throws -> [String: Any]? {
        guard reader.administers else { return nil }
        let plan = try store.purgePlan()
        let problems = try store.doctor().filter { !$0.passed }
        let waiting = try store.staffAccounts().filter(\.needsPassword)
        return [
            "purgeDue": plan.due.count, "purgePlural": plan.due.count != 1, "hasPurge": !plan.due.isEmpty, "held": plan.held.count,
            "problems": problems.map { ["name": $0.name, "detail": $0.detail] }, "healthy": problems.isEmpty,
            "waiting": waiting.map { ["name": $0.member.name, "path": StaffRoutes.path($0.member)] }, "allCanSignIn": waiting.isEmpty,
        ]
    }
}
