import Foundation

/// JSON text for the shapes the store writes on every change: arrays of strings and string maps.
/// Written directly (Foundation's coders cost more than the rest of a write); nested documents
/// for people use `encode`.
enum JSONText {
    /// Pretty, key-sorted JSON for nested documents (flat listings use `Listing`, which encodes through `string`).
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// `["a","b"]`.
    static func array(_ items: [String]) -> String {
        "[" + items.map(JSONText.string).joined(separator: ",") + "]"
    }

    /// `{"a":"1","b":"2"}`, keys sorted.
    static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { JSONText.string($0) + ":" + JSONText.string(fields[$0]!) }.joined(separator: ",") + "}"
    }

    /// A stored JSON array of strings; empty when the text is not one.
    static func list(_ text: String) -> [String] {
        strings(text) ?? []
    }

    /// Reads a JSON array of strings; nil when the text is not one.
    static func strings(_ text: String) -> [String]? {
        var scalars = text.unicodeScalars.makeIterator()
        var items: [String] = []
        func skipSpace(_ c: inout Unicode.Scalar?) { while let s = c, s == " " || s == "\n" || s == "\r" || s == "\t" { c = scalars.next() } }
        var c = scalars.next()
        skipSpace(&c)
        guard c == "[" else { return nil }
        c = scalars.next()
        skipSpace(&c)
        if c == "]" { return items }
        while true {
            guard c == "\"" else { return nil }
            var item = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            while true {
                guard let s = scalars.next() else { return nil }
                if s == "\"" { break }
                guard s == "\\" else {
                    item.append(s)
                    continue
                }
                guard let e = scalars.next() else { return nil }
                switch e {
                case "\"", "\\", "/": item.append(e)
                case "b": item.append("\u{08}")
                case "f": item.append("\u{0C}")
                case "n": item.append("\n")
                case "r": item.append("\r")
                case "t": item.append("\t")
                case "u":
                    var value: UInt32 = 0
                    for _ in 0..<4 {
                        guard let h = scalars.next(), let digit = Int(String(h), radix: 16) else { return nil }
                        value = value << 4 | UInt32(digit)
                    }
                    if (0xD800...0xDBFF).contains(value) {
                        pendingHigh = value
                        continue
                    }
                    if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                        value = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                        pendingHigh = nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    item.append(scalar)
                default: return nil
                }
            }
            items.append(String(item))
            c = scalars.next()
            skipSpace(&c)
            if c == "]" { return items }
            guard c == "," else { return nil }
            c = scalars.next()
            skipSpace(&c)
        }
    }

    /// A JSON string literal for `text`.
    static func string(_ text: String) -> String {
        // Most values need no escaping: check the bytes first.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
