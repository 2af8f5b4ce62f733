import ArgumentParser
import Foundation
import ShortlistKit
import ShortlistWeb

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web interface, where staff sign in with their own passwords.",
        discussion: """
            Listens on 127.0.0.1:8080 unless --listen says otherwise. A non-loopback address needs --tls-cert and \
            --tls-key, or --behind-proxy when a proxy in front (nginx, Caddy) does TLS. Logs one line per request \
            to standard error; stops on Ctrl-C (SIGINT) or SIGTERM. Staff get passwords with `shortlist staff password` \
            or `shortlist staff invite`.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "HOST:PORT to listen on (port 0 picks a free one).") var listen = "127.0.0.1:8080"
    @Option(help: "PEM file of the TLS certificate chain, to serve HTTPS here.") var tlsCert: String?
    @Option(help: "PEM file of the TLS private key.") var tlsKey: String?
    @Flag(help: "TLS is done by a proxy in front of this server (cookies are then marked Secure).") var behindProxy = false

    func run() throws {
        let options = try WebServerOptions(listen: listen, tlsCertificate: tlsCert, tlsKey: tlsKey, behindProxy: behindProxy)
        let store = try store.open()
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WebServer.run(store: store, options: options) { address in
                    Console.print("Serving \(store.path) at \(address) (Ctrl-C stops it).")
                }
            } catch {
                outcome.failure = String(describing: error)
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.failure {
            Console.error("error: the server stopped: \(failure)")
            throw ExitCode(1)
        }
        Console.error("Stopped.")
    }
}

/// How the server task ended, read once it has.
private final class ServeOutcome: @unchecked Sendable {
    var failure: String?
}
