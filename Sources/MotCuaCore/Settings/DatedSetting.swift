import Foundation
import WorkCalendar

/// A rule the law states with a number that may change, kept as data with the date it applies from, so a
/// province can correct it without a release and past dossiers keep the value they were handled under.
/// An administrator records values (`motcua settings set`); before any recorded value the default applies.
public struct DatedSetting: Sendable, Hashable, Identifiable {
    /// Stored and typed as it is (`forwarding_working_days`).
    public let id: String
    public let defaultValue: Int
    public let range: ClosedRange<Int>
    public let vietnameseLabel: String
    /// The legal basis, and how sure we are of it (shown beside the value).
    public let legalBasis: String

    /// Working days a site has to deliver a dossier it accepted on behalf of another agency. Decree 118/2025
    /// as amended by 309/2026 asks for the transfer "no later than the next working day" as summarised in
    /// our sources [summary, not confirmed in full text]: one working day until a province records otherwise.
    public static let forwardingWorkingDays = DatedSetting(
        id: "forwarding_working_days", defaultValue: 1, range: 1...10,
        vietnameseLabel: "Thời hạn chuyển hồ sơ tiếp nhận không phụ thuộc địa giới hành chính (ngày làm việc)",
        legalBasis: "Nghị định 118/2025/NĐ-CP, sửa đổi bởi Nghị định 309/2026/NĐ-CP (Điều 14, 17) — theo bản tóm tắt, chưa đối chiếu toàn văn; mặc định 01 ngày làm việc.")

    public static let all: [DatedSetting] = [.forwardingWorkingDays]

    public static func named(_ id: String) -> DatedSetting? { all.first { $0.id == id } }
}

/// One recorded value of a setting, from a local date on.
public struct DatedSettingValue: Sendable, Hashable, Codable {
    public var setting: String
    public var validFrom: LocalDate
    public var value: Int
    public var note: String?

    public init(setting: String, validFrom: LocalDate, value: Int, note: String? = nil) {
        self.setting = setting
        self.validFrom = validFrom
        self.value = value
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case setting, validFrom = "valid_from", value, note }
}

/// Every recorded value, answering "what applied on this day".
public struct DatedSettings: Sendable, Hashable {
    public let values: [DatedSettingValue]

    public init(_ values: [DatedSettingValue] = []) {
        self.values = values.sorted { ($0.setting, $0.validFrom) < ($1.setting, $1.validFrom) }
    }

    /// The value in force on `date`: the latest recorded from that day or before, else the default.
    public func value(of setting: DatedSetting, on date: LocalDate) -> Int {
        values.last { $0.setting == setting.id && $0.validFrom <= date }?.value ?? setting.defaultValue
    }

    public func value(of setting: DatedSetting, at instant: Date) -> Int {
        value(of: setting, on: VietnamTime.localDate(of: instant))
    }
}
