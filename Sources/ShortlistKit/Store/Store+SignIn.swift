import Foundation
import GRDB
import HummingbirdBcrypt

/// Staff sign-in for the web interface: passwords, first-time links, sessions and failed attempts.
///
/// Secrets never reach the audit trail: events say that a password was set or a session began, never
/// the hash or the token. A session's or invitation's token is stored only as its SHA-256.
extension Store {
    // MARK: - Passwords and invitations

    /// Sets a staff member's password (admins only), hashed with bcrypt; their open sessions end.
    public func setPassword(of name: String, to password: String, by actor: String?) throws(ShortlistError) {
        try SignInPolicy.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: SignInPolicy.bcryptCost)
        try write(by: actor) { change in
            try change.require([.admin], to: "set staff passwords")
            let member = try change.staffMember(named: name)
            try change.storePassword(hash, of: member, event: "sign-in.password")
        }
    }

    /// Makes a one-use first-time link's secret for a staff member (admins only); it works for
    /// `SignInPolicy.inviteLifetime`. An earlier unused invitation for them stops working.
    public func inviteStaff(_ name: String, by actor: String?) throws(ShortlistError) -> StaffInvite {
        let token = SignInToken.make()
        return try write(by: actor) { change in
            try change.require([.admin], to: "invite staff")
            let member = try change.staffMember(named: name)
            let expires = change.now.addingTimeInterval(SignInPolicy.inviteLifetime)
            try change.db.execute(sql: "DELETE FROM staff_invite WHERE staff_id = ? AND used_at IS NULL", arguments: [member.id])
            try change.db.execute(sql: """
                INSERT INTO staff_invite (token_sha256, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)
                """, arguments: [Digest.sha256(token), member.id, change.timestamp, Timestamp.iso(expires)])
            try change.record("sign-in.invite", entity: "sign-in", ref: member.name, details: ["expires_at": Timestamp.iso(expires)])
            return StaffInvite(staff: member.name, token: token, expiresAt: expires)
        }
    }

    /// The staff member a first-time link is for, while it still works; nil otherwise.
    public func invitedStaff(token: String) throws(ShortlistError) -> StaffMember? {
        try read { db in try Store.openInvite(db, token: token, now: now)?.member }
    }

    /// Uses a first-time link: sets the password of the staff member it names, once.
    public func acceptInvite(token: String, password: String) throws(ShortlistError) -> StaffMember {
        try SignInPolicy.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: SignInPolicy.bcryptCost)
        let name = try read { db in try Store.openInvite(db, token: token, now: now)?.member.name }
        guard let name else { throw Store.inviteRefused }
        return try write(by: name) { change in
            guard let invite = try Store.openInvite(change.db, token: token, now: change.now) else { throw Store.inviteRefused }
            try change.db.execute(sql: "UPDATE staff_invite SET used_at = ? WHERE token_sha256 = ?",
                                  arguments: [change.timestamp, Digest.sha256(token)])
            try change.storePassword(hash, of: invite.member, event: "sign-in.invite-used")
            return invite.member
        }
    }

    private static let inviteRefused = ShortlistError.notAllowed(
        record: "the first-time link", reason: "it has expired or was already used",
        remedy: "Ask an admin for a new one: `shortlist staff invite NAME`.")

    private static func openInvite(_ db: Database, token: String, now: Date) throws -> (member: StaffMember, expires: Date)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT staff_id, expires_at FROM staff_invite WHERE token_sha256 = ? AND used_at IS NULL
            """, arguments: [Digest.sha256(token)]),
            let expires = Timestamp.parse(iso: row["expires_at"]), expires > now,
            let member = try Row.fetchOne(db, sql: StaffMember.selectSQL(where: "s.id = ?"), arguments: [row["staff_id"] as Int64])
        else { return nil }
        return (StaffMember(row: member), expires)
    }

    // MARK: - Signing in and out

    /// Checks a name and password. Success starts a session; each failure is counted for the name
    /// (slowing, then locking it) and, when the name is a staff member's, recorded as an audit event.
    public func signIn(name: String, password: String) throws(ShortlistError) -> SignInOutcome {
        let nameKey = Digest.sha256(SafeText.name(name).lowercased())
        let (member, hash, failures) = try read { db in
            let member = try StaffMember.fetch(db, named: name)
            let hash = try member.flatMap { try String.fetchOne(db, sql: "SELECT bcrypt_hash FROM staff_password WHERE staff_id = ?", arguments: [$0.id]) }
            return (member, hash, try Store.recentFailures(db, nameKey: nameKey, now: now))
        }
        if let until = SignInPolicy.lockedUntil(failures: failures, now: now) { return .locked(until: until) }
        // The same bcrypt work whether or not the name is known, so timing does not tell which names exist.
        let matches = Bcrypt.verify(password, hash: hash ?? Store.unusableHash)
        if let member, hash != nil, matches {
            let token = SignInToken.make()
            try write(by: member.name) { change in
                try change.db.execute(sql: "DELETE FROM sign_in_failure WHERE name_sha256 = ?", arguments: [nameKey])
                try change.db.execute(sql: """
                    INSERT INTO web_session (token_sha256, staff_id, roles, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [Digest.sha256(token), member.id, member.roles.map(\.rawValue).joined(separator: ","),
                                     change.timestamp, change.timestamp])
                try change.record("sign-in.start", entity: "sign-in", ref: member.name, details: ["roles": member.roles.map(\.rawValue).joined(separator: ",")])
            }
            return .signedIn(token: token, staff: member)
        }
        let count = failures.count + 1
        guard let member else {
            // A name no staff member has: counted for slowing and locking, but no event (it names nobody, and the
            // name typed is kept only as a hash, in case it was a password typed in the wrong field).
            try recordUnknownNameFailure(nameKey)
            return SignInPolicy.lockedUntil(failures: failures + [now], now: now).map { .locked(until: $0) }
                ?? .refused(delay: SignInPolicy.delay(afterFailures: count))
        }
        try write(by: member.name) { change in
            try Store.addFailure(change.db, nameKey: nameKey, now: change.now)
            let reason = hash == nil ? "no password set" : "wrong password"
            try change.record("sign-in.failed", entity: "sign-in", ref: member.name,
                              details: ["reason": reason, "recent_failures": String(count)])
            if count == SignInPolicy.lockAfter {
                try change.record("sign-in.locked", entity: "sign-in", ref: member.name,
                                  details: ["minutes": String(Int(SignInPolicy.lockFor / 60))])
            }
        }
        if let until = SignInPolicy.lockedUntil(failures: failures + [now], now: now) { return .locked(until: until) }
        return .refused(delay: SignInPolicy.delay(afterFailures: count))
    }

    /// The session a token opens, or nil when it is unknown or has ended. An expired session, or one
    /// whose staff member's roles changed, is ended here (and recorded); an active one is kept alive.
    public func webSession(token: String) throws(ShortlistError) -> WebSession? {
        let key = Digest.sha256(token)
        let limits = try sessionLimits()
        guard let found = try read({ db in try Store.openSession(db, key: key) }) else { return nil }
        let now = self.now
        let end: SessionEnd? = found.roles != found.member.roles.map(\.rawValue).joined(separator: ",") ? .rolesChanged
            : SignInPolicy.sessionEnd(createdAt: found.created, lastSeenAt: found.lastSeen, now: now, idle: limits.idle, absolute: limits.absolute)
        if let end {
            try endSession(key: key, reason: end, staff: found.member.name)
            return nil
        }
        // Kept alive at most once a minute: a page's every request need not write.
        if now.timeIntervalSince(found.lastSeen) >= 60 {
            try write(by: found.member.name) { change in
                try change.db.execute(sql: "UPDATE web_session SET last_seen_at = ? WHERE token_sha256 = ?", arguments: [change.timestamp, key])
            }
        }
        return WebSession(staff: found.member, csrfToken: SignInToken.csrf(for: token),
                          publicOnlyConfirmed: found.publicOnly, createdAt: found.created)
    }

    /// Ends the session of `token` (signing out); a token already ended or unknown changes nothing.
    public func signOut(token: String) throws(ShortlistError) {
        let key = Digest.sha256(token)
        guard let found = try read({ db in try Store.openSession(db, key: key) }) else { return }
        try endSession(key: key, reason: .signedOut, staff: found.member.name)
    }

    /// Records, for this session, the searcher's statement that they view public information only.
    public func confirmPublicOnly(token: String) throws(ShortlistError) {
        let key = Digest.sha256(token)
        guard let found = try read({ db in try Store.openSession(db, key: key) }) else { return }
        try write(by: found.member.name) { change in
            try change.db.execute(sql: "UPDATE web_session SET public_only_at = ? WHERE token_sha256 = ?", arguments: [change.timestamp, key])
            try change.record("sign-in.public-only", entity: "sign-in", ref: found.member.name, details: ["statement": publicOnlyRules])
        }
    }

    private func recordUnknownNameFailure(_ nameKey: String) throws(ShortlistError) {
        do {
            try queue.write { db in
                try Store.addFailure(db, nameKey: nameKey, now: now)
            }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    private func endSession(key: String, reason: SessionEnd, staff: String) throws(ShortlistError) {
        try write(by: staff) { change in
            try change.db.execute(sql: "UPDATE web_session SET ended_at = ?, ended_reason = ? WHERE token_sha256 = ? AND ended_at IS NULL",
                                  arguments: [change.timestamp, reason.rawValue, key])
            try change.record("sign-in.end", entity: "sign-in", ref: staff, details: ["reason": reason.rawValue])
        }
    }

    /// The idle and absolute limits, from the settings `session_idle_minutes` and `session_absolute_hours`
    /// (the defaults when a row was removed by hand).
    func sessionLimits() throws(ShortlistError) -> (idle: TimeInterval, absolute: TimeInterval) {
        try read { db in
            let idle = try Double(Store.setting(db, SchoolSetting.sessionIdleMinutes)).map { $0 * 60 }
            let absolute = try Double(Store.setting(db, SchoolSetting.sessionAbsoluteHours)).map { $0 * 3600 }
            return (idle ?? SignInPolicy.defaultIdle, absolute ?? SignInPolicy.defaultAbsolute)
        }
    }

    private static func openSession(_ db: Database, key: String) throws
        -> (member: StaffMember, roles: String, created: Date, lastSeen: Date, publicOnly: Bool)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT staff_id, roles, created_at, last_seen_at, public_only_at FROM web_session WHERE token_sha256 = ? AND ended_at IS NULL
            """, arguments: [key]),
            let created = Timestamp.parse(iso: row["created_at"]), let lastSeen = Timestamp.parse(iso: row["last_seen_at"]),
            let member = try Row.fetchOne(db, sql: StaffMember.selectSQL(where: "s.id = ?"), arguments: [row["staff_id"] as Int64])
        else { return nil }
        return (StaffMember(row: member), row["roles"], created, lastSeen, (row["public_only_at"] as String?) != nil)
    }

    /// Counts a failed sign-in, and forgets failures too old to count, so that the table never grows without end.
    private static func addFailure(_ db: Database, nameKey: String, now: Date) throws {
        try db.execute(sql: "DELETE FROM sign_in_failure WHERE at <= ?",
                       arguments: [Timestamp.iso(now.addingTimeInterval(-SignInPolicy.failureWindow))])
        try db.execute(sql: "INSERT INTO sign_in_failure (name_sha256, at) VALUES (?, ?)", arguments: [nameKey, Timestamp.iso(now)])
    }

    private static func recentFailures(_ db: Database, nameKey: String, now: Date) throws -> [Date] {
        let since = Timestamp.iso(now.addingTimeInterval(-SignInPolicy.failureWindow))
        return try String.fetchAll(db, sql: "SELECT at FROM sign_in_failure WHERE name_sha256 = ? AND at > ?", arguments: [nameKey, since])
            .compactMap(Timestamp.parse(iso:))
    }

    /// A valid bcrypt hash that no password matches in practice, verified when the name is unknown.
    private static let unusableHash = Bcrypt.hash(SignInToken.make(), cost: SignInPolicy.bcryptCost)
}

extension Change {
    fileprivate func staffMember(named name: String) throws -> StaffMember {
        guard let member = try StaffMember.fetch(db, named: name) else { throw ShortlistError.unknownStaff(name: name) }
        return member
    }

    /// Stores a new password hash and ends the staff member's open sessions.
    fileprivate func storePassword(_ hash: String, of member: StaffMember, event: String) throws {
        try db.execute(sql: """
            INSERT INTO staff_password (staff_id, bcrypt_hash, set_at) VALUES (?, ?, ?)
            ON CONFLICT (staff_id) DO UPDATE SET bcrypt_hash = excluded.bcrypt_hash, set_at = excluded.set_at
            """, arguments: [member.id, hash, timestamp])
        try db.execute(sql: "UPDATE web_session SET ended_at = ?, ended_reason = ? WHERE staff_id = ? AND ended_at IS NULL",
                       arguments: [timestamp, SessionEnd.passwordChanged.rawValue, member.id])
        try record(event, entity: "sign-in", ref: member.name, details: ["staff": member.name])
    }
}

/// Random secrets for sessions, invitations and forms, and the form token derived from a session's.
public enum SignInToken {
    /// `bytes` random bytes (from the system's secure generator) as hex.
    public static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The CSRF token of a session: a hash of its secret that the database never holds.
    static func csrf(for token: String) -> String { Digest.sha256("csrf\u{1F}" + token) }
}
