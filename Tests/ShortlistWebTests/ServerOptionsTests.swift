import Foundation
import HTTPTypes
import ShortlistKit
@testable import ShortlistWeb
import Testing

@Suite("Server options and the request log")
struct ServerOptionsTests {
    @Test("only loopback addresses serve without TLS; a host name that starts with 127. is not one")
    func loopback() throws {
        for listen in ["127.0.0.1:8080", "127.1.2.3:0", "localhost:8080", "[::1]:8080"] {
            #expect(try WebServerOptions(listen: listen).isLoopback, "\(listen)")
        }
        for listen in ["127.0.0.1.example.lan:8080", "0.0.0.0:8080", "[::]:8080", "192.168.1.10:8080", "128.0.0.1:80"] {
            #expect(throws: ShortlistError.self, "\(listen)") { try WebServerOptions(listen: listen) }
            #expect(try WebServerOptions(listen: listen, behindProxy: true).isLoopback == false, "\(listen)")
        }
    }

    @Test("an invitation's token never reaches the request log; other paths are logged as they are")
    func invitationTokenNotLogged() {
        #expect(RequestLogMiddleware.logged("/invite/3f9ae1c0d2") == "/invite/(token)")
        #expect(RequestLogMiddleware.logged("/vacancies/TA-2026-03/candidates/1") == "/vacancies/TA-2026-03/candidates/1")
    }
}
