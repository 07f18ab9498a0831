import Foundation
import MotCuaCore
import WorkCalendar

/// The agencies, sites, catalogue and staff of the post-reform sample (`motcua demo --sample lam-dong-2026`):
/// the merged province of Lâm Đồng after 1 July 2025 — its provincial center with a branch in Gia Nghĩa
/// (the former Đắk Nông center), five commune centers, departments — and the Đắk Nông bodies that ended on
/// 30 June 2025 with their successors.
///
/// Codes keep the QCVN 102:2016 shape; H39 stands for Lâm Đồng. The merged province's real codes are not
/// in our sources (LAW-2026: "look the new codes up before hard-coding any"), so these are illustrative, as
/// are the commune procedures' owners: the catalogue models one owner per procedure, so each commune owns one.
public enum LamDong2026World {
    struct Site: Sendable {
        let key: String
        let code: AgencyCode
        /// The People's Committee a commune center serves (nil for the provincial center and its branch).
        let commune: AgencyCode?
    }

    /// The branch in Gia Nghĩa: present only in the sample's database (its marker).
    public static var branchCode: AgencyCode { branch }

    static let mergerDay = date(2025, 7, 1)
    static let lastDayOfDakNong = date(2025, 6, 30)
    static let since = date(2004, 1, 1)

    // Đắk Nông, until 30 June 2025.
    static let dakNongProvince = code("000.00.00.H56")
    static let dakNongCenter = code("000.00.15.H56")
    static let dakNongJustice = code("000.00.11.H56")
    static let dakNongAgriculture = code("000.00.25.H56")

    // Lâm Đồng.
    static let province = code("000.00.00.H39")
    static let center = code("000.00.15.H39")
    static let branch = code("000.01.15.H39")
    static let justice = code("000.00.11.H39")
    static let agriculture = code("000.00.25.H39")
    static let construction = code("000.00.20.H39")

    /// (key, People's Committee name, short name, code number) of the five communes and wards.
    static let communes: [(key: String, name: String, short: String, number: Int)] = [
        ("bgn", "phường Bắc Gia Nghĩa", "P. Bắc Gia Nghĩa", 31),
        ("ngn", "phường Nam Gia Nghĩa", "P. Nam Gia Nghĩa", 32),
        ("dl", "xã Đức Lập", "X. Đức Lập", 33),
        ("dm", "xã Đắk Mil", "X. Đắk Mil", 34),
        ("xh", "phường Xuân Hương - Đà Lạt", "P. Xuân Hương - Đà Lạt", 35),
    ]

    static func communeCode(_ number: Int) -> AgencyCode { code(String(format: "000.00.%02d.H39", number)) }
    static func communeCenterCode(_ number: Int) -> AgencyCode { code(String(format: "000.01.%02d.H39", number)) }

    static let sites: [Site] = [Site(key: "tinh", code: center, commune: nil), Site(key: "gn", code: branch, commune: nil)]
        + communes.map { Site(key: $0.key, code: communeCenterCode($0.number), commune: communeCode($0.number)) }

