import Foundation
import MotCuaCore
import SQLKit

extension SQLRow {
    /// A nullable column, decoded as `T` when present.
    func optional<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }

    /// Every column as text (numbers written out), for an audit row's `before` value.
    func auditValues() -> [String: String?] {
        var values: [String: String?] = [:]
        for column in allColumns {
            if (try? decodeNil(column: column)) ?? true { continue }
            if let text = try? decode(column: column, as: String.self) {
                values[column] = text
            } else if let number = try? decode(column: column, as: Int.self) {
                values[column] = String(number)
            } else if let number = try? decode(column: column, as: Double.self) {
                values[column] = String(number)
            }
        }
        return values
    }

    /// A JSON text column decoded with MotCua's conventions.
    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        try MotCuaJSON.decode(T.self, from: Data(decode(column: column, as: String.self).utf8))
    }
}

/// Instants are stored as whole Unix seconds (UTC) on both dialects.
enum Instant {
    static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
    static func seconds(_ date: Date?) -> Int? { date.map(seconds) }
    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try MotCuaJSON.encode(value), as: UTF8.self)
    }
}
