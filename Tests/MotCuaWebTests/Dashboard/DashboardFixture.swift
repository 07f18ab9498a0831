import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import WorkCalendar

/// Dossiers of two owning agencies in Q3/2021 (15/6–14/9/2021), imported as the import command does: early,
/// on time, late (one with an officer's reason, one without), open overdue and open within the deadline,
/// on the three channels.
enum DashboardFixture {
    static let environmentProcedure: ProcedureCode = {
        do { return try ProcedureCode(parsing: "1.004227") } catch { fatalError("\(error)") }
    }()

    static let lateReason = "Chờ ý kiến <b>liên ngành</b> & \"thẩm định\""
    /// Late, with the officer's reason: planning's procedure.
    static let planningLate = "000.00.15.H56-210706-0001"
    /// Late, no reason recorded: environment's procedure.
    static let environmentLate = "000.00.15.H56-210802-0001"

    static func seed(_ database: Database) async throws {
        let procedures = ProcedureStore(database: database)
        try await procedures.add(try Fixtures.investmentProcedure())
        try await procedures.add(try Procedure(
            code: environmentProcedure, validFrom: Fixtures.instant("2020-01-01 00:00"),
            name: "Thẩm định báo cáo đánh giá tác động môi trường", field: "Môi trường",
            agencyCode: Fixtures.environment, legalTime: .workingDays(20), localTime: .workingDays(10),
            onlineLevel: .partial, fees: [], documents: [], resultType: "Quyết định phê duyệt", supplementPolicy: .pause,
            steps: [ProcessStep(name: "Thẩm định", agencyCode: Fixtures.environment, role: "Chuyên viên", allotted: .workingDays(10))]))
        let planning = Fixtures.investmentCode.rawValue, environment = environmentProcedure.rawValue
        func t(_ text: String) -> String { VietnamTime.iso8601(Fixtures.instant(text)) }
        let rows: [[String]] = [
            ["000.00.15.H56-210705-0001", planning, "counter", t("2021-07-05 08:00"), t("2021-07-19 17:00"), t("2021-07-12 10:00"),
             t("2021-07-13 09:00"), "counter", "approved", "", "", "", "", ""],
            [planningLate, planning, "online", t("2021-07-06 09:00"), t("2021-07-20 17:00"), t("2021-07-23 10:00"),
             "", "", "approved", Fixtures.province.rawValue, "Phê duyệt", "actual", lateReason, "true"],
            ["000.00.15.H56-210714-0001", planning, "postal", t("2021-07-14 09:00"), t("2021-07-28 17:00"), "", "", "", "", "", "", "", "", ""],
            ["000.00.15.H56-210707-0001", environment, "counter", t("2021-07-07 08:00"), t("2021-07-21 17:00"), t("2021-07-21 16:00"),
             "", "", "approved", "", "", "", "", ""],
            [environmentLate, environment, "online", t("2021-08-02 08:00"), t("2021-08-16 17:00"), t("2021-08-20 10:00"),
             "", "", "approved", "", "", "", "", ""],
            ["000.00.15.H56-210803-0001", environment, "counter", t("2021-08-03 08:00"), t("2021-10-01 17:00"), "", "", "", "", "", "", "", "", ""],
        ]
        func quoted(_ field: String) -> String {
            field.contains { "\",\n".contains($0) } ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        let csv = ([DossierImporter.columns] + rows).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        _ = try await DossierImporter(database: database).run(Data(csv.utf8), at: Fixtures.instant("2021-10-01 08:00"))
    }
}
