import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// `/api/v1/guidance`, `/api/v1/ratings` and `/api/v1/statistics`: the guidance and call-centre log, the
/// counter tablet's ratings, and the period statistics (the same JSON as `motcua report --format json`).
struct ServiceLogAPIController: Sendable {
    let database: Database
    let now: @Sendable () -> Date

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("guidance", use: recordGuidance)
        group.get("guidance", use: guidanceFigures)
        group.post("ratings", use: recordRating)
        group.get("statistics", use: statistics)
    }

    struct GuidanceRequest: Decodable {
        let kind: GuidanceContact.Kind
        let agencyCode: String
        let note: String?
        let at: Date?
        enum CodingKeys: String, CodingKey { case kind, agencyCode = "agency_code", note, at }
        static let allowedKeys: Set<String> = ["kind", "agency_code", "note", "at"]
    }

    struct RatingRequest: Decodable {
        let dossierCode: String
        let rating: SatisfactionRating.Rating
        enum CodingKeys: String, CodingKey { case dossierCode = "dossier_code", rating }
        static let allowedKeys: Set<String> = ["dossier_code", "rating"]
    }

    struct Recorded: Encodable { let recorded: Bool }

    /// One guidance contact (in person, outgoing or incoming call) at an agency the user works for.
    @Sendable func recordGuidance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.decode(GuidanceRequest.self, from: request, allowed: GuidanceRequest.allowedKeys)
        guard let agency = try? AgencyCode(parsing: body.agencyCode) else {
            throw Problem.invalid("agency_code", "Mã cơ quan \"\(body.agencyCode)\" không đúng định dạng.")
        }
        guard principal.covers(agency) else { throw Problem.forbidden("Bạn không làm việc tại cơ quan \(agency).") }
        let at = body.at ?? now()
        guard at <= now().addingTimeInterval(300) else { throw Problem.invalid("at", "Thời điểm hướng dẫn không được ở tương lai.") }
        try await ServiceLogStore(database: database).record(
            GuidanceContact(at: at, kind: body.kind, agencyCode: agency, note: String((body.note ?? "").prefix(1000))),
            recordedBy: principal.username)
        return try JSONResponse.make(Recorded(recorded: true), status: .created)
    }

    struct GuidanceResource: Encodable {
        let from: String, to: String
        let total, inPerson, outgoingCalls, incomingCalls: Int
        enum CodingKeys: String, CodingKey {
            case from, to, total, inPerson = "in_person", outgoingCalls = "outgoing_calls", incomingCalls = "incoming_calls"
        }
    }

    /// Counts per kind for `?from=&to=` (local dates, inclusive; default today), of the agencies the user
    /// sees (`Principal.listRestriction`, as on the dashboard).
    @Sendable func guidanceFigures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let period = try Self.period(request, now: now())
        let f = try await ServiceLogStore(database: database).guidanceFigures(period, agencies: principal.listRestriction?.sorted())
        return try JSONResponse.make(GuidanceResource(from: period.from.description, to: period.to.description, total: f.total,
                                                      inPerson: f.inPerson, outgoingCalls: f.outgoingCalls,
                                                      incomingCalls: f.incomingCalls))
    }

    /// The counter tablet's rating of a returned dossier, recorded against the signed-in reception officer;
    /// `RatingRule` decides, as for the tablet page (409 when not returned or already rated, 403 for
    /// anyone but the receiving agency's reception account).
    @Sendable func recordRating(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.decode(RatingRequest.self, from: request, allowed: RatingRequest.allowedKeys)
        guard let code = try? DossierCode(parsing: body.dossierCode) else {
            throw Problem.invalid("dossier_code", "Mã hồ sơ \"\(body.dossierCode)\" không đúng định dạng.")
        }
        let dossier = try await DossierStore(database: database).dossier(code)
        try principal.requireAccess(to: dossier)
        let log = ServiceLogStore(database: database)
        let alreadyRated = try await log.isRated(code)
        try RatingRule.check(dossier, alreadyRated: alreadyRated, through: .counterTablet(principal))
        try await log.record(
            SatisfactionRating(at: now(), dossierCode: code, officer: principal.username, rating: body.rating))
        return try JSONResponse.make(Recorded(recorded: true), status: .created)
    }

    /// `?quarter=2021-Q3` or `?from=&to=`, optional `agency=`: the report's statistics JSON.
    /// Scoped like the dashboard: a leader, specialist or reception officer gets the figures of their own
    /// agencies (and `agency=` must be one of them); managers and administrators, any agency.
    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = QueryParameters(request: request)
        let period: StatisticsPeriod
        if let quarter = try query.formatted("quarter") {
            do { period = try ReportingQuarter(parsing: quarter).period } catch {
                throw Problem.badParameter("quarter", "\"\(quarter)\" không phải quý dạng 2021-Q3.")
            }
        } else {
            period = try Self.period(request, now: now())
        }
        let agency = try query.agency("agency")
        if let agency, !principal.covers(agency) {
            throw Problem.forbidden("Bạn chỉ xem được số liệu của cơ quan mình; không có quyền với cơ quan \(agency).")
        }
        let report = try await StatisticsReporter(database: database)
            .report(period, agency: agency, within: principal.listRestriction)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try report.json())))
    }

    static func period(_ request: Request, now: Date) throws -> StatisticsPeriod {
        let query = QueryParameters(request: request)
        let today = VietnamTime.localDate(of: now)
        return try StatisticsPeriod(from: try query.date("from") ?? today, to: try query.date("to") ?? today)
    }
}
