import Foundation
import MotCuaCore
import WorkCalendar

/// Mẫu số 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": given to the applicant when the complete dossier is
/// received. The appointment is the instant the citizen is promised (`citizenDueAt`: the legal due instant,
/// or the extension's new date once there is one).
public struct ReceiptSlip: Sendable, Hashable {
    /// Which copy is printed ("Liên"): one stays in the file, one goes to the applicant.
    public enum Copy: Sendable, Hashable {
        case file, applicant

        var label: String {
            switch self {
            case .file: return "(Liên 1: Lưu)"
            case .applicant: return "(Liên 2: Giao người nộp hồ sơ)"
            }
        }
    }

    public let header: SlipHeader
    /// The form as the dossier's form set numbers and titles it.
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    /// The receiving desk ("Bộ phận tiếp nhận và trả kết quả"): the agency of the dossier code.
    public let receivingDesk: String
    public let applicant: Applicant
    public let procedureName: String
    public let channel: Channel
    /// The documents received (the procedure's required documents).
    public let documents: [RequiredDocument]
    /// The processing time the due instant is counted with, and the legal one when the province cut it.
    public let processingTime: ProcessingTime
    public let legalTime: ProcessingTime
    public let receivedAt: Date
    /// The site that accepted the dossier on behalf of this desk, and when (Decree 118/2025 as amended).
    public struct AcceptedElsewhere: Sendable, Hashable {
        public let site: String
        public let at: Date
    }
    public let acceptedElsewhere: AcceptedElsewhere?
    /// When the complete supplement arrived and the period restarted (Decree 61/2018 Art. 19.4), if it did.
    public let restartedAt: Date?
    public let appointmentAt: Date
    /// Where the applicant registered to receive the result.
    public let resultPlace: String
    public let fees: [Fee]
    public let officer: String?
    public let copy: Copy?
    public let issuedAt: Date
    let issuerName: String

