import Foundation
import GRDB

extension StaffMember {
    /// Staff with their roles; add a WHERE before the GROUP BY with `selectSQL(where:)`.
    static func selectSQL(where condition: String = "1") -> String {
        """
        SELECT s.id, s.name, s.created_at, group_concat(r.role) AS roles
        FROM staff s LEFT JOIN staff_role r ON r.staff_id = s.id
        WHERE \(condition) GROUP BY s.id
        """
    }

    /// The staff member of that name, as names are stored (see `SafeText.name`).
    static func fetch(_ db: Database, named name: String) throws -> StaffMember? {
        try Row.fetchOne(db, sql: selectSQL(where: "s.name = ?"), arguments: [SafeText.name(name)]).map(StaffMember.init(row:))
    }

    /// The staff member reading, by name; nil when none is named. An unknown name is refused.
    static func viewer(_ db: Database, named name: String?) throws -> StaffMember? {
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let member = try fetch(db, named: name) else { throw ShortlistError.unknownActor(name: name) }
        return member
    }

    /// The record as it is written into audit details.
    var auditFields: [String: String] {
        ["name": name, "roles": roles.map(\.rawValue).joined(separator: ",")]
    }

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        createdAt = row["created_at"]
        roles = ((row["roles"] as String?) ?? "").split(separator: ",")
            .compactMap { StaffRole(rawValue: String($0)) }.sorted()
    }
}

// MARK: - Store operations

extension Store {
    /// Adds a staff member; only an admin may.
    @discardableResult
    public func addStaff(name: String, roles: [StaffRole], by actor: String?) throws(ShortlistError) -> StaffMember {
        try write(by: actor) { change in
            try change.require([.admin], to: "add staff")
            return try change.insertStaff(name: name, roles: roles)
        }
    }

    /// Adds or removes roles of a staff member; only an admin may.
    @discardableResult
    public func updateStaff(name: String, adding: [StaffRole], removing: [StaffRole],
                            by actor: String?) throws(ShortlistError) -> StaffMember {
        try write(by: actor) { change in
            try change.require([.admin], to: "change staff roles")
            guard let before = try StaffMember.fetch(change.db, named: name) else {
                throw ShortlistError.unknownStaff(name: name)
            }
            let roles = Set(before.roles).union(adding).subtracting(removing).sorted()
            if before.roles.contains(.admin), !roles.contains(.admin),
               try Int.fetchOne(change.db, sql: "SELECT count(*) FROM staff_role WHERE role = 'admin'") == 1 {
                throw ShortlistError.notAllowed(record: before.name, reason: "they are the only admin",
                                                remedy: "Give another staff member the admin role first.")
            }
            try change.db.execute(sql: "DELETE FROM staff_role WHERE staff_id = ?", arguments: [before.id])
            for role in roles {
                try change.db.execute(sql: "INSERT INTO staff_role (staff_id, role) VALUES (?, ?)",
                                      arguments: [before.id, role.rawValue])
            }
            var after = before
            after.roles = roles
            try change.record("staff.update", entity: "staff", ref: before.name,
                              details: ["before": before.roles.map(\.rawValue), "after": roles.map(\.rawValue)], state: after.auditFields)
            return after
        }
    }

    /// Every staff member, by name.
    public func staff() throws(ShortlistError) -> [StaffMember] {
        try read { db in
            try Row.fetchAll(db, sql: StaffMember.selectSQL() + " ORDER BY s.name").map(StaffMember.init(row:))
        }
    }
}

extension Store {
    /// Every staff member, by name, with whether they have a password and an unused first-time link that still works.
    public func staffAccounts() throws(ShortlistError) -> [StaffAccount] {
        try read { db in
            let now = Timestamp.iso(self.now)
            return try Row.fetchAll(db, sql: """
                SELECT m.*, EXISTS (SELECT 1 FROM staff_password p WHERE p.staff_id = m.id) AS has_password,
                       (SELECT max(i.expires_at) FROM staff_invite i WHERE i.staff_id = m.id AND i.used_at IS NULL AND i.expires_at > ?) AS invited_until
                FROM (\(StaffMember.selectSQL())) m ORDER BY m.name
                """, arguments: [now]).map { row in
                StaffAccount(member: StaffMember(row: row), hasPassword: row["has_password"],
                             invitedUntil: (row["invited_until"] as String?).flatMap(Timestamp.parse(iso:)))
            }
        }
    }

