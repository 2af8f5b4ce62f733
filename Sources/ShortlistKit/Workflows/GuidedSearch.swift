import Foundation

/// Where a guided run reads its answers: a terminal or piped standard input, one answer a line.
public protocol AnswerSource {
    /// The next line, or nil at the end of input.
    mutating func nextLine() -> String?
    /// Whether answers are written back after their prompts, so that a piped run's transcript
    /// reads as a conversation (a terminal already shows what was typed).
    var echoesAnswers: Bool { get }
}

/// Leads a searcher through the plan, one query at a time, saving each answer at once in its
/// own transaction: quitting, Ctrl-C or a lost connection loses nothing already answered, and
/// the next run resumes at the first outstanding query.
public struct GuidedSearch {
    let store: Store
    let actor: String?
    /// One candidate, or every candidate of the vacancy who still owes searches.
    let scope: Scope

    public enum Scope: Sendable {
        case candidate(CandidateReference)
        case vacancy(String)
    }

    /// What a run did.
    public struct Summary: Equatable, Sendable {
        public var entries: [Int64] = []
        public var findings: [FindingReference] = []
        public var skipped = 0
        /// Queries still outstanding when the run ended, across the candidates it covered.
        public var remaining = 0
        /// The run ended before every query was answered (quit or end of input).
        public var stoppedEarly = false
    }

    public init(store: Store, actor: String?, scope: Scope) {
        self.store = store
        self.actor = actor
        self.scope = scope
    }

    /// The answers to the outcome prompt: each outcome by its status mark (typed in either case), then skip and quit.
    static let keys: [(key: String, meaning: String)] = SearchOutcome.allCases.map { ($0.mark, $0.meaning) }
        + [("S", "skip for now"), ("Q", "quit")]

    /// Runs the guided search, asking on `out` and reading answers from `input`.
    public func run(input: inout some AnswerSource, out: inout some TextOutputStream) throws(ShortlistError) -> Summary {
        var summary = Summary()
        var session = Session(input: input, out: out)
        defer {
            input = session.input
            out = session.out
        }
        let vacancy = switch scope {
        case let .candidate(reference): reference.vacancy
        case let .vacancy(reference): reference
        }
        let initial = try progress(vacancy)
        let targets = initial.candidates.filter { candidate in
            if case let .candidate(reference) = scope { return candidate.candidate.reference == reference }
            return candidate.isActive && candidate.doneQueries < candidate.plannedQueries
        }
        if case let .candidate(reference) = scope, targets.isEmpty { throw .unknownCandidate(reference: reference.description) }
        guard targets.contains(where: { $0.doneQueries < $0.plannedQueries }) else {
            session.say("Nothing to search: every planned query of \(targets.count == 1 ? targets[0].candidate.reference.description : vacancy) is logged.")
            session.say(statusLine(initial))
            return summary
        }
        // Who is acting, and may they search? Asked before anything else, so a run never starts for nobody.
        let firstFailures = try store.ruleFailures(for: targets[0].candidate.reference, by: actor)
        session.say("Guided search for \(vacancy) (\(initial.vacancy.postTitle)), \(initial.searchProtocol.title).")
        session.say("Rules: view \(publicOnlyRules).")
        guard let confirmed = session.ask("Do you confirm you will follow these rules for every search in this run? [y/n]",
                                          valid: ["y", "yes", "n", "no"]), confirmed.hasPrefix("y") else {
            session.say("Nothing was recorded: a search can be logged only with that confirmation.")
            summary.stoppedEarly = true
            return summary
        }
        var run = Run(summary: summary, complete: initial.candidates.count(where: \.isComplete),
                      candidates: initial.candidates.count, vacancy: initial.vacancy)
        for (index, target) in targets.enumerated() where !run.stopped {
            let failures = index == 0 ? firstFailures : try store.ruleFailures(for: target.candidate.reference, by: actor)
            guard let overrideReason = askOverride(failures, for: target.candidate.reference, run: &run, session: &session) else { continue }
            try search(target, overrideReason: overrideReason.isEmpty ? nil : overrideReason, vacancy: vacancy, run: &run, session: &session)
        }
        summary = run.summary
        let stopped = run.stopped
        let final = try progress(vacancy)
        let covered = Set(targets.map(\.candidate.reference))
        summary.remaining = final.candidates.filter { covered.contains($0.candidate.reference) }
            .reduce(0) { $0 + $1.plannedQueries - $1.doneQueries }
        summary.stoppedEarly = stopped
        session.say("")
        if session.ended { session.say("Input ended; every answer given is saved.") }
        session.say("Recorded \(summary.entries.count) search\(summary.entries.count == 1 ? "" : "es") and \(summary.findings.count) finding\(summary.findings.count == 1 ? "" : "s")"
            + (summary.skipped > 0 ? "; skipped \(summary.skipped)" : "") + ".")
        session.say(summary.remaining == 0 ? "Nothing remains for the candidates of this run."
            : "\(summary.remaining) quer\(summary.remaining == 1 ? "y remains" : "ies remain"); run it again to resume at the first.")
        session.say(statusLine(final))
        return summary
    }

