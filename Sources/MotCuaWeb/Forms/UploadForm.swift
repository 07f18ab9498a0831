import Foundation
import Hummingbird
import MotCuaCore

/// A `multipart/form-data` form with files: its text fields (as `FormFields`) and its file parts by field
/// name, in the order sent. A sibling of `FormFields`, which skips file parts on purpose (most forms have none).
struct UploadForm: Sendable {
    var fields: FormFields
    var files: [String: [IncomingFile]]

    /// The form in a multipart request body; a form without files for any other body. Reads at most `limit`
    /// bytes (more is a 413).
    static func read(from request: inout Request, limit: Int) async throws -> UploadForm {
        guard let contentType = request.headers[.contentType].flatMap(MediaType.init(from:)),
              contentType.isType(.multipartForm), let parameter = contentType.parameter,
              parameter.name.lowercased() == "boundary" else {
            return UploadForm(fields: try await FormFields.read(from: &request, limit: limit), files: [:])
        }
        let boundary = parameter.value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard !boundary.isEmpty else { return UploadForm(fields: FormFields(), files: [:]) }
        let body = try await request.collectBody(upTo: limit)
        return UploadForm(multipart: Array(body.readableBytesView), boundary: boundary)
    }

    init(fields: FormFields, files: [String: [IncomingFile]]) {
        self.fields = fields
        self.files = files
    }

    /// Splits the body at the boundary; a part whose `Content-Disposition` has a `filename` is a file.
    /// Malformed parts are skipped, never a server error.
    init(multipart body: [UInt8], boundary: String) {
        var values: [String: [String]] = [:]
        var files: [String: [IncomingFile]] = [:]
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var bounds: [Range<Int>] = []
        var start: Int? = nil
        var index = 0
        while let found = FormFields.find(delimiter, in: body, from: index) {
            if let start, found - 2 >= start { bounds.append(start..<(found - 2)) }  // drop the CRLF before the delimiter
            start = found + delimiter.count + 2  // skip the CRLF (or "--") after it
            index = found + delimiter.count
        }
        for range in bounds {
            let part = Array(body[range])
            guard let split = FormFields.find(headerEnd, in: part, from: 0) else { continue }
            let headers = String(decoding: part[..<split], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }), let name = FormFields.quotedParameter("name", in: disposition) else { continue }
            let content = Array(part[(split + headerEnd.count)...])
            if let fileName = FormFields.quotedParameter("filename", in: disposition) {
                files[name, default: []].append(IncomingFile(fileName: fileName, bytes: content))
            } else {
                values[name, default: []].append(String(decoding: content, as: UTF8.self))
            }
        }
        fields = FormFields(values)
        self.files = files
    }
}
