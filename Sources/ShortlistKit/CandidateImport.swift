import Foundation
import GRDB

/// What an import did.
public struct ImportSummary: Equatable, Sendable {
    /// The candidates added, in file order.
    public var added: [CandidateReference] = []
    /// Rows already present (same name and email in the vacancy): the file line and the existing candidate.
    public var skipped: [(line: Int, existing: CandidateReference)] = []
    /// Columns of the file that the tool does not keep (not imported, so not held).
    public var ignoredColumns: [String] = []

    public static func == (lhs: ImportSummary, rhs: ImportSummary) -> Bool {
        lhs.added == rhs.added && lhs.ignoredColumns == rhs.ignoredColumns
            && lhs.skipped.map(\.line) == rhs.skipped.map(\.line) && lhs.skipped.map(\.existing) == rhs.skipped.map(\.existing)
    }
}

/// Reads the candidate CSV files that Excel or an applicant-tracking system exports.
enum CandidateFile {
    /// The fields a file may carry, each with the header names accepted for it. Headers are
    /// matched without regard to case, spaces or punctuation.
    enum Column: CaseIterable {
        case fullName, otherNames, town, currentEmployer, previousEmployers, email, shortlisted, toldOn, toldVia

        var headers: [String] {
            switch self {
            case .fullName: ["fullname", "name", "candidatename", "applicantname", "candidate", "applicant"]
            case .otherNames: ["othernames", "othername", "previousnames", "knownas", "aliases"]
            case .town: ["town", "townorarea", "area", "location", "city"]
            case .currentEmployer: ["currentemployer", "employer"]
            case .previousEmployers: ["previousemployers", "previousemployer", "formeremployers"]
            case .email: ["email", "emailaddress"]
            case .shortlisted: ["shortlisted", "shortlistedon", "dateshortlisted", "shortlistdate"]
            case .toldOn: ["toldon", "datetold", "notifiedon", "notified"]
            case .toldVia: ["toldvia", "howtold", "notifiedvia"]
            }
        }

        static func matching(_ header: String) -> Column? {
            let key = String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
            return allCases.first { $0.headers.contains(key) }
        }
    }

    /// Parses and checks the whole file. Returns the drafts with their lines, or every problem.
    static func read(_ data: Data, today: Day) -> (rows: [(line: Int, draft: CandidateDraft)], ignored: [String], problems: [ImportProblem]) {
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(data)
        } catch {
            return ([], [], [ImportProblem(line: error.line, reason: error.reason)])
        }
        guard let header = records.first else {
            return ([], [], [ImportProblem(line: 1, reason: "the file is empty; it needs a header row and a row per candidate")])
        }
        var index: [Column: Int] = [:]
        var ignored: [String] = []
        var problems: [ImportProblem] = []
        for (position, name) in header.fields.enumerated() {
            guard let column = Column.matching(name) else {
                if !name.trimmed.isEmpty { ignored.append(name) }
                continue
            }
            if index[column] != nil {
                problems.append(ImportProblem(line: header.line, reason: "the column '\(name)' appears twice"))
            }
            index[column] = position
        }
        if index[.fullName] == nil {
            problems.append(ImportProblem(line: header.line, reason: "no full name column; name one of the header cells 'Full name'"))
            return ([], ignored, problems)
        }
        var rows: [(line: Int, draft: CandidateDraft)] = []
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmed.isEmpty }) {
            guard record.fields.count == header.fields.count else {
                problems.append(ImportProblem(line: record.line, reason: "\(record.fields.count) fields where the header has \(header.fields.count)"))
                continue
            }
            func value(_ column: Column) -> String { index[column].map { record.fields[$0] } ?? "" }
            func list(_ column: Column) -> [String] { value(column).split(separator: ";").map(String.init) }
            var draft = CandidateDraft(fullName: value(.fullName))
            draft.otherNames = list(.otherNames)
            draft.town = value(.town)
            draft.currentEmployer = value(.currentEmployer)
            draft.previousEmployers = list(.previousEmployers)
            draft.email = value(.email)
            do {
                draft.shortlistedOn = try optionalDay(value(.shortlisted), field: "shortlisted")
                draft.notifiedOn = try optionalDay(value(.toldOn), field: "told on")
                let via = value(.toldVia).trimmed
                draft.notifiedVia = via.isEmpty ? nil : try NotificationMeans.parse(via, field: "told via")
            } catch {
                problems.append(ImportProblem(line: record.line, reason: error.message))
                continue
            }
            if let problem = draft.normalise(today: today) {
                problems.append(ImportProblem(line: record.line, reason: problem))
                continue
            }
            rows.append((record.line, draft))
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(line: header.line, reason: "the file has a header but no candidates"))
        }
        return (rows, ignored, problems)
    }

    private static func optionalDay(_ text: String, field: String) throws(ShortlistError) -> Day? {
        let text = text.trimmed
        return text.isEmpty ? nil : try Day.parse(text, field: field)
    }

    /// What makes two rows the same person for the same vacancy: name and email, ignoring case.
    static func identity(name: String, email: String) -> String {
        name.lowercased() + "\u{1F}" + email.lowercased()
    }
}

extension Store {
    /// Imports candidates from a CSV file into a vacancy. The whole file is checked first;
    /// every bad row is reported by line; then all rows go in one transaction, or none do.
    /// Rows already present are skipped, so re-importing a file is harmless.
    public func importCandidates(to vacancy: String, file path: String, by actor: String?) throws(ShortlistError) -> ImportSummary {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, reason: "the file cannot be read; check the path and its permissions")
        }
        // Parsed and checked before the write lock is taken; refused inside, after the actor and vacancy checks.
        let file = CandidateFile.read(data, today: Day(clock()))
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "import candidates")
            let target = try change.vacancyAcceptingCandidates(vacancy)
            guard file.problems.isEmpty else {
                throw ShortlistError.importRejected(file: path, problems: file.problems.sorted { $0.line < $1.line })
            }
            var known: [String: CandidateReference] = [:]
            for row in try Row.fetchAll(change.db, sql: "SELECT number, full_name, email FROM candidate WHERE vacancy_id = ?",
                                        arguments: [target.id]) {
                known[CandidateFile.identity(name: row["full_name"], email: row["email"])] =
                    CandidateReference(vacancy: target.reference, number: row["number"])
            }
            var summary = ImportSummary(ignoredColumns: file.ignored)
            var inserter = try CandidateInserter(change: change, vacancy: target)
            for (line, draft) in file.rows {
                let identity = CandidateFile.identity(name: draft.fullName, email: draft.email)
                if let existing = known[identity] {
                    summary.skipped.append((line, existing))
                    continue
                }
                let candidate = try inserter.insertNext(draft)
                known[identity] = candidate.reference
                summary.added.append(candidate.reference)
            }
            return summary
        }
    }
}
