import Foundation
import MotCuaCore
import WorkCalendar

/// Mẫu số 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả": the letter of the body that cannot resolve the
/// dossier on time, with the reason and the new date (the dossier's one extension).
public struct ApologySlip: Sendable, Hashable {
    public let header: SlipHeader
    /// The form as the dossier's form set numbers and titles it.
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let applicant: Applicant
    public let procedureName: String
    /// The body that apologises (the context's issuing agency), as written in the letter.
    public let issuer: String
    public let receivingDesk: String
    public let receivedAt: Date
    public let dueExtension: DueExtension
    public let officer: SlipOfficer?
    public let issuedAt: Date

    public init(_ context: SlipContext) throws(SlipError) {
        let d = context.dossier
        guard let ext = d.dueExtension else { throw .noExtension(d.code) }
        guard let receivedAt = d.receivedAt else { throw .notReceived(d.code, status: d.status) }
        applicant = try context.applicant()
        let issued = context.issuedAt ?? ext.requestedAt
        header = try context.header(at: issued, number: context.number ?? ext.apologyLetter)
        entry = try context.entry(.apology)
        legalBasis = context.formSet.legalBasis
        issuer = try context.issuerName(at: issued)
        dossierCode = d.code
        procedureName = context.procedure.name
        receivingDesk = try context.receivingDeskName(at: receivedAt)
        self.receivedAt = receivedAt
        dueExtension = ext
        officer = context.officer
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        let you = SlipContext.salutation(for: applicant)
        let addressed = applicant.kind == .person ? "\(you) \(applicant.name)" : applicant.name
        var reason = dueExtension.reason
        while reason.hasSuffix(".") { reason.removeLast() }
        let body: [SlipBlock] = [
            .paragraph(SlipParagraph("Ngày \(f.date(of: receivedAt)), \(receivingDesk) tiếp nhận hồ sơ của \(addressed).", isProse: true)),
            .paragraph(SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], isProse: true)),
            .paragraph(SlipParagraph([SlipRun("Nội dung yêu cầu giải quyết: "), SlipRun(procedureName)], isProse: true)),
            .paragraph(SlipParagraph([SlipRun("Thời gian hẹn trả kết quả: "), SlipRun(f.slipInstant(dueExtension.previousDueAt), bold: true)],
                                     isProse: true)),
            .paragraph(SlipParagraph(
                "Tuy nhiên đến nay, \(issuer) chưa giải quyết xong hồ sơ và không thể trả kết quả cho \(you) đúng hạn như đã hẹn, lý do: \(reason).",
                isProse: true)),
            .paragraph(SlipParagraph([
                SlipRun("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của \(you). \(issuer) xin lỗi \(you) và hẹn lại thời gian trả kết quả vào "),
                SlipRun(f.slipInstant(dueExtension.newDueAt), bold: true),
                SlipRun("."),
            ], isProse: true)),
            .paragraph(SlipParagraph("Rất mong nhận được sự thông cảm của \(you) vì sự chậm trễ này./.", isProse: true)),
        ]
        return SlipDocument(
            form: .apology, header: header, title: entry.title,
            addressee: [SlipParagraph([SlipRun("Kính gửi: "), SlipRun(addressed, bold: true)], alignment: .center)],
            body: body,
            closing: SlipClosing(
                recipients: ["- Như trên;", "- \(receivingDesk);", "- Lưu: VT."],
                signatures: [SlipSignature(
                    title: (officer?.title ?? "Thủ trưởng cơ quan").uppercased(),
                    instruction: "(Ký, ghi rõ họ tên và đóng dấu)", name: officer?.name)]
            ),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuer,
            label: entry.label, legalBasis: legalBasis, name: entry.name
        )
    }
}
