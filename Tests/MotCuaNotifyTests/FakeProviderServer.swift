import Foundation
import MotCuaTestSupport

/// A provider's HTTP endpoint for the tests (Zalo ZNS, an SMS gateway): a real HTTP server (Python's
/// http.server) that records each request — headers and JSON body — and answers with the statuses it is
/// given, in order (the last one repeats), the JSON body of each answer too.
final class FakeProviderServer {
    struct Request: Decodable {
        let path: String
        let headers: [String: String]
        let body: [String: JSONValue]
    }

    /// Enough of JSON to read the bodies back.
    enum JSONValue: Decodable, Equatable {
        case string(String), number(Double), object([String: JSONValue]), other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .string(s) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
            else { self = .other }
        }

        var string: String? { if case .string(let s) = self { s } else { nil } }
        subscript(key: String) -> JSONValue? { if case .object(let o) = self { o[key] } else { nil } }
    }

    let port: Int
    let folder: URL
    private let process: Process
    var url: String { "http://127.0.0.1:\(port)/send" }

    init(answers: [(status: Int, body: String)]) throws {
        folder = try ExternalTools.temporaryDirectory()
        port = try LocalSMTPServer.freePort()
        let answersFile = folder.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: answers.map { ["status": $0.status, "body": $0.body] }).write(to: answersFile)
        let script = """
            import json, sys, http.server
            answers = json.load(open(sys.argv[2])); log = sys.argv[3]; count = [0]
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                    with open(log, 'a') as f:
                        f.write(json.dumps({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                            "body": json.loads(body)}) + "\\n")
                    answer = answers[min(count[0], len(answers) - 1)]; count[0] += 1
                    data = answer["body"].encode()
                    self.send_response(answer["status"]); self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
                def log_message(self, *args): pass
            http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
            """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "\(port)", answersFile.path, folder.appendingPathComponent("requests.jsonl").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if LocalSMTPServer.accepts(port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw ExternalTools.Failure(description: "the fake provider did not start")
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func requests() throws -> [Request] {
        let file = folder.appendingPathComponent("requests.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }
}
