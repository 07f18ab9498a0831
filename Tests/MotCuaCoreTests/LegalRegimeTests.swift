import Foundation
@testable import MotCuaCore
import Testing
import WorkCalendar

@Suite("The regime a dossier is handled under, by the date of its receipt")
struct LegalRegimeTests {
    @Test("30 June 2025 is Decree 61/2018 with Circular 01/2018's forms; 1 July 2025 Decree 118/2025; 5 August 2026 adds 309/2026")
    func byDate() throws {
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2021-07-12")).id == "nd61-2018")
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2025-06-30")).forms == "Thông tư 01/2018/TT-VPCP")
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2025-07-01")).id == "nd118-2025")
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2026-08-04")).id == "nd118-2025")
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2026-08-05")).title.contains("309/2026"))
        #expect(LegalRegime.inForce(on: try LocalDate(iso: "2010-01-01")).id == "nd61-2018")  // before the first: the first
        #expect(LegalRegime.schedule.dropFirst().allSatisfy { $0.basisNote != nil })  // what is known from summaries says so
    }
}
