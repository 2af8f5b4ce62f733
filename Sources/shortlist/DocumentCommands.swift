import ArgumentParser
import Foundation
import ShortlistKit

/// Which templates to render with.
struct TemplateOptions: ParsableArguments {
    @Option(help: "A folder of the school's templates; each replaces the built-in one of the same name (default: the templates_dir setting).")
    var templates: String?

    func load(_ store: Store) throws -> TemplateSet {
        try TemplateSet.load(overrides: templates ?? store.setting("templates_dir"))
    }
}

extension DocumentFormat: ExpressibleByArgument {}

/// Refuses to write a PDF to standard output when it is a terminal.
func refuseTerminal(for format: DocumentFormat) throws {
    if format == .pdf, isatty(STDOUT_FILENO) == 1 {
        throw ValidationError("A PDF is not shown on a terminal: give --out FILE.pdf, or send standard output to a file.")
    }
}

struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier", abstract: "Render the interview panel's dossier for a candidate; recorded as produced by you.",
        discussion: """
            Markdown by default. --format html writes one self-contained page laid out for A4 (page 1: who, when they \
            were told, complete or DRAFT, and each question with space for the answer and the panel's conclusion; \
            the searches follow); --format pdf prints that page with a headless Chromium (chromium, chromium-browser \
            or google-chrome on PATH, or the program SHORTLIST_CHROMIUM names).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var candidate: CandidateArgument
    @OptionGroup var templates: TemplateOptions
    @Option(help: "markdown, html (printable, self-contained) or pdf (printed by Chromium).") var format: DocumentFormat = .markdown
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Replace --out if it exists.") var force = false

    func run() throws {
        let store = try store.open()
        if format != .markdown {
            if let out {
                try store.writeDocument(.dossier(candidate.reference()), format: format, to: out, replacing: force, templates: templates.load(store),
                                        by: actor.actor)
                return Console.error("Wrote \(out)")
            }
            try refuseTerminal(for: format)
            return try store.document(.dossier(candidate.reference()), format: format, templates: templates.load(store), by: actor.actor) {
                FileHandle.standardOutput.write($0.data)
            }
        }
        if let out {
            try store.writeDossier(candidate.reference(), to: out, replacing: force, templates: templates.load(store), by: actor.actor)
            return Console.error("Wrote \(out)")
        }
        try store.dossier(candidate.reference(), templates: templates.load(store), by: actor.actor) { (document) throws(ShortlistError) in
            FileHandle.standardOutput.write(Data(document.text.utf8))
        }
    }
}

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Render every dossier of a vacancy and an index page; recorded as produced by you.",
        discussion: """
            In Markdown (the default), --out is a folder that gets index.md and one file per dossier. With --format html \
            or pdf, --out is ONE file (such as pack.pdf) to print whole: the index page, then each dossier from a new page, \
            every page headed with that dossier's candidate.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The vacancy reference.") var vacancy: String
    @OptionGroup var templates: TemplateOptions
    @Option(help: "markdown (a folder of files), html or pdf (one file to print).") var format: DocumentFormat = .markdown
    @Option(help: "Markdown: the folder to write the pack into; it must not exist, or be empty. html or pdf: the file to write.") var out: String
    @Flag(help: "Replace the pack already there (a folder may hold only that pack).") var force = false

    func run() throws {
        let store = try store.open()
        if format != .markdown {
            try store.writeDocument(.pack(vacancy: vacancy), format: format, to: out, replacing: force, templates: templates.load(store), by: actor.actor)
            return Console.print("Wrote \(out)")
        }
        let pack = try store.writePack(vacancy, to: out, force: force, templates: templates.load(store), by: actor.actor)
        Console.print("Wrote \(pack.files.count) files to \(pack.folder): index.md and \(pack.dossiers) \(pack.dossiers == 1 ? "dossier" : "dossiers").")
    }
}

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Export the built-in templates for a school to edit.", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the built-in templates into a folder; use it with --templates DIR or the templates_dir setting.")

        @Argument(help: "The folder.") var folder: String
        @Flag(help: "Replace templates that exist there.") var force = false

        func run() throws {
            let written = try TemplateSet.export(to: folder, force: force)
            written.forEach { Console.print($0) }
        }
    }
}
