import Crypto
import Foundation
import GRDB
import Testing
@testable import ShortlistKit

@Suite("Audit: the canonical encodings, written into one buffer and hashed once")
struct CanonicalEncodingTests {
    @Test("each field is `<byte count>:<bytes>` and a newline, at every length of count, past the buffer's first size")
    func fields() {
        let buffer = CanonicalBuffer(capacity: 8)
        let head = Array("shortlist-test\n".utf8)
        var expected = head
        buffer.start(with: head)
        for text in ["", "a", String(repeating: "x", count: 9), String(repeating: "x", count: 10), String(repeating: "y", count: 99),
                     String(repeating: "z", count: 100), "Siobhán Nguyễn", String(repeating: "ü", count: 12_345)] {
            var text = text
            text.withUTF8 { buffer.field(UnsafeRawBufferPointer($0)) }
            Digest.appendField(text, to: &expected)
        }
        buffer.append(Array("-\n".utf8))
        expected += Array("-\n".utf8)
        #expect(buffer.count == expected.count)
        #expect(buffer.digest == SHA256.hash(data: expected))
        // Started again, it holds only what is written since.
        buffer.start(with: head)
        #expect(buffer.digest == SHA256.hash(data: head))
    }

    @Test("a record's state hash, as its event recorded it, is the SHA-256 of the encoding written out field by field")
    func recordState() throws {
        let folder = try TemporaryFolder()
        let store = try makeStoreWithVacancy(in: folder)
        let kind = try #require(AuditState.kinds.first { $0.entity == "vacancy" })
        let (row, recorded) = try store.read { db in
            (try Row.fetchOne(db, sql: kind.select + " WHERE v.reference = ?", arguments: ["TA-2026-03"]),
             try String.fetchOne(db, sql: "SELECT state_hash FROM audit_event WHERE entity = 'vacancy' AND entity_ref = 'TA-2026-03' ORDER BY seq DESC LIMIT 1"))
        }
        let values = try #require(row)
        var bytes = Array("shortlist-state-v2\n".utf8)
        Digest.appendField("vacancy", to: &bytes)
        var nulls = 0
        for name in kind.fields {
            bytes += Array("\(name.utf8.count):\(name)=".utf8)
            switch (values[name] as DatabaseValue).storage {
            case .null: bytes += Array("-\n".utf8); nulls += 1
            case let .int64(number): Digest.appendField(String(number), to: &bytes)
            case let .string(text): Digest.appendField(text, to: &bytes)
            case let .double(number): Issue.record("\(name) is a real number, \(number), which this test does not encode")
            case .blob: Issue.record("\(name) is a blob, which this test does not encode")
            }
        }
        // The vacancy has empty columns and a panel list, so both forms of field are in the hash.
        #expect(nulls > 0)
        #expect(recorded == AuditState.marker + Digest.sha256(bytes))
    }
}
