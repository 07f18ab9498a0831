import Foundation

/// How a fee or financial obligation was paid (Decision 766/QĐ-TTg scores the share paid online). Raw
/// values are stored in events and sent by the API as they are; a payment confirmed before the channel was
/// recorded has none (unknown), so it never counts as paid online.
public enum PaymentChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Through the national public service portal or its payment platform (thanh toán trực tuyến).
    case online
    /// In cash or by card at the reception desk.
    case counter
    /// By bank transfer to the agency's account.
    case transfer

    public var vietnameseLabel: String {
        switch self {
        case .online: return "Trực tuyến (Cổng Dịch vụ công, nền tảng thanh toán)"
        case .counter: return "Tại quầy (tiền mặt, thẻ)"
        case .transfer: return "Chuyển khoản ngân hàng"
        }
    }
}
