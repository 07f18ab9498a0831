import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

@Suite("Dashboard queries in SQL, on SQLite and PostgreSQL")
struct DashboardStoreTests {
    static func load(_ database: Database) async throws -> [Dossier] {
        try await Fixtures.seed(database)
        _ = try await DossierImporter(database: database).run(Data(StatisticsStoreTests.randomDossiers(seed: 2024).utf8))
        let codes = try await database.sql.select().column("code").from("dossiers").all()
            .map { try DossierCode(parsing: $0.decode(column: "code", as: String.self)) }
        var dossiers: [Dossier] = []
        for code in codes { dossiers.append(try await DossierStore(database: database).dossier(code)) }
        return dossiers
    }

    @Test("receipts per Monday-based local week and channel equal the dossiers counted one by one",
          arguments: TestBackend.available)
    func weekly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let dossiers = try await Self.load(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let weeks = try await DashboardStore(database: database).weeklyReceipts(period)
            var reference: [LocalDate: [Channel: Int]] = [:]
            for d in dossiers {
                guard let r = d.receivedAt, r >= period.start, r < period.end else { continue }
                let day = VietnamTime.localDate(of: r)
                reference[day.adding(days: 1 - day.weekday), default: [:]][d.channel, default: 0] += 1
            }
            #expect(weeks.map(\.weekStart) == reference.keys.sorted())
            #expect(weeks.allSatisfy { $0.weekStart.weekday == 1 })
            for week in weeks {
                let counts = reference[week.weekStart] ?? [:]
                #expect(week.counter == counts[.counter, default: 0] && week.online == counts[.online, default: 0]
                        && week.postal == counts[.postal, default: 0], "\(week.weekStart)")
            }
            let total = try await StatisticsStore(database: database).dossierFigures(period).received
            #expect(weeks.map(\.total).reduce(0, +) == total)
        }
    }

    @Test("late dossiers: as many as the period's late figure, the latest first, paged; scope limits them",
          arguments: TestBackend.available)
    func late(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let dossiers = try await Self.load(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let store = DashboardStore(database: database)
            let page = try await store.lateDossiers(period, limit: 5)
            let figures = try await StatisticsStore(database: database).dossierFigures(period)
            #expect(figures.late > 5)
            #expect(page.count == 5)
            let overruns = page.map { $0.completedAt.timeIntervalSince($0.dueAt) }
            #expect(overruns == overruns.sorted(by: >))
            let next = try await store.lateDossiers(period, limit: 5, offset: 5)
            #expect(Set(next.map(\.code)).isDisjoint(with: page.map(\.code)))
            let expected = dossiers.filter { d in
                guard let c = d.completedAt, let due = d.dueAt else { return false }
                return c >= period.start && c < period.end && c > due
            }.map(\.code)
            let all = try await store.lateDossiers(period, limit: 1000)
            #expect(all.count == figures.late)
            #expect(Set(all.map(\.code)) == Set(expected))
            let none = try await store.lateDossiers(period, scope: StatisticsScope(owningAgencies: [Fixtures.environment]))
            #expect(none.isEmpty)
        }
    }

    @Test("the day: received and returned on the local day, open past their due instant now", arguments: TestBackend.available)
    func day(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let dossiers = try await Self.load(database)
            let now = Fixtures.instant("2021-08-11 15:00")
            let activity = try await DashboardStore(database: database).dayActivity(at: now)
            let today = VietnamTime.localDate(of: now)
            func isToday(_ date: Date?) -> Bool { date.map { VietnamTime.localDate(of: $0) == today } ?? false }
            #expect(activity.received == dossiers.filter { isToday($0.receivedAt) }.count)
            #expect(activity.returned == dossiers.filter { isToday($0.returnedAt) }.count)
            let overdue = dossiers.filter { d in
                guard let r = d.receivedAt, r <= now, let due = d.dueAt, due < now else { return false }
                return d.finishedAt == nil
            }.count
            #expect(activity.overdueOpen == overdue)
            #expect(activity.received + activity.returned + activity.overdueOpen > 0)
        }
    }
}
