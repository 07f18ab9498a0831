import Foundation
import WorkCalendar

/// The one-stop regime a dossier is handled under: the one in force at its receipt (issue 11, item 3).
/// Dated data, not code paths: a province corrects a date or adds an amendment here without touching the
/// rules. What LAW-2026 marks as known from summaries only is said so in `basisNote`.
public struct LegalRegime: Sendable, Hashable, Identifiable {
    public let id: String
    /// From this local date (inclusive).
    public let validFrom: LocalDate
    /// The decree and its amendments in force, as printed ("Nghị định 118/2025/NĐ-CP (sửa đổi bởi …)").
    public let title: String
    /// The circular whose forms the slips follow.
    public let forms: String
    /// How sure we are of the text, for the page and the docs.
    public let basisNote: String?

    /// Decree 61/2018 with Circular 01/2018's forms; Decree 118/2025 from 1 July 2025; as amended by Decree
    /// 309/2026 from 5 August 2026 (Decree 367/2025 in between).
    public static let schedule: [LegalRegime] = [
        LegalRegime(id: "nd61-2018", validFrom: date(2018, 6, 21),
                    title: "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)",
                    forms: "Thông tư 01/2018/TT-VPCP", basisNote: nil),
        LegalRegime(id: "nd118-2025", validFrom: date(2025, 7, 1),
                    title: "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP)",
                    forms: "Thông tư 03/2025/TT-VPCP",
                    basisNote: "Số hiệu mẫu của Thông tư 03/2025/TT-VPCP chưa được đối chiếu với văn bản gốc."),
        LegalRegime(id: "nd118-2025-309-2026", validFrom: date(2026, 8, 5),
                    title: "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP và Nghị định 309/2026/NĐ-CP)",
                    forms: "Thông tư 03/2025/TT-VPCP",
                    basisNote: "Số hiệu mẫu của Thông tư 03/2025/TT-VPCP chưa được đối chiếu với văn bản gốc."),
    ]

    /// The regime in force on `date` (the earliest one before the first date).
    public static func inForce(on date: LocalDate, schedule: [LegalRegime] = schedule) -> LegalRegime {
        schedule.last { $0.validFrom <= date } ?? schedule[0]
    }

    /// The regime of a dossier: that of its receipt, or of its registration while not yet received.
    public static func of(_ dossier: Dossier) -> LegalRegime {
        inForce(on: VietnamTime.localDate(of: dossier.receivedAt ?? dossier.registeredAt))
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        do { return try LocalDate(year: year, month: month, day: day) } catch { fatalError("constant date \(year)-\(month)-\(day)") }
    }
}
