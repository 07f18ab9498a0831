import Foundation
import MotCuaCore

/// Why a slip cannot be made from a dossier: the dossier is not in a state the form speaks about, or the data
/// it needs is missing. `description` says it in English (logs, CLI); `vietnameseMessage` to the officer.
public enum SlipError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The procedure given is not the version the dossier is processed under.
    case procedureMismatch(dossier: ProcedureReference, given: ProcedureReference)
    /// An agency the slip names is not in the directory.
    case unknownAgency(AgencyCode)
    /// The dossier has no applicant data (imported from an older system).
    case missingApplicant(DossierCode)
    /// Mẫu 01 and 05 need a received dossier.
    case notReceived(DossierCode, status: DossierStatus)
    /// Mẫu 02 needs a supplement request.
    case noSupplementRequest(DossierCode)
    case supplementRoundNotFound(DossierCode, number: Int, rounds: Int)
    /// Mẫu 03 needs a dossier refused at the desk or in processing.
    case notRefused(DossierCode, status: DossierStatus)
    /// Mẫu 03 needs the reason of the refusal.
    case missingRefusalReason(DossierCode)
    /// Mẫu 04 needs an extension (with its apology letter).
    case noExtension(DossierCode)
    /// The form set of the dossier's regime has no such form (a stop notice for a 2021 dossier).
    case notInFormSet(SlipForm, set: String)
    /// The receipt of an acceptance on behalf needs a dossier accepted on behalf.
    case notAcceptedOnBehalf(DossierCode)
    /// The stop notice needs a stopped dossier.
    case notStopped(DossierCode, status: DossierStatus)

    public var description: String {
        switch self {
        case let .procedureMismatch(dossier, given):
            return "The procedure given (\(given)) is not the one the dossier is processed under (\(dossier)); load that version from the catalogue."
        case let .unknownAgency(code):
            return "Agency \(code) is not in the agency directory; a slip cannot print its name."
        case let .missingApplicant(code):
            return "Dossier \(code) has no applicant data (imported from an older system); the slip needs the applicant's name."
        case let .notReceived(code, status):
            return "Dossier \(code) has not been received (it is \(status)); a receipt (Mẫu 01) or a process control sheet (Mẫu 05) exists only for a received dossier."
        case let .noSupplementRequest(code):
            return "Dossier \(code) has no supplement request; a supplement request slip (Mẫu 02) needs one."
        case let .supplementRoundNotFound(code, number, rounds):
            return "Dossier \(code) has no supplement request number \(number) (it has \(rounds))."
        case let .notRefused(code, status):
            return "Dossier \(code) was not refused (it is \(status)); a refusal slip (Mẫu 03) needs a refusal at the desk or in processing."
        case let .missingRefusalReason(code):
            return "Dossier \(code) was refused without a recorded reason; a refusal slip (Mẫu 03) must state it."
        case let .noExtension(code):
            return "Dossier \(code) has no extension; an apology letter with a new date (Mẫu 04) exists only after an extension."
        case let .notInFormSet(form, set):
            return "The form set \(set) of the dossier's legal regime has no form \(form.rawValue) (\(form.name))."
        case let .notAcceptedOnBehalf(code):
            return "Dossier \(code) was not accepted on behalf of another agency's site."
        case let .notStopped(code, status):
            return "Dossier \(code) was not stopped (it is \(status)); a stop notice exists only for a stopped dossier."
        }
    }

    public var errorDescription: String? { description }

    public var vietnameseMessage: String {
        switch self {
        case let .procedureMismatch(dossier, given):
            return "Thủ tục \(given.code) (phiên bản \(given.version)) không phải phiên bản thủ tục của hồ sơ (\(dossier.code), phiên bản \(dossier.version))."
        case let .unknownAgency(code):
            return "Không tìm thấy cơ quan có mã \(code) trong danh mục cơ quan."
        case let .missingApplicant(code):
            return "Hồ sơ \(code) không có thông tin người nộp hồ sơ nên không in được phiếu."
        case let .notReceived(code, status):
            return "Hồ sơ \(code) chưa được tiếp nhận (trạng thái \"\(status.vietnameseLabel)\")."
        case let .noSupplementRequest(code):
            return "Hồ sơ \(code) không có yêu cầu bổ sung, hoàn thiện hồ sơ."
        case let .supplementRoundNotFound(code, number, rounds):
            return "Hồ sơ \(code) không có lần yêu cầu bổ sung thứ \(number) (chỉ có \(rounds) lần)."
        case let .notRefused(code, status):
            return "Hồ sơ \(code) không bị từ chối (trạng thái \"\(status.vietnameseLabel)\")."
        case let .missingRefusalReason(code):
            return "Hồ sơ \(code) bị từ chối nhưng chưa ghi lý do từ chối."
        case let .noExtension(code):
            return "Hồ sơ \(code) chưa được gia hạn nên không có phiếu xin lỗi và hẹn lại ngày trả kết quả."
        case let .notInFormSet(form, set):
            return "Bộ biểu mẫu \(set) áp dụng cho hồ sơ không có mẫu \"\(form.name)\"."
        case let .notAcceptedOnBehalf(code):
            return "Hồ sơ \(code) không phải hồ sơ tiếp nhận không phụ thuộc địa giới hành chính."
        case let .notStopped(code, status):
            return "Hồ sơ \(code) không bị dừng giải quyết (trạng thái \"\(status.vietnameseLabel)\")."
        }
    }
}
