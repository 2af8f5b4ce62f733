import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The fixture with its panel documents produced, ready for the governors' report of 2026.
private func reportFixture(_ folder: TemporaryFolder) throws -> Store {
    let store = try makeRecruitment(in: folder)
    try RecruitmentFixture.producePanelDocuments(store)
    return store
}

private let year2026 = ReportScope.period(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-12-31")!)

/// What the fixture's construction says each candidate of 2026 departs from (see RecruitmentFixture).
private let expectedExceptions: [String: Int] = [
    "not-told": 1,            // MS-2026-02/3 searched before being told
    "not-all-searched": 1,    // CL-2026-01: decision none
    "different-steps": 0,
    "incomplete": 4,          // TA-2026-03/2 and /3, MS-2026-02/3, OF-2026-01/1
    "could-not-complete": 1,  // TA-2026-03/2 TikTok
    "unrecorded-finding": 0,
    "late": 1,                // MS-2026-02/2 LinkedIn after the interview
    "panel-searcher": 1,      // MS-2026-02/2 YouTube by Tom Ellis
    "override": 2,            // MS-2026-02/2 searcher on panel, MS-2026-02/3 not told
    "undecided-finding": 1,   // TA-2026-03/2/F1
    "unanswered-finding": 1,  // MS-2026-02/2/F1, interview held
    "awaiting-follow-up": 0,  // TA-2026-03/1/F1 further checks, followed up
    "protected-mark-removed": 0,
    "purge-overdue": 1,       // OF-2026-01 closed 1 March 2026, 6 months' retention
]

/// The candidates with no exception of their own who are complete, withdrawn or not searched by decision.
private let expectedCompliant = ["TA-2026-03/1", "TA-2026-03/4", "MS-2026-02/1", "CL-2026-01/1"]

@Suite("Governors' report")
struct ComplianceReportTests {
    @Test("the report of 2026 matches its golden file, and cites the trail's head before it")
    func golden() throws {
        let folder = try TemporaryFolder()
        let store = try reportFixture(folder)
        let head = try #require(try storedEvents(store).last)
        let text = try store.renderComplianceReport(year2026, format: "markdown", templates: TemplateSet.load(), by: RecruitmentFixture.governor)
        let fingerprint = AuditVerification.fingerprint(of: head.hash)
        #expect(text.hasSuffix("""
            by Grace Okafor.

            **To minute:** the audit trail then ended at event \(head.event.seq), head \(head.hash), fingerprint \(fingerprint). \
            Check it at any later date with \
            `shortlist audit verify --expect-head "\(fingerprint)"`. To keep heads away from the database, run \
            `shortlist audit anchor --out anchors.txt` at each meeting and keep that file: \
            `shortlist audit verify --anchors anchors.txt` checks every head in it.

            """))
        #expect(try store.verifyAudit(expectHead: fingerprint).expectedHead?.found == true)
        try GoldenFile.expect(GoldenFile.normalised(text, hashes: [head.hash]).replacingOccurrences(of: fingerprint, with: "<fingerprint>"),
                              matches: "report-2026.md")
        // Producing it is recorded, by the governor, without a vacancy.
        let recorded = try #require(try storedEvents(store).last)
        #expect(recorded.event.action == "document.report")
        #expect(recorded.event.actor == RecruitmentFixture.governor)
        #expect(recorded.event.entityRef == "2026-01-01..2026-12-31")
        #expect(recorded.details == #"{"audit_seq":"\#(head.event.seq)","vacancies":"CL-2026-01,MS-2026-02,OF-2026-01,TA-2026-03"}"#)
    }

    @Test("its figures agree with counts made apart, from the records and from the fixture's construction")
    func figures() throws {
        let folder = try TemporaryFolder()
        let store = try reportFixture(folder)
        let report = try store.complianceReport(year2026, by: RecruitmentFixture.governor)
        let (vacancyIDs, candidates) = try store.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM vacancy WHERE coalesce(interview_date, substr(created_at, 1, 10)) BETWEEN '2026-01-01' AND '2026-12-31'
                """)
            let candidates = try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate WHERE vacancy_id IN (\(ids.map(String.init).joined(separator: ",")))")!
            return (ids, candidates)
        }
        #expect(report.vacancies_count == 4)
        #expect(report.vacancies_count == vacancyIDs.count)
        #expect(report.vacancies.map(\.reference) == ["CL-2026-01", "MS-2026-02", "OF-2026-01", "TA-2026-03"])
        #expect(report.candidates_count == 9)
        #expect(report.candidates_count == candidates)
        #expect(report.compliant_count == expectedCompliant.count)
        #expect(report.compliant_share == "44%")
        let compliant = report.vacancies.flatMap(\.candidates).filter(\.compliant).map(\.reference)
        #expect(Set(compliant) == Set(expectedCompliant))
        #expect(Dictionary(uniqueKeysWithValues: report.exception_kinds.map { ($0.kind, $0.count) }) == expectedExceptions)
        #expect(report.exceptions.count == expectedExceptions.values.reduce(0, +))
        // Exceptions come grouped by kind, in the order the summary lists the kinds.
        let order = report.exception_kinds.map(\.kind)
        #expect(report.exceptions.map { order.firstIndex(of: $0.kind)! } == report.exceptions.map { order.firstIndex(of: $0.kind)! }.sorted())

        // Findings by category and decision, at their current version, counted with SQL.
        for section in report.vacancies {
            let rows = try store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT fv.protected, k.label, fv.decision FROM finding f
                    JOIN candidate c ON c.id = f.candidate_id JOIN vacancy v ON v.id = c.vacancy_id
                    JOIN finding_version fv ON fv.finding_id = f.id
                    LEFT JOIN finding_category k ON k.key = fv.category
                    WHERE v.reference = ? AND fv.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
                    """, arguments: [section.reference])
            }
            var categories: [String: Int] = [:], decisions: [String: Int] = [:]
            for row in rows {
                let protected: Bool = row["protected"]
                categories[protected ? "About a protected characteristic" : row["label"], default: 0] += 1
                decisions[protected ? "never raised (protected characteristic)" : (row["decision"] as String?) ?? "awaiting decision", default: 0] += 1
            }
            #expect(section.findings_total == rows.count, "\(section.reference)")
            #expect(Dictionary(uniqueKeysWithValues: section.findings_by_category.map { ($0.label, $0.count) }) == categories, "\(section.reference)")
            #expect(Dictionary(uniqueKeysWithValues: section.findings_by_decision.map { ($0.label, $0.count) }) == decisions, "\(section.reference)")
        }
        let ta = try #require(report.vacancies.first { $0.reference == "TA-2026-03" })
        #expect(ta.findings_total == 7)
        #expect(ta.findings_by_decision.map { "\($0.label) \($0.count)" }
            == ["awaiting decision 1", "never raised (protected characteristic) 2", "no-further-action 1", "not-the-candidate 1", "raise 2"])
        #expect(ta.raised_answered == "TA-2026-03/1/F1")
        #expect(ta.raised_open == "TA-2026-03/1/F5")

        // Documents: dossiers and packs produced, counted from the audit trail.
        for section in report.vacancies {
            let produced = try store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT e.action, e.actor, count(*) AS n FROM audit_event e JOIN vacancy v ON v.id = e.vacancy_id
                    WHERE v.reference = ? AND e.action IN ('document.dossier', 'document.pack') GROUP BY e.action, e.actor
                    """, arguments: [section.reference]).map { "\(($0["action"] as String).dropFirst("document.".count)) \($0["n"] as Int) \($0["actor"] as String)" }
            }
            #expect(Set(section.documents.map { "\($0.kind) \($0.count) \($0.by)" }) == Set(produced), "\(section.reference)")
        }
        #expect(ta.documents.map { "\($0.kind) \($0.count) \($0.by)" } == ["dossier 3 Sam Searcher", "pack 1 Sam Searcher"])
        #expect(report.vacancies.first { $0.reference == "MS-2026-02" }!.documents.map { "\($0.kind) \($0.count) \($0.by)" }
            == ["dossier 1 Priya Shah"])
    }

    @Test("the report names candidates by reference only and quotes no finding, in every format")
    func nothingPersonal() throws {
        let folder = try TemporaryFolder()
        let store = try reportFixture(folder)
        for format in ["markdown", "json", "csv"] {
            let text = try store.renderComplianceReport(year2026, format: format, templates: TemplateSet.load(), by: RecruitmentFixture.governor)
            for name in RecruitmentFixture.candidateNames {
                #expect(!text.contains(name), "\(format): \(name)")
                #expect(!text.contains(name.components(separatedBy: " ").last!), "\(format): \(name)")
            }
            for summary in RecruitmentFixture.findingSummaries { #expect(!text.contains(summary), "\(format): \(summary)") }
            for marker in RecruitmentFixture.Never.findingText + RecruitmentFixture.Never.emails + ["Can you tell us", "Is there anything"] {
                #expect(!text.contains(marker), "\(format): \(marker)")
            }
        }
    }

    @Test("JSON holds the same figures, and CSV one row per candidate")
    func otherFormats() throws {
        let folder = try TemporaryFolder()
        let store = try reportFixture(folder)
        let json = try store.renderComplianceReport(year2026, format: "json", templates: TemplateSet.load(), by: RecruitmentFixture.governor)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["vacancies_count"] as? Int == 4)
        #expect(object["candidates_count"] as? Int == 9)
        #expect(object["compliant_count"] as? Int == 4)
        let kinds = try #require(object["exception_kinds"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: kinds.map { ($0["kind"] as! String, $0["count"] as! Int) }) == expectedExceptions)

        let csv = try store.renderComplianceReport(year2026, format: "csv", templates: TemplateSet.load(), by: RecruitmentFixture.governor)
        let records = try CSVReader.parse(Data(csv.utf8))
        #expect(records.first?.fields == ["vacancy", "candidate", "outcome", "told_on", "searched", "told_before_first_search",
                                          "searches_done", "searches_planned", "complete_before_interview", "late", "compliant", "exceptions",
                                          "notice"])
        #expect(records.count == 1 + 9)
        #expect(records.dropFirst().allSatisfy { $0.fields.count == 13 })
        #expect(Set(records.dropFirst().filter { $0.fields[10] == "true" }.map { $0.fields[1] }) == Set(expectedCompliant))
        let dafydd = try #require(records.first { $0.fields[1] == "MS-2026-02/2" })
        #expect(dafydd.fields == ["MS-2026-02", "MS-2026-02/2", "pending", "2026-11-02", "true", "true", "10", "10", "false", "1", "false",
                                  "late; panel-searcher; override; unanswered-finding", ""])
        // Every yes-or-no column holds true or false (or nothing, for "told first" of a candidate not searched), and every count a number.
        for record in records.dropFirst() {
            for column in [4, 8, 10] { #expect(["true", "false"].contains(record.fields[column]), "\(record.fields)") }
            #expect(["true", "false"].contains(record.fields[5]) || (record.fields[4] == "false" && record.fields[5] == ""), "\(record.fields)")
            for column in [6, 7, 9] { #expect(Int(record.fields[column]) != nil, "\(record.fields)") }
        }
        #expect(dafydd.fields[3] == "2026-11-02")
    }

    @Test("a governor may produce the report; a panel member may not, and nothing is recorded")
    func roles() throws {
        let folder = try TemporaryFolder()
        let store = try reportFixture(folder)
        try store.addStaff(name: "Pam Panel", roles: [.panel], by: admin)
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.roleRequired(actor: "Pam Panel", roles: ["governor", "admin", "recruiting-manager", "searcher"],
                                                    operation: "produce the safer-recruitment report")) {
            _ = try store.complianceReport(year2026, by: "Pam Panel")
        }
        #expect(try count(store, "audit_event") == before)
        #expect(try store.complianceReport(.vacancy("CL-2026-01"), by: RecruitmentFixture.governor).vacancies_count == 1)
    }
}
