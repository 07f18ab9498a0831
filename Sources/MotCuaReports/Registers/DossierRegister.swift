import Foundation
import MotCuaCore
import MotCuaStore
import OfficeDocuments
import WorkCalendar

/// The register of dossiers a site keeps ("Sổ theo dõi hồ sơ", the Decree 118/2025 form set): one line per
/// dossier the site accepted or received in the period — code, procedure, applicant, both receipt instants
/// and sites, the appointment, the result and its return. Written from the dossiers' states, as XLSX.
public struct DossierRegister: Sendable {
    public struct Line: Sendable, Hashable {
        public let code: String
        public let procedure: String
        public let applicant: String
        public let acceptedAt: Date?
        public let acceptingSite: String
        public let receivedAt: Date?
        public let receivingSite: String
        public let dueAt: Date?
        public let completedAt: Date?
        public let returnedAt: Date?
        public let status: String
    }

    public let register: SlipFormSet.Register
    public let formSet: SlipFormSet
    public let siteName: String?
    public let period: StatisticsPeriod
    public let lines: [Line]

    /// Why a register cannot be made.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public let description: String
        public let vietnameseMessage: String
    }

    /// The register of `site` (with its branches; nil: every site) for `period`, in the form of the set in
    /// force on the period's last day.
    public static func load(_ period: StatisticsPeriod, site: AgencyCode?, database: Database) async throws -> DossierRegister {
        let sets = try await SlipLoader.allFormSets(database)
        let formSet = SlipFormSet.inForce(on: period.to, among: sets)
        guard let register = formSet.register else {
            throw Unavailable(description: "the form set \(formSet.id) in force on \(period.to) has no dossier register (it exists from the Decree 118/2025 set)",
                              vietnameseMessage: "Bộ biểu mẫu \(formSet.id) áp dụng đến ngày \(period.to.vietnameseNumeric) không có sổ theo dõi hồ sơ.")
        }
        let directory = try await AgencyStore(database: database).directory()
        let catalogue = try await ProcedureStore(database: database).catalogue()
        let dossiers = try await DossierStore(database: database)
            .registerEntries(from: period.start, to: period.end, sites: directory.siteGroup(ofOptional: site))
        func name(_ code: AgencyCode, _ at: Date) -> String { directory[code]?.name(on: VietnamTime.localDate(of: at)) ?? code.rawValue }
        let lines = dossiers.map { d in
            Line(code: d.code.rawValue, procedure: catalogue.procedure(d.procedure)?.name ?? d.procedure.code.rawValue,
                 applicant: d.applicant?.name ?? "", acceptedAt: d.acceptedAt ?? d.receivedAt,
                 acceptingSite: name(d.code.agencyCode, d.registeredAt), receivedAt: d.receivedAt,
                 receivingSite: name(d.deskAgencyCode, d.receivedAt ?? d.registeredAt), dueAt: d.citizenDueAt,
                 completedAt: d.completedAt, returnedAt: d.returnedAt, status: d.status.vietnameseLabel)
        }
        return DossierRegister(register: register, formSet: formSet, siteName: site.map { directory[$0]?.name(on: period.to) ?? $0.rawValue },
                               period: period, lines: lines)
    }

    static let columns: [(title: String, width: Double)] = [
        ("STT", 6), ("Mã hồ sơ", 28), ("Tên thủ tục hành chính", 40), ("Tổ chức, cá nhân", 26),
        ("Nơi tiếp nhận", 30), ("Thời gian tiếp nhận", 18), ("Cơ quan có thẩm quyền tiếp nhận", 30), ("Thời gian tiếp nhận của cơ quan có thẩm quyền", 18),
        ("Hẹn trả kết quả", 18), ("Có kết quả", 18), ("Trả kết quả", 18), ("Tình trạng", 24),
    ]

    public func workbook() throws -> Workbook {
        let header = CellStyle.header
        let width = Self.columns.count
        func blank(_ n: Int) -> [SheetCell] { Array(repeating: .empty(), count: n) }
        func instant(_ date: Date?) -> SheetCell { .text(date.map(VietnameseFormat.slipInstant) ?? "", style: .tableText) }
        let periodLine = "Từ ngày \(period.from.vietnameseNumeric) đến ngày \(period.to.vietnameseNumeric)"
            + (siteName.map { " — \($0)" } ?? "")
        var rows: [SheetRow] = [
            SheetRow([.text("\(register.label) (\(formSet.legalBasis))", style: CellStyle(italic: true))] + blank(width - 1)),
            SheetRow([.text(register.title, style: CellStyle(bold: true, horizontal: .center))] + blank(width - 1)),
            SheetRow([.text(periodLine, style: CellStyle(italic: true, horizontal: .center))] + blank(width - 1)),
            SheetRow(Self.columns.map { .text($0.title, style: header) }, height: 45),
        ]
        for (index, line) in lines.enumerated() {
            rows.append(SheetRow([.number(index + 1), .text(line.code, style: .tableText), .text(line.procedure, style: .tableText),
                                  .text(line.applicant, style: .tableText), .text(line.acceptingSite, style: .tableText),
                                  instant(line.acceptedAt), .text(line.receivingSite, style: .tableText), instant(line.receivedAt),
                                  instant(line.dueAt), instant(line.completedAt), instant(line.returnedAt),
                                  .text(line.status, style: .tableText)]))
        }
        let last = Character(UnicodeScalar(UInt8(64 + width)))
        let merges = try ["A1:\(last)1", "A2:\(last)2", "A3:\(last)3"].map { try CellRange($0) }
        let sheet = Worksheet(name: "Sổ theo dõi", rows: rows, mergedRanges: merges, columnWidths: Self.columns.map(\.width),
                              frozenRows: 4, orientation: .landscape, fitToPageWidth: true)
        return Workbook(sheets: [sheet], properties: DocumentProperties(title: register.title, subject: periodLine, creator: "MotCua"))
    }
}
