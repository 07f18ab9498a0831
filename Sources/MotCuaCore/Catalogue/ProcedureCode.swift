import Foundation

/// A procedure's code in the national catalogue (Cơ sở dữ liệu quốc gia về thủ tục hành chính): one to
/// three digits, a dot, six digits, e.g. `1.001234`, `2.000123`. Codable as the plain string.
public struct ProcedureCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(parsing text: String) throws(ValidationError) {
        let t = text.trimmed
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ s: Substring) -> Bool { s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard parts.count == 2, (1...3).contains(parts[0].utf8.count), parts[1].utf8.count == 6,
              digits(parts[0]), digits(parts[1])
        else {
            throw ValidationError(
                field: "procedure_code", value: text,
                reason: "expected a national catalogue code: 1 to 3 digits, a dot and 6 digits, e.g. 1.001234",
                vietnamese: "Mã thủ tục \"\(text)\" không đúng định dạng mã thủ tục hành chính quốc gia (ví dụ 1.001234).")
        }
        self.rawValue = t
    }

    public var description: String { rawValue }

    public static func < (lhs: ProcedureCode, rhs: ProcedureCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
