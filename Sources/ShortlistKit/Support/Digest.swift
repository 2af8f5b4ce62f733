import Crypto
import Foundation

/// SHA-256 digests as lowercase hexadecimal text.
enum Digest {
    /// The digest of a record's fields, in a canonical encoding: keys sorted, each line
    /// `<key bytes>:<key>=<value bytes>:<value>`. The state hashes of earlier versions' events, which
    /// `audit verify` still checks (`Store.forEachLegacyRecordState`); new events use `AuditState`.
    static func state(_ fields: [String: String]) -> String {
        state(sorted: fields.sorted { $0.key < $1.key })
    }

    /// The same digest, for fields already sorted by key.
    static func state(sorted fields: [(key: String, value: String)]) -> String {
        var bytes = Array("shortlist-state-v1\n".utf8)
        bytes.reserveCapacity(1024)
        for (key, value) in fields {
            appendLength(key.utf8.count, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "="))
            Digest.appendField(value, to: &bytes)
        }
        return sha256(bytes)
    }

    /// `<byte count>:<text>\n`.
    static func appendField(_ text: String, to bytes: inout [UInt8]) {
        appendLength(text.utf8.count, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func appendLength(_ count: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(count).utf8)
    }

    static func sha256(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(SHA256.hash(data: $0)) }
    }

    static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            hex(digest, into: buffer)
            return 64
        }
    }

    /// Writes the 64 lowercase hex digits of a digest into `buffer`.
    static func hex(_ digest: SHA256.Digest, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        var index = 0
        for byte in digest {
            buffer[index] = hexDigits[Int(byte >> 4)]
            buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
            index += 2
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
