import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

@Suite("Online payment: the channel in the projection (M0013) and the Decision 766 indicator, on SQLite and PostgreSQL")
struct PaymentIndicatorTests {
    let t = Fixtures.instant

    /// How each dossier's fee went: confirmed through a channel (nil = not said) at an instant, or never.
    struct Case {
        let channel: PaymentChannel?
        let paidAt: String?
    }

    static let cases: [Case] = [
        Case(channel: .online, paidAt: "2021-07-06 14:00"),
        Case(channel: .counter, paidAt: "2021-07-07 14:00"),
        Case(channel: .transfer, paidAt: "2021-07-08 14:00"),
        Case(channel: nil, paidAt: "2021-07-09 14:00"),              // as confirmed before channels were recorded
        Case(channel: .online, paidAt: "2021-10-05 14:00"),          // paid online, but after the third quarter
        Case(channel: .online, paidAt: nil),                         // asked for, never paid
    ]

    /// One dossier per case, received on successive July days, its fee asked for at its first step.
    func paidDossiers(_ database: Database) async throws -> [Dossier] {
        let store = DossierStore(database: database)
        var result: [Dossier] = []
        for (n, payment) in Self.cases.enumerated() {
            let day = "2021-07-\(String(format: "%02d", 5 + n))"
            var d = try await store.register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter),
                at: t("\(day) 09:00"), actor: "tiepnhan")
            func run(_ command: DossierCommand, _ instant: String) async throws {
                d = try await store.execute(command, on: d.code, expectedVersion: d.version, at: t(instant), actor: "cv")
            }
            try await run(.transfer, "\(day) 09:10")
            try await run(.requestPayment(amountVND: 150_000, description: "Phí thẩm định"), "\(day) 10:00")
            if let paidAt = payment.paidAt {
                try await run(.confirmPayment(reference: "BL-\(n)", channel: payment.channel), paidAt)
            }
            result.append(d)
        }
        return result
    }

    @Test("each channel's projection columns; SQL counts equal the reference; the rate replaces the null",
          arguments: TestBackend.available)
    func channels(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let dossiers = try await paidDossiers(database)
            // The projection: paid_at once settled; paid_online 1 / 0, NULL when unpaid or channel unknown.
            for (d, payment) in zip(dossiers, Self.cases) {
                let row = try #require(try await database.sql.select().columns("paid_at", "paid_online").from("dossiers")
                    .where("code", .equal, d.code.rawValue).first())
                #expect(try row.decodeNil(column: "paid_at") == (payment.paidAt == nil), "\(d.code)")
                if let paidAt = payment.paidAt {
                    #expect(try row.decode(column: "paid_at", as: Int.self) == Int(t(paidAt).timeIntervalSince1970))
                }
                let expected: Int? = payment.paidAt == nil ? nil : payment.channel.map { $0 == .online ? 1 : 0 }
                #expect(try row.decode(column: "paid_online", as: Int?.self) == expected, "\(d.code)")
            }

            let indicators = IndicatorStore(database: database)
            let q3 = try StatisticsPeriod.quarter(3, of: 2021)
            let periods = [q3, try StatisticsPeriod(from: LocalDate(iso: "2021-07-01"), to: LocalDate(iso: "2021-07-07")),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-07-01"), to: LocalDate(iso: "2021-12-31")),
                           try StatisticsPeriod.quarter(4, of: 2021)]
            for period in periods {
                let sql = try await indicators.counts(period)
                let reference = IndicatorCounts.compute(dossiers, ratings: [], period: period).filter { $0.value != IndicatorCounts() }
                #expect(sql == reference, "period \(period.from)–\(period.to)")
            }
            let total = try await indicators.counts(q3).values.reduce(IndicatorCounts(), +)
            #expect(total.withFees == 6 && total.feesPaid == 5)
            #expect(total.paidChannelKnown == 3 && total.paidOnline == 1)   // online, counter, transfer by 30 September
            let year = try await indicators.counts(periods[2]).values.reduce(IndicatorCounts(), +)
            #expect(year.paidChannelKnown == 4 && year.paidOnline == 2)      // the October payment counts by year end

            let report = try await IndicatorReporter(database: database).report(q3)
            let online = try #require(report.total.indicators.first { $0.key == "online_payment" })
            #expect(online.numerator == 1 && online.denominator == 6)
            #expect(online.rate == 1.0 / 6.0)
            #expect(abs((online.score ?? -1) - 10 * (1.0 / 6.0) / 0.8) < 1e-9)
            #expect(online.note?.contains("2 hồ sơ đã thanh toán không được tính") == true)
            #expect(report.table().contains("16.7%"))
            let json = String(decoding: try MotCuaJSON.encode(report), as: UTF8.self)
            #expect(json.contains("\"paid_online\":1") && json.contains("\"paid_channel_known\":3"))
        }
    }

    @Test("without any payment whose channel is known the indicator stays null with its note", arguments: TestBackend.available)
    func unknownOnly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            var d = try await store.register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .online),
                at: t("2021-07-05 09:00"), actor: "tiepnhan")
            if d.status == .newlyRegistered { d = try await store.execute(.receive, on: d.code, at: t("2021-07-05 09:05"), actor: "tiepnhan") }
            d = try await store.execute(.transfer, on: d.code, at: t("2021-07-05 09:10"), actor: "tiepnhan")
            d = try await store.execute(.requestPayment(amountVND: 50_000, description: "Lệ phí"), on: d.code, at: t("2021-07-05 10:00"), actor: "cv")
            _ = try await store.execute(.confirmPayment(reference: nil), on: d.code, at: t("2021-07-05 11:00"), actor: "tiepnhan")
            let report = try await IndicatorReporter(database: database).report(try StatisticsPeriod.quarter(3, of: 2021))
            let online = try #require(report.total.indicators.first { $0.key == "online_payment" })
            #expect(online.numerator == nil && online.rate == nil && online.score == nil && online.denominator == 1)
            #expect(online.note?.contains("chưa ghi kênh thanh toán") == true)
        }
    }
}
