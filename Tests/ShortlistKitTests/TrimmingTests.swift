import Testing
@testable import ShortlistKit

@Suite("Trimming: white space off both ends, and nothing else")
struct TrimmingTests {
    @Test("printable ends are kept as they are; any kind of space or line break at either end is removed", arguments: [
        ("Jane Smith", "Jane Smith"), ("x", "x"), ("  Jane  Smith \t", "Jane  Smith"), ("\u{00A0}Jane\u{2003}", "Jane"),
        ("Jane\r\n", "Jane"), ("\nJane", "Jane"), ("", ""), ("   ", ""), ("\u{3000}", ""), ("Zoë", "Zoë"), ("é ", "é"),
        ("a\u{0301}", "a\u{0301}"), ("\"quoted\"", "\"quoted\""),
    ])
    func trims(_ pair: (String, String)) {
        #expect(pair.0.trimmed == pair.1)
        #expect(pair.0[...].trimmed == pair.1)
    }
}
