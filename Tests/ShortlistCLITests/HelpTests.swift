import Foundation
import Testing

/// The names listed under SUBCOMMANDS in a help text.
private func subcommands(in help: String) -> [String] {
    var names: [String] = []
    var inSection = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "SUBCOMMANDS:" { inSection = true; continue }
        guard inSection else { continue }
        if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
        // An entry is indented by two spaces; its wrapped description by many more.
        if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
            names.append(String(name))
        }
    }
    return names
}

/// The text after "OVERVIEW:" up to the first blank line.
private func abstract(of help: String) -> String? {
    guard help.hasPrefix("OVERVIEW:") else { return nil }
    let paragraph = help.dropFirst("OVERVIEW:".count).components(separatedBy: "\n\n").first ?? ""
    return paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// argument-parser prints each option's name in the first 26 columns and its help from column 26, or,
/// when the name is too long, on the next line from column 26.
private let helpColumn = 26

/// Options and arguments listed without a description.
private func undocumented(in help: String) -> [String] {
    var missing: [String] = []
    var inSection = false
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func helpText(_ line: String) -> String {
        line.count > helpColumn ? String(line.dropFirst(helpColumn)).trimmingCharacters(in: .whitespaces) : ""
    }
    for (index, line) in lines.enumerated() {
        if line == "OPTIONS:" || line == "ARGUMENTS:" { inSection = true; continue }
        if line.trimmingCharacters(in: .whitespaces).isEmpty { inSection = false; continue }
        guard inSection, line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
        let sameLine = line.count > helpColumn && Array(line)[helpColumn - 1] == " " && !helpText(line).isEmpty
        let nextLine = index + 1 < lines.count && lines[index + 1].hasPrefix(String(repeating: " ", count: helpColumn))
            && !helpText(lines[index + 1]).isEmpty
        if !sameLine && !nextLine { missing.append(line.trimmingCharacters(in: .whitespaces)) }
    }
    return missing
}

@Suite("CLI: help")
struct HelpTests {
    @Test("every command listed by --help, recursively, has help with an abstract and documented options")
    func everyCommandHasHelp() throws {
        let sandbox = try Sandbox()
        var queue: [[String]] = [[]]
        var seen: [String] = []
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let name = (["shortlist"] + path).joined(separator: " ")
            seen.append(name)
            let viaFlag = try sandbox.run(path + ["--help"])
            #expect(viaFlag.status == 0, "\(name) --help: \(viaFlag)")
            #expect(viaFlag.stderr == "", "\(name) --help")
            let text = abstract(of: viaFlag.stdout)
            #expect(text?.isEmpty == false, "\(name) has no abstract")
            #expect(undocumented(in: viaFlag.stdout) == [], "\(name) has options without help")
            if !path.isEmpty {
                let viaHelp = try sandbox.run(["help"] + path)
                #expect(viaHelp.status == 0, "shortlist help \(path.joined(separator: " ")): \(viaHelp)")
                #expect(abstract(of: viaHelp.stdout) == text, "shortlist help \(path.joined(separator: " "))")
            }
            queue += subcommands(in: viaFlag.stdout).filter { $0 != "help" }.map { path + [$0] }
        }
        // The guard itself must have found the foundation's commands.
        let foundation = [
            "shortlist", "shortlist init", "shortlist demo", "shortlist staff", "shortlist staff add", "shortlist staff update",
            "shortlist staff list", "shortlist vacancy", "shortlist vacancy add", "shortlist vacancy list",
            "shortlist vacancy show", "shortlist vacancy update", "shortlist vacancy close", "shortlist candidate",
            "shortlist candidate add", "shortlist candidate import", "shortlist candidate list", "shortlist candidate show",
            "shortlist candidate update", "shortlist candidate notify", "shortlist candidate withdraw",
        ]
        #expect(Set(foundation).subtracting(seen).isEmpty, "not found: \(Set(foundation).subtracting(seen).sorted())")
    }

    @Test("the help parsers read what argument-parser prints")
    func parsers() {
        func entry(_ name: String, _ help: String) -> String {
            "  " + name.padding(toLength: helpColumn - 2, withPad: " ", startingAt: 0) + help
        }
        let sample = [
            "OVERVIEW: Add, list and close vacancies.", "", "USAGE: shortlist vacancy <subcommand>", "", "OPTIONS:",
            "  --a-very-long-option-name <a-very-long-option-name>", entry("", "Explained on the next line."),
            entry("--db <db>", "The database file."), entry("--interview <interview>", "Interview date."), "  --bare",
            entry("--add-panel <add-panel>", ""), "",
            "SUBCOMMANDS:", entry("add", "Add a vacancy; prints its"), entry("", "reference."), entry("list", "List vacancies."), "",
            "  See 'shortlist help vacancy <subcommand>' for detailed help.",
        ].joined(separator: "\n")
        #expect(abstract(of: sample) == "Add, list and close vacancies.")
        #expect(subcommands(in: sample) == ["add", "list"])
        #expect(undocumented(in: sample) == ["--bare", "--add-panel <add-panel>"])
        #expect(abstract(of: "USAGE: x") == nil)
    }

    @Test("--version prints the version")
    func version() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    @Test("the import help names the columns it reads")
    func importHelp() throws {
        let sandbox = try Sandbox()
        let help = try sandbox.succeed(["help", "candidate", "import"])
        for column in ["Full name", "Other names", "Town", "Current employer", "Previous employers", "Email", "Shortlisted",
                       "Told on", "Told via"] {
            #expect(help.replacingOccurrences(of: "\n", with: " ").contains(column), "\(column)")
        }
    }
}
