import Foundation
import Testing

/// Keeps the layers of the sources as the README's map draws them: only `Store/` touches SQLite, no
/// folder leans on one above it, no two files lean on each other in a loop, and no function runs long.
@Suite("Architecture: the folders are layers")
struct ArchitectureTests {
    /// What each folder of ShortlistKit may use, besides itself (the README's Development map).
    static let allowed: [String: Set<String>] = [
        "Support": [],
        "Domain": ["Support"],
        "Files": ["Support", "Domain"],
        "Import": ["Support", "Domain"],
        "Audit": ["Support", "Domain", "Files"],
        "Store": ["Support", "Domain", "Files", "Import", "Audit"],
        "Output": ["Support", "Domain", "Files", "Audit"],
        "Documents": ["Support", "Domain", "Files", "Audit", "Store", "Output"],
        "Workflows": ["Support", "Domain", "Files", "Import", "Audit", "Store", "Output", "Documents"],
    ]

    /// GRDB's types that only the store may name.
    static let storeOnlyNames: Set<String> = ["GRDB", "GRDBSQLite", "Database", "DatabaseQueue", "DatabasePool", "DatabaseError",
                                              "Row", "Statement", "DatabaseMigrator", "Configuration"]

    @Test("only Store/ imports GRDB, names its types, writes SQL or calls sqlite3_; the executables never do")
    func onlyTheStoreTouchesSQLite() throws {
        var offenders: [String] = []
        for source in try SourceFile.all() where source.folder != "Store" || source.module != "ShortlistKit" {
            let code = source.code
            let names = source.usedNames.intersection(ArchitectureTests.storeOnlyNames)
            // The benchmark hands SQL text to the sqlite3 shell, to time it beside shortlist; it links no SQLite of its own.
            let writesSQL = source.module != "shortlist-bench" && (code.contains("sql:") || code.contains(" db in"))
            if code.contains("import GRDB") || code.contains("GRDB.") || code.contains("sqlite3_") || writesSQL || !names.isEmpty {
                offenders.append("\(source.module)/\(source.path) \(names.sorted())")
            }
        }
        #expect(offenders == [])
        // Nothing in the store re-exports GRDB to the layers above.
        #expect(try SourceFile.all().filter { $0.code.contains("@_exported") }.map(\.path) == [])
        // The check sees the store itself, so it cannot pass by reading nothing.
        #expect(try SourceFile.all().contains { $0.folder == "Store" && $0.text.contains("import GRDB") })
    }

    @Test("every file of ShortlistKit is in one of the mapped folders")
    func everyFileIsInAMappedFolder() throws {
        let kit = try SourceFile.all().filter { $0.module == "ShortlistKit" }
        #expect(kit.count > 30)
        #expect(kit.filter { ArchitectureTests.allowed[$0.folder] == nil }.map(\.path) == [])
    }

    @Test("no folder uses a type declared in a folder it may not use")
    func foldersAreLayers() throws {
        let graph = try TypeGraph(SourceFile.all().filter { $0.module == "ShortlistKit" })
        var violations: [String] = []
        for (file, uses) in graph.edges {
            for (used, type) in uses where used.folder != file.folder && !(ArchitectureTests.allowed[file.folder] ?? []).contains(used.folder) {
                violations.append("\(file.path) uses \(type) from \(used.path)")
            }
        }
        #expect(violations.sorted() == [])
        // The graph is real: the store uses the domain's types.
        #expect(graph.edges.contains { $0.key.folder == "Store" && $0.value.contains { $0.file.folder == "Domain" } })
    }

    @Test("no two files use each other's types in a loop")
    func noFileCycles() throws {
        for module in ["ShortlistKit", "shortlist", "shortlist-bench"] {
            let graph = try TypeGraph(SourceFile.all().filter { $0.module == module })
            #expect(graph.cycles().map { $0.map(\.path).sorted() } == [], "in \(module)")
        }
    }

    @Test("no function is longer than 80 lines")
    func functionsAreShort() throws {
        var long: [String] = []
        for source in try SourceFile.all() {
            for function in source.functions() where function.lines > 80 {
                long.append("\(source.path):\(function.line) is \(function.lines) lines")
            }
        }
        #expect(long == [])
    }

    @Test("the function measure finds a long function and the cycle finder a loop")
    func theMeasuresWork() {
        let body = (1...81).map { "    let x\($0) = \($0)" }.joined(separator: "\n")
        let file = SourceFile(path: "Store/X.swift", module: "ShortlistKit", text: "func long() {\n\(body)\n}\nfunc short() { }\n")
        #expect(file.functions().map(\.lines) == [83, 1])
        let a = SourceFile(path: "Domain/A.swift", module: "ShortlistKit", text: "struct Alpha { var b: Beta }\n")
        let b = SourceFile(path: "Domain/B.swift", module: "ShortlistKit", text: "struct Beta { var a: [Alpha] } // Gamma\n")
        let c = SourceFile(path: "Domain/C.swift", module: "ShortlistKit", text: "struct Gamma { var s = \"Alpha\" }\n")
        #expect(TypeGraph([a, b, c]).cycles().map { $0.map(\.path).sorted() } == [["Domain/A.swift", "Domain/B.swift"]])
    }
}

/// One Swift source file, with comments and string literals blanked so that only code is read.
struct SourceFile: Hashable {
    /// The path below the module's folder, such as `Store/Store.swift`.
    let path: String
    let module: String
    let text: String
    let code: String

    init(path: String, module: String, text: String) {
        self.path = path
        self.module = module
        self.text = text
        code = SourceFile.blankingCommentsAndStrings(text)
    }

