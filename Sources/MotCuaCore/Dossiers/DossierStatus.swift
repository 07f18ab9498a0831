import Foundation

/// A dossier's status with the national public service portal's codes 1–10. Codable as the code (an Int).
public enum DossierStatus: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// 1 — submitted online (or registered at the desk), not yet received.
    case newlyRegistered = 1
    /// 2 — received; the processing period runs.
    case received = 2
    /// 3 — not accepted at the desk (refused before receipt).
    case notAccepted = 3
    /// 4 — being processed by the agencies' steps.
    case processing = 4
    /// 5 — waiting for the applicant to supplement the dossier.
    case supplementRequested = 5
    /// 6 — waiting for the applicant to pay fees or financial obligations.
    case paymentRequested = 6
    /// 7 — withdrawn at the applicant's request.
    case withdrawn = 7
    /// 8 — processing stopped.
    case stopped = 8
    /// 9 — processed: the result (approval or refusal) is ready.
    case processed = 9
    /// 10 — the result was handed to the applicant.
    case returned = 10

    /// The portal's code.
    public var code: Int { rawValue }

    /// Vietnamese label for the UI.
    public var vietnameseLabel: String {
        switch self {
        case .newlyRegistered: return "Mới đăng ký"
        case .received: return "Đã tiếp nhận"
        case .notAccepted: return "Không được tiếp nhận"
        case .processing: return "Đang xử lý"
        case .supplementRequested: return "Yêu cầu bổ sung"
        case .paymentRequested: return "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawn: return "Công dân yêu cầu rút hồ sơ"
        case .stopped: return "Dừng xử lý"
        case .processed: return "Đã xử lý xong"
        case .returned: return "Đã trả kết quả"
        }
    }

    /// English name used in messages: "processing (4)".
    public var description: String {
        let name: String
        switch self {
        case .newlyRegistered: name = "newly registered"
        case .received: name = "received"
        case .notAccepted: name = "not accepted"
        case .processing: name = "processing"
        case .supplementRequested: name = "supplement requested"
        case .paymentRequested: name = "payment requested"
        case .withdrawn: name = "withdrawn"
        case .stopped: name = "stopped"
        case .processed: name = "processed"
        case .returned: name = "returned"
        }
        return "\(name) (\(rawValue))"
    }

    /// No change can follow except recording an officer's lateness note (processed, returned) — or nothing at
    /// all (not accepted, withdrawn, stopped).
    public var isClosed: Bool {
        switch self {
        case .notAccepted, .withdrawn, .stopped, .processed, .returned: return true
        default: return false
        }
    }

    public static func < (lhs: DossierStatus, rhs: DossierStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
