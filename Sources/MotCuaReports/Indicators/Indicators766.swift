import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// Thresholds and maximum points of the Decision 766/QĐ-TTg indicators MotCua can compute from its data
/// (DESIGN "Decision 766/QĐ-TTg indicators"): settings, not law — the national portal has changed them.
/// Each indicator scores `max × min(1, rate ÷ threshold)`.
public struct IndicatorSettings: Sendable, Hashable, Codable {
    public struct Setting: Sendable, Hashable, Codable {
        public var maxPoints: Double
        public var threshold: Double
        public init(maxPoints: Double, threshold: Double) {
            self.maxPoints = maxPoints
            self.threshold = threshold
        }
        enum CodingKeys: String, CodingKey { case maxPoints = "max_points", threshold }
    }

    /// Progress group (20 points): on-time rate, 766 rule.
    public var onTime = Setting(maxPoints: 20, threshold: 1.0)
    /// Online services group (12 points): share of dossiers submitted online.
    public var online = Setting(maxPoints: 12, threshold: 0.5)
    /// Online payment group (10 points).
    public var onlinePayment = Setting(maxPoints: 10, threshold: 0.8)
    /// Satisfaction group (18 points).
    public var satisfaction = Setting(maxPoints: 18, threshold: 0.9)

    public init() {}

    enum CodingKeys: String, CodingKey {
        case onTime = "on_time", online, onlinePayment = "online_payment", satisfaction
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = IndicatorSettings()
        onTime = try c.decodeIfPresent(Setting.self, forKey: .onTime) ?? defaults.onTime
        online = try c.decodeIfPresent(Setting.self, forKey: .online) ?? defaults.online
        onlinePayment = try c.decodeIfPresent(Setting.self, forKey: .onlinePayment) ?? defaults.onlinePayment
        satisfaction = try c.decodeIfPresent(Setting.self, forKey: .satisfaction) ?? defaults.satisfaction
    }
}

/// One indicator: its Vietnamese label and formula written out, the counts, the rate and the score.
/// `rate` and `score` are nil when the denominator is zero or the data cannot give the numerator.
public struct Indicator: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var formula: String
    public var numerator: Int?
    public var denominator: Int
    public var rate: Double?
    /// Nil for an indicator shown for comparison only (the legal on-time rate).
    public var threshold: Double?
    public var maxPoints: Double?
    public var score: Double?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case key, label, formula, numerator, denominator, rate, threshold, maxPoints = "max_points", score, note
    }

    init(key: String, label: String, formula: String, numerator: Int?, denominator: Int,
         setting: IndicatorSettings.Setting?, note: String? = nil) {
        self.key = key
        self.label = label
        self.formula = formula
        self.numerator = numerator
        self.denominator = denominator
        self.rate = numerator.flatMap { n in denominator > 0 ? Double(n) / Double(denominator) : nil }
        self.threshold = setting?.threshold
        self.maxPoints = setting?.maxPoints
        if let setting, let rate, setting.threshold > 0 {
            self.score = setting.maxPoints * min(1, rate / setting.threshold)
        } else {
            self.score = nil
        }
        self.note = note
    }

    /// The indicators of one agency (or of all) from its counts.
    public static func all(_ c: IndicatorCounts, settings: IndicatorSettings) -> [Indicator] {
        [
            Indicator(
                key: "on_time_766",
                label: "Tỷ lệ hồ sơ giải quyết đúng hạn (cách tính Quyết định 766/QĐ-TTg)",
                formula: "(Hồ sơ đã giải quyết trong kỳ đúng hạn + hồ sơ đang giải quyết cuối kỳ còn trong hạn) ÷ (hồ sơ đã giải quyết trong kỳ + hồ sơ đang giải quyết cuối kỳ) × 100%; thời gian chờ bổ sung không tính vào thời hạn; hồ sơ yêu cầu bổ sung quá 01 lần tính là trễ hạn",
                numerator: c.resolved + c.openAtEnd - c.resolvedLate766 - c.openLate766,
                denominator: c.resolved + c.openAtEnd, setting: settings.onTime),
            Indicator(
                key: "on_time_legal",
                label: "Tỷ lệ hồ sơ giải quyết đúng hạn (theo quy định, như báo cáo quý)",
                formula: "(Hồ sơ đã giải quyết trong kỳ trước hạn + đúng hạn) ÷ hồ sơ đã giải quyết trong kỳ × 100%",
                numerator: c.resolved - c.resolvedLate, denominator: c.resolved, setting: nil,
                note: "Để đối chiếu, không chấm điểm; trong đó \(c.lateWithApology) hồ sơ trễ hạn có văn bản xin lỗi."),
            Indicator(
                key: "online",
                label: "Tỷ lệ hồ sơ nộp trực tuyến",
                formula: "Hồ sơ tiếp nhận trực tuyến trong kỳ ÷ tổng hồ sơ tiếp nhận trong kỳ × 100%",
                numerator: c.receivedOnline, denominator: c.received, setting: settings.online),
            onlinePayment(c, setting: settings.onlinePayment),
            Indicator(
                key: "satisfaction",
                label: "Tỷ lệ hài lòng",
                formula: "(Rất hài lòng + hài lòng) ÷ tổng số đánh giá trong kỳ × 100%",
                numerator: c.satisfied, denominator: c.ratings, setting: settings.satisfaction),
        ]
    }
}

