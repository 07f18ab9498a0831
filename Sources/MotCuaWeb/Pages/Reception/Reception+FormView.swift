import MotCuaCore
import MotCuaReports
import Plot

/// `/tiep-nhan/{procedureCode}`: what the procedure needs, the checklist of documents handed in, the
/// applicant, and three outcomes: receive (Mẫu 01), supplement guide (Mẫu 02), refusal (Mẫu 03).
struct ReceptionFormView {
    struct Model: Sendable {
        let procedure: Procedure
        var fields: ApplicantFields
        var channel: Channel
        /// Indices of the procedure's documents ticked as handed in.
        var checked: Set<Int>
        var note: String
        var reason: String
        var error: String?

        init(procedure: Procedure, fields: ApplicantFields, channel: Channel, checked: Set<Int>, note: String,
             reason: String, error: String?) {
            self.procedure = procedure
            self.fields = fields
            self.channel = channel
            self.checked = checked
            self.note = note
            self.reason = reason
            self.error = error
        }

        init(procedure: Procedure, form: FormFields) {
            let checked = Set(form.all("giay_to").compactMap(Int.init).filter { procedure.documents.indices.contains($0) })
            // The desk receives at the counter or what came by post; online dossiers arrive through the portal.
            let channel = Channel(rawValue: form["kenh"] ?? "").flatMap { $0 == .online ? nil : $0 } ?? .counter
            self.init(procedure: procedure, fields: ApplicantFields(form), channel: channel, checked: checked,
                      note: String((form["ghi_chu"] ?? "").prefix(1000)).trimmingCharacters(in: .whitespacesAndNewlines),
                      reason: String((form["ly_do"] ?? "").prefix(2000)).trimmingCharacters(in: .whitespacesAndNewlines),
                      error: nil)
        }

        /// The names of the documents not ticked.
        var missingDocuments: [String] {
            procedure.documents.indices.filter { !checked.contains($0) }.map { procedure.documents[$0].name }
        }
    }

    let frame: StaffFrame
    let model: Model

    var document: HTML {
        let p = model.procedure
        return SiteLayout.staffPage(frame, title: "Tiếp nhận: \(p.name)", current: StaffPaths.reception,
            .p(.a(.href(ReceptionController.path), .text("← Tìm thủ tục khác"))),
            .h1(.text(p.name)),
            facts,
            .unwrap(model.error) { .p(.class("alert"), .id("loi-tiep-nhan"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.id("form-tiep-nhan"), .class("reception-form"), .method(.post), .escaped("action", action),
                  frame.csrfField,
                  checklist,
                  .h2(.text("Người nộp hồ sơ")),
                  model.fields.inputs,
                  channelAndNote,
                  .div(.class("actions"),
                       .button(.id("nut-tiep-nhan"), .type(.submit), .class("primary"), .text("Tiếp nhận và in giấy hẹn (Mẫu 01)"))),
                  deskRefusal)
        )
    }

    var action: String { ReceptionController.procedurePath(model.procedure.code.rawValue) }

    var facts: Node<HTML.BodyContext> {
        let p = model.procedure
        let fees = p.fees.isEmpty ? "Không" : p.fees.map { "\(VietnameseFormat.money($0.amountVND)) — \($0.description)" }
            .joined(separator: "; ")
        return .table(.class("procedure-facts"),
            .tr(.th(.text("Mã thủ tục")), .td(.text(p.code.rawValue))),
            .tr(.th(.text("Lĩnh vực")), .td(.text(p.field))),
            .tr(.th(.text("Thời hạn giải quyết")), .td(.id("thoi-han"), .text(VietnameseFormat.duration(p.localTime)))),
            .tr(.th(.text("Phí, lệ phí")), .td(.id("phi-le-phi"), .text(fees))),
            .tr(.th(.text("Kết quả")), .td(.text(p.resultType.isEmpty ? "—" : p.resultType))))
    }

    var checklist: Node<HTML.FormContext> {
        let documents = Array(model.procedure.documents.enumerated())
        return .group(
            .h2(.id("thanh-phan"), .text("Thành phần hồ sơ đã nhận")),
            .if(documents.isEmpty, .p(.class("muted"), .text("Thủ tục chưa cập nhật thành phần hồ sơ."))),
            .ul(.class("checklist"), .attribute(named: "aria-labelledby", value: "thanh-phan"),
                .forEach(documents) { index, doc in
                    let label = "\(doc.name) — \(doc.form.vietnameseLabel), \(VietnameseFormat.count(doc.copies)) bộ"
                    return .li(.input(.type(.checkbox), .id("giay-to-\(index)"), .name("giay_to"), .value("\(index)"),
                                      .flag("checked", model.checked.contains(index))),
                               .label(.attribute(named: "for", value: "giay-to-\(index)"), .text(label)))
                }))
    }

    var channelAndNote: Node<HTML.FormContext> {
        .group(
            .p(.label(.attribute(named: "for", value: "kenh"), .text("Hình thức nộp")),
               .select(.id("kenh"), .attribute(named: "name", value: "kenh"),
                       .choice(Channel.counter.rawValue, Channel.counter.vietnameseLabel, selected: model.channel == .counter),
                       .choice(Channel.postal.rawValue, Channel.postal.vietnameseLabel, selected: model.channel == .postal))),
            .p(.label(.attribute(named: "for", value: "ghi_chu"), .text("Ghi chú (nếu có)")),
               .input(.id("ghi_chu"), .name("ghi_chu"), .type(.text), .escaped("value", model.note))))
    }

    var deskRefusal: Node<HTML.FormContext> {
        .div(.class("card desk-refusal"),
             .h2(.text("Hồ sơ chưa đủ điều kiện tiếp nhận")),
             .p(.class("muted"), .text("Bỏ chọn các giấy tờ còn thiếu, ghi nội dung hoặc lý do, rồi in phiếu cho người nộp.")),
             .p(.label(.attribute(named: "for", value: "ly_do"), .text("Nội dung cần bổ sung / lý do từ chối")),
                .textarea(.id("ly_do"), .name("ly_do"), .attribute(named: "rows", value: "3"), .text(model.reason))),
             .div(.class("actions"),
                  .button(.id("nut-mau-02"), .type(.submit), .class("secondary"),
                          .escaped("formaction", action + "/bo-sung"), .text("In phiếu hướng dẫn bổ sung (Mẫu 02)")),
                  .button(.id("nut-mau-03"), .type(.submit), .class("danger"),
                          .escaped("formaction", action + "/tu-choi"), .text("Từ chối tiếp nhận (Mẫu 03)"))))
    }
}