    static func agencies() throws -> [Agency] {
        func names(_ pairs: [(LocalDate, LocalDate?, String, String)]) -> [AgencyName] {
            pairs.map { AgencyName(validFrom: $0.0, validUntil: $0.1, name: $0.2, shortName: $0.3) }
        }
        var result: [Agency] = [
            try Agency(code: dakNongProvince, level: .province, kind: .other,
                       names: names([(since, lastDayOfDakNong, "Ủy ban nhân dân tỉnh Đắk Nông", "UBND tỉnh Đắk Nông")]),
                       successorCode: province),
            try Agency(code: dakNongCenter, parentCode: dakNongProvince, level: .center, kind: .center,
                       names: names([(since, lastDayOfDakNong, "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", "TTPVHCC Đắk Nông")]),
                       successorCode: branch),
            try Agency(code: dakNongJustice, parentCode: dakNongProvince, level: .department, kind: .department,
                       names: names([(since, lastDayOfDakNong, "Sở Tư pháp tỉnh Đắk Nông", "STP Đắk Nông")]),
                       successorCode: justice),
            try Agency(code: dakNongAgriculture, parentCode: dakNongProvince, level: .department, kind: .department,
                       names: names([(date(2025, 3, 1), lastDayOfDakNong, "Sở Nông nghiệp và Môi trường tỉnh Đắk Nông", "SNNMT Đắk Nông")]),
                       successorCode: agriculture),
            try Agency(code: province, level: .province, kind: .other,
                       names: names([(since, nil, "Ủy ban nhân dân tỉnh Lâm Đồng", "UBND tỉnh")])),
            try Agency(code: center, parentCode: province, level: .center, kind: .center,
                       names: names([(since, nil, "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng", "TTPVHCC tỉnh")])),
            try Agency(code: branch, parentCode: center, level: .center, kind: .branch,
                       names: names([(mergerDay, nil, "Chi nhánh Gia Nghĩa - Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng", "CN Gia Nghĩa")])),
            // The merged province's departments took over both provinces' work from 1 July 2025.
            try Agency(code: justice, parentCode: province, level: .department, kind: .department,
                       names: names([(since, nil, "Sở Tư pháp tỉnh Lâm Đồng", "STP")])),
            try Agency(code: agriculture, parentCode: province, level: .department, kind: .department,
                       names: names([(since, date(2025, 2, 28), "Sở Tài nguyên và Môi trường tỉnh Lâm Đồng", "STNMT"),
                                     (date(2025, 3, 1), nil, "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng", "SNNMT")])),
            try Agency(code: construction, parentCode: province, level: .department, kind: .department,
                       names: names([(since, nil, "Sở Xây dựng tỉnh Lâm Đồng", "SXD")])),
        ]
        for commune in communes {
            let people = communeCode(commune.number)
            result.append(try Agency(code: people, parentCode: province, level: .commune, kind: .commune,
                                     names: names([(mergerDay, nil, "Ủy ban nhân dân \(commune.name)", "UBND \(commune.short)")])))
            result.append(try Agency(code: communeCenterCode(commune.number), parentCode: people, level: .center, kind: .communeCenter,
                                     names: names([(mergerDay, nil, "Trung tâm Phục vụ hành chính công \(commune.name)", "TTPVHCC \(commune.short)")])))
        }
        return result
    }

    // MARK: Catalogue

