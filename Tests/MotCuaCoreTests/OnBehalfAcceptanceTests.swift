import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

/// Sites and acceptance on behalf in Core: which site serves an agency, how a desk takes a dossier in, and
/// who may forward and receive it (issue 11, items 1–2).
@Suite("Acceptance on behalf: routes and the division of work")
struct OnBehalfAcceptanceTests {
    static let province = agency("000.00.01.H39")
    static let center = agency("000.00.15.H39")
    static let branch = agency("000.01.15.H39")
    static let justice = agency("000.00.17.H39")
    static let commune = agency("000.00.21.H39")
    static let communeCenter = agency("000.01.21.H39")

    static let directory: AgencyDirectory = {
        let since = date("2025-07-01")
        func a(_ code: AgencyCode, _ level: AgencyLevel, _ kind: AgencyKind, parent: AgencyCode?) -> Agency {
            try! Agency(code: code, parentCode: parent, level: level, kind: kind,
                        names: [AgencyName(validFrom: since, name: "Cơ quan \(code)", shortName: "CQ")])
        }
        return try! AgencyDirectory([
            a(province, .province, .other, parent: nil), a(center, .center, .center, parent: province),
            a(branch, .center, .branch, parent: center), a(justice, .department, .department, parent: province),
            a(commune, .commune, .commune, parent: province), a(communeCenter, .center, .communeCenter, parent: commune),
        ])
    }()

    static func procedure(owner: AgencyCode = justice, anySite: Bool) -> Procedure {
        try! Procedure(code: try! ProcedureCode(parsing: "2.000635"), validFrom: t("2025-07-01 00:00"), name: "Lý lịch tư pháp",
                       field: "Lý lịch tư pháp", agencyCode: owner, legalTime: .workingDays(10), localTime: .workingDays(5),
                       onlineLevel: .full, acceptedAtAnySite: anySite)
    }

    @Test func homeSitesAndRoutes() {
        let d = Self.directory
        #expect(d.homeSite(of: Self.justice) == Self.center)
        #expect(d.homeSite(of: Self.commune) == Self.communeCenter)
        #expect(d.homeSite(of: Self.communeCenter) == Self.communeCenter)
        #expect(d.siteGroup(of: Self.center) == [Self.center, Self.branch])
        let listed = Self.procedure(anySite: true), local = Self.procedure(anySite: false)
        #expect(d.intakeRoute(at: Self.center, for: local) == .direct)
        #expect(d.intakeRoute(at: Self.branch, for: local) == .direct)  // a branch receives what its center does
        #expect(d.intakeRoute(at: Self.communeCenter, for: listed) == .onBehalf(destination: Self.center))
        #expect(d.intakeRoute(at: Self.communeCenter, for: local) == .notServed(home: Self.center))
        #expect(d.intakeRoute(at: Self.center, for: Self.procedure(owner: Self.commune, anySite: true)) == .onBehalf(destination: Self.communeCenter))
        // A desk that is not a site keeps the 2021 model.
        #expect(d.intakeRoute(at: Self.justice, for: local) == .direct)
    }

    @Test func theAcceptingDeskForwardsAndTheCompetentDeskReceives() throws {
        let p = Self.procedure(anySite: true)
        let context = LifecycleContext(procedure: p, agencies: Self.directory)
        let code = try DossierCode(agencyCode: Self.communeCenter, date: date("2026-09-10"), sequence: 1)
        let draft = DossierDraft(code: code, procedureCode: p.code,
                                 applicant: try Applicant(kind: .person, name: "Nguyễn Văn An", idNumber: "066090000123", phone: "0912345678"), channel: .counter)
        var (d, _) = try Dossier.register(draft, at: t("2026-09-10 10:00"), actor: "tn.xa", context: context)
        let communeDesk = Principal(username: "tn.xa", displayName: "TN xã", role: .reception, agencies: [Self.communeCenter])
        let centerDesk = Principal(username: "tn.tinh", displayName: "TN tỉnh", role: .reception, agencies: [Self.center])
        let justiceStaff = Principal(username: "cv.tp", displayName: "CV", role: .specialist, agencies: [Self.justice])

        try d.execute(.acceptOnBehalf(destination: Self.center), at: t("2026-09-10 10:00"), actor: "tn.xa", context: context)
        #expect(DossierActionPolicy.permits(communeDesk, .forward, on: d))
        #expect(!DossierActionPolicy.permits(centerDesk, .forward, on: d))
        #expect(!DossierActionPolicy.permits(communeDesk, .receive, on: d))
        #expect(DossierActionPolicy.permits(centerDesk, .receive, on: d))
        #expect(centerDesk.mayAccess(d) && communeDesk.mayAccess(d) && justiceStaff.mayAccess(d))
        #expect(throws: LifecycleError.alreadyAcceptedOnBehalf(destination: Self.center)) {
            try d.decide(.acceptOnBehalf(destination: Self.center), at: t("2026-09-10 11:00"), actor: "tn.xa", context: context)
        }
        try d.execute(.forward(channel: .postal, note: nil), at: t("2026-09-10 15:00"), actor: "tn.xa", context: context)
        #expect(throws: LifecycleError.self) {
            try d.decide(.forward(channel: .postal, note: nil), at: t("2026-09-10 16:00"), actor: "tn.xa", context: context)
        }
        try d.execute(.receive, at: t("2026-09-11 09:00"), actor: "tn.tinh", context: context)
        #expect(d.forwarding?.verdict == .onTime)  // delivered the next morning, before 10:00
        // After receipt the competent desk hands over and the accepting desk may still return the result.
        #expect(DossierActionPolicy.permits(centerDesk, .transfer, on: d))
        #expect(!DossierActionPolicy.permits(communeDesk, .transfer, on: d))
        #expect(DossierActionPolicy.permits(communeDesk, .withdraw, on: d))
        #expect(LegalRegime.of(d).id == "nd118-2025-309-2026")

        // A procedure not listed for any site cannot be accepted on behalf.
        let local = LifecycleContext(procedure: Self.procedure(anySite: false), agencies: Self.directory)
        let (other, _) = try Dossier.register(draft, at: t("2026-09-10 10:00"), actor: "tn.xa", context: local)
        #expect(throws: LifecycleError.notAcceptedAtAnySite(local.procedure.reference)) {
            try other.decide(.acceptOnBehalf(destination: Self.center), at: t("2026-09-10 10:00"), actor: "tn.xa", context: local)
        }
    }
}
