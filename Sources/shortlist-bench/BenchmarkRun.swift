import ArgumentParser
import Foundation
import ShortlistKit

extension ShortlistBench {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time each hot command as a whole process (median of repeated runs), with peak memory, beside the sqlite3 shell.")

        @Option(help: "school or trust.") var scale: Scale = .school
        @Option(help: "Runs per measurement; the median is reported.") var runs = 5
        @Option(help: "Folder for the generated databases (kept between runs) and scratch files.") var dir = ".bench"
        @Option(help: "The sqlite3 shell.") var sqlite3 = "/usr/bin/sqlite3"
        @Flag(help: "Generate the database again even if one is there.") var regenerate = false
        @Option(help: ArgumentHelp("Measure only this (repeat for more): \(Bench.names.joined(separator: ", ")); start-up is always measured.",
                                   valueName: "name"))
        var only: [String] = []

        func validate() throws {
            let unknown = only.filter { !Bench.names.contains($0) }
            guard unknown.isEmpty else {
                throw ValidationError("No measurement named \(unknown.joined(separator: ", ")): choose from \(Bench.names.joined(separator: ", ")).")
            }
        }

        func run() throws {
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("shortlist").path
            guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("no shortlist binary beside this one at \(binary)") }
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let today = Day(year: 2026, month: 11, day: 27)!
            // Generation is deterministic, so a database made earlier is reused; each run times a fresh copy.
            let master = "\(dir)/\(scale.rawValue).sqlite"
            var generator = TrustGenerator(scale: scale, today: today)
            let started = Date()
            var data = generator.plannedData()
            if regenerate || !FileManager.default.fileExists(atPath: master) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: master + suffix) }
                data = try generator.generate(at: master + ".partial") { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
                try FileManager.default.moveItem(atPath: master + ".partial", toPath: master)
            }
            let generation = Date().timeIntervalSince(started)
            let work = "\(dir)/\(scale.rawValue)-work.sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work + suffix) }
            try FileManager.default.copyItem(atPath: master, toPath: work)
            let bench = Bench(binary: binary, sqlite3: sqlite3, runs: runs, dir: dir, db: work, data: data,
                              now: "\(today.iso) 17:00", scale: scale, only: Set(only))
            let results = try bench.measure()
            print("shortlist-bench: \(scale.rawValue) scale, \(runs) runs each (median); database made or found in \(String(format: "%.1f", generation)) s\n")
            print(results.markdown)
        }
    }
}

/// One measured command.
struct Measurement {
    var name: String
    var run: ProcessRun
    /// The sqlite3 shell doing the equivalent work, where there is an equivalent.
    var shell: ProcessRun?
    var note = ""
}

struct Results {
    var facts: [(String, String)] = []
    var measurements: [Measurement] = []
    /// Start-up of each program, in seconds.
    var startup = 0.0
    var shellStartup = 0.0

    var markdown: String {
        var text = facts.map { "- \($0.0): \($0.1)" }.joined(separator: "\n") + "\n\n"
        text += "| command | median ms | peak MiB | sqlite3 ms | ratio | ratio after start-up | note |\n|---|---:|---:|---:|---:|---:|---|\n"
        for m in measurements {
            let ratio = m.shell.map { String(format: "%.2f", m.run.seconds / $0.seconds) } ?? ""
            // The work beyond each program's own start-up (`--version`; the shell's `SELECT 1`).
            let work = m.shell.map { shell in
                String(format: "%.2f", max(m.run.seconds - startup, 0) / max(shell.seconds - shellStartup, 0.000_1))
            } ?? ""
            let memory = m.run.maxRSSKiB == 0 ? "" : String(format: "%.1f", Double(m.run.maxRSSKiB) / 1024)
            text += "| \(m.name) | \(String(format: "%.1f", m.run.seconds * 1000)) | \(memory) | "
                + "\(m.shell.map { String(format: "%.1f", $0.seconds * 1000) } ?? "") | \(ratio) | \(work) | \(m.note) |\n"
        }
        return text
    }
}

/// The measurements of one scale.
struct Bench {
    let binary: String
    let sqlite3: String
    let runs: Int
    let dir: String
    let db: String
    let data: GeneratedData
    let now: String
    let scale: Scale
    /// The measurements to take; all of them when empty.
    var only: Set<String> = []

    /// Each measurement's name for `--only`, in the order they are taken.
    static let names = ["vacancy-show", "status", "dossier", "pack", "bulk-pack", "report", "audit-verify", "import", "purge"]

    private func wanted(_ name: String) -> Bool {
        precondition(Bench.names.contains(name), "unlisted measurement \(name)")
        return only.isEmpty || only.contains(name)
    }

