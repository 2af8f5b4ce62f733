import Foundation

extension Listing {
    /// Audit events, oldest first: every field for JSON and CSV; for a table, when, who, what and
    /// which record, with the details summarised and cut short to fit 120 columns.
    public static func auditLog(_ entries: [AuditLogEntry], for format: OutputFormat) -> Listing {
        guard format == .table else { return auditLog(entries) }
        return Listing(columns: [
            Column("seq", "Event"), Column("at", "When"), Column("actor", "Actor"), Column("action", "Action"),
            Column("ref", "Reference"), Column("details", "Details"),
        ], rows: entries.map { e in
            [.number(Int(e.event.seq)), .instant(e.event.at), .text(e.event.actor), .text(e.event.action), .text(e.event.entityRef),
             .text(e.summary)]
        }, fit: TableFit(truncate: ["details"]))
    }

    /// Audit events, oldest first, with every field.
    public static func auditLog(_ entries: [AuditLogEntry]) -> Listing {
        Listing(columns: [
            Column("seq", "Event"), Column("at", "When"), Column("actor", "Actor"), Column("os_account", "Account"),
            Column("action", "Action"), Column("entity", "Record"), Column("ref", "Reference"), Column("details", "Details"),
            Column("hash", "Hash"),
        ], rows: entries.map { e in
            [.number(Int(e.event.seq)), .instant(e.event.at), .text(e.event.actor), .text(e.event.osAccount), .text(e.event.action),
             .text(e.event.entity), .text(e.event.entityRef), e.details.map { .text($0) } ?? .text("(purged)"), .text(e.hash)]
        })
    }
}
