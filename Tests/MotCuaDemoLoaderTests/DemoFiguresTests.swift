import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaDemoLoader
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// The seed report's section III, out of the demo database through the SQL statistics: the same on both
/// databases, to the last digit.
@Suite("The demo reproduces the seed report's figures, on SQLite and PostgreSQL")
struct DemoFiguresTests {
    static let dataset: DemoDataset = {
        do { return try DemoGenerator.make(seed: 2021) } catch { fatalError("demo: \(error)") }
    }()

    @Test("motcua report --from 2021-06-09 --to 2021-09-07 gives the seed's figures", arguments: TestBackend.available)
    func seedFigures(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            #expect(try await DemoLoader(database: database).state() == .empty)
            try await DemoLoader(database: database).load(Self.dataset)
            #expect(try await DemoLoader(database: database).state() == .demo)
            let window = try StatisticsPeriod(from: LocalDate(iso: "2021-06-09"), to: LocalDate(iso: "2021-09-07"))
            let report = try await StatisticsReporter(database: database).report(window)
            let r = report.received, s = report.resolved, g = report.guidance
            let received: [Int] = [r.total, r.online, r.counter, r.postal]
            #expect(received == [7447, 5386, 1936, 125] as [Int])
            #expect(report.carriedOver == 357)
            let resolved: [Int] = [s.total, s.early, s.onTime, s.late, s.returnedByPostal]
            #expect(resolved == [7708, 1713, 5962, 33, 750] as [Int])
            #expect(report.inProgress.total + report.withdrawn == 96)
            let guidance: [Int] = [g.total, g.inPerson, g.outgoingCalls, g.incomingCalls]
            #expect(guidance == [2466, 1247, 613, 606] as [Int])
            #expect(report.satisfaction.satisfiedPercent == 99.5)
            let late = Dictionary(uniqueKeysWithValues: report.lateByAgency.map { ($0.agencyName, $0) })
            #expect(late.mapValues(\.count) == [
                "Sở Tư pháp tỉnh Đắk Nông": 15, "Ban Quản lý các khu công nghiệp tỉnh Đắk Nông": 1,
                "Sở Tài nguyên và Môi trường tỉnh Đắk Nông": 1, "Sở Tài chính tỉnh Đắk Nông": 4,
                "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông": 11, "Sở Nội vụ tỉnh Đắk Nông": 1,
            ])
            let justice = try #require(late["Sở Tư pháp tỉnh Đắk Nông"])
            #expect(justice.details.filter { $0.kind == "actual" }.map(\.count).reduce(0, +) == 8)
            #expect(justice.details.filter { $0.kind == "system_only" }.map(\.count).reduce(0, +) == 7)
            let planning = try #require(late["Sở Kế hoạch và Đầu tư tỉnh Đắk Nông"])
            #expect(planning.details.filter { $0.kind == "actual" }.allSatisfy { !$0.apologySent })
            // Scoped to one field: the criminal-record certificates carry Sở Tư pháp's 15 late dossiers.
            let records = try await StatisticsReporter(database: database).report(window, field: "Lý lịch tư pháp")
            #expect(records.resolved.late == 15)
            #expect(records.received.total < report.received.total && records.received.total > 0)
            // The SQL figures equal the rules applied dossier by dossier, and the identity holds.
            let reference = DossierFigures.compute(Self.dataset.dossiers.map(\.dossier), period: window)
            let sql = try await StatisticsStore(database: database).dossierFigures(window)
            #expect(sql == reference)
            #expect(sql.identityHolds)
        }
    }
}
