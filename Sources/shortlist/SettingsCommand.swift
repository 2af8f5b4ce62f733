import ArgumentParser
import ShortlistKit

extension SchoolSetting: ExpressibleByArgument {}

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the school's settings (KCSIE edition, lawful basis, default protocol, templates, retention).",
        subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the school's settings.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            Console.list(.settings(try store.open().schoolSettings()), output.format)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting (admins only); the old value stays in the audit trail.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The setting: \(SchoolSetting.allCases.map(\.rawValue).joined(separator: ", ")).") var setting: SchoolSetting
        @Argument(help: "The new value.") var value: String

        func run() throws {
            try store.open().setSchoolSetting(setting, to: value, by: actor.actor)
            Console.print("\(setting.rawValue): \(value)")
        }
    }
}
