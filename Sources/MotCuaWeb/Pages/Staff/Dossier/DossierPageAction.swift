import Foundation
import MotCuaCore
import WorkCalendar

/// The actions the dossier page offers, each a form `#hanh-dong-{slug}` posting to
/// `/ho-so/{code}/hanh-dong/{slug}`. The slugs are Vietnamese (they are part of the page's contract with
/// its browser tests); each stands for one lifecycle action.
enum DossierPageAction: String, Sendable, CaseIterable {
    case receive = "tiep-nhan-ho-so"
    case transfer = "chuyen-xu-ly"
    case receiveSupplement = "nhan-bo-sung"
    case completeStep = "hoan-thanh-buoc"
    case sendBack = "chuyen-lai"
    case requestSupplement = "yeu-cau-bo-sung"
    case extend = "gia-han"
    case refuse = "tu-choi"
    case refuseAtDesk = "tu-choi-tiep-nhan"
    case recordResult = "ghi-ket-qua"
    case returnResult = "tra-ket-qua"
    case withdraw = "rut-ho-so"
    case requestPayment = "yeu-cau-thanh-toan"
    case confirmPayment = "xac-nhan-thanh-toan"
    case forward = "chuyen-co-quan-tham-quyen"

    /// The form field names, kept in one place so the view and the parsing cannot disagree.
    enum Field {
        static let version = "phien_ban"
        static let note = "ghi_chu"
        static let reason = "ly_do"
        static let documents = "giay_to"
        static let newDue = "han_moi"
        static let apologyLetter = "so_phieu_xin_loi"
        static let outcome = "ket_qua"
        static let returnChannel = "hinh_thuc"
        static let amount = "so_tien"
        static let paymentDescription = "noi_dung"
        static let paymentChannel = "kenh_thanh_toan"
        static let reference = "chung_tu"
        static let forwardingChannel = "hinh_thuc_chuyen"
    }

    var lifecycleAction: DossierAction {
        switch self {
        case .receive: .receive
        case .transfer: .transfer
        case .receiveSupplement: .receiveSupplement
        case .completeStep: .completeStep
        case .sendBack: .sendBack
        case .requestSupplement: .requestSupplement
        case .extend: .extend
        case .refuse: .refuse
        case .refuseAtDesk: .refuseAtDesk
        case .recordResult: .recordResult
        case .returnResult: .returnResult
        case .withdraw: .withdraw
        case .requestPayment: .requestPayment
        case .confirmPayment: .confirmPayment
        case .forward: .forward
        }
    }

    init?(_ action: DossierAction) {
        guard let match = Self.allCases.first(where: { $0.lifecycleAction == action }) else { return nil }
        self = match
    }

    var formID: String { "hanh-dong-\(rawValue)" }

    /// The submit button's words.
    var buttonLabel: String {
        switch self {
        case .receive: "Tiếp nhận hồ sơ"
        case .transfer: "Chuyển xử lý"
        case .receiveSupplement: "Nhận hồ sơ bổ sung"
        case .completeStep: "Hoàn thành bước"
        case .sendBack: "Chuyển lại bước trước"
        case .requestSupplement: "Yêu cầu bổ sung"
        case .extend: "Gia hạn và gửi phiếu xin lỗi"
        case .refuse: "Từ chối giải quyết"
        case .refuseAtDesk: "Từ chối tiếp nhận"
        case .recordResult: "Ghi kết quả"
        case .returnResult: "Trả kết quả"
        case .withdraw: "Rút hồ sơ theo đề nghị của người nộp"
        case .requestPayment: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .confirmPayment: "Xác nhận đã thanh toán"
        case .forward: "Chuyển hồ sơ đến nơi có thẩm quyền"
        }
    }

