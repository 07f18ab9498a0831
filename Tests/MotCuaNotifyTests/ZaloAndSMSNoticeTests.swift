import Foundation
import Logging
import MotCuaCore
import MotCuaNotify
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Issue 12: the fake Zalo ZNS and SMS endpoints receive the documented JSON; a 5xx is retried; a 4xx fails
/// the notice with the provider's message; a Zalo notice that fails goes by SMS.
@Suite("Zalo ZNS and SMS notices through fake providers", .serialized)
struct ZaloAndSMSNoticeTests {
    static func register(_ database: Database) async throws -> Dossier {
        let applicant = try Applicant(kind: .person, name: "Lê Thị Lan", idNumber: "066090000123", phone: "0912 345 678")
        return try await DossierStore(database: database).register(
            RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode, applicant: applicant, channel: .counter),
            at: Date().addingTimeInterval(-5), actor: "tn")
    }

    static func worker(_ database: Database, _ senders: [NoticeChannel: any NoticeSender], later: TimeInterval = 0) -> NoticeWorker {
        NoticeWorker(store: NoticeStore(database: database), senders: senders, lookupURL: "https://motcua.example.vn/tra-cuu",
                     logger: Logger(label: "test"), now: { Date().addingTimeInterval(later) })
    }

    @Test("ZNS: the documented JSON with the access_token header; a 500 retried, then accepted with Zalo's msg_id",
          arguments: TestBackend.available)
    func znsRetried(backend: TestBackend) async throws {
        guard !PythonReaders.skipRequested else { return }
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let zalo = try FakeProviderServer(answers: [(500, #"{"error": -1, "message": "busy"}"#),
                                                        (200, #"{"error": 0, "message": "Success", "data": {"msg_id": "zns-42"}}"#)])
            defer { zalo.stop() }
            let dossier = try await Self.register(database)
            let zns = ZNSSender(url: zalo.url, token: "zalo-token", templateID: "230001")
            try await Self.worker(database, [.zns: zns]).drain()
            #expect(try await NoticeStore(database: database).list(dossier: dossier.code).map(\.state) == [.pending])
            try await Self.worker(database, [.zns: zns], later: 7200).drain()
            let requests = try zalo.requests()
            #expect(requests.count == 2)
            let request = try #require(requests.last)
            #expect(request.headers["access_token"] == "zalo-token")
            #expect(request.body["phone"]?.string == "84912345678" && request.body["template_id"]?.string == "230001")
            #expect(request.body["tracking_id"]?.string == "\(dossier.code)#2#zns")
            #expect(request.body["template_data"]?["ma_ho_so"]?.string == dossier.code.rawValue)
            #expect(request.body["template_data"]?["noi_dung"]?.string?.contains("hẹn trả kết quả") == true)
            let notice = try #require(try await NoticeStore(database: database).list(dossier: dossier.code).first)
            #expect(notice.state == .sent && notice.providerID == "zns-42" && notice.attempts == 2)
        }
    }

    @Test("a 4xx from Zalo fails the notice with its message; the SMS gateway then gets one segment without diacritics",
          arguments: TestBackend.available)
    func rejectedThenSMS(backend: TestBackend) async throws {
        guard !PythonReaders.skipRequested else { return }
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let zalo = try FakeProviderServer(answers: [(400, #"{"error": -124, "message": "Số điện thoại không dùng Zalo"}"#)])
            let gateway = try FakeProviderServer(answers: [(200, #"{"id": "sms-7"}"#)])
            defer { zalo.stop(); gateway.stop() }
            let dossier = try await Self.register(database)
            let senders: [NoticeChannel: any NoticeSender] = [
                .zns: ZNSSender(url: zalo.url, token: "t", templateID: "1"),
                .sms: SMSSender(url: gateway.url, token: "sms-token"),
            ]
            try await Self.worker(database, senders).drain()
            let notices = try await NoticeStore(database: database).list(dossier: dossier.code)
            let zns = try #require(notices.first { $0.channel == .zns })
            #expect(zns.state == .failed && zns.lastAnswer?.contains("Số điện thoại không dùng Zalo") == true)
            let sms = try #require(notices.first { $0.channel == .sms })
            #expect(sms.state == .sent && sms.providerID == "sms-7")
            let request = try #require(try gateway.requests().first)
            #expect(request.headers["authorization"] == "Bearer sms-token")
            #expect(request.body["phone"]?.string == "84912345678" && request.body["reference"]?.string == sms.id)
            let message = try #require(request.body["message"]?.string)
            #expect(message.count <= 160 && message.hasPrefix("Ho so \(dossier.code)"))
            #expect(message.filter { !$0.isASCII && $0 != "…" }.isEmpty, "\(message)")
        }
    }
}
