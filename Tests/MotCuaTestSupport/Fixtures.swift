import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// Đắk Nông-like agencies and one three-agency procedure, shared by store, web and report tests.
public enum Fixtures {
    /// A local (UTC+7) instant: "2021-02-05 09:00".
    public static func instant(_ text: String) -> Date {
        do { return try VietnamTime.parse(text) } catch { fatalError("bad fixture instant \(text): \(error)") }
    }

    static func code(_ text: String) -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch { fatalError("\(error)") }
    }

    public static let center = code("000.00.15.H56")       // Trung tâm Phục vụ hành chính công
    public static let planning = code("000.00.07.H56")     // Sở Kế hoạch và Đầu tư
    public static let province = code("000.00.00.H56")     // UBND tỉnh
    public static let environment = code("000.00.25.H56")  // Sở Tài nguyên và Môi trường

    public static func agencies() throws -> [Agency] {
        let since = try LocalDate(iso: "2015-01-01")
        func agency(_ code: AgencyCode, _ level: AgencyLevel, _ name: String, _ short: String, parent: AgencyCode?) throws -> Agency {
            try Agency(code: code, parentCode: parent, level: level,
                       names: [AgencyName(validFrom: since, name: name, shortName: short)])
        }
        return [
            try agency(province, .province, "Ủy ban nhân dân tỉnh Đắk Nông", "UBND tỉnh", parent: nil),
            try agency(center, .center, "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", "Trung tâm HCC", parent: province),
            try agency(planning, .department, "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", parent: province),
            try agency(environment, .department, "Sở Tài nguyên và Môi trường", "Sở TN&MT", parent: province),
        ]
    }

    public static let investmentCode: ProcedureCode = {
        do { return try ProcedureCode(parsing: "1.009645") } catch { fatalError("\(error)") }
    }()

    /// 10 working days (legal 15) in three steps: 5 days at Planning and Investment, 3 at the provincial
    /// People's Committee, 2 at Natural Resources and Environment.
    public static func investmentProcedure(policy: SupplementPolicy = .pause, version: Int = 1,
                                           validFrom: Date = instant("2020-01-01 00:00")) throws -> Procedure {
        try Procedure(
            code: investmentCode, version: version, validFrom: validFrom,
            name: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", field: "Đầu tư tại Việt Nam",
            agencyCode: planning, legalTime: .workingDays(15), localTime: .workingDays(10),
            onlineLevel: .partial, fees: [Fee(amountVND: 0, description: "Không thu phí")],
            documents: [RequiredDocument(name: "Văn bản đề nghị điều chỉnh dự án đầu tư", copies: 1, form: .original)],
            resultType: "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)", supplementPolicy: policy,
            steps: [
                ProcessStep(name: "Thẩm định hồ sơ", agencyCode: planning, role: "Chuyên viên thụ lý", allotted: .workingDays(5)),
                ProcessStep(name: "Phê duyệt", agencyCode: province, role: "Lãnh đạo UBND tỉnh", allotted: .workingDays(3)),
                ProcessStep(name: "Cập nhật thông tin đất đai", agencyCode: environment, role: "Chuyên viên", allotted: .workingDays(2)),
            ])
    }

    public static func applicant(name: String = "Công ty TNHH Cà phê Đắk Nông", phone: String = "0261 3544 123") throws -> Applicant {
        try Applicant(kind: .organisation, name: name, idNumber: "6400123456",
                      phone: phone, email: "lienhe@caphedaknong.vn", address: "Gia Nghĩa, Đắk Nông")
    }

    /// Stores the agencies and the procedure.
    public static func seed(_ database: Database, policy: SupplementPolicy = .pause) async throws {
        for agency in try agencies() { try await AgencyStore(database: database).save(agency) }
        try await ProcedureStore(database: database).add(try investmentProcedure(policy: policy))
    }
}
