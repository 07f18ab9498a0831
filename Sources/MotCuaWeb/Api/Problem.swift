import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore

/// An RFC 9457 problem (`application/problem+json`): what went wrong, said to the officer in Vietnamese
/// (`detail`), with the fields at fault (`errors`) and, for a version conflict, the version to reload.
struct Problem: Error, Sendable, Encodable {
    /// One field at fault: its path in the request ("applicant.phone", "limit") and what is wrong, in Vietnamese.
    struct FieldError: Sendable, Hashable, Encodable {
        let field: String
        let problem: String
    }

    /// The kinds of problem; each has a stable `type` URI and a short Vietnamese title.
    enum Kind: String, Sendable {
        case malformedRequest = "malformed-request"
        case unauthenticated
        case forbidden
        case notFound = "not-found"
        case conflict = "version-conflict"
        case duplicate
        case preconditionRequired = "precondition-required"
        case payloadTooLarge = "payload-too-large"
        case validation = "validation-failed"
        case transitionRefused = "transition-refused"
        case methodNotAllowed = "method-not-allowed"
        case internalError = "internal-error"

        var uri: String { "urn:motcua:problem:\(rawValue)" }

        var title: String {
            switch self {
            case .malformedRequest: "Yêu cầu không hợp lệ"
            case .unauthenticated: "Chưa đăng nhập"
            case .forbidden: "Không có quyền"
            case .notFound: "Không tìm thấy"
            case .conflict: "Hồ sơ đã được cập nhật bởi người khác"
            case .duplicate: "Dữ liệu đã tồn tại"
            case .preconditionRequired: "Thiếu phiên bản hồ sơ"
            case .payloadTooLarge: "Dữ liệu gửi lên quá lớn"
            case .validation: "Dữ liệu không hợp lệ"
            case .transitionRefused: "Không thực hiện được thao tác"
            case .methodNotAllowed: "Phương thức không được hỗ trợ"
            case .internalError: "Lỗi hệ thống"
            }
        }
    }

    let kind: Kind
    let status: HTTPResponse.Status
    let detail: String
    var errors: [FieldError]?
    var currentVersion: Int?
    var instance: String?

    init(_ kind: Kind, status: HTTPResponse.Status, detail: String, errors: [FieldError]? = nil, currentVersion: Int? = nil) {
        self.kind = kind
        self.status = status
        self.detail = detail
        self.errors = errors
        self.currentVersion = currentVersion
    }

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance, errors, currentVersion = "current_version"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.uri, forKey: .type)
        try c.encode(kind.title, forKey: .title)
        try c.encode(Int(status.code), forKey: .status)
        try c.encode(detail, forKey: .detail)
        try c.encodeIfPresent(instance, forKey: .instance)
        try c.encodeIfPresent(errors, forKey: .errors)
        try c.encodeIfPresent(currentVersion, forKey: .currentVersion)
    }

    // MARK: Common problems

    static func malformed(_ detail: String, errors: [FieldError]? = nil) -> Problem {
        Problem(.malformedRequest, status: .badRequest, detail: detail, errors: errors)
    }

    static func badParameter(_ name: String, _ problem: String) -> Problem {
        malformed("Tham số \"\(name)\" không hợp lệ: \(problem)", errors: [FieldError(field: name, problem: problem)])
    }

    static var unauthenticated: Problem {
        Problem(.unauthenticated, status: .unauthorized, detail: "Vui lòng đăng nhập để sử dụng chức năng này.")
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, status: .forbidden, detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, status: .notFound, detail: detail)
    }

    static func invalid(_ field: String, _ problem: String) -> Problem {
        Problem(.validation, status: .unprocessableContent, detail: problem, errors: [FieldError(field: field, problem: problem)])
    }

    static var internalError: Problem {
        Problem(.internalError, status: .internalServerError,
                detail: "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị hệ thống (kèm mã yêu cầu X-Request-Id).")
    }
}

extension Problem {
    /// The problem an error thrown by a handler stands for; nil for an unknown error (a 500 whose internals
    /// are logged, never sent).
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let error as ValidationError:
            return Problem(.validation, status: .unprocessableContent, detail: error.vietnameseMessage,
                           errors: [FieldError(field: error.field, problem: error.vietnameseMessage)])
        case let error as LifecycleError:
            switch error {
            case .corruptHistory, .missingActor: return nil
            default: return Problem(.transitionRefused, status: .unprocessableContent, detail: error.vietnameseMessage)
            }
        case let error as RatingRule.Refusal:
            switch error.reason {
            case .notTheCounter: return .forbidden(error.message)
            case .notReturned, .alreadyRated: return Problem(.conflict, status: .conflict, detail: error.message)
            }
        case let error as StoreError:
            switch error {
            case .notFound: return .notFound(error.vietnameseMessage)
            case let .conflict(_, _, actual):
                return Problem(.conflict, status: .conflict, detail: error.vietnameseMessage, currentVersion: actual)
            case .duplicate, .sequenceExhausted, .dailyLimitReached: return Problem(.duplicate, status: .conflict, detail: error.vietnameseMessage)
            case .corrupt: return nil
            }
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return .notFound("Không tìm thấy địa chỉ này trong API.")
            case .methodNotAllowed: return Problem(.methodNotAllowed, status: .methodNotAllowed, detail: "Địa chỉ này không hỗ trợ phương thức đã dùng.")
            case .contentTooLarge: return Problem(.payloadTooLarge, status: .contentTooLarge, detail: "Dữ liệu gửi lên vượt quá giới hạn cho phép.")
            case .unauthorized: return .unauthenticated
            case .forbidden: return .forbidden("Bạn không có quyền thực hiện thao tác này.")
            default:
                guard (400..<500).contains(error.status.code) else { return nil }
                return Problem(.malformedRequest, status: error.status, detail: "Yêu cầu không hợp lệ.")
            }
        default:
            return nil
        }
    }

    /// The response: `application/problem+json`, never cached; `WWW-Authenticate` on 401.
    func response(instance path: String?) -> Response {
        var problem = self
        problem.instance = path
        let data = (try? MotCuaJSON.encode(problem)) ?? Data(#"{"status":500,"title":"Lỗi hệ thống"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="motcua""# }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error thrown under `/api/v1` into a problem response. Errors the API does not know become a
/// 500 problem without internals; the error itself goes to the log with the request id.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem: Problem
            if let known = Problem.from(error) {
                problem = known
            } else {
                context.logger.error("API request failed", metadata: [
                    "error": "\(String(reflecting: error))", "path": "\(request.uri.path)",
                ])
                problem = .internalError
            }
            return problem.response(instance: request.uri.path)
        }
    }
}
