import Foundation

/// One run of a whole process: wall time, peak memory, exit status and output.
struct ProcessRun {
    var seconds: Double
    /// Maximum resident set size, in KiB (from `wait4`'s rusage).
    var maxRSSKiB: Int
    var status: Int32
    var output: String
}

/// Runs programs as whole processes and measures them, as a user would experience them.
enum ProcessTimer {
    /// Runs `executable` with `arguments`; standard input from `input` (a file) or /dev/null,
    /// standard output captured, standard error discarded.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    input: String? = nil, measureMemory: Bool = false) throws -> ProcessRun {
        let outputPath = NSTemporaryDirectory() + "shortlist-bench-\(getpid()).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        // Peak memory comes from /usr/bin/time's report on its own child: posix_spawn shares this
        // process's memory until exec, so wait4 here would count this (large) process as well.
        let memoryPath = outputPath + ".rss"
        let timer = "/usr/bin/time"
        let measured = measureMemory && FileManager.default.isExecutableFile(atPath: timer)
        let command = measured ? [timer, "-f", "%M", "-o", memoryPath, executable] + arguments : [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let started = clock()
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("could not start \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = clock() - started
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let reported = (try? String(contentsOfFile: memoryPath, encoding: .utf8))?
            .split(whereSeparator: \.isNewline).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try? FileManager.default.removeItem(atPath: memoryPath)
        return ProcessRun(seconds: seconds, maxRSSKiB: reported ?? Int(usage.ru_maxrss), status: exit, output: output)
    }

    /// Runs `count` times and returns the run with the median time, with the peak memory of one more run.
    static func median(_ count: Int, _ executable: String, _ arguments: [String], environment: [String: String] = [:],
                       input: String? = nil, before: () throws -> Void = {}) throws -> ProcessRun {
        var runs: [ProcessRun] = []
        for _ in 0..<count {
            try before()
            let run = try run(executable, arguments, environment: environment, input: input)
            guard run.status == 0 else {
                throw BenchError("\(([executable] + arguments).joined(separator: " ")) exited with \(run.status)")
            }
            runs.append(run)
        }
        var middle = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
        // Memory from one more run under /usr/bin/time, so that its cost is in no timing.
        try before()
        middle.maxRSSKiB = try run(executable, arguments, environment: environment, input: input, measureMemory: true).maxRSSKiB
        return middle
    }

    private static func clock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
