/// Trimming without Foundation's CharacterSet machinery, which costs more than the rest of an
/// imported row.
extension StringProtocol {
    /// The text without leading and trailing white space (line breaks included).
    var trimmed: String {
        // Most cells start and end with a printable ASCII character: nothing to trim, nothing to look up.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
