import Foundation

extension Store {
    /// The exceptions the governors' report on `scope` would list, judged by `ComplianceRules`, for a page that
    /// points to the report (a governor's home page): read as the report is, and not recorded as producing it.
    public func complianceExceptions(_ scope: ReportScope, by actor: String?) throws(ShortlistError) -> [ComplianceException] {
        let source = try reportSource(scope, by: actor)
        return source.vacancies.flatMap { ComplianceRules.assess($0, today: source.today).exceptions }
    }
}
