import Foundation
import GRDB
import Testing
@testable import ShortlistKit

extension Sandbox {
    /// Runs the binary with every file it writes limited to `kilobytes` (bash's `ulimit -f`). A write past the
    /// limit kills it with SIGXFSZ, as a crash in the middle of writing would; with `failing`, the signal is
    /// ignored and the write fails instead (EFBIG), as it would on a full disk.
    func runWithFileLimit(_ kilobytes: Int, failing: Bool = false, _ arguments: [String]) throws -> CommandResult {
        let script = "ulimit -f \(kilobytes); exec env --\(failing ? "ignore" : "default")-signal=XFSZ \"$0\" \"$@\""
        return try start(["-c", script, try ShortlistBinary.path()] + arguments, executable: "/bin/bash").finish()
    }

    /// Every file and folder under the sandbox, as relative paths with their permission bits, sorted.
    func listing() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var info = stat()
            stat(path(name), &info)
            names.append("\(name) \(String(info.st_mode & 0o777, radix: 8))")
        }
        return names.sorted()
    }
}

/// The file-size limit the binary runs under, in kilobytes: above what SQLite writes for a command's small
/// transaction (the limit is on the offset written, not the growth), below the documents made here.
private let limit = 256

/// Past the limit: the length of the filler in the school's templates, of a town, of an evidence file.
private let large = 300_000

extension Sandbox {
    /// A folder of templates whose dossier, pack index and report are the built-in ones followed by a
    /// long filler, so that every document is larger than the limit. Returns `--templates DIR`.
    func largeTemplates() throws -> [String] {
        let filler = String(repeating: "A school's long standing text.\n", count: large / 30)
        for name in ["dossier", "pack-index", "report"] {
            try writeTemplate("templates", name + ".mustache", EmbeddedResources.templates[name]! + filler)
        }
        return ["--templates", path("templates")]
    }
}

/// Readies `store`, kept open while the binary runs under a file-size limit: its -shm file exists at full size,
/// and its write-ahead log is made as large as the database (VACUUM writes every page into it) and then
/// restarts from the beginning, so the binary's small transactions overwrite it without making it grow.
/// Only the files the binary makes itself grow past the limit.
private func holdOpen(_ store: Store) throws {
    try store.queue.writeWithoutTransaction { db in
        try db.execute(sql: "VACUUM")
        _ = try db.checkpoint(.restart)
    }
}

