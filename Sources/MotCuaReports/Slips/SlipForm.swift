import Foundation

/// The one-stop forms of Circular 01/2018/TT-VPCP (guiding Decree 61/2018/NĐ-CP) that a dossier's data
/// fills in. Raw values are the form numbers, for URLs and CLI arguments (`/slips/01`, `--form 05`).
public enum SlipForm: String, Sendable, Hashable, CaseIterable, Codable {
    /// Mẫu số 01: receipt and appointment.
    case receipt = "01"
    /// Mẫu số 02: request to supplement and complete the dossier.
    case supplementRequest = "02"
    /// Mẫu số 03: refusal to receive or resolve the dossier.
    case refusal = "03"
    /// Mẫu số 04: apology and new date for the result.
    case apology = "04"
    /// Mẫu số 05: process control sheet.
    case processControl = "05"
    /// From Decree 118/2025: the receipt of a dossier accepted regardless of administrative boundaries, for
    /// another agency's site (its number in our built-in set, `SlipFormSet.circular03of2025`).
    case acceptanceOnBehalf = "01a"
    /// From Decree 118/2025: the notice that processing is stopped.
    case stopNotice = "06"

    /// The title printed on the slip under Circular 01/2018 (a dossier's own set may differ: `SlipFormSet`).
    public var title: String {
        switch self {
        case .receipt: return "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
        case .supplementRequest: return "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
        case .refusal: return "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
        case .apology: return "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
        case .processControl: return "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
        case .acceptanceOnBehalf: return "GIẤY TIẾP NHẬN HỒ SƠ KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH"
        case .stopNotice: return "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
        }
    }

    /// "Mẫu số 01".
    public var label: String { "Mẫu số \(rawValue)" }

    /// Where the form comes from.
    public static let legalBasis = "Thông tư số 01/2018/TT-VPCP"

    /// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", for menus.
    public var name: String {
        switch self {
        case .receipt: return "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
        case .supplementRequest: return "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
        case .refusal: return "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
        case .apology: return "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
        case .processControl: return "Phiếu kiểm soát quá trình giải quyết hồ sơ"
        case .acceptanceOnBehalf: return "Giấy tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính"
        case .stopNotice: return "Thông báo dừng giải quyết hồ sơ"
        }
    }

    /// A file name stem without diacritics: "mau-01-giay-tiep-nhan".
    public var fileStem: String {
        switch self {
        case .receipt: return "mau-01-giay-tiep-nhan"
        case .supplementRequest: return "mau-02-yeu-cau-bo-sung"
        case .refusal: return "mau-03-tu-choi"
        case .apology: return "mau-04-xin-loi-hen-lai"
        case .processControl: return "mau-05-phieu-kiem-soat"
        case .acceptanceOnBehalf: return "mau-01a-tiep-nhan-khong-phu-thuoc-dia-gioi"
        case .stopNotice: return "mau-06-thong-bao-dung-giai-quyet"
        }
    }

    /// The slip of this form for the context's dossier; throws when the dossier has nothing to put in it
    /// (no extension for Mẫu 04, not received for Mẫu 01, …).
    public func document(for context: SlipContext) throws(SlipError) -> SlipDocument {
        switch self {
        case .receipt: return try ReceiptSlip(context).document
        case .supplementRequest: return try SupplementRequestSlip(context).document
        case .refusal: return try RefusalSlip(context).document
        case .apology: return try ApologySlip(context).document
        case .processControl: return try ProcessControlSheet(context).document
        case .acceptanceOnBehalf: return try AcceptanceOnBehalfSlip(context).document
        case .stopNotice: return try StopNoticeSlip(context).document
        }
    }

    /// The forms the dossier has the data for, in form order (what a dossier page can offer to print).
    public static func available(for context: SlipContext) -> [SlipForm] {
        allCases.filter { form in
            do { _ = try form.document(for: context); return true } catch { return false }
        }
    }
}