    /// The question an irreversible action asks before it is sent (`data-confirm`); nil when it can be undone.
    var confirmation: String? {
        switch self {
        case .requestSupplement, .receiveSupplement: nil
        case .receive: "Tiếp nhận hồ sơ? Thời hạn giải quyết bắt đầu tính từ bây giờ."
        case .withdraw: "Rút hồ sơ theo đề nghị của người nộp? Không thể hoàn tác."
        case .transfer: "Chuyển hồ sơ sang bước xử lý đầu tiên?"
        case .completeStep: "Hoàn thành bước này và chuyển hồ sơ đi? Không thể hoàn tác."
        case .sendBack: "Chuyển hồ sơ lại bước trước?"
        case .extend: "Mỗi hồ sơ chỉ được gia hạn một lần. Gia hạn và gửi phiếu xin lỗi?"
        case .refuse: "Từ chối giải quyết hồ sơ? Không thể hoàn tác."
        case .refuseAtDesk: "Từ chối tiếp nhận hồ sơ? Không thể hoàn tác."
        case .recordResult: "Ghi nhận kết quả giải quyết? Không thể hoàn tác."
        case .returnResult: "Xác nhận đã trả kết quả cho công dân, tổ chức?"
        case .requestPayment: "Yêu cầu người nộp thanh toán? Thời hạn giải quyết tạm dừng cho đến khi thanh toán."
        case .confirmPayment: "Xác nhận người nộp đã thanh toán đủ? Không thể hoàn tác."
        case .forward: "Xác nhận đã gửi hồ sơ đến cơ quan có thẩm quyền?"
        }
    }

    /// The confirmation shown after the action succeeded.
    var doneMessage: String {
        switch self {
        case .receive: "Đã tiếp nhận hồ sơ; hãy in giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)."
        case .withdraw: "Đã rút hồ sơ theo đề nghị của người nộp."
        case .transfer: "Đã chuyển hồ sơ sang bước xử lý đầu tiên."
        case .receiveSupplement: "Đã nhận hồ sơ bổ sung."
        case .completeStep: "Đã hoàn thành bước xử lý."
        case .sendBack: "Đã chuyển hồ sơ lại bước trước."
        case .requestSupplement: "Đã yêu cầu bổ sung hồ sơ; hãy in phiếu yêu cầu bổ sung (Mẫu 02) gửi công dân."
        case .extend: "Đã gia hạn; hãy in phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)."
        case .refuse: "Đã từ chối giải quyết hồ sơ."
        case .refuseAtDesk: "Đã từ chối tiếp nhận hồ sơ; hãy in phiếu từ chối (Mẫu 03)."
        case .recordResult: "Đã ghi nhận kết quả giải quyết."
        case .returnResult: "Đã trả kết quả."
        case .requestPayment: "Đã yêu cầu thực hiện nghĩa vụ tài chính; thời hạn giải quyết tạm dừng."
        case .confirmPayment: "Đã xác nhận thanh toán; thời hạn giải quyết tiếp tục được tính."
        case .forward: "Đã chuyển hồ sơ; thời hạn giải quyết tính từ khi cơ quan có thẩm quyền tiếp nhận."
        }
    }

    /// A form the officer filled in wrongly: what to say, and which field to look at.
    struct InputProblem: Error, Sendable, Equatable {
        let field: String
        let message: String
    }

