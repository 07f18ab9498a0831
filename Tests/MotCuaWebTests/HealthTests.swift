import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

@Suite("Health, readiness and metrics endpoints")
struct HealthTests {
    @Test("/healthz and /readyz answer on each database", arguments: TestBackend.available)
    func healthAndReadiness(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let app = buildApplication(AppConfiguration(database: database))
            try await app.test(.router) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"alive\""))
                }
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"\(backend.rawValue)\""))
                }
            }
        }
    }

    @Test("/readyz says 503 when the database does not answer, without the password")
    func notReadyWithoutDatabase() async throws {
        let database = try Database(location: DatabaseLocation(parsing: "postgres://motcua:hunter2@127.0.0.1:1/none"))
        let app = buildApplication(AppConfiguration(database: database))
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = String(buffer: response.body)
                #expect(body.contains("unavailable"))
                #expect(!body.contains("hunter2"))
            }
        }
        await database.shutdown()
    }

    @Test("every response carries a request id; a sane incoming id is kept, a hostile one replaced")
    func requestIDs() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AppConfiguration(database: database))
            try await app.test(.router) { client in
                let first = try await client.execute(uri: "/healthz", method: .get) { $0.headers[.init("X-Request-Id")!] }
                let second = try await client.execute(uri: "/healthz", method: .get) { $0.headers[.init("X-Request-Id")!] }
                #expect(first != nil && second != nil && first != second)
                let kept = try await client.execute(uri: "/healthz", method: .get, headers: [.init("X-Request-Id")!: "lb-42_a"]) {
                    $0.headers[.init("X-Request-Id")!]
                }
                #expect(kept == "lb-42_a")
                let replaced = try await client.execute(
                    uri: "/healthz", method: .get, headers: [.init("X-Request-Id")!: "evil\nline injected"]
                ) { $0.headers[.init("X-Request-Id")!] }
                #expect(replaced != nil && replaced != "evil\nline injected")
                let missing = try await client.execute(uri: "/no-such-page", method: .get) { $0 }
                #expect(missing.status == .notFound)
                #expect(missing.headers[.init("X-Request-Id")!] != nil)
            }
        }
    }

    @Test("/metrics prints Prometheus text with request and database figures")
    func metrics() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AppConfiguration(database: database))
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/readyz", method: .get) { $0.status }
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                    let text = String(buffer: response.body)
                    #expect(text.contains("http_server_request_duration"))
                    #expect(text.contains("/readyz"))
                    #expect(text.contains("motcua_db_queries_total"))
                    #expect(text.contains("motcua_db_query_duration_seconds"))
                }
            }
        }
    }
}
