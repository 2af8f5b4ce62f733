import Foundation
import GRDB

extension Store {
    /// Imports candidates from a CSV file or an .xlsx workbook into a vacancy. The whole file is checked first;
    /// every bad row is reported by its row and column; then all rows go in one transaction, or none do.
    /// Rows already present are skipped, so re-importing a file is harmless.
    public func importCandidates(to vacancy: String, file path: String, options: ImportOptions = ImportOptions(),
                                 by actor: String?) throws(ShortlistError) -> ImportSummary {
        // Read, parsed and checked before the write lock is taken; refused inside, after the actor and vacancy checks.
        let file: Result<CandidateFile.Contents, ShortlistError>
        if let refusal = SpreadsheetFile.refusal(byName: path) {
            file = .failure(.file(path: path, reason: refusal))
        } else {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .file(path: path, reason: "the file cannot be read; check the path and its permissions")
            }
            let today = Day(clock())
            file = Result { () throws(ShortlistError) in try CandidateFile.read(data, path: path, options: options, today: today) }
        }
        return try write(by: actor) { change in
            try change.require([.admin, .searcher, .recruitingManager], to: "import candidates")
            let target = try change.vacancyAcceptingCandidates(vacancy)
            let contents = try file.get()
            guard contents.problems.isEmpty else {
                throw ShortlistError.importRejected(file: path, problems: contents.problems.enumerated().sorted {
                    ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
                }.map(\.element))
            }
            var known: [String: CandidateReference] = [:]
            for row in try Row.fetchAll(change.db, sql: "SELECT number, full_name, email FROM candidate WHERE vacancy_id = ?",
                                        arguments: [target.id]) {
                known[CandidateFile.identity(name: row["full_name"], email: row["email"])] =
                    CandidateReference(vacancy: target.reference, number: row["number"])
            }
            var summary = ImportSummary(ignoredColumns: contents.ignored, lineBreaks: contents.lineBreaks)
            var inserter = try CandidateInserter(change: change, vacancy: target)
            for (row, draft) in contents.rows {
                let identity = CandidateFile.identity(name: draft.fullName, email: draft.email)
                if let existing = known[identity] {
                    summary.skipped.append((row, existing))
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
