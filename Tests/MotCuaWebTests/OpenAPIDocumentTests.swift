import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    static var skipPythonRequested: Bool { PythonReaders.skipRequested }

    func servedDocument() async throws -> (text: String, contentType: String?) {
        try await withTestDatabase(.sqlite) { database in
            try await apiApplication(database, clock: TestClock("2021-07-12 08:00")).test(.router) { client in
                try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                    #expect(response.status == .ok)
                    return (String(buffer: response.body), response.headers[.contentType])
                }
            }
        }
    }

    /// Runs a Python `script` with the served document's path as its argument, from a temporary folder;
    /// records an issue and returns nil when python3 lacks `module`.
    func runPython(_ script: String, needing module: String) async throws -> (status: Int32, output: String, errors: String)? {
        let (text, _) = try await servedDocument()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("openapi.yaml")
        try Data(text.utf8).write(to: file)
        let run = try ExternalTools.run("python3", ["-c", script, file.path], in: folder)
        if run.standardError.contains("ModuleNotFoundError") || run.status == 127 {
            Issue.record("python3 lacks \(module): run `pip install \(module)`, or set MOTCUA_SKIP_PYTHON_READERS=1 to skip.\n\(run.standardError)")
            return nil
        }
        return (run.status, String(decoding: run.standardOutput, as: UTF8.self), run.standardError)
    }

    /// Paths and their operations, read from the document's layout (two-space path keys under `paths:`,
    /// four-space operation keys under each path). Good enough for a document we write ourselves.
    static func operations(in yaml: String) -> Set<String> {
        var result: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if let first = line.first, !first.isWhitespace { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "delete", "patch", "head", "options"].contains(String(key)) {
                    result.insert("\(key.uppercased()) \(path)")
                }
            }
        }
        return result
    }

    @Test("is served as application/yaml and every /api/v1 route is in its paths, and only those")
    func routesAreDocumented() async throws {
        let (text, contentType) = try await servedDocument()
        #expect(contentType?.hasPrefix("application/yaml") == true)
        #expect(text.hasPrefix("openapi: 3.1.0"))
        let documented = Self.operations(in: text)
        #expect(documented.count >= 9)

        let registered = try await withTestDatabase(.sqlite) { database in
            apiRouter(database, clock: TestClock("2021-07-12 08:00")).routes
                .filter { $0.path.description.hasPrefix(JSONAPI.basePath + "/") }
                .map { "\($0.method.rawValue) \($0.path.description.dropFirst(JSONAPI.basePath.count))" }
        }
        #expect(registered.count >= 9)
        for route in registered {
            #expect(documented.contains(route), "\(route) is registered but not in openapi.yaml")
        }
        for operation in documented {
            #expect(registered.contains(operation), "\(operation) is in openapi.yaml but not registered")
        }
    }

    @Test(
        "validates with openapi-spec-validator",
        .enabled(if: !OpenAPIDocumentTests.skipPythonRequested, "MOTCUA_SKIP_PYTHON_READERS=1: openapi-spec-validator skipped")
    )
    func validates() async throws {
        let script = "from openapi_spec_validator import validate; import yaml,sys; validate(yaml.safe_load(open(sys.argv[1]))); print('valid')"
        guard let run = try await runPython(script, needing: "openapi-spec-validator pyyaml") else { return }
        #expect(run.status == 0 && run.output.contains("valid"), "openapi-spec-validator rejected the document:\n\(run.errors)")
    }

    @Test(
        "documents the statuses and constraints the server answers with (the API contract's findings)",
        .enabled(if: !OpenAPIDocumentTests.skipPythonRequested, "MOTCUA_SKIP_PYTHON_READERS=1: PyYAML reader skipped")
    )
    func documentsWhatTheServerAnswers() async throws {
        // Each line: a fact the reader checks, then "ok" or what it found.
        let script = #"""
        import re, sys, yaml
        d = yaml.safe_load(open(sys.argv[1]))
        p, s = d["paths"], d["components"]["schemas"]
        def codes(path, method): return sorted(p[path][method]["responses"])
        def check(name, ok): print(("ok " if ok else "FAIL ") + name)
        check("GET /guidance 422", "422" in codes("/guidance", "get"))
        check("GET /statistics 422", "422" in codes("/statistics", "get"))
        check("GET /statistics 403", "403" in codes("/statistics", "get"))
        check("POST /ratings 409", "409" in codes("/ratings", "post"))
        check("POST /dossiers 409 422", {"409", "422"} <= set(codes("/dossiers", "post")))
        check("actions 409 422 428", {"409", "422", "428"} <= set(codes("/dossiers/{code}/actions/{action}", "post")))
        check("action bodies anyOf", "anyOf" in s["DossierActionRequest"] and "oneOf" not in s["DossierActionRequest"])
        check("dossier code pattern", re.search(s["DossierCode"]["pattern"], "000.00.15.H56-210712-0007") is not None
              and re.search(s["DossierCode"]["pattern"], "000.00.15.H56-210712") is None)
        check("agency code pattern", re.search(s["AgencyCode"]["pattern"], " 000.00.15.h56 ") is not None
              and re.search(s["AgencyCode"]["pattern"], "000.00.15") is None)
        a = s["ApplicantInput"]["properties"]
        check("id_number pattern", re.search(a["id_number"]["pattern"], "0101234567-001") is not None
              and re.search(a["id_number"]["pattern"], "-0101") is None)
        check("phone pattern", re.search(a["phone"]["pattern"], "+84 (261) 354.4123") is not None
              and re.search(a["phone"]["pattern"], "goi 0261") is None)
        check("email pattern", re.search(a["email"]["pattern"], "") is not None
              and re.search(a["email"]["pattern"], "a@b") is None)
        check("guidance agency code", p["/guidance"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["agency_code"] == {"$ref": "#/components/schemas/AgencyCode"})
        check("405 with Allow described", "405" in d["info"]["description"] and "Allow" in d["info"]["description"])
        """#
        guard let run = try await runPython(script, needing: "pyyaml") else { return }
        let out = run.output
        #expect(run.status == 0, "\(run.errors)")
        #expect(out.split(separator: "\n").count == 14, "\(out)")
        for line in out.split(separator: "\n") where !line.hasPrefix("ok ") {
            Issue.record("openapi.yaml: \(line)")
        }
    }

    @Test("buildApplication mounts the API: the document is public, dossiers need a signed-in user")
    func mountedInTheApplication() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AppConfiguration(database: database))
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.init("X-Request-Id")!] != nil)
                }
                try await client.execute(uri: "/api/v1/dossiers", method: .get) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                    #expect(response.headers[.init("X-Request-Id")!] != nil)
                }
                try await client.execute(uri: "/api/v1/procedures", method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }
}
