import Foundation

/// What a step searches with.
public enum StepKind: String, CaseIterable, Codable, Sendable {
    case searchEngine = "search-engine", news, platform
}

/// One search in a protocol: a label, a kind, query templates over the candidate's fields,
/// and the address to open with the query filled in.
public struct SearchStep: Equatable, Sendable {
    /// A short stable key, such as `web-name`.
    public var key: String
    public var label: String
    public var kind: StepKind
    /// Query templates over `{name}`, `{town}`, `{employer}` and `{other_name}`.
    public var queries: [String]
    /// The address to open; `{query}` is replaced by the URL-encoded query.
    public var link: String

    public init(key: String, label: String, kind: StepKind, queries: [String], link: String) {
        self.key = key
        self.label = label
        self.kind = kind
        self.queries = queries
        self.link = link
    }
}

/// The list of search steps used for a vacancy, in one version.
public struct SearchProtocol: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var version: Int
    public var description: String
    public var steps: [SearchStep]
    public var createdAt: String

    /// `KCSIE standard online search v1`.
    public var title: String { "\(name) v\(version)" }
}

// MARK: - The protocol file

/// The human-editable protocol file:
///
/// ```
/// name: KCSIE standard online search
/// description: The same public searches for every shortlisted candidate.
///
/// [web-name]
/// label: Search engine: full name
/// kind: search-engine
/// query: "{name}"
/// link: https://www.google.com/search?q={query}
/// ```
///
/// Lines starting with `#` are comments. A step may have several `query:` lines.
public enum ProtocolFile {
    /// The placeholders a query template may use.
    public static let placeholders = ["{name}", "{town}", "{employer}", "{other_name}"]

    /// Parses a protocol file; every problem names its line and field.
    public static func parse(_ text: String, file: String) throws(ShortlistError) -> (name: String, description: String, steps: [SearchStep]) {
        var name: String?, description = ""
        var steps: [SearchStep] = []
        var current: (line: Int, key: String, fields: [String: String], queries: [String])?
        var problems: [ImportProblem] = []

        func finish() {
            guard let step = current else { return }
            for field in ["label", "kind", "link"] where step.fields[field] == nil {
                problems.append(ImportProblem(line: step.line, reason: "step [\(step.key)] has no '\(field):' line"))
            }
            if step.queries.isEmpty {
                problems.append(ImportProblem(line: step.line, reason: "step [\(step.key)] has no 'query:' line"))
            }
            guard let label = step.fields["label"], let kindText = step.fields["kind"], let link = step.fields["link"],
                  let kind = StepKind(rawValue: kindText), !step.queries.isEmpty else { return }
            steps.append(SearchStep(key: step.key, label: label, kind: kind, queries: step.queries, link: link))
        }

        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                finish()
                guard line.hasSuffix("]") else {
                    problems.append(ImportProblem(line: number, reason: "a step heading must look like [step-key]"))
                    current = nil
                    continue
                }
                let key = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if !isValidKey(key) {
                    problems.append(ImportProblem(line: number, reason: "step key '\(key)': use 1 to 40 lower-case letters, digits and '-'"))
                } else if steps.contains(where: { $0.key == key }) || current?.key == key {
                    problems.append(ImportProblem(line: number, reason: "step key '\(key)' is used twice"))
                }
                current = (number, key, [:], [])
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(ImportProblem(line: number, reason: "expected 'field: value' or a [step-key] heading"))
                continue
            }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.isEmpty {
                problems.append(ImportProblem(line: number, reason: "field '\(field)' is empty"))
                continue
            }
            guard current != nil else {
                switch field {
                case "name": name = value
                case "description": description = value
                default: problems.append(ImportProblem(line: number, reason: "field '\(field)' is not known before the first step; use name or description"))
                }
                continue
            }
            if let problem = read(field: field, value: value, into: &current!) {
                problems.append(ImportProblem(line: number, reason: problem))
            }
        }
        finish()
        if name == nil { problems.insert(ImportProblem(line: 1, reason: "the file has no 'name:' line"), at: 0) }
        if steps.isEmpty && problems.isEmpty { problems.append(ImportProblem(line: 1, reason: "the file has no steps")) }
        guard problems.isEmpty, let name else {
            throw .importRejected(file: file, problems: problems.sorted { $0.line < $1.line })
        }
        return (name, description, steps)
    }

    /// Reads one `field: value` line of a step into it; returns what is wrong with the line, if anything.
    private static func read(field: String, value: String,
                             into step: inout (line: Int, key: String, fields: [String: String], queries: [String])) -> String? {
        switch field {
        case "label", "link":
            step.fields[field] = value
            if field == "link", let problem = linkProblem(value) { return "field 'link': \(problem)" }
        case "kind":
            step.fields[field] = value
            if StepKind(rawValue: value) == nil {
                return "field 'kind': '\(value)' is not one of " + StepKind.allCases.map(\.rawValue).joined(separator: ", ")
            }
        case "query":
            step.queries.append(value)
            if let problem = queryProblem(value) { return "field 'query': \(problem)" }
        default:
            return "field '\(field)' is not known in a step; use label, kind, query or link"
        }
        return nil
    }

    /// The file text of a protocol, which `parse` reads back to the same protocol.
    public static func export(_ protocol: SearchProtocol) -> String {
        var text = "# shortlist search protocol: \(`protocol`.title)\n"
        text += "# Placeholders in queries: \(placeholders.joined(separator: " ")); {query} in links.\n"
        text += "name: \(`protocol`.name)\n"
        if !`protocol`.description.isEmpty { text += "description: \(`protocol`.description)\n" }
        for step in `protocol`.steps {
            text += "\n[\(step.key)]\nlabel: \(step.label)\nkind: \(step.kind.rawValue)\n"
            for query in step.queries { text += "query: \(query)\n" }
            text += "link: \(step.link)\n"
        }
        return text
    }

    static func isValidKey(_ key: String) -> Bool {
        (1...40).contains(key.count) && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func linkProblem(_ link: String) -> String? {
        guard link.hasPrefix("https://") else { return "the address must start with https://" }
        guard link.contains("{query}") else { return "the address must contain {query}" }
        return nil
    }

    private static func queryProblem(_ query: String) -> String? {
        var rest = query
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return "a '{' is not closed" }
            let placeholder = String(rest[open...close])
            guard placeholders.contains(placeholder) else {
                return "\(placeholder) is not a placeholder; use \(placeholders.joined(separator: ", "))"
            }
            rest = String(rest[rest.index(after: close)...])
        }
        return query.contains("{name}") || query.contains("{other_name}") ? nil : "a query must contain {name} or {other_name}"
    }
}

