import Foundation
import Mustache

/// Escapes every value for Markdown (see `Markdown.escape`), selected in a template by
/// `{{%CONTENT_TYPE: MARKDOWN}}`.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Markdown.escape(text) }
}

/// Leaves every value as it is, selected by `{{%CONTENT_TYPE: TEXT}}`: for plain-text letters and email
/// bodies, where nothing is markup and every character is shown as written.
struct PlainTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}

/// The Mustache templates panel documents are rendered from: the built-in ones, each replaced
/// by a school's own file of the same name when one is given.
public struct TemplateSet: Sendable {
    /// The first line every template and partial must start with, so that values are escaped
    /// for Markdown (a partial without it would fall back to HTML escaping).
    public static let pragma = "{{%CONTENT_TYPE: MARKDOWN}}"
    /// The first line of every HTML template and partial (those under `html/`): every value is escaped for
    /// HTML (`<`, `>`, `&`, `"` and `'`), and `HTMLTemplateCheck` refuses the places where that is not enough.
    public static let htmlPragma = "{{%CONTENT_TYPE: HTML}}"
    /// The first line of every plain-text template (a name ending `.text`, such as `letters/notice.text`).
    public static let textPragma = "{{%CONTENT_TYPE: TEXT}}"
    /// The folder of the HTML templates, printable documents made from the same models as the Markdown ones.
    public static let htmlFolder = "html/"

