import Foundation
import ShortlistKit

/// A governor's part of the home page: what to audit (the vacancies of this school year with exceptions) and the
/// fingerprint to note. Reading the exceptions here is not producing the report; opening it from the links is.
struct GovernorHome {
    let store: Store

    /// The values of `home-governor`, or nil when the reader does not audit.
    func values(_ reader: WebReader) throws -> [String: Any]? {
        guard reader.audits else { return nil }
        let period = ReportPeriod.schoolYear(containing: Day(store.now))
        let exceptions = try store.complianceExceptions(.period(from: period.from, to: period.to), by: reader.staff.name)
        var order: [String] = []
        var counts: [String: Int] = [:]
        for exception in exceptions {
            if counts[exception.vacancy] == nil { order.append(exception.vacancy) }
            counts[exception.vacancy, default: 0] += 1
        }
        var values: [String: Any] = [
            "period": "\(period.from.uk) to \(period.to.uk)",
            "withExceptions": order.map { ["reference": $0, "count": counts[$0]!, "plural": counts[$0]! != 1,
                                           "path": "/report?" + ReportRoutes.query(.vacancy($0))] },
            "noExceptions": order.isEmpty,
        ]
        if let head = try store.auditHead() {
            values["head"] = ["seq": head.seq, "at": Timestamp.uk(iso: head.at), "fingerprint": head.fingerprint]
        }
        return values
    }
}
