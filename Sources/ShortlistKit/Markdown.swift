import Foundation

/// Markdown text that shows exactly as written: it cannot break a table, start a heading or a
/// list, make a link or emphasis, or carry HTML.
public enum Markdown {
    /// Backslash-escapes every ASCII punctuation character that Markdown gives a meaning, and
    /// turns line breaks into spaces so a value stays in its line or table cell.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasBreak = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\n", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                if !previousWasBreak { out += " " }
                previousWasBreak = true
                continue
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", ":", "&", "=", "\"", "'", "$", "%", "@", "^":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += " "
            default:
                out.unicodeScalars.append(scalar)
            }
            previousWasBreak = false
        }
        return out
    }
}
