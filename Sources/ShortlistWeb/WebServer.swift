import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import ShortlistKit

/// How `shortlist serve` listens.
public struct WebServerOptions: Sendable {
    /// The address to listen on (an IP address or a host name).
    public var host: String
    /// The port (0: a free one, chosen when the server starts).
    public var port: Int
    /// The PEM file of the certificate chain, to serve HTTPS here.
    public var tlsCertificate: String?
    /// The PEM file of the certificate's private key.
    public var tlsKey: String?
    /// TLS is done by a proxy in front (nginx, Caddy): cookies are marked Secure.
    public var behindProxy: Bool

    /// Reads `--listen HOST:PORT` and the TLS options; a non-loopback address without TLS here or in front is refused.
    public init(listen: String, tlsCertificate: String? = nil, tlsKey: String? = nil, behindProxy: Bool = false) throws(ShortlistError) {
        let expected = "HOST:PORT, such as 127.0.0.1:8080 (port 0 picks a free one)"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw .invalidValue(field: "--listen", value: listen, expected: expected)
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .invalidValue(field: "--listen", value: listen, expected: expected) }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw .invalidValue(field: tlsCertificate == nil ? "--tls-cert" : "--tls-key", value: "",
                                expected: "both --tls-cert and --tls-key, or neither")
        }
        self.host = host
        self.port = port
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.behindProxy = behindProxy
        if !isLoopback, tlsCertificate == nil, !behindProxy {
            throw .notAllowed(record: "--listen \(listen)", reason: "it is not a loopback address, and the pages would cross the network unencrypted",
                              remedy: "Give --tls-cert FILE --tls-key FILE, or put a TLS proxy (nginx, Caddy) in front and add --behind-proxy; or listen on 127.0.0.1.")
        }
    }

    /// Listening only on this machine: an IPv4 address in 127.0.0.0/8, the IPv6 loopback, or `localhost`.
    /// A host name that merely starts with "127." is not loopback.
    public var isLoopback: Bool {
        if host.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
    }

    /// Whether the browser reaches the server over TLS, here or in front.
    public var secure: Bool { tlsCertificate != nil || behindProxy }
}

/// The web interface's server: the router with its middleware, over one store.
public enum WebServer {
    /// The router of every page, over `store` (each change it makes is recorded as made through the web).
    public static func router(store: Store, secureCookies: Bool) throws -> Router<WebContext> {
        let store = store.viaWeb
        let pages = try Pages(secureCookies: secureCookies)
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: FormMiddleware())
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.add(middleware: SessionMiddleware(store: store, pages: pages))
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
        SignInRoutes(store: store, pages: pages).add(to: router)
        HomeRoutes(store: store, pages: pages).add(to: router)
        VacancyRoutes(store: store, pages: pages).add(to: router)
        CandidateRoutes(store: store, pages: pages).add(to: router)
        DocumentRoutes(store: store, pages: pages).add(to: router)
        FindingRoutes(store: store, pages: pages).add(to: router)
        PanelRoutes(store: store, pages: pages).add(to: router)
        ReportRoutes(store: store, pages: pages).add(to: router)
        AuditRoutes(store: store, pages: pages).add(to: router)
        AdminRoutes(store: store, pages: pages).add(to: router)
        StaffRoutes(store: store, pages: pages).add(to: router)
        RetentionRoutes(store: store, pages: pages).add(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM; `started` is called with the address once it listens.
    public static func run(store: Store, options: WebServerOptions, started: @escaping @Sendable (String) -> Void) async throws {
        let router = try router(store: store, secureCookies: options.secure)
        var logger = Logger(label: "shortlist")
        logger.logLevel = .error
        let scheme = options.tlsCertificate == nil ? "http" : "https"
        let server: HTTPServerBuilder
        if let certificate = options.tlsCertificate, let key = options.tlsKey {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: configuration)
        } else {
            server = .http1()
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                started("\(scheme)://\(host):\(port)/")
            },
            logger: logger)
        try await app.runService()
    }
}

/// Turns refusals and unexpected library errors into pages; never shows a raw error.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as WebRefusal {
            return pages.refusal(refusal, context: context)
        } catch let error as ShortlistError {
            let status: HTTPResponse.Status = switch error {
            case .unknownVacancy, .unknownCandidate, .unknownFinding: .notFound
            case .roleRequired: .forbidden
            default: .badRequest
            }
            return pages.refusal(status, title: "That could not be done", message: error.message, context: context)
        }
    }
}