    /// What a run has done so far, carried from one candidate and query to the next.
    private struct Run {
        var summary: Summary
        /// Candidates complete, refreshed only when an answer is saved.
        var complete: Int
        let candidates: Int
        let vacancy: Vacancy
        let id = UUID().uuidString.lowercased()
        var stopped = false
    }

    /// Asks what to do about the rules that refuse searching a candidate: the reason for an override
    /// ("" when nothing refuses), or nil to skip the candidate (the run stops when asked to, or at the end of input).
    private func askOverride(_ failures: [RuleFailure], for reference: CandidateReference, run: inout Run,
                             session: inout Session<some AnswerSource, some TextOutputStream>) -> String? {
        guard !failures.isEmpty else { return "" }
        session.say("")
        for failure in failures { session.say("\(reference): \(failure.reason). \(failure.remedy)") }
        guard let choice = session.ask("Override with a recorded reason [o], skip this candidate [s] or stop [q]?",
                                       valid: ["o", "s", "q"]), choice != "q" else {
            run.stopped = true
            return nil
        }
        if choice == "s" { return nil }
        guard let reason = session.askText("Why is the rule overridden? (recorded and shown in audits)", required: true) else {
            run.stopped = true
            return nil
        }
        return reason
    }

    /// Asks for each outstanding query of one candidate in turn, saving each answer at once.
    private func search(_ target: CandidateProgress, overrideReason: String?, vacancy: String, run: inout Run,
                        session: inout Session<some AnswerSource, some TextOutputStream>) throws(ShortlistError) {
        let reference = target.candidate.reference
        // This candidate's plan as loaded: only this run changes it, one candidate after another.
        let plan = target.steps.flatMap { step in zip(step.queries, step.entries).map { (step.step, $0, $1) } }
        for (position, item) in plan.enumerated() where item.2 == nil && !run.stopped {
            let (step, query, _) = item
            session.say("")
            session.say("Query \(position + 1) of \(plan.count) for \(reference) (step \(step.key)); \(run.complete) of \(run.candidates) candidates complete.")
            session.say("\(step.key): \(step.label)")
            session.say("  Query: \(query.query)")
            session.say("  Open:  \(query.link(since: run.vacancy.lookBackStart(on: Day(store.now))))")
            let prompt = "Outcome: " + GuidedSearch.keys.map { "[\($0.key)] \($0.meaning)" }.joined(separator: ", ")
            guard let key = session.ask(prompt, valid: GuidedSearch.keys.map { $0.key.lowercased() }), key != "q" else {
                run.stopped = true
                break
            }
            if key == "s" { run.summary.skipped += 1; continue }
            let outcome = SearchOutcome.allCases.first { $0.mark.lowercased() == key }!
            guard let request = askDetails(of: query, outcome: outcome, for: reference, overrideReason: overrideReason, run: &run,
                                           session: &session) else { break }
            try save(request, query: query, vacancy: vacancy, run: &run, session: &session)
        }
    }

