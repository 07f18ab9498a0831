import Foundation

/// How a notice reaches the applicant.
public enum NoticeChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// E-mail over SMTP.
    case email
    /// Zalo ZNS, the official template messages.
    case zns
    /// SMS brandname through a provider's gateway.
    case sms

    public var vietnameseLabel: String {
        switch self {
        case .email: "Thư điện tử"
        case .zns: "Zalo"
        case .sms: "Tin nhắn SMS"
        }
    }
}

/// Where a notice stands in the outbox.
public enum NoticeState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written with its event, waiting for the worker (or for its next attempt).
    case pending
    /// Claimed by a worker, which holds it until its lease ends.
    case sending
    /// The provider accepted it.
    case sent
    /// The provider reported it delivered (a delivery callback).
    case delivered
    /// Refused by the provider, or undelivered when its time to live ran out.
    case failed
    /// Not to be sent (the applicant opted out, or no channel of this kind is configured).
    case cancelled

    public var vietnameseLabel: String {
        switch self {
        case .pending: "Chờ gửi"
        case .sending: "Đang gửi"
        case .sent: "Đã gửi"
        case .delivered: "Đã nhận"
        case .failed: "Gửi không thành công"
        case .cancelled: "Không gửi"
        }
    }

    public var isFinal: Bool { self == .sent || self == .delivered || self == .failed || self == .cancelled }
}

/// A notice to write in the outbox with the event that caused it.
public struct NoticeDraft: Sendable, Hashable {
    /// Stable: "<dossier code>#<event sequence>#<channel>", so writing the same event's notice twice is
    /// impossible (the primary key) and a retry can never duplicate it.
    public var id: String
    public var dossierCode: DossierCode
    public var eventSequence: Int
    public var channel: NoticeChannel
    public var recipient: String
    public var template: NoticeTemplate.Key
    public var templateVersion: Int
    public var subject: String
    public var body: String

    public init(dossierCode: DossierCode, eventSequence: Int, channel: NoticeChannel, recipient: String,
                template: NoticeTemplate.Key, templateVersion: Int, subject: String, body: String) {
        self.id = "\(dossierCode.rawValue)#\(eventSequence)#\(channel.rawValue)"
        self.dossierCode = dossierCode
        self.eventSequence = eventSequence
        self.channel = channel
        self.recipient = recipient
        self.template = template
        self.templateVersion = templateVersion
        self.subject = subject
        self.body = body
    }
}
