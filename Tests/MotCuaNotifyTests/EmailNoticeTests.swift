import Foundation
import Logging
import MotCuaCore
import MotCuaNotify
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Issue 12: a dossier registered with an e-mail address gives one e-mail, through a real SMTP server.
@Suite("E-mail notices through a real SMTP server", .serialized)
struct EmailNoticeTests {
    static func register(_ store: DossierStore, _ n: Int, email: String = "dan@example.vn") async throws -> Dossier {
        let applicant = try Applicant(kind: .person, name: "Nguyễn Văn Dân \(n)", idNumber: "066090000123", phone: nil, email: email)
        return try await store.register(RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                                            applicant: applicant, channel: .counter),
                                        at: Date().addingTimeInterval(Double(n - 10)), actor: "tn")
    }

    static func worker(_ database: Database, port: Int) throws -> NoticeWorker {
        let smtp = try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", from: "motcua@lamdong.gov.vn")
        return NoticeWorker(store: NoticeStore(database: database), senders: [.email: SMTPSender(configuration: smtp, timeout: .seconds(5))],
                            lookupURL: "https://motcua.example.vn/tra-cuu", lease: 60, logger: Logger(label: "test.notify"))
    }

    @Test("registering with an e-mail gives one e-mail naming the code and the appointment; the notice is sent",
          arguments: TestBackend.available)
    func oneEmail(backend: TestBackend) async throws {
        guard !PythonReaders.skipRequested else { return }
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let server = try LocalSMTPServer()
            defer { server.stop() }
            let dossier = try await Self.register(DossierStore(database: database), 1)
            try await Self.worker(database, port: server.port).drain()
            let messages = try server.messages()
            #expect(messages.count == 1)
            let message = try #require(messages.first)
            #expect(message.to == "<dan@example.vn>")
            #expect(message.subject == "Hồ sơ \(dossier.code): đã tiếp nhận")
            #expect(message.text.contains(NoticePlanner.instant(try #require(dossier.citizenDueAt))))
            #expect(message.text.contains("https://motcua.example.vn/tra-cuu?ma=\(dossier.code)"))
            #expect(message.html.contains("Nguyễn") == false && message.html.contains(dossier.code.rawValue))
            let notices = try await NoticeStore(database: database).list(dossier: dossier.code)
            #expect(notices.map(\.state) == [.sent] && notices.first?.providerID?.hasPrefix("<") == true)
        }
    }

    @Test("the server down: the notice waits with the error and is retried after its backoff, then sent once",
          arguments: TestBackend.available)
    func downThenUp(backend: TestBackend) async throws {
        guard !PythonReaders.skipRequested else { return }
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let port = try LocalSMTPServer.freePort()
            let first = try await Self.register(store, 1)
            try await Self.worker(database, port: port).drain()
            let waiting = try await NoticeStore(database: database).list(dossier: first.code)
            #expect(waiting.map(\.state) == [.pending], "\(waiting)")
            #expect(waiting.first?.attempts == 1)
            #expect(waiting.first?.lastAnswer?.isEmpty == false)
            // The server comes up; the retry is due later (backoff): a worker whose clock is past it delivers.
            let server = try LocalSMTPServer(port: port)
            defer { server.stop() }
            let later = NoticeWorker(store: NoticeStore(database: database),
                                     senders: [.email: SMTPSender(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", from: "motcua@lamdong.gov.vn"))],
                                     lookupURL: "https://x", logger: Logger(label: "test"), now: { Date().addingTimeInterval(3600 * 2) })
            try await later.drain()
            #expect(try server.messages().count == 1)
            #expect(try await NoticeStore(database: database).list(dossier: first.code).map(\.state) == [.sent])
        }
    }
}
