import Foundation

/// The rules of signing in to the web interface: passwords, invitations, sessions and failed attempts.
public enum SignInPolicy {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 12
    /// bcrypt reads only the first 72 bytes of a password, so a longer one is refused rather than cut.
    public static let maximumPasswordBytes = 72
    /// bcrypt's cost for new hashes (2^12 rounds: about a quarter of a second here).
    public static let bcryptCost: UInt8 = 12
    /// A session ends after this long without a request (the `session_idle_minutes` setting).
    public static let defaultIdle: TimeInterval = 30 * 60
    /// A session ends this long after sign-in, however active (the `session_absolute_hours` setting).
    public static let defaultAbsolute: TimeInterval = 8 * 60 * 60
    /// How long a first-time link (`staff invite`) works.
    public static let inviteLifetime: TimeInterval = 72 * 60 * 60
    /// Failed sign-ins for a name count for this long.
    public static let failureWindow: TimeInterval = 15 * 60
    /// From this many recent failures on, each answer is slowed.
    public static let slowAfter = 3
    /// This many recent failures lock the name.
    public static let lockAfter = 5
    /// How long a locked name stays locked after its last failure.
    public static let lockFor: TimeInterval = 15 * 60

    /// Refuses a password that is too short, too long for bcrypt, or not on one line.
    public static func checkPassword(_ password: String) throws(ShortlistError) {
        let expected = "a password of at least \(minimumPasswordLength) characters and at most \(maximumPasswordBytes) bytes, on one line"
        guard password.count >= minimumPasswordLength, password.utf8.count <= maximumPasswordBytes,
              !password.contains(where: { $0.isNewline }), SafeText.forbiddenCharacter(in: password) == nil
        else { throw .invalidValue(field: "password", value: "(not shown)", expected: expected) }
    }

    /// How long to wait before answering a sign-in, given the recent failures for the name.
    public static func delay(afterFailures failures: Int) -> Duration {
        guard failures >= slowAfter else { return .zero }
        return .seconds(min(failures - slowAfter + 1, 5))
    }

    /// Until when the name is locked, given the times of its recent failures; nil when it is not.
    public static func lockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < failureWindow }
        guard recent.count >= lockAfter, let last = recent.max() else { return nil }
        let until = last.addingTimeInterval(lockFor)
        return until > now ? until : nil
    }

    /// Why a session no longer lets its holder in; nil while it does.
    public static func sessionEnd(createdAt: Date, lastSeenAt: Date, now: Date,
                                  idle: TimeInterval = defaultIdle, absolute: TimeInterval = defaultAbsolute) -> SessionEnd? {
        if now.timeIntervalSince(createdAt) >= absolute { return .absoluteExpiry }
        if now.timeIntervalSince(lastSeenAt) >= idle { return .idleExpiry }
        return nil
    }
}

/// Why a web session ended.
public enum SessionEnd: String, Sendable, CaseIterable {
    /// The staff member signed out.
    case signedOut = "signed out"
    /// No request came for longer than the idle limit.
    case idleExpiry = "idle too long"
    /// The session reached its absolute limit.
    case absoluteExpiry = "reached its time limit"
    /// The staff member's roles changed since sign-in.
    case rolesChanged = "roles changed"
    /// A new password was set.
    case passwordChanged = "password changed"
}

/// A signed-in staff member's session, as the web interface holds it for one request.
public struct WebSession: Sendable, Equatable {
    /// Who is signed in, with their roles now.
    public var staff: StaffMember
    /// The token that every form of this session carries (derived from the session's secret, never stored).
    public var csrfToken: String
    /// The searcher stated, for this session, that they view public information only.
    public var publicOnlyConfirmed: Bool
    /// When the session began.
    public var createdAt: Date
}

/// The answer to a sign-in.
public enum SignInOutcome: Sendable, Equatable {
    /// Signed in: the session's secret token, to be handed back in a cookie only.
    case signedIn(token: String, staff: StaffMember)
    /// Wrong name or password; answer after `delay`.
    case refused(delay: Duration)
    /// Too many failures: refused until then, whatever the password.
    case locked(until: Date)
}

/// A first-time link's secret, printed once by `staff invite`.
public struct StaffInvite: Sendable, Equatable {
    /// Who it is for.
    public var staff: String
    /// The secret token the link carries.
    public var token: String
    /// When it stops working.
    public var expiresAt: Date
}

/// What a signed-in staff member may read and do through the web interface: the read side of the roles.
/// Writes are refused by the library's own operations; these gate every page before anything is read.
public struct WebReader: Sendable, Equatable {
    /// The staff member reading.
    public var staff: StaffMember

    /// The reader who is `staff`.
    public init(_ staff: StaffMember) { self.staff = staff }

    private func holds(_ roles: StaffRole...) -> Bool { staff.roles.contains(where: roles.contains) }

    /// Searchers and admins carry out searches and make the searcher's changes (every POST of part 1).
    public var searches: Bool { holds(.searcher, .admin) }

    /// Search records (plans, entries, status): everyone but a panel-only member.
    public var readsSearchRecords: Bool { holds(.searcher, .admin, .recruitingManager, .governor) }

    /// Findings' full text: searchers, recruiting managers and admins (protected ones: see `Finding.shown(to:)`).
    public var readsFindings: Bool { holds(.searcher, .admin, .recruitingManager) }

    /// Recruiting managers decide whether findings are raised at interview.
    public var decides: Bool { holds(.recruitingManager) }

    /// Panel members read the packs of the vacancies whose panel they sit on and record responses.
    public var sitsOnPanels: Bool { holds(.panel) }

    /// Dossiers and packs: searchers, recruiting managers, panel members and admins (the roles `Store` lets
    /// produce panel documents); a panel-only member for the vacancies they sit on (see `reads`).
    public var readsPanelDocuments: Bool { holds(.searcher, .recruitingManager, .panel, .admin) }

    /// The safer-recruitment report and the audit trail's fingerprint: governors, and the staff who run recruitment
    /// (the roles `Store` lets produce the report).
    public var readsReport: Bool { holds(.governor, .admin, .recruitingManager, .searcher) }

    /// Governors audit the process: their home page lists what to audit (vacancies with exceptions, the fingerprint to note).
    public var audits: Bool { holds(.governor) }

    /// Admins manage staff, settings, retention, backups and subject-access exports.
    public var administers: Bool { holds(.admin) }

    /// Whether the reader sits on the vacancy's interview panel (and so sees its panel's screens).
    public func sitsOnPanel(of vacancy: Vacancy) -> Bool {
        sitsOnPanels && vacancy.panel.contains(staff.name)
    }

    /// Whether the vacancy is one this reader may open: all of them, except for a panel-only member,
    /// who sees only the vacancies whose panel they sit on.
    public func reads(_ vacancy: Vacancy) -> Bool {
        readsSearchRecords || vacancy.panel.contains(staff.name)
    }
}
