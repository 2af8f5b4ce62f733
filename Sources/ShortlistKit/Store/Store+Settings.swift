import Foundation
import GRDB

/// School settings: the KCSIE edition, the lawful basis, the default protocol, retention, templates.
extension Store {
    /// Sets a school setting (admins only).
    public func setSetting(_ key: String, to value: String, by actor: String?) throws(ShortlistError) {
        try write(by: actor) { change in
            try change.require([.admin], to: "change settings")
            let before = try Store.setting(change.db, key)
            try change.db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  arguments: [key, value])
            try change.record("setting.set", entity: "setting", ref: key, details: ["before": before ?? "", "after": value],
                              state: ["value": value])
        }
    }

    /// A school setting's value, or nil when it is not set.
    public func setting(_ key: String) throws(ShortlistError) -> String? {
        try read { db in try Store.setting(db, key) }
    }

    /// The one read of a setting.
    static func setting(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    /// A setting the schema seeds, so it always has a value (an empty one only if its row was removed by hand).
    static func setting(_ db: Database, _ setting: SchoolSetting) throws -> String {
        try Store.setting(db, setting.rawValue) ?? ""
    }
}

extension Store {
    /// Every school setting with its value.
    public func schoolSettings() throws(ShortlistError) -> [(setting: SchoolSetting, value: String)] {
        try read { db in try SchoolSetting.allCases.map { ($0, try Store.setting(db, $0)) } }
    }
}
