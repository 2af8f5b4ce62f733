import Foundation
import Testing
@testable import ShortlistKit

/// What a run of the `shortlist` binary gave.
struct CommandResult: CustomStringConvertible {
    /// The exit status, or the signal number when `signalled`.
    let status: Int32
    let signalled: Bool
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\(signalled ? " (signal)" : "")\nstdout: \(stdout)\nstderr: \(stderr)" }
}

enum BinaryError: Error, CustomStringConvertible {
    case notFound(searched: [String])
    case timedOut([String], stdout: String, stderr: String)

    var description: String {
        switch self {
        case let .notFound(searched):
            "the shortlist binary was not found (looked in \(searched.joined(separator: ", "))); build it, or set SHORTLIST_BIN"
        case let .timedOut(arguments, stdout, stderr):
            "shortlist \(arguments.joined(separator: " ")) did not finish in time and was killed; it had printed \(stdout.debugDescription) "
                + "and on standard error \(stderr.debugDescription)"
        }
    }
}

/// The built `shortlist` executable: `$SHORTLIST_BIN`, else the one beside this test bundle
/// (the test target depends on the executable target, so SwiftPM builds it into the same folder).
enum ShortlistBinary {
    static let url: Result<URL, BinaryError> = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SHORTLIST_BIN"], !path.isEmpty { return .success(URL(fileURLWithPath: path)) }
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        var searched: [String] = []
        for start in starts {
            var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("shortlist")
                searched.append(candidate.path)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return .success(candidate)
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return .failure(.notFound(searched: searched))
    }()

    static func path() throws -> String { try url.get().path }
}

/// The instant every CLI test runs at (SHORTLIST_NOW): Friday 20 November 2026, 10:00 in London.
let fixedNow = "2026-11-20T10:00:00Z"
/// The same instant as the clock of every store a CLI test opens with the library: no test helper offers the real one.
let sandboxClock: @Sendable () -> Date = { Timestamp.parse(iso: fixedNow)! }
let admin = "Ann Admin"

/// The machine's clock as the binary sees it: where datefudge is installed (`.ci/run` installs it), every
/// run of the binary sees a clock over a year from the real one, so that a CLI test that still
/// depended on today's date (instead of SHORTLIST_NOW) would fail on every run, not on some day.
/// (libfaketime is no use here: under it a Swift program's `CommandLine.arguments` comes back empty.)
enum MachineClock {
    /// The preloadable library, if this machine has it.
    static let fudgeLibrary: String? = ["/usr/lib/x86_64-linux-gnu/datefudge/datefudge.so",
                                        "/usr/lib/aarch64-linux-gnu/datefudge/datefudge.so"]
        .first { FileManager.default.fileExists(atPath: $0) }
    /// How far the binary's clock is moved from the real one.
    static let offsetDays = 400
    /// The environment that moves it (empty where datefudge is missing); DATEFUDGE is subtracted from the time.
    static let shifted: [String: String] = fudgeLibrary.map {
        ["LD_PRELOAD": $0, "DATEFUDGE": String(-offsetDays * 86_400)]
    } ?? [:]
}

/// A temporary folder with its own database path, in which the binary is run; removed at the end.
final class Sandbox {
    let folder: URL
    /// The database the environment points to (SHORTLIST_DB); it does not exist until created.
    let database: String
    /// The environment every run starts from: no SHORTLIST_USER, HOME in the folder, a fixed clock.
    var environment: [String: String]

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("shortlist-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("shortlist.sqlite").path
        let inherited = ProcessInfo.processInfo.environment
        environment = ["HOME": folder.path, "SHORTLIST_DB": database, "SHORTLIST_NOW": fixedNow,
                       "PATH": inherited["PATH"] ?? "/usr/bin:/bin"]
        for name in ["LD_LIBRARY_PATH", "TMPDIR"] { environment[name] = inherited[name] }
        environment.merge(MachineClock.shifted) { $1 }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes a file into the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// Copies a fixture into the folder and returns its path.
    @discardableResult
    func copyFixture(_ relativePath: String, as name: String) throws -> String {
        try write(name, try Data(contentsOf: fixtureURL(relativePath)))
    }

    /// Creates the database with the library: the admin, a searcher and vacancy TA-2026-03.
    @discardableResult
    func createDatabase(candidates: [String] = []) throws -> Store {
        let store = try Store.create(at: database, admin: admin, clock: { Timestamp.parse(iso: fixedNow)! })
        try store.addStaff(name: "Sam Searcher", roles: [.searcher], by: admin)
        var draft = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant (Year 2)")
        draft.site = "Riverside Primary School"
        try store.addVacancy(draft, by: admin)
        for name in candidates { try store.addCandidate(to: "TA-2026-03", CandidateDraft(fullName: name), by: admin) }
        return store
    }

    /// Opens the database with the library.
    func store() throws -> Store { try Store.open(at: database, clock: sandboxClock) }

    /// Starts the binary (or `executable`) and returns the running process; its output goes to files.
    func start(_ arguments: [String], executable: String? = nil, environment extra: [String: String] = [:],
               stdin: Data? = nil, in directory: URL? = nil) throws -> RunningCommand {
        try RunningCommand(executable: executable ?? ShortlistBinary.path(), arguments: arguments,
                           environment: environment.merging(extra) { $1 }, stdin: stdin, directory: directory ?? folder)
    }

    /// Runs the binary to the end (killing it after `timeout` seconds) and returns its status and output.
    func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: Data? = nil, in directory: URL? = nil,
             timeout: TimeInterval = 60) throws -> CommandResult {
        try start(arguments, environment: extra, stdin: stdin, in: directory).finish(timeout: timeout)
    }

