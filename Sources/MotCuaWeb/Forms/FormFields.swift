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
        guard let contentType = request.headers[.contentType].flatMap(MediaType.init(from:)) else { return FormFields() }
        if contentType.isType(.applicationUrlEncoded) {
            let body = try await request.collectBody(upTo: limit)
            return FormFields(urlEncoded: Substring(String(buffer: body)))
        }
        if contentType.isType(.multipartForm), let parameter = contentType.parameter,
           parameter.name.lowercased() == "boundary" {
            let boundary = parameter.value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard !boundary.isEmpty else { return FormFields() }
            let body = try await request.collectBody(upTo: limit)
            return FormFields(multipart: Array(body.readableBytesView), boundary: boundary)
        }
        return FormFields()
    }

    /// The text fields of a multipart body (file parts are skipped).
    init(multipart body: [UInt8], boundary: String) {
        var values: [String: [String]] = [:]
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int? = nil
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            if let start { parts.append(body[start..<max(start, found - 2)]) }  // drop the CRLF before the delimiter
            start = found + delimiter.count + 2  // skip the CRLF (or "--") after it
            index = found + delimiter.count
        }
        for part in parts {
            guard let split = Self.find(headerEnd, in: Array(part), from: 0) else { continue }
            let bytes = Array(part)
            let headers = String(decoding: bytes[..<split], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }), !disposition.contains("filename="),
                let name = Self.quotedParameter("name", in: disposition) else { continue }
            values[name, default: []].append(String(decoding: bytes[(split + headerEnd.count)...], as: UTF8.self))
        }
        self.values = values
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
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
