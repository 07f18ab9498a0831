import Foundation
import MotCuaCore

/// The body of `POST /dossiers`.
struct RegisterDossierRequest: Decodable {
    let receivingAgencyCode: String
    let procedureCode: String
    let channel: Channel
    let applicant: Applicant
    let note: String?

    enum CodingKeys: String, CodingKey {
        case receivingAgencyCode = "receiving_agency_code", procedureCode = "procedure_code", channel, applicant, note
    }

    static let allowedKeys: Set<String> = [
        "receiving_agency_code", "procedure_code", "channel", "note", "applicant", "applicant.kind", "applicant.name",
        "applicant.id_number", "applicant.phone", "applicant.email", "applicant.address",
    ]
}

/// The body of `POST /dossiers/{code}/actions/{action}`: the fields of every action, each action accepting
/// only its own (`allowedKeys(for:)`), plus `expected_version`.
struct DossierActionRequest: Decodable {
    var expectedVersion: Int?
    var reason: String?
    var documents: [String]?
    var note: String?
    var assignee: String?
    var amountVND: Int?
    var description: String?
    var reference: String?
    var newDueAt: Date?
    var apologyLetter: String?
    var outcome: DossierOutcome?
    /// A return channel (`return_result`), a payment channel (`confirm_payment`) or a forwarding channel
    /// (`forward`): three vocabularies under one
    /// key, so it is read as text and parsed for the action.
    var channel: String?
    var kind: LatenessRecord.Kind?
    var apologySent: Bool?
    var agencyCode: String?
    var stepName: String?
    var paperResultAt: Date?

    enum CodingKeys: String, CodingKey {
        case expectedVersion = "expected_version", reason, documents, note, assignee, amountVND = "amount_vnd"
        case description, reference, newDueAt = "new_due_at", apologyLetter = "apology_letter", outcome, channel, kind
        case apologySent = "apology_sent", agencyCode = "agency_code", stepName = "step_name"
        case paperResultAt = "paper_result_at"
    }

    /// The body fields each action takes (besides `expected_version`).
    static func fields(for action: DossierAction) -> [CodingKeys] {
        switch action {
        case .register, .receive, .transfer, .acceptOnBehalf, .reassign: []
        case .forward: [.channel, .note]
        case .requestSupplement: [.reason, .documents]
        case .receiveSupplement, .completeStep: [.note]
        case .refuseAtDesk, .sendBack, .refuse, .stop, .withdraw: [.reason]
        case .acceptStep: [.assignee]
        case .requestPayment: [.amountVND, .description]
        case .confirmPayment: [.reference, .channel]
        case .extend: [.newDueAt, .reason, .apologyLetter]
        case .recordResult: [.outcome, .note]
        case .returnResult: [.channel]
        case .recordLateness: [.kind, .reason, .apologySent, .agencyCode, .stepName, .paperResultAt]
        }
    }

    static func allowedKeys(for action: DossierAction) -> Set<String> {
        Set(([.expectedVersion] + fields(for: action)).map(\.rawValue))
    }

    private func required<T>(_ value: T?, _ key: CodingKeys) throws -> T {
        guard let value else { throw Problem.invalid(key.rawValue, "Thiếu trường bắt buộc \"\(key.rawValue)\".") }
        return value
    }

    /// An enumerated value; an unknown one is a 422 problem naming the field and the accepted values.
    private func parsed<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ raw: String, _ key: CodingKeys) throws -> T
        where T.RawValue == String
    {
        guard let value = T(rawValue: raw) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem.invalid(key.rawValue, "Giá trị của trường \"\(key.rawValue)\" không hợp lệ (chấp nhận: \(accepted)).")
        }
        return value
    }

    /// The command; a missing required field is a 422 problem. Empty reasons are left to the lifecycle,
    /// which refuses them with its own message.
    func command(for action: DossierAction, actor: String) throws -> DossierCommand {
        switch action {
        case .register:
            throw Problem.notFound("Đăng ký hồ sơ mới dùng POST /api/v1/dossiers.")
        case .receive: return .receive
        case .acceptOnBehalf:
            throw Problem.notFound("Hồ sơ tiếp nhận không phụ thuộc địa giới hành chính được xác định khi đăng ký (POST /api/v1/dossiers) hoặc khi nơi tiếp nhận thực hiện \"receive\".")
        case .reassign:
            throw Problem.notFound("Hồ sơ được chuyển sang cơ quan kế thừa khi sáp nhập cơ quan (motcua agencies merge).")
        case .forward:
            return .forward(channel: try channel.map { try parsed(ForwardingChannel.self, $0, .channel) } ?? .electronic, note: note)
        case .requestSupplement: return .requestSupplement(reason: reason ?? "", documents: documents ?? [])
        case .receiveSupplement: return .receiveSupplement(note: note)
        case .refuseAtDesk: return .refuseAtDesk(reason: reason ?? "")
        case .transfer: return .transfer
        case .acceptStep: return .acceptStep(assignee: assignee ?? actor)
        case .completeStep: return .completeStep(note: note)
        case .sendBack: return .sendBack(reason: reason ?? "")
        case .requestPayment:
            return .requestPayment(amountVND: try required(amountVND, .amountVND), description: description ?? "")
        case .confirmPayment:
            return .confirmPayment(reference: reference, channel: try channel.map { try parsed(PaymentChannel.self, $0, .channel) })
        case .extend:
            return .extend(newDueAt: try required(newDueAt, .newDueAt), reason: reason ?? "", apologyLetter: apologyLetter)
        case .refuse: return .refuse(reason: reason ?? "")
        case .withdraw: return .withdraw(reason: reason)
        case .stop: return .stop(reason: reason ?? "")
        case .recordResult: return .recordResult(outcome: try required(outcome, .outcome), note: note)
        case .returnResult: return .returnResult(channel: try parsed(Channel.self, required(channel, .channel), .channel))
        case .recordLateness:
            let agency: AgencyCode?
            do { agency = try agencyCode.map { try AgencyCode(parsing: $0) } } catch let error as ValidationError {
                throw Problem.invalid("agency_code", error.vietnameseMessage)
            }
            return .recordLateness(LatenessRecord(
                kind: try required(kind, .kind), reason: reason ?? "", apologySent: try required(apologySent, .apologySent),
                agencyCode: agency, stepName: stepName, paperResultAt: paperResultAt))
        }
    }
}
