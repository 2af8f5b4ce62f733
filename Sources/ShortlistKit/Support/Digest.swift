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

/// The bytes of a canonical encoding, built up field by field and then hashed in one call: a call into the
/// hasher costs many times the copying of a short field, and `audit verify` hashes millions of fields. Reused
/// from row to row, it allocates again only for a row longer than any before it.
final class CanonicalBuffer {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Empties the buffer and writes `head` (the version line and any constant prefix).
    func start(with head: [UInt8]) {
        count = 0
        head.withUnsafeBytes { append($0) }
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (storage + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
    }

    /// `<byte count>:<bytes>\n`, as in every canonical encoding here.
    func field(_ bytes: UnsafeRawBufferPointer) {
        reserve(22)
        var length = bytes.count, digits = 1
        while length >= 10 { length /= 10; digits += 1 }
        length = bytes.count
        for index in stride(from: digits - 1, through: 0, by: -1) {
            storage.storeBytes(of: UInt8(ascii: "0") + UInt8(length % 10), toByteOffset: count + index, as: UInt8.self)
            length /= 10
        }
        storage.storeBytes(of: UInt8(ascii: ":"), toByteOffset: count + digits, as: UInt8.self)
        count += digits + 1
        append(bytes)
        reserve(1)
        storage.storeBytes(of: UInt8(ascii: "\n"), toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// The SHA-256 of what has been written since `start`.
    var digest: SHA256.Digest { SHA256.hash(data: UnsafeRawBufferPointer(start: storage, count: count)) }

    @inline(__always)
    private func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private func grow(to needed: Int) {
        let grown = max(capacity * 2, needed)
        let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        larger.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }
}
