import ArgumentParser
import ShortlistKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new database, readable by its owner only, with its first staff member (an admin).")

    @OptionGroup var store: StoreOptions

    @Option(help: "The first staff member's name; they get the admin role.")
    var admin: String

    @Option(name: .customLong("role"), help: "A further role for the admin (repeatable): searcher, panel, recruiting-manager, governor.")
    var roles: [String] = []

    func run() throws {
        let invocation = Invocation()
        let path = invocation.databasePath(flag: store.db)
        let roles = try roles.map { (r) throws(ShortlistError) in try StaffRole.parse(r) }
        // A new database holds its first admin only.
        let member = try Store.create(at: path, admin: admin, roles: roles, clock: invocation.clock()).staff()[0]
        Console.print("Created \(path)")
        Console.print("Added \(member.name) (\(member.roles.map(\.rawValue).joined(separator: ", "))). "
            + "Next: `shortlist staff add NAME --role searcher --by \"\(member.name)\"`.")
    }
}