// MARK: - Expansion

/// One query the plan asks for: a step's query expanded for one candidate.
public struct PlannedQuery: Equatable, Sendable {
    /// The step it belongs to.
    public var stepKey: String
    /// Its position among the step's queries, from 1.
    public var number: Int
    /// The exact query text.
    public var query: String
    /// The step's link template; `link` fills it in.
    var linkTemplate: String

    /// The address to open, with the query URL-encoded (made when asked for: status and reports never need it).
    public var link: String {
        linkTemplate.replacingOccurrences(of: "{query}", with: SearchStep.urlEncode(query))
    }

    /// How a searcher names it on the command line: `web-name-employer.2`.
    public var address: String { "\(stepKey).\(number)" }

    /// The address to open, showing only results from `since` onward where the search engine can
    /// restrict them to a date range (Google's `tbs=cdr:1,cd_min:M/D/YYYY`); otherwise `link`.
    /// The query itself is unchanged, so an entry still matches it.
    public func link(since: Day) -> String {
        guard supportsDateRange else { return link }
        // Google reads the date in US order; it is a parameter of the address, not a date shown to people.
        return link + "&tbs=cdr:1,cd_min:\(since.month)/\(since.day)/\(since.year)"
    }

    /// Whether the step's search engine can restrict results to a date range: Google's web and
    /// news search, when the link does not set its own `tbs`.
    public var supportsDateRange: Bool {
        guard linkTemplate.hasPrefix("https://"), !linkTemplate.contains("tbs=") else { return false }
        let address = linkTemplate.dropFirst("https://".count)
        guard let slash = address.firstIndex(of: "/") else { return false }
        // google.com, www.google.co.uk and the like: "google", then a country's domain of one or two short labels.
        var labels = address[..<slash].split(separator: ".", omittingEmptySubsequences: false)
        if labels.first == "www" { labels.removeFirst() }
        let domain = labels.dropFirst()
        let isGoogle = labels.first == "google" && (1...2).contains(domain.count)
            && domain.allSatisfy { (2...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } }
        return isGoogle && address[slash...].hasPrefix("/search?")
    }
}

extension SearchStep {
    /// The queries of this step for a candidate, in order: for each employer or other name
    /// (when a template uses one), each template in turn. A template that needs a field the
    /// candidate does not have gives no query; duplicates are dropped.
    public func expand(name: String, town: String, employers: [String], otherNames: [String]) -> [PlannedQuery] {
        let usesEmployer = queries.contains { $0.contains("{employer}") }
        let usesOtherName = queries.contains { $0.contains("{other_name}") }
        let outer: [(employer: String, otherName: String)] =
            usesEmployer && usesOtherName ? employers.flatMap { e in otherNames.map { (e, $0) } }
            : usesEmployer ? employers.map { ($0, "") }
            : usesOtherName ? otherNames.map { ("", $0) }
            : [("", "")]
        var texts: [String] = []
        for (employer, otherName) in outer {
            for template in queries {
                if template.contains("{town}") && town.isEmpty { continue }
                let text = SearchStep.fill(template, ["{name}": name, "{town}": town, "{employer}": employer, "{other_name}": otherName])
                if !texts.contains(text) { texts.append(text) }
            }
        }
        return texts.enumerated().map { index, text in
            PlannedQuery(stepKey: key, number: index + 1, query: text, linkTemplate: link)
        }
    }

    /// Replaces each `{placeholder}` of a template with its value, in one pass (this runs for
    /// every query of every candidate whenever progress is loaded).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let placeholder = String(rest[open...close])
            out += values[placeholder] ?? placeholder
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8.
    static func urlEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}

extension Candidate {
    /// Every query of a protocol for this candidate, step by step.
    public func plan(_ protocol: SearchProtocol) -> [(step: SearchStep, queries: [PlannedQuery])] {
        `protocol`.steps.map { ($0, $0.expand(name: fullName, town: town, employers: employers, otherNames: otherNames)) }
    }
}
