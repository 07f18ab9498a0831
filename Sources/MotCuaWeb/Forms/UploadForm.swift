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
        guard let boundary = try FormFields.multipartBoundaryOrBadRequest(of: request) else {
            return UploadForm(fields: try await FormFields.read(from: &request, limit: limit), files: [:])
        }
        let body = try await request.collectBody(upTo: limit)
        return UploadForm(multipart: Array(body.readableBytesView), boundary: boundary)
    }

    init(fields: FormFields, files: [String: [IncomingFile]]) {
        self.fields = fields
        self.files = files
    }

    /// The parts of the body: a part whose `Content-Disposition` has a `filename` is a file.
    init(multipart body: [UInt8], boundary: String) {
        var values: [String: [String]] = [:]
        var files: [String: [IncomingFile]] = [:]
        for part in MultipartParts(body, boundary: boundary).parts {
            if let fileName = part.fileName {
                files[part.name, default: []].append(IncomingFile(fileName: fileName, bytes: Array(part.content)))
            } else {
                values[part.name, default: []].append(String(decoding: part.content, as: UTF8.self))
            }
        }
        fields = FormFields(values)
        self.files = files
    }
}
