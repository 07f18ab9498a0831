import Foundation
import Testing
import MotCuaCore
import MotCuaReports
import WorkCalendar

/// Dossiers built through the real lifecycle (`Dossier.register` + `execute`), the agencies they pass through
/// and the contexts slips are made from. Namespaced, so other test files of this target can have their own helpers.
enum SlipFixtures {
    /// A local (UTC+7) instant: "2021-02-05 09:00".
    static func t(_ text: String) -> Date {
        do { return try VietnamTime.parse(text) } catch { fatalError("bad test instant \(text): \(error)") }
    }

    static func day(_ iso: String) -> LocalDate {
        do { return try LocalDate(iso: iso) } catch { fatalError("bad test date \(iso): \(error)") }
    }

    static func agency(_ code: String) -> AgencyCode {
        do { return try AgencyCode(parsing: code) } catch { fatalError("\(error)") }
    }

    /// Đắk Nông-like agencies (illustrative codes in the QCVN 102:2016 shape). The province was merged into
    /// Lâm Đồng on 1 July 2025: the province and the center carry both names.
    enum Codes {
        static let province = agency("000.00.00.H56")
        static let office = agency("000.00.01.H56")
        static let center = agency("000.00.15.H56")
        static let planning = agency("000.00.07.H56")
        static let environment = agency("000.00.25.H56")
    }

    static let mergerDay = day("2025-07-01")

    static let agencies: AgencyDirectory = {
        do {
            let since = day("2004-01-01")
            let untilMerger = day("2025-06-30")
            return try AgencyDirectory([
                Agency(code: Codes.province, level: .province, names: [
                    AgencyName(validFrom: since, validUntil: untilMerger, name: "Ủy ban nhân dân tỉnh Đắk Nông", shortName: "UBND tỉnh"),
                    AgencyName(validFrom: mergerDay, name: "Ủy ban nhân dân tỉnh Lâm Đồng", shortName: "UBND tỉnh"),
                ]),
                Agency(code: Codes.office, parentCode: Codes.province, level: .unit, names: [
                    AgencyName(validFrom: since, validUntil: untilMerger, name: "Văn phòng UBND tỉnh Đắk Nông", shortName: "VP UBND tỉnh"),
                    AgencyName(validFrom: mergerDay, name: "Văn phòng UBND tỉnh Lâm Đồng", shortName: "VP UBND tỉnh"),
                ]),
                Agency(code: Codes.center, parentCode: Codes.office, level: .center, names: [
                    AgencyName(validFrom: since, validUntil: untilMerger, name: "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", shortName: "TTPVHCC"),
                    AgencyName(validFrom: mergerDay, name: "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng", shortName: "TTPVHCC"),
                ]),
                Agency(code: Codes.planning, parentCode: Codes.province, level: .department, names: [
                    AgencyName(validFrom: since, name: "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông", shortName: "Sở KH&ĐT"),
                ]),
                Agency(code: Codes.environment, parentCode: Codes.province, level: .department, names: [
                    AgencyName(validFrom: since, name: "Sở Tài nguyên và Môi trường tỉnh Đắk Nông", shortName: "Sở TN&MT"),
                ]),
            ])
        } catch { fatalError("\(error)") }
    }()

    /// Markup, an ampersand and quotes: must print as these characters, never as markup.
    static let trickyName = #"<script>alert(1)</script> & Cô "Lan""#
    static let escapedTrickyName = #"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cô "Lan""#

    static func applicant(name: String = trickyName) -> Applicant {
        do {
            return try Applicant(kind: .person, name: name, idNumber: "067190001234", phone: "0912 345 678",
                                 email: "lan@example.vn", address: "Tổ 3, phường Nghĩa Tân, Gia Nghĩa, Đắk Nông")
        } catch { fatalError("\(error)") }
    }

    static let procedureCode: ProcedureCode = { do { return try ProcedureCode(parsing: "1.009645") } catch { fatalError("\(error)") } }()

