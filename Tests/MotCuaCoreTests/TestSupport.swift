import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

/// A local (UTC+7) instant: "2021-02-05 09:00".
func t(_ text: String) -> Date {
    do { return try VietnamTime.parse(text) } catch { fatalError("bad test instant \(text): \(error)") }
}

func date(_ iso: String) -> LocalDate {
    do { return try LocalDate(iso: iso) } catch { fatalError("bad test date \(iso): \(error)") }
}

func agency(_ code: String) -> AgencyCode {
    do { return try AgencyCode(parsing: code) } catch { fatalError("\(error)") }
}

/// Đắk Nông-like agencies (codes are illustrative, in the QCVN 102:2016 shape).
enum Agencies {
    static let center = agency("000.00.15.H56")
    static let planning = agency("000.00.07.H56")     // Sở Kế hoạch và Đầu tư
    static let province = agency("000.00.00.H56")     // UBND tỉnh
    static let environment = agency("000.00.25.H56")  // Sở Tài nguyên và Môi trường
    static let justice = agency("000.00.11.H56")      // Sở Tư pháp
}

let investmentCode = try! ProcedureCode(parsing: "1.009645")

/// A 10-working-day procedure (legal 15) of the Department of Planning and Investment with three steps in
/// three agencies: 5 days at Planning and Investment, 3 at the provincial People's Committee, 2 at Natural
/// Resources and Environment.
func investmentProcedure(policy: SupplementPolicy = .pause, version: Int = 1, validFrom: Date = t("2020-01-01 00:00"),
                         local: ProcessingTime = .workingDays(10), cutoff: TimeOfDay? = nil,
                         steps: [ProcessStep]? = nil) -> Procedure {
    try! Procedure(
        code: investmentCode, version: version, validFrom: validFrom,
        name: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", field: "Đầu tư tại Việt Nam",
        agencyCode: Agencies.planning, legalTime: .workingDays(15), localTime: local, cutoff: cutoff,
        onlineLevel: .partial, fees: [Fee(amountVND: 0, description: "Không thu phí")],
        documents: [RequiredDocument(name: "Văn bản đề nghị điều chỉnh dự án đầu tư", copies: 1, form: .original)],
        resultType: "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)", supplementPolicy: policy,
        steps: steps ?? [
            ProcessStep(name: "Thẩm định hồ sơ", agencyCode: Agencies.planning, role: "Chuyên viên thụ lý", allotted: .workingDays(5)),
            ProcessStep(name: "Phê duyệt", agencyCode: Agencies.province, role: "Lãnh đạo UBND tỉnh", allotted: .workingDays(3)),
            ProcessStep(name: "Cập nhật thông tin đất đai", agencyCode: Agencies.environment, role: "Chuyên viên", allotted: .workingDays(2)),
        ])
}

func applicant() -> Applicant {
    try! Applicant(kind: .organisation, name: "Công ty TNHH Cà phê Đắk Nông", idNumber: "6400123456",
                   phone: "0261 3544 123", email: "lienhe@caphedaknong.vn", address: "Gia Nghĩa, Đắk Nông")
}

func draft(on day: String, sequence: Int = 1, channel: Channel = .counter, procedure: ProcedureCode = investmentCode) -> DossierDraft {
    DossierDraft(code: try! DossierCode(agencyCode: Agencies.center, date: date(day), sequence: sequence),
                 procedureCode: procedure, applicant: applicant(), channel: channel)
}

/// Registers and receives a counter dossier at `at`; returns the state and its two events.
func receivedDossier(at instant: String, context: LifecycleContext, sequence: Int = 1) throws -> (Dossier, [DossierEvent]) {
    let day = String(instant.prefix(10))
    let registered = try Dossier.register(draft(on: day, sequence: sequence), at: t(instant), actor: "tiepnhan", context: context)
    var d = registered.dossier
    let second = try d.execute(.receive, at: t(instant), actor: "tiepnhan", context: context)
    return (d, [registered.event, second])
}

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error a throwing expression raised, or nil.
func lifecycleError(_ body: () throws -> Void) -> LifecycleError? {
    do { try body(); return nil } catch let error as LifecycleError { return error } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

func validationError(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let error as ValidationError { return error } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
