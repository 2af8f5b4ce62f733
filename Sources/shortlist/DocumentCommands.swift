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

struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier", abstract: "Render the interview panel's dossier for a candidate (Markdown); recorded as produced by you.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var candidate: CandidateArgument
    @OptionGroup var templates: TemplateOptions
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Replace --out if it exists.") var force = false

    func run() throws {
        let store = try store.open()
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
        commandName: "pack", abstract: "Render every dossier of a vacancy and an index page into a folder; recorded as produced by you.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The vacancy reference.") var vacancy: String
    @OptionGroup var templates: TemplateOptions
    @Option(help: "The folder to write the pack into; it must not exist, or be empty.") var out: String
    @Flag(help: "Replace the pack already in the folder (the folder may hold only that pack).") var force = false

    func run() throws {
        let store = try store.open()
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