    /// The command the submitted form asks for; an empty required field or an unreadable value is an
    /// `InputProblem` (checked here, before anything is written, so the page can say which field is wrong).
    func command(from form: FormFields) throws(InputProblem) -> DossierCommand {
        switch self {
        case .receive: return .receive
        case .withdraw: return .withdraw(reason: form[Field.reason])
        case .transfer: return .transfer
        case .receiveSupplement: return .receiveSupplement(note: form[Field.note])
        case .completeStep: return .completeStep(note: form[Field.note])
        case .sendBack: return .sendBack(reason: try Self.reason(form, "Vui lòng nhập lý do chuyển lại bước trước."))
        case .requestSupplement:
            let reason = try Self.reason(form, "Vui lòng nhập lý do yêu cầu bổ sung.")
            let documents = (form[Field.documents] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !documents.isEmpty else {
                throw InputProblem(field: Field.documents, message: "Vui lòng liệt kê các giấy tờ cần bổ sung, mỗi giấy tờ một dòng.")
            }
            return .requestSupplement(reason: reason, documents: documents)
        case .extend:
            let raw = (form[Field.newDue] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else {
                throw InputProblem(field: Field.newDue, message: "Vui lòng chọn ngày giờ hẹn trả kết quả mới.")
            }
            guard raw.count >= 16, let newDue = try? VietnamTime.parse(String(raw.prefix(16))) else {
                throw InputProblem(field: Field.newDue, message: "Ngày giờ hẹn mới \"\(raw)\" không hợp lệ (dạng 2021-02-26 09:00).")
            }
            let reason = try Self.reason(form, "Vui lòng nhập lý do gia hạn (lý do chậm trễ).")
            return .extend(newDueAt: newDue, reason: reason, apologyLetter: form[Field.apologyLetter])
        case .refuse: return .refuse(reason: try Self.reason(form, "Vui lòng nhập lý do từ chối giải quyết."))
        case .refuseAtDesk: return .refuseAtDesk(reason: try Self.reason(form, "Vui lòng nhập lý do từ chối tiếp nhận."))
        case .recordResult:
            guard let outcome = form[Field.outcome].flatMap(DossierOutcome.init(rawValue:)) else {
                throw InputProblem(field: Field.outcome, message: "Vui lòng chọn kết quả: giải quyết hoặc từ chối giải quyết.")
            }
            return .recordResult(outcome: outcome, note: form[Field.note])
        case .returnResult:
            switch form[Field.returnChannel] ?? "counter" {
            case "counter", "": return .returnResult(channel: .counter)
            case "postal", "post": return .returnResult(channel: .postal)
            default:
                throw InputProblem(field: Field.returnChannel, message: "Vui lòng chọn hình thức trả kết quả: tại quầy hoặc qua bưu chính.")
            }
        case .requestPayment: return try Self.paymentRequest(form)
        case .confirmPayment: return try Self.paymentConfirmation(form)
        case .forward:
            guard let channel = ForwardingChannel(rawValue: form[Field.forwardingChannel] ?? ForwardingChannel.electronic.rawValue) else {
                throw InputProblem(field: Field.forwardingChannel, message: "Vui lòng chọn hình thức chuyển hồ sơ.")
            }
            return .forward(channel: channel, note: form[Field.note])
        }
    }

    /// Amounts are whole đồng; officers type them with or without thousands separators ("500.000").
    static let maximumAmountVND = 1_000_000_000_000

    private static func paymentRequest(_ form: FormFields) throws(InputProblem) -> DossierCommand {
        let raw = (form[Field.amount] ?? "").trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { throw InputProblem(field: Field.amount, message: "Vui lòng nhập số tiền phải nộp (đồng).") }
        let digits = raw.filter { !". ,".contains($0) }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let amount = Int(digits), amount > 0, amount <= maximumAmountVND else {
            throw InputProblem(field: Field.amount, message: "Số tiền \"\(raw)\" không hợp lệ: nhập số đồng lớn hơn 0, ví dụ 500.000.")
        }
        let description = (form[Field.paymentDescription] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else {
            throw InputProblem(field: Field.paymentDescription, message: "Vui lòng nhập nội dung khoản phải nộp (phí, lệ phí, nghĩa vụ tài chính).")
        }
        guard description.count <= 500 else {
            throw InputProblem(field: Field.paymentDescription, message: "Nội dung khoản phải nộp quá dài (tối đa 500 ký tự).")
        }
        return .requestPayment(amountVND: amount, description: description)
    }

    private static func paymentConfirmation(_ form: FormFields) throws(InputProblem) -> DossierCommand {
        guard let channel = form[Field.paymentChannel].flatMap(PaymentChannel.init(rawValue:)) else {
            throw InputProblem(field: Field.paymentChannel,
                               message: "Vui lòng chọn kênh thanh toán: trực tuyến, tại quầy hoặc chuyển khoản.")
        }
        let reference = form[Field.reference]?.trimmingCharacters(in: .whitespaces)
        guard (reference?.count ?? 0) <= 200 else {
            throw InputProblem(field: Field.reference, message: "Số chứng từ quá dài (tối đa 200 ký tự).")
        }
        return .confirmPayment(reference: reference, channel: channel)
    }

    private static func reason(_ form: FormFields, _ message: String) throws(InputProblem) -> String {
        let reason = (form[Field.reason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw InputProblem(field: Field.reason, message: message) }
        guard reason.count <= 2000 else { throw InputProblem(field: Field.reason, message: "Lý do quá dài (tối đa 2.000 ký tự).") }
        return reason
    }
}
