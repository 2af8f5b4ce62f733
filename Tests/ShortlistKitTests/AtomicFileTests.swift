import Foundation
import Testing
@testable import ShortlistKit

/// The permission bits of a file or folder, or nil when there is none.
private func modeBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// The names in a folder, hidden ones included, sorted; empty when there is no folder.
private func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite("AtomicFile: owner-only from the first byte, whole or not at all")
struct AtomicFileTests {
    @Test("a staged file is 0600 and whole before it has a name, and nothing of it is in the folder", arguments: [true, false])
    func stagedFile(unnamed: Bool) throws {
        let folder = try TemporaryFolder()
        let target = folder.path("out/dossier.md")
        let data = Data(String(repeating: "Łukasz Nowak's dossier\n", count: 1000).utf8)

        let staged = try AtomicFile.stage(data, for: target, unnamed: unnamed)

        #expect(modeBits(staged.stagedPath) == 0o600)
        #expect(FileManager.default.contents(atPath: staged.stagedPath) == data)
        #expect(modeBits(folder.path("out")) == 0o700)
        #expect(!FileManager.default.fileExists(atPath: target))
        let hidden = names(folder.path("out"))
        #expect(unnamed ? hidden == [] : hidden.count == 1 && hidden[0].hasPrefix(".dossier.md.") && hidden[0].hasSuffix(".partial"), "\(hidden)")

        try staged.publish(replacing: false)

        #expect(names(folder.path("out")) == ["dossier.md"])
        #expect(modeBits(target) == 0o600)
        #expect(FileManager.default.contents(atPath: target) == data)
    }

    @Test("a staged file discarded, or dropped, leaves nothing behind", arguments: [true, false])
    func discarded(unnamed: Bool) throws {
        let folder = try TemporaryFolder()
        try AtomicFile.stage(Data("a report".utf8), for: folder.path("report.md"), unnamed: unnamed).discard()
        _ = try AtomicFile.stage(Data("a report".utf8), for: folder.path("report.md"), unnamed: unnamed)
        #expect(try folder.contents() == [])
    }

    @Test("an existing file is replaced only when asked; refused, it is kept and nothing is left behind", arguments: [true, false])
    func existingFile(unnamed: Bool) throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("notes.md", "the panel's notes")

        #expect(throws: ShortlistError.file(path: target, reason: "already exists; nothing was written. Choose a new name")) {
            try AtomicFile.stage(Data("new".utf8), for: target, unnamed: unnamed).publish(replacing: false)
        }
        #expect(FileManager.default.contents(atPath: target) == Data("the panel's notes".utf8))
        #expect(try folder.contents() == ["notes.md"])

        try AtomicFile.stage(Data("new".utf8), for: target, unnamed: unnamed).publish(replacing: true)
        #expect(FileManager.default.contents(atPath: target) == Data("new".utf8))
        #expect(modeBits(target) == 0o600)
        #expect(try folder.contents() == ["notes.md"])
    }

    @Test("write makes missing folders owner-only, and a file readable by others only when asked (templates)")
    func write() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("x".utf8), to: folder.path("a/b/export.json"))
        #expect(modeBits(folder.path("a")) == 0o700 && modeBits(folder.path("a/b")) == 0o700 && modeBits(folder.path("a/b/export.json")) == 0o600)
        try AtomicFile.write(Data("x".utf8), to: folder.path("t/dossier.mustache"), mode: 0o644)
        #expect(modeBits(folder.path("t")) == 0o755 && modeBits(folder.path("t/dossier.mustache")) == 0o644)
        #expect(names(folder.path("a/b")) == ["export.json"] && names(folder.path("t")) == ["dossier.mustache"])
    }
}
