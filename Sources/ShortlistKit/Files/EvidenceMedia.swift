import Foundation

/// How an evidence file is served to a browser: its content type, and whether it is shown in the page
/// (inline) or only downloaded (attachment).
///
/// Only images a browser cannot run (PNG, JPEG, GIF, WebP) and PDFs are shown inline, and only when the
/// file's own first bytes say it is one, whatever its name says. SVG (which can hold script), HTML and
/// everything else is downloaded, never rendered by the site.
public struct EvidenceMedia: Equatable, Sendable {
    public var contentType: String
    public var inline: Bool

    /// The media of a file from its first bytes, and its name for files that are downloaded.
    public static func of(name: String, bytes: Data) -> EvidenceMedia {
        let head = [UInt8](bytes.prefix(16))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<(offset + signature.count)]) == signature
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .init(contentType: "image/png", inline: true) }
        if starts([0xFF, 0xD8, 0xFF]) { return .init(contentType: "image/jpeg", inline: true) }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .init(contentType: "image/gif", inline: true) }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .init(contentType: "image/webp", inline: true) }
        if starts(Array("%PDF-".utf8)) { return .init(contentType: "application/pdf", inline: true) }
        let ext = URL(fileURLWithPath: name).pathExtension.lowercased()
        return .init(contentType: downloadTypes[ext] ?? "application/octet-stream", inline: false)
    }

    /// Content types of files that are only ever downloaded, by extension.
    static let downloadTypes = [
        "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8", "mhtml": "multipart/related", "mht": "multipart/related", "svg": "image/svg+xml",
        "json": "application/json", "zip": "application/zip", "mp4": "video/mp4", "webm": "video/webm",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    /// The `Content-Disposition` header for a file of this media named `name`: a plain ASCII name for every
    /// browser (quotes, backslashes and control characters replaced) and the exact name percent-encoded.
    public func disposition(name: String) -> String {
        let plain = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        // RFC 5987's unreserved characters, ASCII only (CharacterSet.alphanumerics would let other alphabets through).
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let exact = name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? plain
        return "\(inline ? "inline" : "attachment"); filename=\"\(plain.isEmpty ? "evidence" : plain)\"; filename*=UTF-8''\(exact)"
    }
}

/// An evidence file as read back for viewing: its original name, its bytes (checked against the recorded
/// SHA-256) and how it is served.
public struct EvidenceFile: Sendable {
    public var name: String
    public var sha256: String
    public var bytes: Data
    public var media: EvidenceMedia

    public init(name: String, sha256: String, bytes: Data) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
        media = EvidenceMedia.of(name: name, bytes: bytes)
    }
}
