import Foundation
import MotCuaCore
import MotCuaReports
import Plot

/// `/bao-cao`: the period picker, the report's state and downloads, the issue form, the preview and the
/// editor of its paragraphs.
struct ReportPageView {
    let frame: StaffFrame
    let model: ReportPageModel

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Báo cáo", current: StaffPaths.report,
            .h1(.text("Báo cáo cải cách hành chính")),
            model.input.pickerForm(action: StaffPaths.report, id: "chon-ky", sites: model.sites, site: model.input.site),
            .p(.id("trang-thai-bao-cao"), .text(status)),
            .unwrap(model.notice) { .p(.class("alert"), .attribute(named: "role", value: "status"), .text($0)) },
            // A refused edit with no editor to show it next to (an issued report, an unknown paragraph): say it here.
            .unwrap(unplacedParagraphProblem) {
                .p(.class("dash-error"), .attribute(named: "role", value: "alert"), .text($0.message))
            },
            .div(.class("report-actions"),
                 .a(.id("tai-docx"), .class("dash-button"), .escaped("href", ReportController.docxPath + "?" + model.periodQuery),
                    .text("Tải báo cáo (.docx)")),
                 .a(.id("tai-xlsx"), .class("dash-button"), .escaped("href", ReportController.xlsxPath + "?" + model.periodQuery),
                    .text("Tải biểu số liệu Mẫu 06 (.xlsx)")),
                 .unwrap(model.register) { register in
                     .a(.id("tai-so-theo-doi"), .class("dash-button"), .escaped("href", ReportController.registerPath + "?" + model.periodQuery),
                        .text(Self.registerLinkText(register)))
                 },
                 .a(.id("xem-truoc"), .escaped("href", ReportController.previewPath + "?" + model.periodQuery),
                    .attribute(named: "target", value: "_blank"), .text("Mở bản xem trước để in")),
                 .a(.id("du-lieu-bao-cao"), .escaped("href", ReportRecordsController.path + (model.periodQuery.isEmpty ? "" : "?" + model.periodQuery)),
                    .text("Văn bản, đào tạo, họp, bảng PAPI của kỳ"))),
            .if(!model.isIssued, windowForm),
            .if(!model.isIssued, issueForm),
            .h2(.text("Xem trước")),
            .iframe(.class("report-preview"), .escaped("src", ReportController.previewPath + "?" + model.periodQuery),
                    .attribute(named: "title", value: "Xem trước báo cáo")),
            .if(!model.isIssued, paragraphEditor)
        )
    }

    private var unplacedParagraphProblem: ReportPageModel.ParagraphProblem? {
        guard let problem = model.paragraphProblem else { return nil }
        return model.isIssued || !model.report.allParagraphs.contains { $0.id == problem.id } ? problem : nil
    }

    private var status: String {
        let range = "Kỳ báo cáo \(model.period.vietnameseRange)"
        if model.isIssued, let stored = model.stored {
            return "\(range): đã ban hành, số \(stored.number ?? "—") ngày \(stored.issuedOn?.vietnameseNumeric ?? "—"). Báo cáo đã chốt, không sửa được nữa."
        }
        let edits = model.edited.count
        return "\(range): bản dự thảo, số liệu mục III từ \(model.report.statisticsWindow.from.vietnameseNumeric) đến \(model.report.statisticsWindow.to.vietnameseNumeric)"
            + (edits > 0 ? "; \(edits) đoạn đã sửa." : ".")
    }

    private func periodFields() -> Node<HTML.FormContext> {
        .group(
            .input(.type(.hidden), .name("quy"), .escaped("value", model.input.quarter)),
            .input(.type(.hidden), .name("tu"), .escaped("value", model.input.from)),
            .input(.type(.hidden), .name("den"), .escaped("value", model.input.to)),
            .input(.type(.hidden), .name("noi-tiep-nhan"), .escaped("value", model.input.site)))
    }

    /// Section III counts the center's dossiers over its own window (the seed report: 9/6–7/9/2021).
    private var windowForm: Node<HTML.BodyContext> {
        let problem = model.windowProblem
        let window = model.report.statisticsWindow
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "khoang-tieu-de"),
            .h2(.id("khoang-tieu-de"), .text("Khoảng thời gian số liệu của mục III")),
            .unwrap(problem) { .p(.class("dash-error"), .id("loi-khoang"), .attribute(named: "role", value: "alert"), .text($0.message)) },
            .form(.id("khoang-so-lieu"), .class("inline"), .method(.post), .action(ReportController.windowPath),
                  frame.csrfField, periodFields(),
                  .div(.label(.for("so-lieu-tu"), .text("Từ ngày")),
                       .input(.type(.date), .id("so-lieu-tu"), .name("so_lieu_tu"),
                              .escaped("value", problem?.from ?? window.from.description), .required(true))),
                  .div(.label(.for("so-lieu-den"), .text("Đến ngày")),
                       .input(.type(.date), .id("so-lieu-den"), .name("so_lieu_den"),
                              .escaped("value", problem?.to ?? window.to.description), .required(true))),
                  .button(.type(.submit), .text("Lưu khoảng số liệu"))))
    }

    private var issueForm: Node<HTML.BodyContext> {
        let problem = model.issueProblem
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "ban-hanh-tieu-de"),
            .h2(.id("ban-hanh-tieu-de"), .text("Ban hành báo cáo")),
            .p(.class("muted"), .text("Ban hành sẽ chốt báo cáo: các lần tải sau đều nhận đúng bản đã ban hành, số liệu thay đổi sau đó không làm đổi báo cáo.")),
            .unwrap(problem) { .p(.class("dash-error"), .id("loi-ban-hanh"), .attribute(named: "role", value: "alert"), .text($0.message)) },
            .form(.id("ban-hanh"), .class("inline"), .method(.post), .action(ReportController.issuePath),
                  .attribute(named: "data-confirm", value: "Ban hành báo cáo? Sau khi ban hành, báo cáo không sửa được nữa."),
                  frame.csrfField, periodFields(),
                  .div(.label(.for("so-hieu"), .text("Số, ký hiệu")),
                       .input(.type(.text), .id("so-hieu"), .name("so_hieu"), .escaped("value", problem?.number ?? ""),
                              .attribute(named: "placeholder", value: "1076/BC-VPUBND"), .required(true))),
                  .div(.label(.for("ngay-ban-hanh"), .text("Ngày ban hành")),
                       .input(.type(.date), .id("ngay-ban-hanh"), .name("ngay_ban_hanh"), .escaped("value", problem?.date ?? ""),
                              .required(true))),
                  .button(.type(.submit), .text("Ban hành"))))
    }

    private var paragraphEditor: Node<HTML.BodyContext> {
        let edited = model.edited
        return .section(.attribute(named: "aria-labelledby", value: "sua-doan-van"),
            .h2(.id("sua-doan-van"), .text("Sửa các đoạn văn")),
            .p(.class("muted"), .text("Mỗi đoạn lưu riêng. Để trống rồi lưu để trả lại đoạn do hệ thống lập.")),
            .forEach(model.report.allParagraphs) { paragraph in
                let problem = model.paragraphProblem?.id == paragraph.id ? model.paragraphProblem : nil
                let fieldID = "doan-" + paragraph.id
                return .form(.class(edited.contains(paragraph.id) ? "paragraph-edit edited" : "paragraph-edit"),
                      .id("sua-" + fieldID), .method(.post), .action(ReportController.paragraphPath),
                      frame.csrfField, periodFields(),
                      .input(.type(.hidden), .name("doan"), .escaped("value", paragraph.id)),
                      .label(.escaped("for", fieldID), .text("Đoạn "), .span(.class("id"), .text(paragraph.id)),
                             .if(edited.contains(paragraph.id), .text(" (đã sửa)"))),
                      .unwrap(problem) { .p(.class("dash-error"), .attribute(named: "role", value: "alert"), .text($0.message)) },
                      .textarea(.id(fieldID), .name("noi_dung"), .attribute(named: "rows", value: "4"),
                                .text(problem?.text ?? paragraph.text)),
                      .button(.type(.submit), .text("Lưu đoạn")))
            })
    }

    /// "Tải sổ theo dõi hồ sơ — Mẫu số 07 (.xlsx)".
    static func registerLinkText(_ register: SlipFormSet.Register) -> String {
        "Tải " + register.title.lowercased() + " — " + register.label + " (.xlsx)"
    }
}
