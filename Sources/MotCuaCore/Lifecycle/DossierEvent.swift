import Foundation

/// What happened to a dossier. Each case has a stable snake_case `type` name and a payload encoded as a JSON
/// object (`payloadJSON()`), so that a store can keep one row per event: type + payload.
public enum DossierEventKind: Sendable, Hashable {
    case registered(Registration)
    case received(Reception)
    case acceptedOnBehalf(OnBehalfAcceptance)
    case forwarded(ForwardingDispatch)
    case reassigned(Reassignment)
    case supplementRequested(SupplementRequest)
    case supplementReceived(SupplementArrival)
    case refusedAtDesk(Closure)
    case transferred(StepOpening)
    case stepAccepted(assignee: String?)
    case stepCompleted(StepCompletion)
    case sentBack(StepSendBack)
    case paymentRequested(PaymentRequest)
    case paymentConfirmed(PaymentConfirmation)
    case extended(ExtensionGrant)
    case refused(Closure)
    case withdrawn(Closure)
    case stopped(Closure)
    case resultReady(ResultRecord)
    case resultReturned(channel: Channel)
    case latenessRecorded(LatenessRecord)
    case imported(ImportedDossier)

    /// Every `type` name, in lifecycle order.
    public static let typeNames = [
        "registered", "received", "supplement_requested", "supplement_received", "refused_at_desk",
        "transferred", "step_accepted", "step_completed", "sent_back", "payment_requested", "payment_confirmed",
        "extended", "refused", "withdrawn", "stopped", "result_ready", "result_returned", "lateness_recorded",
        "imported", "accepted_on_behalf", "forwarded", "reassigned",
    ]

    public var type: String {
        switch self {
        case .registered: return "registered"
        case .received: return "received"
        case .acceptedOnBehalf: return "accepted_on_behalf"
        case .forwarded: return "forwarded"
        case .reassigned: return "reassigned"
        case .supplementRequested: return "supplement_requested"
        case .supplementReceived: return "supplement_received"
        case .refusedAtDesk: return "refused_at_desk"
        case .transferred: return "transferred"
        case .stepAccepted: return "step_accepted"
        case .stepCompleted: return "step_completed"
        case .sentBack: return "sent_back"
        case .paymentRequested: return "payment_requested"
        case .paymentConfirmed: return "payment_confirmed"
        case .extended: return "extended"
        case .refused: return "refused"
        case .withdrawn: return "withdrawn"
        case .stopped: return "stopped"
        case .resultReady: return "result_ready"
        case .resultReturned: return "result_returned"
        case .latenessRecorded: return "lateness_recorded"
        case .imported: return "imported"
        }
    }

    /// Vietnamese label for the history view.
    public var vietnameseLabel: String {
        switch self {
        case .registered: return "Đăng ký hồ sơ"
        case .received: return "Tiếp nhận hồ sơ"
        case .acceptedOnBehalf: return "Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính"
        case .forwarded: return "Chuyển hồ sơ đến cơ quan có thẩm quyền"
        case .reassigned: return "Chuyển sang cơ quan kế thừa (sáp nhập)"
        case .supplementRequested: return "Yêu cầu bổ sung hồ sơ"
        case .supplementReceived: return "Nhận hồ sơ bổ sung"
        case .refusedAtDesk: return "Từ chối tiếp nhận"
        case .transferred: return "Chuyển xử lý"
        case .stepAccepted: return "Nhận xử lý"
        case .stepCompleted: return "Hoàn thành bước xử lý"
        case .sentBack: return "Trả lại bước trước"
        case .paymentRequested: return "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .paymentConfirmed: return "Đã thực hiện nghĩa vụ tài chính"
        case .extended: return "Gia hạn, xin lỗi và hẹn lại ngày trả kết quả"
        case .refused: return "Từ chối giải quyết"
        case .withdrawn: return "Rút hồ sơ"
        case .stopped: return "Dừng xử lý"
        case .resultReady: return "Có kết quả"
        case .resultReturned: return "Trả kết quả"
        case .latenessRecorded: return "Ghi nhận nguyên nhân trễ hạn"
        case .imported: return "Chuyển đổi từ hệ thống cũ"
        }
    }

    private struct Assignee: Codable { var assignee: String? }
    private struct ReturnChannel: Codable { var channel: Channel }

    /// The payload as a JSON object (MotCuaJSON conventions).
    /// `hidingPersonalData`: the applicant of a registration without identity number and contacts.
    public func payloadJSON(hidingPersonalData: Bool = false) throws -> Data {
        let e = MotCuaJSON.encoder()
        if hidingPersonalData { e.userInfo[.hidesPersonalData] = true }
        switch self {
        case .registered(let p): return try e.encode(p)
        case .received(let p): return try e.encode(p)
        case .acceptedOnBehalf(let p): return try e.encode(p)
        case .forwarded(let p): return try e.encode(p)
        case .reassigned(let p): return try e.encode(p)
        case .supplementRequested(let p): return try e.encode(p)
        case .supplementReceived(let p): return try e.encode(p)
        case .refusedAtDesk(let p), .refused(let p), .withdrawn(let p), .stopped(let p): return try e.encode(p)
        case .transferred(let p): return try e.encode(p)
        case .stepAccepted(let assignee): return try e.encode(Assignee(assignee: assignee))
        case .stepCompleted(let p): return try e.encode(p)
        case .sentBack(let p): return try e.encode(p)
        case .paymentRequested(let p): return try e.encode(p)
        case .paymentConfirmed(let p): return try e.encode(p)
        case .extended(let p): return try e.encode(p)
        case .resultReady(let p): return try e.encode(p)
        case .resultReturned(let channel): return try e.encode(ReturnChannel(channel: channel))
        case .latenessRecorded(let p): return try e.encode(p)
        case .imported(let p): return try e.encode(p)
        }
    }