    /// 10 working days (legal 15) at Planning and Investment, through three agencies; supplements pause the period.
    static let procedure: Procedure = {
        do {
            return try Procedure(
                code: procedureCode, version: 1, validFrom: t("2020-01-01 00:00"),
                name: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", field: "Đầu tư tại Việt Nam",
                agencyCode: Codes.planning, legalTime: .workingDays(15), localTime: .workingDays(10),
                onlineLevel: .partial, fees: [Fee(amountVND: 1_500_000, description: "Phí thẩm định hồ sơ")],
                documents: [
                    RequiredDocument(name: "Văn bản đề nghị điều chỉnh dự án đầu tư", copies: 1, form: .original),
                    RequiredDocument(name: "Báo cáo tình hình thực hiện dự án đầu tư", copies: 2, form: .original),
                    RequiredDocument(name: "Giấy chứng nhận đăng ký đầu tư đã cấp", copies: 1, form: .certifiedCopy),
                ],
                resultType: "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)", supplementPolicy: .pause,
                steps: [
                    ProcessStep(name: "Thẩm định hồ sơ", agencyCode: Codes.planning, role: "Chuyên viên thụ lý", allotted: .workingDays(5)),
                    ProcessStep(name: "Phê duyệt", agencyCode: Codes.province, role: "Lãnh đạo UBND tỉnh", allotted: .workingDays(3)),
                    ProcessStep(name: "Cập nhật thông tin đất đai", agencyCode: Codes.environment, role: "Chuyên viên", allotted: .workingDays(2)),
                ])
        } catch { fatalError("\(error)") }
    }()

    static let lifecycle = LifecycleContext(procedure: procedure, agencies: agencies)

    /// The same procedure listed for acceptance at any site (Decree 118/2025 as amended), for the receipt
    /// of a dossier accepted on behalf.
    static let anySiteProcedure: Procedure = {
        let p = procedure
        do {
            return try Procedure(code: p.code, version: p.version, validFrom: p.validFrom, name: p.name, field: p.field,
                                 agencyCode: p.agencyCode, legalTime: p.legalTime, localTime: p.localTime, onlineLevel: p.onlineLevel,
                                 fees: p.fees, documents: p.documents, resultType: p.resultType, supplementPolicy: p.supplementPolicy,
                                 steps: p.steps, acceptedAtAnySite: true)
        } catch { fatalError("\(error)") }
    }()

    /// Accepted at the center on 10 September 2026 for the competent site (`Codes.planning`'s desk), sent on.
    static func acceptedOnBehalf() throws -> Dossier {
        let context = LifecycleContext(procedure: anySiteProcedure, agencies: agencies)
        var d = try Dossier.register(draft(on: "2026-09-10"), at: t("2026-09-10 10:00"), actor: "tiepnhan", context: context).dossier
        try d.execute(.acceptOnBehalf(destination: Codes.planning), at: t("2026-09-10 10:00"), actor: "tiepnhan", context: context)
        try d.execute(.forward(channel: .electronic, note: nil), at: t("2026-09-10 14:00"), actor: "tiepnhan", context: context)
        return d
    }

    /// Received 2 September 2026 … stopped on the 14th: the Decree 118/2025 stop notice.
    static func stoppedUnderTheNewRegime() throws -> Dossier {
        var d = try registered(at: "2026-09-10 09:00")
        try run(&d, [("2026-09-14 09:00", .stop(reason: "Tòa án đang thụ lý tranh chấp liên quan"))])
        return d
    }

    static func draft(on iso: String, sequence: Int = 1, channel: Channel = .counter, applicant: Applicant = applicant()) -> DossierDraft {
        do {
            return DossierDraft(code: try DossierCode(agencyCode: Codes.center, date: day(iso), sequence: sequence),
                                procedureCode: procedureCode, applicant: applicant, channel: channel)
        } catch { fatalError("\(error)") }
    }

    /// A dossier registered (and, unless online, received) at `instant`.
    static func registered(at instant: String, channel: Channel = .counter, sequence: Int = 1, receive: Bool = true) throws -> Dossier {
        var d = try Dossier.register(draft(on: String(instant.prefix(10)), sequence: sequence, channel: channel),
                                     at: t(instant), actor: "tiepnhan", context: lifecycle).dossier
        if receive { try d.execute(.receive, at: t(instant), actor: "tiepnhan", context: lifecycle) }
        return d
    }

    /// Runs commands at local instants.
    static func run(_ d: inout Dossier, _ steps: [(String, DossierCommand)]) throws {
        for (instant, command) in steps {
            try d.execute(command, at: t(instant), actor: "canbo", context: lifecycle)
        }
    }

    static let supplementReason = "Thiếu báo cáo tình hình thực hiện dự án"
    static let extensionReason = "Chờ ý kiến phê duyệt của UBND tỉnh"

