import Foundation
import WorkCalendar

/// A notice's wording for one event and channel, in Vietnamese, with `{{variables}}`: `ma_ho_so`,
/// `thu_tuc`, `co_quan`, `thoi_gian`, `hen_tra`, `giay_to`, `ly_do`, `so_tien`, `tra_cuu`. Versioned: a notice
/// records the version it was written with, and an administrator's new wording is a new version.
public struct NoticeTemplate: Sendable, Hashable, Codable {
    /// The events that concern the applicant (Decree 224/2026 Art. 15.1g: every change of status).
    public enum Key: String, Sendable, Hashable, Codable, CaseIterable {
        case received, acceptedOnBehalf = "accepted_on_behalf", supplementRequested = "supplement_requested"
        case supplementReceived = "supplement_received", extended, paymentRequested = "payment_requested"
        case resultReady = "result_ready", resultReturned = "result_returned", refused, stopped, withdrawn

        /// The key of an event, or nil for one the applicant is not told of (internal handovers).
        public static func of(_ kind: DossierEventKind) -> Key? {
            switch kind {
            case .received: .received
            case .acceptedOnBehalf: .acceptedOnBehalf
            case .supplementRequested: .supplementRequested
            case .supplementReceived: .supplementReceived
            case .extended: .extended
            case .paymentRequested: .paymentRequested
            case .resultReady: .resultReady
            case .resultReturned: .resultReturned
            case .refusedAtDesk, .refused: .refused
            case .stopped: .stopped
            case .withdrawn: .withdrawn
            case .registered, .forwarded, .transferred, .stepAccepted, .stepCompleted, .sentBack, .paymentConfirmed,
                 .latenessRecorded, .imported, .reassigned: nil
            }
        }
    }

    public var key: Key
    public var channel: NoticeChannel
    public var version: Int
    /// E-mail only; empty for ZNS and SMS.
    public var subject: String
    public var body: String

    public init(key: Key, channel: NoticeChannel, version: Int = 1, subject: String = "", body: String) {
        self.key = key
        self.channel = channel
        self.version = version
        self.subject = subject
        self.body = body
    }

    /// The text with every `{{name}}` replaced by its value (unknown names are left visible, so a typo in a
    /// template shows instead of vanishing).
    public static func fill(_ text: String, with values: [String: String]) -> String {
        var result = text
        for (name, value) in values { result = result.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return result
    }

    // MARK: Built-in wording

    /// What each event says, in one sentence after "Hồ sơ {{ma_ho_so}} ({{thu_tuc}})".
    static func sentence(_ key: Key) -> String {
        switch key {
        case .received: "đã được {{co_quan}} tiếp nhận lúc {{thoi_gian}}; hẹn trả kết quả {{hen_tra}}."
        case .acceptedOnBehalf: "đã được tiếp nhận lúc {{thoi_gian}} và chuyển đến {{co_quan}}; ngày hẹn trả kết quả sẽ được thông báo khi cơ quan có thẩm quyền tiếp nhận."
        case .supplementRequested: "cần bổ sung, hoàn thiện: {{giay_to}}. Lý do: {{ly_do}}."
        case .supplementReceived: "đã nhận đủ giấy tờ bổ sung lúc {{thoi_gian}}; hẹn trả kết quả {{hen_tra}}."
        case .extended: "được gia hạn, {{co_quan}} xin lỗi vì sự chậm trễ ({{ly_do}}); hẹn trả kết quả mới {{hen_tra}}."
        case .paymentRequested: "cần thực hiện nghĩa vụ tài chính {{so_tien}}; thời hạn giải quyết tạm dừng đến khi nộp đủ."
        case .resultReady: "đã có kết quả lúc {{thoi_gian}}; mời nhận kết quả theo hình thức đã đăng ký."
        case .resultReturned: "đã được trả kết quả lúc {{thoi_gian}}."
        case .refused: "không được tiếp nhận, giải quyết. Lý do: {{ly_do}}."
        case .stopped: "đã dừng giải quyết lúc {{thoi_gian}}. Lý do: {{ly_do}}."
        case .withdrawn: "đã được rút theo đề nghị lúc {{thoi_gian}}."
        }
    }

    /// The shipped templates, version 1 of each key and channel.
    public static let builtIn: [NoticeTemplate] = Key.allCases.flatMap { key -> [NoticeTemplate] in
        let line = "Hồ sơ {{ma_ho_so}} ({{thu_tuc}}) " + sentence(key)
        return [
            NoticeTemplate(key: key, channel: .email, subject: "Hồ sơ {{ma_ho_so}}: " + subject(key),
                           body: "Kính gửi Ông/Bà,\n\n" + line + "\n\nTra cứu tình trạng hồ sơ: {{tra_cuu}}\n\n{{co_quan}}\n(Thư gửi tự động từ hệ thống một cửa, vui lòng không trả lời.)"),
            NoticeTemplate(key: key, channel: .zns, body: line),
            NoticeTemplate(key: key, channel: .sms, body: line),
        ]
    }

    static func subject(_ key: Key) -> String {
        switch key {
        case .received: "đã tiếp nhận"
        case .acceptedOnBehalf: "đã tiếp nhận, đang chuyển đến cơ quan có thẩm quyền"
        case .supplementRequested: "cần bổ sung giấy tờ"
        case .supplementReceived: "đã nhận giấy tờ bổ sung"
        case .extended: "gia hạn giải quyết"
        case .paymentRequested: "cần thực hiện nghĩa vụ tài chính"
        case .resultReady: "đã có kết quả"
        case .resultReturned: "đã trả kết quả"
        case .refused: "không được tiếp nhận, giải quyết"
        case .stopped: "dừng giải quyết"
        case .withdrawn: "đã rút hồ sơ"
        }
    }
}
