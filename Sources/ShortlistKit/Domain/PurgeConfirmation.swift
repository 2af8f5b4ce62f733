import Foundation

extension PurgePlan {
    /// What must be typed to confirm applying the purge from the web interface: the number of candidates
    /// whose personal data is due, as the preview shows it, so that the count is read before it is confirmed.
    public var confirmationText: String { String(due.count) }

    /// Whether `typed` confirms this plan: the number of candidates due, with surrounding spaces ignored,
    /// and only when something is due.
    public func isConfirmed(by typed: String) -> Bool {
        !due.isEmpty && typed.trimmingCharacters(in: .whitespacesAndNewlines) == confirmationText
    }
}
