import Foundation

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
    /// The folder backups taken from the web interface go into; empty: `NAME-backups` beside the database.
    case backupDir = "backup_dir"
    /// The school's name, as letters to candidates give it (schema 0007).
    case schoolName = "school_name"
    /// Whom candidates contact about their data: a name or role and how to reach them (schema 0007).
    case privacyContact = "privacy_contact"
    /// The address notices are sent from: the From of an .eml notice (schema 0007).
    case schoolEmail = "school_email"

    public var meaning: String {
        switch self {
        case .kcsieEdition: "the KCSIE edition new vacancies cite (a year, such as 2026)"
        case .lawfulBasis: "the lawful basis each dossier states"
        case .defaultProtocol: "the search protocol new vacancies use (NAME or NAME@VERSION)"
        case .templatesDir: "a folder of the school's own templates (see `shortlist templates export`)"
        case .retentionMonths: "months after a vacancy closes when its candidates' personal data is purged"
        case .sessionIdleMinutes: "minutes without a request after which a web session ends (5 to 240)"
        case .sessionAbsoluteHours: "hours after sign-in at which a web session ends, however active (1 to 24)"
        case .backupDir: "the folder backups taken from the web interface go into (an absolute path; empty: NAME-backups beside the database)"
        case .schoolName: "the school's name, as letters to candidates give it"
        case .privacyContact: "whom candidates contact about their data (a name or role, and an email address or telephone number)"
        case .schoolEmail: "the email address notices to candidates are sent from (such as office@school.sch.uk)"
        }
    }
}
