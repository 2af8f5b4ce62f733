/// Reads an HTML template as a browser would read its markup, to refuse what escaping cannot make safe.
///
/// Mustache's HTML escaping (`<`, `>`, `&`, `"` and `'`) keeps a value from opening a tag or leaving a
/// quoted attribute, but not from being a link (`href="javascript:…"`), a source, a style or a script, nor
/// from adding attributes when the attribute is unquoted. So a value may be written only between elements,
/// or in the quoted value of a harmless attribute; never inside `<style>`, a comment, a tag's name or an
/// unquoted attribute. The document itself may run nothing and load nothing: no `<script>` or other element
/// that embeds or submits, no event attribute, no source, no link but to a place in the document, and no
/// `url(` or `@import` in its styles. A partial is included only between elements, and each file ends
/// between elements, so that every file can be checked on its own.
struct HTMLTemplateCheck {
    /// The attributes whose quoted value may hold a value (and `data-…`).
    static let valueAttributes: Set<String> = ["class", "id", "title", "lang", "dir", "alt", "aria-label"]
    static let refusedElements: Set<String> = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base",
                                               "form", "input", "button", "img", "picture", "video", "audio", "source", "svg", "math"]
    static let refusedAttributes: Set<String> = ["src", "srcset", "action", "formaction", "ping", "background", "poster", "data",
                                                 "codebase", "manifest", "xlink:href", "srcdoc"]

    private enum Place: Equatable {
        case text, comment, style, tag, attributeName, afterAttributeName, beforeValue
        case value(quote: Character?)
    }

    private let chars: [Character]
    private var index = 0
    private var line = 1
    private var place = Place.text
    private var tagName = ""
    private var closing = false
    private var attribute = ""
    private var value = ""
    private var css = ""

    private init(_ text: String) { chars = Array(text) }

    /// The first problem in a template's text: its line and what is wrong, or nil.
    static func problem(in text: String) -> (line: Int, reason: String)? {
        var check = HTMLTemplateCheck(text)
        if let reason = check.run() { return (check.line, reason) }
        return nil
    }

    private mutating func run() -> String? {
        while index < chars.count {
            if starts("{{") {
                if let reason = mustacheTag() { return reason }
                continue
            }
            if let reason = step() { return reason }
        }
        return place == .text ? nil : "the file ends inside a tag, a comment or <style>; close it in the same file"
    }

    private func starts(_ prefix: String, caseInsensitive: Bool = false) -> Bool {
        let wanted = Array(prefix)
        guard index + wanted.count <= chars.count else { return false }
        let found = chars[index..<index + wanted.count]
        return caseInsensitive ? String(found).lowercased() == prefix : Array(found) == wanted
    }

    private mutating func advance(_ count: Int = 1) {
        for char in chars[index..<min(index + count, chars.count)] where char == "\n" { line += 1 }
        index += count
    }

    /// A Mustache tag: checked against where it stands, and skipped.
    private mutating func mustacheTag() -> String? {
        var end = index + 2
        while end + 1 < chars.count, !(chars[end] == "}" && chars[end + 1] == "}") { end += 1 }
        let inner = String(chars[(index + 2)..<min(end, chars.count)]).trimmingCharacters(in: .whitespaces)
        let reason: String? = switch inner.first {
        case "!", "#", "^", "/", "%": nil
        case ">": place == .text ? nil : "a partial may be included only between elements, not inside a tag, a comment or <style>"
        default: valuePlaceProblem()
        }
        if reason != nil { return reason }
        // A tag in an attribute's value makes it other than a fixed text (so `href="{{…}}"` is not a link within the document).
        if case .value = place { value += "{{}}" }
        advance(end + 2 - index)
        return nil
    }

    /// Why a value may not be written where the scan stands, or nil.
    private func valuePlaceProblem() -> String? {
        let allowed = "a value may be written only between elements, or in the quoted value of the attributes "
            + HTMLTemplateCheck.valueAttributes.sorted().joined(separator: ", ") + " and data-…"
        switch place {
        case .text: return nil
        case .style: return "a value may not be written inside <style> (" + allowed + ")"
        case .comment: return "a value may not be written inside a comment (" + allowed + ")"
        case .value(quote: nil), .beforeValue: return "a value in an attribute must be in quotes (" + allowed + ")"
        case .value:
            let name = attribute.lowercased()
            return HTMLTemplateCheck.valueAttributes.contains(name) || name.hasPrefix("data-") ? nil
                : "a value may not be written in the attribute \(name): never in a link, a source, a style or an event (" + allowed + ")"
        default: return "a value may not be written inside a tag (" + allowed + ")"
        }
    }

    /// Reads one character of markup (or a few that belong together).
    private mutating func step() -> String? {
        let char = chars[index]
        switch place {
        case .text:
            if starts("<!--") {
                place = .comment
                advance(4)
            } else if char == "<", index + 1 < chars.count, chars[index + 1].isLetter || chars[index + 1] == "/" {
                closing = chars[index + 1] == "/"
                advance(closing ? 2 : 1)
                return openTag()
            } else {
                advance()
            }
        case .comment:
            if starts("-->") {
                place = .text
                advance(3)
            } else {
                advance()
            }
        case .style:
            if starts("</style", caseInsensitive: true) {
                if let reason = HTMLTemplateCheck.cssProblem(css) { return reason }
                css = ""
                place = .text
                return nil
            }
            css.append(char)
            advance()
        default:
            return tagStep(char)
        }
        return nil
    }

    /// Reads a tag's name, refusing the elements that run, embed or load something.
    private mutating func openTag() -> String? {
        tagName = ""
        while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "-" {
            tagName.append(chars[index])
            advance()
        }
        tagName = tagName.lowercased()
        place = .tag
        if !closing, HTMLTemplateCheck.refusedElements.contains(tagName) {
            return "<\(tagName)> is not allowed: the document must load nothing and run nothing"
        }
        return nil
    }

    /// Reads one character inside a tag: attributes, their values, the tag's end.
    private mutating func tagStep(_ char: Character) -> String? {
        switch place {
        case .tag:
            if char == ">" {
                place = !closing && tagName == "style" ? .style : .text
            } else if !char.isWhitespace && char != "/" {
                attribute = String(char)
                value = ""
                place = .attributeName
            }
        case .attributeName, .afterAttributeName:
            if char == "=" {
                place = .beforeValue
            } else if char.isWhitespace {
                place = .afterAttributeName
            } else if place == .attributeName && char != ">" && char != "/" {
                attribute.append(char)
            } else {
                place = .tag
                return attributeProblem()  // the character is read again, in the tag
            }
        case .beforeValue:
            if char == "\"" || char == "'" {
                place = .value(quote: char)
            } else if char == ">" {
                place = .tag
                return attributeProblem()
            } else if !char.isWhitespace {
                place = .value(quote: nil)
                return nil  // the character is read again, as the value's first
            }
        case let .value(quote):
            if let quote, char == quote {
                place = .tag
                advance()
                return attributeProblem()
            }
            if quote == nil, char.isWhitespace || char == ">" {
                place = .tag
                return attributeProblem()  // the character is read again, in the tag
            }
            value.append(char)
        default:
            break
        }
        advance()
        return nil
    }

    /// Why the attribute just read is not allowed, or nil. Clears it.
    private mutating func attributeProblem() -> String? {
        let name = attribute.lowercased(), text = value
        attribute = ""
        value = ""
        guard !name.isEmpty else { return nil }
        if name.hasPrefix("on") { return "the event attribute \(name) is not allowed: the document runs nothing" }
        if HTMLTemplateCheck.refusedAttributes.contains(name) { return "the attribute \(name) is not allowed: the document loads nothing" }
        if name == "href", !text.hasPrefix("#") { return "a link may point only to a place in the document (href=\"#…\")" }
        if name == "http-equiv", text.lowercased() != "content-security-policy" { return "<meta http-equiv=\"\(text)\"> is not allowed" }
        if name == "style" { return HTMLTemplateCheck.cssProblem(text) }
        return nil
    }

    /// Why a style sheet (or a style attribute) is not allowed: it would load something.
    static func cssProblem(_ css: String) -> String? {
        let lowered = css.lowercased()
        if lowered.contains("url(") || lowered.contains("@import") || lowered.contains("image-set(") || lowered.contains("expression(") {
            return "styles may not load anything (url(…), @import)"
        }
        return lowered.contains("\\") ? "styles may not hold a backslash escape, which could spell url(…)" : nil
    }
}
