import Foundation

extension Listing {
    /// School settings and what they mean.
    public static func settings(_ settings: [(setting: SchoolSetting, value: String)]) -> Listing {
        Listing(columns: [Column("key", "Setting"), Column("value", "Value"), Column("meaning", "Meaning")],
                rows: settings.map { [.text($0.setting.rawValue), .text($0.value), .text($0.setting.meaning)] })
    }
}
