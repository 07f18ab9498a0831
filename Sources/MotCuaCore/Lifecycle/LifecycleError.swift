import Foundation
import WorkCalendar

/// Why a command was refused (or a history cannot be replayed). `description` says why in English;
/// `vietnameseMessage` says it to the officer.
public enum LifecycleError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The action is not allowed from the dossier's status.
    case notAllowed(action: DossierAction, status: DossierStatus)
    /// The dossier does not exist yet; only `register` can create it.
    case notRegistered(action: DossierAction)
    case alreadyRegistered(DossierCode)
    /// The context's procedure is not the dossier's (code, or version after receipt).
    case procedureMismatch(expected: ProcedureReference, given: ProcedureReference)
    /// The context's procedure version was not in force at the instant.
    case procedureNotInForce(ProcedureReference, at: Date)
    /// A newer version was registered than the one offered at receipt.
    case procedureVersionBackwards(registered: ProcedureReference, given: ProcedureReference)
    /// The dossier code's date is not the registration's local date.
    case codeDateMismatch(code: DossierCode, date: LocalDate)
    /// Transfer or step commands on a procedure without an internal process.
    case noInternalProcess(ProcedureReference)
    /// The procedure has an internal process and the dossier has not been through it.
    case notTransferred
    /// A step command with no step in progress.
    case noOpenStep
    case stepAlreadyAccepted(step: String, at: Date)
    /// Send-back from the first step.
    case noPreviousStep(step: String)
    /// Recording a result while a step other than the last is in progress.
    case stepsRemaining(current: String, remaining: Int)
    /// A stop or withdrawal-like action that only makes sense in processing, asked at the desk phase.
    case receptionPhase(action: DossierAction)
    /// A desk action (refusal to receive) asked after the dossier was received.
    case alreadyReceived(action: DossierAction)
    case extensionAlreadyGranted(newDueAt: Date)
    case extensionTooLate(requestedAt: Date, dueAt: Date)
    case extensionNotLater(newDueAt: Date, dueAt: Date)
    /// A lateness record on a dossier that is not late.
    case notLate(completedAt: Date?, dueAt: Date?)
    /// System-only lateness claimed while the paper result was itself late.
    case paperResultLate(paperResultAt: Date, dueAt: Date)
    /// A required reason (refusal, send-back, stop, supplement, extension, lateness) is empty.
    case missingReason(action: DossierAction)
    case invalidAmount(Int)
    case missingActor
    /// The command's instant is before the dossier's last event.
    case timeWentBackwards(at: Date, lastEventAt: Date)
    /// The working calendar could not compute a deadline (date out of range).
    case calendar(String)
    /// Acceptance on behalf of a procedure not listed for acceptance at any site.
    case notAcceptedAtAnySite(ProcedureReference)
    case alreadyAcceptedOnBehalf(destination: AgencyCode)
    case forwardingToItself(AgencyCode)
    /// Forwarding a dossier that was not accepted on behalf.
    case notAcceptedOnBehalf
    case alreadyForwarded(at: Date)
    /// The competent desk records receipt of a dossier the accepting site has not sent yet.
    case notForwarded(site: AgencyCode)
    /// A reassignment to the agency already in charge.
    case alreadyInCharge(AgencyCode)
    /// Import data that contradicts itself.
    case invalidImport(String)
    /// A stored history that does not replay: a gap in sequences, a status that does not match, an event that
    /// cannot apply to the state it follows.
    case corruptHistory(sequence: Int, reason: String)

    private static func show(_ d: Date) -> String { VietnamTime.iso8601(d) }
    private static func vn(_ d: Date) -> String {
        let t = VietnamTime.timeOfDay(of: d)
        return "\(t) ngày \(VietnamTime.localDate(of: d).vietnameseNumeric)"
    }

    public var description: String {
        switch self {
        case let .notAllowed(action, status):
            let allowed = action.allowedFrom.sorted().map(\.description).joined(separator: ", ")
            return "Cannot \(action.englishName): the dossier is \(status); this is allowed only when it is \(allowed.isEmpty ? "not yet registered" : allowed)."
        case let .notRegistered(action):
            return "Cannot \(action.englishName): the dossier does not exist; register it first."
        case let .alreadyRegistered(code):
            return "Dossier \(code) is already registered."
        case let .procedureMismatch(expected, given):
            return "The procedure given (\(given)) is not the dossier's (\(expected))."
        case let .procedureNotInForce(ref, at):
            return "Procedure \(ref) was not yet in force at \(Self.show(at)); use the version in force then."
        case let .procedureVersionBackwards(registered, given):
            return "The dossier was registered under \(registered); it cannot be received under the older \(given)."
        case let .codeDateMismatch(code, date):
            return "Dossier code \(code) does not carry the registration date \(date)."
        case let .noInternalProcess(ref):
            return "Procedure \(ref) has no internal process: record the result directly."
        case .notTransferred:
            return "The dossier has not been transferred to its internal process yet; transfer it first."
        case .noOpenStep:
            return "No step is in progress: the internal process is finished or not started."
        case let .stepAlreadyAccepted(step, at):
            return "Step \"\(step)\" was already accepted at \(Self.show(at))."
        case let .noPreviousStep(step):
            return "Step \"\(step)\" is the first step: there is no previous step to send the dossier back to."
        case let .stepsRemaining(current, remaining):
            return "The internal process is not finished: step \"\(current)\" is in progress and \(remaining) step(s) follow it."
        case let .receptionPhase(action):
            return "Cannot \(action.englishName) for a dossier not yet received; refuse it at the desk or let the applicant withdraw it."
        case let .alreadyReceived(action):
            return "Cannot \(action.englishName): the dossier was already received; refuse it during processing instead."
        case let .extensionAlreadyGranted(newDueAt):
            return "The due date was already extended once (to \(Self.show(newDueAt))); the law allows a single extension."
        case let .extensionTooLate(requestedAt, dueAt):
            return "An extension must be made at least one working day before the due instant \(Self.show(dueAt)); \(Self.show(requestedAt)) is less than one working day before it."
        case let .extensionNotLater(newDueAt, dueAt):
            return "The new due date \(Self.show(newDueAt)) must be after the current one \(Self.show(dueAt))."
        case let .notLate(completedAt, dueAt):
            if let completedAt, let dueAt {
                return "The dossier is not late (completed \(Self.show(completedAt)), due \(Self.show(dueAt))): there is no lateness to explain."
            }
            return "The dossier has no result yet: lateness is recorded once it is completed late."
        case let .paperResultLate(paperResultAt, dueAt):
            return "System-only lateness means the paper result was on time, but it was ready at \(Self.show(paperResultAt)), after the due instant \(Self.show(dueAt)); record it as actual lateness."
        case let .missingReason(action):
            return "Cannot \(action.englishName) without a reason."
        case let .invalidAmount(amount):
            return "The amount \(amount) VND must be positive."
        case .missingActor:
            return "Every change must name who made it (actor)."
        case let .timeWentBackwards(at, last):
            return "The instant \(Self.show(at)) is before the dossier's last event (\(Self.show(last))); history only moves forward."
        case let .calendar(message):
            return "The working calendar cannot compute the deadline: \(message)"
        case let .notAcceptedAtAnySite(ref):
            return "Procedure \(ref) is not listed for acceptance at any site (any_site); the dossier must be filed with the competent agency's site."
        case let .alreadyAcceptedOnBehalf(destination):
            return "The dossier was already accepted on behalf of \(destination)."
        case let .forwardingToItself(site):
            return "The dossier cannot be forwarded to the site that accepted it (\(site))."
        case .notAcceptedOnBehalf:
            return "Only a dossier accepted on behalf of another agency is forwarded."
        case let .alreadyForwarded(at):
            return "The dossier was already forwarded at \(Self.show(at))."
        case let .alreadyInCharge(agency):
            return "The dossier is already in the charge of \(agency)."
        case let .notForwarded(site):
            return "The accepting site \(site) has not forwarded the dossier yet; it is received once it has been sent."
        case let .invalidImport(message):
            return "Invalid imported dossier: \(message)"
        case let .corruptHistory(sequence, reason):
            return "The dossier's history cannot be replayed at event \(sequence): \(reason)"
        }
    }

    public var errorDescription: String? { description }

    public var vietnameseMessage: String {
        switch self {
        case let .notAllowed(action, status):
            let allowed = action.allowedFrom.sorted().map { "\"\($0.vietnameseLabel)\"" }.joined(separator: ", ")
            return "Không thể \(action.vietnameseName): hồ sơ đang ở trạng thái \"\(status.vietnameseLabel)\"; chỉ thực hiện được khi hồ sơ ở trạng thái \(allowed)."
        case let .notRegistered(action):
            return "Không thể \(action.vietnameseName): hồ sơ chưa được đăng ký."
        case let .alreadyRegistered(code):
            return "Hồ sơ \(code) đã được đăng ký."
        case let .procedureMismatch(expected, given):
            return "Thủ tục \(given.code) (phiên bản \(given.version)) không phải thủ tục của hồ sơ (\(expected.code), phiên bản \(expected.version))."
        case let .procedureNotInForce(ref, at):
            return "Phiên bản \(ref.version) của thủ tục \(ref.code) chưa có hiệu lực lúc \(Self.vn(at))."
        case let .procedureVersionBackwards(registered, given):
            return "Hồ sơ đã đăng ký theo phiên bản \(registered.version), không thể tiếp nhận theo phiên bản cũ hơn \(given.version)."
        case let .codeDateMismatch(code, date):
            return "Mã hồ sơ \(code) không mang ngày đăng ký \(date.vietnameseNumeric)."
        case let .noInternalProcess(ref):
            return "Thủ tục \(ref.code) chưa có quy trình nội bộ: cập nhật kết quả trực tiếp."
        case .notTransferred:
            return "Hồ sơ chưa được chuyển xử lý theo quy trình nội bộ."
        case .noOpenStep:
            return "Không có bước xử lý nào đang thực hiện."
        case let .stepAlreadyAccepted(step, at):
            return "Bước \"\(step)\" đã được nhận xử lý lúc \(Self.vn(at))."
        case let .noPreviousStep(step):
            return "Bước \"\(step)\" là bước đầu tiên, không có bước trước để trả lại."
        case let .stepsRemaining(current, remaining):
            return "Quy trình chưa hoàn thành: đang ở bước \"\(current)\", còn \(remaining) bước sau."
        case let .receptionPhase(action):
            return "Không thể \(action.vietnameseName) khi hồ sơ chưa được tiếp nhận."
        case let .alreadyReceived(action):
            return "Không thể \(action.vietnameseName): hồ sơ đã được tiếp nhận; hãy từ chối giải quyết trong quá trình xử lý."
        case let .extensionAlreadyGranted(newDueAt):
            return "Hồ sơ đã được gia hạn một lần (đến \(Self.vn(newDueAt))); chỉ được gia hạn một lần."
        case let .extensionTooLate(_, dueAt):
            return "Phải gửi phiếu xin lỗi và hẹn lại ngày trả kết quả chậm nhất 01 ngày làm việc trước hạn (\(Self.vn(dueAt)))."
        case let .extensionNotLater(newDueAt, dueAt):
            return "Ngày hẹn mới (\(Self.vn(newDueAt))) phải sau ngày hẹn hiện tại (\(Self.vn(dueAt)))."
        case .notLate:
            return "Hồ sơ không trễ hạn nên không cần ghi nhận nguyên nhân trễ hạn."
        case let .paperResultLate(paperResultAt, _):
            return "Kết quả bản giấy có lúc \(Self.vn(paperResultAt)), sau thời hạn: đây là trễ hạn thực tế, không phải trễ hạn phần mềm."
        case let .missingReason(action):
            return "Phải nêu lý do khi \(action.vietnameseName)."
        case let .invalidAmount(amount):
            return "Số tiền \(amount) đồng không hợp lệ."
        case .missingActor:
            return "Thiếu người thực hiện."
        case let .timeWentBackwards(at, last):
            return "Thời điểm \(Self.vn(at)) trước thao tác gần nhất của hồ sơ (\(Self.vn(last)))."
        case .calendar:
            return "Không tính được thời hạn theo lịch làm việc."
        case let .notAcceptedAtAnySite(ref):
            return "Thủ tục \(ref.code) không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính; hồ sơ phải nộp tại nơi tiếp nhận của cơ quan có thẩm quyền."
        case let .alreadyAcceptedOnBehalf(destination):
            return "Hồ sơ đã được tiếp nhận để chuyển đến \(destination)."
        case let .forwardingToItself(site):
            return "Không thể chuyển hồ sơ đến chính nơi đã tiếp nhận (\(site))."
        case .notAcceptedOnBehalf:
            return "Chỉ chuyển hồ sơ được tiếp nhận không phụ thuộc địa giới hành chính."
        case let .alreadyForwarded(at):
            return "Hồ sơ đã được chuyển lúc \(Self.vn(at))."
        case let .alreadyInCharge(agency):
            return "Hồ sơ đã thuộc \(agency)."
        case let .notForwarded(site):
            return "Nơi tiếp nhận \(site) chưa chuyển hồ sơ; chỉ tiếp nhận sau khi hồ sơ đã được chuyển đến."
        case let .invalidImport(message):
            return "Dữ liệu hồ sơ chuyển đổi không hợp lệ: \(message)"
        case .corruptHistory(let sequence, _):
            return "Lịch sử xử lý hồ sơ bị lỗi tại thao tác thứ \(sequence)."
        }
    }
}