    func measure() throws -> Results {
        var results = Results()
        let env = ["SHORTLIST_DB": db, "SHORTLIST_USER": data.searcher, "SHORTLIST_NOW": now]
        func shortlist(_ arguments: [String], _ extra: [String: String] = [:]) throws -> ProcessRun {
            try ProcessTimer.median(runs, binary, arguments, environment: env.merging(extra) { $1 })
        }
        func shell(_ database: String, _ sql: String) throws -> ProcessRun {
            try ProcessTimer.median(runs, sqlite3, ["-readonly", database, sql])
        }
        let store = try Store.open(at: db, clock: Date.init)
        let verification = try store.verifyAudit()
        let counts = try store.statistics()
        results.facts = [
            ("database", "\(counts.vacancies) vacancies, \(counts.candidates) candidates, \(counts.entries) search entries, "
                + "\(counts.findings) findings, \(verification.events) audit events, "
                + String(format: "%.0f MB", Double((try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0) / 1e6)),
            ("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + String(format: "%.0f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)),
        ]
        let open = data.openVacancy
        let first = "\(open)/1"
        let version = try shortlist(["--version"])
        results.measurements.append(Measurement(name: "`--version`", run: version))
        let shellStart = try ProcessTimer.median(runs, sqlite3, [":memory:", "SELECT 1"])
        results.measurements.append(Measurement(name: "sqlite3 `SELECT 1` (the shell's start-up)", run: shellStart))
        results.startup = version.seconds
        results.shellStartup = shellStart.seconds
        if wanted("vacancy-show") { results.measurements.append(Measurement(name: "`vacancy show`", run: try shortlist(["vacancy", "show", open]))) }
        let ids = (vacancy: try store.vacancy(open).id, firstCandidate: try store.candidate(CandidateReference(parsing: first)).id)
        if wanted("status") {
            results.measurements.append(Measurement(name: "`status --vacancy`", run: try shortlist(["status", "--vacancy", open]),
                                                    shell: try shell(db, BenchSQL.status(vacancyID: ids.vacancy))))
        }
        if wanted("dossier") {
            results.measurements.append(Measurement(name: "`dossier`", run: try shortlist(["dossier", first]),
                                                    shell: try shell(db, BenchSQL.dossier(vacancyID: ids.vacancy, candidateID: ids.firstCandidate))))
        }
        if wanted("pack") {
            let pack = try shortlist(["pack", data.packVacancy, "--out", "\(dir)/pack", "--force"])
            results.measurements.append(Measurement(name: "`pack` (10 candidates)", run: pack, note: String(
                format: "%.0f dossiers/s after start-up", 10 / max(pack.seconds - version.seconds, 0.0001))))
        }
        if wanted("bulk-pack") { results.measurements.append(try bulkPack(store)) }
        if wanted("report") {
            let report = try shortlist(["report", "--from", data.reportFrom.iso, "--to", data.reportTo.iso, "--out", "\(dir)/report.md", "--force"],
                                       ["SHORTLIST_USER": data.governor])
            results.measurements.append(Measurement(name: "`report` (one school year)", run: report))
        }
        if wanted("audit-verify") {
            let verify = try shortlist(["audit", "verify"])
            results.measurements.append(Measurement(name: "`audit verify`", run: verify,
                                                    note: String(format: "%.0f events/s", Double(verification.events) / verify.seconds)))
        }
        if wanted("import") { results.measurements.append(try importMeasurement(rows: scale == .trust ? 30_000 : 200)) }
        if wanted("purge") { results.measurements.append(try purgeMeasurement(store, environment: env, startup: version.seconds)) }
        return results
    }

