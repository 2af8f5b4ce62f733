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

/// The settings a school may change, each with what it means and how its value is checked.
public enum SchoolSetting: String, CaseIterable, Sendable {
    /// The KCSIE edition new vacancies cite.
    case kcsieEdition = "kcsie_edition"
    /// The lawful basis each dossier states.
    case lawfulBasis = "lawful_basis"
    /// The protocol new vacancies use.
    case defaultProtocol = "default_protocol"
    /// A folder of the school's own templates.
    case templatesDir = "templates_dir"
    /// Months after closing when personal data is purged.
    case retentionMonths = "retention_months"
    /// Minutes without a request after which a web session ends (schema 0006).
    case sessionIdleMinutes = "session_idle_minutes"
    /// Hours after sign-in at which a web session ends, however active (schema 0006).
    case sessionAbsoluteHours = "session_absolute_hours"

    public var meaning: String {
        switch self {
        case .kcsieEdition: "the KCSIE edition new vacancies cite (a year, such as 2026)"
        case .lawfulBasis: "the lawful basis each dossier states"
        case .defaultProtocol: "the search protocol new vacancies use (NAME or NAME@VERSION)"
        case .templatesDir: "a folder of the school's own templates (see `shortlist templates export`)"
        case .retentionMonths: "months after a vacancy closes when its candidates' personal data is purged"
        case .sessionIdleMinutes: "minutes without a request after which a web session ends (5 to 240)"
        case .sessionAbsoluteHours: "hours after sign-in at which a web session ends, however active (1 to 24)"
        }
    }
}

extension Store {
    /// Changes a school setting after checking its value (admins only).
    public func setSchoolSetting(_ setting: SchoolSetting, to raw: String, by actor: String?) throws(ShortlistError) {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch setting {
        case .kcsieEdition: _ = try Vacancy.validate(edition: value, field: setting.rawValue)
        case .lawfulBasis:
            guard !value.isEmpty else { throw .invalidValue(field: setting.rawValue, value: raw, expected: setting.meaning) }
        case .defaultProtocol: _ = try searchProtocol(value)
        case .templatesDir: _ = try TemplateSet.load(overrides: value)
        case .retentionMonths:
            guard let months = Int(value) else { throw .invalidValue(field: setting.rawValue, value: raw, expected: "a number of months from 1 to 120") }
            return try setRetentionMonths(months, by: actor)
        case .sessionIdleMinutes, .sessionAbsoluteHours:
            let range = setting == .sessionIdleMinutes ? 5...240 : 1...24
            guard let number = Int(value), range.contains(number) else { throw .invalidValue(field: setting.rawValue, value: raw, expected: setting.meaning) }
        }
        try setSetting(setting.rawValue, to: value, by: actor)
    }

    /// Every school setting with its value.
    public func schoolSettings() throws(ShortlistError) -> [(setting: SchoolSetting, value: String)] {
        try read { db in try SchoolSetting.allCases.map { ($0, try Store.setting(db, $0)) } }
    }
}

extension Listing {
    /// School settings and what they mean.
    public static func settings(_ settings: [(setting: SchoolSetting, value: String)]) -> Listing {
        Listing(columns: [Column("key", "Setting"), Column("value", "Value"), Column("meaning", "Meaning")],
                rows: settings.map { [.text($0.setting.rawValue), .text($0.value), .text($0.setting.meaning)] })
    }
}