    /// - Parameters:
    ///   - resultChannel: how the result goes back; by default the dossier's return channel if it has one,
    ///     by post for a postal dossier, at the counter otherwise.
    ///   - copy: prints "(Liên 1: Lưu)" or "(Liên 2: Giao người nộp hồ sơ)" under the title.
    public init(_ context: SlipContext, resultChannel: Channel? = nil, copy: Copy? = nil) throws(SlipError) {
        let d = context.dossier
        guard let receivedAt = d.receivedAt, let appointment = d.citizenDueAt else {
            throw .notReceived(d.code, status: d.status)
        }
        let applicant = try context.applicant()
        let issued = context.issuedAt ?? receivedAt
        header = try context.header(at: issued)
        entry = try context.entry(.receipt)
        legalBasis = context.formSet.legalBasis
        issuerName = try context.issuerName(at: issued)
        dossierCode = d.code
        receivingDesk = try context.receivingDeskName(at: receivedAt)
        self.applicant = applicant
        procedureName = context.procedure.name
        channel = d.channel
        documents = context.procedure.documents
        processingTime = context.procedure.localTime
        legalTime = context.procedure.legalTime
        self.receivedAt = receivedAt
        acceptedElsewhere = try d.forwarding.map { f throws(SlipError) in
            AcceptedElsewhere(site: try context.agencyName(f.acceptingSite, at: f.acceptedAt), at: f.acceptedAt)
        }
        restartedAt = d.supplementRounds.last { $0.phase == .processing && $0.policy == .restart && $0.arrivedAt != nil }?.arrivedAt
        appointmentAt = appointment
        switch resultChannel ?? d.returnChannel ?? (d.channel == .postal ? .postal : .counter) {
        case .counter:
            resultPlace = receivingDesk
        case .postal:
            resultPlace = "Qua dịch vụ bưu chính công ích, đến địa chỉ: \(applicant.address ?? "……………")"
        case .online:
            resultPlace = "Trực tuyến, trên Cổng Dịch vụ công (bản điện tử)"
        }
        fees = context.procedure.fees
        officer = context.officer?.name
        self.copy = copy
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        var body = SlipContext.filedBy(applicant, deskLabel: "Bộ phận tiếp nhận và trả kết quả", desk: receivingDesk, identity: true)
        body += [
            .paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)),
            .paragraph(.field("Hình thức nộp hồ sơ", channel.vietnameseLabel)),
            .paragraph(SlipParagraph("1. Thành phần hồ sơ nộp gồm:", spaced: true)),
        ]
        if documents.isEmpty {
            body.append(.paragraph(SlipParagraph("……………", indentLevel: 1)))
        } else {
            body.append(.table(documentTable))
        }
        var time = "3. Thời gian giải quyết hồ sơ theo quy định là: \(f.duration(processingTime))"
        if processingTime != legalTime, processingTime.workingMinutes() < legalTime.workingMinutes() {
            time += " (thời hạn theo quy định của pháp luật là \(f.duration(legalTime)))"
        }
        body += [
            .paragraph(SlipParagraph("2. Số lượng hồ sơ: 01 (bộ)", spaced: true)),
            .paragraph(SlipParagraph(time)),
            .paragraph(SlipParagraph([SlipRun("4. Thời gian nhận hồ sơ: "), SlipRun(f.slipInstant(receivedAt), bold: true)])),
        ]
        if let forwarding = acceptedElsewhere {
            body.append(.paragraph(SlipParagraph(
                "Hồ sơ do \(forwarding.site) tiếp nhận lúc \(f.slipInstant(forwarding.at)) và chuyển đến; thời hạn giải quyết tính từ thời gian nhận hồ sơ nêu trên.",
                indentLevel: 1)))
        }
        if let restartedAt {
            body.append(.paragraph(SlipParagraph([
                SlipRun("Nhận đủ hồ sơ bổ sung, thời hạn giải quyết tính lại từ: "),
                SlipRun(f.slipInstant(restartedAt), bold: true),
            ], indentLevel: 1)))
        }
        body += [
            .paragraph(SlipParagraph([SlipRun("5. Thời gian trả kết quả giải quyết hồ sơ: "), SlipRun(f.slipInstant(appointmentAt), bold: true)])),
            .paragraph(SlipParagraph("6. Đăng ký nhận kết quả tại: \(resultPlace)")),
        ]
        let charged = fees.filter { $0.amountVND > 0 }
        if !fees.isEmpty {
            if charged.isEmpty {
                body.append(.paragraph(SlipParagraph("7. Phí, lệ phí: \(fees.map(\.description).joined(separator: "; "))")))
            } else {
                body.append(.paragraph(SlipParagraph("7. Phí, lệ phí:")))
                for fee in charged {
                    body.append(.paragraph(SlipParagraph("- \(fee.description): \(f.money(fee.amountVND))", indentLevel: 1)))
                }
            }
        }
        var subtitle = [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)]
        if let copy { subtitle.append(SlipParagraph(copy.label, italic: true, alignment: .center)) }
        return SlipDocument(
            form: .receipt, header: header, title: entry.title, subtitle: subtitle, body: body,
            closing: SlipClosing(signatures: [
                SlipSignature(title: "NGƯỜI NỘP HỒ SƠ", name: applicant.name),
                SlipSignature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: officer),
            ]),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name
        )
    }

    /// Number, name, form (original or copy) and copies of each document received.
    var documentTable: SlipTable { Self.table(of: documents) }

    static func table(of documents: [RequiredDocument]) -> SlipTable {
        SlipTable(
            columnWidths: [12, 88, 44, 21],
            header: [[
                SlipCell("STT", bold: true, alignment: .center, verticalAlignment: .center),
                SlipCell("Tên giấy tờ", bold: true, alignment: .center, verticalAlignment: .center),
                SlipCell("Hình thức", bold: true, alignment: .center, verticalAlignment: .center),
                SlipCell("Số lượng", bold: true, alignment: .center, verticalAlignment: .center),
            ]],
            rows: documents.enumerated().map { index, document in
                [
                    SlipCell("\(index + 1)", alignment: .center),
                    SlipCell(document.name),
                    SlipCell(document.form.vietnameseLabel, alignment: .center),
                    SlipCell(VietnameseFormat.count(document.copies), alignment: .center),
                ]
            }
        )
    }
}
