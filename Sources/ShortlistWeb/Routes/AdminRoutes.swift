import Foundation
import Hummingbird
import ShortlistKit

/// The admin's pages: the index, settings, the health checks, backups and subject-access exports.
/// Staff are in `StaffRoutes`, retention, holds and the purge in `RetentionRoutes`.
struct AdminRoutes {
    let store: Store
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/admin") { _, context in try index(context: context) }
        router.get("/admin/settings") { _, context in try settings(context: context, errors: []) }
        router.post("/admin/settings/{key}") { _, context in try setSetting(context: context) }
        router.get("/admin/doctor") { _, context in try doctor(context: context) }
        router.get("/admin/backups") { _, context in try backups(context: context) }
        router.post("/admin/backups") { _, context in try takeBackup(context: context) }
        router.get("/admin/export") { _, context in try exportForm(context: context, errors: []) }
        router.post("/admin/export") { _, context in try export(context: context) }
    }

    /// Refuses the request unless the reader is an admin.
    static func requireAdmin(_ context: WebContext) throws {
        guard try context.reader.administers else { throw WebRefusal.forbidden("manage the school's staff, settings and records") }
    }

    private func index(context: WebContext) throws -> Response {
        try Self.requireAdmin(context)
        return pages.page("admin", title: "Administration", context: context)
    }

    // MARK: - Settings

    /// Every setting with a form of its own; the one posted comes back with what was typed and its error beside it.
    private func settings(context: WebContext, errors: [FormError], notice: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.requireAdmin(context)
        let posted = context.parameters.get("key")
        let errorFor = Dictionary(errors.map { ($0.field ?? posted ?? "", $0.message) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String: Any]] = try store.schoolSettings().map { setting, value in
            let key = setting.rawValue
            var row: [String: Any] = ["key": key, "meaning": setting.meaning, "value": key == posted && !errors.isEmpty ? context.form["value"] : value]
            row["error"] = errorFor[key]
            return row
        }
        var values = FormError.values(errors)
        values["settings"] = rows
        values["notice"] = notice
        return pages.page("settings", title: "Settings", context: context, values: values, status: status)
    }

    private func setSetting(context: WebContext) throws -> Response {
        try Self.requireAdmin(context)
        let key = context.parameters.get("key") ?? ""
        guard let setting = SchoolSetting(rawValue: key) else { throw WebRefusal.notFound }
        do {
            try store.setSchoolSetting(setting, to: context.form["value"], by: try context.staff.name)
            return try settings(context: context, errors: [], notice: "\(key) is now \(try store.setting(key) ?? "").")
        } catch let error as ShortlistError {
            return try settings(context: context, errors: [FormError(field: key, message: error.message)], status: .badRequest)
        }
    }

    // MARK: - Health checks and backups

    private func doctor(context: WebContext) throws -> Response {
        try Self.requireAdmin(context)
        let checks = try store.doctor()
        return pages.page("doctor", title: "Health checks", context: context, values: [
            "checks": checks.map { ["name": $0.name, "passed": $0.passed, "detail": $0.detail, "remedy": $0.remedy] },
            "allPassed": checks.allSatisfy(\.passed),
        ])
    }

    private func backups(context: WebContext, notice: String? = nil, errors: [FormError] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.requireAdmin(context)
        var values = FormError.values(errors)
        values["folder"] = try store.backupFolder()
        values["backups"] = try store.backups().map { ["name": $0.name, "at": Timestamp.uk($0.modified), "size": Self.size($0.bytes), "evidence": $0.hasEvidence] }
        values["none"] = (values["backups"] as? [Any])?.isEmpty ?? true
        values["notice"] = notice
        return pages.page("backups", title: "Backups", context: context, values: values, status: status)
    }

    private func takeBackup(context: WebContext) throws -> Response {
        try Self.requireAdmin(context)
        do {
            let result = try store.takeBackup()
            let name = URL(fileURLWithPath: result.path).lastPathComponent
            return try backups(context: context, notice: "Backed up to \(name): \(result.events) audit events verified; \(result.evidenceFiles) evidence files copied.")
        } catch let error as ShortlistError {
            return try backups(context: context, errors: [FormError(field: nil, message: error.message)], status: .conflict)
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, (bytes + 1023) / 1024)) KB"
    }

    // MARK: - Subject access

    private func exportForm(context: WebContext, errors: [FormError], status: HTTPResponse.Status = .ok) throws -> Response {
        try Self.requireAdmin(context)
        var values = FormError.values(errors)
        values["form"] = context.form.typed
        return pages.page("export", title: "Subject access export", context: context, values: values, status: status)
    }

    /// Everything held about a candidate as the JSON `shortlist candidate export` writes, recorded as it records it.
    private func export(context: WebContext) throws -> Response {
        try Self.requireAdmin(context)
        do {
            let reference = try CandidateReference(parsing: context.form["candidate"])
            let export = try store.subjectAccessExport(reference, by: try context.staff.name)
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(reference.subjectAccessFileName)\""],
                            body: .init(byteBuffer: ByteBuffer(string: export.json)))
        } catch let error as ShortlistError {
            return try exportForm(context: context, errors: [FormError(field: "candidate", message: error.message)], status: .badRequest)
        }
    }
}
