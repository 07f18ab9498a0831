import Foundation
import WorkCalendar

/// How an accepting site sends a dossier it accepted on behalf of another agency to the competent one.
public enum ForwardingChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Through the shared one-stop system (liên thông điện tử): the competent desk sees it at once.
    case electronic
    /// By public postal service (bưu chính công ích).
    case postal
    /// Carried by an officer.
    case courier

    public var vietnameseLabel: String {
        switch self {
        case .electronic: "Liên thông điện tử"
        case .postal: "Qua dịch vụ bưu chính công ích"
        case .courier: "Chuyển trực tiếp"
        }
    }
}

/// A dossier accepted at one site for a procedure another agency resolves (Decree 118/2025/NĐ-CP as amended
/// by Decree 309/2026, Art. 14.4 and 17.3): accepted here (`acceptedAt`, the receipt the citizen holds),
/// sent on (`sentAt`), delivered when the competent desk records its receipt (`deliveredAt`, the dossier's
/// `receivedAt`), from which the processing period runs. Forwarding has its own deadline (`dueAt`).
public struct Forwarding: Sendable, Hashable, Codable {
    /// The site that accepted it (the dossier code's agency).
    public var acceptingSite: AgencyCode
    /// The site whose desk receives for the competent agency.
    public var destination: AgencyCode
    public var acceptedAt: Date
    /// The latest instant of delivery (the forwarding period, a dated setting).
    public var dueAt: Date
    public var sentAt: Date?
    public var channel: ForwardingChannel?
    public var note: String?
    public var deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case acceptingSite = "accepting_site", destination, acceptedAt = "accepted_at", dueAt = "due_at"
        case sentAt = "sent_at", channel, note, deliveredAt = "delivered_at"
    }

    /// Delivery against the forwarding deadline, once delivered.
    public var verdict: Verdict? { deliveredAt.map { Verdict(completedAt: $0, dueAt: dueAt) } }

    /// Whether the forwarding is overdue at `instant` while not yet delivered.
    public func isOverdue(at instant: Date) -> Bool { deliveredAt == nil && instant > dueAt }
}

/// `accepted_on_behalf`: a site's desk checked the papers and issued its receipt for a dossier it will
/// forward to `destination`.
public struct OnBehalfAcceptance: Sendable, Hashable, Codable {
    public var destination: AgencyCode
    public var forwardingDueAt: Date
    /// Working days allowed to deliver it (the setting in force at acceptance).
    public var forwardingWorkingDays: Int

    enum CodingKeys: String, CodingKey {
        case destination, forwardingDueAt = "forwarding_due_at", forwardingWorkingDays = "forwarding_working_days"
    }
}

/// `forwarded`: the accepting site sent the dossier on.
public struct ForwardingDispatch: Sendable, Hashable, Codable {
    public var channel: ForwardingChannel
    public var note: String?
}

/// `reassigned`: after a merger, the open dossier continues under `to` instead of `from`.
public struct Reassignment: Sendable, Hashable, Codable {
    public var from: AgencyCode
    public var to: AgencyCode
    public var reason: String
}
