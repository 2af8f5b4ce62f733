import Foundation
import Testing
@testable import ShortlistKit

/// A school's template folder with the given files (relative path to text).
private func templateFolder(_ folder: TemporaryFolder, _ files: [String: String], name: String = "templates") throws -> String {
    let root = folder.path(name)
    for (relative, text) in files {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}

/// The error a template folder is refused with.
private func refusal(_ folder: String) -> ShortlistError? {
    do {
        _ = try TemplateSet.load(overrides: folder)
        return nil
    } catch {
        return error
    }
}

@Suite("Templates: built in, school overrides, export")
struct TemplateSetTests {
    @Test("the built-in templates are the dossier, the pack index, the report and their partials, in Markdown and in HTML")
    func builtIn() throws {
        #expect(TemplateSet.builtInNames == [
            "dossier", "html/dossier", "html/pack", "html/partials/dossier", "html/partials/footer", "html/partials/head",
            "html/partials/question", "html/partials/style", "html/report", "letters/notice.html", "letters/notice.text",
            "letters/subject-access.html", "letters/subject-access.text", "pack-index", "partials/draft-notice", "partials/finding",
            "partials/footer", "report",
        ])
        let set = try TemplateSet.load()
        #expect(Set(set.sources.values) == ["built-in"])
        for name in TemplateSet.builtInNames {
            let pragma = TemplateSet.isHTML(name) ? TemplateSet.htmlPragma : TemplateSet.isText(name) ? TemplateSet.textPragma : TemplateSet.pragma
            #expect(EmbeddedResources.templates[name]!.hasPrefix(pragma + "\n"), "\(name)")
        }
    }

    @Test("a school's template replaces the built-in one of the same name; the others stay built in")
    func override() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let root = try templateFolder(folder, [
            "dossier.mustache": "\(TemplateSet.pragma)\n# Riverside dossier: {{full_name}}\n{{#findings}}\n- {{reference}}: {{summary}}\n{{/findings}}\n{{> partials/footer}}\n",
            "notes.txt": "not a template",
        ])
        let set = try TemplateSet.load(overrides: root)
        #expect(set.sources["dossier"] == root + "/dossier.mustache")
        #expect(set.sources["partials/footer"] == "built-in")
        #expect(set.sources["notes"] == nil)
        let text = try renderDossier(store, 1, templates: set)
        #expect(text.hasPrefix("""
            # Riverside dossier: Zoë Ødegaard
            - TA-2026-03/1/F1: A public post from March 2024 calls a previous employer's pupils "feral".
            - TA-2026-03/1/F5: An account with the same name shares videos of fights.
            ---
            Generated 20 November 2026 10:00 by Sam Searcher from shortlist.sqlite
            """))
        // The pack index is still the built-in one.
        #expect(try renderPack(store, templates: set)["index.md"]!.hasPrefix("# Interview pack: TA-2026-03"))
    }

    @Test("a school's partial alone replaces the built-in partial inside the built-in dossier")
    func partialOverride() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let root = try templateFolder(folder, [
            "partials/footer.mustache": "\(TemplateSet.pragma)\n{{#footer}}\nProduced by {{generated_by}} for Riverside Primary School.\n{{/footer}}\n",
        ])
        let set = try TemplateSet.load(overrides: root)
        #expect(set.sources["dossier"] == "built-in")
        let builtIn = try renderDossier(store, 1)
        let text = try renderDossier(store, 1, templates: set)
        #expect(text.hasSuffix("\nProduced by Sam Searcher for Riverside Primary School.\n"))
        #expect(!text.contains("Confidential"))
        #expect(text.components(separatedBy: "\n## For the panel")[0] == builtIn.components(separatedBy: "\n## For the panel")[0])
    }

    @Test("exported templates are the built-in ones: rendering with them gives the same documents")
    func exportRoundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let root = folder.path("exported")
        let written = try TemplateSet.export(to: root, force: false)
        #expect(written == TemplateSet.builtInNames.map { root + "/" + $0 + ".mustache" })
        for (name, path) in zip(TemplateSet.builtInNames, written) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(EmbeddedResources.templates[name]!.utf8), "\(name)")
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o644, "\(name)")
        }
        let exported = try TemplateSet.load(overrides: root)
        #expect(Set(exported.sources.values) == Set(written))
        #expect(try renderPack(store, templates: exported) == renderPack(store))
    }

    @Test("export refuses to overwrite without force, and then writes nothing at all")
    func exportRefuses() throws {
        let folder = try TemporaryFolder()
        let root = try templateFolder(folder, ["report.mustache": "ours"])
        #expect(throws: ShortlistError.file(path: root + "/report.mustache",
                                            reason: "already exists; nothing was written. Use --force to replace the templates there")) {
            _ = try TemplateSet.export(to: root, force: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["report.mustache"])
        #expect(try String(contentsOfFile: root + "/report.mustache", encoding: .utf8) == "ours")
        _ = try TemplateSet.export(to: root, force: true)
        #expect(try String(contentsOfFile: root + "/report.mustache", encoding: .utf8) == EmbeddedResources.templates["report"]!)
    }

    @Test("a broken template is refused with its file and line", arguments: [
        // (file, text, line, reason)
        // The parser reports an unclosed section where the file ends.
        ("dossier.mustache", "\(TemplateSet.pragma)\n# {{full_name}}\n{{#findings}}\n- {{summary}}\n", 5, "a section opened with {{#…}} or {{^…}} is never closed with {{/…}} (column 1)"),
        ("dossier.mustache", "# {{full_name}}\n", 1,
         "the first line must be {{%CONTENT_TYPE: MARKDOWN}}, so that every value is escaped for Markdown"),
        ("dossier.mustache", "\n\(TemplateSet.pragma)\n# {{full_name}}\n", 1,
         "the first line must be {{%CONTENT_TYPE: MARKDOWN}}, so that every value is escaped for Markdown"),
        ("partials/finding.mustache", "### {{reference}}\n", 1,
         "the first line must be {{%CONTENT_TYPE: MARKDOWN}}, so that every value is escaped for Markdown"),
        ("dossier.mustache", "\(TemplateSet.pragma)\n# Dossier\n\nName: {{{full_name}}}\n", 4, "{{{…}}} and {{&…}} write a value unescaped; use {{…}}"),
        ("report.mustache", "\(TemplateSet.pragma)\n# {{& title}}\n", 2, "{{{…}}} and {{&…}} write a value unescaped; use {{…}}"),
        ("pack-index.mustache", "\(TemplateSet.pragma)\n{{#candidates}}\n- {{full_name}}\n{{/vacancies}}\n", 4, "a section is closed with a different name than it was opened with (column 4)"),
    ] as [(String, String, Int, String)])
    func broken(file: String, text: String, line: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let root = try templateFolder(folder, [file: text])
        let error = try #require(refusal(root))
        guard case let .template(path, errorLine, errorReason) = error else {
            Issue.record("refused with \(error)")
            return
        }
        #expect(path == root + "/" + file)
        #expect(errorLine == line)
        #expect(errorReason == reason)
        #expect(error.message.hasPrefix("\(root)/\(file):\(errorLine): "))
        #expect(error.message.hasSuffix("Nothing was written; fix the template, or remove it to use the built-in one."))
        #expect(error.exitCode == 1)
    }

    @Test("a section left open is reported in words, at the line that opens it")
    func unclosedSectionWording() throws {
        let folder = try TemporaryFolder()
        let root = try templateFolder(folder, ["dossier.mustache": "\(TemplateSet.pragma)\n# {{full_name}}\n{{#findings}}\n- {{summary}}\n\nEnd.\n"])
        let error = try #require(refusal(root))
        // The parser reports where it stopped (the end of the file), so the message says what is wrong in words.
        #expect(error.message.hasPrefix("\(root)/dossier.mustache:"), "\(error.message)")
        #expect(error.message.contains("a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"), "\(error.message)")
        #expect(!error.message.contains("expectedSectionEnd"), "\(error.message)")
    }

    @Test("a folder that is not there, or a template that is not UTF-8, is refused by name")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        #expect(refusal(folder.path("missing")) == .file(
            path: folder.path("missing"), reason: "is not a folder of templates; export the built-in ones with `shortlist templates export DIR`"))
        let root = try templateFolder(folder, ["report.mustache": EmbeddedResources.templates["report"]!])
        try Data([0x7B, 0x7B, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: root + "/dossier.mustache"))
        #expect(refusal(root) == .file(path: root + "/dossier.mustache", reason: "cannot be read as UTF-8 text"))
    }

    @Test("no template can write a value unescaped by another route", arguments: [
        ("set delimiters", "\(TemplateSet.pragma)\n{{=<% %>=}}\n# <%&full_name%>\n"),
        ("another content type", "\(TemplateSet.pragma)\n{{%CONTENT_TYPE: TEXT}}\n# {{full_name}}\n"),
    ])
    func otherRoutes(route: String, text: String) throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(in: folder)
        try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
        try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant"), by: admin)
        try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë [x](http://evil.example) <b>"), by: admin)
        let root = try templateFolder(folder, ["dossier.mustache": text])
        // Either the template is refused, or the value comes out escaped.
        guard let set = try? TemplateSet.load(overrides: root) else { return }
        let rendered = try renderDossier(store, 1, by: admin, templates: set)
        #expect(MarkdownSyntax.unescaped("[", in: rendered) == 0, "\(rendered)")
        #expect(MarkdownSyntax.unescaped("<", in: rendered) == 0, "\(rendered)")
    }

    @Test("a template naming a partial that does not exist is refused, not rendered without it")
    func missingPartial() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let root = try templateFolder(folder, [
            "dossier.mustache": "\(TemplateSet.pragma)\n# {{full_name}}\n{{#findings}}\n{{> partials/findings}}\n{{/findings}}\n{{> partials/footer}}\n",
        ])
        let refused = refusal(root)
        let rendered = try? renderDossier(store, 1, templates: TemplateSet.load(overrides: root))
        #expect(refused != nil || rendered?.contains("TA-2026-03/1/F1") == true, "\(rendered ?? "")")
    }

    @Test("an HTML template that could write a value where escaping is not enough, or load or run anything, is refused", arguments: [
        // (file, text after the HTML pragma, line, reason)
        ("html/dossier.mustache", "\n<p>{{full_name}}</p>\n", 0, ""),
        ("html/dossier.mustache", "\n<p class=\"name {{candidate_reference}}\" title='{{full_name}}'>{{full_name}}</p>\n", 0, ""),
        ("html/dossier.mustache", "\n<a href=\"{{full_name}}\">x</a>\n", 2, "a value may not be written in the attribute href"),
        ("html/dossier.mustache", "\n<a href=\"#{{full_name}}\">x</a>\n", 2, "a value may not be written in the attribute href"),
        ("html/dossier.mustache", "\n<a href=\"https://example.org\">x</a>\n", 2, "a link may point only to a place in the document"),
        ("html/dossier.mustache", "\n<p style=\"color: {{town}}\">x</p>\n", 2, "a value may not be written in the attribute style"),
        ("html/dossier.mustache", "\n<p data-x={{town}}>x</p>\n", 2, "a value in an attribute must be in quotes"),
        ("html/dossier.mustache", "\n<p {{town}}>x</p>\n", 2, "a value may not be written inside a tag"),
        ("html/dossier.mustache", "\n<style>\np::after { content: \"{{full_name}}\" }\n</style>\n", 3, "a value may not be written inside <style>"),
        ("html/dossier.mustache", "\n<style>body { background: url(https://example.org/x.png) }</style>\n", 2, "styles may not load anything"),
        ("html/dossier.mustache", "\n<p>x</p>\n<script>alert(1)</script>\n", 3, "<script> is not allowed"),
        ("html/dossier.mustache", "\n<SCRIPT src=\"x.js\"></SCRIPT>\n", 2, "<script> is not allowed"),
        ("html/dossier.mustache", "\n<img src=\"logo.png\">\n", 2, "<img> is not allowed"),
        ("html/dossier.mustache", "\n<p onclick=\"go()\">x</p>\n", 2, "the event attribute onclick is not allowed"),
        ("html/dossier.mustache", "\n<p>{{{full_name}}}</p>\n", 2, "{{{…}}} and {{&…}} write a value unescaped"),
        ("html/dossier.mustache", "\n<p>{{& full_name}}</p>\n", 2, "{{{…}}} and {{&…}} write a value unescaped"),
        ("html/dossier.mustache", "\n{{=<% %>=}}\n", 2, "changing the delimiters"),
        ("html/dossier.mustache", "\n{{%CONTENT_TYPE: TEXT}}\n", 2, "the content type may be set only on the first line"),
        ("html/dossier.mustache", "\n<div {{> html/partials/footer}}>\n", 2, "a partial may be included only between elements"),
        ("html/dossier.mustache", "\n{{> partials/footer}}\n", 2, "there is no HTML partial 'partials/footer'"),
        ("html/dossier.mustache", "\n<p title=\"{{full_name}}\n", 3, "the file ends inside a tag"),
        ("dossier.mustache", "\n{{> html/partials/footer}}\n", 2, "there is no Markdown partial 'html/partials/footer'"),
    ] as [(String, String, Int, String)])
    func htmlChecks(file: String, text: String, line: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let pragma = file.hasPrefix("html/") ? TemplateSet.htmlPragma : TemplateSet.pragma
        let root = try templateFolder(folder, [file: pragma + text])
        guard line > 0 else {
            // Allowed: the value comes out escaped for HTML, quotes too.
            let store = try makeStore(in: folder)
            try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
            try store.addVacancy(VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant"), by: admin)
            try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: "Zoë \"<b>\" 'x' & y"), by: admin)
            let document = try store.document(.dossier(CandidateReference(vacancy: "TA-2026-03", number: 1)), format: .html,
                                              templates: TemplateSet.load(overrides: root), by: admin)
            let html = String(decoding: document.data, as: UTF8.self)
            #expect(html.contains(">Zoë &quot;&lt;b&gt;&quot; &#39;x&#39; &amp; y</p>"), "\(html)")
            #expect(!html.contains("<b>"))
            return
        }
        let error = try #require(refusal(root), "\(file) was not refused")
        guard case let .template(path, errorLine, errorReason) = error else {
            Issue.record("refused with \(error)")
            return
        }
        #expect(path == root + "/" + file)
        #expect(errorLine == line, "\(errorReason)")
        #expect(errorReason.hasPrefix(reason), "\(errorReason)")
    }

    @Test("a school's HTML partial replaces the built-in one in the HTML dossier, and export writes the HTML templates too")
    func htmlOverride() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let root = try templateFolder(folder, [
            "html/partials/footer.mustache": "\(TemplateSet.htmlPragma)\n{{#footer}}\n<p class=\"footer\">Riverside Primary School, by {{generated_by}}</p>\n{{/footer}}\n",
        ])
        let set = try TemplateSet.load(overrides: root)
        #expect(set.sources["html/partials/footer"] == root + "/html/partials/footer.mustache")
        let document = try store.document(.dossier(CandidateReference(vacancy: "TA-2026-03", number: 1)), format: .html, templates: set, by: admin)
        let html = String(decoding: document.data, as: UTF8.self)
        #expect(html.contains("<p class=\"footer\">Riverside Primary School, by Ann Admin</p>"))
        #expect(!html.contains("reflecting the record up to audit event"))
        let exported = try TemplateSet.export(to: folder.path("exported"), force: false)
        #expect(exported.contains(folder.path("exported") + "/html/partials/dossier.mustache"))
        #expect(try String(contentsOfFile: folder.path("exported") + "/html/report.mustache", encoding: .utf8) == EmbeddedResources.templates["html/report"]!)
    }
}
