import Foundation

/// The rules every piece of text obeys before it is stored: no character that could disguise
/// what a screen or a document shows, and names in one form, so that two people cannot look alike.
enum SafeText {
    /// The first character of `text` that may not be stored, described for a message (`U+001B`);
    /// nil when there is none. Tab, carriage return and line feed are allowed (fields that must be
    /// on one line say so themselves); every other C0 and C1 control, and the bidirectional
    /// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), are not.
    static func forbiddenCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
            let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if control || bidi { return "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4) }
        }
        return nil
    }

    /// Refuses an event whose record (its reference, its stored fields, its details) holds a
    /// forbidden character. Every write appends an event describing what it stores, so this one
    /// check stands at the edge of every text field; the transaction then rolls back.
    static func check(ref: String, state: [String: String]?, details: [String: String]?) throws(ShortlistError) {
        let record = forbiddenCharacter(in: ref) == nil ? ref : "the new record"
        if let character = forbiddenCharacter(in: ref) { throw .unsafeText(record: record, field: "its name or reference", character: character) }
        for fields in [state, details].compactMap({ $0 }) {
            for key in fields.keys.sorted() {
                if let character = forbiddenCharacter(in: fields[key]!) {
                    throw .unsafeText(record: record, field: key.replacingOccurrences(of: "_", with: " "), character: character)
                }
            }
        }
    }

    /// Every string in a JSON document, keyed by the path of names that leads to it (`after.reason`).
    static func strings(inJSON text: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return [:] }
        var found: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let string as String: found[path] = string
            case let object as [String: Any]: for (key, child) in object { walk(child, path.isEmpty ? key : path + "." + key) }
            case let array as [Any]: for (index, child) in array.enumerated() { walk(child, path + "[\(index)]") }
            default: break
            }
        }
        walk(object, "")
        return found
    }

    /// A name as it is stored and compared: Unicode NFC, every kind of space (no-break, thin,
    /// ideographic ...) a plain space, runs of them one, none at either end.
    static func name(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.unicodeScalars
            .split { $0.properties.isWhitespace }
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    /// What a name looks like, for telling when two names could be mistaken for each other: case
    /// folded, compatibility forms folded, and Cyrillic and Greek letters that look Latin read as Latin.
    static func skeleton(_ text: String) -> String {
        let folded = name(text).decomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.map { lookalikes[$0] ?? $0 }))
    }

    /// The scripts of a name's letters, when it mixes Latin with Cyrillic or Greek (a look-alike's sign).
    static func mixedScripts(_ text: String) -> [String]? {
        var scripts = Set<String>()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0041...0x024F, 0x1E00...0x1EFF: scripts.insert("Latin")
            case 0x0370...0x03FF, 0x1F00...0x1FFF: scripts.insert("Greek")
            case 0x0400...0x052F: scripts.insert("Cyrillic")
            default: break
            }
        }
        return scripts.count > 1 && scripts.contains("Latin") ? scripts.sorted() : nil
    }

    /// Cyrillic and Greek letters (lower case, as `skeleton` leaves them) that are drawn like Latin ones.
    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(UInt32, Character)] = [
            (0x0430, "a"), (0x0432, "b"), (0x0435, "e"), (0x043E, "o"), (0x0440, "p"), (0x0441, "c"), (0x0443, "y"), (0x0445, "x"),
            (0x0456, "i"), (0x0458, "j"), (0x0455, "s"), (0x04BB, "h"), (0x0501, "d"), (0x051B, "q"), (0x051D, "w"), (0x043A, "k"),
            (0x043C, "m"), (0x043D, "h"), (0x0442, "t"), (0x0457, "i"),
            (0x03B1, "a"), (0x03B2, "b"), (0x03B5, "e"), (0x03B7, "n"), (0x03B9, "i"), (0x03BA, "k"), (0x03BD, "v"), (0x03BF, "o"),
            (0x03C1, "p"), (0x03C4, "t"), (0x03C5, "u"), (0x03C7, "x"), (0x03B6, "z"), (0x03BC, "u"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Unicode.Scalar($0.0)!, $0.1.unicodeScalars.first!) })
    }()
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
