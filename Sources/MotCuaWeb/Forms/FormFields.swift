import Foundation
import Hummingbird

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`, or the text fields of
/// `multipart/form-data`). Lenient by design: a malformed field is skipped, never a server error.
public struct FormFields: Sendable, Equatable {
    private var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// The first value of `name`, if any.
    public subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value of `name` (checkboxes, multiple selects).
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Parses `a=1&b=x+y%C3%A0`.
    public init(urlEncoded text: Substring) {
        var values: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty,
                  let value = Self.decode(parts.count == 2 ? parts[1] : "") else { continue }
            values[name, default: []].append(value)
        }
        self.values = values
    }

    /// The form in a request body, by its content type; empty for other bodies. Reads at most `limit` bytes
    /// (more is a 413); the body stays readable by the route.
    static func read(from request: inout Request, limit: Int) async throws -> FormFields {
        if let boundary = try multipartBoundaryOrBadRequest(of: request) {
            let body = try await request.collectBody(upTo: limit)
            return FormFields(multipart: Array(body.readableBytesView), boundary: boundary)
        }
        guard let contentType = request.headers[.contentType].flatMap(MediaType.init(from:)),
              contentType.isType(.applicationUrlEncoded) else { return FormFields() }
        let body = try await request.collectBody(upTo: limit)
        return FormFields(urlEncoded: Substring(String(buffer: body)))
    }

    /// The text fields of a multipart body (file parts are skipped).
    init(multipart body: [UInt8], boundary: String) {
        var values: [String: [String]] = [:]
        for part in MultipartParts(body, boundary: boundary).parts where part.fileName == nil {
            values[part.name, default: []].append(String(decoding: part.content, as: UTF8.self))
        }
        self.values = values
    }

    /// The boundary of a `multipart/form-data` content type; nil for another type, and
    /// `MultipartBoundaryError` for a boundary RFC 2046 does not allow (over 70 characters, say), so that
    /// such a body is refused before it is read.
    static func multipartBoundaryOrBadRequest(of request: Request) throws -> String? {
        do { return try multipartBoundary(of: request) } catch {
            throw HTTPError(.badRequest, message: MultipartBoundaryError.message)
        }
    }

    static func multipartBoundary(of request: Request) throws(MultipartBoundaryError) -> String? {
        guard let contentType = request.headers[.contentType].flatMap(MediaType.init(from:)),
              contentType.isType(.multipartForm) else { return nil }
        guard let parameter = contentType.parameter, parameter.name.lowercased() == "boundary" else {
            throw MultipartBoundaryError()
        }
        let boundary = parameter.value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard MultipartParts.isValidBoundary(boundary) else { throw MultipartBoundaryError() }
        return boundary
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    static func quotedParameter(_ name: String, in header: Substring) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}

/// A `multipart/form-data` request whose boundary is missing or not one RFC 2046 allows: refused (400)
/// before its body is read.
struct MultipartBoundaryError: Error {
    static let message = "Kiểu dữ liệu multipart/form-data thiếu boundary hợp lệ (1–70 ký tự theo RFC 2046)."
}
