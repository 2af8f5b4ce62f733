import Foundation

/// A program run as a process of its own: started with posix_spawn, its end learnt from waitpid.
///
/// Not Foundation's Process: on Linux it learns that a child has ended when a socket the child inherited
/// closes, and that socket is not made close-on-exec, so a process started meanwhile on another thread can
/// inherit it too and keep a finished child "running" until that other process ends. Here the child closes
/// every descriptor above standard error before the program starts, so it holds nothing of its parent's
/// (no socket, no database), and nothing of it outlives it elsewhere; and it starts with every signal at
/// its default and none blocked.
final class ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    let pid: pid_t
    /// Whether it leads a process group of its own, which is stopped with it.
    let ownGroup: Bool
    /// How it ended, once it has been seen to end.
    private(set) var outcome: Outcome?

    /// Starts `program` (a path) with standard input from the file `input` (or /dev/null), and standard output
    /// and error appended to the files named (created owner-only; the same file for both is fine), in
    /// `directory` (or this process's), leading a process group of its own when `ownGroup`. Throws what
    /// posix_spawn said.
    init(_ program: String, arguments: [String], environment: [String: String], input: String? = nil,
         output: String, error: String, directory: String? = nil, ownGroup: Bool = false) throws(Errno) {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        try ChildProcess.closeInherited(&actions)
        if let directory {
            guard let changeDirectory = LinuxCalls.spawnChangeDirectory else { throw Errno(ENOSYS) }
            let changed = changeDirectory(&actions, directory)
            guard changed == 0 else { throw Errno(changed) }
        }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        // Every signal as a new program expects it: a server that ignores SIGTERM (to catch it its own way)
        // or blocks a signal in a thread would otherwise pass that on.
        var everySignal = sigset_t(), noSignal = sigset_t()
        sigfillset(&everySignal)
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if ownGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Errno(spawned) }
        self.pid = pid
        self.ownGroup = ownGroup
    }

    deinit {
        if outcome == nil {
            signal(SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// Adds the file actions that close, in the child, every descriptor above standard error: in one action
    /// where glibc has it (2.34), else one for each descriptor open now.
    private static func closeInherited(_ actions: inout posix_spawn_file_actions_t) throws(Errno) {
        if let closeFrom = LinuxCalls.spawnCloseFrom {
            let added = closeFrom(&actions, 3)
            guard added == 0 else { throw Errno(added) }
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// How it ended, or nil while it runs.
    func poll() -> Outcome? {
        if let outcome { return outcome }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return nil }
        let signal = status & 0x7f
        let ended: Outcome = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        outcome = ended
        // Whatever it left running in its group goes with it.
        if ownGroup { kill(-pid, SIGKILL) }
        return ended
    }

    var isRunning: Bool { poll() == nil }

    /// Sends `number` to it (and to its group, when it leads one), unless it has ended.
    func signal(_ number: Int32) {
        guard outcome == nil else { return }
        kill(ownGroup ? -pid : pid, number)
    }

    /// Waits for it to end. After `timeout` seconds it is killed (with its group) and `.timedOut` returned.
    func wait(timeout: TimeInterval) -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
        while true {
            if let ended = poll() { return ended }
            if clock.now > deadline {
                signal(SIGKILL)
                while poll() == nil { usleep(1_000) }
                outcome = .timedOut
                return .timedOut
            }
            usleep(2_000)
        }
    }
}
