import Foundation
import MotCuaCore
import MotCuaReports
import Testing

@Suite("Decision 766 indicators: rates, formulas and scores")
struct IndicatorReportTests {
    @Test("score = max × min(1, rate ÷ threshold), each indicator with its formula; no online payment without a channel")
    func scores() throws {
        var c = IndicatorCounts()
        c.received = 200; c.receivedOnline = 60               // 30% online, threshold 50% → 12 × 0.6 = 7.2
        c.resolved = 90; c.resolvedLate = 3; c.resolvedLate766 = 5
        c.openAtEnd = 10; c.openLate766 = 5                   // 766: 90 / 100 on time → 20 × 0.9 = 18
        c.withFees = 40; c.feesPaid = 38
        c.ratings = 50; c.satisfied = 49                      // 98% ≥ 90% → 18
        let period = try StatisticsPeriod.quarter(3, of: 2021)
        let report = IndicatorReport.build(period: period, counts: [try AgencyCode(parsing: "000.00.07.H56"): c],
                                           names: [:], settings: IndicatorSettings())
        let byKey = Dictionary(uniqueKeysWithValues: report.total.indicators.map { ($0.key, $0) })
        #expect(byKey["on_time_766"]?.rate == 0.9)
        #expect(abs((byKey["on_time_766"]?.score ?? 0) - 18) < 1e-9)
        #expect(byKey["on_time_legal"]?.rate == 87.0 / 90.0 && byKey["on_time_legal"]?.score == nil)
        #expect(abs((byKey["online"]?.score ?? 0) - 7.2) < 1e-9)
        #expect(byKey["online_payment"]?.rate == nil && byKey["online_payment"]?.score == nil)
        #expect(byKey["online_payment"]?.note?.contains("kênh thanh toán") == true)
        #expect(byKey["satisfaction"]?.score == 18)
        #expect(report.total.indicators.allSatisfy { !$0.formula.isEmpty && !$0.label.isEmpty })
        #expect(abs(report.total.score - 43.2) < 1e-9 && report.total.maxScore == 50)
        #expect(report.agencies.count == 1 && report.table().contains("TOTAL"))
        let json = String(decoding: try MotCuaJSON.encode(report), as: UTF8.self)
        #expect(json.contains("\"max_points\"") && json.contains("\"resolved_late_766\""))
    }

    @Test("online payment: paid online ÷ dossiers with fees once channels are known; a note names the uncounted ones")
    func onlinePayment() throws {
        var c = IndicatorCounts()
        c.withFees = 40; c.feesPaid = 38; c.paidChannelKnown = 36; c.paidOnline = 24   // 60%, threshold 80% → 10 × 0.75
        let indicator = try #require(Indicator.all(c, settings: IndicatorSettings()).first { $0.key == "online_payment" })
        #expect(indicator.numerator == 24 && indicator.denominator == 40 && indicator.rate == 0.6)
        #expect(abs((indicator.score ?? 0) - 7.5) < 1e-9)
        #expect(indicator.note?.hasPrefix("2 hồ sơ đã thanh toán không được tính") == true)
        c.paidChannelKnown = 38
        #expect(Indicator.all(c, settings: IndicatorSettings()).first { $0.key == "online_payment" }?.note == nil)
    }

    @Test("thresholds are settings: a partial JSON keeps the other defaults")
    func settings() throws {
        let s = try MotCuaJSON.decode(IndicatorSettings.self, from: Data(#"{"online":{"max_points":12,"threshold":0.8}}"#.utf8))
        #expect(s.online.threshold == 0.8 && s.satisfaction.threshold == 0.9 && s.onTime.maxPoints == 20)
    }
}
