import Crypto
import Foundation
import WorkCalendar
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot

/// `/nop-ho-so/{procedureCode}`: a citizen submits a dossier online, without signing in — the applicant and
/// the papers as files (PDF, JPEG, PNG, DOCX, checked by their bytes). The dossier is registered on the
/// online channel at the center, with its files, and waits for an officer to receive it. Procedures not
/// offered online answer 404.
struct OnlineSubmissionController: Sendable {
    static let path = "/nop-ho-so"
    static let donePath = path + "/da-nop"
    /// The most a submission's body may hold: the files' total plus room for the text fields and the
    /// multipart framing (`BodyLimit` refuses a longer declared body before reading it).
    static let maximumRequestBytes = AttachmentPolicy().maximumTotalBytes + 512 * 1024
    /// The actor of the registration events: the citizen, through the portal.
    static let actor = "cong-dan-truc-tuyen"

    static func formPath(_ code: String) -> String { path + "/" + code }
    static func donePath(_ code: String) -> String { donePath + "/" + code }

    let database: Database
    let policy: AttachmentPolicy
    /// Submissions per address per minute and per center per day: each may store megabytes, and no sign-in
    /// stands in the way.
    let limiter: PublicRateLimiter
    let now: @Sendable () -> Date

    init(database: Database, policy: AttachmentPolicy = AttachmentPolicy(), limiter: PublicRateLimiter,
         now: @escaping @Sendable () -> Date) {
        self.database = database
        self.policy = policy
        self.limiter = limiter
        self.now = now
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.donePath + "/{dossier}"), use: done)
        router.get(RouterPath(Self.path + "/{code}"), use: show)
        router.post(RouterPath(Self.path + "/{code}"), use: submit)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let procedure = try await onlineProcedure(context) else { return notOffered(context) }
        let model = OnlineSubmissionView.Model(procedure: procedure, fields: ApplicantFields(), error: nil)
        return HTMLResponse.make(OnlineSubmissionView(model: model, csrfToken: context.csrfToken, policy: policy).document)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let procedure = try await onlineProcedure(context) else { return notOffered(context) }
        // Counted before the body is read: a refused request costs one counter update, not megabytes.
        let allowed = try await limiter.allow(limiter.submissions, context.clientKey, at: now())
        guard allowed else {
            let model = OnlineSubmissionView.Model(procedure: procedure, fields: ApplicantFields(), error:
                "Ông/Bà đã gửi quá nhiều lần trong một phút. Vui lòng chờ một lát rồi gửi lại.")
            return HTMLResponse.make(OnlineSubmissionView(model: model, csrfToken: context.csrfToken, policy: policy).document,
                                     status: .tooManyRequests, headers: [.retryAfter: "60"])
        }
        var request = request
        let form = try await UploadForm.read(from: &request, limit: Self.maximumRequestBytes)
        var model = OnlineSubmissionView.Model(procedure: procedure, fields: ApplicantFields(form.fields), error: nil)
        do {
            let applicant = try model.fields.applicant()
            let files = try policy.check(form.files["tep"] ?? [])
            guard !files.isEmpty else {
                throw ValidationError(field: "attachments", reason: "no file attached",
                                      vietnamese: "Vui lòng đính kèm ít nhất một tệp giấy tờ của hồ sơ (\(AttachmentKind.vietnameseList)).")
            }
            let directory = try await AgencyStore(database: database).directory()
            guard let center = DeskAgency.onlineSite(for: procedure, in: directory, on: VietnamTime.localDate(of: now())) else {
                throw ValidationError(field: "receiving_agency", reason: "no center to receive online dossiers",
                                      vietnamese: "Trung tâm chưa được cấu hình để nhận hồ sơ trực tuyến. Vui lòng liên hệ Trung tâm.")
            }
            let attachments = files.map { file in
                NewAttachment(fileName: file.fileName, contentType: file.kind.contentType, bytes: file.bytes,
                              sha256: SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined())
            }
            let dossier = try await AttachmentStore(database: database).registerOnline(
                RegistrationRequest(receivingAgency: center, procedureCode: procedure.code, applicant: applicant, channel: .online),
                attachments: attachments, at: now(), actor: Self.actor, dailyLimit: limiter.limits.onlineSubmissionsPerDay)
            return Response(status: .seeOther, headers: [.location: Self.donePath(dossier.code.rawValue)])
        } catch let error as ValidationError {
            model.error = error.vietnameseMessage
        } catch let error as StoreError {
            guard case .dailyLimitReached = error else { throw error }
            model.error = error.vietnameseMessage
            return HTMLResponse.make(OnlineSubmissionView(model: model, csrfToken: context.csrfToken, policy: policy).document,
                                     status: .serviceUnavailable, headers: [.retryAfter: "3600"])
        }
        // The files are not kept: a browser cannot refill a file input, so the page says to choose them again.
        return HTMLResponse.make(OnlineSubmissionView(model: model, csrfToken: context.csrfToken, policy: policy).document,
                                 status: .unprocessableContent)
    }

    /// What happens next. Shows only the code and the steps, nothing of the applicant: the address is
    /// guessable, so it answers only for an online dossier still waiting to be received.
    @Sendable func done(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = try context.parameters.require("dossier")
        let code = try? DossierCode(parsing: raw)
        var found: Dossier?
        if let code { found = try await ifFound { try await DossierStore(database: database).dossier(code) } }
        guard let dossier = found, dossier.channel == .online, dossier.receivedAt == nil else {
            return SimplePage.response(status: .notFound, title: "Không tìm thấy hồ sơ",
                                       message: "Không có hồ sơ trực tuyến mã \"\(raw)\" đang chờ tiếp nhận. Tra cứu hồ sơ tại \(PublicPaths.lookup).")
        }
        return HTMLResponse.make(OnlineSubmissionDoneView(code: dossier.code.rawValue).document)
    }

    private func onlineProcedure(_ context: AppRequestContext) async throws -> Procedure? {
        let raw = try context.parameters.require("code")
        guard let code = try? ProcedureCode(parsing: raw) else { return nil }
        let procedure: Procedure
        do { procedure = try await ProcedureStore(database: database).procedure(code, at: now()) } catch StoreError.notFound { return nil }
        return procedure.onlineLevel == .none ? nil : procedure
    }

    private func notOffered(_ context: AppRequestContext) -> Response {
        let raw = context.parameters.get("code") ?? ""
        return HTMLResponse.make(SiteLayout.page(title: "Không nộp trực tuyến được",
            .h1(.text("Thủ tục này chưa nhận hồ sơ trực tuyến")),
            .p(.text("Thủ tục mã \"\(raw)\" không có hoặc chưa được cung cấp dịch vụ công trực tuyến. Ông/Bà vui lòng nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công hoặc qua bưu chính công ích.")),
            .p(.a(.href(PublicPaths.procedures), .text("Xem danh sách thủ tục")))), status: .notFound)
    }
}
