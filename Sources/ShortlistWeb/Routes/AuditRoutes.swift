import Foundation
import Hummingbird
import ShortlistKit

/// `shortlist audit verify` as a page: the verification, the head and its fingerprint, and a check of a
/// fingerprint written in the governors' minutes (as `--expect-head` checks it).
struct AuditRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/audit") { request, context in try audit(request, context: context) }
    }

    private func audit(_ request: Request, context: WebContext) throws -> Response {
        guard try context.reader.readsReport else { throw WebRefusal.forbidden("verify the audit trail") }
        let expect = WebForm(query: request)["expect"]
        var values: [String: Any] = ["form": ["expect": expect]]
        let (result, error) = try verify(expect)
        if let error { values.merge(FormError.values([error])) { $1 } }
        values["valid"] = result.isValid
        values["lines"] = result.summary(advice: false)
        values["events"] = result.events
        values["fingerprint"] = result.fingerprint
        values["hash"] = result.head
        if let head = try store.auditHead(hash: result.head) {
            values["head"] = ["seq": head.seq, "at": Timestamp.uk(iso: head.at)]
        }
        if let expected = result.expectedHead {
            let holds = expected.found && result.brokenEvent == nil
            values["check"] = ["holds": holds, "detail": expected.detail, "typed": expect]
        }
        return pages.page("audit", title: "Audit trail", context: context, values: values, status: error == nil ? .ok : .badRequest)
    }

    /// The verification with the fingerprint typed, or, when it is not one, without it and the refusal beside its field.
    private func verify(_ expect: String) throws -> (AuditVerification, FormError?) {
        do {
            return (try store.verifyAudit(expectHead: expect.isEmpty ? nil : expect), nil)
        } catch {
            return (try store.verifyAudit(), FormError(error, fields: ["--expect-head": "expect"]))
        }
    }
}
