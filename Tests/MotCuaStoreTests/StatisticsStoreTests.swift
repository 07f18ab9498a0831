import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

@Suite("Period statistics in SQL, on SQLite and PostgreSQL")
struct StatisticsStoreTests {
    /// SplitMix64, so the random data is the same on every run.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// 600 imported dossiers over 2021 with every kind of ending, instants on minute boundaries around
    /// midnights and due instants so that the day rules are exercised.
    static func randomDossiers(seed: UInt64) -> String {
        var random = Random(state: seed)
        let base = Fixtures.instant("2021-01-04 07:30").timeIntervalSince1970
        var lines = [DossierImporter.columns.joined(separator: ",")]
        var sequence: [String: Int] = [:]
        func iso(_ seconds: Double) -> String { VietnamTime.iso8601(Date(timeIntervalSince1970: seconds)) }
        for _ in 0..<600 {
            let received = base + Double(random.next() % (300 * 86_400) / 60 * 60)
            let day = VietnamTime.localDate(of: Date(timeIntervalSince1970: received))
            let key = String(format: "%02d%02d%02d", day.year % 100, day.month, day.day)
            sequence[key, default: 0] += 1
            let code = "000.00.15.H56-\(key)-\(String(format: "%04d", sequence[key]!))"
            let due = received + Double(random.next() % (20 * 86_400) / 60 * 60)
            let channel = ["counter", "online", "postal"][Int(random.next() % 3)]
            var fields = [code, "1.009645", channel, iso(received), iso(due), "", "", "", "", "", "", "", "", ""]
            switch random.next() % 10 {
            case 0...5:  // resolved, around the due instant
                let completed = due + Double(Int64(random.next() % (6 * 86_400)) - 3 * 86_400) / 60 * 60
                fields[5] = iso(max(received, completed))
                fields[8] = random.next() % 5 == 0 ? "refused" : "approved"
                if random.next() % 2 == 0 {
                    fields[6] = iso(max(received, completed) + 3_600)
                    fields[7] = random.next() % 3 == 0 ? "postal" : "counter"
                }
            case 6:  // withdrawn
                fields[5] = iso(received + Double(random.next() % (10 * 86_400)))
                fields[8] = "withdrawn"
            default:  // still in progress
                break
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("SQL aggregates equal the rules applied one by one, and the identity holds", arguments: TestBackend.available)
    func matchesReference(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            _ = try await DossierImporter(database: database).run(Data(Self.randomDossiers(seed: 766).utf8))
            let codes = try await database.sql.select().column("code").from("dossiers").all()
                .map { try DossierCode(parsing: $0.decode(column: "code", as: String.self)) }
            var dossiers: [Dossier] = []
            for code in codes { dossiers.append(try await DossierStore(database: database).dossier(code)) }
            let statistics = StatisticsStore(database: database)
            var random = Random(state: 2021)
            var periods = [try StatisticsPeriod.quarter(2, of: 2021), try StatisticsPeriod.quarter(3, of: 2021)]
            for _ in 0..<6 {
                let from = try LocalDate(iso: "2021-01-01").adding(days: Int(random.next() % 300))
                periods.append(try StatisticsPeriod(from: from, to: from.adding(days: Int(random.next() % 120))))
            }
            for period in periods {
                let sql = try await statistics.dossierFigures(period)
                let reference = DossierFigures.compute(dossiers, period: period)
                #expect(sql == reference, "period \(period.from)–\(period.to)")
                #expect(sql.identityHolds, "identity in \(period.from)–\(period.to)")
                #expect(sql.early + sql.onTime + sql.late == sql.resolved)
                #expect(sql.receivedOnline + sql.receivedCounter + sql.receivedPostal == sql.received)
            }
            let busy = try await statistics.dossierFigures(try StatisticsPeriod.quarter(3, of: 2021))
            #expect(busy.received > 50 && busy.carriedOver > 0 && busy.late > 0 && busy.withdrawn > 0 && busy.inProgress > 0)
            // Scoped to an agency that owns nothing: all zero.
            let none = try await statistics.dossierFigures(try StatisticsPeriod.quarter(3, of: 2021),
                                                           scope: StatisticsScope(owningAgencies: [Fixtures.environment]))
            #expect(none == DossierFigures())
        }
    }

    /// Dossiers received, completed or withdrawn exactly at the period's midnights, and one open for eight
    /// months (the bound MAX(open_seconds) of the query's index ranges must reach back to it).
    @Test("boundaries at midnights and long-open dossiers equal the reference", arguments: TestBackend.available)
    func boundaries(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let header = DossierImporter.columns.joined(separator: ",")
            // code, procedure, channel, received, due, completed, returned, return channel, outcome, …
            let rows = [
                "000.00.15.H56-210614-0001,1.009645,counter,2021-06-14T16:00,2021-06-15T00:00,2021-06-15T00:00,,,approved,,,,,",
                "000.00.15.H56-210614-0002,1.009645,counter,2021-06-14T16:00,2021-06-20T00:00,2021-06-14T23:59,,,approved,,,,,",
                "000.00.15.H56-210614-0003,1.009645,online,2021-06-14T23:59,2021-06-20T00:00,2021-06-15T00:00,,,withdrawn,,,,,",
                "000.00.15.H56-210615-0001,1.009645,online,2021-06-15T00:00,2021-09-15T00:00,2021-09-15T00:00,,,approved,,,,,",
                "000.00.15.H56-210615-0002,1.009645,postal,2021-06-15T00:00,2021-09-14T23:59,2021-09-14T23:59,,,withdrawn,,,,,",
                "000.00.15.H56-210914-0001,1.009645,counter,2021-09-14T23:59,2021-09-15T00:00,,,,,,,,,",
                "000.00.15.H56-210915-0001,1.009645,counter,2021-09-15T00:00,2021-09-20T00:00,,,,,,,,,",
                "000.00.15.H56-210104-0001,1.009645,counter,2021-01-04T08:00,2021-02-01T08:00,2021-09-01T08:00,,,approved,,,,,",
                "000.00.15.H56-210104-0002,1.009645,counter,2021-01-04T08:00,2021-02-01T08:00,,,,,,,,,",
            ]
            _ = try await DossierImporter(database: database).run(Data(([header] + rows).joined(separator: "\n").utf8))
            var dossiers: [Dossier] = []
            for code in try await database.sql.select().column("code").from("dossiers").all() {
                dossiers.append(try await DossierStore(database: database).dossier(try DossierCode(parsing: code.decode(column: "code", as: String.self))))
            }
            let statistics = StatisticsStore(database: database)
            for period in [try StatisticsPeriod.quarter(3, of: 2021),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-06-14"), to: LocalDate(iso: "2021-06-14")),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-09-15"), to: LocalDate(iso: "2021-09-30")),
                           try StatisticsPeriod(from: LocalDate(iso: "2021-08-01"), to: LocalDate(iso: "2021-08-31"))] {
                let sql = try await statistics.dossierFigures(period)
                #expect(sql == DossierFigures.compute(dossiers, period: period), "period \(period.from)–\(period.to)")
                #expect(sql.identityHolds)
                let byAgency = try await statistics.dossierFiguresByOwningAgency(period)
                #expect(byAgency.map(\.1.received).reduce(0, +) == sql.received)
                #expect(byAgency.map(\.1.carriedOver).reduce(0, +) == sql.carriedOver)
            }
            let august = try await statistics.dossierFigures(try StatisticsPeriod(from: LocalDate(iso: "2021-08-01"), to: LocalDate(iso: "2021-08-31")))
            #expect(august.carriedOver >= 2)
        }
    }

    @Test("late dossiers are grouped by agency, procedure, step, kind, reason and apology", arguments: TestBackend.available)
    func lateGroups(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let header = DossierImporter.columns.joined(separator: ",")
            let rows = (1...5).map { n in
                let kind = n <= 3 ? "system_only" : "actual"
                let reason = n <= 3 ? "Chậm chuyển trả kết quả trên hệ thống" : "Chậm xử lý"
                return "000.00.15.H56-210712-000\(n),1.009645,counter,2021-07-12T08:00,2021-07-26T08:00,2021-07-27T09:00,,,approved,000.00.00.H56,Phê duyệt,\(kind),\(reason),\(n == 5)"
            }
            _ = try await DossierImporter(database: database).run(Data(([header] + rows).joined(separator: "\n").utf8))
            let groups = try await StatisticsStore(database: database).lateGroups(try StatisticsPeriod.quarter(3, of: 2021))
            #expect(groups.map(\.count) == [3, 1, 1])
            #expect(groups.first?.kind == "system_only" && groups.first?.step == "Phê duyệt")
            #expect(groups.allSatisfy { $0.owningAgency == Fixtures.planning })
            #expect(groups.filter(\.apologySent).count == 1)
        }
    }

    @Test("Decree 09/2019 quarters")
    func quarters() throws {
        let q3 = try StatisticsPeriod.quarter(3, of: 2021)
        #expect(q3.from.description == "2021-06-15" && q3.to.description == "2021-09-14")
        let q1 = try StatisticsPeriod.quarter(1, of: 2022)
        #expect(q1.from.description == "2021-12-15" && q1.to.description == "2022-03-14")
        #expect(throws: MotCuaCore.ValidationError.self) { try StatisticsPeriod.quarter(5, of: 2021) }
    }
}
