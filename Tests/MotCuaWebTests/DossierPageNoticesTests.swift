import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

/// The dossier page lists the notices written for the applicant; their address only to those who may read it.
@Suite("Dossier page: the applicant's notices")
struct DossierPageNoticesTests {
    @Test("the receipt's notices are listed; the desk sees the address, the manager does not", arguments: TestBackend.available)
    func noticesOnThePage(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            let applicant = try Applicant(kind: .person, name: "Nguyễn Văn Dân", idNumber: "066090000123", phone: "0912345678",
                                          email: "dan@example.vn")
            let dossier = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode, applicant: applicant, channel: .counter),
                at: Date(), actor: DeskFixture.reception)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var desk = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                let page = try await DeskFixture.get(client, "/ho-so/\(dossier.code)", &desk)
                #expect(page.status == .ok && page.text.contains("id=\"thong-bao-nguoi-nop\""))
                #expect(page.text.contains("dan@example.vn") && page.text.contains("84912345678") && page.text.contains("Chờ gửi"))
                var manager = try await DeskFixture.signedIn(client, as: DeskFixture.manager)
                let overseen = try await DeskFixture.get(client, "/ho-so/\(dossier.code)", &manager)
                #expect(overseen.status == .ok && overseen.text.contains("Đã tiếp nhận, hẹn trả"))
                #expect(!overseen.text.contains("dan@example.vn") && !overseen.text.contains("84912345678"))
            }
        }
    }
}
