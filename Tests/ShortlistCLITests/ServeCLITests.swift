import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ShortlistKit

@Suite("CLI: serve, and staff passwords")
struct ServeCLITests {
    @Test("a copy of the binary alone serves its pages and stylesheet on a random loopback port, logs each request and stops on SIGTERM")
    func serveAlone() async throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let alone = sandbox.path("bin")
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try ShortlistBinary.path(), toPath: alone + "/shortlist")
        let server = try sandbox.start(["serve", "--listen", "127.0.0.1:0"], executable: alone + "/shortlist")
        var address: String?
        for _ in 0..<500 where address == nil {
            address = server.outputSoFar.firstMatch(of: /at (http:\/\/127\.0\.0\.1:\d+\/)/).map { String($0.1) }
            try await Task.sleep(for: .milliseconds(20))
        }
        let base = try #require(address)
        #expect(server.outputSoFar == "Serving \(sandbox.database) at \(base) (Ctrl-C stops it).\n")
        let (page, response) = try await URLSession.shared.data(from: URL(string: base + "sign-in?next=secret")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("<h1>Sign in</h1>"))
        let (style, _) = try await URLSession.shared.data(from: URL(string: base + "style.css")!)
        #expect(String(decoding: style, as: UTF8.self).hasPrefix("/* shortlist: one small stylesheet"))
        server.terminate()
        let result = try server.finish(timeout: 20)
        #expect(result.status == 0, "\(result)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result)")
        #expect(lines.first?.firstMatch(of: /^\S+Z GET \/sign-in 200 \d+ms$/) != nil, "\(result)")
        #expect(lines.last == "Stopped.")
        #expect(!result.stderr.contains("secret"))
    }

    @Test("a non-loopback address is refused without TLS or --behind-proxy, saying why")
    func refusesOpenAddress() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let result = try sandbox.run(["serve", "--listen", "0.0.0.0:8080"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: --listen 0.0.0.0:8080: it is not a loopback address, and the pages would cross the network unencrypted. \
            Give --tls-cert FILE --tls-key FILE, or put a TLS proxy (nginx, Caddy) in front and add --behind-proxy; or listen on 127.0.0.1.

            """)
        let half = try sandbox.run(["serve", "--listen", "127.0.0.1:8080", "--tls-cert", "cert.pem"])
        #expect(half.status == 64)
        #expect(half.stderr.contains("both --tls-cert and --tls-key, or neither"))
    }

    @Test("staff password reads the password from stdin, and staff invite prints a one-use link")
    func passwords() throws {
        let sandbox = try Sandbox()
        try sandbox.createDatabase()
        let set = try sandbox.run(["staff", "password", "Sam Searcher", "--password-stdin", "--by", admin],
                                  stdin: Data("a long enough password\n".utf8))
        #expect(set.status == 0, "\(set)")
        #expect(set.stdout == "Password set for Sam Searcher; any session they had open has ended.\n")
        let short = try sandbox.run(["staff", "password", "Sam Searcher", "--password-stdin", "--by", admin], stdin: Data("short\n".utf8))
        #expect(short.status == 64)
        #expect(short.stderr.contains("a password of at least 12 characters and at most 72 bytes, on one line"))
        #expect(short.stderr.contains("'(not shown)'"))
        let notAdmin = try sandbox.run(["staff", "password", admin, "--password-stdin", "--by", "Sam Searcher"], stdin: Data("another long password\n".utf8))
        #expect(notAdmin.status == 1)
        let invite = try sandbox.run(["staff", "invite", "Sam Searcher", "--by", admin])
        #expect(invite.status == 0, "\(invite)")
        let lines = invite.stdout.split(separator: "\n")
        #expect(lines.first == "First-time link for Sam Searcher (works once, until 23 November 2026 10:00):")
        #expect(lines.last?.firstMatch(of: /^http:\/\/127\.0\.0\.1:8080\/invite\/[0-9a-f]{64}$/) != nil)
        let store = try sandbox.store()
        guard case let .signedIn(_, staff) = try store.signIn(name: "Sam Searcher", password: "a long enough password") else {
            Issue.record("the password set with --password-stdin does not sign in")
            return
        }
        #expect(staff.name == "Sam Searcher")
    }
}

@Suite("CLI: the demonstration's web sign-in")
struct DemoSignInCLITests {
    @Test("demo prints a demo-only password with which its searcher signs in")
    func demoCredentials() throws {
        let sandbox = try Sandbox()
        let output = try sandbox.succeed(["demo", "--dir", "demo"])
        #expect(output.contains("Or in a browser (demo only: a password made for this demonstration):\n  swift run shortlist serve --db demo/shortlist.sqlite\n"))
        let password = try #require(output.firstMatch(of: /sign in as Alex Morgan, password (demo-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})\n/)).1
        let store = try Store.open(at: sandbox.path("demo/shortlist.sqlite"), clock: sandboxClock)
        guard case let .signedIn(_, staff) = try store.signIn(name: "Alex Morgan", password: String(password)) else {
            Issue.record("the printed demo password does not sign in")
            return
        }
        #expect(staff.roles == [.admin, .searcher])
    }
}
