import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

@Suite("Decision 766 indicator counts in SQL, on SQLite and PostgreSQL")
struct IndicatorStoreTests {
    let t = Fixtures.instant

    /// Dossiers taken through the lifecycle under the restart policy: one supplement round (the 766 due
    /// instant pauses instead of restarting), two rounds (late for 766 whatever the dates), a payment.
    func livedDossiers(_ database: Database) async throws -> [Dossier] {
        let store = DossierStore(database: database)
        var result: [Dossier] = []
        let arrivals = ["2021-07-12 15:00", "2021-07-13 15:00"]
        for (n, day) in ["2021-07-05", "2021-07-06", "2021-07-07", "2021-08-02"].enumerated() {
            var d = try await store.register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: n % 2 == 0 ? .online : .counter),
                at: t("\(day) 09:00"), actor: "tiepnhan")
            func run(_ command: DossierCommand, _ instant: String) async throws {
                d = try await store.execute(command, on: d.code, expectedVersion: d.version, at: t(instant), actor: "cv")
            }
            if d.status == .newlyRegistered { try await run(.receive, "\(day) 09:05") }
            try await run(.transfer, "\(day) 09:10")
            try await run(.acceptStep(assignee: "cv.khdt"), "\(day) 09:30")
            if n < 2 {
                try await run(.requestSupplement(reason: "Thiếu", documents: ["Báo cáo"]), "\(day) 10:00")
                try await run(.receiveSupplement(note: nil), arrivals[n])
            }
            if n == 1 {
                try await run(.requestSupplement(reason: "Thiếu lần 2", documents: ["Bản vẽ"]), "2021-07-20 10:00")
                try await run(.receiveSupplement(note: nil), "2021-07-21 10:00")
            }
            if n == 2 {
                try await run(.requestPayment(amountVND: 100_000, description: "Phí thẩm định"), "\(day) 10:00")
                try await run(.confirmPayment(reference: "BL-1"), "\(day) 14:00")
            }
            if n < 3 {
                try await run(.completeStep(note: nil), "2021-08-10 09:00")
                try await run(.completeStep(note: nil), "2021-08-11 09:00")
                try await run(.completeStep(note: nil), "2021-08-12 09:00")
                try await run(.recordResult(outcome: .approved, note: nil), "2021-08-12 10:00")
            }
            result.append(d)
        }
        return result
    }

    @Test("SQL counts equal the rules applied one by one, per owning agency", arguments: TestBackend.available)
    func matchesReference(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database, policy: .restart)
            let lived = try await livedDossiers(database)
            #expect(lived[0].scoringDueAt != nil && lived[0].effectiveScoringDueAt! < lived[0].dueAt!)
            #expect(lived[1].processingSupplementRequests == 2)
            #expect(lived[2].hasFees && lived[2].feesPaid)
            _ = try await DossierImporter(database: database).run(Data(StatisticsStoreTests.randomDossiers(seed: 766).utf8))
            let codes = try await database.sql.select().column("code").from("dossiers").all()
                .map { try DossierCode(parsing: $0.decode(column: "code", as: String.self)) }
            var dossiers: [Dossier] = []
            for code in codes { dossiers.append(try await DossierStore(database: database).dossier(code)) }
            // Ratings for every seventh dossier returned (only those can be rated), some outside any period tested.
            var ratings: [IndicatorCounts.Rating] = []
            var lines = [RatingImporter.columns.joined(separator: ",")]
            for (i, d) in dossiers.enumerated() where i % 7 == 0 && d.returnedAt != nil {
                let at = (d.completedAt ?? d.registeredAt).addingTimeInterval(3_600)
                let rating = ["very_satisfied", "satisfied", "unsatisfied"][i % 3]
                lines.append("\(VietnamTime.iso8601(at)),\(d.code.rawValue),cv\(i),\(rating)")
                ratings.append(.init(at: at, dossier: d.code, satisfied: rating != "unsatisfied"))
            }
            _ = try await RatingImporter(database: database).run(Data((lines.joined(separator: "\n") + "\n").utf8))

            let indicators = IndicatorStore(database: database)
            let periods = [try StatisticsPeriod.quarter(3, of: 2021), try StatisticsPeriod.quarter(2, of: 2021),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-07-01"), to: LocalDate(iso: "2021-08-11")),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-03-10"), to: LocalDate(iso: "2021-03-10"))]
            for period in periods {
                let sql = try await indicators.counts(period)
                let reference = IndicatorCounts.compute(dossiers, ratings: ratings, period: period)
                    .filter { $0.value != IndicatorCounts() }
                #expect(sql == reference, "period \(period.from)–\(period.to)")
                // The legal counts agree with the period statistics.
                let figures = try await StatisticsStore(database: database).dossierFigures(period)
                let total = sql.values.reduce(IndicatorCounts(), +)
                #expect(total.received == figures.received && total.resolved == figures.resolved
                        && total.resolvedLate == figures.late && total.openAtEnd == figures.inProgress
                        && total.openOverdue == figures.overdue)
            }
            let q3 = try await indicators.counts(try StatisticsPeriod.quarter(3, of: 2021)).values.reduce(IndicatorCounts(), +)
            #expect(q3.resolvedLate766 > 0 && q3.ratings > 0 && q3.withFees == 1 && q3.feesPaid == 1)
        }
    }
}
