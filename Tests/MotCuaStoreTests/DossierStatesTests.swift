import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing

@Suite("Several dossiers' states in one read")
struct DossierStatesTests {
    @Test("every existing code comes back with its current state; unknown codes are left out", arguments: TestBackend.available)
    func states(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            var codes: [DossierCode] = []
            for minute in 0..<3 {
                let d = try await store.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter),
                    at: Fixtures.instant("2021-07-12 08:0\(minute)"), actor: "tiepnhan")
                codes.append(d.code)
            }
            _ = try await store.execute(.transfer, on: codes[1], at: Fixtures.instant("2021-07-12 09:00"), actor: "tiepnhan")
            let missing = try DossierCode(parsing: "000.00.15.H56-210712-0999")
            let states = try await store.dossiers(codes + [missing])
            #expect(Set(states.keys) == Set(codes))
            for code in codes { #expect(try await states[code] == store.dossier(code)) }
            #expect(states[codes[1]]?.status == .processing)
            #expect(try await store.dossiers([]).isEmpty)
        }
    }
}
