import Foundation
import Testing
@testable import ShortlistKit

@Suite("Day and Timestamp: the one place dates are parsed and shown")
struct DayTests {
    @Test("dates as people write them: day, month, year, or ISO", arguments: [
        ("2026-12-10", 2026, 12, 10), ("10/12/2026", 2026, 12, 10), ("1/2/2026", 2026, 2, 1),
        ("01/02/2026", 2026, 2, 1), (" 2026-02-01 ", 2026, 2, 1), ("29/02/2028", 2028, 2, 29),
        ("2000-02-29", 2000, 2, 29), ("31/12/2026", 2026, 12, 31),
        ("27 Nov 2026", 2026, 11, 27), ("27 November 2026", 2026, 11, 27), ("27/11/26", 2026, 11, 27),
        ("2026-11-27", 2026, 11, 27), ("27/11/2026", 2026, 11, 27), ("27-11-2026", 2026, 11, 27),
        ("10-12-2026", 2026, 12, 10), ("10/12/26", 2026, 12, 10), ("1-2-2026", 2026, 2, 1), ("29/02/28", 2028, 2, 29),
        ("27 nov 2026", 2026, 11, 27), ("27 NOVEMBER 2026", 2026, 11, 27), ("3 Sept 2026", 2026, 9, 3),
        ("3 sep 2026", 2026, 9, 3), ("3 September 2026", 2026, 9, 3), ("1 May 2027", 2027, 5, 1), ("9 Jun 2027", 2027, 6, 9),
        ("1st Jan 2027", 2027, 1, 1), ("2nd Feb 2027", 2027, 2, 2), ("23rd Mar 2027", 2027, 3, 23),
        ("27th Nov. 2026", 2026, 11, 27), ("  27   Nov   2026 ", 2026, 11, 27), ("05 Dec 2026", 2026, 12, 5),
    ])
    func accepted(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try Day.parse(text, field: "--closing")
        #expect((parsed.year, parsed.month, parsed.day) == (year, month, day))
    }

