import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import WorkCalendar

/// Reading JSON request bodies strictly: malformed JSON, an unknown key (a typo such as `expected_versoin`
/// would silently skip a check) or a value of the wrong type is a 400 problem; a missing or invalid value
/// is a 422 problem naming the field.
enum JSONBody {
    /// The largest body the API reads.
    static let maximumSize = 256 * 1024

    /// Decodes `T` from the request's JSON object. `allowed` lists every accepted key as a dotted path
    /// ("applicant.name"); an empty body reads as `{}`.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, allowed: Set<String>) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.payloadTooLarge, status: .contentTooLarge,
                          detail: "Dữ liệu gửi lên vượt quá \(maximumSize / 1024) KB.")
        }
        var data = Data(buffer: buffer)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { data = Data("{}".utf8) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem.malformed("Dữ liệu gửi lên không phải JSON hợp lệ.")
        }
        guard let dictionary = object as? [String: Any] else {
            throw Problem.malformed("Dữ liệu gửi lên phải là một đối tượng JSON ({…}).")
        }
        let unknown = unknownKeys(in: dictionary, allowed: allowed, prefix: "")
        if !unknown.isEmpty {
            throw Problem.malformed(
                "Trường không được hỗ trợ: \(unknown.joined(separator: ", ")).",
                errors: unknown.map { Problem.FieldError(field: $0, problem: "Trường này không được hỗ trợ.") })
        }
        // An optional key is left out when it has no value: `null` would read as absent and slip past the
        // document, which never allows it.
        if let field = nullKeys(in: dictionary, prefix: "").first {
            throw Problem.invalid(field, "Trường \"\(field)\" không được là null; bỏ trường này nếu không có giá trị.")
        }
        do {
            return try MotCuaJSON.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    static func unknownKeys(in object: [String: Any], allowed: Set<String>, prefix: String) -> [String] {
        object.keys.sorted().flatMap { key -> [String] in
            let path = prefix + key
            guard allowed.contains(path) else { return [path] }
            if let nested = object[key] as? [String: Any], allowed.contains(where: { $0.hasPrefix(path + ".") }) {
                return unknownKeys(in: nested, allowed: allowed, prefix: path + ".")
            }
            return []
        }
    }

    /// The dotted paths of the keys whose value is `null`, nested objects included.
    static func nullKeys(in object: [String: Any], prefix: String) -> [String] {
        object.keys.sorted().flatMap { key -> [String] in
            let path = prefix + key
            if object[key] is NSNull { return [path] }
            if let nested = object[key] as? [String: Any] { return nullKeys(in: nested, prefix: path + ".") }
            return []
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case let .typeMismatch(type, context):
            let field = path(context.codingPath)
            let expected = describe(type)
            return Problem.malformed("Trường \"\(field)\" phải là \(expected).",
                                     errors: [Problem.FieldError(field: field, problem: "Phải là \(expected).")])
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return Problem.invalid(field, "Thiếu trường bắt buộc \"\(field)\".")
        case let .valueNotFound(_, context):
            let field = path(context.codingPath)
            return Problem.invalid(field, "Trường \"\(field)\" không được để trống.")
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            guard !field.isEmpty else { return Problem.malformed("Dữ liệu gửi lên không phải JSON hợp lệ.") }
            return Problem.invalid(field, "Giá trị của trường \"\(field)\" không hợp lệ.")
        @unknown default:
            return Problem.malformed("Dữ liệu gửi lên không hợp lệ.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "chuỗi ký tự"
        case is Int.Type, is Double.Type: "số"
        case is Bool.Type: "true hoặc false"
        default:
            switch String(describing: type) {
            case let name where name.hasPrefix("Array"): "mảng"
            case let name where name.hasPrefix("Dictionary"): "đối tượng"
            default: "giá trị đúng kiểu"
            }
        }
    }
}

/// JSON responses with MotCua's conventions (snake_case keys, instants with +07:00).
enum JSONResponse {
    /// `hidingPersonalData`: for readers who may see the dossier but not its applicant's contacts.
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:],
                                   hidingPersonalData: Bool = false) throws -> Response {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        fields.append(contentsOf: headers)
        let body = try MotCuaJSON.encode(value, hidingPersonalData: hidingPersonalData)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// `{"items": […]}` and, for a paged list, `next_cursor`.
struct ItemList<Item: Encodable>: Encodable {
    let items: [Item]
}

/// Reading query parameters; a bad value is a 400 problem naming the parameter.
struct QueryParameters {
    let request: Request

    /// The value, with `+` read as a space (HTML forms), or nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let raw = request.uri.queryParameters.get(name) else { return nil }
        let value = raw.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// The value of a parameter that has a format (a code, a date, a number …): nil when absent, a 400
    /// problem when present but empty (`?at=` is no instant; leave the parameter out for the default).
    func formatted(_ name: String) throws -> String? {
        guard request.uri.queryParameters.get(name) != nil else { return nil }
        guard let value = text(name) else { throw Problem.badParameter(name, "không được để trống; bỏ tham số này nếu không cần.") }
        return value
    }

    /// Every value of a repeated or comma-separated parameter (`status=2&status=4`, `status=2,4`); an empty
    /// value is a 400 problem.
    func list(_ name: String) throws -> [String] {
        let values = request.uri.queryParameters.getAll(name).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !values.contains(where: \.isEmpty) else {
            throw Problem.badParameter(name, "không được có giá trị trống.")
        }
        return values
    }

    func parse<T>(_ name: String, _ parse: (String) throws -> T) throws -> T? {
        guard let value = try formatted(name) else { return nil }
        do { return try parse(value) } catch let error as ValidationError {
            throw Problem.badParameter(name, error.vietnameseMessage)
        }
    }

    func agency(_ name: String) throws -> AgencyCode? { try parse(name) { try AgencyCode(parsing: $0) } }

    func date(_ name: String) throws -> LocalDate? {
        guard let value = try formatted(name) else { return nil }
        guard let date = try? LocalDate(iso: value) else {
            throw Problem.badParameter(name, "\"\(value)\" không phải ngày dạng YYYY-MM-DD.")
        }
        return date
    }

    /// An ISO 8601 instant; a `+` offset sent unencoded arrives as a space and is read back as `+`.
    func instant(_ name: String) throws -> Date? {
        guard try formatted(name) != nil, let found = request.uri.queryParameters.get(name) else { return nil }
        let raw = String(found)
        var value = raw
        if value.count > 19 {
            let offset = value.index(value.startIndex, offsetBy: 19)
            value = String(value[..<offset]) + value[offset...].replacingOccurrences(of: " ", with: "+")
        }
        guard let instant = try? VietnamTime.parse(value) else {
            throw Problem.badParameter(name, "\"\(raw)\" không phải thời điểm ISO 8601 (ví dụ 2021-07-12T08:00:00+07:00).")
        }
        return instant
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let value = try formatted(name) else { return nil }
        guard let parsed = E(rawValue: value) else {
            throw Problem.badParameter(name, "\"\(value)\" không thuộc các giá trị \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return parsed
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try formatted(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw Problem.badParameter(name, "phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound).")
        }
        return number
    }
}