    /// `purge --apply` of everything due, on a fresh copy of the database before each run.
    private func purgeMeasurement(_ store: Store, environment: [String: String], startup: Double) throws -> Measurement {
        let copy = "\(dir)/purge.sqlite"
        let due = try store.purgePlan().due.count
        let run = try ProcessTimer.median(runs, binary, ["purge", "--apply", "--db", copy],
                                          environment: environment.merging(["SHORTLIST_USER": "Trust Admin"]) { $1 }, before: {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: copy + suffix)
                if FileManager.default.fileExists(atPath: db + suffix), suffix != "-shm" {
                    try FileManager.default.copyItem(atPath: db + suffix, toPath: copy + suffix)
                }
            }
        })
        return Measurement(name: "`purge --apply` (\(due) candidates)", run: run, note: String(
            format: "%.0f candidates/s after start-up, in batches of 100, each its own transaction", Double(due) / max(run.seconds - startup, 0.0001)))
    }

    /// Dossiers rendered in bulk, in one process: every vacancy of the first school, packed in turn.
    private func bulkPack(_ store: Store) throws -> Measurement {
        let templates = try TemplateSet.load()
        let references = try store.vacancies().map(\.reference).filter { $0.hasPrefix("S1-") }
        var dossiers = 0
        let started = Date()
        for reference in references {
            try store.pack(reference, templates: templates, by: data.searcher) { documents in dossiers += documents.count - 1 }
        }
        let seconds = Date().timeIntervalSince(started)
        return Measurement(name: "bulk pack in one process (\(references.count) vacancies)",
                           run: ProcessRun(seconds: seconds, maxRSSKiB: 0, status: 0, output: ""),
                           note: String(format: "%.0f dossiers/s (%d dossiers, each recorded as an audit event)", Double(dossiers) / seconds, dossiers))
    }

    /// `candidate import` of a generated CSV into a new database, beside the shell's `.import`.
    private func importMeasurement(rows: Int) throws -> Measurement {
        let csv = "\(dir)/import.csv"
        var text = "Full name,Other names,Town,Current employer,Previous employers,Email,Shortlisted,Told on,Told via\r\n"
        var random = SeededGenerator(seed: 7)
        for n in 0..<rows {
            let first = TrustGenerator.firstNames[Int(random.next() % 30)], last = TrustGenerator.lastNames[Int(random.next() % 30)]
            text += "\(first) \(last),,\(TrustGenerator.towns[n % 12]),\"\(TrustGenerator.employers[n % 13])\",,"
                + "person\(n)@example.org,01/09/2026,02/09/2026,email\r\n"
        }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let target = "\(dir)/import.sqlite"
        let env = ["SHORTLIST_DB": target, "SHORTLIST_USER": "Importer", "SHORTLIST_NOW": now]
        let fresh = {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            _ = try ProcessTimer.run(binary, ["init", "--admin", "Importer", "--role", "searcher"], environment: env)
            _ = try ProcessTimer.run(binary, ["vacancy", "add", "IMP-1", "--title", "Import"], environment: env)
        }
        let run = try ProcessTimer.median(runs, binary, ["candidate", "import", "--vacancy", "IMP-1", csv], environment: env, before: fresh)
        let shellTarget = "\(dir)/import-shell.sqlite"
        let shell = try ProcessTimer.median(runs, sqlite3, [shellTarget, ".mode csv", ".import --skip 1 \(csv) candidate_import"], before: {
            try? FileManager.default.removeItem(atPath: shellTarget)
            _ = try ProcessTimer.run(sqlite3, [shellTarget, BenchSQL.importTable])
        })
        return Measurement(name: "`candidate import` (\(rows) rows)", run: run, shell: shell,
                           note: "shortlist checks every row and writes an audit event per candidate")
    }
}

/// The sqlite3 shell's equivalents of shortlist's hot queries.
enum BenchSQL {
    static let importTable = """
        CREATE TABLE candidate_import (full_name TEXT, other_names TEXT, town TEXT, current_employer TEXT, previous_employers TEXT,
                                       email TEXT, shortlisted TEXT, told_on TEXT, told_via TEXT)
        """

    /// What `status` reads for one vacancy: candidates, their current entries, overrides and findings.
    static func status(vacancyID: Int64) -> String {
        """
        SELECT * FROM vacancy WHERE id = \(vacancyID);
        SELECT * FROM candidate WHERE vacancy_id = \(vacancyID) ORDER BY number;
        SELECT e.candidate_id, e.step_key, e.planned_query, e.outcome, e.searched_at, s.name FROM
          (SELECT *, row_number() OVER (PARTITION BY candidate_id, step_key, planned_query ORDER BY id DESC) AS r
           FROM search_entry WHERE withdrawn_at IS NULL AND candidate_id IN (SELECT id FROM candidate WHERE vacancy_id = \(vacancyID))) e
          JOIN staff s ON s.id = e.searcher_id WHERE e.r = 1;
        SELECT e.candidate_id, count(o.entry_id) FROM search_entry e LEFT JOIN search_override o ON o.entry_id = e.id
          WHERE e.candidate_id IN (SELECT id FROM candidate WHERE vacancy_id = \(vacancyID)) GROUP BY e.candidate_id;
        SELECT f.candidate_id, v.decision FROM finding f JOIN finding_version v ON v.finding_id = f.id
          AND v.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
          WHERE f.candidate_id IN (SELECT id FROM candidate WHERE vacancy_id = \(vacancyID));
        """
    }

    /// What a dossier reads: the status queries and the candidate's panel findings.
    static func dossier(vacancyID: Int64, candidateID: Int64) -> String {
        status(vacancyID: vacancyID) + """
        SELECT f.number, k.label, v.* FROM finding f JOIN finding_version v ON v.finding_id = f.id
          AND v.version = (SELECT max(version) FROM finding_version WHERE finding_id = f.id)
          JOIN finding_category k ON k.key = v.category
          WHERE f.candidate_id = \(candidateID) AND v.decision = 'raise' AND v.protected = 0;
        SELECT seq, hash FROM audit_event WHERE vacancy_id = \(vacancyID) AND action NOT LIKE 'document.%' ORDER BY seq DESC LIMIT 1;
        """
    }
}