    /// Deactivates a staff member (admins only): every role removed, their password and first-time links
    /// withdrawn and their sessions ended, in one transaction; the name stays on the records it is on.
    /// Giving them a role again (and a first-time link) reactivates them.
    @discardableResult
    public func deactivateStaff(name: String, by actor: String?) throws(ShortlistError) -> StaffMember {
        try write(by: actor) { change in
            try change.require([.admin], to: "deactivate staff")
            guard let before = try StaffMember.fetch(change.db, named: name) else { throw ShortlistError.unknownStaff(name: name) }
            guard !before.roles.isEmpty else {
                throw ShortlistError.notAllowed(record: before.name, reason: "they are already deactivated", remedy: "Nothing to do.")
            }
            if before.roles.contains(.admin),
               try Int.fetchOne(change.db, sql: "SELECT count(*) FROM staff_role WHERE role = 'admin'") == 1 {
                throw ShortlistError.notAllowed(record: before.name, reason: "they are the only admin",
                                                remedy: "Give another staff member the admin role first.")
            }
            try change.db.execute(sql: "DELETE FROM staff_role WHERE staff_id = ?", arguments: [before.id])
            try change.db.execute(sql: "DELETE FROM staff_password WHERE staff_id = ?", arguments: [before.id])
            try change.db.execute(sql: "DELETE FROM staff_invite WHERE staff_id = ? AND used_at IS NULL", arguments: [before.id])
            try change.db.execute(sql: "UPDATE web_session SET ended_at = ?, ended_reason = ? WHERE staff_id = ? AND ended_at IS NULL",
                                  arguments: [change.timestamp, SessionEnd.rolesChanged.rawValue, before.id])
            var after = before
            after.roles = []
            try change.record("staff.deactivate", entity: "staff", ref: before.name,
                              details: ["before": before.roles.map(\.rawValue), "after": [String]()], state: after.auditFields)
            return after
        }
    }
}

extension Change {
    func addFirstAdmin(name: String, roles: [StaffRole]) throws {
        _ = try insertStaff(name: name, roles: [.admin] + roles)
    }

    func insertStaff(name: String, roles: [StaffRole]) throws -> StaffMember {
        if let character = SafeText.forbiddenCharacter(in: name) {
            throw ShortlistError.unsafeText(record: "the new staff member", field: "the name", character: character)
        }
        guard !name.contains(where: \.isNewline) else {
            throw ShortlistError.invalidValue(field: "name", value: name.replacingOccurrences(of: "\n", with: " "),
                                              expected: "a staff member's name on one line")
        }
        let name = SafeText.name(name)
        guard !name.isEmpty else {
            throw ShortlistError.invalidValue(field: "name", value: name, expected: "a staff member's name on one line")
        }
        if let scripts = SafeText.mixedScripts(name) {
            throw ShortlistError.invalidValue(field: "name", value: name, expected: "a name written in one alphabet (this one mixes "
                + scripts.joined(separator: " and ") + " letters, which can make it look like someone else's)")
        }
        guard !roles.isEmpty else {
            throw ShortlistError.invalidValue(field: "--role", value: "", expected: "at least one role: "
                + StaffRole.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if try StaffMember.fetch(db, named: name) != nil { throw ShortlistError.duplicateStaff(name: name) }
        let skeleton = SafeText.skeleton(name)
        if let existing = try String.fetchAll(db, sql: "SELECT name FROM staff ORDER BY id").first(where: { SafeText.skeleton($0) == skeleton }) {
            throw ShortlistError.confusableName(name: name, existing: existing)
        }
        try db.execute(sql: "INSERT INTO staff (name, created_at) VALUES (?, ?)", arguments: [name, timestamp])
        let id = db.lastInsertedRowID
        let roles = Set(roles).sorted()
        for role in roles {
            try db.execute(sql: "INSERT INTO staff_role (staff_id, role) VALUES (?, ?)", arguments: [id, role.rawValue])
        }
        let member = StaffMember(id: id, name: name, roles: roles, createdAt: timestamp)
        try record("staff.add", entity: "staff", ref: name, details: member.auditFields, state: member.auditFields)
        return member
    }
}
