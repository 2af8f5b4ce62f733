import Foundation

extension NoticeToRecord {
    /// The notice in the file at `path`, as it was sent to `candidate` outside shortlist: its text is kept whole.
    public init(sentFile path: String, candidate: CandidateReference) throws(ShortlistError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .file(path: path, reason: "cannot be read; give the notice as it was sent (a text, HTML or .eml file)")
        }
        guard data.count <= 1_000_000 else {
            throw .file(path: path, reason: "is larger than 1 MB; give the notice's text, not its attachments")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .file(path: path, reason: "is not UTF-8 text; save the notice as text, HTML or .eml and give that file")
        }
        try NoticeToRecord.checkSent(text, path: path)
        self.init(candidate: candidate, text: text, format: .file, templateSHA256: nil)
    }
}
