import Foundation

/// What a staff member may do in the tool.
public enum StaffRole: String, CaseIterable, Codable, Sendable, Comparable {
    /// Manages staff and settings.
    case admin
    /// Carries out and records online searches (usually HR or the school business manager).
    case searcher
    /// Sits on interview panels and reads dossiers.
    case panel
    /// Decides whether a finding is raised at interview.
    case recruitingManager = "recruiting-manager"
    /// Audits the process.
    case governor

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a role name, naming the valid ones when it is not one.
    public static func parse(_ text: String, field: String = "--role") throws(ShortlistError) -> StaffRole {
        guard let role = StaffRole(rawValue: text.lowercased()) else {
            throw .invalidValue(field: field, value: text,
                                expected: "one of " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return role
    }
}

/// Someone who acts in the tool.
public struct StaffMember: Equatable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var roles: [StaffRole]
    public var createdAt: String
}
