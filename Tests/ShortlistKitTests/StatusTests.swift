import Foundation
import Testing
@testable import ShortlistKit

/// `status` of the scenario's store in one format, as of `today`.
private func status(_ store: Store, _ format: OutputFormat, today: Day = testToday) throws -> String {
    var out = ""
    StatusReport(try store.searchProgress(), today: today).write(format, to: &out)
    return out
}

@Suite("Status: candidates against steps, and what is outstanding")
struct StatusTests {
    @Test("status of a small vacancy, as a table, JSON and CSV, matches its golden files")
    func golden() throws {
        let folder = try TemporaryFolder()
        let store = try SearchScenario.build(at: folder.path("shortlist.sqlite"), fixtures: fixtureURL(""))
        try GoldenFile.expect(try status(store, .table), matches: "status/status.txt")
        try GoldenFile.expect(try status(store, .json), matches: "status/status.json")
        try GoldenFile.expect(try status(store, .csv), matches: "status/status.csv")
    }

    @Test("the record is incomplete until every finding is decided and every candidate told and searched")
    func completeness() throws {
        let folder = try TemporaryFolder()
        let store = try SearchScenario.build(at: folder.path("shortlist.sqlite"), fixtures: fixtureURL(""))
        var progress = try store.searchProgress(vacancy: "TA-2026-03")[0]
        #expect(progress.candidates.map(\.outstanding) == [
            ["1 finding awaiting decision"], ["not told of searches", "2 queries to do"], [], [],
        ])
        #expect(progress.candidates.map(\.notes) == [[], [], ["1 override"], ["withdrew"]])
        #expect(progress.candidates.map(\.isComplete) == [false, false, true, true])
        #expect(!StatusReport([progress], today: testToday).isComplete)
        try SearchScenario.complete(store)
        progress = try store.searchProgress(vacancy: "TA-2026-03")[0]
        #expect(progress.candidates.map(\.isComplete) == [true, true, true, true])
        #expect(StatusReport([progress], today: testToday).isComplete)
        let table = try status(store, .table)
        #expect(table.contains("TA-2026-03/1  Siobhán O'Brien  yes   0  F  0  4/4   complete\n"))
        #expect(table.contains("TA-2026-03/2  Zoë Ødegaard     yes   0  -  0  2/2   complete\n"))
        #expect(table.contains("\n4 of 4 candidates complete.\n"))
    }

    @Test("a candidate searched before being told is marked late and incomplete")
    func toldLate() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, protocolFixture: "protocol/short-check.protocol")
        let reference = try addShortlisted(store, "Zoë Ødegaard", told: Day(year: 2026, month: 11, day: 19))
        try logQuery(store, reference, "web-name") {
            $0.searchedAt = Timestamp.parse(iso: "2026-11-18T12:00:00Z")
            $0.overrideReason = "Told at the shortlisting call; the letter went later"
        }
        try logQuery(store, reference, "news")
        let progress = try store.searchProgress(candidate: reference).progress
        #expect(!progress.toldBeforeSearching)
        #expect(progress.firstSearchedAt == "2026-11-18T12:00:00Z")
        #expect(progress.outstanding == ["told after searching began"])
        #expect(progress.notes == ["1 override"])
        let table = try status(store, .table)
        #expect(table.contains("TA-2026-03/1  Zoë Ødegaard  late  0  -  0  2/2   told after searching began  1 override\n"))
        let csv = try status(store, .csv)
        #expect(csv.contains("TA-2026-03,TA-2026-03/1,Zoë Ødegaard,2026-11-19,false,2,2,false,told after searching began,1 override,"
            + "web-name=0; web-name-employer=-; news=0\r\n"))
    }

    @Test("days to interview read today, tomorrow, in N days, N days ago, or no interview date", arguments: [
        (Day(year: 2026, month: 11, day: 30)!, "interview 30 November 2026 (today)"),
        (Day(year: 2026, month: 11, day: 29)!, "interview 30 November 2026 (tomorrow)"),
        (Day(year: 2026, month: 11, day: 2)!, "interview 30 November 2026 (in 28 days)"),
        (Day(year: 2026, month: 12, day: 3)!, "interview 30 November 2026 (3 days ago)"),
    ])
    func daysToInterview(today: Day, text: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let table = try status(store, .table, today: today)
        #expect(table.hasPrefix("TA-2026-03  Teaching Assistant (Year 2), Riverside Primary School (open)\n"
            + text + "; KCSIE standard online search v1, look back 5 years; search decision: all\n\n"))
        let json = try status(store, .json, today: today)
        #expect(json.contains("\"days_to_interview\" : \(today.days(until: interviewDay))"))
    }

    @Test("the day after the interview reads as one day, not '1 days ago'")
    func dayAfterInterview() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let table = try status(store, .table, today: Day(year: 2026, month: 12, day: 1)!)
        #expect(table.contains("interview 30 November 2026 ("))
        #expect(table.contains("interview 30 November 2026 (yesterday)") || table.contains("interview 30 November 2026 (1 day ago)"))
    }

    @Test("without an interview date, or without vacancies, status says so")
    func noInterviewDate() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder, interview: nil)
        #expect(try status(store, .table).contains("\nno interview date; KCSIE standard online search v1, look back 5 years; search decision: all\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try status(store, .json).utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json[0]["days_to_interview"] == nil || json[0]["days_to_interview"] is NSNull)
        #expect(json[0]["interview_date"] == nil || json[0]["interview_date"] is NSNull)
        #expect(json[0]["reference"] as? String == "TA-2026-03")
        #expect(try status(store, .table).hasSuffix("""
            Candidate  Name  Told  1  2  3  4  5  6  7  8  9  10  11  Done  Outstanding  Notes
            ---------  ----  ----  -  -  -  -  -  -  -  -  -  --  --  ----  -----------  -----
            (none)

            Steps: 1 web-name, 2 web-name-town, 3 web-name-employer, 4 web-other-names, 5 news, 6 facebook, 7 x, 8 instagram,
                   9 tiktok, 10 linkedin, 11 youtube
            0 of 0 candidates complete.
            Marks: 0 no results, N nothing relevant, F findings, X could not complete, . not done, k/n partly done,
                   - not applicable.

            """))
        try store.closeVacancy("TA-2026-03", by: admin)
        #expect(try status(store, .table) == "No vacancies are recruiting. See `shortlist vacancy list`.\n")
        #expect(try status(store, .json) == "[\n\n]\n")
        #expect(try status(store, .csv) == "vacancy,candidate,full_name,told_on,told_before_searching,queries_planned,queries_done,"
            + "complete,outstanding,notes,steps\r\n")
    }

    @Test("marks: partly done, could not complete, findings over nothing relevant")
    func marks() throws {
        let folder = try TemporaryFolder()
        let store = try makeSearchStore(in: folder)
        let reference = try addSiobhan(store)
        try logQuery(store, reference, "web-name-employer", .noResults)
        try logQuery(store, reference, "web-other-names", .nothingRelevant)
        try logQuery(store, reference, "web-other-names", .findings)
        try logQuery(store, reference, "web-other-names", .noResults)
        try logQuery(store, reference, "web-other-names", .nothingRelevant)
        try logQuery(store, reference, "news", .couldNotComplete) { $0.note = "Page would not load" }
        let steps = try store.searchProgress(candidate: reference).progress.steps
        #expect(steps.map(\.mark) == [".", ".", "1/3", "F", "X", ".", ".", ".", ".", ".", "."])
        #expect(steps[3].done == 4)
        #expect(steps[2].done == 1)
    }
}