    /// Asks for what a search found beyond its outcome; nil when input ends before a required answer.
    private func askDetails(of query: PlannedQuery, outcome: SearchOutcome, for reference: CandidateReference, overrideReason: String?,
                            run: inout Run, session: inout Session<some AnswerSource, some TextOutputStream>) -> SearchLogRequest? {
        var request = SearchLogRequest(candidate: reference, query: query.address, outcome: outcome, confirmedPublicOnly: true)
        request.runID = run.id
        request.overrideReason = overrideReason
        if outcome == .couldNotComplete {
            guard let why = session.askText("Why could it not be completed?", required: true) else {
                run.stopped = true
                return nil
            }
            request.note = why
        }
        // The outcome is the answer: if input ends during the optional details, it is saved without them.
        request.addresses = session.askList("Addresses reviewed, one a line (blank line to finish):")
        if outcome == .findings, !session.ended {
            request.evidenceFiles = session.askFiles("Evidence to keep (a screenshot's path), one a line (blank line to finish):")
        }
        if outcome != .couldNotComplete, !session.ended {
            request.note = session.askText("Note (blank for none):", required: false) ?? ""
        }
        if session.ended { run.stopped = true }
        return request
    }

    /// Logs one answer, then offers to record the finding it found.
    private func save(_ request: SearchLogRequest, query: PlannedQuery, vacancy: String, run: inout Run,
                      session: inout Session<some AnswerSource, some TextOutputStream>) throws(ShortlistError) {
        let logged = try store.logSearch(request, by: actor)
        run.summary.entries.append(logged.entry.id)
        run.complete = try progress(vacancy).candidates.count(where: \.isComplete)
        logged.warnings.forEach { session.say("Note: " + $0) }
        session.say("Saved entry \(logged.entry.id): \(query.address) \(request.outcome.rawValue).")
        guard request.outcome == .findings, !session.ended else { return }
        if let finding = try recordFinding(for: request.candidate, entry: logged.entry, session: &session) {
            run.summary.findings.append(finding)
            run.complete = try progress(vacancy).candidates.count(where: \.isComplete)
        } else if session.ended {
            run.stopped = true
        }
    }

    private func progress(_ vacancy: String) throws(ShortlistError) -> VacancyProgress {
        try store.searchProgress(vacancy: vacancy)[0]
    }

    private func statusLine(_ progress: VacancyProgress) -> String {
        let complete = progress.candidates.count(where: \.isComplete)
        return "Status of \(progress.vacancy.reference): \(complete) of \(progress.candidates.count) candidates complete."
    }

