import Foundation
import GRDB
import Testing
@testable import ShortlistKit

/// The fixture database in a fresh folder.
func makeRecruitment(in folder: TemporaryFolder) throws -> Store {
    try RecruitmentFixture.build(at: folder.path("shortlist.sqlite"))
}

/// The pack of TA-2026-03 as rendered (index first), by file name.
func renderPack(_ store: Store, by actor: String = RecruitmentFixture.searcher,
                templates: TemplateSet? = nil) throws -> [String: String] {
    var documents: [PanelDocument] = []
    try store.pack(RecruitmentFixture.teachingAssistant, templates: templates ?? TemplateSet.load(), by: actor) { documents = $0 }
    return Dictionary(uniqueKeysWithValues: documents.map { ($0.fileName, $0.text) })
}

/// One candidate's dossier as rendered.
func renderDossier(_ store: Store, _ number: Int, vacancy: String = RecruitmentFixture.teachingAssistant,
                   by actor: String = RecruitmentFixture.searcher, templates: TemplateSet? = nil) throws -> String {
    var text = ""
    try store.dossier(CandidateReference(vacancy: vacancy, number: number), templates: templates ?? TemplateSet.load(), by: actor) {
        text = $0.text
    }
    return text
}

/// The audit event a panel document's footer cites: `audit event N (HASH)`.
func citedEvent(_ text: String) -> (seq: Int64, hash: String)? {
    guard let match = text.firstMatch(of: /audit event (\d+) \(([0-9a-f]{64})\)/) else { return nil }
    return (Int64(match.1)!, String(match.2))
}

@Suite("Panel documents: dossiers and packs")
struct DossierTests {
    @Test("a complete dossier, a draft dossier and the pack index match their golden files byte for byte")
    func goldenFiles() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let pack = try renderPack(store)
        #expect(pack.keys.sorted() == ["TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md", "index.md"])

        // The footer cites the vacancy's last event that is not a document, by its stored hash.
        let vacancyID = try store.vacancy(RecruitmentFixture.teachingAssistant).id
        let events = try storedEvents(store)
        let last = try #require(events.last { $0.event.vacancyID == vacancyID && !$0.event.action.hasPrefix("document.") })
        for (name, text) in pack {
            let cited = try #require(citedEvent(text), "\(name) cites no audit event")
            #expect(cited.seq == last.event.seq, "\(name)")
            #expect(cited.hash == last.hash, "\(name)")
        }
        try GoldenFile.expect(GoldenFile.normalised(pack["TA-2026-03-1.md"]!, hashes: [last.hash]), matches: "dossier-complete.md")
        try GoldenFile.expect(GoldenFile.normalised(pack["TA-2026-03-2.md"]!, hashes: [last.hash]), matches: "dossier-draft.md")
        try GoldenFile.expect(GoldenFile.normalised(pack["index.md"]!, hashes: [last.hash]), matches: "pack-index.md")

