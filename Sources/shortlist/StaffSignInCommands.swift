import ArgumentParser
import Foundation
import ShortlistKit

extension StaffCommand {
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password", abstract: "Set a staff member's password for the web interface (admins only).",
            discussion: "Reads the new password from the terminal without showing it, twice, or one line from standard input with --password-stdin. Their open sessions end.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The staff member's name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                let first = try Terminal.readSecret("New password for \(name): ")
                guard try Terminal.readSecret("The same again: ") == first else {
                    throw ShortlistError.invalidValue(field: "password", value: "(not shown)", expected: "the same password typed twice")
                }
                password = first
            }
            try store.open().setPassword(of: name, to: password, by: actor.actor)
            Console.print("Password set for \(name); any session they had open has ended.")
        }
    }

    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite", abstract: "Print a one-use link with which a staff member chooses their password (admins only).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The staff member's name.") var name: String
        @Option(help: "The address staff open the web interface at.") var baseURL = "http://127.0.0.1:8080"

        func run() throws {
            let invite = try store.open().inviteStaff(name, by: actor.actor)
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            Console.print("First-time link for \(invite.staff) (works once, until \(Timestamp.uk(invite.expiresAt))):")
            Console.print("\(base)/invite/\(invite.token)")
        }
    }
}

/// Reading a secret at the terminal without echoing it.
enum Terminal {
    static func readSecret(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &original) == 0
        if isTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw ShortlistError.invalidValue(field: "password", value: "", expected: "a password typed at the terminal, or --password-stdin")
        }
        return line
    }
}
