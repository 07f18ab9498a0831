import Foundation

/// Whether a supplement was asked for at the desk, before receipt (the processing period has not started),
/// or during processing (the period restarts or pauses per the procedure).
public enum SupplementPhase: String, Sendable, Hashable, Codable, CaseIterable {
    case reception
    case processing
}

/// One request to supplement the dossier (Mẫu 02) and its answer.
public struct SupplementRound: Sendable, Hashable, Codable {
    public var number: Int
    public var phase: SupplementPhase
    public var requestedAt: Date
    public var reason: String
    /// The documents asked for.
    public var documents: [String]
    /// The status the dossier returns to when the complete dossier arrives (newly registered, received or processing).
    public var resumeStatus: DossierStatus
    /// When the complete dossier arrived.
    public var arrivedAt: Date?
    /// Working minutes waited (owning agency's hours), whatever the policy: the 766 scoring subtracts them.
    public var waitedMinutes: Int?
    /// The policy applied at arrival (processing phase only).
    public var policy: SupplementPolicy?

    enum CodingKeys: String, CodingKey {
        case number, phase, requestedAt = "requested_at", reason, documents, resumeStatus = "resume_status"
        case arrivedAt = "arrived_at", waitedMinutes = "waited_minutes", policy
    }
}

/// One request to pay fees or financial obligations and its settlement. The period is paused meanwhile.
public struct PaymentRound: Sendable, Hashable, Codable {
    public var number: Int
    public var requestedAt: Date
    public var amountVND: Int
    public var description: String
    public var paidAt: Date?
    public var reference: String?
    public var waitedMinutes: Int?
    /// Nil while unpaid, and for payments confirmed before the channel was recorded.
    public var channel: PaymentChannel?

    enum CodingKeys: String, CodingKey {
        case number, requestedAt = "requested_at", amountVND = "amount_vnd", description, paidAt = "paid_at"
        case reference, waitedMinutes = "waited_minutes", channel
    }
}

/// The one extension a dossier may get, with its apology letter (Mẫu 04).
public struct DueExtension: Sendable, Hashable, Codable {
    public var requestedAt: Date
    /// The due instant the citizen had before.
    public var previousDueAt: Date
    /// The new date given to the citizen.
    public var newDueAt: Date
    public var reason: String
    /// Number/reference of the apology letter, if known.
    public var apologyLetter: String?

    enum CodingKeys: String, CodingKey {
        case requestedAt = "requested_at", previousDueAt = "previous_due_at", newDueAt = "new_due_at", reason
        case apologyLetter = "apology_letter"
    }
}

/// What the result says.
public enum DossierOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case approved
    case refused

    public var vietnameseLabel: String {
        switch self {
        case .approved: return "Giải quyết"
        case .refused: return "Từ chối giải quyết"
        }
    }
}
