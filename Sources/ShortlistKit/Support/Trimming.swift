/// Trimming without Foundation's CharacterSet machinery, which costs more than the rest of an
/// imported row.
extension StringProtocol {
    /// The text without leading and trailing white space (line breaks included).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
