import Foundation

/// A staff member as the admin's staff page lists them: their roles and whether they can sign in.
public struct StaffAccount: Equatable, Sendable {
    public var member: StaffMember
    /// A password is set for the web interface.
    public var hasPassword: Bool
    /// Until when an unused first-time link works; nil when none does.
    public var invitedUntil: Date?

    public init(member: StaffMember, hasPassword: Bool, invitedUntil: Date?) {
        self.member = member
        self.hasPassword = hasPassword
        self.invitedUntil = invitedUntil
    }

    /// Active: holding at least one role. Deactivating removes every role (and the password), so that the
    /// name stays on the records it signed while it can do nothing more.
    public var isActive: Bool { !member.roles.isEmpty }

    /// Active, yet unable to sign in to the web interface: no password and no first-time link that still works.
    public var needsPassword: Bool { isActive && !hasPassword && invitedUntil == nil }
}
