import Foundation
import HTTPTypes
import Logging
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot
import WorkCalendar

/// `/quan-tri/nguoi-dung`: staff accounts — list, add (password policy), change role and agencies,
/// disable or enable, reset the password. The same rules as `motcua user` (both go through `UserAccounts`).
struct AdminUsersController: Sendable {
    static let path = StaffPaths.administration + "/nguoi-dung"
    static func userPath(_ username: String) -> String { path + "/" + username }

    let accounts: UserAccounts
    let agencies: AgencyStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: list)
        router.post(RouterPath(Self.path), use: add)
        router.get(RouterPath(Self.path + "/:username"), use: show)
        router.post(RouterPath(Self.path + "/:username/vai-tro"), use: changeRole)
        router.post(RouterPath(Self.path + "/:username/khoa"), use: disable)
        router.post(RouterPath(Self.path + "/:username/mo-khoa"), use: enable)
        router.post(RouterPath(Self.path + "/:username/mat-khau"), use: resetPassword)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        return try await listPage(principal, context, form: .init())
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 16 * 1024)
        let form = AdminUsersView.NewUser(username: fields["ten_dang_nhap"] ?? "", displayName: fields["ho_ten"] ?? "",
                                          role: fields["vai_tro"] ?? "", agencies: fields.all("co_quan"))
        let password = fields["mat_khau"] ?? ""
        do {
            guard password == fields["nhap_lai_mat_khau"] ?? "" else { throw UserAccountError.passwordsDiffer }
            try await accounts.add(username: form.username, displayName: form.displayName, role: form.role,
                                   agencies: form.agencies, password: password, at: now(), by: principal.username)
        } catch {
            guard let message = Self.message(for: error) else { throw error }
            return try await listPage(principal, context, form: form, error: message, status: .unprocessableContent)
        }
        Self.audit(context, principal, "user added", UserAccounts.normalizedUsername(form.username), detail: form.role)
        return Self.redirect(Self.userPath(UserAccounts.normalizedUsername(form.username)) + "?da-luu=them")
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let user = try await requireUser(context)
        let notice = request.uri.queryParameters.get("da-luu").flatMap { AdminUserView.notices[String($0)] }
        return try await userPage(principal, context, user: user, notice: notice)
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 16 * 1024)
        let user = try await requireUser(context)
        let role = fields["vai_tro"] ?? "", agencies = fields.all("co_quan")
        if user.username == principal.username, role != Principal.Role.administrator.rawValue {
            return try await userPage(principal, context, user: user, role: (role, agencies),
                                      error: "Không thể tự bỏ vai trò quản trị của chính mình.", status: .unprocessableContent)
        }
        do {
            try await accounts.changeRole(user.username, role: role, agencies: agencies, by: principal.username)
        } catch {
            guard let message = Self.message(for: error) else { throw error }
            return try await userPage(principal, context, user: user, role: (role, agencies), error: message,
                                      status: .unprocessableContent)
        }
        Self.audit(context, principal, "user role changed", user.username, detail: "\(role) \(agencies.sorted().joined(separator: ","))")
        return Self.redirect(Self.userPath(user.username) + "?da-luu=vai-tro")
    }

    @Sendable func disable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let user = try await requireUser(context)
        guard user.username != principal.username else {
            return try await userPage(principal, context, user: user, error: "Không thể tự khóa tài khoản của chính mình.",
                                      status: .unprocessableContent)
        }
        try await accounts.disable(user.username, by: principal.username)
        Self.audit(context, principal, "user disabled", user.username)
        return Self.redirect(Self.userPath(user.username) + "?da-luu=khoa")
    }

    @Sendable func enable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let user = try await requireUser(context)
        try await accounts.enable(user.username, by: principal.username)
        Self.audit(context, principal, "user enabled", user.username)
        return Self.redirect(Self.userPath(user.username) + "?da-luu=mo-khoa")
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 8 * 1024)
        let user = try await requireUser(context)
        let password = fields["mat_khau_moi"] ?? ""
        do {
            guard password == fields["nhap_lai_mat_khau_moi"] ?? "" else { throw UserAccountError.passwordsDiffer }
            try await accounts.setPassword(user.username, to: password, by: principal.username)
        } catch let error as UserAccountError {
            return try await userPage(principal, context, user: user, error: error.vietnameseMessage, status: .unprocessableContent)
        }
        Self.audit(context, principal, "user password reset", user.username)
        return Self.redirect(Self.userPath(user.username) + "?da-luu=mat-khau")
    }

    // MARK: - Helpers

    private func requireUser(_ context: AppRequestContext) async throws -> UserRecord {
        let username = UserAccounts.normalizedUsername(try context.parameters.require("username"))
        guard UserAccounts.isValidUsername(username) else { throw PageNotFound(message: "Không tìm thấy người dùng này.") }
        guard let user = try await accounts.users.user(username) else {
            throw PageNotFound(message: "Không tìm thấy người dùng này.")
        }
        return user
    }

    /// The Vietnamese message of an input error; nil for anything else (which stays a server error).
    static func message(for error: any Error) -> String? {
        switch error {
        case let error as UserAccountError: error.vietnameseMessage
        case StoreError.duplicate: "Tên đăng nhập này đã có người dùng."
        case StoreError.notFound(kind: "agency", let key): "Không có cơ quan mã \(key)."
        default: nil
        }
    }

    /// Who changed which account, in the log too (the audit row was written with the change).
    static func audit(_ context: AppRequestContext, _ principal: Principal, _ action: String, _ username: String,
                      detail: String? = nil) {
        var metadata: Logger.Metadata = ["actor": "\(principal.username)", "user": "\(username)"]
        if let detail { metadata["detail"] = "\(detail)" }
        context.logger.notice("audit: \(action)", metadata: metadata)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private func agencyChoices() async throws -> [AdminUsersView.AgencyChoice] {
        let today = VietnamTime.localDate(of: now())
        return try await agencies.all().map { .init(code: $0.code.rawValue, name: $0.name(on: today)) }
    }

    private func listPage(_ principal: Principal, _ context: AppRequestContext, form: AdminUsersView.NewUser,
                          error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = AdminUsersView(frame: StaffFrame(principal, context), users: try await accounts.list(),
                                  agencies: try await agencyChoices(), form: form, error: error)
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }

    private func userPage(_ principal: Principal, _ context: AppRequestContext, user: UserRecord,
                          role: (String, [String])? = nil, error: String? = nil, notice: String? = nil,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = AdminUserView(frame: StaffFrame(principal, context), user: user, agencies: try await agencyChoices(),
                                 role: role?.0 ?? user.role, selectedAgencies: Set(role?.1 ?? user.agencyCodes),
                                 error: error, notice: notice)
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }
}
