import Foundation
import ShortlistKit

/// Uploaded files handed to the library's file-based operations (import, evidence) through a private
/// temporary folder, removed as soon as the operation returns.
enum Upload {
    /// A library refusal that names an uploaded file, with the temporary folder left out of its message
    /// (other refusals are rethrown as they are).
    struct Failure: Error {
        var message: String
    }

    /// Runs `body` with the uploads written, owner-only, under their own names in a new private folder.
    static func withTemporaryFiles<T>(_ uploads: [WebForm.UploadedFile], _ body: ([String]) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.path + "/shortlist-upload-" + WebCookies.randomToken()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        for (index, upload) in uploads.enumerated() {
            // Two uploads of one name each keep it, in folders of their own.
            let place = folder + "/\(index)"
            try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let name = upload.name.isEmpty || upload.name.hasPrefix(".") ? "upload" + upload.name : upload.name
            let path = place + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(upload.bytes), attributes: [.posixPermissions: 0o600]) else {
                throw Failure(message: "The uploaded file \(name) could not be stored for reading; try again.")
            }
            paths.append(path)
        }
        do {
            return try body(paths)
        } catch let error as ShortlistError where error.message.contains(folder) {
            // A refusal about the file itself: said with the file's own name, not the temporary folder's.
            var message = error.message
            for index in uploads.indices { message = message.replacingOccurrences(of: folder + "/\(index)/", with: "") }
            throw Failure(message: message)
        }
    }
}
