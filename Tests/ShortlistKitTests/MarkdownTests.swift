import Foundation
import Testing
@testable import ShortlistKit

// MARK: - Reading Markdown structure

/// Counts what Markdown would read as syntax: a character is escaped when an odd number of
/// backslashes comes right before it.
enum MarkdownSyntax {
    /// The characters that make structure, links, HTML or emphasis when unescaped.
    static let specials: [Character] = ["|", "*", "_", "#", "[", "]", "<", ">", "`", "~", "@", "&", "$", "\\"]

    /// Whether the character at `index` is escaped.
    static func isEscaped(_ characters: [Character], at index: Int) -> Bool {
        var backslashes = 0
        var i = index - 1
        while i >= 0, characters[i] == "\\" {
            backslashes += 1
            i -= 1
        }
        return backslashes % 2 == 1
    }

    /// The unescaped occurrences of `character` in `text` (a backslash counts when it escapes nothing after it).
    static func unescaped(_ character: Character, in text: String) -> Int {
        let characters = Array(text)
        var count = 0
        for index in characters.indices where characters[index] == character && !isEscaped(characters, at: index) {
            if character == "\\" {
                // A backslash that escapes the next character is not itself text.
                if index + 1 < characters.count, characters[index + 1] != " " { continue }
            }
            count += 1
        }
        return count
    }

    /// Autolinks GFM would make: `://` after a scheme, `www.`, with the `:` or `.` unescaped.
    static func unescapedAutolinks(in text: String) -> Int {
        let characters = Array(text)
        var count = 0
        for index in characters.indices {
            if characters[index] == ":", characters[index...].starts(with: [":", "/", "/"]), !isEscaped(characters, at: index) { count += 1 }
            if characters[index] == ".", index >= 3, String(characters[(index - 3)..<index]).lowercased() == "www",
               !isEscaped(characters, at: index) { count += 1 }
        }
        return count
    }

    /// What a line starts as: a heading, a list item, a table row, a quote, a rule, or text.
    static func lineKind(_ line: String) -> String {
        if line.isEmpty { return "blank" }
        if let match = line.firstMatch(of: #/^(#{1,6}) /#) { return "heading \(match.1.count)" }
        if line.firstMatch(of: /^ {0,3}([-+*]|\d{1,9}[.)])( |$)/) != nil { return "list" }
        if line.hasPrefix("|") { return "table" }
        if line.firstMatch(of: /^ {0,3}>/) != nil { return "quote" }
        if line.firstMatch(of: /^ {0,3}(-{3,}|\*{3,}|_{3,}|={2,})\s*$/) != nil { return "rule or underline" }
        if line.hasPrefix("    ") || line.hasPrefix("\t") { return "code" }
        if line.hasPrefix("**") { return "bold" }
        return "text"
    }

    /// The shape of a line: its kind and how many of each special character it holds unescaped.
    static func shape(_ line: String) -> String {
        ([lineKind(line)] + specials.map { "\($0)\(unescaped($0, in: line))" } + ["autolinks\(unescapedAutolinks(in: line))"])
            .joined(separator: " ")
    }

    /// After a list item's marker, the item's text must not itself start a block.
    static func listItemOpensBlock(_ line: String) -> Bool {
        guard let match = line.firstMatch(of: /^(?:[-+*]|\d{1,9}[.)]) +(.*)$/) else { return false }
        let rest = String(match.1)
        return rest.firstMatch(of: #/^([-+*=>#]|\d{1,9}[.)])/#) != nil || rest.hasPrefix("    ")
    }
}

// MARK: - Markdown.escape

@Suite("Markdown escaping")
struct MarkdownTests {
    @Test("the syntax reader counts a character as escaped after an odd number of backslashes")
    func reader() {
        #expect(MarkdownSyntax.unescaped("|", in: #"a | b \| c \\| d \\\| e"#) == 2)
        #expect(MarkdownSyntax.unescaped("#", in: ##"\# \\#"##) == 1)
        #expect(MarkdownSyntax.unescapedAutolinks(in: #"http://x http\://y www.z www\.w WWW.v"#) == 3)
        #expect(MarkdownSyntax.lineKind("1. item") == "list")
        #expect(MarkdownSyntax.lineKind(#"1\. item"#) == "text")
        #expect(MarkdownSyntax.lineKind("### x") == "heading 3")
        #expect(MarkdownSyntax.lineKind("\\### x") == "text")
        #expect(MarkdownSyntax.listItemOpensBlock("- - item"))
        #expect(MarkdownSyntax.listItemOpensBlock("- # heading"))
        #expect(!MarkdownSyntax.listItemOpensBlock(#"- \- item"#))
    }

