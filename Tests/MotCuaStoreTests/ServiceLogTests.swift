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

    @Test("ratings need a stored dossier; the satisfied share rounds to one decimal", arguments: TestBackend.available)
    func ratings(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let dossier = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter),
                at: Fixtures.instant("2021-07-12 08:00"), actor: "tiepnhan")
            var lines = ["at,dossier_code,officer,rating"]
            for n in 0..<199 { lines.append("2021-07-12T09:\(String(format: "%02d", n % 60)),\(dossier.code),tiepnhan,\(n % 2 == 0 ? "very_satisfied" : "satisfied")") }
            lines.append("2021-07-12T10:00,\(dossier.code),tiepnhan,unsatisfied")
            _ = try await RatingImporter(database: database).run(Data(lines.joined(separator: "\n").utf8))
            let figures = try await ServiceLogStore(database: database)
                .satisfactionFigures(try StatisticsPeriod.quarter(3, of: 2021))
            #expect(figures.ratings == 200 && figures.satisfied == 199 && figures.unsatisfied == 1)
            #expect(figures.satisfiedPercent == 99.5)

            let unknown = "at,dossier_code,officer,rating\n2021-07-12T09:00,000.00.15.H56-210712-0999,tiepnhan,satisfied\n"
            await #expect { try await RatingImporter(database: database).run(Data(unknown.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("not a stored dossier") == true
            }
        }
    }
}
