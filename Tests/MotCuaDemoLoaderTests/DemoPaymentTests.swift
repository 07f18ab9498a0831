import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaDemoLoader
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// The demo's fee-charging dossiers are paid with a recorded channel, so the Decision 766 online-payment
/// indicator has a rate: most at the counter, some online (a pilot in 2021).
@Suite("The demo's payments and the online-payment indicator, on SQLite and PostgreSQL")
struct DemoPaymentTests {
    @Test("the third quarter of 2021: SQL counts equal the dossier-by-dossier rules; a rate instead of null",
          arguments: TestBackend.available)
    func onlinePayment(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let dataset = DemoFiguresTests.dataset
            try await DemoLoader(database: database).load(dataset)
            let q3 = try StatisticsPeriod.quarter(3, of: 2021)
            let dossiers = dataset.dossiers.map(\.dossier)
            // Ratings are left out of the reference: only the payment counts are compared here.
            let reference = IndicatorCounts.compute(dossiers, ratings: [], period: q3).values.reduce(IndicatorCounts(), +)
            let sql = try await IndicatorStore(database: database).counts(q3).values.reduce(IndicatorCounts(), +)
            let sqlPayments: [Int] = [sql.withFees, sql.feesPaid, sql.paidChannelKnown, sql.paidOnline]
            let referencePayments: [Int] = [reference.withFees, reference.feesPaid, reference.paidChannelKnown, reference.paidOnline]
            #expect(sqlPayments == referencePayments)
            #expect(sql.withFees > 0 && sql.paidChannelKnown == sql.feesPaid)
            #expect(sql.paidOnline > 0 && sql.paidOnline * 5 < sql.paidChannelKnown)   // a pilot: a small share
            let counter = dossiers.filter { $0.payments.first?.channel == .counter }.count
            #expect(counter * 2 > dossiers.filter { !$0.payments.isEmpty }.count)       // most paid at the desk
            let report = try await IndicatorReporter(database: database).report(q3)
            let indicator = try #require(report.total.indicators.first { $0.key == "online_payment" })
            #expect(indicator.numerator == sql.paidOnline && indicator.denominator == sql.withFees)
            #expect(indicator.rate != nil && indicator.score != nil)
        }
    }
}
