import Foundation

/// An RFC 5322 message to open in Outlook or Thunderbird and send from there: UTF-8 headers as RFC 2047
/// encoded words, a UTF-8 plain-text body in base64, and `X-Unsent: 1`, which makes Outlook open it as a
/// draft to send rather than as a message received. Nothing here sends it.
public struct EmailMessage: Equatable, Sendable {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var date: Date
    /// Unique within the school: the right-hand side comes from the sending address.
    public var messageID: String

    public init(fromName: String, fromAddress: String, toName: String, toAddress: String, subject: String, body: String, date: Date,
                messageID: String) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message as written to an .eml file, lines ending CRLF.
    public var text: String {
        var lines = [
            "From: " + EmailMessage.mailbox(fromName, fromAddress),
            "To: " + EmailMessage.mailbox(toName, toAddress),
            "Subject: " + EmailMessage.encodedWords(subject),
            "Date: " + EmailMessage.rfc5322(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "X-Unsent: 1",
            "",
        ]
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalised.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The plain-text body of a message `text` wrote (base64 after the headers), or nil for any other message.
    public static func body(of message: String) -> String? {
        guard message.contains("\r\nContent-Transfer-Encoding: base64\r\n"), let blank = message.range(of: "\r\n\r\n"),
              let data = Data(base64Encoded: message[blank.upperBound...].filter { !$0.isWhitespace }) else { return nil }
        return String(data: data, encoding: .utf8)?.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// `"Name" <address>`, the name as encoded words when it is not plain ASCII; the address alone without a name.
    static func mailbox(_ name: String, _ address: String) -> String {
        let name = name.filter { !$0.isNewline }
        guard !name.isEmpty else { return address }
        return encodedWords(name, phrase: true) + " <\(address)>"
    }

    /// Text for a header: as it is when it is printable ASCII (quoted where it is a name holding specials), or
    /// as RFC 2047 `=?UTF-8?B?…?=` words, each at most 75 characters and never splitting a character.
    static func encodedWords(_ text: String, phrase: Bool = false) -> String {
        let text = text.filter { !$0.isNewline }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
            guard phrase, text.unicodeScalars.contains(where: specials.contains) else { return text }
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var words: [String] = []
        var chunk = ""
        for character in text {
            // 45 bytes of UTF-8 make 60 characters of base64, inside the 75 an encoded word may have.
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// `Sat, 05 Dec 2026 16:30:00 +0000`, in Europe/London.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
