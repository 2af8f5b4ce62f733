import Foundation

/// Prints a self-contained HTML document to PDF with a headless Chromium (or Chrome).
///
/// The HTML is written into a new owner-only (0700) temporary folder, with the browser's profile beside it,
/// and the folder is removed whatever happens. The browser runs in a process group of its own, with a time
/// limit after which the whole group is stopped, and with name lookups turned off, so that nothing can be
/// fetched. What it says on standard error is kept for the message if it fails.
public struct PDFPrinter: Sendable {
    /// The programs looked for on PATH, in order, when neither `chromium` nor SHORTLIST_CHROMIUM names one.
    public static let programs = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// The environment variable that names the program to print with.
    public static let variable = "SHORTLIST_CHROMIUM"

    /// The program to print with; nil: SHORTLIST_CHROMIUM, else the first of `programs` on PATH.
    public var chromium: String?
    /// How long printing may take before the browser is stopped.
    public var timeout: TimeInterval
    public var environment: [String: String]

    public init(chromium: String? = nil, timeout: TimeInterval = 90, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.chromium = chromium
        self.timeout = timeout
        self.environment = environment
    }

    /// The environment variables the browser is given (and `LC_…`).
    static let passedVariables: Set<String> = ["PATH", "TMPDIR", "LANG", "LANGUAGE", "FONTCONFIG_FILE", "FONTCONFIG_PATH", "XDG_RUNTIME_DIR"]

    /// What to do when there is no browser to print with.
    static let remedy = "Install Debian's chromium (`apt-get install chromium`), or set \(variable) to a Chromium or Chrome program; "
        + "or make the document as HTML (--format html) and print it from a browser. Nothing was written or recorded"

    /// The program that will print: named, or found on PATH. Throws, saying how to install one, when there is none.
    public func program() throws(ShortlistError) -> String {
        if let named = chromium ?? environment[PDFPrinter.variable].flatMap({ $0.isEmpty ? nil : $0 }) {
            let path = named.contains("/") ? named : PDFPrinter.onPath(named, environment: environment)
            guard let path, access(path, X_OK) == 0 else {
                throw .notAllowed(record: "Printing to PDF", reason: "\(PDFPrinter.variable) names '\(named)', which is not a program that can be run",
                                  remedy: "Set it to a Chromium or Chrome program (such as /usr/bin/chromium), or unset it. Nothing was written or recorded")
            }
            return path
        }
        for name in PDFPrinter.programs {
            if let path = PDFPrinter.onPath(name, environment: environment) { return path }
        }
        throw .notAllowed(record: "Printing to PDF", reason: "no Chromium or Chrome was found to print with (looked for "
            + PDFPrinter.programs.joined(separator: ", ") + " on PATH)", remedy: PDFPrinter.remedy)
    }

    /// Whether a browser is there to print with (for offering a PDF at all).
    public var isAvailable: Bool { (try? program()) != nil }

    static func onPath(_ name: String, environment: [String: String]) -> String? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Prints `html` (a self-contained document, which loads nothing) and returns the PDF. `document` names
    /// it in messages, such as `the dossier of TA-2026-03/1`.
    public func print(html: Data, document: String) throws(ShortlistError) -> Data {
        let program = try program()
        let folder = try PDFPrinter.privateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/document.html", pdf = folder + "/document.pdf"
        try AtomicFile.create(page, data: html, sync: false)
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-sync", "--disable-background-networking", "--disable-component-update",
                         "--host-resolver-rules=MAP * ~NOTFOUND",
                         "--user-data-dir=\(folder)/profile", "--crash-dumps-dir=\(folder)/crashes",
                         "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString]
        // Chromium refuses to start its sandbox as root.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        // The browser gets only what it needs to find its libraries and fonts, and a home in the private folder, so
        // that nothing it writes outlives the print, and no setting of shortlist's (nor a preloaded library) reaches it.
        var passed = environment.filter { PDFPrinter.passedVariables.contains($0.key) || $0.key.hasPrefix("LC_") }
        passed["HOME"] = folder
        let said = folder + "/stderr.txt"
        let child: ChildProcess
        do {
            child = try ChildProcess(program, arguments: arguments, environment: passed, output: said, error: said, ownGroup: true)
        } catch {
            throw .notAllowed(record: "Printing to PDF", reason: "\(program) could not be started (\(error.text))", remedy: PDFPrinter.remedy)
        }
        let run = child.wait(timeout: timeout)
        let lastSaid = PDFPrinter.lastLines(of: said)
        let data = FileManager.default.contents(atPath: pdf)
        guard case .exited(0) = run, let data, data.starts(with: Array("%PDF-".utf8)) else {
            let how = switch run {
            case .timedOut: "did not finish within \(Int(timeout)) seconds and was stopped"
            case let .exited(status): status == 0 ? "wrote no PDF" : "stopped with exit status \(status)"
            case let .signalled(signal): "was stopped by signal \(signal)"
            }
            throw .notAllowed(record: "Printing \(document) to PDF", reason: "\(program) \(how)" + (lastSaid.isEmpty ? "" : " (it said: \(lastSaid))"),
                              remedy: "Nothing was written or recorded. Check that `\(program) --headless --version` runs, or make the "
                                + "document as HTML (--format html) and print it from a browser")
        }
        return data
    }

    /// A new folder only its owner can enter, in the system's temporary folder.
    static func privateFolder() throws(ShortlistError) -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/shortlist-print.XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .file(path: base, reason: "a private temporary folder could not be made to print in (\(Errno.current.text)); "
                + "nothing was written or recorded. Check TMPDIR and free space")
        }
        let path = String(cString: made)
        chmod(path, 0o700)
        return path
    }

    /// The browser's last few lines on standard error, without the noise it makes on every run.
    static func lastLines(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("dbus") && !$0.contains("bytes written to file") }
        let kept = lines.suffix(4).joined(separator: " / ")
        return kept.count > 600 ? String(kept.suffix(600)) : kept
    }
}
