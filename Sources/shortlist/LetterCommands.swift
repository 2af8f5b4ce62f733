import ArgumentParser
import Foundation
import ShortlistKit

extension CandidateNotice.Format: ExpressibleByArgument {}
extension NotificationMeans: ExpressibleByArgument {}
extension SubjectAccessFormat: ExpressibleByArgument {}

extension CandidateCommand {
    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice", abstract: "Write the notice that online searches may be done, for each candidate not yet told.",
            discussion: """
                Rendered from the templates letters/notice.text and letters/notice.html (edit them with `shortlist templates export`), \
                with what will be searched from the vacancy's protocol, why, what happens to anything found, how long it is kept and whom \
                to contact (the school_name and privacy_contact settings). --format eml writes one email per candidate, ready to open in \
                Outlook or Thunderbird and send; nothing is sent. --record records each notice as sent today, its text kept for the \
                governors' report.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var templates: TemplateOptions
        @Argument(help: "The vacancy reference.") var vacancy: String
        @Option(help: "Only this candidate (told already or not), such as TA-2026-03/2.") var candidate: String?
        @Option(help: "Write the notices into this folder, one file each (default: standard output, for one notice).") var out: String?
        @Option(help: "text, html or eml.") var format: CandidateNotice.Format = .text
        @Flag(help: "Record each notice as sent today (by email for eml, by letter otherwise; see --via).") var record = false
        @Option(help: "With --record, how they were sent: \(NotificationMeans.allCases.map(\.rawValue).joined(separator: ", ")).")
        var via: NotificationMeans?

        func run() throws {
            let store = try store.open()
            let only = try candidate.map { (text) throws(ShortlistError) in try CandidateReference(parsing: text) }
            if out == nil, candidate == nil {
                let count = try store.noticeSource(vacancy: vacancy, by: actor.actor).candidates.count
                guard count <= 1 else {
                    throw ValidationError("\(count) candidates of \(vacancy) await a notice: write them into a folder with --out DIR, "
                        + "or one with --candidate REF.")
                }
            }
            let means = record ? (via ?? (format == .eml ? .email : .letter)) : nil
            let notices = try store.writeNotices(vacancy: vacancy, candidate: only, format: format, to: out, recordAs: means,
                                                 templates: templates.load(store), by: actor.actor)
            guard !notices.isEmpty else {
                return Console.error("No candidate of \(vacancy) awaits a notice: each is told, withdrawn or purged. "
                    + "Write one again with --candidate REF.")
            }
            guard let out else { return FileHandle.standardOutput.write(Data(notices[0].content.utf8)) }
            for notice in notices { Console.print("\(notice.candidate.reference): \(out)/\(notice.fileName)") }
            if let means { Console.print("Recorded \(notices.count) \(notices.count == 1 ? "notice" : "notices") as sent today by \(means.rawValue).") }
        }
    }

    struct SCRLine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scr-line", abstract: "Print the appointee's line for the single central record (kept after the purge).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var candidate: CandidateArgument

        func run() throws {
            Console.print(try store.open().singleCentralRecordLine(candidate.reference()).text)
        }
    }
}

extension VacancyCommand {
    struct SCR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scr", abstract: "The appointee's online-search line for the single central record, as text or CSV to paste into Excel.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The vacancy reference.") var vacancy: String
        @Option(help: "text or csv.") var format: SCRFormat = .text

        enum SCRFormat: String, ExpressibleByArgument, CaseIterable { case text, csv }

        func run() throws {
            let lines = try store.open().singleCentralRecordLines(vacancy: vacancy)
            switch format {
            case .text: lines.forEach { Console.print($0.text) }
            case .csv: Console.list(.singleCentralRecord(lines), .csv)
            }
        }
    }
}
