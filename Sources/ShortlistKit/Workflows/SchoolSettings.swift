import Foundation

extension Store {
    /// Changes a school setting after checking its value (admins only).
    public func setSchoolSetting(_ setting: SchoolSetting, to raw: String, by actor: String?) throws(ShortlistError) {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch setting {
        case .kcsieEdition: _ = try Vacancy.validate(edition: value, field: setting.rawValue)
        case .lawfulBasis, .schoolName, .privacyContact:
            guard !value.isEmpty else { throw .invalidValue(field: setting.rawValue, value: raw, expected: setting.meaning) }
        case .defaultProtocol: _ = try searchProtocol(value)
        case .templatesDir: _ = try TemplateSet.load(overrides: value)
        case .retentionMonths:
            guard let months = Int(value) else { throw .invalidValue(field: setting.rawValue, value: raw, expected: "a number of months from 1 to 120") }
            return try setRetentionMonths(months, by: actor)
        case .sessionIdleMinutes, .sessionAbsoluteHours:
            let range = setting == .sessionIdleMinutes ? 5...240 : 1...24
            guard let number = Int(value), range.contains(number) else { throw .invalidValue(field: setting.rawValue, value: raw, expected: setting.meaning) }
        case .schoolEmail:
            guard CandidateDraft.looksLikeEmail(value) else { throw .invalidValue(field: setting.rawValue, value: raw, expected: setting.meaning) }
        case .backupDir:
            var folder: ObjCBool = false
            guard value.isEmpty || (value.hasPrefix("/") && FileManager.default.fileExists(atPath: value, isDirectory: &folder) && folder.boolValue)
            else { throw .invalidValue(field: setting.rawValue, value: raw, expected: "the absolute path of an existing folder, or nothing") }
        }
        try setSetting(setting.rawValue, to: value, by: actor)
    }
}
