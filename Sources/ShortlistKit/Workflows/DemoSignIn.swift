import Foundation

extension Demo {
    /// Gives the demonstration's searcher a password made for this run, for the web interface
    /// (`shortlist serve`), and returns the name and password to print. Demo databases only.
    public static func webSignIn(in folder: String, clock: @escaping @Sendable () -> Date) throws(ShortlistError) -> (name: String, password: String) {
        let store = try Store.open(at: folder + "/shortlist.sqlite", clock: clock)
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let groups = (0..<3).map { _ in String((0..<4).map { _ in letters.randomElement(using: &generator)! }) }
        let password = "demo-" + groups.joined(separator: "-")
        try store.setPassword(of: searcher, to: password, by: searcher)
        return (searcher, password)
    }
}
