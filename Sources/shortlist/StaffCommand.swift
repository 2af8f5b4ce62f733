import ArgumentParser
import ShortlistKit

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Add and list the staff who act in the tool, and give them web passwords.",
        subcommands: [Add.self, Update.self, List.self, Password.self, Invite.self])
}

extension StaffCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff member (admins only).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The staff member's name.") var name: String
        @Option(name: .customLong("role"), help: "A role (repeatable): admin, searcher, panel, recruiting-manager, governor.")
        var roles: [String] = []

        func run() throws {
            let roles = try roles.map { (r) throws(ShortlistError) in try StaffRole.parse(r) }
            let member = try store.open().addStaff(name: name, roles: roles, by: actor.actor)
            output.format == .table ? Console.print(member.name) : Console.record(.staff([member]), output.format)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Add or remove a staff member's roles (admins only).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The staff member's name.") var name: String
        @Option(help: "A role to add (repeatable).") var addRole: [String] = []
        @Option(help: "A role to remove (repeatable).") var removeRole: [String] = []

        func run() throws {
            let add = try addRole.map { (r) throws(ShortlistError) in try StaffRole.parse(r, field: "--add-role") }
            let remove = try removeRole.map { (r) throws(ShortlistError) in try StaffRole.parse(r, field: "--remove-role") }
            let member = try store.open().updateStaff(name: name, adding: add, removing: remove, by: actor.actor)
            Console.print("\(member.name): \(member.roles.map(\.rawValue).joined(separator: ", "))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff members and their roles.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            Console.list(.staff(try store.open().staff()), output.format)
        }
    }
}