    /// The first folder below the module's, or "" for a file at its top.
    var folder: String { path.contains("/") ? String(path.prefix { $0 != "/" }) : "" }

    static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs.module == rhs.module && lhs.path == rhs.path }
    func hash(into hasher: inout Hasher) { hasher.combine(module); hasher.combine(path) }

    /// Every Swift file of the package's own modules, generated code aside.
    static func all() throws -> [SourceFile] {
        let sources = packageRoot.appendingPathComponent("Sources")
        var files: [SourceFile] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() where module != "EmbedResources" {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                files.append(SourceFile(path: path, module: module, text: text))
            }
        }
        return files.sorted { ($0.module, $0.path) < ($1.module, $1.path) }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The types declared at the top level of the file.
    var declaredTypes: [String] {
        code.split(separator: "\n").compactMap { line in
            var words = line.split(separator: " ").map(String.init)
            let modifiers: Set<String> = ["public", "internal", "fileprivate", "private", "final", "indirect", "package"]
            guard let first = line.first, first.isLetter else { return nil }
            while let word = words.first, modifiers.contains(word) { words.removeFirst() }
            guard words.count > 1, ["struct", "enum", "class", "protocol", "actor", "typealias"].contains(words[0]) else { return nil }
            return String(words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
    }

    /// The capitalised identifiers the code uses.
    var usedNames: Set<String> {
        var names = Set<String>()
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    /// Each function's (or initialiser's) first line and length in lines, from its declaration to its closing brace.
    func functions() -> [(line: Int, lines: Int)] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [(line: Int, lines: Int)] = []
        for (index, line) in lines.enumerated() where SourceFile.declaresFunction(line) {
            var depth = 0, opened = false, end = index
            scan: while end < lines.count {
                for character in lines[end] {
                    if character == "{" { depth += 1; opened = true }
                    if character == "}" { depth -= 1 }
                    if opened && depth == 0 { break scan }
                }
                // A requirement or declaration without a body.
                if !opened && end > index + 8 { break }
                end += 1
            }
            if opened { found.append((index + 1, end - index + 1)) }
        }
        return found
    }

    private static func declaresFunction(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" })
        return words.contains("func") || words.contains("init") || words.contains("init?")
    }

    /// The text with every comment and string literal's contents replaced by spaces, line breaks kept.
    static func blankingCommentsAndStrings(_ text: String) -> String {
        enum Mode { case code, line, block, string, multiline }
        var out = ""
        var mode = Mode.code
        let characters = Array(text)
        var i = 0
        func at(_ offset: Int, _ string: String) -> Bool {
            let s = Array(string)
            guard i + offset + s.count <= characters.count else { return false }
            return Array(characters[(i + offset)..<(i + offset + s.count)]) == s
        }
        while i < characters.count {
            let c = characters[i]
            switch mode {
            case .code:
                if at(0, "//") { mode = .line; out.append(" ") }
                else if at(0, "/*") { mode = .block; out.append(" ") }
                else if at(0, "\"\"\"") { mode = .multiline; out.append("\"\"\""); i += 3; continue }
                else if c == "\"" { mode = .string; out.append("\"") }
                else { out.append(c) }
            case .line:
                if c == "\n" { mode = .code; out.append("\n") } else { out.append(" ") }
            case .block:
                if at(0, "*/") { mode = .code; out.append("  "); i += 2; continue }
                out.append(c == "\n" ? "\n" : " ")
            case .string:
                if c == "\\" { out.append("  "); i += 2; continue }
                if c == "\"" { mode = .code; out.append("\"") } else { out.append(c == "\n" ? "\n" : " ") }
            case .multiline:
                if at(0, "\"\"\"") { mode = .code; out.append("\"\"\""); i += 3; continue }
                if c == "\\" { out.append("  "); i += 2; continue }
                out.append(c == "\n" ? "\n" : " ")
            }
            i += 1
        }
        return out
    }
}

/// Which file uses a type that which other file declares.
struct TypeGraph {
    var edges: [SourceFile: [(file: SourceFile, type: String)]] = [:]

    init(_ files: [SourceFile]) {
        var declaredIn: [String: SourceFile] = [:]
        for file in files { for type in file.declaredTypes { declaredIn[type] = file } }
        for file in files {
            edges[file] = file.usedNames.sorted().compactMap { name in
                guard let other = declaredIn[name], other != file else { return nil }
                return (other, name)
            }
        }
    }

    /// The groups of files that reach each other (Tarjan's strongly connected components of more than one file).
    func cycles() -> [[SourceFile]] {
        var index: [SourceFile: Int] = [:], low: [SourceFile: Int] = [:]
        var stack: [SourceFile] = [], onStack = Set<SourceFile>(), found: [[SourceFile]] = []
        var counter = 0
        func visit(_ v: SourceFile) {
            index[v] = counter; low[v] = counter; counter += 1
            stack.append(v); onStack.insert(v)
            for (w, _) in edges[v] ?? [] {
                if index[w] == nil { visit(w); low[v] = min(low[v]!, low[w]!) }
                else if onStack.contains(w) { low[v] = min(low[v]!, index[w]!) }
            }
            guard low[v] == index[v] else { return }
            var component: [SourceFile] = []
            while let w = stack.popLast() {
                onStack.remove(w)
                component.append(w)
                if w == v { break }
            }
            if component.count > 1 { found.append(component) }
        }
        for v in edges.keys.sorted(by: { $0.path < $1.path }) where index[v] == nil { visit(v) }
        return found
    }
}