    /// Runs the binary and expects exit 0 with nothing on stderr; returns stdout.
    @discardableResult
    func succeed(_ arguments: [String], environment extra: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, environment: extra)
        #expect(result.status == 0 && !result.signalled, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == "", "\(arguments)", sourceLocation: sourceLocation)
        return result.stdout
    }
}

/// A process started by a test, with stdout and stderr going to temporary files (no pipe can fill up).
final class RunningCommand {
    /// The process, started by the library's ChildProcess: Foundation's Process learns of a child's end from a
    /// socket that a process started meanwhile by another test can inherit, which kept a finished command
    /// "running" until that other process (a server) ended.
    private let child: ChildProcess
    let arguments: [String]
    private let outURL: URL, errURL: URL, inURL: URL?

    init(executable: String, arguments: [String], environment: [String: String], stdin: Data?, directory: URL) throws {
        self.arguments = arguments
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("shortlist-io-\(UUID().uuidString)")
        outURL = base.appendingPathExtension("out")
        errURL = base.appendingPathExtension("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        if let stdin {
            inURL = base.appendingPathExtension("in")
            try stdin.write(to: inURL!)
        } else {
            inURL = nil
        }
        child = try ChildProcess(executable, arguments: arguments, environment: environment, input: inURL?.path,
                                 output: outURL.path, error: errURL.path, directory: directory.path)
    }

    deinit {
        for url in [outURL, errURL] + (inURL.map { [$0] } ?? []) { try? FileManager.default.removeItem(at: url) }
    }

    var isRunning: Bool { child.isRunning }

    /// Sends SIGKILL.
    func kill() { child.signal(SIGKILL) }

    /// Sends SIGTERM (a server's clean stop).
    func terminate() { child.signal(SIGTERM) }

    /// What the process has written to standard output so far (for a server's address).
    var outputSoFar: String { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }

    /// Waits for the end (killing the process after `timeout` seconds) and returns its status and output.
    func finish(timeout: TimeInterval = 60) throws -> CommandResult {
        let outcome = child.wait(timeout: timeout)
        let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        switch outcome {
        case .timedOut: throw BinaryError.timedOut(arguments, stdout: out, stderr: err)
        case let .exited(status): return CommandResult(status: status, signalled: false, stdout: out, stderr: err)
        case let .signalled(signal): return CommandResult(status: signal, signalled: true, stdout: out, stderr: err)
        }
    }
}

/// Runs another program (a path) to its end, in the temporary folder with this process's environment.
func runProgram(_ program: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> CommandResult {
    try RunningCommand(executable: program, arguments: arguments, environment: ProcessInfo.processInfo.environment, stdin: nil,
                       directory: FileManager.default.temporaryDirectory).finish(timeout: timeout)
}

/// A fixture file by its path under `Tests/ShortlistKitTests/Fixtures/`: the library and CLI tests share
/// one fixture per case, kept with the library tests.
func fixtureURL(_ relativePath: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ShortlistKitTests/Fixtures").appendingPathComponent(relativePath)
}

/// The bytes of a string: comparisons that must not apply Unicode equivalence.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