    static let criminalRecord = procedureCode("2.000635")
    static let landRegistration = procedureCode("1.004227")
    static let buildingPermit = procedureCode("1.009972")
    /// One commune procedure per commune, in the order of `communes`.
    static let communeProcedures: [(code: ProcedureCode, name: String, field: String, days: Int, anySite: Bool)] = [
        (procedureCode("1.001193"), "Đăng ký khai sinh", "Hộ tịch", 1, false),
        (procedureCode("1.000894"), "Đăng ký kết hôn", "Hộ tịch", 1, false),
        (procedureCode("1.004873"), "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, false),
        (procedureCode("1.000656"), "Đăng ký khai tử", "Hộ tịch", 1, false),
        (procedureCode("2.000815"), "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 1, true),
    ]

    static func procedures() throws -> [Procedure] {
        let before = VietnamTime.instant(date: date(2020, 1, 1), time: try TimeOfDay(hour: 0))
        let after = VietnamTime.instant(date: mergerDay, time: try TimeOfDay(hour: 0))
        func department(_ code: ProcedureCode, version: Int, from: Date, name: String, field: String, owner: AgencyCode,
                        legal: Int, local: Int, anySite: Bool, fee: Int) throws -> Procedure {
            let review = max(1, local * 6 / 10), approval = max(1, local / 4)
            return try Procedure(
                code: code, version: version, validFrom: from, name: name, field: field, agencyCode: owner,
                legalTime: .workingDays(legal), localTime: .workingDays(local), onlineLevel: .full,
                fees: [Fee(amountVND: fee, description: fee == 0 ? "Không thu phí" : "Lệ phí")],
                documents: [RequiredDocument(name: "Tờ khai theo mẫu", copies: 1, form: .original),
                            RequiredDocument(name: "Giấy tờ chứng minh nhân thân (nếu không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)", copies: 1, form: .copy)],
                resultType: name, supplementPolicy: .restart,
                steps: [ProcessStep(name: "Thẩm định hồ sơ", agencyCode: owner, role: "Chuyên viên thụ lý", allotted: .workingDays(review)),
                        ProcessStep(name: "Phê duyệt, ký kết quả", agencyCode: owner, role: "Lãnh đạo Sở", allotted: .workingDays(approval))],
                acceptedAtAnySite: anySite)
        }
        var result: [Procedure] = [
            try department(criminalRecord, version: 1, from: before, name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                           field: "Lý lịch tư pháp", owner: dakNongJustice, legal: 10, local: 8, anySite: false, fee: 200_000),
            try department(criminalRecord, version: 2, from: after, name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                           field: "Lý lịch tư pháp", owner: justice, legal: 10, local: 8, anySite: true, fee: 200_000),
            try department(landRegistration, version: 1, from: before,
                           name: "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", field: "Đất đai",
                           owner: dakNongAgriculture, legal: 10, local: 7, anySite: false, fee: 0),
            try department(landRegistration, version: 2, from: after,
                           name: "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", field: "Đất đai",
                           owner: agriculture, legal: 10, local: 7, anySite: true, fee: 0),
            try department(buildingPermit, version: 1, from: after, name: "Cấp giấy phép xây dựng mới đối với công trình cấp III",
                           field: "Hoạt động xây dựng", owner: construction, legal: 20, local: 15, anySite: false, fee: 150_000),
        ]
        for (index, commune) in communes.enumerated() {
            let p = communeProcedures[index]
            let owner = communeCode(commune.number)
            result.append(try Procedure(
                code: p.code, validFrom: after, name: p.name, field: p.field, agencyCode: owner,
                legalTime: .workingDays(p.days + 2), localTime: .workingDays(p.days), onlineLevel: .full,
                fees: [Fee(amountVND: 0, description: "Miễn lệ phí")],
                documents: [RequiredDocument(name: "Tờ khai theo mẫu", copies: 1, form: .original)],
                resultType: p.name, supplementPolicy: .restart,
                steps: [ProcessStep(name: "Xử lý hồ sơ", agencyCode: owner, role: "Công chức tư pháp - hộ tịch", allotted: .workingDays(p.days))],
                acceptedAtAnySite: p.anySite))
        }
        return result
    }

    // MARK: Staff

    static func reception(_ site: Site) -> String { "tn.\(site.key)" }
    static func specialist(_ key: String) -> String { "cv.\(key)" }
    static func leader(_ key: String) -> String { "ld.\(key)" }

    /// The key of an agency that has staff (departments and communes, the Đắk Nông ones included).
    static let staffKeys: [AgencyCode: String] = {
        var keys: [AgencyCode: String] = [justice: "stp", agriculture: "snnmt", construction: "sxd",
                                          dakNongJustice: "stp", dakNongAgriculture: "snnmt"]
        for commune in communes { keys[communeCode(commune.number)] = commune.key }
        return keys
    }()

    static func users() -> [DemoUser] {
        let names = ["Nguyễn Thị Hạnh", "Trần Văn Bình", "Lê Thị Thu", "Phạm Minh Đức", "Hoàng Thị Mai", "Vũ Văn Nam", "Đặng Thị Lan"]
        var result: [DemoUser] = []
        for (index, site) in sites.enumerated() {
            // The branch took over the Đắk Nông center's desk: its officers work both codes.
            let agencies = site.code == branch ? [branch, dakNongCenter] : [site.code]
            result.append(DemoUser(username: reception(site), displayName: names[index % names.count], role: .reception, agencyCodes: agencies))
        }
        let departments: [(String, [AgencyCode])] = [("stp", [justice, dakNongJustice]), ("snnmt", [agriculture, dakNongAgriculture]),
                                                     ("sxd", [construction])]
        let communeStaff: [(String, [AgencyCode])] = communes.map { ($0.key, [communeCode($0.number)]) }
        for (key, codes) in departments + communeStaff {
            result.append(DemoUser(username: specialist(key), displayName: "Chuyên viên \(key.uppercased())", role: .specialist, agencyCodes: codes))
            result.append(DemoUser(username: leader(key), displayName: "Lãnh đạo \(key.uppercased())", role: .leader, agencyCodes: codes))
        }
        result.append(DemoUser(username: "ql.tinh", displayName: "Quản lý Trung tâm", role: .manager, agencyCodes: [center]))
        result.append(DemoUser(username: "qt.tinh", displayName: "Quản trị hệ thống", role: .administrator, agencyCodes: [center]))
        return result
    }

    // MARK: Helpers

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        do { return try LocalDate(year: year, month: month, day: day) } catch { fatalError("constant date") }
    }

    static func code(_ text: String) -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch { fatalError("constant agency code \(text)") }
    }

    static func procedureCode(_ text: String) -> ProcedureCode {
        do { return try ProcedureCode(parsing: text) } catch { fatalError("constant procedure code \(text)") }
    }
}
