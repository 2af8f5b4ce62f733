import Foundation

/// Markdown text that shows exactly as written: it cannot break a table, start a heading or a
/// list, make a link, an image or emphasis, or carry HTML, while ordinary punctuation stays
/// readable in the raw file.
public enum Markdown {
    /// Characters that carry meaning anywhere in a line: always backslash-escaped.
    /// (`[` and `]` escaped means no link or image can form, so `(`, `)` and `!` can stay.)
    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&", "@", "$"]

    /// Escapes a value so it renders as the same text wherever a template puts it: inline, in a
    /// table cell, or at the start of a line. Line breaks become spaces, so a value stays on its line.
    public static func escape(_ text: String) -> String {
        // Leading white space could make an indented code block, or hide a list marker after it.
        let scalars = Array(text.unicodeScalars.drop { $0 == " " || $0 == "\t" })
        var out = String.UnicodeScalarView()
        var index = 0
        // A value that starts a line could start a list, a thematic break or a setext heading.
        var leading = true
        var lastWasBreak = false
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if isBreak(scalar) {
                // A run of line breaks becomes one space.
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = true
                continue
            }
            lastWasBreak = false
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out.append(" ")
                continue
            }
            if alwaysEscaped.contains(scalar)
                || (leading && ["-", "+", "="].contains(scalar))
                || (leading && (scalar == "." || scalar == ")") && index > 0 && scalars[..<index].allSatisfy { ("0"..."9").contains($0) })
                || (scalar == ":" && scalars.dropFirst(index + 1).starts(with: ["/", "/"]))
                || (scalar == "." && index >= 3 && String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www") {
                out.append("\\")
            }
            out.append(scalar)
            if !("0"..."9").contains(scalar) { leading = false }
        }
        return String(out)
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }
}