    /// The whole life across three agencies and Tết 2021 (holidays 10–16 February), as in MotCuaCore's
    /// TetLifeTests: received Friday 5 February 09:00, due 26 February 09:00; a supplement (pause) moves it to
    /// 2 March 11:00; an extension gives the citizen 5 March 17:00; steps late, on time, late; returned 5 March.
    /// `until` stops after the command at that instant.
    static func lifeAcrossTet(until last: String? = nil) throws -> Dossier {
        var d = try registered(at: "2021-02-05 09:00")
        let steps: [(String, DossierCommand)] = [
            ("2021-02-05 09:00", .transfer),
            ("2021-02-05 09:30", .acceptStep(assignee: "Nguyễn Văn Thẩm")),
            ("2021-02-09 10:00", .requestSupplement(reason: supplementReason, documents: ["Báo cáo tình hình thực hiện dự án", "Bản sao hợp đồng thuê đất"])),
            ("2021-02-18 14:00", .receiveSupplement(note: "Đã nhận đủ")),
            ("2021-02-24 10:00", .completeStep(note: "Đủ điều kiện")),
            ("2021-02-25 09:00", .extend(newDueAt: t("2021-03-05 17:00"), reason: extensionReason, apologyLetter: "25/PXL-TTHCC")),
            ("2021-02-25 10:00", .acceptStep(assignee: "Lê Thị Duyệt")),
            ("2021-03-01 09:00", .completeStep(note: nil)),
            ("2021-03-01 09:30", .acceptStep(assignee: "Trần Văn Môi")),
            ("2021-03-04 08:00", .completeStep(note: nil)),
            ("2021-03-04 08:00", .recordResult(outcome: .approved, note: nil)),
            ("2021-03-05 08:00", .returnResult(channel: .counter)),
        ]
        for (instant, command) in steps {
            try d.execute(command, at: t(instant), actor: "canbo", context: lifecycle)
            if instant == last { break }
        }
        return d
    }

    /// Received by post on Monday 12 July 2021 at 08:15, every step early, returned by post on 16 July.
    static func earlyPostal() throws -> Dossier {
        var d = try registered(at: "2021-07-12 08:15", channel: .postal, sequence: 7)
        try run(&d, [
            ("2021-07-12 08:15", .transfer),
            ("2021-07-12 08:40", .acceptStep(assignee: "Phạm Minh Khải")),
            ("2021-07-13 10:00", .completeStep(note: nil)),
            ("2021-07-14 15:00", .completeStep(note: nil)),
            ("2021-07-15 09:00", .completeStep(note: nil)),
            ("2021-07-15 09:00", .recordResult(outcome: .approved, note: nil)),
            ("2021-07-16 10:00", .returnResult(channel: .postal)),
        ])
        return d
    }

    static let deskRefusalReason = "Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh"

    /// Submitted online on 12 July 2021 at 14:30 and refused at the desk the same afternoon.
    static func refusedAtDesk() throws -> Dossier {
        var d = try registered(at: "2021-07-12 14:30", channel: .online, sequence: 9, receive: false)
        try run(&d, [("2021-07-12 14:30", .refuseAtDesk(reason: deskRefusalReason))])
        return d
    }

    /// Refused by the provincial People's Committee during processing.
    static func refusedInProcessing() throws -> Dossier {
        var d = try registered(at: "2021-07-12 08:15", sequence: 3)
        try run(&d, [
            ("2021-07-12 08:15", .transfer),
            ("2021-07-13 10:00", .completeStep(note: nil)),
            ("2021-07-14 16:45", .refuse(reason: "Dự án không phù hợp quy hoạch sử dụng đất")),
        ])
        return d
    }

    /// Online, asked at the desk to supplement before receipt (the period has not started).
    static func deskSupplement() throws -> Dossier {
        var d = try registered(at: "2026-02-05 14:05", channel: .online, sequence: 12, receive: false)
        try run(&d, [("2026-02-05 15:20", .requestSupplement(reason: "Văn bản đề nghị chưa có chữ ký của người đại diện theo pháp luật",
                                                               documents: ["Văn bản đề nghị điều chỉnh dự án đầu tư (có chữ ký, đóng dấu)"]))])
        return d
    }

    /// In the second step (provincial People's Committee) on 1 March 2021, 10:00.
    static func inSecondStep() throws -> Dossier {
        try lifeAcrossTet(until: "2021-02-25 10:00")
    }

    static let officer = SlipOfficer(name: "Nguyễn Thị Hoa", title: "Giám đốc", phone: "0261 3544 555")

    static func context(_ d: Dossier, issuer: AgencyCode = Codes.center, officer: SlipOfficer? = officer,
                        issuedAt: Date? = nil, number: String? = nil) throws -> SlipContext {
        try SlipContext(dossier: d, procedure: procedure, agencies: agencies, issuingAgency: issuer, place: "Đắk Nông",
                        officer: officer, issuedAt: issuedAt, number: number)
    }

    /// The error a slip throws, or nil.
    static func slipError(_ body: () throws -> Void) -> SlipError? {
        do { try body(); return nil } catch let error as SlipError { return error } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}
