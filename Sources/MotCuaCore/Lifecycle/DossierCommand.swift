import Foundation

/// What an officer (or the portal) asks to do to a dossier. `DossierLifecycle.decide` checks it against
/// the dossier's state and the rules and turns it into one event, or refuses it with a `LifecycleError`.
public enum DossierCommand: Sendable, Hashable {
    /// Create the dossier (status 1). Counter and postal dossiers are registered and received at once.
    case register(DossierDraft)
    /// Receive the complete dossier: the processing period starts (1 → 2). For a dossier accepted on behalf,
    /// the competent desk's receipt once it was forwarded.
    case receive
    /// A site accepts (and gives its receipt for) a dossier of a procedure listed for acceptance at any site,
    /// which `destination`'s desk will receive (status stays 1; Decree 118/2025 as amended, Art. 14.4).
    case acceptOnBehalf(destination: AgencyCode)
    /// The accepting site sends the dossier on to the competent desk.
    case forward(channel: ForwardingChannel, note: String?)
    /// A merger: the open dossier continues under the successor of its owning agency (and of the agency of
    /// its open step), from now on (`motcua agencies merge`).
    case reassign(from: AgencyCode, to: AgencyCode, reason: String)
    /// Ask for missing documents (Mẫu 02): at the desk before receipt (1 → 5) or during processing (2, 4 → 5).
    case requestSupplement(reason: String, documents: [String])
    /// The complete dossier arrived (5 → 1 at the desk; 5 → 2 or 4 in processing, restarting or un-pausing the period).
    case receiveSupplement(note: String?)
    /// Refuse to receive (Mẫu 03 at the desk): 1, or 5 at the desk → 3.
    case refuseAtDesk(reason: String)
    /// Hand the received dossier to the first step of the internal process (2 → 4).
    case transfer
    /// An officer of the current step takes the dossier (records who and when).
    case acceptStep(assignee: String?)
    /// Complete the current step: hand over to the next step, or finish the process.
    case completeStep(note: String?)
    /// Send the dossier back to the previous step.
    case sendBack(reason: String)
    /// Ask the applicant to pay fees or financial obligations (4 → 6); the period pauses.
    case requestPayment(amountVND: Int, description: String)
    /// The payment was made (6 → 4); the period resumes. `channel` nil = not said (counts as not online).
    case confirmPayment(reference: String?, channel: PaymentChannel? = nil)
    /// Extend the citizen's due date with an apology letter (Mẫu 04): at most once, at least one working day
    /// before the current due instant.
    case extend(newDueAt: Date, reason: String, apologyLetter: String?)
    /// Refuse to resolve during processing (2, 4 → 9 with outcome refused).
    case refuse(reason: String)
    /// The applicant withdraws the dossier (→ 7).
    case withdraw(reason: String?)
    /// Stop processing (→ 8).
    case stop(reason: String)
    /// The result is ready (4 → 9; 2 → 9 for a procedure without internal process).
    case recordResult(outcome: DossierOutcome, note: String?)
    /// The result was handed over (9 → 10).
    case returnResult(channel: Channel)
    /// An officer's account of a late dossier (9 or 10; the dossier must be late).
    case recordLateness(LatenessRecord)

    public var action: DossierAction {
        switch self {
        case .register: return .register
        case .receive: return .receive
        case .acceptOnBehalf: return .acceptOnBehalf
        case .forward: return .forward
        case .reassign: return .reassign
        case .requestSupplement: return .requestSupplement
        case .receiveSupplement: return .receiveSupplement
        case .refuseAtDesk: return .refuseAtDesk
        case .transfer: return .transfer
        case .acceptStep: return .acceptStep
        case .completeStep: return .completeStep
        case .sendBack: return .sendBack
        case .requestPayment: return .requestPayment
        case .confirmPayment: return .confirmPayment
        case .extend: return .extend
        case .refuse: return .refuse
        case .withdraw: return .withdraw
        case .stop: return .stop
        case .recordResult: return .recordResult
        case .returnResult: return .returnResult
        case .recordLateness: return .recordLateness
        }
    }
}

/// The kinds of command, with the statuses each is allowed from (the coarse transition table; finer rules
/// are checked by `decide`). A UI can show the buttons of `allowed(from:)`.
public enum DossierAction: String, Sendable, Hashable, Codable, CaseIterable {
    case register, receive
    case acceptOnBehalf = "accept_on_behalf"
    case forward, reassign
    case requestSupplement = "request_supplement"
    case receiveSupplement = "receive_supplement"
    case refuseAtDesk = "refuse_at_desk"
    case transfer
    case acceptStep = "accept_step"
    case completeStep = "complete_step"
    case sendBack = "send_back"
    case requestPayment = "request_payment"
    case confirmPayment = "confirm_payment"
    case extend, refuse, withdraw, stop
    case recordResult = "record_result"
    case returnResult = "return_result"
    case recordLateness = "record_lateness"

