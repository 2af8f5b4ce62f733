import Foundation
import Hummingbird

/// The fields of a posted form, URL-encoded or multipart, and any files uploaded with it.
struct WebForm: Sendable {
    /// Each field's values, in the order sent (a checkbox list repeats its name).
    private(set) var fields: [String: [String]] = [:]
    /// Uploaded files by field name.
    private(set) var files: [String: [UploadedFile]] = [:]

    /// One uploaded file.
    struct UploadedFile: Sendable {
        /// The file's name as the browser sent it, without any folder.
        var name: String
        var bytes: [UInt8]
    }

    /// The first value of a field, trimmed of surrounding spaces; empty when it was not sent.
    subscript(_ name: String) -> String {
        fields[name]?.first?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// The names of the fields sent.
    var fieldNames: [String] { Array(fields.keys) }

    /// Every value of a field.
    func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// A field's lines, trimmed, without blank ones (addresses, sources).
    func lines(_ name: String) -> [String] {
        self[name].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The non-empty files uploaded under a name.
    func uploads(_ name: String) -> [UploadedFile] { (files[name] ?? []).filter { !$0.bytes.isEmpty } }

    /// Whether a checkbox was ticked.
    func ticked(_ name: String) -> Bool { !(fields[name] ?? []).isEmpty }

    init() {}

    /// Parses `application/x-www-form-urlencoded` text.
    init(urlEncoded text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = WebForm.decode(parts[0]), value = parts.count > 1 ? WebForm.decode(parts[1]) : ""
            fields[name, default: []].append(value)
        }
    }

    /// The fields of a GET form, from the request's query as the browser encoded it (a space as `+`).
    init(query request: Request) {
        self.init(urlEncoded: request.uri.query ?? "")
    }

    /// Parses a `multipart/form-data` body with the boundary from its content type; nil when it is malformed.
    init?(multipart body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while let found = WebForm.find(delimiter, in: body, from: index) {
            if let start { parts.append(body[start..<max(start, found - 2)]) }   // less the CRLF before the delimiter
            index = found + delimiter.count
            if body[index...].starts(with: Array("--".utf8)) { break }
            index += 2                                                              // the CRLF after it
            start = index
        }
        guard !parts.isEmpty else { return nil }
        for part in parts {
            guard let split = WebForm.find(Array("\r\n\r\n".utf8), in: Array(part), from: 0) else { return nil }
            let bytes = Array(part)
            let head = String(decoding: bytes[..<split], as: UTF8.self)
            let content = Array(bytes[(split + 4)...])
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = WebForm.parameter("name", in: disposition) else { return nil }
            if let filename = WebForm.parameter("filename", in: disposition) {
                let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                files[name, default: []].append(UploadedFile(name: base, bytes: content))
            } else {
                fields[name, default: []].append(String(decoding: content, as: UTF8.self))
            }
        }
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    private static func parameter(_ key: String, in header: Substring) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(key + "=") else { continue }
            var value = trimmed.dropFirst(key.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
