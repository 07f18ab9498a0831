import Foundation

/// An agency's identifier in the QCVN 102:2016/BTTTT style, written lowest level first:
/// `000.00.15.H56` = level 4 (3 digits) . level 3 (2 digits) . level 2 (2 digits) . level 1 (a letter and
/// 2 digits: the ministry, central body or province, e.g. `H56`). A bare level-1 code such as `H56` is
/// accepted too. The letter is stored upper-case. Codable as the plain string.
public struct AgencyCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(parsing text: String) throws(ValidationError) {
        let normalized = text.trimmed.uppercased()
        guard AgencyCode.isWellFormed(Array(normalized.utf8)) else {
            throw ValidationError(
                field: "agency_code", value: text,
                reason: "expected the QCVN 102:2016 form 000.00.00.A00 (3 digits, 2 digits, 2 digits, a letter and 2 digits, separated by dots, e.g. 000.00.15.H56) or a bare unit code such as H56",
                vietnamese: "Mã cơ quan \"\(text)\" không đúng định dạng QCVN 102:2016 (ví dụ 000.00.15.H56 hoặc H56).")
        }
        self.rawValue = normalized
    }

    /// Whether the code is only the level-1 unit (`H56`).
    public var isBareUnit: Bool { rawValue.utf8.count == 3 }

    /// The level-1 unit: `H56` for `000.00.15.H56`.
    public var unitCode: String { String(rawValue.suffix(3)) }

    public var description: String { rawValue }

    public static func < (lhs: AgencyCode, rhs: AgencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    static func isWellFormed(_ b: [UInt8]) -> Bool {
        func digit(_ i: Int) -> Bool { b[i] >= 48 && b[i] <= 57 }
        func letter(_ i: Int) -> Bool { b[i] >= 65 && b[i] <= 90 }
        func unit(at i: Int) -> Bool { letter(i) && digit(i + 1) && digit(i + 2) }
        switch b.count {
        case 3:
            return unit(at: 0)
        case 13:
            let dot = UInt8(ascii: ".")
            return digit(0) && digit(1) && digit(2) && b[3] == dot && digit(4) && digit(5) && b[6] == dot
                && digit(7) && digit(8) && b[9] == dot && unit(at: 10)
        default:
            return false
        }
    }
}
