import Foundation
import GRDB

// MARK: - Store operations

extension SearchProtocol {
    /// Protocols with their steps: the given ids, or every version when nil. One query.
    static func fetchAll(_ db: Database, ids: [Int64]? = nil) throws -> [SearchProtocol] {
        // Two forms, not `? IS NULL OR …`, which would stop SQLite using the key.
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, p.name, p.version, p.description, p.created_at, s.key, s.label, s.kind, s.queries, s.link
            FROM protocol p JOIN protocol_step s ON s.protocol_id = p.id
            \(ids == nil ? "" : "WHERE p.id IN (SELECT value FROM json_each(?))")
            ORDER BY p.name, p.version, s.position
            """, arguments: ids.map { [JSONText.array($0.map(String.init))] } ?? [])
        var protocols: [SearchProtocol] = []
        for row in rows {
            let id: Int64 = row["id"]
            if protocols.last?.id != id {
                protocols.append(SearchProtocol(id: id, name: row["name"], version: row["version"],
                                                description: row["description"], steps: [], createdAt: row["created_at"]))
            }
            protocols[protocols.count - 1].steps.append(SearchStep(
                key: row["key"], label: row["label"], kind: StepKind(rawValue: row["kind"])!,
                queries: JSONText.list(row["queries"]), link: row["link"]))
        }
        return protocols
    }

    static func fetch(_ db: Database, id: Int64) throws -> SearchProtocol {
        guard let found = try fetchAll(db, ids: [id]).first else {
            throw ShortlistError.unknownProtocol(name: "#\(id)")
        }
        return found
    }

    /// Finds `NAME` (its newest version) or `NAME@VERSION`.
    static func fetch(_ db: Database, named text: String) throws -> SearchProtocol {
        var name = text.trimmingCharacters(in: .whitespaces)
        var version: Int?
        if let at = name.lastIndex(of: "@"), let number = Int(name[name.index(after: at)...].drop { $0 == "v" }) {
            version = number
            name = String(name[..<at])
        }
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM protocol WHERE name = ? COLLATE NOCASE AND (? IS NULL OR version = ?)
            ORDER BY version DESC LIMIT 1
            """, arguments: [name, version, version]) else {
            throw ShortlistError.unknownProtocol(name: text)
        }
        return try fetch(db, id: id)
    }
}

extension Store {
    /// Imports a protocol file. A new name starts at version 1; a known name gets a new
    /// version, unless the steps are unchanged, when nothing is written.
    public func importProtocol(file path: String, by actor: String?) throws(ShortlistError) -> (protocol: SearchProtocol, created: Bool) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .file(path: path, reason: "the file cannot be read as UTF-8 text; check the path")
        }
        let parsed = try ProtocolFile.parse(text, file: path)
        return try write(by: actor) { change in
            try change.require([.admin, .searcher], to: "import a protocol")
            let db = change.db
            let latest = try? SearchProtocol.fetch(db, named: parsed.name)
            if let latest, latest.steps == parsed.steps, latest.description == parsed.description {
                return (latest, false)
            }
            let name = latest?.name ?? parsed.name
            let version = (latest?.version ?? 0) + 1
            try db.execute(sql: "INSERT INTO protocol (name, version, description, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, version, parsed.description, change.timestamp])
            let id = db.lastInsertedRowID
            for (index, step) in parsed.steps.enumerated() {
                try db.execute(sql: """
                    INSERT INTO protocol_step (protocol_id, position, key, label, kind, queries, link) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, index + 1, step.key, step.label, step.kind.rawValue,
                                     JSONText.array(step.queries), step.link])
            }
            let created = try SearchProtocol.fetch(db, id: id)
            try change.record("protocol.import", entity: "protocol", ref: created.title,
                              details: ["file": ProtocolFile.export(created)], state: ["file": ProtocolFile.export(created)])
            return (created, true)
        }
    }

    /// Every protocol version, by name and version.
    public func protocols() throws(ShortlistError) -> [SearchProtocol] {
        try read { db in try SearchProtocol.fetchAll(db) }
    }

    /// One protocol: `NAME` for its newest version or `NAME@VERSION`.
    public func searchProtocol(_ name: String) throws(ShortlistError) -> SearchProtocol {
        try read { db in try SearchProtocol.fetch(db, named: name) }
    }
}
