import Foundation
import Testing

// Compiled into both test targets (Tests/ShortlistCLITests holds a symlink to this file); each
// target's `fixtureURL` points at Tests/ShortlistKitTests/Fixtures.

/// Rendered documents compared byte for byte with files under `Fixtures/golden/`.
///
/// To regenerate after an intended change: `SHORTLIST_UPDATE_GOLDEN=1 swift test --filter ...`,
/// then read every changed file (`git diff Tests/`) before committing it.
enum GoldenFile {
    /// What stands in a golden file for an audit hash: the chain hashes the operating-system
    /// account, so the same data gives other hashes under another user. Tests check the hash itself.
    static let hashPlaceholder = "<audit-hash>"

    static var updating: Bool { ProcessInfo.processInfo.environment["SHORTLIST_UPDATE_GOLDEN"] == "1" }

    /// `text` with each of `hashes` replaced by the placeholder.
    static func normalised(_ text: String, hashes: [String]) -> String {
        hashes.reduce(text) { $0.replacingOccurrences(of: $1, with: hashPlaceholder) }
    }

    /// Expects `text` to equal the golden file `name` byte for byte; writes the file instead when updating.
    static func expect(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtureURL("golden/" + name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let golden = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(url.path); run with SHORTLIST_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        guard Array(text.utf8) != Array(golden) else { return }
        let expected = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
        let actual = text.components(separatedBy: "\n")
        let line = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
        Issue.record("""
            \(name) differs from its golden file at line \(line + 1) (\(actual.count) lines, golden \(expected.count)):
            golden: \(line < expected.count ? expected[line].debugDescription : "(end)")
            actual: \(line < actual.count ? actual[line].debugDescription : "(end)")
            """, sourceLocation: sourceLocation)
    }
}
