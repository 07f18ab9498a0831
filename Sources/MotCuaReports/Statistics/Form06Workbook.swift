import Foundation
import MotCuaCore
import MotCuaStore
import OfficeDocuments
import WorkCalendar

/// The statistics per agency as an XLSX in the columns of Form 06 of Circular 01/2020/TT-VPCP (tình hình,
/// kết quả giải quyết thủ tục hành chính): received (total = carried over + new online + new at the counter
/// and by post), resolved (early, on time, late), in progress (within deadline, overdue).
public struct Form06Workbook: Sendable {
    public struct Row: Sendable, Hashable, Codable {
        public let agencyName: String
        public let figures: DossierFigures
    }

    public let title: String
    public let period: StatisticsPeriod
    public let rows: [Row]

    public init(title: String = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", period: StatisticsPeriod, rows: [Row]) {
        self.title = title
        self.period = period
        self.rows = rows
    }

    /// Loads the rows: one per owning agency with dossiers in the period, named as on the period's last day.
    public static func load(_ period: StatisticsPeriod, database: Database, scope: StatisticsScope = .all) async throws -> Form06Workbook {
        let directory = try await AgencyStore(database: database).directory()
        let figures = try await StatisticsStore(database: database).dossierFiguresByOwningAgency(period, scope: scope)
        return Form06Workbook(period: period, rows: figures.map { code, figures in
            Row(agencyName: directory[code]?.name(on: period.to) ?? code.rawValue, figures: figures)
        })
    }

    static let columnTitles = [
        "STT", "Cơ quan giải quyết", "Tổng số", "Kỳ trước chuyển qua", "Mới tiếp nhận trực tuyến",
        "Mới tiếp nhận trực tiếp và dịch vụ bưu chính", "Tổng số", "Trả trước hạn", "Trả đúng hạn", "Trả quá hạn",
        "Tổng số", "Chưa đến hạn", "Quá hạn",
    ]

    static func numbers(_ f: DossierFigures) -> [Int] {
        [f.carriedOver + f.received, f.carriedOver, f.receivedOnline, f.receivedCounter + f.receivedPostal,
         f.resolved, f.early, f.onTime, f.late, f.inProgress, f.withinDeadline, f.overdue]
    }

    public func workbook() throws -> Workbook {
        let header = CellStyle.header
        let periodLine = "Kỳ báo cáo: từ ngày \(period.from.vietnameseNumeric) đến ngày \(period.to.vietnameseNumeric)"
        var sheetRows: [SheetRow] = [
            SheetRow([.text(title, style: CellStyle(bold: true, horizontal: .center))] + Array(repeating: .empty(), count: 12)),
            SheetRow([.text(periodLine, style: CellStyle(italic: true, horizontal: .center))] + Array(repeating: .empty(), count: 12)),
            SheetRow([.text("STT", style: header), .text("Cơ quan giải quyết", style: header),
                      .text("Số hồ sơ nhận giải quyết", style: header), .empty(style: header), .empty(style: header), .empty(style: header),
                      .text("Số lượng hồ sơ đã giải quyết", style: header), .empty(style: header), .empty(style: header), .empty(style: header),
                      .text("Số lượng hồ sơ đang giải quyết", style: header), .empty(style: header), .empty(style: header)],
                     height: 30),
            SheetRow([.empty(style: header), .empty(style: header), .text("Tổng số", style: header),
                      .text("Trong đó", style: header), .empty(style: header), .empty(style: header),
                      .text("Tổng số", style: header), .text("Trả trước hạn", style: header), .text("Trả đúng hạn", style: header),
                      .text("Trả quá hạn", style: header), .text("Tổng số", style: header), .text("Chưa đến hạn", style: header),
                      .text("Quá hạn", style: header)]),
            SheetRow(Self.columnTitles.enumerated().map { index, title in
                [3, 4, 5].contains(index) ? .text(title, style: header) : .empty(style: header)
            }, height: 60),
            SheetRow((1...13).map { .text("(\($0))", style: CellStyle(italic: true, horizontal: .center, bordered: true)) }),
        ]
        var total = DossierFigures()
        for (index, row) in rows.enumerated() {
            sheetRows.append(SheetRow([.number(index + 1), .text(row.agencyName, style: .tableText)]
                                      + Self.numbers(row.figures).map { .number($0) }))
            total = total.adding(row.figures)
        }
        sheetRows.append(SheetRow([.empty(style: .tableText), .text("Tổng cộng", style: CellStyle.tableText.bolded)]
                                  + Self.numbers(total).map { .number($0, style: CellStyle.integer.bolded) }))
        let merges = try ["A1:M1", "A2:M2", "A3:A5", "B3:B5", "C3:F3", "G3:J3", "K3:M3", "C4:C5", "D4:F4",
                          "G4:G5", "H4:H5", "I4:I5", "J4:J5", "K4:K5", "L4:L5", "M4:M5"].map { try CellRange($0) }
        let sheet = Worksheet(name: "Mẫu 06", rows: sheetRows, mergedRanges: merges,
                              columnWidths: [6, 40] + Array(repeating: 12, count: 11), frozenRows: 6,
                              orientation: .landscape, fitToPageWidth: true)
        return Workbook(sheets: [sheet], properties: DocumentProperties(title: title, subject: periodLine, creator: "MotCua"))
    }
}

extension DossierFigures {
    func adding(_ other: DossierFigures) -> DossierFigures {
        var sum = self
        sum.received += other.received
        sum.receivedOnline += other.receivedOnline
        sum.receivedCounter += other.receivedCounter
        sum.receivedPostal += other.receivedPostal
        sum.carriedOver += other.carriedOver
        sum.resolved += other.resolved
        sum.early += other.early
        sum.onTime += other.onTime
        sum.late += other.late
        sum.returnedByPostal += other.returnedByPostal
        sum.inProgress += other.inProgress
        sum.withinDeadline += other.withinDeadline
        sum.overdue += other.overdue
        sum.withdrawn += other.withdrawn
        return sum
    }
}
