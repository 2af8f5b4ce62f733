import Foundation
import Hummingbird
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

/// The protected-characteristic rule, across the whole web interface: a panel member and a governor follow every
/// link they are given on the demonstration, and no response body (page, download, document) holds what they
/// must never see.
@Suite struct CrawlTests {
    /// Every text the demo records that a panel member must never read: the finding about a protected
    /// characteristic, the one decided "no further action", and the one still awaiting decision.
    static let protectedText = ["faith community"]
    static let unraisedText = ["school prank", "videos of fights"]

    @Test func panelMembersNeverReachWhatThePanelMustNotSee() async throws {
        let crawl = try await Self.crawl(as: "Tom Ellis")
        Self.expect(crawl, holdsNoneOf: Self.protectedText + Self.unraisedText)
        // What the panel must see is there, so the crawl reached the panel's pages.
        #expect(crawl.values.contains { $0.contains("how you describe pupils") }, "the raised finding's question is on no page the panel reached")
    }

    @Test func governorsNeverReachAProtectedFinding() async throws {
        let crawl = try await Self.crawl(as: "Grace Okafor")
        Self.expect(crawl, holdsNoneOf: Self.protectedText)
        #expect(crawl.keys.contains("/vacancies"), "the governor's crawl did not reach the vacancies")
    }

    @Test func theCrawlFindsTheProtectedTextWhereItIsShown() async throws {
        // The control: the searcher who recorded the protected finding (an admin too) does reach its text, so the
        // crawl's search would notice it on a page the panel or a governor could open.
        let crawl = try await Self.crawl(as: Demo.searcher)
        #expect(crawl.values.contains { page in Self.protectedText.contains { page.contains($0) } })
    }

    static func expect(_ crawl: [String: String], holdsNoneOf texts: [String]) {
        #expect(crawl.count > 3, "the crawl reached only \(crawl.keys.sorted())")
        for (path, body) in crawl.sorted(by: { $0.key < $1.key }) {
            for text in texts { #expect(!body.contains(text), "\(path) holds \"\(text)\"") }
        }
    }

    /// Signs in as `name` on a new demonstration database and follows every link from the home page (GET only,
    /// this site's paths, each once); returns each path's response body.
    static func crawl(as name: String) async throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shortlist-crawl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = fixedWebClock
        _ = try Demo.build(in: folder, clock: clock)
        let store = try Store.open(at: folder + "/shortlist.sqlite", clock: clock)
        try store.setPassword(of: name, to: WebFixture.password, by: Demo.searcher)
        let app = Application(router: try WebServer.router(store: store, secureCookies: false))
        return try await app.test(.router) { client in
            let web = WebClient(client: client)
            let cookie = try #require(try await web.signIn(name).cookie)
            var bodies: [String: String] = [:]
            var queue = ["/"]
            while let path = queue.first, bodies.count < 400 {
                queue.removeFirst()
                guard bodies[path] == nil else { continue }
                let page = try await web.get(path, cookie: cookie)
                bodies[path] = page.body
                queue += links(in: page.body).filter { bodies[$0] == nil }
            }
            return bodies
        }
    }

    /// The site's own paths a page links to, without fragments.
    static func links(in html: String) -> [String] {
        html.matches(of: /href="([^"]*)"/).compactMap { match in
            let link = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
            let path = String(link.prefix { $0 != "#" })
            return path.hasPrefix("/") && !path.hasPrefix("//") ? path : nil
        }
    }
}

/// A fixed instant for tests that build the demonstration (never the machine's clock).
let fixedWebClock: @Sendable () -> Date = { Timestamp.parse(iso: "2026-11-20T10:00:00Z")! }
