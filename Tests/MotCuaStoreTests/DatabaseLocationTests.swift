import MotCuaStore
import Testing

@Suite("Database setting (--database / MOTCUA_DATABASE)")
struct DatabaseLocationTests {
    @Test("absent or empty means the default SQLite file")
    func defaultIsSQLite() throws {
        for raw in [nil, "", "  "] as [String?] {
            guard case .sqlite(let path) = try DatabaseLocation(parsing: raw) else {
                Issue.record("expected SQLite for \(String(describing: raw))"); continue
            }
            #expect(path == "./data/motcua.sqlite")
        }
    }

    @Test("a path is a SQLite file")
    func pathIsSQLite() throws {
        guard case .sqlite(let path) = try DatabaseLocation(parsing: "/var/lib/motcua/center.sqlite") else {
            Issue.record("expected SQLite"); return
        }
        #expect(path == "/var/lib/motcua/center.sqlite")
    }

    @Test("a postgres URL is parsed and its password never printed")
    func postgresURL() throws {
        let location = try DatabaseLocation(parsing: "postgres://motcua:s%40cret@db.internal:6543/center?sslmode=disable")
        guard case .postgres(let server) = location else { Issue.record("expected PostgreSQL"); return }
        #expect(server.host == "db.internal")
        #expect(server.port == 6543)
        #expect(server.username == "motcua")
        #expect(server.database == "center")
        #expect(!location.description.contains("cret"))
        #expect(location.description.contains("***"))
        #expect(try DatabaseLocation(parsing: "postgresql://u@h/d").description == "PostgreSQL postgres://u@h:5432/d")
    }

    @Test("malformed URLs name the problem", arguments: [
        ("postgres://:pw@host/db", "user name"),
        ("postgres://user:pw@/db", "host"),
        ("postgres://user:pw@host:99999/db", "port"),
        ("postgres://user:pw@host/db?foo=bar", "foo"),
        ("postgres://user:pw@host/db?sslmode=sometimes", "sslmode"),
        ("mysql://user:pw@host/db", "mysql"),
    ])
    func malformed(raw: String, mentions: String) {
        do {
            _ = try DatabaseLocation(parsing: raw)
            Issue.record("accepted \(raw)")
        } catch {
            #expect(error.description.contains(mentions))
            #expect(!error.description.contains("pw"))
        }
    }
}
