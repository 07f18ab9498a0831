import Foundation
import MotCuaStore
import NIOCore
import NIOPosix

/// Where and as whom e-mail goes: `MOTCUA_SMTP_URL` (`smtp://[user:pass@]host:port`) and `MOTCUA_MAIL_FROM`.
public struct SMTPConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String
    public var fromName: String

    /// Parses the URL; a bad one names the key and never prints the password.
    public init(url: String, from: String, fromName: String = "Trung tâm Phục vụ hành chính công") throws {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw NotifyConfigurationError("MOTCUA_SMTP_URL is not a URL like smtp://user:pass@host:587")
        }
        switch components.scheme {
        case "smtp": break
        case "smtps":
            throw NotifyConfigurationError("MOTCUA_SMTP_URL: smtps:// (TLS) is not supported yet; use a local relay on smtp://")
        default:
            throw NotifyConfigurationError("MOTCUA_SMTP_URL must start with smtp://")
        }
        if components.queryItems?.contains(where: { $0.name == "starttls" && $0.value == "required" }) == true {
            throw NotifyConfigurationError("MOTCUA_SMTP_URL: ?starttls=required is not supported yet; use a local relay")
        }
        guard from.contains("@"), !from.contains("\r"), !from.contains("\n") else {
            throw NotifyConfigurationError("MOTCUA_MAIL_FROM must be an e-mail address")
        }
        self.host = host
        self.port = components.port ?? 25
        self.username = components.user?.removingPercentEncoding
        self.password = components.password?.removingPercentEncoding
        self.from = from
        self.fromName = fromName
    }
}

/// A configuration value that cannot be used: the message names the key, never a secret.
public struct NotifyConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// E-mail over SMTP (RFC 5321) on SwiftNIO: one connection per message, EHLO, AUTH PLAIN when credentials
/// are given, MAIL FROM, RCPT TO, DATA. The message is UTF-8: subject in RFC 2047 encoded words, a
/// multipart/alternative body (plain text and simple HTML) in base64, so any server takes it as 7-bit.
public struct SMTPSender: NoticeSender {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup
    /// The whole conversation's limit.
    let timeout: TimeAmount

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                timeout: TimeAmount = .seconds(30)) {
        self.configuration = configuration
        self.group = group
        self.timeout = timeout
    }

    public func send(_ notice: Notice, lookupURL: String) async -> SendOutcome {
        do {
            return try await converse(notice, lookupURL: lookupURL)
        } catch let reply as SMTPReply {
            return reply.code >= 500 ? .permanentFailure(reply.description) : .temporaryFailure(reply.description)
        } catch {
            return .temporaryFailure("SMTP \(configuration.host):\(configuration.port): \(error)")
        }
    }

    private func converse(_ notice: Notice, lookupURL: String) async throws -> SendOutcome {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        // The whole conversation has a deadline: past it the connection is closed, which ends any read.
        let deadline = channel.channel.eventLoop.scheduleTask(in: timeout) { channel.channel.close(promise: nil) }
        defer { deadline.cancel() }
        return try await channel.executeThenClose { inbound, outbound in
            var lines = SMTPLineReader(inbound.makeAsyncIterator())
            func command(_ text: String?, expect accepted: ClosedRange<Int>) async throws -> SMTPReply {
                if let text { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
                let reply = try await lines.reply()
                guard accepted.contains(reply.code) else { throw reply }
                return reply
            }
            _ = try await command(nil, expect: 220...220)
            _ = try await command("EHLO motcua.local", expect: 250...250)
            if let user = configuration.username, let password = configuration.password {
                let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN " + token, expect: 235...235)
            }
            _ = try await command("MAIL FROM:<\(configuration.from)>", expect: 250...250)
            _ = try await command("RCPT TO:<\(notice.recipient)>", expect: 250...251)
            _ = try await command("DATA", expect: 354...354)
            let accepted = try await command(SMTPMessage(notice: notice, configuration: configuration, lookupURL: lookupURL).dataSection,
                                             expect: 250...250)
            _ = try? await command("QUIT", expect: 221...221)
            return .accepted(providerID: SMTPMessage.messageID(notice), answer: accepted.description)
        }
    }
}

/// An SMTP reply: its code and text (all lines of a multi-line reply).
struct SMTPReply: Error, CustomStringConvertible, Sendable {
    let code: Int
    let text: String
    var description: String { "\(code) \(text)" }
}

/// Reads CRLF-terminated lines from the connection and assembles replies ("250-…" continues, "250 …" ends).
struct SMTPLineReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = [UInt8]()

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    mutating func line() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var bytes = Array(pending[..<end])
                pending.removeFirst(end + 1)
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard pending.count < 64 * 1024, var buffer = try await iterator.next() else {
                throw SMTPReply(code: 421, text: "connection closed by the server")
            }
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
    }

    mutating func reply() async throws -> SMTPReply {
        var texts: [String] = []
        while true {
            let line = try await line()
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPReply(code: 421, text: "unreadable reply: \(line.prefix(80))") }
            texts.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                return SMTPReply(code: code, text: texts.joined(separator: " "))
            }
        }
    }
}

/// The message of one notice, as the DATA section sends it (dot-stuffed, ending with the lone dot).
struct SMTPMessage {
    let notice: Notice
    let configuration: SMTPConfiguration
    let lookupURL: String

    static func messageID(_ notice: Notice) -> String {
        "<" + notice.id.replacingOccurrences(of: "#", with: ".") + "@motcua>"
    }

    /// RFC 2047: "=?UTF-8?B?…?=".
    static func encodedWord(_ text: String) -> String {
        text.allSatisfy { $0.isASCII && $0 != "?" && $0 != "=" } ? text : "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[index..<end])
            index = end
        }
        return lines.joined(separator: "\r\n")
    }

    static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<!DOCTYPE html><html lang=\"vi\"><body><p>" + escaped.replacingOccurrences(of: "\n\n", with: "</p><p>")
            .replacingOccurrences(of: "\n", with: "<br>") + "</p></body></html>"
    }

    var dataSection: String {
        let subject = notice.text(notice.subject, lookupURL: lookupURL)
        let body = notice.text(notice.body, lookupURL: lookupURL)
        let boundary = "motcua-" + notice.id.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let date = Self.rfc5322Date(Date())
        let lines = [
            "From: \(Self.encodedWord(configuration.fromName)) <\(configuration.from)>",
            "To: <\(notice.recipient)>",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(date)",
            "Message-ID: \(Self.messageID(notice))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            Self.base64Lines(body),
            "--\(boundary)",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            Self.base64Lines(Self.html(body)),
            "--\(boundary)--",
        ]
        // Dot-stuffing (RFC 5321 4.5.2); base64 and the headers above never start with a dot, but a name could.
        let stuffed = lines.joined(separator: "\r\n").split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return stuffed.joined(separator: "\r\n") + "\r\n."
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