    @Test("impossible dates, US order and other forms are refused with the accepted forms in the message", arguments: [
        "31/02/2026", "29/02/2027", "2026-13-01", "2026-1-5", "tomorrow", "", "2026-02-30", "1900-02-29",
        "31/04/2026", "00/01/2026", "2026/12/10", "2026-12-10T10:00", "１０/12/2026", "+2026-12-10", "2026-12-1O",
        "11/27/2026", "27 Novem 2026", "27 Smarch 2026", "Nov 27 2026", "November 27, 2026", "27 Nov", "27 Nov 26",
        "32 Nov 2026", "29 Feb 2027", "27/11/026", "27/11/2026 10:00", "0 Nov 2026", "27.11.2026", "27-11-26",
        "127 Nov 2026", "th Nov 2026", "27 Nov 2026 extra",
    ])
    func refused(text: String) {
        #expect(throws: ShortlistError.invalidDate(field: "--closing", value: text)) {
            try Day.parse(text, field: "--closing")
        }
        #expect(ShortlistError.invalidDate(field: "--closing", value: text).message
            == "--closing: '\(text)' is not a date; write it day, month, year (27/11/2026, 27/11/26, 27-11-2026, 27 Nov 2026, "
                + "27 November 2026) or as YYYY-MM-DD (2026-11-27).")
        #expect(ShortlistError.invalidDate(field: "--closing", value: text).exitCode == 64)
    }

    @Test("Excel serial dates, in the 1900 system (with its 29 February 1900 that never was) and the 1904 one", arguments: [
        (46338.0, false, "2026-11-12"), (46338.75, false, "2026-11-12"), (1, false, "1900-01-01"), (59, false, "1900-02-28"),
        (61, false, "1900-03-01"), (44876, true, "2026-11-12"), (0, true, "1904-01-01"), (2_958_465, false, "9999-12-31"),
    ])
    func excelSerial(serial: Double, date1904: Bool, iso: String) {
        #expect(Day(excelSerial: serial, date1904: date1904)?.iso == iso)
    }

    @Test("Excel serials that are no day are refused", arguments: [0, 60, -1, 0.5, 2_958_466, .nan, .infinity])
    func excelSerialRefused(serial: Double) {
        #expect(Day(excelSerial: serial, date1904: false) == nil)
    }

    @Test("leap years follow the Gregorian rules")
    func leapYears() {
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
        #expect(Day(year: 2027, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
        #expect(Day(year: 2026, month: 1, day: 0) == nil)
    }

    @Test("stored as ISO, shown in UK form")
    func forms() throws {
        let day = try Day.parse("10/12/2026", field: "d")
        #expect(day.iso == "2026-12-10")
        #expect(day.uk == "10 December 2026")
        #expect(Day(year: 2027, month: 1, day: 5)!.uk == "5 January 2027")
        #expect(Day(year: 987, month: 3, day: 7)!.iso == "0987-03-07")
        #expect(Day(iso: "2026-12-10") == day)
        #expect(Day(iso: "10/12/2026") == nil)
        #expect(Day(iso: "2026-02-30") == nil)
    }

    @Test("days(until:) counts whole days, across month ends and leap days")
    func daysUntil() {
        let a = Day(year: 2026, month: 12, day: 10)!
        #expect(a.days(until: a) == 0)
        #expect(a.days(until: Day(year: 2026, month: 12, day: 11)!) == 1)
        #expect(a.days(until: Day(year: 2026, month: 11, day: 30)!) == -10)
        #expect(Day(year: 2028, month: 2, day: 28)!.days(until: Day(year: 2028, month: 3, day: 1)!) == 2)
        #expect(Day(year: 2027, month: 2, day: 28)!.days(until: Day(year: 2027, month: 3, day: 1)!) == 1)
        #expect(Day(year: 2026, month: 1, day: 1)!.days(until: Day(year: 2027, month: 1, day: 1)!) == 365)
        #expect(Day(year: 2028, month: 1, day: 1)!.days(until: Day(year: 2029, month: 1, day: 1)!) == 366)
        #expect(Day(year: 2000, month: 1, day: 1)!.days(until: Day(year: 2100, month: 1, day: 1)!) == 36525)
    }

    @Test("adding days agrees with days(until:) over a long range")
    func addingDays() {
        let start = Day(year: 2023, month: 12, day: 25)!
        var previous = start
        for offset in 1...2000 {
            let day = start.adding(days: offset)
            #expect(start.days(until: day) == offset)
            #expect(previous < day)
            // Every step is one calendar day: either the next day of the month or the 1st of the next month.
            #expect(day.day == previous.day + 1 || (day.day == 1 && (day.month == previous.month % 12 + 1)))
            previous = day
        }
        #expect(start.adding(days: -25) == Day(year: 2023, month: 11, day: 30)!)
        #expect(Day(year: 2028, month: 2, day: 28)!.adding(days: 1) == Day(year: 2028, month: 2, day: 29)!)
    }

    @Test("adding(months:) keeps the day of the month, clamped to the month's last day")
    func addingMonths() {
        #expect(Day(year: 2026, month: 8, day: 31)!.adding(months: 6) == Day(year: 2027, month: 2, day: 28)!)
        #expect(Day(year: 2027, month: 8, day: 31)!.adding(months: 6) == Day(year: 2028, month: 2, day: 29)!)
        #expect(Day(year: 2026, month: 1, day: 31)!.adding(months: 3) == Day(year: 2026, month: 4, day: 30)!)
        #expect(Day(year: 2026, month: 12, day: 10)!.adding(months: 1) == Day(year: 2027, month: 1, day: 10)!)
        #expect(Day(year: 2026, month: 3, day: 31)!.adding(months: -1) == Day(year: 2026, month: 2, day: 28)!)
        #expect(Day(year: 2026, month: 1, day: 15)!.adding(months: -13) == Day(year: 2024, month: 12, day: 15)!)
        #expect(Day(year: 2026, month: 5, day: 5)!.adding(months: 0) == Day(year: 2026, month: 5, day: 5)!)
    }

    @Test("today is the date in London, not in UTC")
    func londonDate() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST); in winter London is on UTC.
        #expect(Day(Timestamp.parse(iso: "2026-06-30T23:30:00Z")!) == Day(year: 2026, month: 7, day: 1)!)
        #expect(Day(Timestamp.parse(iso: "2026-12-31T23:30:00Z")!) == Day(year: 2026, month: 12, day: 31)!)
    }

    @Test("timestamps are stored in UTC to the second and shown in London time")
    func timestamps() throws {
        let instant = Date(timeIntervalSince1970: 1_781_083_800.9) // 2026-06-10T09:30:00.9Z
        #expect(Timestamp.iso(instant) == "2026-06-10T09:30:00Z")
        #expect(Timestamp.parse(iso: "2026-06-10T09:30:00Z") == Date(timeIntervalSince1970: 1_781_083_800))
        #expect(Timestamp.uk(iso: "2026-06-10T09:30:00Z") == "10 June 2026 10:30")
        #expect(Timestamp.uk(iso: "2026-12-10T09:05:00Z") == "10 December 2026 09:05")
        #expect(Timestamp.uk(iso: "not a time") == "not a time")
        #expect(Timestamp.parse(iso: "2026-06-10 09:30:00Z") == nil)
        #expect(Timestamp.parse(iso: "2026-06-10T24:30:00Z") == nil)
        // People type London time; it is stored as UTC.
        #expect(Timestamp.iso(try Timestamp.parse("10/06/2026 14:30", field: "--at")) == "2026-06-10T13:30:00Z")
        #expect(Timestamp.iso(try Timestamp.parse("2026-12-10 14:30", field: "--at")) == "2026-12-10T14:30:00Z")
        #expect(Timestamp.iso(try Timestamp.parse("2026-12-10", field: "--at")) == "2026-12-10T12:00:00Z")
        #expect(Timestamp.iso(try Timestamp.parse("27 Nov 2026 14:30", field: "--at")) == "2026-11-27T14:30:00Z")
        #expect(Timestamp.iso(try Timestamp.parse("10 June 2026 14:30", field: "--at")) == "2026-06-10T13:30:00Z")
        #expect(Timestamp.iso(try Timestamp.parse("27/11/26", field: "--at")) == "2026-11-27T12:00:00Z")
        #expect(throws: ShortlistError.invalidValue(
            field: "--at", value: "27 Nov 14:30",
            expected: "a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London)")) {
            try Timestamp.parse("27 Nov 14:30", field: "--at")
        }
        #expect(throws: ShortlistError.invalidValue(
            field: "--at", value: "2026-12-10 25:00",
            expected: "a date and time such as 2026-12-10 14:30 or 10/12/2026 14:30 (Europe/London)")) {
            try Timestamp.parse("2026-12-10 25:00", field: "--at")
        }
    }
}
