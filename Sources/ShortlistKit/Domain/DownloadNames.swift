import Foundation

/// The names downloads are saved under: letters, digits, dots and dashes only, so that every browser and
/// file system keeps them as they are.
public enum DownloadName {
    /// `text` with anything but ASCII letters, digits, dots and dashes made `-`.
    public static func safe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" })
    }
}

extension ReportScope {
    /// The name a download of the report on this scope is saved under: `safer-recruitment-2026-09-01-to-2027-08-31.csv`,
    /// `safer-recruitment-TA-2026-03.json`.
    public func fileName(extension ext: String) -> String {
        let what: String = switch self {
        case let .vacancy(reference): DownloadName.safe(reference)
        case let .period(from, to): "\(from.iso)-to-\(to.iso)"
        }
        return "safer-recruitment-\(what).\(ext)"
    }
}

extension CandidateReference {
    /// The name a subject access export is saved under: `subject-access-TA-2026-03-2.json`.
    public var subjectAccessFileName: String { "subject-access-\(DownloadName.safe(vacancy))-\(number).json" }
}
