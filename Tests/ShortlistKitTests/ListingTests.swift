import Foundation
import Testing
@testable import ShortlistKit

/// A `TextOutputStream` that keeps what is written, as the commands' stdout would receive it.
private struct Captured: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

private func render(_ listing: Listing, _ format: OutputFormat, record: Bool = false) -> String {
    var out = Captured()
    record ? listing.writeRecord(format, to: &out) : listing.write(format, to: &out)
    return out.text
}

/// Values that CSV and JSON writers must carry intact.
private let awkward = [
    "Hoole Primary School, Chester", "Riverside \"Tutoring\" Ltd", "Line one\r\nLine two", "lone\rCR", "LF\nonly",
    " leading and trailing ", "Zoë Ødegaard", "Nguye\u{302}\u{303}n (NFD)", "tab\there", "back\\slash", "bell\u{7}",
    "line\u{2028}separator", "", "plain",
]

private let sampleListing = Listing(
    columns: [Column("name", "Name"), Column("count", "Count"), Column("tags", "Tags"), Column("due", "Due"),
              Column("at", "At"), Column("ok", "OK"), Column("note", "Note")],
    rows: [
        [.text("Zoë Ødegaard"), .number(3), .list(["a", "b, c"]), .date(Day(year: 2026, month: 12, day: 10)),
         .instant("2026-07-01T09:30:00Z"), .flag(true), .optional("said \"hi\"\nthen left")],
        [.text("Łukasz Nowak"), .number(12), .list([]), .date(nil), .instant("2026-12-10T09:05:00Z"), .flag(false),
         .optional(nil)],
    ])

@Suite("Listing: table, JSON and CSV output")
struct ListingTests {
    @Test("JSON parses, with numbers, booleans, arrays, ISO dates, UTC times and null for absent values")
    func jsonTypes() throws {
        let text = render(sampleListing, .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == 2)
        let first = rows[0], second = rows[1]
        #expect(Set(first.keys) == ["name", "count", "tags", "due", "at", "ok", "note"])
        #expect(first["name"] as? String == "Zoë Ødegaard")
        #expect(first["count"] as? Int == 3)
        #expect(first["tags"] as? [String] == ["a", "b, c"])
        #expect(first["due"] as? String == "2026-12-10")
        #expect(first["at"] as? String == "2026-07-01T09:30:00Z")
        #expect(first["ok"] as? Bool == true)
        #expect(first["note"] as? String == "said \"hi\"\nthen left")
        #expect(second["tags"] as? [String] == [])
        #expect(second["due"] is NSNull)
        #expect(second["note"] is NSNull)
        #expect(second["ok"] as? Bool == false)
        #expect(text.hasSuffix("]\n"))
    }

    @Test("JSON strings carry every awkward value exactly")
    func jsonStrings() throws {
        let listing = Listing(columns: [Column("value", "Value")], rows: awkward.map { [.text($0)] })
        for record in [false, true] {
            let text = record ? render(Listing(columns: listing.columns, rows: [listing.rows[2]]), .json, record: true)
                : render(listing, .json)
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            let values = record ? [(parsed as? [String: Any])?["value"] as? String ?? "?"]
                : ((parsed as? [[String: Any]]) ?? []).map { $0["value"] as? String ?? "?" }
            let expected = record ? [awkward[2]] : awkward
            #expect(values.map(utf8) == expected.map(utf8))
        }
    }

    @Test("an empty listing is an empty JSON array and a CSV header")
    func empty() throws {
        let listing = Listing(columns: [Column("reference", "Reference"), Column("name", "Name")])
        #expect(render(listing, .json) == "[]\n")
        #expect(try JSONSerialization.jsonObject(with: Data("[]\n".utf8)) as? [Any] != nil)
        #expect(render(listing, .csv) == "reference,name\r\n")
        #expect(render(listing, .table) == "Reference  Name\n---------  ----\n(none)\n")
    }