    /// Statuses the action is allowed from (empty for `register`, which needs no dossier).
    public var allowedFrom: Set<DossierStatus> {
        switch self {
        case .register: return []
        case .receive, .acceptOnBehalf, .forward: return [.newlyRegistered]
        case .reassign: return [.newlyRegistered, .received, .processing, .supplementRequested, .paymentRequested]
        case .requestSupplement: return [.newlyRegistered, .received, .processing]
        case .receiveSupplement: return [.supplementRequested]
        case .refuseAtDesk: return [.newlyRegistered, .supplementRequested]
        case .transfer: return [.received]
        case .acceptStep, .completeStep, .sendBack, .requestPayment: return [.processing]
        case .confirmPayment: return [.paymentRequested]
        case .extend: return [.received, .processing]
        case .refuse: return [.received, .processing]
        case .withdraw: return [.newlyRegistered, .received, .processing, .supplementRequested, .paymentRequested]
        case .stop: return [.received, .processing, .supplementRequested, .paymentRequested]
        case .recordResult: return [.received, .processing]
        case .returnResult: return [.processed]
        case .recordLateness: return [.processed, .returned]
        }
    }

    /// Whether an officer asks for it (a button, an API call). Registration, acceptance on behalf and a
    /// merger's reassignment happen as consequences of other operations.
    public var isOfficerAction: Bool {
        switch self {
        case .register, .acceptOnBehalf, .reassign: false
        default: true
        }
    }

    public static func allowed(from status: DossierStatus) -> [DossierAction] {
        allCases.filter { $0.allowedFrom.contains(status) }
    }

    /// English phrase for messages.
    public var englishName: String {
        switch self {
        case .register: return "register the dossier"
        case .receive: return "receive the dossier"
        case .acceptOnBehalf: return "accept the dossier on behalf of the competent agency"
        case .forward: return "forward the dossier to the competent agency"
        case .reassign: return "move the dossier to the successor agency"
        case .requestSupplement: return "request a supplement"
        case .receiveSupplement: return "receive the supplement"
        case .refuseAtDesk: return "refuse to receive the dossier"
        case .transfer: return "transfer the dossier to the first step"
        case .acceptStep: return "accept the step"
        case .completeStep: return "complete the step"
        case .sendBack: return "send the dossier back to the previous step"
        case .requestPayment: return "request payment"
        case .confirmPayment: return "confirm payment"
        case .extend: return "extend the due date"
        case .refuse: return "refuse the dossier"
        case .withdraw: return "withdraw the dossier"
        case .stop: return "stop processing"
        case .recordResult: return "record the result"
        case .returnResult: return "return the result"
        case .recordLateness: return "record the lateness reason"
        }
    }

    /// Vietnamese phrase for the UI.
    public var vietnameseName: String {
        switch self {
        case .register: return "đăng ký hồ sơ"
        case .receive: return "tiếp nhận hồ sơ"
        case .acceptOnBehalf: return "tiếp nhận hồ sơ không phụ thuộc địa giới hành chính"
        case .forward: return "chuyển hồ sơ đến cơ quan có thẩm quyền"
        case .reassign: return "chuyển hồ sơ sang cơ quan kế thừa"
        case .requestSupplement: return "yêu cầu bổ sung hồ sơ"
        case .receiveSupplement: return "nhận hồ sơ bổ sung"
        case .refuseAtDesk: return "từ chối tiếp nhận"
        case .transfer: return "chuyển xử lý"
        case .acceptStep: return "nhận xử lý"
        case .completeStep: return "hoàn thành bước xử lý"
        case .sendBack: return "trả lại bước trước"
        case .requestPayment: return "yêu cầu thực hiện nghĩa vụ tài chính"
        case .confirmPayment: return "xác nhận đã thực hiện nghĩa vụ tài chính"
        case .extend: return "gia hạn trả kết quả"
        case .refuse: return "từ chối giải quyết"
        case .withdraw: return "rút hồ sơ"
        case .stop: return "dừng xử lý"
        case .recordResult: return "cập nhật kết quả"
        case .returnResult: return "trả kết quả"
        case .recordLateness: return "ghi nhận nguyên nhân trễ hạn"
        }
    }
}
