import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot

/// `/ho-so/{code}`: the dossier's header, its steps (`#cac-buoc`), the actions this officer may take now
/// (`#hanh-dong-{slug}`), its timeline (`#dong-thoi-gian`), slips to print and attachments.
struct DossierPageView {
    let model: DossierPageModel

    private var dossier: Dossier { model.dossier }

    var document: HTML {
        let code = dossier.code.rawValue
        return SiteLayout.staffPage(model.frame, title: "Hồ sơ \(code)", current: nil,
            .div(.class("dossier-page"),
                .h1(.text("Hồ sơ \(code)")),
                messageNode,
                .p(.class("page-tools"),
                   .a(.href(StaffPaths.workQueue), .text("← Hồ sơ cần xử lý")),
                   .text(" "),
                   .button(.type(.button), .class("secondary"), .attribute(named: "data-print", value: "trang"), .text("In trang này"))),
                header,
                steps,
                actions,
                timeline,
                slips,
                attachments,
                notices
            )
        )
    }

    // MARK: Message

    private var messageNode: Node<HTML.BodyContext> {
        switch model.message {
        case .done(let text)?:
            return .p(.id("thong-bao"), .class("notice"), .attribute(named: "role", value: "status"), .text(text))
        case .failed(let text)?:
            return .p(.id("loi"), .class("alert"), .attribute(named: "role", value: "alert"), .text(text))
        case nil:
            return .empty
        }
    }

    // MARK: Header

    private var header: Node<HTML.BodyContext> {
        let applicant = dossier.applicant
        let personal = model.showsPersonalData ? applicant : nil
        return .section(.class("card dossier-header"), .attribute(named: "aria-labelledby", value: "thong-tin"),
            .h2(.id("thong-tin"), .text("Thông tin hồ sơ")),
            .dl(
                item("Mã hồ sơ", dossier.code.rawValue),
                item("Thủ tục", "\(model.procedureName) (\(dossier.procedure.code.rawValue))"),
                item("Cơ quan tiếp nhận", model.agencyName(dossier.code.agencyCode, on: dossier.registeredAt)),
                item("Cơ quan chủ quản thủ tục", model.agencyName(dossier.owningAgencyCode, on: dossier.registeredAt)),
                item("Người nộp", applicant?.name ?? "Không có dữ liệu (chuyển đổi từ hệ thống cũ)"),
                .unwrap(personal) { a in
                    .group(item("Số định danh", a.idNumber),
                           .unwrap(a.phone) { item("Điện thoại", $0) },
                           .unwrap(a.email) { item("Thư điện tử", $0) },
                           .unwrap(a.address) { item("Địa chỉ", $0) })
                },
                item("Kênh nộp", dossier.channel.vietnameseLabel),
                item("Căn cứ giải quyết", Self.regimeText(LegalRegime.of(dossier))),
                .dt(.text("Trạng thái")),
                .dd(.span(.id("trang-thai"), .class("status"), .text(dossier.status.vietnameseLabel))),
                item("Ngày nộp", VietnameseFormat.slipInstant(dossier.registeredAt)),
                .unwrap(dossier.forwarding) { forwarding in onBehalfItems(forwarding) },
                .unwrap(dossier.receivedAt) { item(dossier.forwarding == nil ? "Ngày tiếp nhận" : "Cơ quan có thẩm quyền tiếp nhận lúc", VietnameseFormat.slipInstant($0)) },
                .unwrap(dossier.citizenDueAt) { item("Hẹn trả kết quả", VietnameseFormat.slipInstant($0)) },
                .unwrap(dossier.dueExtension) { item("Hạn trước khi gia hạn", VietnameseFormat.slipInstant($0.previousDueAt)) },
                .unwrap(dossier.completedAt) { item("Có kết quả lúc", VietnameseFormat.slipInstant($0)) },
                .unwrap(dossier.outcome) { item("Kết quả", $0.vietnameseLabel) },
                .unwrap(dossier.verdict) { verdict in
                    .group(.dt(.text("Đánh giá")), .dd(.span(.class("verdict-\(verdict.rawValue)"), .text(verdict.vietnameseLabel))))
                },
                .unwrap(dossier.progress(at: model.now)) { progress in
                    .group(.dt(.text("Tiến độ")), .dd(.span(.class(progress == .overdue ? "overdue" : "within"), .text(progress.vietnameseLabel))))
                },
                .unwrap(dossier.returnedAt) { item("Trả kết quả lúc", VietnameseFormat.slipInstant($0)) },
                .unwrap(dossier.returnChannel) { item("Hình thức trả", $0 == .postal ? "Qua bưu chính công ích" : "Tại Bộ phận Một cửa") },
                .unwrap(dossier.closingReason) { item("Lý do", $0) }
            ),
            .if(!model.showsPersonalData && applicant != nil,
                .p(.class("muted"), .text("Thông tin cá nhân của người nộp chỉ hiển thị cho cán bộ của cơ quan giải quyết hồ sơ.")))
        )
    }