        // A dossier on its own is the same document as in the pack.
        #expect(utf8(try renderDossier(store, 1)) == utf8(pack["TA-2026-03-1.md"]!))
        #expect(utf8(try renderDossier(store, 2)) == utf8(pack["TA-2026-03-2.md"]!))
    }

    @Test("rendering the same record twice gives byte-identical documents, though each production is recorded")
    func deterministic() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try count(store, "audit_event")
        let first = try renderDossier(store, 1)
        #expect(try count(store, "audit_event") == before + 1)
        let second = try renderDossier(store, 1)
        #expect(try count(store, "audit_event") == before + 2)
        #expect(utf8(first) == utf8(second))

        let pack = try renderPack(store)
        #expect(try count(store, "audit_event") == before + 2 + 4)
        #expect(utf8(pack["TA-2026-03-1.md"]!) == utf8(first))
        #expect(try renderPack(store) == pack)

        // Reopening the file (another process, same instant) changes nothing either.
        let reopened = try Store.open(at: store.path, clock: { testNow })
        #expect(try renderPack(reopened) == pack)
    }

    @Test("the footer moves on when anything the dossier shows changes")
    func footerFollowsTheRecord() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let first = try renderDossier(store, 1)
        var changes = CandidateChanges()
        changes.town = "Hoole"
        try store.updateCandidate(CandidateReference(vacancy: RecruitmentFixture.teachingAssistant, number: 1), changes, by: admin)
        let second = try renderDossier(store, 1)
        #expect(second.contains("| Town or area | Hoole |"))
        #expect(citedEvent(second)!.seq > citedEvent(first)!.seq)

        // The lawful basis comes from a setting, which no vacancy's events carry.
        try store.setSetting("lawful_basis", to: "Legal obligation (UK GDPR Article 6(1)(c)).", by: admin)
        let third = try renderDossier(store, 1)
        #expect(third.contains("Lawful basis: Legal obligation"))
        #expect(citedEvent(third)!.seq > citedEvent(second)!.seq)
    }

    @Test("findings not raised never reach the panel; the undecided one is only counted in the DRAFT notice")
    func onlyRaisedFindings() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let pack = try renderPack(store)
        let documents = Array(pack.values) + [try renderDossier(store, 1), try renderDossier(store, 2), try renderDossier(store, 4)]
        for text in documents {
            for marker in RecruitmentFixture.Never.findingText {
                #expect(!text.contains(marker), "\(marker) reached a panel document")
            }
            // Not even the references of findings the panel must not know of.
            for hidden in ["TA-2026-03/1/F2", "TA-2026-03/1/F3", "TA-2026-03/1/F4", "TA-2026-03/1/F6", "TA-2026-03/2/F1"] {
                #expect(!text.contains(hidden), "\(hidden) reached a panel document")
            }
            #expect(!text.contains("faith"))
            #expect(!text.contains("pregnancy"))
            #expect(!text.contains("Oslo"))
        }
        let zoe = pack["TA-2026-03-1.md"]!
        #expect(zoe.contains("### TA-2026-03/1/F1: Disparaging employers, colleagues, pupils or parents"))
        #expect(zoe.contains("### TA-2026-03/1/F5: Violence or threats"))
        #expect(zoe.components(separatedBy: "\n### ").count == 3)
        #expect(zoe.hasPrefix("**Complete:** every planned search is recorded and every finding decided.\n"))
        #expect(!zoe.contains("DRAFT"))

        let lukasz = pack["TA-2026-03-2.md"]!
        #expect(lukasz.hasPrefix("""
            **DRAFT: the checks for this candidate are not complete.** Still outstanding:

            - 4 queries to do
            - could not complete: tiktok
            - 1 finding awaiting decision

            """))
        #expect(lukasz.contains("No findings to raise at interview."))
        #expect(!lukasz.contains("protest"))
        #expect(lukasz.components(separatedBy: "awaiting decision").count == 2)

        let index = pack["index.md"]!
        #expect(index.contains("- Can you tell us about how you describe pupils when you talk about your work online?\n"))
        #expect(index.contains("- Do you have a public account on X?\n"))
        #expect(index.components(separatedBy: "\n- ").count == 4)
    }

    @Test("no dossier or pack holds an email address, a search note, an address searched, or evidence")
    func noContactDetailsNotesOrEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let evidence = try store.searchHistory(CandidateReference(vacancy: RecruitmentFixture.teachingAssistant, number: 1))
            .flatMap(\.evidence)
        #expect(evidence.count == 1)
        let forbidden = RecruitmentFixture.Never.emails + RecruitmentFixture.Never.searchNotes
            + [RecruitmentFixture.Never.evidenceName, Digest.sha256(RecruitmentFixture.Never.evidenceBytes),
               EvidenceFolder(databasePath: store.path).path, "facebook.com/example-public-post", "NOTE-MARKER"]
            + evidence.map(\.sha256)
        for text in Array(try renderPack(store).values) + [try renderDossier(store, 4)] {
            for value in forbidden { #expect(!text.contains(value), "\(value)") }
            #expect(!text.contains("@"))
            #expect(!text.contains("\\@"))
        }
    }

    @Test("a pack holds the candidates who have not withdrawn; a withdrawn candidate's dossier can still be asked for")
    func packMembers() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let pack = try renderPack(store)
        #expect(!pack.keys.contains("TA-2026-03-4.md"))
        #expect(!pack.values.contains { $0.contains("Nguyễn") })
        #expect(try renderDossier(store, 4).contains("# Dossier: Nguyễn Thị Minh\n"))
        #expect(pack["index.md"]!.contains("1 of 3 dossiers complete."))
    }

    @Test("each production is an audit event with the actor: a dossier per candidate, then the pack")
    func productionIsRecorded() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try storedEvents(store).count
        _ = try renderPack(store, by: RecruitmentFixture.manager)
        _ = try renderDossier(store, 2, by: RecruitmentFixture.panelSearcher)
        let events = try storedEvents(store)
        let added = events.dropFirst(before).map { "\($0.event.action) \($0.event.entityRef) \($0.event.actor)" }
        #expect(added == [
            "document.dossier TA-2026-03/1 Priya Shah", "document.dossier TA-2026-03/2 Priya Shah", "document.dossier TA-2026-03/3 Priya Shah",
            "document.pack TA-2026-03 Priya Shah", "document.dossier TA-2026-03/2 Tom Ellis",
        ])
        // Each records whether it was a draft and the audit event its footer cites.
        let cited = try #require(citedEvent(try renderDossier(store, 1))).seq
        #expect(events[before].details == #"{"audit_seq":"\#(cited)","draft":"no"}"#)
        #expect(events[before + 1].details == #"{"audit_seq":"\#(cited)","draft":"yes"}"#)
        #expect(events[before + 3].details == #"{"audit_seq":"\#(cited)","dossiers":"TA-2026-03/1,TA-2026-03/2,TA-2026-03/3"}"#)
        expectIntactChain(events)
        #expect(try store.verifyAudit().isValid)
    }

    @Test("panel documents are refused to a governor, and nothing is recorded")
    func governorRefused() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.roleRequired(actor: RecruitmentFixture.governor, roles: ["searcher", "recruiting-manager", "panel", "admin"],
                                                    operation: "produce panel documents")) {
            _ = try renderPack(store, by: RecruitmentFixture.governor)
        }
        #expect(try count(store, "audit_event") == before)
    }

    @Test("a delivery that fails records nothing")
    func failedDelivery() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let before = try count(store, "audit_event")
        let failure = ShortlistError.file(path: "/nowhere", reason: "could not be written")
        #expect(throws: failure) {
            try store.dossier(CandidateReference(vacancy: "TA-2026-03", number: 1), templates: TemplateSet.load(), by: admin) { _ throws(ShortlistError) in
                throw failure
            }
        }
        #expect(throws: failure) {
            try store.pack("TA-2026-03", templates: TemplateSet.load(), by: admin) { _ throws(ShortlistError) in throw failure }
        }
        #expect(try count(store, "audit_event") == before)
    }

    @Test("writePack writes every file 0600 in a 0700 folder; a folder holding files stops it with nothing written or recorded")
    func writePack() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let out = folder.path("pack")
        let written = try store.writePack("TA-2026-03", to: out, force: false, templates: TemplateSet.load(), by: admin)
        #expect(written == WrittenPack(folder: out, files: ["index.md", "TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md"]))
        #expect(written.dossiers == 3)
        #expect(modeBits(out) == 0o700)
        for name in written.files { #expect(modeBits(out + "/" + name) == 0o600, "\(name)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md", "index.md"])
        #expect(!(try folder.contents()).contains { $0.hasPrefix(".") })

        // A second folder with only the last dossier in it: refused, nothing added, nothing recorded.
        let second = folder.path("second")
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: second + "/TA-2026-03-3.md"))
        let before = try count(store, "audit_event")
        #expect(throws: ShortlistError.file(path: second, reason: "already holds files; nothing was written. "
                                            + "Use --force to replace the pack there, or choose a new folder")) {
            _ = try store.writePack("TA-2026-03", to: second, force: false, templates: TemplateSet.load(), by: admin)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: second) == ["TA-2026-03-3.md"])
        #expect(try String(contentsOfFile: second + "/TA-2026-03-3.md", encoding: .utf8) == "mine")
        #expect(try count(store, "audit_event") == before)

        // With force the earlier pack is replaced whole.
        _ = try store.writePack("TA-2026-03", to: second, force: true, templates: TemplateSet.load(), by: admin)
        #expect(try String(contentsOfFile: second + "/TA-2026-03-3.md", encoding: .utf8).hasPrefix("**DRAFT"))
        #expect(modeBits(second + "/TA-2026-03-3.md") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: second).sorted() == ["TA-2026-03-1.md", "TA-2026-03-2.md", "TA-2026-03-3.md", "index.md"])
        #expect(try count(store, "audit_event") == before + 4)
        #expect(!(try folder.contents()).contains { $0.hasPrefix(".") })
    }

    @Test("--force replaces only a pack: a folder with anything else in it is refused, and left as it was")
    func writePackForceRefusesOtherFiles() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let out = folder.path("documents")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: out + "/index.md"))
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: out + "/notes.md"))
        let before = try count(store, "audit_event")

        #expect(throws: ShortlistError.file(path: out + "/notes.md", reason: "is not part of a pack of TA-2026-03, and --force replaces only a pack; "
                                            + "nothing was written. Move it, or choose a new folder")) {
            _ = try store.writePack("TA-2026-03", to: out, force: true, templates: TemplateSet.load(), by: admin)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["index.md", "notes.md"])
        #expect(FileManager.default.contents(atPath: out + "/index.md") == Data("old".utf8))
        #expect(try count(store, "audit_event") == before)
        #expect(!(try folder.contents()).contains { $0.hasPrefix(".") })
    }

    @Test("writePack into an empty folder needs no --force; a file given as the folder is refused")
    func writePackIntoEmptyFolder() throws {
        let folder = try TemporaryFolder()
        let store = try makeRecruitment(in: folder)
        let out = folder.path("empty")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        #expect(try store.writePack("TA-2026-03", to: out, force: false, templates: TemplateSet.load(), by: admin).dossiers == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 4)
        let file = try folder.write("a-file", "text")
        #expect(throws: ShortlistError.file(path: file, reason: "is a file, not a folder; nothing was written. Choose a folder for the pack")) {
            _ = try store.writePack("TA-2026-03", to: file, force: true, templates: TemplateSet.load(), by: admin)
        }
    }
}

/// The permission bits of a file or folder.
private func modeBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}
