import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore

/// `/api/v1/dossiers`: register, list, show, history and every lifecycle action. Every request needs a
/// signed-in user; the events it causes name that user as their actor.
struct DossierAPIController: Sendable {
    let dossiers: DossierStore
    let agencies: AgencyStore
    let reads: PersonalDataReads
    let now: @Sendable () -> Date

    static let defaultPageSize = 50
    static let maximumPageSize = 200

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("dossiers", use: list)
        group.post("dossiers", use: register)
        group.get("dossiers/{code}", use: show)
        group.get("dossiers/{code}/events", use: events)
        group.post("dossiers/{code}/actions/{action}", use: perform)
    }

    // MARK: Reading

    /// The site and its branches, for the `site` filter; an agency that is not a site is a 400 naming it.
    private func siteGroup(_ site: AgencyCode?) async throws -> [AgencyCode]? {
        guard let site else { return nil }
        let directory = try await AgencyStore(database: dossiers.database).directory()
        guard directory[site]?.kind.isSite == true else { throw Problem.badParameter("site", "Cơ quan \(site) không phải nơi tiếp nhận (Trung tâm, Chi nhánh, Trung tâm cấp xã).") }
        return directory.siteGroup(of: site)
    }

    /// Filters (`status`, `receiving_agency`, `owning_agency`, `current_agency`, `procedure`, `channel`,
    /// `received_from`, `received_to`, `q`), `cursor` and `limit`; an officer sees only their agencies' dossiers.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = QueryParameters(request: request)
        var statuses: Set<DossierStatus> = []
        for value in try query.list("status") {
            guard let status = Int(value).flatMap(DossierStatus.init(rawValue:)) else {
                throw Problem.badParameter("status", "\"\(value)\" không phải mã trạng thái (1–10).")
            }
            statuses.insert(status)
        }
        let filter = DossierFilter(
            statuses: statuses,
            receivingAgency: try query.agency("receiving_agency"),
            owningAgency: try query.agency("owning_agency"),
            currentAgency: try query.agency("current_agency"),
            procedureCode: try query.parse("procedure") { try ProcedureCode(parsing: $0) },
            channel: try query.enumeration("channel", Channel.self),
            receivedFrom: try query.date("received_from"),
            receivedTo: try query.date("received_to"),
            search: query.text("q"),
            visibleTo: principal.listRestriction,
            sites: try await siteGroup(try query.agency("site")))
        let cursor = try query.parse("cursor") { try DossierCursor(token: $0) }
        let limit = try query.integer("limit", in: 1...Self.maximumPageSize) ?? Self.defaultPageSize
        let page = try await dossiers.list(filter, after: cursor, limit: limit)
        let now = now()
        return try JSONResponse.make(DossierPageResource(
            items: page.items.map { DossierSummaryResource(summary: $0, now: now) },
            nextCursor: page.nextCursor?.token))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let dossier = try await accessibleDossier(context, principal)
        try await reads.record(principal, read: dossier, via: "api", at: now())
        return try Self.dossierResponse(dossier, now: now(), for: principal)
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let dossier = try await accessibleDossier(context, principal)
        let history = try await dossiers.events(of: dossier.code)
        try await reads.record(principal, read: dossier, via: "api-events", at: now())
        return try JSONResponse.make(ItemList(items: history.map(DossierEventResource.init)),
                                     hidingPersonalData: !principal.mayReadPersonalData(of: dossier))
    }

    // MARK: Writing

    /// Registers a dossier at the receiving agency (counter and postal dossiers are received at once).
    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.decode(RegisterDossierRequest.self, from: request, allowed: RegisterDossierRequest.allowedKeys)
        let receiving = try Self.field("receiving_agency_code") { try AgencyCode(parsing: body.receivingAgencyCode) }
        let procedure = try Self.field("procedure_code") { try ProcedureCode(parsing: body.procedureCode) }
        guard principal.covers(receiving) else {
            throw Problem.forbidden("Bạn không được tiếp nhận hồ sơ cho cơ quan \(receiving).")
        }
        // Registering is the desk's work (DossierActionPolicy): managers cover every agency but only read.
        guard principal.role == .reception else {
            throw Problem.forbidden("Chỉ cán bộ tiếp nhận của Bộ phận Một cửa được đăng ký hồ sơ; \(principal.role.vietnameseLabel) không thực hiện thao tác này.")
        }
        guard try await agencies.all().contains(where: { $0.code == receiving }) else {
            throw Problem.invalid("receiving_agency_code", "Không có cơ quan mã \(receiving).")
        }
        let registration = RegistrationRequest(receivingAgency: receiving, procedureCode: procedure,
                                               applicant: body.applicant, channel: body.channel, note: body.note)
        let dossier: Dossier
        do {
            dossier = try await dossiers.register(registration, at: now(), actor: principal.username)
        } catch StoreError.notFound {
            throw Problem.invalid("procedure_code", "Không có thủ tục \(procedure) đang có hiệu lực.")
        }
        return try Self.dossierResponse(dossier, now: now(), for: principal, status: .created,
                                        headers: [.location: "/api/v1/dossiers/\(dossier.code)"])
    }

    /// `POST /dossiers/{code}/actions/{action}` with the action's fields and `expected_version`
    /// (or `If-Match: "<version>"`).
    @Sendable func perform(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let rawAction = try context.parameters.require("action")
        guard let action = DossierAction(rawValue: rawAction), action != .register else {
            let known = DossierAction.allCases.filter { $0 != .register }.map(\.rawValue).joined(separator: ", ")
            throw Problem.notFound("Không có thao tác \"\(rawAction)\". Các thao tác: \(known).")
        }
        let current = try await accessibleDossier(context, principal)
        try principal.requirePermission(action, on: current)
        let body = try await JSONBody.decode(DossierActionRequest.self, from: request,
                                             allowed: DossierActionRequest.allowedKeys(for: action))
        let expected = try Self.expectedVersion(body: body.expectedVersion, ifMatch: request.headers[.ifMatch])
        let command = try body.command(for: action, actor: principal.username)
        let dossier = try await dossiers.execute(command, on: current.code, expectedVersion: expected, at: now(),
                                                 actor: principal.username)
        return try Self.dossierResponse(dossier, now: now(), for: principal)
    }

    // MARK: Helpers

    /// The dossier of the `{code}` path parameter: 404 if there is none, 403 if it is not the user's.
    func accessibleDossier(_ context: AppRequestContext, _ principal: Principal) async throws -> Dossier {
        let raw = try context.parameters.require("code")
        guard let code = try? DossierCode(parsing: raw) else {
            throw Problem.notFound("Không tìm thấy hồ sơ \"\(raw)\" (mã hồ sơ có dạng 000.00.15.H56-210712-0007).")
        }
        let dossier = try await dossiers.dossier(code)
        try principal.requireAccess(to: dossier)
        return dossier
    }

    static func dossierResponse(_ dossier: Dossier, now: Date, for principal: Principal, status: HTTPResponse.Status = .ok,
                                headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.eTag] = "\"\(dossier.version)\""
        return try JSONResponse.make(DossierResource(dossier: dossier, now: now, principal: principal), status: status, headers: headers,
                                     hidingPersonalData: !principal.mayReadPersonalData(of: dossier))
    }

    /// A value of the body that the domain validates, its error reported under the body's field name.
    static func field<T>(_ name: String, _ parse: () throws -> T) throws -> T {
        do { return try parse() } catch let error as ValidationError { throw Problem.invalid(name, error.vietnameseMessage) }
    }

    /// The version the caller acted on: `expected_version` or `If-Match` (`"3"`, `W/"3"` or `3`). One of them
    /// is required — an action on a dossier the caller has not seen would overwrite someone else's change.
    static func expectedVersion(body: Int?, ifMatch: String?) throws -> Int {
        var header: Int?
        if let ifMatch {
            var tag = ifMatch.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag.hasPrefix("\""), tag.hasSuffix("\""), tag.count >= 2 { tag = String(tag.dropFirst().dropLast()) }
            guard let version = Int(tag), version >= 1 else {
                throw Problem.malformed("Tiêu đề If-Match phải là phiên bản hồ sơ dạng \"3\" (giá trị ETag đã nhận).",
                                        errors: [Problem.FieldError(field: "If-Match", problem: "Không phải phiên bản hồ sơ.")])
            }
            header = version
        }
        switch (body, header) {
        case let (body?, header?) where body != header:
            throw Problem.malformed("expected_version (\(body)) và If-Match (\(header)) không khớp nhau.",
                                    errors: [Problem.FieldError(field: "expected_version", problem: "Khác với If-Match.")])
        case let (version?, _), let (nil, version?):
            return version
        case (nil, nil):
            throw Problem(.preconditionRequired, status: .preconditionRequired,
                          detail: "Phải gửi phiên bản hồ sơ đang xem (expected_version hoặc tiêu đề If-Match) để tránh ghi đè thay đổi của người khác.")
        }
    }
}