    @Test("each character that carries meaning is escaped, and only where it would", arguments: [
        ("plain text, stays", "plain text, stays"),
        ("a|b", #"a\|b"#),
        ("*bold* _em_ ~~strike~~", #"\*bold\* \_em\_ \~\~strike\~\~"#),
        ("`code`", #"\`code\`"#),
        ("[text](http://evil.example)", #"\[text\](http\://evil.example)"#),
        ("![img](x)", #"!\[img\](x)"#),
        ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#),
        ("https://evil.example", #"https\://evil.example"#),
        ("see www.evil.example or WWW.EVIL.EXAMPLE", #"see www\.evil.example or WWW\.EVIL.EXAMPLE"#),
        ("mallory@evil.example", #"mallory\@evil.example"#),
        ("&amp; $x$ # not a heading", ##"\&amp; \$x\$ \# not a heading"##),
        (#"back\slash"#, #"back\\slash"#),
        ("# Heading", ##"\# Heading"##),
        ("- item", #"\- item"#),
        ("+ item", #"\+ item"#),
        ("= underline", #"\= underline"#),
        ("---", #"\---"#),
        ("1. item", #"1\. item"#),
        ("12) item", #"12\) item"#),
        ("1.5 metres, a - b = c", #"1\.5 metres, a - b = c"#),
        ("line\n# Heading\n- item\n1. item", ##"line \# Heading - item 1. item"##),
        ("one\r\n\r\ntwo\u{2028}three\u{85}four", "one two three four"),
        ("tab\there\u{7}bell", "tab here bell"),
        ("Zoë Ødegaard, Siobhán O'Brien (née Ní Bhriain)", "Zoë Ødegaard, Siobhán O'Brien (née Ní Bhriain)"),
    ])
    func escapes(input: String, expected: String) {
        #expect(utf8(Markdown.escape(input)) == utf8(expected))
    }

    @Test("an escaped value adds no structure wherever a template puts it", arguments: [
        "# Heading", "- item", "+ item", "* item", "1. item", "7) item", "> quote", "=====", "---", "***", "___", "| a | b |",
        "[x](http://evil.example)", "<b>x</b>", "`x`", "https://evil.example", "www.evil.example", "x@evil.example",
        "```", "~~~", "line\n# Heading", "a\n\n    code",
    ])
    func noStructure(value: String) {
        let escaped = Markdown.escape(value)
        #expect(!escaped.contains("\n"))
        for context in ["\(escaped)", "- \(escaped)", "| \(escaped) |", "### A \(escaped)"] {
            let line = context
            #expect(["text", "list", "table", "heading 3"].contains(MarkdownSyntax.lineKind(line)), "\(line)")
            #expect(!MarkdownSyntax.listItemOpensBlock(line), "\(line)")
            for character in MarkdownSyntax.specials where character != "|" && character != "#" {
                #expect(MarkdownSyntax.unescaped(character, in: line) == 0, "\(character) in \(line)")
            }
            #expect(MarkdownSyntax.unescaped("|", in: line) == (context.hasPrefix("|") ? 2 : 0), "\(line)")
            #expect(MarkdownSyntax.unescaped("#", in: line) == (context.hasPrefix("###") ? 3 : 0), "\(line)")
            #expect(MarkdownSyntax.unescapedAutolinks(in: line) == 0, "\(line)")
        }
        #expect(MarkdownSyntax.lineKind(escaped) == "text", "\(escaped)")
    }

    @Test("a value starting with spaces and a list marker stays text at the start of a line")
    func leadingWhitespace() {
        // The library trims the values it stores, so no built-in template meets this; a school's
        // template that starts a line with a value would.
        #expect(MarkdownSyntax.lineKind(Markdown.escape("   - item")) == "text")
        #expect(MarkdownSyntax.lineKind(Markdown.escape("    code")) == "text")
    }
}
