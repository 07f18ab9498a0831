import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// `/bao-cao`: the quarterly administrative-reform report of a period for the center's manager and the
/// administrator — preview, paragraph edits, issue (freeze) and downloads. The report is assembled by
/// `QuarterlyReports.prepare`, as `motcua report` does.
struct ReportController: Sendable {
    static let path = StaffPaths.report
    static let previewPath = StaffPaths.report + "/xem-truoc"
    static let docxPath = StaffPaths.report + "/tai-ve/bao-cao.docx"
    static let xlsxPath = StaffPaths.report + "/tai-ve/mau-06.xlsx"
    static let registerPath = StaffPaths.report + "/tai-ve/so-theo-doi.xlsx"
    static let paragraphPath = StaffPaths.report + "/doan-van"
    static let issuePath = StaffPaths.report + "/ban-hanh"
    static let windowPath = StaffPaths.report + "/khoang-so-lieu"
    static let formLimit = 256 * 1024
    static let paragraphLimit = 20_000

    let database: Database
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.get(RouterPath(Self.previewPath), use: preview)
        router.get(RouterPath(Self.docxPath), use: docx)
        router.get(RouterPath(Self.xlsxPath), use: xlsx)
        router.get(RouterPath(Self.registerPath), use: register)
        router.post(RouterPath(Self.paragraphPath), use: editParagraph)
        router.post(RouterPath(Self.issuePath), use: issue)
        router.post(RouterPath(Self.windowPath), use: setWindow)
    }

    private var reports: QuarterlyReports { QuarterlyReports(database: database) }

    private func principal(_ request: Request, _ context: AppRequestContext) throws -> Principal {
        try context.requireRole(request, .manager, .administrator)
    }

    private func today() -> LocalDate { VietnamTime.localDate(of: now()) }

    /// The page, or a 400 page naming what was wrong with the period.
    private func page(_ frame: StaffFrame, _ input: ReportingPeriodInput, status: HTTPResponse.Status = .ok,
                      change: (inout ReportPageModel) -> Void = { _ in }) async throws -> Response {
        let period: StatisticsPeriod
        do throws(ReportingPeriodInput.Invalid) { period = try input.period(today: today()) } catch {
            return HTMLResponse.make(PeriodErrorView(frame: frame, input: input, message: error.message, title: "Báo cáo",
                                                        path: Self.path).document,
                                     status: .badRequest, headers: [.cacheControl: "no-store"])
        }
        let directory = try await AgencyStore(database: database).directory()
        let site: AgencyCode?
        do throws(ReportingPeriodInput.Invalid) { site = try input.siteCode(in: directory) } catch {
            return HTMLResponse.make(PeriodErrorView(frame: frame, input: input, message: error.message, title: "Báo cáo",
                                                        path: Self.path).document,
                                     status: .badRequest, headers: [.cacheControl: "no-store"])
        }
        var model = ReportPageModel(input: input, period: period, report: try await reports.prepare(period, agency: site),
                                    stored: try await reports.stored(period, agency: site))
        model.sites = Self.siteChoices(directory, today: today())
        model.register = SlipFormSet.inForce(on: period.to, among: try await SlipLoader.allFormSets(database)).register
        change(&model)
        return HTMLResponse.make(ReportPageView(frame: frame, model: model).document,
                                 status: status, headers: [.cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = StaffFrame(try principal(request, context), context)
        let notice: String? = switch request.uri.queryParameters.get("da") {
        case "sua": "Đã lưu đoạn văn."
        case "ban-hanh": "Đã ban hành báo cáo."
        case "khoang": "Đã lưu khoảng thời gian số liệu của mục III."
        default: nil
        }
        return try await page(frame, ReportingPeriodInput(query: request)) { $0.notice = notice }
    }

    /// The report as its printable HTML page (the renderer of `motcua report --format html`). That page
    /// carries its own A4 stylesheet inline and no script, so this response alone allows inline style —
    /// and may be framed by our own report page.
    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try principal(request, context)
        let input = ReportingPeriodInput(query: request)
        let period = try self.period(input)
        let html = QuarterlyReportHTMLRenderer.render(try await reports.prepare(period, agency: try await site(input)))
        return Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
            HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN",
        ], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The DOCX of the report: an issued report is rendered from its frozen content, so it downloads the
    /// same bytes every time.
    @Sendable func docx(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try principal(request, context)
        let input = ReportingPeriodInput(query: request)
        let period = try self.period(input)
        return download(try QuarterlyReportDocxRenderer.docx(try await reports.prepare(period, agency: try await site(input))),
                        name: ReportPageModel.fileName("bao-cao", "docx", period: period),
                        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    /// Form 06 (Circular 01/2020/TT-VPCP) of the report's statistics window, per owning agency: after the
    /// issue, the rows frozen with the report.
    @Sendable func xlsx(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try principal(request, context)
        let input = ReportingPeriodInput(query: request)
        let period = try self.period(input)
        let site = try await site(input)
        let report = try await reports.prepare(period, agency: site)
        let window = try StatisticsPeriod(from: report.statisticsWindow.from, to: report.statisticsWindow.to)
        // An issued report carries the rows it was issued with; a draft's are read now.
        let workbook = if let rows = report.form06Rows { Form06Workbook(period: window, rows: rows) } else {
            try await Form06Workbook.load(window, database: database,
                                          scope: StatisticsScope(sites: try await AgencyStore(database: database).directory().siteGroup(ofOptional: site)))
        }
        let data = try workbook.workbook().xlsxData()
        return download(data, name: ReportPageModel.fileName("mau-06", "xlsx", period: period),
                        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    /// The dossier register (Sổ theo dõi hồ sơ) of the period, of the site asked for or of every site.
    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try principal(request, context)
        let input = ReportingPeriodInput(query: request)
        let period = try self.period(input)
        let register: DossierRegister
        do { register = try await DossierRegister.load(period, site: try await site(input), database: database) } catch let error as DossierRegister.Unavailable {
            throw PageRefusal(page: SimplePage.response(status: .notFound, title: "Không có sổ theo dõi hồ sơ", message: error.vietnameseMessage))
        }
        return download(try register.workbook().xlsxData(), name: ReportPageModel.fileName("so-theo-doi", "xlsx", period: period),
                        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    private func download(_ data: Data, name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"",
                                        .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The period asked for; a 400 page that says what is wrong with it otherwise.
    private func period(_ input: ReportingPeriodInput) throws -> StatisticsPeriod {
        do throws(ReportingPeriodInput.Invalid) { return try input.period(today: today()) } catch {
            throw PageRefusal(page: SimplePage.response(status: .badRequest, title: "Kỳ báo cáo không hợp lệ", message: error.message))
        }
    }

    /// The site asked for (nil: the whole province); a 400 page for an unknown one.
    private func site(_ input: ReportingPeriodInput) async throws -> AgencyCode? {
        let directory = try await AgencyStore(database: database).directory()
        do throws(ReportingPeriodInput.Invalid) { return try input.siteCode(in: directory) } catch {
            throw PageRefusal(page: SimplePage.response(status: .badRequest, title: "Nơi tiếp nhận không hợp lệ", message: error.message))
        }
    }

    /// The sites a report can be limited to (none when the province has one).
    static func siteChoices(_ directory: AgencyDirectory, today: LocalDate) -> [(code: String, name: String)] {
        let sites = directory.sites.filter { !$0.hasEnded(before: today) }.map { (code: $0.code.rawValue, name: $0.name(on: today)) }
        return sites.count > 1 ? sites : []
    }

    /// The period fields a report form carries as hidden inputs.
    private static func input(from form: FormFields) -> ReportingPeriodInput {
        ReportingPeriodInput(quarter: (form["quy"] ?? "").trimmingCharacters(in: .whitespaces),
                             from: (form["tu"] ?? "").trimmingCharacters(in: .whitespaces),
                             to: (form["den"] ?? "").trimmingCharacters(in: .whitespaces),
                             site: (form["noi-tiep-nhan"] ?? "").trimmingCharacters(in: .whitespaces))
    }

    private static func redirect(_ input: ReportingPeriodInput, done: String, anchor: String = "") -> Response {
        let query = input.query
        return Response(status: .seeOther,
                        headers: [.location: Self.path + "?" + (query.isEmpty ? "" : query + "&") + "da=\(done)" + anchor])
    }

    @Sendable func editParagraph(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = StaffFrame(try principal(request, context), context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let input = Self.input(from: form)
        guard let period = try? input.period(today: today()) else { return try await page(frame, input) }
        let id = form["doan"] ?? ""
        let text = (form["noi_dung"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        func refuse(_ message: String, status: HTTPResponse.Status = .unprocessableContent) async throws -> Response {
            try await page(frame, input, status: status) { $0.paragraphProblem = .init(id: id, text: text, message: message) }
        }
        let site = try await site(input)
        let current = try await reports.prepare(period, agency: site)
        guard current.allParagraphs.contains(where: { $0.id == id }) else {
            return try await refuse("Không tìm thấy đoạn văn “\(id)” trong báo cáo của kỳ này.")
        }
        guard text.count <= Self.paragraphLimit else {
            return try await refuse("Đoạn văn dài quá \(Self.paragraphLimit) ký tự: vui lòng rút gọn.")
        }
        do {
            _ = try await reports.prepare(period, agency: site, changes: QuarterlyReportChanges(overrides: [id: text]), by: frame.principal.username)
        } catch let error as QuarterlyReportError {
            return try await refuse(error.vietnameseMessage, status: .conflict)
        }
        return Self.redirect(input, done: "sua", anchor: "#sua-doan-\(id)")
    }

    @Sendable func issue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = StaffFrame(try principal(request, context), context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let input = Self.input(from: form)
        guard let period = try? input.period(today: today()) else { return try await page(frame, input) }
        let number = (form["so_hieu"] ?? "").trimmingCharacters(in: .whitespaces)
        let dateText = (form["ngay_ban_hanh"] ?? "").trimmingCharacters(in: .whitespaces)
        func refuse(_ message: String, status: HTTPResponse.Status = .unprocessableContent) async throws -> Response {
            try await page(frame, input, status: status) { $0.issueProblem = .init(number: number, date: dateText, message: message) }
        }
        guard Self.isDocumentNumber(number) else {
            return try await refuse("Số, ký hiệu phải có dạng số/ký hiệu, ví dụ 1076/BC-VPUBND.")
        }
        guard let date = try? LocalDate(iso: dateText) else {
            return try await refuse("Ngày ban hành không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-09-15).")
        }
        guard date >= period.from else {
            return try await refuse("Ngày ban hành không thể trước ngày đầu kỳ báo cáo (\(period.from.vietnameseNumeric)).")
        }
        do {
            _ = try await reports.prepare(period, agency: try await site(input),
                                          changes: QuarterlyReportChanges(issue: .init(number: number, issuedOn: date)),
                                          by: frame.principal.username)
        } catch let error as QuarterlyReportError {
            return try await refuse(error.vietnameseMessage, status: .conflict)
        }
        return Self.redirect(input, done: "ban-hanh")
    }

    /// Section III's statistics window, saved with the draft (`motcua report --statistics-from/--statistics-to`).
    @Sendable func setWindow(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = StaffFrame(try principal(request, context), context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let input = Self.input(from: form)
        guard let period = try? input.period(today: today()) else { return try await page(frame, input) }
        let fromText = (form["so_lieu_tu"] ?? "").trimmingCharacters(in: .whitespaces)
        let toText = (form["so_lieu_den"] ?? "").trimmingCharacters(in: .whitespaces)
        func refuse(_ message: String, status: HTTPResponse.Status = .unprocessableContent) async throws -> Response {
            try await page(frame, input, status: status) { $0.windowProblem = .init(from: fromText, to: toText, message: message) }
        }
        guard let from = try? LocalDate(iso: fromText), let to = try? LocalDate(iso: toText) else {
            return try await refuse("Ngày của khoảng số liệu không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-06-09).")
        }
        guard from <= to, let window = try? StatisticsPeriod(from: from, to: to) else {
            return try await refuse("Ngày kết thúc của khoảng số liệu phải sau hoặc trùng ngày bắt đầu.")
        }
        guard from.days(to: to) <= 366 else { return try await refuse("Khoảng số liệu dài tối đa một năm.") }
        do {
            _ = try await reports.prepare(period, agency: try await site(input), changes: QuarterlyReportChanges(statisticsWindow: window),
                                          by: frame.principal.username)
        } catch let error as QuarterlyReportError {
            return try await refuse(error.vietnameseMessage, status: .conflict)
        }
        return Self.redirect(input, done: "khoang")
    }

    /// "1076/BC-VPUBND": a number, a slash, a symbol of letters, digits and dashes (Decree 30/2020).
    static func isDocumentNumber(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.count <= 60, parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber),
              !parts[1].isEmpty else { return false }
        return parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "/" }
    }
}
