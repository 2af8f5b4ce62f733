import Foundation
import Testing
@testable import ShortlistKit

extension Sandbox {
    /// Builds the shared recruitment fixture as this sandbox's database. Let the store go before
    /// running the binary: see `StoreLockTests`.
    @discardableResult
    func createRecruitment() throws -> Store { try RecruitmentFixture.build(at: database) }

    /// The number of audit events, read with the library.
    func auditEventCount() throws -> Int { try store().auditLog(AuditFilter()).count }

    /// Writes a template file (creating its folders) under `folder` in the sandbox; returns the folder's path.
    @discardableResult
    func writeTemplate(_ folder: String, _ relative: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path(folder + "/" + relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return path(folder)
    }
}

/// The permission bits of a file or folder.
private func modeBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// The hash of the audit event a panel document's footer cites.
private func citedHash(_ text: String) -> String {
    text.firstMatch(of: /audit event \d+ \(([0-9a-f]{64})\)/).map { String($0.1) } ?? "(none)"
}

@Suite("CLI: dossiers, packs and templates")
struct DocumentCLITests {
    @Test("dossier prints the same document as the golden files, and records who produced it")
    func dossierToStandardOutput() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let complete = try sandbox.succeed(["dossier", "TA-2026-03/1", "--by", "Sam Searcher"])
        try GoldenFile.expect(GoldenFile.normalised(complete, hashes: [citedHash(complete)]), matches: "dossier-complete.md")
        let draft = try sandbox.succeed(["dossier", "TA-2026-03/2"], environment: ["SHORTLIST_USER": "Sam Searcher"])
        try GoldenFile.expect(GoldenFile.normalised(draft, hashes: [citedHash(draft)]), matches: "dossier-draft.md")
        let events = try sandbox.store().auditLog(AuditFilter()).suffix(2).map { "\($0.event.action) \($0.event.entityRef) \($0.event.actor)" }
        #expect(events == ["document.dossier TA-2026-03/1 Sam Searcher", "document.dossier TA-2026-03/2 Sam Searcher"])
    }

    @Test("dossier --out writes the file 0600; an existing one is kept without --force, and nothing is recorded")
    func dossierToFile() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let out = sandbox.path("zoe.md")
        let written = try sandbox.run(["dossier", "TA-2026-03/1", "--out", out, "--by", "Sam Searcher"])
        #expect(written.status == 0, "\(written)")
        #expect(written.stdout == "")
        #expect(written.stderr == "Wrote \(out)\n")
        #expect(modeBits(out) == 0o600)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(utf8(text) == utf8(try sandbox.succeed(["dossier", "TA-2026-03/1", "--by", "Sam Searcher"])))

