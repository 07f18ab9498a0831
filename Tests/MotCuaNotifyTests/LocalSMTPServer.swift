import Foundation
import MotCuaTestSupport

/// A real SMTP server for the tests: Python's aiosmtpd, storing what it receives in a Maildir, which
/// Python's `mailbox` and `email` modules read back (recipient, decoded subject, decoded text).
final class LocalSMTPServer {
    struct Message: Decodable, Hashable {
        let to: String
        let subject: String
        let text: String
        let html: String
    }

    let port: Int
    let folder: URL
    private let process: Process

    var maildir: URL { folder.appendingPathComponent("maildir") }

    static func freePort() throws -> Int {
        let output = try ExternalTools.run("python3", ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"],
                                           in: FileManager.default.temporaryDirectory)
        return Int(String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Starts it on `port` (a free one by default) and waits until it accepts connections.
    init(port: Int? = nil) throws {
        folder = try ExternalTools.temporaryDirectory()
        self.port = try port ?? Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(self.port)", "-c", "aiosmtpd.handlers.Mailbox",
                             folder.appendingPathComponent("maildir").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if Self.accepts(self.port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw ExternalTools.Failure(description: "aiosmtpd did not start (pip install aiosmtpd)")
    }

    static func accepts(_ port: Int) -> Bool {
        let output = try? ExternalTools.run("python3", ["-c", "import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(('127.0.0.1',\(port))))"],
                                            in: FileManager.default.temporaryDirectory)
        return output?.status == 0
    }

    /// aiosmtpd's main loop ignores SIGTERM: it is killed.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Every message received so far.
    func messages() throws -> [Message] {
        guard FileManager.default.fileExists(atPath: maildir.path) else { return [] }
        return try PythonReaders.read(maildir, with: """
            import json, mailbox, sys
            from email.header import decode_header, make_header
            out = []
            for m in mailbox.Maildir(sys.argv[1], create=False):
                parts = {p.get_content_type(): p.get_payload(decode=True).decode('utf-8') for p in m.walk() if not p.is_multipart()}
                out.append({"to": m["To"], "subject": str(make_header(decode_header(m["Subject"]))),
                            "text": parts.get("text/plain", ""), "html": parts.get("text/html", "")})
            print(json.dumps(out))
            """, as: [Message].self)
    }
}
