import MotCuaCore
import MotCuaStore

/// Why an account could not be created or changed. Descriptions are English one-liners for the CLI and
/// the log; `vietnameseMessage` is for the administration pages. None ever contains a password.
public enum UserAccountError: Error, Equatable, CustomStringConvertible {
    case invalidUsername(String)
    case unknownRole(String)
    case emptyDisplayName
    case displayNameTooLong(maximum: Int)
    case invalidAgencyCode(String)
    case agencyRequired(role: Principal.Role)
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximumBytes: Int)
    case passwordHasLineBreak
    case passwordsDiffer
    case invalidTokenName
    case invalidTokenLifetime
    case invalidTokenID(String)
    case ambiguousTokenID(String)

    public var description: String {
        switch self {
        case .invalidUsername(let name):
            "invalid username '\(name)': use 2–64 characters a–z, 0–9, '.', '_' or '-', starting with a letter or digit"
        case .unknownRole(let role):
            "unknown role '\(role)'; valid roles: \(Principal.Role.allCases.map(\.rawValue).joined(separator: ", "))"
        case .emptyDisplayName: "the display name must not be empty"
        case .displayNameTooLong(let maximum): "the display name must be at most \(maximum) characters"
        case .invalidAgencyCode(let code):
            "invalid agency code '\(code)': expected the QCVN 102:2016 form, e.g. 000.00.15.H56 or H56"
        case .agencyRequired(let role): "a \(role.rawValue) must act for at least one agency (--agency CODE)"
        case .passwordTooShort(let minimum): "the password must have at least \(minimum) characters"
        case .passwordTooLong(let maximum): "the password must be at most \(maximum) bytes long (bcrypt ignores the rest)"
        case .passwordHasLineBreak: "the password must not contain a line break"
        case .passwordsDiffer: "the two passwords differ"
        case .invalidTokenName: "the token name must be 1–100 characters without line breaks"
        case .invalidTokenLifetime: "--expires-in-days must be between 1 and 3650"
        case .invalidTokenID(let id): "'\(id)' is not a token id (12 hexadecimal digits, as `motcua user tokens` lists them)"
        case .ambiguousTokenID(let id): "token id \(id) names more than one token; revoke by disabling the account instead"
        }
    }

    public var vietnameseMessage: String {
        switch self {
        case .invalidUsername:
            "Tên đăng nhập chỉ gồm 2–64 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang."
        case .unknownRole: "Vai trò không hợp lệ."
        case .emptyDisplayName: "Vui lòng nhập họ tên."
        case .displayNameTooLong(let maximum): "Họ tên dài tối đa \(maximum) ký tự."
        case .invalidAgencyCode(let code): "Mã cơ quan \"\(code)\" không đúng định dạng."
        case .agencyRequired: "Vui lòng chọn ít nhất một cơ quan."
        case .passwordTooShort(let minimum): "Mật khẩu phải có ít nhất \(minimum) ký tự."
        case .passwordTooLong: "Mật khẩu quá dài."
        case .passwordHasLineBreak: "Mật khẩu không được chứa ký tự xuống dòng."
        case .passwordsDiffer: "Hai mật khẩu không khớp."
        case .invalidTokenName: "Tên mã truy cập không hợp lệ."
        case .invalidTokenLifetime: "Thời hạn mã truy cập phải từ 1 đến 3650 ngày."
        case .invalidTokenID: "Mã định danh của mã truy cập không hợp lệ."
        case .ambiguousTokenID: "Mã định danh trùng với nhiều mã truy cập."
        }
    }
}