extension Indicator {
    /// Online payment: computed once at least one settled payment of the period's dossiers has its channel
    /// recorded; before that (only payments confirmed before channels were recorded, or none) the data
    /// cannot say, and the note explains why instead of showing 0%.
    static func onlinePayment(_ c: IndicatorCounts, setting: IndicatorSettings.Setting) -> Indicator {
        let unknown = c.feesPaid - c.paidChannelKnown
        let note: String?
        if c.paidChannelKnown == 0 {
            note = "Chưa tính được: dữ liệu chưa ghi kênh thanh toán. Trong \(c.withFees) hồ sơ có phí, lệ phí, \(c.feesPaid) hồ sơ đã thanh toán đủ."
        } else if unknown > 0 {
            note = "\(unknown) hồ sơ đã thanh toán không được tính vào tử số: không ghi kênh thanh toán hoặc thanh toán sau cuối kỳ."
        } else {
            note = nil
        }
        return Indicator(
            key: "online_payment",
            label: "Tỷ lệ hồ sơ thanh toán trực tuyến",
            formula: "Hồ sơ có phí, lệ phí tiếp nhận trong kỳ, đã thanh toán trực tuyến trước cuối kỳ ÷ hồ sơ có phí, lệ phí tiếp nhận trong kỳ × 100%",
            numerator: c.paidChannelKnown > 0 ? c.paidOnline : nil, denominator: c.withFees, setting: setting, note: note)
    }
}

/// The indicators of a period, per owning agency and for all of them.
public struct IndicatorReport: Sendable, Hashable, Codable {
    public struct AgencyIndicators: Sendable, Hashable, Codable {
        public var agencyCode: String
        public var agencyName: String
        public var counts: IndicatorCounts
        public var indicators: [Indicator]
        /// Sum of the scores this data can give, and of their maximum points.
        public var score: Double
        public var maxScore: Double
        enum CodingKeys: String, CodingKey {
            case agencyCode = "agency_code", agencyName = "agency_name", counts, indicators, score, maxScore = "max_score"
        }
    }

    public var period: StatisticsReport.Period
    public var settings: IndicatorSettings
    public var total: AgencyIndicators
    public var agencies: [AgencyIndicators]

    public static func build(period: StatisticsPeriod, counts: [AgencyCode: IndicatorCounts], names: [AgencyCode: String],
                             settings: IndicatorSettings) -> IndicatorReport {
        func entry(_ code: String, _ name: String, _ c: IndicatorCounts) -> AgencyIndicators {
            let indicators = Indicator.all(c, settings: settings)
            return AgencyIndicators(agencyCode: code, agencyName: name, counts: c, indicators: indicators,
                                    score: indicators.compactMap(\.score).reduce(0, +),
                                    maxScore: indicators.filter { $0.score != nil }.compactMap(\.maxPoints).reduce(0, +))
        }
        let total = counts.values.reduce(IndicatorCounts(), +)
        return IndicatorReport(
            period: .init(from: period.from.description, to: period.to.description), settings: settings,
            total: entry("", "Tất cả cơ quan", total),
            agencies: counts.keys.sorted().map { entry($0.rawValue, names[$0] ?? $0.rawValue, counts[$0]!) })
    }

    /// A plain-text table, one row per agency: rate and score of each indicator.
    public func table() -> String {
        func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        var lines = ["Chỉ số Quyết định 766/QĐ-TTg, kỳ \(period.from) – \(period.to)"]
        for indicator in total.indicators {
            lines.append("  \(indicator.key): \(indicator.label) = \(indicator.formula)")
        }
        let keys = total.indicators.map(\.key)
        lines.append(["agency"].appending(contentsOf: keys).joined(separator: "\t") + "\tscore")
        for a in [total] + agencies {
            let cells = a.indicators.map { i in
                percent(i.rate) + (i.score.map { String(format: " (%.1f)", $0) } ?? "")
            }
            lines.append(([a.agencyCode.isEmpty ? "TOTAL" : a.agencyCode] + cells).joined(separator: "\t")
                         + String(format: "\t%.1f/%.0f", a.score, a.maxScore))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Builds the indicator report from the stores: every count is an SQL aggregate.
public struct IndicatorReporter: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func report(_ period: StatisticsPeriod, settings: IndicatorSettings = IndicatorSettings()) async throws -> IndicatorReport {
        let counts = try await IndicatorStore(database: database).counts(period)
        let directory = try await AgencyStore(database: database).directory()
        var names: [AgencyCode: String] = [:]
        for code in counts.keys { names[code] = directory[code]?.name(on: period.to) }
        return IndicatorReport.build(period: period, counts: counts, names: names, settings: settings)
    }
}

private extension Array {
    func appending(contentsOf other: [Element]) -> [Element] { self + other }
}