    @Test("CSV round-trips through CSVReader, including commas, quotes, line breaks and spaces")
    func csvRoundTrip() throws {
        let listing = Listing(columns: [Column("n", "N"), Column("value", "Value"), Column("maybe", "Maybe")],
                              rows: awkward.enumerated().map { [.number($0), .text($1), .optional($1)] })
        let text = render(listing, .csv)
        let records = try CSVReader.parse(Data(text.utf8))
        #expect(records.first?.fields == ["n", "value", "maybe"])
        #expect(records.count == awkward.count + 1)
        for (index, value) in awkward.enumerated() {
            #expect(records[index + 1].fields.map(utf8) == [utf8(String(index)), utf8(value), utf8(value)])
        }
    }

    @Test("CSV uses machine forms: ISO dates, UTC times, true/false, lists joined by '; '")
    func csvForms() throws {
        #expect(render(sampleListing, .csv) == """
            name,count,tags,due,at,ok,note\r
            Zoë Ødegaard,3,"a; b, c",2026-12-10,2026-07-01T09:30:00Z,true,"said ""hi""
            then left"\r
            Łukasz Nowak,12,,,2026-12-10T09:05:00Z,false,\r

            """)
    }

    @Test("a table aligns columns, shows UK dates and London times, and keeps each row on one line")
    func table() {
        // The last column is not padded, and no line ends in spaces, even when its last cells are empty.
        #expect(render(sampleListing, .table) == [
            "Name          Count  Tags     Due               At                      OK   Note",
            "------------  -----  -------  ----------------  ----------------------  ---  ---------------------",
            "Zoë Ødegaard  3      a; b, c  10 December 2026  1 July 2026 10:30       yes  said \"hi\" ⏎ then left",
            "Łukasz Nowak  12                                10 December 2026 09:05  no",
        ].map { $0 + "\n" }.joined())
    }

    @Test("a fitted table wraps list cells at their items, cuts others short with an ellipsis, and leaves a table that fits alone")
    func fittedTable() {
        let columns = [Column("ref", "Ref"), Column("todo", "Outstanding"), Column("notes", "Notes"), Column("details", "Details")]
        let rows: [[Field]] = [
            [.text("TA-2026-03/3"), .list(["2 queries to do", "could not complete: tiktok", "1 finding awaiting decision"]),
             .list(["1 finding to raise at interview"]), .text("step: web-name; query: \"Łukasz Nowak\"; outcome: nothing-relevant")],
            [.text("TA-2026-03/4"), .list(["complete"]), .none, .text("short")],
        ]
        let wrapped = render(Listing(columns: columns, rows: rows, fit: TableFit(width: 100, wrap: ["todo", "notes"], truncate: ["details"])), .table)
        #expect(wrapped == """
            Ref           Outstanding                  Notes                        Details
            ------------  ---------------------------  ---------------------------  ----------------------------
            TA-2026-03/3  2 queries to do;             1 finding to raise at        step: web-name; query: "Łuk…
                          could not complete: tiktok;  interview
                          1 finding awaiting decision
            TA-2026-03/4  complete                                                  short

            """)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // Two wrapped columns share their width in the way that takes the fewest lines.
        let tight = render(Listing(columns: Array(columns.prefix(3)), rows: rows.map { Array($0.prefix(3)) },
                                   fit: TableFit(width: 55, wrap: ["todo", "notes"])), .table)
        #expect(tight == """
            Ref           Outstanding                  Notes
            ------------  ---------------------------  ------------
            TA-2026-03/3  2 queries to do;             1 finding to
                          could not complete: tiktok;  raise at
                          1 finding awaiting decision  interview
            TA-2026-03/4  complete

            """)
        // A table that fits is written exactly as without a fit.
        let narrow = Listing(columns: sampleListing.columns, rows: sampleListing.rows, fit: TableFit(wrap: ["note"], truncate: ["tags"]))
        #expect(render(narrow, .table) == render(sampleListing, .table))
        #expect(TableFit(width: 40).wrapping("Steps: 1 web-name, 2 web-name-town, 3 news, 4 facebook, 5 x", indent: 7, at: ", ") == """
            Steps: 1 web-name, 2 web-name-town,
                   3 news, 4 facebook, 5 x
            """)
        #expect(TableFit(width: 40).wrapping("short enough", indent: 7) == "short enough")
    }

    @Test("an audit event's details are summarised on one line: changes as old → new, the telling fields first")
    func auditSummary() {
        func summary(_ action: String, _ details: String?) -> String {
            AuditLogEntry(event: AuditEvent(seq: 1, at: "2026-11-20T10:00:00Z", actor: "Ann Admin", osAccount: "ann", action: action,
                                            entity: "x", entityRef: "x", detailsHash: "", prevHash: AuditEvent.genesisHash),
                          hash: "", details: details).summary
        }
        #expect(summary("candidate.update", #"{"after":{"other_names":"Luke Nowak","town":"Chester"},"before":{"other_names":"","town":"Helsby"}}"#)
            == "other_names: (none) → Luke Nowak; town: Helsby → Chester")
        #expect(summary("vacancy.update", #"{"after":{"look_back_years":"6"},"before":{"look_back_years":"5"},"reason":{"text":"KCSIE 2026"}}"#)
            == "look_back_years: 5 → 6; reason: KCSIE 2026")
        #expect(summary("candidate.outcome", #"{"after":"appointed","before":"pending","on":"2026-11-20"}"#) == "pending → appointed; on: 2026-11-20")
        #expect(summary("search.log", #"{"addresses":"","late":"no","outcome":"no-results","query":"\"Zoë Ødegaard\"","step":"web-name"}"#)
            == #"step: web-name; query: "Zoë Ødegaard"; outcome: no-results; late: no"#)
        #expect(summary("finding.add", #"{"action":"add","category":"other","summary":"A post"}"#) == "category: other; summary: A post")
        #expect(summary("purge", #"{"candidates":3,"removed":2}"#) == "candidates: 3; removed: 2")
        #expect(summary("candidate.add", nil) == "(purged)")
    }

    @Test("a record shows as title: value lines, one JSON object, or CSV with a header")
    func record() throws {
        #expect(render(sampleListing, .table, record: true) == """
            Name:  Zoë Ødegaard
            Count: 3
            Tags:  a; b, c
            Due:   10 December 2026
            At:    1 July 2026 10:30
            OK:    yes
            Note:  said "hi" ⏎ then left

            """)
        let object = try JSONSerialization.jsonObject(with: Data(render(sampleListing, .json, record: true).utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "Zoë Ødegaard")
        let csv = try CSVReader.parse(Data(render(Listing(columns: sampleListing.columns, rows: [sampleListing.rows[1]]),
                                                  .csv, record: true).utf8))
        #expect(csv.map(\.fields) == [["name", "count", "tags", "due", "at", "ok", "note"],
                                      ["Łukasz Nowak", "12", "", "", "2026-12-10T09:05:00Z", "false", ""]])
        #expect(render(Listing(columns: sampleListing.columns), .json, record: true) == "")
    }

    @Test("the candidate listing has one column per field, null where nothing is recorded")
    func candidateListing() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        var draft = CandidateDraft(fullName: "Zoë Ødegaard")
        draft.otherNames = ["Zoë Hansen"]
        draft.previousEmployers = ["Little Acorns Nursery", "Elm Tree Café"]
        draft.notifiedOn = Day(year: 2026, month: 11, day: 13)
        draft.notifiedVia = .email
        try store.addCandidate(to: "TA-2026-03", draft, by: admin)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Łukasz Nowak"), by: admin)
        let text = render(.candidates(try store.candidates(of: "TA-2026-03")), .json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["reference"] as? String == "TA-2026-03/1")
        #expect(rows[0]["other_names"] as? [String] == ["Zoë Hansen"])
        #expect(rows[0]["previous_employers"] as? [String] == ["Little Acorns Nursery", "Elm Tree Café"])
        #expect(rows[0]["notified_on"] as? String == "2026-11-13")
        #expect(rows[0]["notified_via"] as? String == "email")
        #expect(rows[0]["shortlisted_on"] as? String == "2026-11-20")
        #expect(rows[1]["notified_on"] is NSNull)
        #expect(rows[1]["notified_via"] is NSNull)
        #expect(rows[1]["outcome_on"] is NSNull)
        #expect(rows[1]["outcome"] as? String == "pending")
        #expect(rows[1]["email"] as? String == "")
        #expect(rows[1]["other_names"] as? [String] == [])
    }
}
