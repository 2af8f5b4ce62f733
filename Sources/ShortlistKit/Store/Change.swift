import Foundation
import GRDB

/// One write transaction in progress: who is acting, when, and the audit events it appends.
///
/// Every named write of the store runs with one `Change`; its events commit or roll back
/// with the data they describe.
final class Change {
    let db: Database
    /// The database file, for the evidence folder beside it.
    let storePath: String
    /// The acting staff member; nil only while the first admin of a new database is added.
    let actor: StaffMember?
    let osAccount: String
    let now: Date
    /// `now` in the stored form.
    let timestamp: String
    /// The date in Europe/London at `now`.
    let today: Day
    /// How the change was made (`Store.channel`): recorded as `made_via` in every event's details when set.
    let channel: String?

    private var head: (seq: Int64, hash: String)?
    private var insertEvent: Statement?
    private var insertDetail: Statement?
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(db: Database, storePath: String, actorName: String?, now: Date, channel: String? = nil) throws {
        self.db = db
        self.channel = channel
        self.storePath = storePath
        self.now = now
        self.timestamp = Timestamp.iso(now)
        self.today = Day(now)
        self.osAccount = Change.operatingSystemAccount()
        if let actorName {
            let name = actorName.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw ShortlistError.actorRequired }
            guard let member = try StaffMember.fetch(db, named: name) else {
                throw ShortlistError.unknownActor(name: name)
            }
            actor = member
        } else {
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") == 0 else {
                throw ShortlistError.actorRequired
            }
            actor = nil
        }
    }

    /// The acting staff member's name as recorded in events.
    var actorName: String { actor?.name ?? "(setup)" }

    /// Refuses the change unless the actor holds one of `roles`.
    func require(_ roles: [StaffRole], to operation: String) throws {
        guard let actor else { return }
        if actor.roles.contains(where: roles.contains) { return }
        throw ShortlistError.roleRequired(actor: actor.name, roles: roles.map(\.rawValue), operation: operation)
    }

    // MARK: - Audit events

    /// Appends one audit event, chained to the one before it. `details` is kept in its own
    /// table (it may hold personal data) and committed to the chain by its hash.
    /// `state` is the record's fields after the change, checked for unsafe text; given, it makes the
    /// event describe the record `entity` `ref`, whose every stored column (`AuditState`) is read back
    /// and hashed into the chain, so that `audit verify` can tell when it no longer matches its last event.
    /// Returns the new event's sequence number.
    @discardableResult
    func record(_ action: String, entity: String, ref: String, vacancyID: Int64? = nil,
                candidateID: Int64? = nil, details: some Encodable, state: [String: String]? = nil) throws -> Int64 {
        var flat = details as? [String: String]
        if let channel { flat?["made_via"] = channel }
        var detailsText = try flat.map(JSONText.object) ?? String(decoding: encoder.encode(details), as: UTF8.self)
        // Details of other shapes are JSON objects too: the mark goes in first (still valid JSON, and hashed the same way).
        if let channel, flat == nil, detailsText.hasPrefix("{") {
            let rest = detailsText.dropFirst()
            detailsText = "{" + JSONText.string("made_via") + ":" + JSONText.string(channel) + (rest.hasPrefix("}") ? "" : ",") + rest
        }
        // Details of other shapes (before and after, reasons) are checked through every string they hold.
        try SafeText.check(ref: ref, state: state, details: flat ?? SafeText.strings(inJSON: detailsText))
        if head == nil { head = try AuditEvent.head(db) }
        // A record's event names it as stored, however the command was given its reference.
        let stored = try state.map { _ in try self.state(entity: entity, ref: ref) }
        let event = AuditEvent(
            seq: head!.seq + 1, at: timestamp, actor: actorName, osAccount: osAccount, action: action,
            entity: entity, entityRef: stored?.ref ?? ref, vacancyID: vacancyID, candidateID: candidateID,
            detailsHash: Digest.sha256(detailsText), stateHash: stored?.hash, prevHash: head!.hash)
        let hash = event.computedHash
        if insertEvent == nil {
            insertEvent = try db.makeStatement(sql: """
                INSERT INTO audit_event (seq, at, actor, os_account, action, entity, entity_ref,
                                         vacancy_id, candidate_id, details_hash, state_hash, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertDetail = try db.makeStatement(sql: "INSERT INTO audit_detail (seq, details) VALUES (?, ?)")
        }
        try insertEvent!.execute(arguments: [
            event.seq, event.at, event.actor, event.osAccount, event.action, event.entity, event.entityRef,
            event.vacancyID, event.candidateID, event.detailsHash, event.stateHash, event.prevHash, hash,
        ])
        try insertDetail!.execute(arguments: [event.seq, detailsText])
        head = (event.seq, hash)
        return event.seq
    }

    private static func operatingSystemAccount() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(geteuid())"
    }
}