    /// Offers to record a finding from the entry, with the same fields and checks as `finding add`.
    private func recordFinding(for reference: CandidateReference, entry: SearchEntry, session: inout Session<some AnswerSource, some TextOutputStream>) throws(ShortlistError) -> FindingReference? {
        guard let answer = session.ask("Record the finding now? [y/n]", valid: ["y", "n"]), answer == "y" else {
            if !session.ended { session.say("Record it later with `shortlist finding add \(reference) --entry \(entry.id)`.") }
            return nil
        }
        let categories = try store.findingCategories()
        while true {
            guard let summary = session.askText("Neutral, factual summary:", required: true),
                  let protected = session.ask("Is it about a protected characteristic (age, disability, gender reassignment, marriage or civil partnership, pregnancy or maternity, race, religion or belief, sex, sexual orientation)? [y/n]", valid: ["y", "n"]),
                  let identityText = session.ask("Identity: [c]onfirmed, [p]robable or [u]nverified?", valid: ["c", "p", "u"]) else { return nil }
            let identity: IdentityConfidence = ["c": .confirmed, "p": .probable, "u": .unverified][identityText]!
            var draft = FindingDraft(entries: [entry.id], summary: summary, identity: identity)
            draft.sources = entry.addresses
            draft.protectedCharacteristic = protected == "y"
            if identity == .confirmed {
                guard let basis = session.askText("What ties it to the candidate (photo, location, employer, dates)?", required: true) else { return nil }
                draft.identityBasis = basis
            }
            if !draft.protectedCharacteristic {
                guard let category = session.ask("Category (" + categories.map(\.key).joined(separator: ", ") + "):",
                                                  valid: categories.map(\.key)),
                      let relevance = session.askText("Why is it relevant to working with children or to the school?", required: true)
                else { return nil }
                draft.category = category
                draft.relevance = relevance
            }
            // A date that cannot be read, or is in the future, is asked again on its own.
            let today = Day(store.now)
            while true {
                guard let date = session.askText("Date of the content (such as 14/03/2024 or 14 March 2024; blank if unknown):", required: false) else { return nil }
                if date.isEmpty { break }
                do {
                    let day = try Day.parse(date, field: "content date")
                    guard day <= today else {
                        session.say("The content date \(day.uk) is in the future; give the date the content was posted.")
                        continue
                    }
                    draft.contentDate = day
                    break
                } catch {
                    session.say(error.message)
                }
            }
            do {
                let finding = try store.addFinding(to: reference, draft, by: actor)
                session.say("Saved finding \(finding.reference).")
                return finding.reference
            } catch {
                session.say("Not saved: \(error.message)")
                guard let again = session.ask("Try again? [y/n]", valid: ["y", "n"]), again == "y" else { return nil }
            }
        }
    }
}

/// The question-and-answer exchange of a run.
struct Session<Input: AnswerSource, Output: TextOutputStream> {
    var input: Input
    var out: Output
    /// Input has ended.
    private(set) var ended = false

    init(input: Input, out: Output) {
        self.input = input
        self.out = out
    }

    mutating func say(_ text: String) { out.write(text + "\n") }

    /// The next answer, echoed when the source asks for it.
    private mutating func read() -> String? {
        let line = input.nextLine()
        if let line, input.echoesAnswers { out.write(line + "\n") }
        return line
    }

    /// Asks until the answer is one of `valid` (case-insensitive); nil when input ends.
    mutating func ask(_ question: String, valid: [String]) -> String? {
        while true {
            out.write(question + " ")
            guard let line = read() else {
                ended = true
                out.write("\n")
                return nil
            }
            let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
            if valid.contains(answer) { return answer }
            say("'\(line)' is not one of the answers: \(valid.joined(separator: ", ")).")
        }
    }

    /// Asks for free text; nil when input ends. A required answer is asked again while blank.
    mutating func askText(_ question: String, required: Bool) -> String? {
        while true {
            out.write(question + " ")
            guard let line = read() else {
                ended = true
                out.write("\n")
                return nil
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if !answer.isEmpty || !required { return answer }
            say("An answer is needed.")
        }
    }

    /// Asks for paths of files until a blank line; a path that is not a readable file is refused
    /// and may be given again. At the end of input, the files read so far.
    mutating func askFiles(_ question: String) -> [String] {
        askList(question) { path in
            var isFolder: ObjCBool = false
            let readable = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                && FileManager.default.isReadableFile(atPath: path)
            return readable ? nil : "\(path): no readable file there; give its full path, or a blank line to finish."
        }
    }

    /// Asks for lines until a blank one; a line `refusal` has a message for is said to be refused and
    /// left out. At the end of input, the lines read so far (and `ended` is set).
    mutating func askList(_ question: String, refusal: (String) -> String? = { _ in nil }) -> [String] {
        say(question)
        var lines: [String] = []
        while let line = read() {
            let item = line.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { return lines }
            if let message = refusal(item) { say(message) } else { lines.append(item) }
        }
        ended = true
        return lines
    }
}
