import Foundation

/// The period the safer-recruitment report covers when none is given, and how its downloads are named.
public enum ReportPeriod {
    /// The school year (in England, 1 September to 31 August) that holds `today`: the year governors report on.
    public static func schoolYear(containing today: Day) -> (from: Day, to: Day) {
        let start = today.month >= 9 ? today.year : today.year - 1
        return (Day(year: start, month: 9, day: 1)!, Day(year: start + 1, month: 8, day: 31)!)
    }

    /// How the default period is described beside the form.
    public static let defaultDescription = "this school year (1 September to 31 August)"
}
