import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

@Suite("Guidance log and satisfaction ratings, on SQLite and PostgreSQL")
struct ServiceLogTests {
    @Test("imports count per kind in the period; a second import adds nothing", arguments: TestBackend.available)
    func guidance(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let csv = """
                at,kind,agency_code,note
                2021-06-09T08:00,in_person,000.00.15.H56,Hướng dẫn hồ sơ đầu tư
                2021-06-09T08:00,in_person,000.00.15.H56,Hướng dẫn hồ sơ đầu tư
                2021-07-01T09:30,outgoing_call,000.00.15.H56,"Gọi báo bổ sung, hồ sơ 0007"
                2021-09-07T16:59,incoming_call,000.00.15.H56,
                2021-09-08T08:00,incoming_call,000.00.15.H56,Ngoài kỳ

                """
            let first = try await GuidanceImporter(database: database).run(Data(csv.utf8))
            #expect(first.imported == 5)
            #expect(try await GuidanceImporter(database: database).run(Data(csv.utf8)).imported == 0)
            let window = try StatisticsPeriod(from: LocalDate(iso: "2021-06-09"), to: LocalDate(iso: "2021-09-07"))
            let figures = try await ServiceLogStore(database: database).guidanceFigures(window)
            #expect(figures.inPerson == 2 && figures.outgoingCalls == 1 && figures.incomingCalls == 1 && figures.total == 4)

            let bad = "at,kind,agency_code,note\nyesterday,phone,000.00.99.H56,x\n"
            await #expect { try await GuidanceImporter(database: database).run(Data(bad.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error, let reason = problems.first?.reason else { return false }
                return reason.contains("at: 'yesterday'") && reason.contains("kind: 'phone'") && reason.contains("not a stored agency")
            }
        }
    }

    /// `count` dossiers received on 12/7/2021 and returned at the counter the same afternoon.
    static func returnedDossiers(_ count: Int) -> (csv: String, codes: [String]) {
        var lines = [DossierImporter.columns.joined(separator: ",")]
        var codes: [String] = []
        for n in 1...count {
            let code = "000.00.15.H56-210712-\(String(format: "%04d", n))"
            codes.append(code)
            lines.append("\(code),1.009645,counter,2021-07-12T08:00,2021-07-20T16:00,2021-07-12T14:00,2021-07-12T15:00,counter,approved,,,,,")
        }
        return (lines.joined(separator: "\n") + "\n", codes)
    }

    @Test("ratings need a stored, returned dossier, one each; the satisfied share rounds to one decimal",
          arguments: TestBackend.available)
    func ratings(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let imported = Self.returnedDossiers(201)
            _ = try await DossierImporter(database: database).run(Data(imported.csv.utf8))
            let returned = (codes: Array(imported.codes.prefix(200)), spare: imported.codes[200])
            var lines = ["at,dossier_code,officer,rating"]
            for (n, code) in returned.codes.dropLast().enumerated() {
                lines.append("2021-07-12T15:\(String(format: "%02d", n % 60)),\(code),tiepnhan,\(n % 2 == 0 ? "very_satisfied" : "satisfied")")
            }
            lines.append("2021-07-12T16:00,\(returned.codes.last!),tiepnhan,unsatisfied")
            let file = Data(lines.joined(separator: "\n").utf8)
            #expect(try await RatingImporter(database: database).run(file).imported == 200)
            #expect(try await RatingImporter(database: database).run(file).alreadyPresent == 200)  // the same file again
            let figures = try await ServiceLogStore(database: database)
                .satisfactionFigures(try StatisticsPeriod.quarter(3, of: 2021))
            #expect(figures.ratings == 200 && figures.satisfied == 199 && figures.unsatisfied == 1)
            #expect(figures.satisfiedPercent == 99.5)

            // A second rating of a rated dossier, twice the same dossier in one file, an unreturned dossier:
            // every path applies RatingRule, and the database refuses what slips past.
            let open = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter),
                at: Fixtures.instant("2021-07-13 08:00"), actor: "tiepnhan")
            let again = """
                at,dossier_code,officer,rating
                2021-07-13T09:00,\(returned.codes[0]),tiepnhan,very_satisfied
                2021-07-13T09:00,\(open.code),tiepnhan,very_satisfied
                """
            await #expect { try await RatingImporter(database: database).run(Data(again.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error, problems.count == 2 else { return false }
                return problems[0].reason.contains("already has a rating") && problems[1].reason.contains("has not been returned")
            }
            let twice = """
                at,dossier_code,officer,rating
                2021-07-13T09:00,\(returned.spare),tiepnhan,very_satisfied
                2021-07-13T09:05,\(returned.spare),tiepnhan,satisfied
                """
            await #expect { try await RatingImporter(database: database).run(Data(twice.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.count == 1 && problems[0].line == 3 && problems[0].reason.contains("rated on line 2")
            }
            let store = ServiceLogStore(database: database)
            await #expect(throws: StoreError.duplicate(kind: "rating", key: returned.codes[1])) {
                try await store.record(SatisfactionRating(at: Fixtures.instant("2021-07-13 09:00"),
                                                          dossierCode: try DossierCode(parsing: returned.codes[1]),
                                                          officer: "tiepnhan", rating: .verySatisfied))
            }
            await #expect(throws: (any Error).self) {  // the unique index itself, under the store's check
                try await database.sql.raw("""
                    INSERT INTO satisfaction_ratings (id, at, dossier_code, officer, rating)
                    VALUES ('x', 0, \(bind: returned.codes[2]), 'a', 'satisfied')
                    """).run()
            }
            #expect(try await store.satisfactionFigures(try StatisticsPeriod.quarter(3, of: 2021)).ratings == 200)

            let unknown = "at,dossier_code,officer,rating\n2021-07-12T09:00,000.00.15.H56-210712-0999,tiepnhan,satisfied\n"
            await #expect { try await RatingImporter(database: database).run(Data(unknown.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("not a stored dossier") == true
            }
        }
    }
}
