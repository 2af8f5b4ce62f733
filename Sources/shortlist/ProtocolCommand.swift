import ArgumentParser
import Foundation
import ShortlistKit

struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol", abstract: "List, show, import and export search protocols.",
        subcommands: [List.self, Show.self, Import.self, Export.self])
}

extension ProtocolCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every protocol version.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            Console.list(.protocols(try store.open().protocols()), output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the steps of a protocol (NAME, or NAME@VERSION).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The protocol's name, optionally with @VERSION.") var name: String

        func run() throws {
            let found = try store.open().searchProtocol(name)
            if output.format == .table { Console.print("\(found.title): \(found.description)\n") }
            Console.list(.protocolSteps(found), output.format)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import a protocol file; a known name gets a new version (old versions stay).",
            discussion: "Export the default (`shortlist protocol export \"KCSIE standard online search\"`) to see the format.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The protocol file.") var file: String

        func run() throws {
            let (imported, created) = try store.open().importProtocol(file: file, by: actor.actor)
            Console.print(created ? "Imported \(imported.title) (\(imported.steps.count) steps)."
                : "\(imported.title) already has these steps; nothing changed.")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a protocol in its file format, to edit and import again.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The protocol's name, optionally with @VERSION.") var name: String

        func run() throws {
            FileHandle.standardOutput.write(Data(ProtocolFile.export(try store.open().searchProtocol(name)).utf8))
        }
    }
}
