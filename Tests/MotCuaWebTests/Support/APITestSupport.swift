import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

/// TEST ONLY: signs the request in as the user described by `X-Test-User: <role>:<agency>,<agency>[;<username>]`
/// (e.g. `reception:000.00.15.H56;tiepnhan`). The real authentication middleware (sessions, tokens) lives
/// in Sources; this one never does.
struct TestPrincipalMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-Test-User")!

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.headers[Self.header] {
            let parts = value.split(separator: ";", maxSplits: 1).map(String.init)
            let spec = parts[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let role = Principal.Role(rawValue: spec[0])!
            let agencies = (spec.count > 1 ? spec[1] : "").split(separator: ",").map { try! AgencyCode(parsing: String($0)) }
            let username = parts.count > 1 ? parts[1] : spec[0]
            context.principal = Principal(username: username, displayName: username, role: role, agencies: Set(agencies))
        }
        return try await next(request, context)
    }
}

/// A settable clock, so that a test can walk a dossier through days and holidays.
final class TestClock: @unchecked Sendable {
    // @unchecked: the only state is `instant`, read and written under `lock`.
    private let lock = NSLock()
    private var instant: Date

    init(_ text: String) { instant = Fixtures.instant(text) }

    var now: Date { lock.withLock { instant } }

    func set(_ text: String) { lock.withLock { instant = Fixtures.instant(text) } }
}

/// The API mounted behind the test principal middleware.
func apiRouter(_ database: Database, clock: TestClock) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: TestPrincipalMiddleware())
    JSONAPI(database: database, now: { clock.now }).addRoutes(to: router)
    return router
}

func apiApplication(_ database: Database, clock: TestClock) -> some ApplicationProtocol {
    Application(router: apiRouter(database, clock: clock))
}

/// Users of the fixture agencies.
enum TestUsers {
    static let reception = "reception:\(Fixtures.center);tiepnhan"
    static let planningSpecialist = "specialist:\(Fixtures.planning);cv.khdt"
    static let provinceLeader = "leader:\(Fixtures.province);ld.ubnd"
    static let provinceSpecialist = "specialist:\(Fixtures.province);cv.ubnd"
    static let planningLeader = "leader:\(Fixtures.planning);ld.khdt"
    static let environmentSpecialist = "specialist:\(Fixtures.environment);cv.tnmt"
    static let environmentReception = "reception:\(Fixtures.environment);tn.tnmt"
    static let manager = "manager:;quanly"
}

/// A decoded JSON response.
struct JSONReply {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: [String: Any]
    let text: String

    subscript(key: String) -> Any? { body[key] }
    func string(_ key: String) -> String? { body[key] as? String }
    func int(_ key: String) -> Int? { body[key] as? Int }
    var items: [[String: Any]] { body["items"] as? [[String: Any]] ?? [] }
    var etag: String? { headers[.eTag] }
    var contentType: String? { headers[.contentType] }
}

extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, user: String? = nil, json: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> JSONReply {
        var headers = extra
        if let user { headers[TestPrincipalMiddleware.header] = user }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers,
                                 body: json.map { ByteBuffer(string: $0) }) { response in
            let text = String(buffer: response.body)
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return JSONReply(status: response.status, headers: response.headers, body: object, text: text)
        }
    }
}

/// A counter dossier registration body for the fixture procedure.
func registrationJSON(agency: AgencyCode = Fixtures.center, name: String = "Công ty TNHH Cà phê Đắk Nông",
                      phone: String = "0261 3544 123", channel: String = "counter") -> String {
    """
    {"receiving_agency_code": "\(agency)", "procedure_code": "\(Fixtures.investmentCode)", "channel": "\(channel)",
     "applicant": {"kind": "organisation", "name": "\(name)", "id_number": "6400123456", "phone": "\(phone)",
                   "email": "lienhe@caphedaknong.vn", "address": "Gia Nghĩa, Đắk Nông"},
     "note": "Nộp tại quầy số 3"}
    """
}
