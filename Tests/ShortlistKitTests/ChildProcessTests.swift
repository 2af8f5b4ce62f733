import Foundation
import Testing
@testable import ShortlistKit

@Suite("Files: child processes")
struct ChildProcessTests {
    @Test("a child holds only standard input, output and error: no descriptor of its parent's, not even one left inheritable")
    func childInheritsNothing() throws {
        let folder = try TemporaryFolder()
        // Both ends of a pipe made without close-on-exec, as Foundation's Process makes its socket pair.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let child = try ChildProcess("/bin/sleep", arguments: ["30"], environment: [:], output: folder.path("out"), error: folder.path("out"))
        defer { child.signal(SIGKILL) }
        var held: [String] = []
        // The file actions run before exec, so once /proc shows sleep's name they are done.
        for _ in 0..<500 {
            let name = (try? String(contentsOfFile: "/proc/\(child.pid)/comm", encoding: .utf8)) ?? ""
            if name.hasPrefix("sleep") { break }
            usleep(2_000)
        }
        held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd").sorted()
        #expect(held == ["0", "1", "2"])
        #expect(child.isRunning)
    }

    @Test("its exit status, a signal that stopped it (SIGTERM at its default), and a time limit are told apart; the folder and input are its own")
    func outcomes() throws {
        let folder = try TemporaryFolder()
        try Data("from the file\n".utf8).write(to: URL(fileURLWithPath: folder.path("in")))
        let out = folder.path("out"), err = folder.path("err")
        let exited = try ChildProcess("/bin/sh", arguments: ["-c", "pwd; cat; echo said >&2; exit 3"], environment: [:],
                                      input: folder.path("in"), output: out, error: err, directory: folder.url.path)
        #expect(exited.wait(timeout: 60) == .exited(3))
        let printed = try String(contentsOfFile: out, encoding: .utf8)
        #expect(printed == URL(fileURLWithPath: folder.url.path).resolvingSymlinksInPath().path + "\nfrom the file\n")
        #expect(try String(contentsOfFile: err, encoding: .utf8) == "said\n")
        #expect(fileMode(out) == 0o600, "made owner-only by the child")

        // Started from a thread that blocks SIGTERM (as a server's may, to catch it its own way): the child must not.
        var term = sigset_t(), before = sigset_t()
        sigemptyset(&term)
        sigaddset(&term, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &term, &before)
        let started = Result { try ChildProcess("/bin/sleep", arguments: ["30"], environment: [:], output: "/dev/null", error: "/dev/null") }
        pthread_sigmask(SIG_SETMASK, &before, nil)
        let killed = try started.get()
        killed.signal(SIGTERM)
        #expect(killed.wait(timeout: 60) == .signalled(SIGTERM))

        let slow = try ChildProcess("/bin/sleep", arguments: ["30"], environment: [:], output: "/dev/null", error: "/dev/null", ownGroup: true)
        #expect(slow.wait(timeout: 0.2) == .timedOut)
        #expect(!slow.isRunning)
        #expect(kill(slow.pid, 0) != 0, "the timed-out child is gone, reaped")
    }

    @Test("a program that cannot be started is an error, not a child")
    func missingProgram() throws {
        #expect(throws: Errno(ENOENT)) {
            _ = try ChildProcess("/no/such/program", arguments: [], environment: [:], output: "/dev/null", error: "/dev/null")
        }
    }
}

private func fileMode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}
