// EmbedResources <schema-dir> <templates-dir> <output.swift>
//
// Writes a Swift file declaring `enum EmbeddedResources` with
//   - `schema`:    every `<schema-dir>/*.sql`, sorted by file name, as (name, sql);
//   - `templates`: every `<templates-dir>/**/*.mustache`, keyed by its path relative
//                  to <templates-dir> without the extension (e.g. "partials/finding").
// A missing folder yields an empty collection. Hidden files and folders are ignored.
// Output is deterministic and the file is only rewritten when its content changes,
// so an unchanged output does not trigger a recompile of the target.

import Foundation

struct EmbedError: Error, CustomStringConvertible {
    let description: String
}

let fileManager = FileManager.default

func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return fileManager.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
}

/// Paths relative to `directory` of the non-hidden regular files with `fileExtension`,
/// sorted. Searches subfolders only if `recursive`.
func files(in directory: String, withExtension fileExtension: String, recursive: Bool) throws -> [String] {
    guard isDirectory(directory) else { return [] }
    let candidates = recursive
        ? try fileManager.subpathsOfDirectory(atPath: directory)
        : try fileManager.contentsOfDirectory(atPath: directory)
    return candidates
        .filter { relative in
            let components = relative.split(separator: "/")
            guard !components.contains(where: { $0.hasPrefix(".") }),
                  (relative as NSString).pathExtension == fileExtension
            else { return false }
            var isDir: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(relative)
            return fileManager.fileExists(atPath: full, isDirectory: &isDir) && !isDir.boolValue
        }
        .sorted()
}

/// Reads a file as UTF-8, byte for byte (no BOM stripping, no newline conversion).
func readUTF8(_ path: String) throws -> String {
    guard let data = fileManager.contents(atPath: path) else {
        throw EmbedError(description: "cannot read \(path)")
    }
    let text = String(decoding: data, as: UTF8.self)
    guard text.utf8.elementsEqual(data) else {
        throw EmbedError(description: "\(path) is not valid UTF-8")
    }
    return text
}

/// A Swift expression that evaluates to exactly `text`.
///
/// Normally a multi-line raw string whose `#` delimiter is one longer than the
/// longest run of `#` in the text, so neither `"""#…` nor `\#…` inside the text
/// can end the literal or start an interpolation/escape. Text containing characters
/// a multi-line literal would not preserve verbatim (carriage returns, which are
/// normalized to "\n", and other control characters) falls back to an escaped
/// single-line literal.
func swiftLiteral(_ text: String) -> String {
    let needsEscaping = text.unicodeScalars.contains { scalar in
        scalar != "\n" && scalar != "\t"
            && (scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}")
    }
    guard !needsEscaping else { return escapedLiteral(text) }

    var longestRun = 0
    var run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    // The newline before the closing delimiter is not part of a multi-line literal,
    // and the closing delimiter is at column 0 so no indentation is stripped.
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

func escapedLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F
            || scalar.properties.generalCategory == .control
            || scalar == "\u{2028}" || scalar == "\u{2029}":
            result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

func generate(schemaDirectory: String, templatesDirectory: String) throws -> String {
    var schemaEntries: [String] = []
    for name in try files(in: schemaDirectory, withExtension: "sql", recursive: false) {
        let sql = try readUTF8((schemaDirectory as NSString).appendingPathComponent(name))
        schemaEntries.append("(name: \(escapedLiteral(name)), sql: \(swiftLiteral(sql)))")
    }
    var templateEntries: [String] = []
    for relative in try files(in: templatesDirectory, withExtension: "mustache", recursive: true) {
        let key = (relative as NSString).deletingPathExtension
        let body = try readUTF8((templatesDirectory as NSString).appendingPathComponent(relative))
        templateEntries.append("\(escapedLiteral(key)): \(swiftLiteral(body))")
    }

    /// An array or dictionary literal with one element per line.
    func collection(_ elements: [String], empty: String) -> String {
        elements.isEmpty ? empty : "[\n" + elements.map { "        \($0),\n" }.joined() + "    ]"
    }

    return """
        // Generated by the EmbedResourcesPlugin build-tool plugin from Schema/ and Templates/.
        // Do not edit.

        /// Resources compiled into the binary (no resource bundle needed at run time).
        enum EmbeddedResources {
            /// `Schema/*.sql`, sorted by file name (e.g. "001_init.sql").
            static let schema: [(name: String, sql: String)] = \(collection(schemaEntries, empty: "[]"))

            /// `Templates/**/*.mustache`, keyed by path relative to Templates/ without
            /// the extension (e.g. "dossier", "partials/finding").
            static let templates: [String: String] = \(collection(templateEntries, empty: "[:]"))
        }

        """
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedResources <schema-dir> <templates-dir> <output.swift>\n".utf8))
    exit(2)
}

do {
    let source = try generate(schemaDirectory: arguments[1], templatesDirectory: arguments[2])
    let outputURL = URL(fileURLWithPath: arguments[3])
    let newData = Data(source.utf8)
    if fileManager.contents(atPath: outputURL.path) != newData {
        try fileManager.createDirectory(at: outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try newData.write(to: outputURL, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("EmbedResources: error: \(error)\n".utf8))
    exit(1)
}
