import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import ShortlistKit
import ShortlistWeb
import Testing

/// A clock a test moves on, shared by the store and the test.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant = Timestamp.parse(iso: "2026-11-20T10:00:00Z")!

    var now: Date { lock.withLock { instant } }
    func advance(minutes: Double) { lock.withLock { instant = instant.addingTimeInterval(minutes * 60) } }
}

/// A fresh database in a temporary folder: an admin, two searchers, a panel member who sits on
/// TA-2026-03's panel (not on OT-2026-01's), each with a password; and the web interface over it.
final class WebFixture: @unchecked Sendable {
    let folder: URL
    let clock = TestClock()
    let store: Store
    static let password = "correct horse battery"
    static let admin = "Ann Admin", searcher = "Sam Searcher", otherSearcher = "Sue Second", panel = "Pat Panel"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shortlist-web-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = self.clock
        store = try Store.create(at: folder.appendingPathComponent("shortlist.sqlite").path, admin: Self.admin, clock: { clock.now })
        try store.addStaff(name: Self.searcher, roles: [.searcher], by: Self.admin)
        try store.addStaff(name: Self.otherSearcher, roles: [.searcher], by: Self.admin)
        try store.addStaff(name: Self.panel, roles: [.panel], by: Self.admin)
        for name in [Self.admin, Self.searcher, Self.otherSearcher, Self.panel] {
            try store.setPassword(of: name, to: Self.password, by: Self.admin)
        }
        var draft = VacancyDraft(reference: "TA-2026-03", postTitle: "Teaching Assistant (Year 2)")
        draft.interviewDate = Day(clock.now).adding(days: 10)
        draft.panel = [Self.panel]
        try store.addVacancy(draft, by: Self.admin)
        try store.addVacancy(VacancyDraft(reference: "OT-2026-01", postTitle: "Office Manager"), by: Self.admin)
        for name in ["Zoë Ødegaard", "Łukasz Nowak"] {
            var candidate = CandidateDraft(fullName: name)
            candidate.town = "Frodsham"
            try store.addCandidate(to: "TA-2026-03", candidate, by: Self.admin)
        }
    }

    static let manager = "Rita Manager", governor = "Gail Governor", otherPanel = "Olly Other", managerOnPanel = "Bea Both"

    /// Adds, each with a password: a recruiting manager, a governor, a panel member who sits only on OT-2026-01's
    /// panel, and a recruiting manager who also sits on TA-2026-03's panel.
    func addDecisionStaff() throws {
        try store.addStaff(name: Self.manager, roles: [.recruitingManager], by: Self.admin)
        try store.addStaff(name: Self.governor, roles: [.governor], by: Self.admin)
        try store.addStaff(name: Self.otherPanel, roles: [.panel], by: Self.admin)
        try store.addStaff(name: Self.managerOnPanel, roles: [.recruitingManager, .panel], by: Self.admin)
        for name in [Self.manager, Self.governor, Self.otherPanel, Self.managerOnPanel] {
            try store.setPassword(of: name, to: Self.password, by: Self.admin)
        }
        var onOther = VacancyChanges()
        onOther.addPanel = [Self.otherPanel]
        try store.updateVacancy("OT-2026-01", onOther, by: Self.admin)
        var onThis = VacancyChanges()
        onThis.addPanel = [Self.managerOnPanel]
        try store.updateVacancy("TA-2026-03", onThis, by: Self.admin)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `test` with a client of the web interface over this database.
    func test(_ test: @escaping @Sendable (WebClient) async throws -> Void) async throws {
        let app = Application(router: try WebServer.router(store: store, secureCookies: false))
        try await app.test(.router) { client in try await test(WebClient(client: client)) }
    }
}

/// A browser's part: cookies, and the form token of the page last read.
struct WebClient: Sendable {
    let client: any TestClientProtocol

    /// What one response gave.
    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        var location: String? { headers[.location] }
        /// The value of the first `name="csrf"` field on the page.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        /// The cookies the response set, name to value, and their attribute text.
        var setCookies: [String] { headers[values: .setCookie] }
        func cookie(_ name: String) -> String? {
            setCookies.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
        }
    }

    func get(_ uri: String, cookie: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    func post(_ uri: String, _ fields: [(String, String)], cookie: String?) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// A multipart POST with text fields and files (field name, file name, bytes).
    func postMultipart(_ uri: String, _ fields: [(String, String)], files: [(String, String, [UInt8])], cookie: String) async throws -> Page {
        let boundary = "----shortlist-test-boundary"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, file, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(file)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookie]
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Signs in through the sign-in form; returns the session's cookie header and the result page.
    func signIn(_ name: String, password: String = WebFixture.password) async throws -> (cookie: String?, page: Page) {
        let form = try await get("/sign-in")
        let token = try #require(form.cookie("shortlist_form"))
        #expect(form.csrf == token)
        let page = try await post("/sign-in", [("csrf", token), ("name", name), ("password", password)], cookie: "shortlist_form=\(token)")
        return (page.cookie("shortlist_session").map { "shortlist_session=\($0)" }, page)
    }

    /// Signs in and returns the session cookie and its form token, failing the test if either is missing.
    func session(_ name: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try #require(try await signIn(name).cookie)
        let home = try await get("/", cookie: cookie)
        return (cookie, try #require(home.csrf))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