    /// Both receipt instants and both sites of a dossier accepted on behalf, with the forwarding's verdict.
    private func onBehalfItems(_ f: Forwarding) -> Node<HTML.DescriptionListContext> {
        let verdict: String = if let v = f.verdict { v.vietnameseLabel }
            else if f.isOverdue(at: model.now) { "Quá hạn chuyển" } else { "Trong hạn chuyển" }
        return .group(
            item("Nơi tiếp nhận (không phụ thuộc địa giới hành chính)", model.agencyName(f.acceptingSite, on: f.acceptedAt)),
            item("Tiếp nhận lúc", VietnameseFormat.slipInstant(f.acceptedAt)),
            item("Chuyển đến", model.agencyName(f.destination, on: f.acceptedAt)),
            item("Hạn chuyển", VietnameseFormat.slipInstant(f.dueAt)),
            item("Đã gửi lúc", f.sentAt.map { VietnameseFormat.slipInstant($0) + (f.channel.map { " (\($0.vietnameseLabel))" } ?? "") } ?? "Chưa gửi"),
            .dt(.text("Thời hạn chuyển")),
            .dd(.span(.id("han-chuyen"), .text(verdict))))
    }

    private func item(_ term: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(term)), .dd(.text(value)))
    }

    /// "Nghị định 118/2025/NĐ-CP (…); biểu mẫu theo Thông tư 03/2025/TT-VPCP", with the caveat when there is one.
    static func regimeText(_ regime: LegalRegime) -> String {
        "\(regime.title); biểu mẫu theo \(regime.forms)" + (regime.basisNote.map { " (\($0))" } ?? "")
    }

    // MARK: Steps

    private var steps: Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "tieu-de-cac-buoc"),
            .h2(.id("tieu-de-cac-buoc"), .text("Các bước xử lý")),
            .if(dossier.visits.isEmpty, .p(.class("muted"), .text("Hồ sơ chưa được chuyển xử lý."))),
            .div(.class("table-scroll"),
                .table(.id("cac-buoc"),
                    .thead(.tr(.th(.text("STT")), .th(.text("Bước")), .th(.text("Cơ quan")), .th(.text("Vai trò")),
                               .th(.text("Nhận lúc")), .th(.text("Hạn xử lý")), .th(.text("Kết thúc")), .th(.text("Đánh giá")))),
                    .tbody(.forEach(dossier.visits) { visit in
                        .tr(.td(.text("\(visit.number)")),
                            .td(.text(visit.name)),
                            .td(.text(model.agencyName(visit.agencyCode, on: visit.handedOverAt))),
                            .td(.text(visit.role)),
                            .td(.text(VietnameseFormat.slipInstant(visit.handedOverAt))),
                            .td(.text(VietnameseFormat.slipInstant(visit.dueAt))),
                            .td(.text(visit.endedAt.map(VietnameseFormat.slipInstant) ?? "—"),
                                .unwrap(visit.exit) { .span(.class("muted"), .text(" (\(Self.exitLabel($0)))")) }),
                            .td(stepVerdict(visit)))
                    })
                )
            )
        )
    }

    private func stepVerdict(_ visit: StepVisit) -> Node<HTML.BodyContext> {
        if let verdict = visit.verdict {
            return .span(.class("verdict-\(verdict.rawValue)"), .text(verdict.vietnameseLabel))
        }
        guard visit.isOpen else { return .text("—") }
        let overdue = model.now > visit.dueAt
        return .span(.class(overdue ? "overdue" : "within"), .text(overdue ? "Đang xử lý, quá hạn" : "Đang xử lý, trong hạn"))
    }

    /// "850 KB", "2,4 MB": a file's size as officers read it.
    static func size(_ bytes: Int) -> String {
        bytes < 1_048_576
            ? "\(VietnameseFormat.integer(max(1, (bytes + 1023) / 1024))) KB"
            : "\(VietnameseFormat.decimal(Double(bytes) / 1_048_576)) MB"
    }

    static func exitLabel(_ exit: StepExit) -> String {
        switch exit {
        case .forwarded: "chuyển bước sau"
        case .finished: "hoàn thành"
        case .sentBack: "chuyển lại bước trước"
        case .refused: "từ chối giải quyết"
        case .withdrawn: "rút hồ sơ"
        case .stopped: "dừng xử lý"
        }
    }

    // MARK: Actions

    private var actions: Node<HTML.BodyContext> {
        .section(.class("dossier-actions"), .attribute(named: "aria-labelledby", value: "tieu-de-thao-tac"),
            .h2(.id("tieu-de-thao-tac"), .text("Thao tác")),
            .if(model.actions.isEmpty,
                .p(.class("muted"), .text("Bạn không có thao tác nào với hồ sơ ở trạng thái này."))),
            .forEach(model.actions) { actionForm($0) }
        )
    }

    private func actionForm(_ action: DossierPageAction) -> Node<HTML.BodyContext> {
        typealias F = DossierPageAction.Field
        let problem = model.resubmission?.action == action ? model.resubmission?.problemField : nil
        return .form(.id(action.formID), .class("card action"), .method(.post),
                     .escaped("action", DossierPageController.actionPath(dossier.code.rawValue, action)),
                     .unwrap(action.confirmation) { .escaped("data-confirm", $0) },
                     model.frame.csrfField,
                     .input(.type(.hidden), .name(F.version), .escaped("value", "\(dossier.version)")),
                     .fieldset(.element(named: "legend", text: action.buttonLabel),
                               fields(of: action, problem: problem),
                               .p(.button(.type(.submit), .text(action.buttonLabel)))))
    }

    private func fields(of action: DossierPageAction, problem: String?) -> Node<HTML.FormContext> {
        typealias F = DossierPageAction.Field
        switch action {
        case .receive:
            return .p(.class("muted"), .text("Hồ sơ đã đầy đủ, hợp lệ: tiếp nhận và hẹn ngày trả kết quả."))
        case .transfer:
            return .p(.class("muted"), .text("Chuyển hồ sơ đến bước đầu tiên của quy trình nội bộ."))
        case .withdraw:
            return textArea(action, F.reason, "Lý do rút (không bắt buộc)", required: false, problem: problem)
        case .receiveSupplement, .completeStep:
            return textArea(action, F.note, "Ghi chú (không bắt buộc)", required: false, problem: problem)
        case .sendBack, .refuse, .refuseAtDesk:
            return textArea(action, F.reason, "Lý do", required: true, problem: problem)
        case .requestSupplement:
            return .group(textArea(action, F.reason, "Lý do yêu cầu bổ sung", required: true, problem: problem),
                          textArea(action, F.documents, "Giấy tờ cần bổ sung (mỗi giấy tờ một dòng)", required: true, problem: problem))
        case .extend:
            let id = "\(action.rawValue)-\(F.newDue)"
            return .group(
                .p(.label(.attribute(named: "for", value: id), .text("Ngày giờ hẹn trả mới")),
                   .input(.id(id), .name(F.newDue), .attribute(named: "type", value: "datetime-local"),
                          .escaped("value", model.kept(action, F.newDue) ?? ""), .required(true),
                          .escaped("aria-invalid", problem == F.newDue ? "true" : ""),
                          .escaped("aria-describedby", problem == F.newDue ? "loi" : ""))),
                textArea(action, F.reason, "Lý do chậm trễ", required: true, problem: problem),
                textInput(action, F.apologyLetter, "Số phiếu xin lỗi (không bắt buộc)"))
        case .recordResult:
            let chosen = model.kept(action, F.outcome) ?? DossierOutcome.approved.rawValue
            return .group(
                select(action, F.outcome, "Kết quả", DossierOutcome.allCases.map { ($0.rawValue, $0.vietnameseLabel) }, chosen),
                textArea(action, F.note, "Ghi chú (không bắt buộc)", required: false, problem: problem))
        case .returnResult:
            let chosen = model.kept(action, F.returnChannel) ?? "counter"
            return select(action, F.returnChannel, "Hình thức trả kết quả",
                          [("counter", "Tại Bộ phận Một cửa"), ("postal", "Qua bưu chính công ích")], chosen)
        case .requestPayment:
            return .group(
                textInput(action, F.amount, "Số tiền phải nộp (đồng)", required: true, problem: problem, inputMode: "numeric"),
                textInput(action, F.paymentDescription, "Nội dung (phí, lệ phí, nghĩa vụ tài chính)", required: true, problem: problem))
        case .confirmPayment:
            let chosen = model.kept(action, F.paymentChannel) ?? PaymentChannel.counter.rawValue
            return .group(
                .unwrap(dossier.pendingPayment) { pending in
                    .p(.class("muted"), .text("Khoản phải nộp: \(VietnameseFormat.money(pending.amountVND)) — \(pending.description)"))
                },
                select(action, F.paymentChannel, "Kênh thanh toán",
                       PaymentChannel.allCases.map { ($0.rawValue, $0.vietnameseLabel) }, chosen),
                textInput(action, F.reference, "Số biên lai, chứng từ (không bắt buộc)", problem: problem))
        case .forward:
            let chosen = model.kept(action, F.forwardingChannel) ?? ForwardingChannel.electronic.rawValue
            return .group(
                .unwrap(dossier.forwarding) { f in
                    .p(.class("muted"), .text("Chuyển đến \(model.agencyName(f.destination, on: f.acceptedAt)) trước \(VietnameseFormat.slipInstant(f.dueAt))."))
                },
                select(action, F.forwardingChannel, "Hình thức chuyển",
                       ForwardingChannel.allCases.map { ($0.rawValue, $0.vietnameseLabel) }, chosen),
                textArea(action, F.note, "Ghi chú (không bắt buộc)", required: false, problem: problem))
        }
    }

    private func textArea(_ action: DossierPageAction, _ name: String, _ label: String, required: Bool,
                          problem: String?) -> Node<HTML.FormContext> {
        let id = "\(action.rawValue)-\(name)"
        return .p(.label(.attribute(named: "for", value: id), .text(label)),
                  .textarea(.id(id), .name(name), .attribute(named: "rows", value: "3"), .required(required),
                            .if(problem == name, .group(.attribute(named: "aria-invalid", value: "true"),
                                                        .attribute(named: "aria-describedby", value: "loi"))),
                            .text(model.kept(action, name) ?? "")))
    }

    private func textInput(_ action: DossierPageAction, _ name: String, _ label: String, required: Bool = false,
                           problem: String? = nil, inputMode: String? = nil) -> Node<HTML.FormContext> {
        let id = "\(action.rawValue)-\(name)"
        return .p(.label(.attribute(named: "for", value: id), .text(label)),
                  .input(.id(id), .name(name), .type(.text), .escaped("value", model.kept(action, name) ?? ""),
                         .required(required), .escaped("inputmode", inputMode ?? ""),
                         .escaped("aria-invalid", problem == name ? "true" : ""),
                         .escaped("aria-describedby", problem == name ? "loi" : "")))
    }

    private func select(_ action: DossierPageAction, _ name: String, _ label: String,
                        _ options: [(value: String, label: String)], _ chosen: String) -> Node<HTML.FormContext> {
        let id = "\(action.rawValue)-\(name)"
        return .p(.label(.attribute(named: "for", value: id), .text(label)),
                  .select(.attribute(named: "id", value: id), .attribute(named: "name", value: name), .forEach(options) { option in
                      .element(named: "option", nodes: [
                          Node<HTML.BodyContext>.escaped("value", option.value),
                          option.value == chosen ? .attribute(named: "selected", value: "selected") : .empty,
                          .text(option.label),
                      ])
                  }))
    }

    // MARK: Timeline

    private var timeline: Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "tieu-de-dong-thoi-gian"),
            .h2(.id("tieu-de-dong-thoi-gian"), .text("Dòng thời gian")),
            .ol(.id("dong-thoi-gian"), .class("timeline"), .forEach(model.events) { event in
                .li(.escaped("data-sequence", "\(event.sequence)"),
                    .span(.class("when"), .text(VietnameseFormat.slipInstant(event.at))),
                    .text(" — "),
                    .strong(.text(event.kind.vietnameseLabel)),
                    .text(" — "),
                    .span(.class("who"), .text(model.actorName(event.actor))),
                    .forEach(DossierEventDetails.lines(of: event, agencyName: model.agencyName)) {
                        .div(.class("detail"), .text($0))
                    })
            })
        )
    }

    // MARK: Slips and attachments

    private var slips: Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "tieu-de-phieu"),
            .h2(.id("tieu-de-phieu"), .text("Phiếu in")),
            .if(model.slips.isEmpty, .p(.class("muted"), .text("Chưa có phiếu nào để in."))),
            .ul(.id("phieu-in"), .forEach(model.slips) { slip in
                .li(.text("\(slip.label): \(slip.name) — "),
                    .a(.escaped("href", slip.htmlPath), .attribute(named: "target", value: "_blank"),
                       .attribute(named: "rel", value: "noopener"), .text("Xem để in")),
                    .text(" · "),
                    .a(.escaped("href", slip.docxPath), .text("Tải tệp Word")))
            })
        )
    }

    /// What the applicant was told, by which channel, and whether it went through (Decree 224/2026 Art. 15.1g).
    /// The address or number is shown only to those who may read the applicant's personal data.
    private var notices: Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "tieu-de-thong-bao"),
            .h2(.id("tieu-de-thong-bao"), .text("Thông báo cho người nộp")),
            .if(model.notices.isEmpty, .p(.class("muted"), .text("Chưa có thông báo nào."))),
            .if(!model.notices.isEmpty, .div(.class("table-scroll"), .table(.id("thong-bao-nguoi-nop"),
                .thead(.tr(.th(.text("Lúc")), .th(.text("Nội dung")), .th(.text("Kênh")), .th(.text("Người nhận")),
                           .th(.text("Tình trạng")), .th(.text("Lần gửi")), .th(.text("Phản hồi")))),
                .tbody(.forEach(model.notices) { notice in
                    .tr(.td(.text(VietnameseFormat.slipInstant(notice.createdAt))),
                        .td(.text(NoticeTemplate.Key(rawValue: notice.template).map(Self.noticeLabel) ?? notice.template)),
                        .td(.text(notice.channel.vietnameseLabel)),
                        .td(.text(model.showsPersonalData ? notice.recipient : Applicant.hiddenMark)),
                        .td(.span(.class(notice.state == .failed ? "overdue" : "within"), .text(notice.state.vietnameseLabel))),
                        .td(.text("\(notice.attempts)")),
                        .td(.text(notice.lastAnswer.map { String($0.prefix(120)) } ?? "")))
                })
            )))
        )
    }

    static func noticeLabel(_ key: NoticeTemplate.Key) -> String {
        switch key {
        case .received: "Đã tiếp nhận, hẹn trả"
        case .acceptedOnBehalf: "Đã tiếp nhận, chuyển cơ quan có thẩm quyền"
        case .supplementRequested: "Yêu cầu bổ sung"
        case .supplementReceived: "Đã nhận bổ sung"
        case .extended: "Gia hạn, xin lỗi"
        case .paymentRequested: "Nghĩa vụ tài chính"
        case .resultReady: "Đã có kết quả"
        case .resultReturned: "Đã trả kết quả"
        case .refused: "Từ chối"
        case .stopped: "Dừng giải quyết"
        case .withdrawn: "Rút hồ sơ"
        }
    }

    private var attachments: Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "tieu-de-tep"),
            .h2(.id("tieu-de-tep"), .text("Tệp đính kèm")),
            .if(model.attachments.isEmpty, .p(.class("muted"), .text("Hồ sơ không có tệp đính kèm."))),
            .ul(.id("tep-dinh-kem"), .forEach(model.attachments) { file in
                .li(.a(.escaped("href", AttachmentController.path(dossier: dossier.code.rawValue, id: file.id)),
                       .text(file.fileName)),
                    .span(.class("muted"),
                          .text(" — \(Self.size(file.size)), nộp lúc \(VietnameseFormat.slipInstant(file.uploadedAt))")))
            })
        )
    }
}
