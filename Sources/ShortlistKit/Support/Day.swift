import Foundation

/// A calendar date, stored as ISO `YYYY-MM-DD` and shown to people as `10 December 2026`.
///
/// This file is the one place that parses and formats dates and times.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month (1-12) and day of month.
    public let year: Int, month: Int, day: Int

    /// A validated date; `nil` when the month or day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date in Europe/London at the given instant.
    public init(_ instant: Date) {
        let parts = Day.london.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Parses a date as people in England write it: day, month, year (`27/11/2026`, `27/11/26`,
    /// `27-11-2026`, `27 Nov 2026`, `27 November 2026`) or ISO `2026-11-27`. Anything else, or a
    /// date that does not exist, throws an error that names the field and the accepted forms.
    public static func parse(_ text: String, field: String) throws(ShortlistError) -> Day {
        guard let parsed = Day(written: text.trimmed) else { throw .invalidDate(field: field, value: text) }
        return parsed
    }

    private init?(written text: String) {
        let dashes = text.split(separator: "-", omittingEmptySubsequences: false)
        let slashes = text.split(separator: "/", omittingEmptySubsequences: false)
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if dashes.count == 3, dashes[0].count == 4, dashes[1].count == 2, dashes[2].count == 2 {
            self.init(digits: dashes[0], dashes[1], dashes[2])
        } else if dashes.count == 3, dashes[2].count == 4, (1...2).contains(dashes[0].count), (1...2).contains(dashes[1].count) {
            self.init(digits: dashes[2], dashes[1], dashes[0])
        } else if slashes.count == 3, [2, 4].contains(slashes[2].count), (1...2).contains(slashes[0].count),
                  (1...2).contains(slashes[1].count) {
            // A two-digit year is this century's: 27/11/26 is 27 November 2026.
            self.init(digits: slashes[2].count == 2 ? "20" + slashes[2] : slashes[2], slashes[1], slashes[0])
        } else if words.count == 3, words[2].count == 4, let month = Day.month(named: words[1]) {
            // An ordinal suffix is how many write a day: 1st, 2nd, 3rd, 27th.
            var day = words[0].lowercased()[...]
            if day.count > 2, ["st", "nd", "rd", "th"].contains(day.suffix(2)) { day = day.dropLast(2) }
            guard (1...2).contains(day.count) else { return nil }
            self.init(digits: words[2], Substring(String(month)), day)
        } else {
            return nil
        }
    }

    /// The month a name or abbreviation stands for (`Nov`, `november`, `Sept`, `Nov.`), ignoring case.
    private static func month(named word: Substring) -> Int? {
        var name = word.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "sept" { return 9 }
        return monthNames.firstIndex { full in
            let full = full.lowercased()
            return name == full || (name.count == 3 && full.hasPrefix(name))
        }.map { $0 + 1 }
    }

    /// The day an Excel serial date stands for: whole days since 30 December 1899 (Excel counts a
    /// 29 February 1900 that never was, so earlier serials are one day off), or since 1 January 1904
    /// in workbooks that use the 1904 date system. The time of day, if any, is dropped.
    init?(excelSerial serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        if date1904 {
            self = Day(year: 1904, month: 1, day: 1)!.adding(days: days)
        } else if days == 60 {
            return nil
        } else {
            self = Day(year: 1899, month: 12, day: days < 60 ? 31 : 30)!.adding(days: days)
        }
    }

    /// Reads a date stored by the tool (ISO form); `nil` for anything else.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        self.init(digits: parts[0], parts[1], parts[2])
    }

    private init?(digits year: Substring, _ month: Substring, _ day: Substring) {
        guard [year, month, day].allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(year), let m = Int(month), let d = Int(day) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `2026-12-10`: how dates are stored and written in JSON and CSV.
    public var iso: String {
        // By hand: this runs for every date of every record `audit verify` checks.
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `10 December 2026`: how dates are shown to people.
    /// `31/12/2026`, as a UK spreadsheet reads a date.
    public var slashed: String {
        let two = { (n: Int) in n < 10 ? "0\(n)" : String(n) }
        return "\(two(day))/\(two(month))/\(year)"
    }

    public var uk: String {
        "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    public var description: String { iso }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: Day) -> Int {
        other.dayNumber - dayNumber
    }

    /// The same day of the month `months` later, clamped to the month's last day.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    /// The instant this day begins in Europe/London.
    public var start: Date {
        Day.london.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The date `count` days later.
    public func adding(days count: Int) -> Day {
        Day(dayNumber: dayNumber + count)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Arithmetic

    /// Days since 1 March of year 0 in the proleptic Gregorian calendar.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    private init(dayNumber n: Int) {
        var y = (10000 * n + 14780) / 3652425
        var ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 {
            y -= 1
            ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * ddd + 52) / 3060
        let month = (mi + 2) % 12 + 1
        self.init(year: y + (mi + 2) / 12, month: month, day: ddd - (mi * 306 + 5) / 10 + 1)!
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}

/// Instants: stored as UTC ISO-8601 (`2026-12-10T09:30:00Z`), shown in Europe/London.
public enum Timestamp {
    /// The stored form of an instant, to the second, in UTC.
    public static func iso(_ instant: Date) -> String {
        var seconds = time_t(instant.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Reads a stored instant; `nil` when the text is not in the stored form.
    public static func parse(iso text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[19] == UInt8(ascii: "Z"), let day = Day(iso: String(text.prefix(10))) else { return nil }
        let clock = text.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(day.year - 1900)
        parts.tm_mon = Int32(day.month - 1)
        parts.tm_mday = Int32(day.day)
        parts.tm_hour = Int32(clock[0])
        parts.tm_min = Int32(clock[1])
        parts.tm_sec = Int32(clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Reads an instant a person typed: a stored-form timestamp, or a date in any form `Day.parse`
    /// accepts followed by `HH:MM` in Europe/London time, or a date alone (taken as 12:00 London time).
    public static func parse(_ text: String, field: String) throws(ShortlistError) -> Date {
        if let instant = parse(iso: text) { return instant }
        var pieces = text.trimmed.split(separator: " ", omittingEmptySubsequences: true)
        let time = pieces.count > 1 && pieces.last!.contains(":") ? pieces.removeLast() : nil
        guard !pieces.isEmpty, let day = try? Day.parse(pieces.joined(separator: " "), field: field) else {
            throw .invalidValue(field: field, value: text,
                                expected: "a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London)")
        }
        var hour = 12, minute = 0
        if let time {
            let clock = time.split(separator: ":").map { Int($0) }
            guard clock.count == 2, let h = clock[0], let m = clock[1], (0..<24).contains(h), (0..<60).contains(m) else {
                throw .invalidValue(field: field, value: text,
                                    expected: "a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London)")
            }
            hour = h
            minute = m
        }
        let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return Day.london.date(from: parts)!
    }

    /// `10 December 2026 14:05`, in Europe/London time.
    public static func uk(_ instant: Date) -> String {
        let parts = Day.london.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let day = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
        return day.uk + String(format: " %02d:%02d", parts.hour!, parts.minute!)
    }

    /// `10 December 2026`: the London date of a stored instant; empty if the text is not one.
    public static func ukDay(iso text: String) -> String {
        parse(iso: text).map { Day($0).uk } ?? ""
    }

    /// `10 December 2026 14:05` for a stored instant; the text unchanged if it is not one.
    public static func uk(iso text: String) -> String {
        parse(iso: text).map(uk) ?? text
    }
}