        try Data("the panel's notes".utf8).write(to: URL(fileURLWithPath: out))
        let before = try sandbox.auditEventCount()
        let refused = try sandbox.run(["dossier", "TA-2026-03/2", "--out", out, "--by", "Sam Searcher"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: \(out): already exists; nothing was written. Use --force to replace it.\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "the panel's notes")
        #expect(try sandbox.auditEventCount() == before)

        let forced = try sandbox.run(["dossier", "TA-2026-03/2", "--out", out, "--force", "--by", "Sam Searcher"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("# Dossier: Łukasz Nowak\n"))
        #expect(try sandbox.auditEventCount() == before + 1)
    }

    @Test("pack writes one dossier per candidate who has not withdrawn and an index, 0600, each production recorded with the actor")
    func pack() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let before = try sandbox.auditEventCount()
        let out = sandbox.path("pack")
        #expect(try sandbox.succeed(["pack", "TA-2026-03", "--out", out, "--by", "Priya Shah"])
            == "Wrote 4 files to \(out): index.md and 3 dossiers.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md", "index.md"])
        #expect(modeBits(out) == 0o700)
        for name in ["index.md", "TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md"] {
            #expect(modeBits(out + "/" + name) == 0o600, "\(name)")
        }
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        // Produced by Priya Shah: only the footer's "by" differs from the golden file, made by Sam Searcher.
        try GoldenFile.expect(GoldenFile.normalised(index, hashes: [citedHash(index)]).replacingOccurrences(of: "by Priya Shah from", with: "by Sam Searcher from"),
                              matches: "pack-index.md")
        let events = try sandbox.store().auditLog(AuditFilter()).dropFirst(before)
        #expect(events.map { "\($0.event.action) \($0.event.entityRef) \($0.event.actor)" } == [
            "document.dossier TA-2026-03/1 Priya Shah", "document.dossier TA-2026-03/2 Priya Shah", "document.dossier TA-2026-03/3 Priya Shah",
            "document.pack TA-2026-03 Priya Shah",
        ])
        #expect(events.allSatisfy { $0.event.osAccount == String(cString: getpwuid(geteuid())!.pointee.pw_name) })
    }

    @Test("pack will not write into a folder holding files without --force: nothing is written and nothing recorded")
    func packRefusesToOverwrite() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let out = sandbox.path("pack")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: out + "/TA-2026-03-2.md"))
        let before = try sandbox.auditEventCount()
        let refused = try sandbox.run(["pack", "TA-2026-03", "--out", out, "--by", "Sam Searcher"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: \(out): already holds files; nothing was written. Use --force to replace the pack there, or choose a new folder.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["TA-2026-03-2.md"])
        #expect(try String(contentsOfFile: out + "/TA-2026-03-2.md", encoding: .utf8) == "kept")
        #expect(try sandbox.auditEventCount() == before)

        #expect(try sandbox.succeed(["pack", "TA-2026-03", "--out", out, "--force", "--by", "Sam Searcher"])
            == "Wrote 4 files to \(out): index.md and 3 dossiers.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md", "index.md"])
        #expect(try String(contentsOfFile: out + "/TA-2026-03-2.md", encoding: .utf8).hasPrefix("**DRAFT"))
        #expect(try sandbox.auditEventCount() == before + 4)
    }

    @Test("templates export writes every built-in template, and refuses to overwrite without --force")
    func templatesExport() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.path("templates")
        let paths = TemplateSet.builtInNames.map { folder + "/" + $0 + ".mustache" }
        #expect(try sandbox.succeed(["templates", "export", folder]) == paths.map { $0 + "\n" }.joined())
        for (name, path) in zip(TemplateSet.builtInNames, paths) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(EmbeddedResources.templates[name]!.utf8), "\(name)")
        }
        try Data("ours".utf8).write(to: URL(fileURLWithPath: paths[0]))
        try FileManager.default.removeItem(atPath: paths[1])
        let refused = try sandbox.run(["templates", "export", folder])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: \(paths[0]): already exists; nothing was written. Use --force to replace the templates there.\n")
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == "ours")
        #expect(!FileManager.default.fileExists(atPath: paths[1]))

        #expect(try sandbox.succeed(["templates", "export", folder, "--force"]) == paths.map { $0 + "\n" }.joined())
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == Data(EmbeddedResources.templates[TemplateSet.builtInNames[0]]!.utf8))
    }

    @Test("a school's templates replace the built-in ones file by file: --templates DIR, else the templates_dir setting")
    func overrides() throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let exported = sandbox.path("exported")
        try sandbox.succeed(["templates", "export", exported])
        let dossier = exported + "/dossier.mustache"
        let edited = try String(contentsOfFile: dossier, encoding: .utf8).replacingOccurrences(of: "# Dossier: ", with: "# Riverside dossier: ")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: dossier))

        let footerOnly = try sandbox.writeTemplate("footer-only", "partials/footer.mustache",
                                                   "\(TemplateSet.pragma)\n{{#footer}}\nRiverside Primary School: produced by {{generated_by}}.\n{{/footer}}\n")
        try sandbox.store().setSetting("templates_dir", to: footerOnly, by: admin)

        let builtIn = try renderedWithBuiltIns(sandbox)
        let withSetting = try sandbox.succeed(["dossier", "TA-2026-03/1", "--by", "Sam Searcher"])
        // The school's footer (which has no rule) in place of the built-in one; the rest as built in.
        let body = try #require(builtIn.components(separatedBy: "\n---\nGenerated ").first)
        #expect(utf8(withSetting) == utf8(body + "\nRiverside Primary School: produced by Sam Searcher.\n"))

        let withFlag = try sandbox.succeed(["dossier", "TA-2026-03/1", "--templates", exported, "--by", "Sam Searcher"])
        #expect(withFlag.contains("# Riverside dossier: Zoë Ødegaard\n"))
        #expect(withFlag.contains("Confidential: personal data for the interview panel only."))
        #expect(!withFlag.contains("Riverside Primary School: produced by"))
        // The pack index was not edited: it stays as built in.
        let pack = sandbox.path("pack")
        try sandbox.succeed(["pack", "TA-2026-03", "--out", pack, "--templates", exported, "--by", "Sam Searcher"])
        #expect(try String(contentsOfFile: pack + "/index.md", encoding: .utf8).hasPrefix("# Interview pack: TA-2026-03"))
        #expect(try String(contentsOfFile: pack + "/TA-2026-03-1.md", encoding: .utf8).contains("# Riverside dossier: Zoë Ødegaard\n"))
    }

    /// The dossier of TA-2026-03/1 from the built-in templates, rendered with the library.
    private func renderedWithBuiltIns(_ sandbox: Sandbox) throws -> String {
        var text = ""
        try sandbox.store().dossier(CandidateReference(vacancy: "TA-2026-03", number: 1), templates: TemplateSet.load(), by: "Sam Searcher") {
            text = $0.text
        }
        return text
    }

    @Test("a broken template fails with its file and line, exit 1, and nothing written or recorded", arguments: [
        ("dossier.mustache", "\(TemplateSet.pragma)\n# {{full_name}}\n{{#findings}}\n- {{summary}}\n", 5, "a section opened with {{#…}} or {{^…}} is never closed with {{/…}} (column 1)"),
        ("partials/footer.mustache", "{{#footer}}\n{{generated_by}}\n{{/footer}}\n", 1,
         "the first line must be {{%CONTENT_TYPE: MARKDOWN}}, so that every value is escaped for Markdown"),
        ("dossier.mustache", "\(TemplateSet.pragma)\n# Dossier\n\nName: {{{full_name}}}\n", 4, "{{{…}}} and {{&…}} write a value unescaped; use {{…}}"),
    ])
    func brokenTemplate(file: String, text: String, line: Int, reason: String) throws {
        let sandbox = try Sandbox()
        try sandbox.createRecruitment()
        let folder = try sandbox.writeTemplate("broken", file, text)
        let message = "error: \(folder)/\(file):\(line): \(reason). Nothing was written; fix the template, or remove it to use the built-in one.\n"
        let before = try sandbox.auditEventCount()
        let out = sandbox.path("zoe.md"), pack = sandbox.path("pack")
        for arguments in [["dossier", "TA-2026-03/1", "--out", out, "--templates", folder], ["dossier", "TA-2026-03/1", "--templates", folder],
                          ["pack", "TA-2026-03", "--out", pack, "--templates", folder]] {
            let result = try sandbox.run(arguments + ["--by", "Sam Searcher"])
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stdout == "", "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        // The same through the setting.
        try sandbox.store().setSetting("templates_dir", to: folder, by: admin)
        let viaSetting = try sandbox.run(["dossier", "TA-2026-03/1", "--out", out, "--by", "Sam Searcher"])
        #expect(viaSetting.status == 1)
        #expect(viaSetting.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: pack))
        #expect(try sandbox.auditEventCount() == before + 1)  // the setting itself
    }
}
