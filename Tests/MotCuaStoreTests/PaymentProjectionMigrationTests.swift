import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("M0013: paid_at and paid_online filled for the rows written before it")
struct PaymentProjectionMigrationTests {
    let t = Fixtures.instant

    @Test("rows with settled fees get paid_at and their channel; unknown channels and unpaid rows stay NULL",
          arguments: TestBackend.available)
    func backfill(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            var codes: [String] = []
            for (n, channel) in ([PaymentChannel.online, .counter, nil, nil] as [PaymentChannel?]).enumerated() {
                var d = try await store.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter),
                    at: t("2021-07-0\(5 + n) 09:00"), actor: "tiepnhan")
                d = try await store.execute(.transfer, on: d.code, at: t("2021-07-0\(5 + n) 09:10"), actor: "tiepnhan")
                d = try await store.execute(.requestPayment(amountVND: 10_000, description: "Lệ phí"), on: d.code,
                                            at: t("2021-07-0\(5 + n) 10:00"), actor: "cv")
                if n < 3 {
                    _ = try await store.execute(.confirmPayment(reference: nil, channel: channel), on: d.code,
                                                at: t("2021-07-0\(5 + n) 11:00"), actor: "tiepnhan")
                }
                codes.append(d.code.rawValue)
            }
            // As rows written before M0013: the columns empty; the migration's fill sets them.
            try await database.sql.update("dossiers").set("paid_at", to: SQLLiteral.null).set("paid_online", to: SQLLiteral.null).run()
            try await M0013_ProjectPaymentChannel().fill(on: database.sql)
            var rows: [String: (paidAt: Int?, online: Int?)] = [:]
            for row in try await database.sql.select().columns("code", "paid_at", "paid_online").from("dossiers").all() {
                rows[try row.decode(column: "code", as: String.self)] =
                    (try row.decode(column: "paid_at", as: Int?.self), try row.decode(column: "paid_online", as: Int?.self))
            }
            for n in 0..<3 {
                #expect(rows[codes[n]]?.paidAt == Int(t("2021-07-0\(5 + n) 11:00").timeIntervalSince1970), "\(n)")
            }
            #expect(rows[codes[0]]?.online == 1 && rows[codes[1]]?.online == 0 && rows[codes[2]]?.online == nil)
            #expect(rows[codes[3]]?.paidAt == nil && rows[codes[3]]?.online == nil)
        }
    }
}