    /// Reads a `type` and its JSON payload back.
    public init(type: String, payloadJSON data: Data) throws {
        let d = MotCuaJSON.decoder()
        switch type {
        case "registered": self = .registered(try d.decode(Registration.self, from: data))
        case "received": self = .received(try d.decode(Reception.self, from: data))
        case "accepted_on_behalf": self = .acceptedOnBehalf(try d.decode(OnBehalfAcceptance.self, from: data))
        case "forwarded": self = .forwarded(try d.decode(ForwardingDispatch.self, from: data))
        case "reassigned": self = .reassigned(try d.decode(Reassignment.self, from: data))
        case "supplement_requested": self = .supplementRequested(try d.decode(SupplementRequest.self, from: data))
        case "supplement_received": self = .supplementReceived(try d.decode(SupplementArrival.self, from: data))
        case "refused_at_desk": self = .refusedAtDesk(try d.decode(Closure.self, from: data))
        case "transferred": self = .transferred(try d.decode(StepOpening.self, from: data))
        case "step_accepted": self = .stepAccepted(assignee: try d.decode(Assignee.self, from: data).assignee)
        case "step_completed": self = .stepCompleted(try d.decode(StepCompletion.self, from: data))
        case "sent_back": self = .sentBack(try d.decode(StepSendBack.self, from: data))
        case "payment_requested": self = .paymentRequested(try d.decode(PaymentRequest.self, from: data))
        case "payment_confirmed": self = .paymentConfirmed(try d.decode(PaymentConfirmation.self, from: data))
        case "extended": self = .extended(try d.decode(ExtensionGrant.self, from: data))
        case "refused": self = .refused(try d.decode(Closure.self, from: data))
        case "withdrawn": self = .withdrawn(try d.decode(Closure.self, from: data))
        case "stopped": self = .stopped(try d.decode(Closure.self, from: data))
        case "result_ready": self = .resultReady(try d.decode(ResultRecord.self, from: data))
        case "result_returned": self = .resultReturned(channel: try d.decode(ReturnChannel.self, from: data).channel)
        case "lateness_recorded": self = .latenessRecorded(try d.decode(LatenessRecord.self, from: data))
        case "imported": self = .imported(try d.decode(ImportedDossier.self, from: data))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown dossier event type \"\(type)\"; known types: \(DossierEventKind.typeNames.joined(separator: ", "))"))
        }
    }
}

/// One entry of a dossier's append-only history.
///
/// JSON (MotCuaJSON): `{"sequence": 3, "at": "2021-02-05T09:00:00+07:00", "actor": "…", "from_status": 2,
/// "to_status": 4, "type": "transferred", "payload": {…}}`; `from_status` is absent on the first event.
public struct DossierEvent: Sendable, Hashable {
    /// 1, 2, 3 … per dossier; after applying it, the dossier's `version` equals it.
    public let sequence: Int
    public let at: Date
    /// Who did it (user name, "system", "import").
    public let actor: String
    /// Nil for the event that creates the dossier.
    public let fromStatus: DossierStatus?
    public let toStatus: DossierStatus
    public let kind: DossierEventKind

    public init(sequence: Int, at: Date, actor: String, fromStatus: DossierStatus?, toStatus: DossierStatus,
                kind: DossierEventKind) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.kind = kind
    }

    public var type: String { kind.type }
}

extension DossierEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case sequence, at, actor, fromStatus = "from_status", toStatus = "to_status", type, payload
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        let payload = try c.decode(JSONValue.self, forKey: .payload)
        try self.init(sequence: c.decode(Int.self, forKey: .sequence), at: c.decode(Date.self, forKey: .at),
                      actor: c.decode(String.self, forKey: .actor),
                      fromStatus: c.decodeIfPresent(DossierStatus.self, forKey: .fromStatus),
                      toStatus: c.decode(DossierStatus.self, forKey: .toStatus),
                      kind: DossierEventKind(type: type, payloadJSON: MotCuaJSON.encoder().encode(payload)))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encodeIfPresent(fromStatus, forKey: .fromStatus)
        try c.encode(toStatus, forKey: .toStatus)
        try c.encode(kind.type, forKey: .type)
        let hiding = encoder.userInfo[.hidesPersonalData] as? Bool == true
        try c.encode(try MotCuaJSON.decode(JSONValue.self, from: kind.payloadJSON(hidingPersonalData: hiding)), forKey: .payload)
    }
}

/// Any JSON value, to embed an event's payload object inside the event's own JSON.
enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
