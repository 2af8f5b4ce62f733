import Foundation
import Testing
@testable import ShortlistKit

@Suite("rules of the governor's and admin's screens")
struct GovernanceRuleTests {
    @Test("the default report period is the school year holding the day: 1 September to 31 August")
    func schoolYear() {
        for (today, from, to) in [("2026-11-20", "2026-09-01", "2027-08-31"), ("2027-08-31", "2026-09-01", "2027-08-31"),
                                  ("2026-09-01", "2026-09-01", "2027-08-31"), ("2026-01-05", "2025-09-01", "2026-08-31")] {
            let period = ReportPeriod.schoolYear(containing: Day(iso: today)!)
            #expect(period.from.iso == from && period.to.iso == to, "\(today)")
        }
    }

    @Test("downloads are named after their scope, with only safe characters")
    func downloadNames() {
        #expect(ReportScope.period(from: Day(iso: "2026-09-01")!, to: Day(iso: "2027-08-31")!).fileName(extension: "csv")
                == "safer-recruitment-2026-09-01-to-2027-08-31.csv")
        #expect(ReportScope.vacancy("TA 2026/03\"é").fileName(extension: "json") == "safer-recruitment-TA-2026-03--.json")
        #expect(CandidateReference(vacancy: "TA-2026-03", number: 2).subjectAccessFileName == "subject-access-TA-2026-03-2.json")
    }

    @Test("the purge is confirmed only by the number of candidates due, and never when nothing is due")
    func purgeConfirmation() {
        let item = PurgeItem(candidate: CandidateReference(vacancy: "CL-1", number: 1), candidateID: 1, outcome: .notAppointed,
                             closedOn: Day(iso: "2026-01-01")!, dueOn: Day(iso: "2026-07-01")!, action: .remove)
        let plan = PurgePlan(due: [item, item, item], held: [], retentionMonths: 6)
        #expect(plan.confirmationText == "3")
        #expect(plan.isConfirmed(by: "3") && plan.isConfirmed(by: " 3\n"))
        for wrong in ["", "2", "4", "three", "yes", "03 "] { #expect(!plan.isConfirmed(by: wrong), "\(wrong)") }
        let nothing = PurgePlan(due: [], held: [], retentionMonths: 6)
        #expect(!nothing.isConfirmed(by: "0") && !nothing.isConfirmed(by: ""))
    }

    @Test("backups are named by the second they were taken, in a folder beside the database by default")
    func backupNames() {
        #expect(BackupNaming.fileName(at: Timestamp.parse(iso: "2026-11-20T10:05:09Z")!) == "backup-20261120T100509Z.sqlite")
        #expect(BackupNaming.defaultFolder(databasePath: "/srv/school/shortlist.sqlite") == "/srv/school/shortlist-backups")
        #expect(BackupNaming.isBackup("backup-20261120T100509Z.sqlite"))
        #expect(!BackupNaming.isBackup(".backup-20261120T100509Z.sqlite.partial") && !BackupNaming.isBackup("shortlist.sqlite"))
    }

    @Test("a staff member is active while they hold a role, and needs a password when active with neither a password nor a link")
    func staffAccounts() {
        let member = StaffMember(id: 1, name: "Nia", roles: [.panel], createdAt: "2026-11-20T10:00:00Z")
        #expect(StaffAccount(member: member, hasPassword: false, invitedUntil: nil).needsPassword)
        #expect(!StaffAccount(member: member, hasPassword: true, invitedUntil: nil).needsPassword)
        #expect(!StaffAccount(member: member, hasPassword: false, invitedUntil: Date(timeIntervalSince1970: 0)).needsPassword)
        var gone = member
        gone.roles = []
        #expect(!StaffAccount(member: gone, hasPassword: false, invitedUntil: nil).isActive)
        #expect(!StaffAccount(member: gone, hasPassword: false, invitedUntil: nil).needsPassword)
    }

    @Test("governors audit; the other roles do not")
    func audits() {
        for role in StaffRole.allCases {
            let reader = WebReader(StaffMember(id: 1, name: "X", roles: [role], createdAt: ""))
            #expect(reader.audits == (role == .governor), "\(role)")
        }
    }
}