    private let library: MustacheLibrary
    /// Where each template came from: `built-in` or a file path.
    public let sources: [String: String]
    /// The SHA-256 of each template's text, naming the version a letter was made from.
    public let fingerprints: [String: String]

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(PlainTextContentType(), named: "TEXT")
    }()

    /// The built-in templates' names, such as `dossier` and `partials/footer`.
    public static var builtInNames: [String] { EmbeddedResources.templates.keys.filter { !WebTemplates.isWeb($0) }.sorted() }

    /// Loads the built-in templates, replacing each with `folder`'s file of the same name
    /// (`NAME.mustache`, in subfolders for partials) where there is one. A template that does not
    /// parse, lacks its pragma (Markdown, or HTML under `html/`) or could write a value unescaped is refused,
    /// naming its file and line.
    public static func load(overrides folder: String? = nil) throws(ShortlistError) -> TemplateSet {
        _ = registration
        var texts = EmbeddedResources.templates.filter { !WebTemplates.isWeb($0.key) }
        var sources = texts.mapValues { _ in "built-in" }
        if let folder {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw .file(path: folder, reason: "is not a folder of templates; export the built-in ones with `shortlist templates export DIR`")
            }
            for relative in (FileManager.default.subpaths(atPath: folder) ?? []).sorted() where relative.hasSuffix(".mustache") {
                let path = folder + "/" + relative
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw .file(path: path, reason: "cannot be read as UTF-8 text")
                }
                let name = String(relative.dropLast(".mustache".count))
                texts[name] = text
                sources[name] = path
            }
        }
        var library = MustacheLibrary()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = sources[name] == "built-in" ? "Templates/\(name).mustache (built in)" : sources[name]!
            try check(text, name: name, file: file, known: Set(texts.keys))
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw .template(file: file, line: error.context.lineNumber,
                                reason: TemplateSet.explain(error.error) + " (column \(error.context.columnNumber))")
            } catch {
                throw .template(file: file, line: 1, reason: "the template could not be read")
            }
        }
        return TemplateSet(library: library, sources: sources, fingerprints: texts.mapValues { Digest.sha256($0) })
    }

    /// Whether a template is an HTML one (under `html/`, or a letter ending `.html`), escaped for HTML.
    static func isHTML(_ name: String) -> Bool { name.hasPrefix(htmlFolder) || name.hasSuffix(".html") }

    /// Whether a template is a plain-text one (a letter ending `.text`), whose values are written as they are.
    static func isText(_ name: String) -> Bool { name.hasSuffix(".text") }

    /// Refuses a template that lacks its pragma, could write a value unescaped, includes a partial that does
    /// not exist or is of the other kind, or (HTML) writes a value where escaping cannot make it safe.
    private static func check(_ text: String, name: String, file: String, known: Set<String>) throws(ShortlistError) {
        let html = isHTML(name), plain = isText(name)
        let first = html ? htmlPragma : plain ? textPragma : pragma
        guard text.hasPrefix(first) else {
            throw .template(file: file, line: 1, reason: "the first line must be \(first), so that every value is "
                + (plain ? "written as plain text" : "escaped for \(html ? "HTML" : "Markdown")"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Anything that could write a value unescaped is refused: triple or ampersand tags, a
        // change of delimiters (which could spell them another way), a second content type.
        var unsafe: [(test: (Substring) -> Bool, reason: String)] = [
            ({ $0.contains("{{{") || $0.contains("{{&") }, "{{{…}}} and {{&…}} write a value unescaped; use {{…}}"),
            ({ $0.contains("{{=") }, "changing the delimiters ({{=…=}}) is not allowed"),
            ({ $0.contains("CONTENT_TYPE") }, "the content type may be set only on the first line"),
        ]
        if !html && !plain {
            // Markdown lets raw HTML through, and a value inside a tag's attribute would be escaped
            // for Markdown, not for HTML: so a Markdown template holds no HTML at all.
            unsafe.append(({ $0.contains(/<[A-Za-z!\/?]/) }, "raw HTML (<…>) is not allowed in a Markdown template, because a value inside it "
                + "would not be escaped for HTML; write Markdown instead"))
        }
        for (index, line) in lines.enumerated() {
            if let rule = unsafe.first(where: { $0.test(index == 0 ? line.dropFirst(first.count) : line) }) {
                throw .template(file: file, line: index + 1, reason: rule.reason)
            }
            // A misspelt partial would silently render as nothing: every one must exist, and be of the same kind
            // (a partial is escaped by its own pragma).
            let partials = known.filter { $0.contains("partials/") && isHTML($0) == html }
            for partial in TemplateSet.partials(in: line) where !partials.contains(partial) {
                throw .template(file: file, line: index + 1, reason: "there is no \(html ? "HTML" : "Markdown") partial '\(partial)' (known: "
                    + partials.sorted().joined(separator: ", ") + ")")
            }
        }
        if html, let problem = HTMLTemplateCheck.problem(in: String(text.dropFirst(first.count))) {
            throw .template(file: file, line: problem.line, reason: problem.reason)
        }
    }

    /// The model as nested dictionaries and arrays, made with one reflection per value: the
    /// renderer then looks names up directly rather than reflecting on every lookup (a report of
    /// a thousand vacancies renders several times faster). A nil value is left out, which the
    /// renderer treats exactly as it treats a nil property: it looks further up the context.
    static func values(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { values($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = values(child.value) { fields[label] = converted }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { values($0.value) }
        default:
            return value
        }
    }

    /// The partials a line includes: `{{> name}}`.
    static func partials(in line: Substring) -> [String] {
        var names: [String] = []
        var rest = line[...]
        while let open = rest.range(of: "{{>") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            names.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// A parser error in words.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "the template could not be read" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: "changing the delimiters is not allowed"
        case .unrecognisedConfigVariable, .invalidConfigVariableSyntax: "a {{%…}} pragma is not recognised"
        default: "the template's structure is not valid Mustache"
        }
    }

    /// Renders a model with the named template.
    func render(_ model: Any, template name: String) throws(ShortlistError) -> String {
        guard let text = library.render(TemplateSet.values(model) ?? model, withTemplate: name) else {
            throw .template(file: "\(name).mustache", line: 1, reason: "there is no such template")
        }
        return text
    }

    /// Writes the built-in templates into `folder` for a school to edit; an existing file is
    /// not overwritten unless `force`. Returns the paths written.
    public static func export(to folder: String, force: Bool) throws(ShortlistError) -> [String] {
        let targets = builtInNames.map { (folder + "/" + $0 + ".mustache", EmbeddedResources.templates[$0]!) }
        if !force {
            for (path, _) in targets { try AtomicFile.refuseExisting(path, remedy: "Use --force to replace the templates there") }
        }
        for (path, text) in targets {
            try AtomicFile.write(Data(text.utf8), to: path, mode: 0o644)
        }
        return targets.map(\.0)
    }
}
