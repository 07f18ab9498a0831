import AsyncHTTPClient
import Foundation
import MotCuaCore
import MotCuaStore
import NIOCore
import NIOHTTP1

/// A JSON POST to a provider, its answer classified the same way for every HTTP channel: 2xx accepted,
/// 4xx refused for good (the provider's message kept), 5xx or no answer retried later.
struct JSONPoster: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount

    struct Answer {
        let status: Int
        let body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    func post(_ url: String, headers: [(String, String)], body: [String: Any]) async -> Result<Answer, SendFailure> {
        do {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])))
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 256 * 1024)
            let answer = Answer(status: Int(response.status.code), body: String(buffer: bytes))
            switch answer.status {
            case 200..<300: return .success(answer)
            case 400..<500: return .failure(.permanent("HTTP \(answer.status): \(answer.body.prefix(300))"))
            default: return .failure(.temporary("HTTP \(answer.status): \(answer.body.prefix(300))"))
            }
        } catch {
            return .failure(.temporary("\(url): \(error)"))
        }
    }
}

enum SendFailure: Error {
    case temporary(String)
    case permanent(String)

    var outcome: SendOutcome {
        switch self {
        case .temporary(let text): .temporaryFailure(text)
        case .permanent(let text): .permanentFailure(text)
        }
    }
}

/// Zalo ZNS: the official template API — POST `{"phone", "template_id", "template_data", "tracking_id"}` with
/// the `access_token` header (`MOTCUA_ZNS_URL`, `MOTCUA_ZNS_TOKEN`, `MOTCUA_ZNS_TEMPLATE_ID`). The template
/// registered with Zalo takes two parameters: `ma_ho_so` and `noi_dung` (the notice's text).
public struct ZNSSender: NoticeSender {
    public static let officialURL = "https://business.openapi.zalo.me/message/template"
    let url: String
    let token: String
    let templateID: String
    let poster: JSONPoster

    public init(url: String = ZNSSender.officialURL, token: String, templateID: String, client: HTTPClient = .shared,
                timeout: TimeAmount = .seconds(20)) {
        self.url = url
        self.token = token
        self.templateID = templateID
        self.poster = JSONPoster(client: client, timeout: timeout)
    }

    public func send(_ notice: Notice, lookupURL: String) async -> SendOutcome {
        let body: [String: Any] = [
            "phone": notice.recipient, "template_id": templateID, "tracking_id": notice.id,
            "template_data": ["ma_ho_so": notice.dossierCode.rawValue, "noi_dung": notice.text(notice.body, lookupURL: lookupURL)],
        ]
        switch await poster.post(url, headers: [("access_token", token)], body: body) {
        case .failure(let failure): return failure.outcome
        case .success(let answer):
            // Zalo answers 200 with {"error": 0, "data": {"msg_id": …}}, or an error code and message.
            let json = answer.json
            let code = json?["error"] as? Int ?? 0
            guard code == 0 else { return .permanentFailure("ZNS \(code): \(json?["message"] as? String ?? answer.body)") }
            let id = (json?["data"] as? [String: Any])?["msg_id"] as? String
            return .accepted(providerID: id, answer: "ZNS: " + (json?["message"] as? String ?? "accepted"))
        }
    }
}

/// SMS brandname through any provider's gateway put behind one JSON webhook (`MOTCUA_SMS_URL`,
/// `MOTCUA_SMS_TOKEN` as a bearer token): `{"phone", "message", "reference"}`. The message is cut to one
/// segment: 160 characters without diacritics (`MOTCUA_SMS_UNACCENTED=1`, what most brandname routes
/// require), else 70 of UCS-2.
public struct SMSSender: NoticeSender {
    let url: String
    let token: String
    let unaccented: Bool
    let poster: JSONPoster

    public init(url: String, token: String, unaccented: Bool = true, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(20)) {
        self.url = url
        self.token = token
        self.unaccented = unaccented
        self.poster = JSONPoster(client: client, timeout: timeout)
    }

    /// The text as one SMS segment.
    public static func segment(_ text: String, unaccented: Bool) -> String {
        let plain = unaccented
            ? text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
                .folding(options: .diacriticInsensitive, locale: nil)
            : text
        let limit = unaccented ? 160 : 70
        return plain.count <= limit ? plain : String(plain.prefix(limit - 1)) + "…"
    }

    public func send(_ notice: Notice, lookupURL: String) async -> SendOutcome {
        let message = Self.segment(notice.text(notice.body, lookupURL: lookupURL), unaccented: unaccented)
        let body: [String: Any] = ["phone": notice.recipient, "message": message, "reference": notice.id]
        switch await poster.post(url, headers: [("Authorization", "Bearer " + token)], body: body) {
        case .failure(let failure): return failure.outcome
        case .success(let answer):
            let id = answer.json?["id"] as? String ?? answer.json?["message_id"] as? String
            return .accepted(providerID: id, answer: "SMS: HTTP \(answer.status)")
        }
    }
}
