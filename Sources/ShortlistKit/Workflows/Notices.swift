import Foundation

extension Store {
    /// Renders the notices of `vacancy` (for `candidate` alone, or for every candidate not yet told) and, with
    /// `folder`, writes each there as a new owner-only file. With `recordAs`, records each as sent that way
    /// today, its text kept. The files are written whole (not yet named) before the recording transaction,
    /// and named once it has committed: a failed write records nothing, and a file in place was recorded.
    public func writeNotices(vacancy: String, candidate: CandidateReference? = nil, format: CandidateNotice.Format, to folder: String?,
                             recordAs means: NotificationMeans?, templates: TemplateSet, by actor: String?) throws(ShortlistError) -> [RenderedNotice] {
        guard format != .file else {
            throw .invalidValue(field: "--format", value: format.rawValue, expected: "text, html or eml")
        }
        let notices = try noticeSource(vacancy: vacancy, candidate: candidate, by: actor).render(format, templates: templates, now: clock())
        guard !notices.isEmpty else { return [] }
        guard let folder else {
            if let means { try recordNotices(notices.map(\.record), via: means, by: actor) }
            return notices
        }
        let paths = notices.map { folder + "/" + $0.fileName }
        for path in paths { try AtomicFile.refuseExisting(path, remedy: "Move it away, or write into another folder with --out") }
        try AtomicFile.createFolder(folder)
        var staged: [StagedFile] = []
        do throws(ShortlistError) {
            for (notice, path) in zip(notices, paths) { staged.append(try AtomicFile.stage(Data(notice.content.utf8), for: path)) }
            if let means { try recordNotices(notices.map(\.record), via: means, by: actor) }
            for file in staged { try file.publish(replacing: false, recorded: means != nil) }
            return notices
        } catch {
            staged.forEach { $0.discard() }
            throw error
        }
    }
}

extension Store {
    /// The appointee's line for the single central record: from their searches, or what the purge kept.
    public func singleCentralRecordLine(_ reference: CandidateReference) throws(ShortlistError) -> SingleCentralRecordLine {
        let (vacancy, progress) = try searchProgress(candidate: reference)
        return try SingleCentralRecordLine(progress, vacancy: vacancy)
    }

    /// The line of each appointee of `vacancy` (one, once appointed); refuses a vacancy with no appointee yet.
    public func singleCentralRecordLines(vacancy reference: String) throws(ShortlistError) -> [SingleCentralRecordLine] {
        guard let progress = try searchProgress(vacancy: reference).first else { throw .unknownVacancy(reference: reference) }
        let appointed = progress.candidates.filter { $0.candidate.outcome == .appointed }
        guard !appointed.isEmpty else {
            throw .notAllowed(record: progress.vacancy.reference, reason: "has no appointed candidate yet; the single central record holds staff",
                              remedy: "Record the appointment first: `shortlist vacancy close \(progress.vacancy.reference) --appoint NUMBER`.")
        }
        return try appointed.map { (candidate) throws(ShortlistError) in try SingleCentralRecordLine(candidate, vacancy: progress.vacancy) }
    }
}