@Suite("CLI: files written whole and owner-only, or not at all")
struct FileSafetyCLITests {
    @Test("dossier --out killed while writing leaves nothing behind and records nothing; failing to write, it says so")
    func dossierKilled() throws {
        let sandbox = try Sandbox()
        let store = try sandbox.createRecruitment()
        try holdOpen(store)
        let arguments = ["dossier", "TA-2026-03/1", "--out", sandbox.path("panel/zoe.md"), "--by", "Sam Searcher"] + (try sandbox.largeTemplates())
        let listing = sandbox.listing()
        let events = try sandbox.auditEventCount()

        let killed = try sandbox.runWithFileLimit(limit, arguments)
        #expect(killed.signalled && killed.status == SIGXFSZ, "\(killed)")
        #expect(sandbox.listing().filter { !$0.hasPrefix("panel ") } == listing)
        #expect(try sandbox.auditEventCount() == events)

        let failed = try sandbox.runWithFileLimit(limit, failing: true, arguments)
        #expect(failed.status == 1 && !failed.signalled, "\(failed)")
        #expect(failed.stderr == "error: \(sandbox.path("panel/zoe.md")): could not be written (File too large); nothing was written. "
            + "Check the folder's permissions and free space.\n")
        #expect(sandbox.listing().filter { !$0.hasPrefix("panel ") } == listing)
        #expect(try sandbox.auditEventCount() == events)
        withExtendedLifetime(store) {}
    }

    @Test("report --out that cannot be written exits 1 and records no report")
    func reportFailed() throws {
        let sandbox = try Sandbox()
        let store = try sandbox.createRecruitment()
        try holdOpen(store)
        let out = sandbox.path("report.md")
        let templates = try sandbox.largeTemplates()
        let listing = sandbox.listing()
        let events = try sandbox.auditEventCount()

        let failed = try sandbox.runWithFileLimit(limit, failing: true, ["report", "--vacancy", "TA-2026-03", "--out", out, "--by", "Grace Okafor"] + templates)

        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr == "error: \(out): could not be written (File too large); nothing was written. Check the folder's permissions and free space.\n")
        #expect(sandbox.listing() == listing)
        #expect(try sandbox.auditEventCount() == events)
        let killed = try sandbox.runWithFileLimit(limit, ["report", "--vacancy", "TA-2026-03", "--out", out, "--by", "Grace Okafor"] + templates)
        #expect(killed.signalled && killed.status == SIGXFSZ, "\(killed)")
        #expect(sandbox.listing() == listing)
        #expect(try sandbox.auditEventCount() == events)
        withExtendedLifetime(store) {}
    }

    @Test("candidate export --out that cannot be written exits 1 and records no export")
    func exportFailed() throws {
        let sandbox = try Sandbox()
        let store = try RetentionFixture.build(at: sandbox.database)
        var draft = CandidateDraft(fullName: "Tamsin Longtown")
        draft.town = String(repeating: "Long Town ", count: large / 10)
        let candidate = try store.addCandidate(to: RetentionFixture.open, draft, by: admin)
        try holdOpen(store)
        let out = sandbox.path("sar/candidate.json")
        let listing = sandbox.listing()
        let events = try sandbox.auditEventCount()

        let failed = try sandbox.runWithFileLimit(limit, failing: true, ["candidate", "export", candidate.reference.description, "--out", out, "--by", admin])

        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr == "error: \(out): could not be written (File too large); nothing was written. Check the folder's permissions and free space.\n")
        #expect(sandbox.listing().filter { !$0.hasPrefix("sar ") } == listing)
        #expect(try sandbox.auditEventCount() == events)
        withExtendedLifetime(store) {}
    }

    @Test("pack killed while writing leaves no pack folder and records nothing; failing, it removes what it wrote")
    func packKilled() throws {
        let sandbox = try Sandbox()
        let store = try sandbox.createRecruitment()
        try holdOpen(store)
        let out = sandbox.path("pack")
        let templates = try sandbox.largeTemplates()
        let listing = sandbox.listing()
        let events = try sandbox.auditEventCount()

        let killed = try sandbox.runWithFileLimit(limit, ["pack", "TA-2026-03", "--out", out, "--by", "Sam Searcher"] + templates)
        #expect(killed.signalled && killed.status == SIGXFSZ, "\(killed)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // At most a hidden, owner-only folder is left beside it.
        for extra in sandbox.listing().filter({ !listing.contains($0) }) {
            #expect(extra.hasPrefix(".pack.") && (extra.hasSuffix(".partial 700") || extra.hasSuffix(" 600")), "\(extra)")
        }
        #expect(try sandbox.auditEventCount() == events)
        try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path).filter { $0.hasPrefix(".pack.") }
            .forEach { try FileManager.default.removeItem(atPath: sandbox.path($0)) }

        let failed = try sandbox.runWithFileLimit(limit, failing: true, ["pack", "TA-2026-03", "--out", out, "--by", "Sam Searcher"] + templates)
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.hasPrefix("error: \(out)/"), "\(failed)")
        #expect(failed.stderr.hasSuffix(".md: could not be written (File too large); nothing was written. Check the folder's permissions and free space.\n"),
                "\(failed)")
        #expect(sandbox.listing() == listing)
        #expect(try sandbox.auditEventCount() == events)
        withExtendedLifetime(store) {}
    }

    @Test("check log --evidence killed while copying the evidence leaves no file in the evidence folder")
    func evidenceKilled() throws {
        let sandbox = try Sandbox()
        let store = try sandbox.createDatabase(candidates: ["Zoë Ødegaard"])
        try store.notifyCandidate(CandidateReference(vacancy: "TA-2026-03", number: 1), on: nil, via: .email, by: admin)
        try holdOpen(store)
        let shot = try sandbox.write("shot.png", Data(repeating: 0x89, count: large))
        let arguments = ["check", "log", "TA-2026-03/1", "web-name", "--outcome", "nothing-relevant", "--public-only", "--evidence", shot,
                         "--by", "Sam Searcher"]
        let events = try sandbox.auditEventCount()

        let killed = try sandbox.runWithFileLimit(limit, arguments)

        #expect(killed.signalled && killed.status == SIGXFSZ, "\(killed)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sandbox.path("shortlist-evidence"))) ?? []) == [])
        #expect(try sandbox.auditEventCount() == events)
        // Without the limit the same command succeeds and keeps the file.
        #expect(try sandbox.succeed(arguments).hasPrefix("Logged web-name.1 for TA-2026-03/1: nothing-relevant"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("shortlist-evidence"))
            == [Digest.sha256(Data(repeating: 0x89, count: large))])
        withExtendedLifetime(store) {}
    }

    @Test("backup killed while copying leaves nothing under the target name; failing, it leaves nothing at all")
    func backupKilled() throws {
        let sandbox = try Sandbox()
        let store = try RetentionFixture.build(at: sandbox.database)
        var draft = CandidateDraft(fullName: "Tamsin Longtown")
        draft.town = String(repeating: "Long Town ", count: large / 10)
        try store.addCandidate(to: RetentionFixture.open, draft, by: admin)
        try holdOpen(store)
        let copy = sandbox.path("backups/copy.sqlite")
        let listing = sandbox.listing()
        let evidence = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("shortlist-evidence")).sorted()

        let killed = try sandbox.runWithFileLimit(limit, ["backup", copy])
        #expect(killed.signalled && killed.status == SIGXFSZ, "\(killed)")
        #expect(!FileManager.default.fileExists(atPath: copy))
        for extra in sandbox.listing().filter({ !listing.contains($0) && $0.hasPrefix("backups/") }) {
            #expect(extra.hasPrefix("backups/.copy.sqlite.") && extra.hasSuffix(" 600"), "\(extra)")
        }
        try FileManager.default.removeItem(atPath: sandbox.path("backups"))

        let failed = try sandbox.runWithFileLimit(limit, failing: true, ["backup", copy])
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr == "error: \(copy): the backup could not be written (a write failed; the disk may be full); nothing was kept. "
            + "Check the free space of its folder.\n")
        #expect(sandbox.listing().filter { !$0.hasPrefix("backups") } == listing)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("backups")) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("shortlist-evidence")).sorted() == evidence)
        withExtendedLifetime(store) {}
    }
}
