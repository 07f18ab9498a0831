import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Agencies and the procedure catalogue")
struct AgencyAndCatalogueTests {
    /// The provincial Department of Planning and Investment, renamed after the 2025 mergers.
    func planning() throws -> Agency {
        try Agency(code: Agencies.planning, parentCode: Agencies.province, level: .department, names: [
            AgencyName(validFrom: date("2025-03-01"), name: "Sở Tài chính tỉnh Đắk Nông", shortName: "Sở TC"),
            AgencyName(validFrom: date("2004-01-01"), validUntil: date("2025-02-28"), name: "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông", shortName: "Sở KH&ĐT"),
        ], officeHours: try OfficeHours(parsing: "07:00-11:00,13:30-17:00"))
    }

    @Test func namesAreValidOverTime() throws {
        let a = try planning()
        #expect(a.names.map(\.shortName) == ["Sở KH&ĐT", "Sở TC"])   // sorted
        #expect(a.name(on: date("2021-09-14")) == "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông")
        #expect(a.shortName(on: date("2025-02-28")) == "Sở KH&ĐT")
        #expect(a.shortName(on: date("2025-03-01")) == "Sở TC")
        #expect(a.shortName(on: date("2026-02-05")) == "Sở TC")
        #expect(a.naming(on: date("2003-12-31")) == nil)
        #expect(a.name(on: date("2003-12-31")) == "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông")   // nearest, never empty
    }

