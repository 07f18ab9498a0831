import Foundation
import MotCuaCore
import Plot

/// `/bao-cao/du-lieu`: the records behind the report of a period — the register of issued documents and
/// the entries (training, meetings, the PAPI table …) — listed, added, edited and removed.
struct ReportRecordsView {
    let frame: StaffFrame
    let input: ReportingPeriodInput
    let period: StatisticsPeriod
    let documents: [IssuedDocument]
    let entries: [ReportEntry]
    var documentForm = IssuedDocumentForm()
    var entryForm = ReportEntryForm()
    var documentProblem: String? = nil
    var entryProblem: String? = nil

    private var back: String { StaffPaths.report + (input.query.isEmpty ? "" : "?" + input.query) }

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Dữ liệu báo cáo", current: StaffPaths.report,
            .h1(.text("Dữ liệu của báo cáo")),
            .p(.text("Kỳ báo cáo \(period.vietnameseRange). "), .a(.escaped("href", back), .text("‹ Về báo cáo"))),
            .h2(.id("van-ban"), .text("Văn bản đã ban hành (\(documents.count))")),
            .if(documents.isEmpty, .p(.text("Chưa có văn bản nào trong kỳ."))),
            .if(!documents.isEmpty, .div(.class("table-scroll"), .table(.id("danh-sach-van-ban"),
                .thead(.tr(.th(.text("Số, ký hiệu")), .th(.text("Ngày")), .th(.text("Loại")), .th(.text("Trích yếu")),
                           .th(.text("Mục")), .th(.text("Thao tác")))),
                .tbody(.forEach(documents) { d in
                    .tr(.td(.text(d.number)), .td(.text(d.date.vietnameseNumeric)), .td(.text(d.type)), .td(.text(d.subject)),
                        .td(.text(d.reportSection ?? "—")),
                        .td(actions(edit: "sua-van-ban", id: d.id, delete: ReportRecordsController.deleteDocumentPath,
                                    question: "Xoá văn bản \(d.number)?")))
                })))),
            documentEditor,
            .h2(.id("muc-ghi-nhan"), .text("Mục ghi nhận (\(entries.count))")),
            .if(entries.isEmpty, .p(.text("Chưa có mục nào trong kỳ."))),
            .if(!entries.isEmpty, .div(.class("table-scroll"), .table(.id("danh-sach-muc"),
                .thead(.tr(.th(.text("Loại")), .th(.text("Ngày")), .th(.text("Nội dung")), .th(.text("Số lượng")), .th(.text("Thao tác")))),
                .tbody(.forEach(entries) { e in
                    .tr(.td(.text(ReportEntryForm.label(e.kind))), .td(.text(e.date.vietnameseNumeric)),
                        .td(.text([e.title, e.category, e.text].filter { !$0.isEmpty }.joined(separator: " — "))),
                        .td(.class("number"), .text(String(e.count))),
                        .td(actions(edit: "sua-muc", id: e.id, delete: ReportRecordsController.deleteEntryPath,
                                    question: "Xoá mục này?")))
                })))),
            entryEditor)
    }

    private func periodFields() -> Node<HTML.FormContext> {
        .group(.input(.type(.hidden), .name("quy"), .escaped("value", input.quarter)),
               .input(.type(.hidden), .name("tu"), .escaped("value", input.from)),
               .input(.type(.hidden), .name("den"), .escaped("value", input.to)))
    }

    private func actions(edit parameter: String, id: String, delete path: String, question: String) -> Node<HTML.BodyContext> {
        let query = (input.query.isEmpty ? "" : input.query + "&") + "\(parameter)=" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return .div(.class("report-actions"),
            .a(.escaped("href", ReportRecordsController.path + "?" + query), .text("Sửa")),
            .form(.method(.post), .escaped("action", path), .escaped("data-confirm", question), frame.csrfField, periodFields(),
                  .input(.type(.hidden), .name("id"), .escaped("value", id)),
                  .button(.type(.submit), .text("Xoá"))))
    }

    private func field(_ id: String, _ label: String, _ name: String, _ value: String, type: HTMLInputType = .text,
                       required: Bool = false) -> Node<HTML.FormContext> {
        .div(.label(.for(id), .text(label)),
             .input(.type(type), .id(id), .name(name), .escaped("value", value), .required(required)))
    }

    private var documentEditor: Node<HTML.BodyContext> {
        let f = documentForm
        return .section(.class("card"),
            .h3(.text(f.id.isEmpty ? "Thêm văn bản" : "Sửa văn bản")),
            .unwrap(documentProblem) { .p(.class("dash-error"), .id("loi-van-ban"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.id("form-van-ban"), .class("inline"), .method(.post), .action(ReportRecordsController.documentPath),
                  frame.csrfField, periodFields(), .input(.type(.hidden), .name("id"), .escaped("value", f.id)),
                  field("vb-so", "Số, ký hiệu", "so", f.number, required: true),
                  field("vb-ngay", "Ngày", "ngay", f.date, type: .date, required: true),
                  field("vb-loai", "Loại văn bản", "loai", f.type, required: true),
                  field("vb-co-quan", "Cơ quan ban hành", "co_quan", f.issuer, required: true),
                  field("vb-trich-yeu", "Trích yếu", "trich_yeu", f.subject, required: true),
                  field("vb-muc", "Mục của báo cáo (I.1, II.2…)", "muc", f.section),
                  field("vb-the", "Thẻ (CCHC, PAPI…)", "the", f.tags),
                  .button(.type(.submit), .text(f.id.isEmpty ? "Thêm" : "Lưu"))))
    }

    private var entryEditor: Node<HTML.BodyContext> {
        let f = entryForm
        return .section(.class("card"),
            .h3(.text(f.id.isEmpty ? "Thêm mục ghi nhận" : "Sửa mục ghi nhận")),
            .p(.class("muted"), .text("Họp trực tuyến: phân loại là central, central_province_district hoặc province_district. Hỏi đáp: answered, in_progress hoặc new. Bảng PAPI: tiêu đề là nhóm chỉ số, phân loại là chỉ số, nội dung là nhiệm vụ.")),
            .unwrap(entryProblem) { .p(.class("dash-error"), .id("loi-muc"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.id("form-muc"), .class("inline"), .method(.post), .action(ReportRecordsController.entryPath),
                  frame.csrfField, periodFields(), .input(.type(.hidden), .name("id"), .escaped("value", f.id)),
                  .div(.label(.for("muc-loai"), .text("Loại")),
                       .select(.id("muc-loai"), .attribute(named: "name", value: "loai"),
                               .forEach(ReportEntryForm.kinds) { kind, label in
                                   .option(.value(kind.rawValue), .label(label), .isSelected(kind.rawValue == f.kind))
                               })),
                  field("muc-ngay", "Ngày", "ngay", f.date, type: .date, required: true),
                  field("muc-muc", "Mục của báo cáo", "muc", f.section),
                  field("muc-phan-loai", "Phân loại", "phan_loai", f.category),
                  field("muc-so-luong", "Số lượng", "so_luong", f.count, type: .number),
                  field("muc-tieu-de", "Tiêu đề", "tieu_de", f.title),
                  .div(.label(.for("muc-noi-dung"), .text("Nội dung")),
                       .textarea(.id("muc-noi-dung"), .name("noi_dung"), .attribute(named: "rows", value: "3"), .text(f.text))),
                  field("muc-ket-qua", "Kết quả", "ket_qua", f.result),
                  .button(.type(.submit), .text(f.id.isEmpty ? "Thêm" : "Lưu"))))
    }
}
