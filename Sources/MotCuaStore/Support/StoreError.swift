/// What a store reports besides the domain's own errors. Each has an English description naming the
/// thing and the problem, and a Vietnamese message for the UI.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(kind: String, key: String)
    case conflict(dossier: String, expectedVersion: Int, actualVersion: Int)
    case duplicate(kind: String, key: String)
    case sequenceExhausted(agency: String, day: String)
    /// The day's online submissions at this agency reached the configured cap.
    case dailyLimitReached(agency: String, day: String, limit: Int)
    case corrupt(table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let kind, let key): "\(kind) \(key) does not exist"
        case .conflict(let code, let expected, let actual):
            "dossier \(code) was changed by someone else (version \(actual), you had \(expected)); reload it and try again"
        case .duplicate(let kind, let key): "\(kind) \(key) already exists"
        case .sequenceExhausted(let agency, let day): "agency \(agency) has used all dossier numbers of its series on \(day)"
        case .dailyLimitReached(let agency, let day, let limit): "agency \(agency) has taken its \(limit) online submissions of \(day)"
        case .corrupt(let table, let key, let reason): "\(table) row \(key) is unreadable: \(reason)"
        }
    }

    public var vietnameseMessage: String {
        switch self {
        case .notFound(let kind, let key): "Không tìm thấy \(Self.vietnamese(kind)) \(key)."
        case .conflict(let code, _, _):
            "Hồ sơ \(code) vừa được người khác cập nhật. Vui lòng tải lại trang và thực hiện lại."
        case .duplicate(let kind, let key): "\(Self.vietnamese(kind).capitalized) \(key) đã tồn tại."
        case .sequenceExhausted(_, let day): "Đã hết số hồ sơ trong ngày \(day)."
        case .dailyLimitReached: "Hôm nay Trung tâm đã nhận đủ số hồ sơ trực tuyến tối đa trong ngày. Ông/Bà vui lòng nộp lại vào ngày mai hoặc nộp trực tiếp tại Trung tâm."
        case .corrupt: "Dữ liệu bị lỗi; vui lòng báo quản trị hệ thống."
        }
    }

    private static func vietnamese(_ kind: String) -> String {
        switch kind {
        case "dossier": "hồ sơ"
        case "procedure": "thủ tục"
        case "agency": "cơ quan"
        case "user": "người dùng"
        case "rating": "đánh giá của hồ sơ"
        default: kind
        }
    }
}