    @Test func badAgenciesAreRefused() {
        #expect(validationError { _ = try Agency(code: Agencies.planning, level: .department, names: []) }?.field == "agency.names")
        let overlapping = [
            AgencyName(validFrom: date("2004-01-01"), validUntil: date("2025-03-01"), name: "A", shortName: "A"),
            AgencyName(validFrom: date("2025-03-01"), name: "B", shortName: "B"),
        ]
        let error = validationError { _ = try Agency(code: Agencies.planning, level: .department, names: overlapping) }
        #expect(error?.reason.contains("overlaps") == true)
        let open = [AgencyName(validFrom: date("2004-01-01"), name: "A", shortName: "A"), AgencyName(validFrom: date("2025-03-01"), name: "B", shortName: "B")]
        #expect(validationError { _ = try Agency(code: Agencies.planning, level: .department, names: open) } != nil)
        let reversed = [AgencyName(validFrom: date("2025-03-01"), validUntil: date("2025-01-01"), name: "A", shortName: "A")]
        #expect(validationError { _ = try Agency(code: Agencies.planning, level: .department, names: reversed) } != nil)
        #expect(validationError { _ = try Agency(code: Agencies.planning, parentCode: Agencies.planning, level: .department,
                                                 names: [AgencyName(validFrom: date("2004-01-01"), name: "A", shortName: "A")]) }?.field == "agency.parent_code")
    }

    @Test func agencyJSONRoundTripsWithItsOfficeHours() throws {
        let a = try planning()
        let json = try MotCuaJSON.encode(a)
        #expect(String(decoding: json, as: UTF8.self).contains("\"office_hours\":\"07:00-11:00,13:30-17:00\""))
        #expect(try MotCuaJSON.decode(Agency.self, from: json) == a)
        let directory = try AgencyDirectory([a, try Agency(code: Agencies.province, level: .province,
                                                           names: [AgencyName(validFrom: date("2004-01-01"), name: "UBND tỉnh Đắk Nông", shortName: "UBND tỉnh")])])
        #expect(directory.chain(from: Agencies.planning).map(\.code) == [Agencies.planning, Agencies.province])
        #expect(directory.officeHours(of: Agencies.planning).dailyMinutes == 450)
        #expect(directory.officeHours(of: Agencies.justice) == .standard)
        #expect(validationError { _ = try AgencyDirectory([a, a]) } != nil)
    }

    @Test func agencyOfficeHoursDriveDeadlines() throws {
        // Planning and Investment opens at 07:00: a dossier received at 07:00 Monday with 1 working day is due 07:00 Tuesday.
        let directory = try AgencyDirectory([try planning()])
        let p = investmentProcedure(local: .workingDays(1), steps: [])
        let c = LifecycleContext(procedure: p, agencies: directory)
        let (d, _) = try receivedDossier(at: "2021-03-01 07:00", context: c)
        #expect(d.dueAt == t("2021-03-02 07:00"))
        let standard = try receivedDossier(at: "2021-03-01 07:00", context: LifecycleContext(procedure: p)).0
        #expect(standard.dueAt == t("2021-03-02 07:30"))
    }

    @Test func localTimeMayNotExceedTheLegalTime() {
        let error = procedureError(legal: .workingDays(10), local: .workingDays(12))
        #expect(error?.field == "procedure.local_time")
        #expect(error?.description.contains("longer than the legal one") == true)
        // Mixed units compare in office minutes: 16 hours (960) > 2 days (900).
        #expect(procedureError(legal: .workingDays(2), local: .workingHours(16), steps: [])?.field == "procedure.local_time")
        #expect(procedureError(legal: .workingDays(2), local: .workingHours(15), steps: []) == nil)
    }

    @Test func stepsMustFitTheLocalTime() {
        let steps = [
            ProcessStep(name: "Thẩm định", agencyCode: Agencies.planning, role: "CV", allotted: .workingDays(6)),
            ProcessStep(name: "Phê duyệt", agencyCode: Agencies.province, role: "LĐ", allotted: .workingDays(5)),
        ]
        let error = procedureError(legal: .workingDays(15), local: .workingDays(10), steps: steps)
        #expect(error?.field == "procedure.steps")
        #expect(error?.value == "11 working days")
        #expect(error?.reason.contains("more than the local processing time 10 working days") == true)
        let mixed = [ProcessStep(name: "Thẩm định", agencyCode: Agencies.planning, role: "CV", allotted: .workingHours(8))]
        let mixedError = procedureError(legal: .workingDays(1), local: .workingDays(1), steps: mixed)
        #expect(mixedError?.reason.contains("450") == true)
        let zero = [ProcessStep(name: "X", agencyCode: Agencies.planning, role: "CV", allotted: .workingDays(0))]
        #expect(procedureError(legal: .workingDays(1), local: .workingDays(1), steps: zero) != nil)
    }

    @Test func procedureJSONRoundTripsAndValidates() throws {
        let p = investmentProcedure(policy: .restart, cutoff: try TimeOfDay(hour: 15, minute: 30))
        let json = try MotCuaJSON.encode(p)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"local_time\":{\"amount\":10,\"unit\":\"working_days\"}"))
        #expect(text.contains("\"cutoff\":\"15:30\""))
        #expect(text.contains("\"online_level\":\"partial\""))
        #expect(text.contains("\"supplement_policy\":\"restart\""))
        #expect(text.contains("\"valid_from\":\"2020-01-01T00:00:00+07:00\""))
        #expect(try MotCuaJSON.decode(Procedure.self, from: json) == p)
        let tampered = Data(text.replacingOccurrences(of: "\"local_time\":{\"amount\":10", with: "\"local_time\":{\"amount\":20").utf8)
        #expect(throws: ValidationError.self) { _ = try MotCuaJSON.decode(Procedure.self, from: tampered) }
    }

    @Test func catalogueGivesTheVersionInForce() throws {
        let v1 = investmentProcedure(version: 1, validFrom: t("2020-01-01 00:00"))
        let v2 = investmentProcedure(version: 2, validFrom: t("2021-07-29 00:00"), local: .workingDays(8),
                                     steps: [ProcessStep(name: "Thẩm định", agencyCode: Agencies.planning, role: "CV", allotted: .workingDays(8))])
        let catalogue = try ProcedureCatalogue([v2, v1])
        #expect(catalogue.procedure(investmentCode, at: t("2019-12-31 23:59")) == nil)
        #expect(catalogue.procedure(investmentCode, at: t("2021-07-28 23:59"))?.version == 1)
        #expect(catalogue.procedure(investmentCode, at: t("2021-07-29 00:00"))?.version == 2)
        #expect(catalogue.procedure(ProcedureReference(code: investmentCode, version: 1)) == v1)
        #expect(catalogue.codes == [investmentCode])
        var c = catalogue
        #expect(validationError { try c.add(investmentProcedure(version: 4, validFrom: t("2022-01-01 00:00"))) }?.field == "procedure.version")
        #expect(validationError { try c.add(investmentProcedure(version: 3, validFrom: t("2021-07-01 00:00"))) }?.field == "procedure.valid_from")
        #expect(validationError { _ = try ProcedureCatalogue([v2]) }?.field == "procedure.version")
    }
}

func procedureError(legal: ProcessingTime, local: ProcessingTime, steps: [ProcessStep] = []) -> ValidationError? {
    do {
        _ = try Procedure(code: investmentCode, validFrom: t("2020-01-01 00:00"), name: "Thủ tục", field: "Đầu tư",
                          agencyCode: Agencies.planning, legalTime: legal, localTime: local, onlineLevel: .full, steps: steps)
        return nil
    } catch {
        return error
    }
}
