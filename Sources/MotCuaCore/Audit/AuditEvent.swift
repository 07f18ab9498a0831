import Foundation

/// What an audit row says was done. Stored as its raw value (`user.added`); a value this binary does not
/// know (written by a newer one) is kept as it is and shown raw.
public struct AuditAction: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.rawValue < rhs.rawValue }

    // Administration
    public static let userAdded = AuditAction(rawValue: "user.added")
    public static let userRoleChanged = AuditAction(rawValue: "user.role_changed")
    public static let userDisabled = AuditAction(rawValue: "user.disabled")
    public static let userEnabled = AuditAction(rawValue: "user.enabled")
    public static let userPasswordSet = AuditAction(rawValue: "user.password_set")
    public static let tokenIssued = AuditAction(rawValue: "token.issued")
    public static let tokenRevoked = AuditAction(rawValue: "token.revoked")
    public static let calendarDaySet = AuditAction(rawValue: "calendar.day_set")
    public static let calendarDayUnset = AuditAction(rawValue: "calendar.day_unset")
    public static let agencyAdded = AuditAction(rawValue: "agency.added")
    public static let agencyRenamed = AuditAction(rawValue: "agency.renamed")
    public static let agencyStopped = AuditAction(rawValue: "agency.stopped")
    public static let procedureVersionAdded = AuditAction(rawValue: "procedure.version_added")
    public static let settingRecorded = AuditAction(rawValue: "setting.recorded")
    public static let agenciesMerged = AuditAction(rawValue: "agency.merged")
    public static let formSetSaved = AuditAction(rawValue: "form_set.saved")
    // Reports
    public static let reportEdited = AuditAction(rawValue: "report.edited")
    public static let reportIssued = AuditAction(rawValue: "report.issued")
    public static let reportRecordSaved = AuditAction(rawValue: "report_record.saved")
    public static let reportRecordDeleted = AuditAction(rawValue: "report_record.deleted")
    // Feedback handling
    public static let feedbackAssigned = AuditAction(rawValue: "feedback.assigned")
    public static let feedbackAnswered = AuditAction(rawValue: "feedback.answered")
    public static let feedbackPublished = AuditAction(rawValue: "feedback.published")
    // Imports
    public static let fileImported = AuditAction(rawValue: "import.file")
    // Reads of personal data
    public static let dossierPersonalDataRead = AuditAction(rawValue: "dossier.personal_data_read")

    /// Every action this binary writes, in the order the trail's filter lists them.
    public static let known: [AuditAction] = [
        .userAdded, .userRoleChanged, .userDisabled, .userEnabled, .userPasswordSet, .tokenIssued, .tokenRevoked,
        .calendarDaySet, .calendarDayUnset, .agencyAdded, .agencyRenamed, .agencyStopped, .procedureVersionAdded,
        .settingRecorded, .agenciesMerged, .formSetSaved,
        .reportEdited, .reportIssued, .reportRecordSaved, .reportRecordDeleted, .feedbackAssigned, .feedbackAnswered, .feedbackPublished,
        .fileImported, .dossierPersonalDataRead,
    ]

    /// The action as the administrator reads it on `/quan-tri/nhat-ky`.
    public var vietnameseLabel: String {
        switch self {
        case .userAdded: "Thêm người dùng"
        case .userRoleChanged: "Đổi vai trò, cơ quan"
        case .userDisabled: "Khóa tài khoản"
        case .userEnabled: "Mở khóa tài khoản"
        case .userPasswordSet: "Đặt mật khẩu"
        case .tokenIssued: "Cấp mã truy cập API"
        case .tokenRevoked: "Thu hồi mã truy cập API"
        case .calendarDaySet: "Điều chỉnh lịch làm việc"
        case .calendarDayUnset: "Bỏ điều chỉnh lịch làm việc"
        case .agencyAdded: "Thêm cơ quan"
        case .agencyRenamed: "Đổi tên cơ quan"
        case .agencyStopped: "Ngừng hoạt động cơ quan"
        case .procedureVersionAdded: "Tạo phiên bản thủ tục"
        case .settingRecorded: "Ghi tham số theo thời gian"
        case .agenciesMerged: "Sáp nhập cơ quan"
        case .formSetSaved: "Thay bộ biểu mẫu"
        case .reportEdited: "Sửa báo cáo"
        case .reportIssued: "Ban hành báo cáo"
        case .reportRecordSaved: "Ghi dữ liệu báo cáo"
        case .reportRecordDeleted: "Xóa dữ liệu báo cáo"
        case .feedbackAssigned: "Giao xử lý phản ánh"
        case .feedbackAnswered: "Trả lời phản ánh"
        case .feedbackPublished: "Công khai phản ánh"
        case .fileImported: "Nhập tệp dữ liệu"
        case .dossierPersonalDataRead: "Xem thông tin cá nhân trong hồ sơ"
        default: rawValue
        }
    }
}

/// One entry of the audit trail before it is chained: who did what to which object, when, and the values
/// before and after (JSON text, nil when there is nothing to show — a read, or a creation's "before").
public struct AuditEvent: Sendable, Hashable {
    /// Stored in whole seconds (like every instant in the database); `init` drops the fraction so that the
    /// event hashed is the event read back.
    public var at: Date
    public var actor: String
    public var action: AuditAction
    public var objectKind: String
    public var objectID: String
    public var before: String?
    public var after: String?

    public init(at: Date, actor: String, action: AuditAction, objectKind: String, objectID: String,
                before: String? = nil, after: String? = nil) {
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.actor = actor
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.before = before
        self.after = after
    }

    /// `before`/`after` values: a flat JSON object with sorted keys (so the same values give the same text),
    /// nil values left out. Nil for an empty object.
    public static func values(_ fields: [String: String?]) -> String? {
        let present = fields.compactMapValues { $0 }
        guard !present.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A [String: String] always encodes.
        return (try? encoder.encode(present)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Who did it, for rows written outside a signed-in request.
public enum AuditActor {
    /// The command line: "cli:<OS user>" (or "cli" when the OS user is unknown), so an officer's account and
    /// a shell user of the same name are never confused.
    public static func commandLine(environment: [String: String]) -> String {
        guard let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty else { return "cli" }
        return "cli:" + user
    }

    /// Rows written by the program itself (the demo loader, tests).
    public static let system = "system"
}

/// An audit row as stored: the event, its place in the chain and the two hashes.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var event: AuditEvent
    public var previousHash: String
    public var hash: String

    public init(id: Int64, event: AuditEvent, previousHash: String, hash: String) {
        self.id = id
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The hash chain's rules, pure: what exactly is hashed, and what the first row points back to. The hash
/// itself (SHA-256) is computed by the store, the one layer that links a crypto library.
public enum AuditChain {
    /// The `previous_hash` of row 1.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The bytes hashed for a row: a version tag, then each field as `<UTF-8 byte count>:<bytes>` (or `-`
    /// for an absent value), separated by newlines. Length prefixes make the encoding unambiguous: no
    /// choice of field contents can make two different rows encode alike.
    public static func canonicalBytes(id: Int64, event: AuditEvent, previousHash: String) -> [UInt8] {
        func field(_ text: String?) -> String {
            guard let text else { return "-" }
            return "\(text.utf8.count):\(text)"
        }
        let seconds = Int64(event.at.timeIntervalSince1970.rounded(.down))
        let fields: [String?] = [
            "motcua-audit-v1", String(id), String(seconds), event.actor, event.action.rawValue,
            event.objectKind, event.objectID, event.before, event.after, previousHash,
        ]
        return Array(fields.map(field).joined(separator: "\n").utf8)
    }
}
