import Foundation
import MotCuaCore
import WorkCalendar

/// The receipt a site gives for a dossier it accepted regardless of administrative boundaries, for a
/// procedure another agency resolves (Decree 118/2025/NĐ-CP as amended by Decree 309/2026, Art. 14.4,
/// 17.3): the site's code, the instant it accepted, where the dossier goes, and that the processing period —
/// hence the appointment — starts when the competent agency receives it.
public struct AcceptanceOnBehalfSlip: Sendable, Hashable {
    public let header: SlipHeader
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let acceptingSite: String
    public let destination: String
    public let competentAgency: String
    public let applicant: Applicant
    public let procedureName: String
    public let documents: [RequiredDocument]
    public let processingTime: ProcessingTime
    public let acceptedAt: Date
    public let forwardingDueAt: Date
    /// Known once the competent site received it.
    public let receivedAt: Date?
    public let appointmentAt: Date?
    public let officer: String?
    public let issuedAt: Date
    let issuerName: String

    public init(_ context: SlipContext) throws(SlipError) {
        let d = context.dossier
        guard let forwarding = d.forwarding else { throw .notAcceptedOnBehalf(d.code) }
        let issued = context.issuedAt ?? forwarding.acceptedAt
        // The accepting site issues it, whatever desk prints it later.
        acceptingSite = try context.agencyName(forwarding.acceptingSite, at: forwarding.acceptedAt)
        header = try SlipContext(dossier: d, procedure: context.procedure, agencies: context.agencies,
                                 issuingAgency: forwarding.acceptingSite, place: context.place, officer: context.officer,
                                 issuedAt: context.issuedAt, number: context.number).header(at: issued)
        entry = try context.entry(.acceptanceOnBehalf)
        legalBasis = context.formSet.legalBasis
        issuerName = acceptingSite
        dossierCode = d.code
        destination = try context.agencyName(forwarding.destination, at: forwarding.acceptedAt)
        competentAgency = try context.agencyName(d.owningAgencyCode, at: forwarding.acceptedAt)
        applicant = try context.applicant()
        procedureName = context.procedure.name
        documents = context.procedure.documents
        processingTime = context.procedure.localTime
        acceptedAt = forwarding.acceptedAt
        forwardingDueAt = forwarding.dueAt
        receivedAt = d.receivedAt
        appointmentAt = d.citizenDueAt
        officer = context.officer?.name
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        var body = SlipContext.filedBy(applicant, deskLabel: "Nơi tiếp nhận hồ sơ", desk: acceptingSite, identity: true)
        body += [
            .paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)),
            .paragraph(.field("Cơ quan có thẩm quyền giải quyết", competentAgency)),
            .paragraph(SlipParagraph("1. Thành phần hồ sơ nộp gồm:", spaced: true)),
        ]
        if documents.isEmpty {
            body.append(.paragraph(SlipParagraph("……………", indentLevel: 1)))
        } else {
            body.append(.table(ReceiptSlip.table(of: documents)))
        }
        body += [
            .paragraph(SlipParagraph([SlipRun("2. Thời gian tiếp nhận hồ sơ: "), SlipRun(f.slipInstant(acceptedAt), bold: true)], spaced: true)),
            .paragraph(SlipParagraph("3. Hồ sơ được chuyển đến \(destination) chậm nhất lúc \(f.slipInstant(forwardingDueAt)).")),
            .paragraph(SlipParagraph("4. Thời gian giải quyết hồ sơ theo quy định là \(f.duration(processingTime)), tính từ khi cơ quan có thẩm quyền tiếp nhận hồ sơ.")),
        ]
        if let receivedAt, let appointmentAt {
            body += [
                .paragraph(SlipParagraph([SlipRun("5. Cơ quan có thẩm quyền tiếp nhận hồ sơ lúc: "), SlipRun(f.slipInstant(receivedAt), bold: true)])),
                .paragraph(SlipParagraph([SlipRun("6. Thời gian trả kết quả giải quyết hồ sơ: "), SlipRun(f.slipInstant(appointmentAt), bold: true)])),
            ]
        } else {
            body.append(.paragraph(SlipParagraph("5. Ngày hẹn trả kết quả được thông báo cho người nộp khi cơ quan có thẩm quyền tiếp nhận hồ sơ; tra cứu tình trạng hồ sơ bằng mã hồ sơ trên Cổng Dịch vụ công.")))
        }
        return SlipDocument(
            form: .acceptanceOnBehalf, header: header, title: entry.title,
            subtitle: [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)],
            body: body,
            closing: SlipClosing(signatures: [
                SlipSignature(title: "NGƯỜI NỘP HỒ SƠ", name: applicant.name),
                SlipSignature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: officer),
            ]),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name)
    }
}

/// The notice that processing of a dossier is stopped (Decree 118/2025 form set), with the reason.
public struct StopNoticeSlip: Sendable, Hashable {
    public let header: SlipHeader
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let applicant: Applicant
    public let procedureName: String
    public let stoppingBody: String
    public let receivedAt: Date?
    public let stoppedAt: Date
    public let reason: String
    public let officer: String?
    public let issuedAt: Date
    let issuerName: String

    public init(_ context: SlipContext) throws(SlipError) {
        let d = context.dossier
        guard d.status == .stopped, let stoppedAt = d.closedAt else { throw .notStopped(d.code, status: d.status) }
        let issued = context.issuedAt ?? stoppedAt
        header = try context.header(at: issued)
        entry = try context.entry(.stopNotice)
        legalBasis = context.formSet.legalBasis
        issuerName = try context.issuerName(at: issued)
        dossierCode = d.code
        applicant = try context.applicant()
        procedureName = context.procedure.name
        let agency = d.visits.last { $0.exit == .stopped }?.agencyCode ?? d.owningAgencyCode
        stoppingBody = try context.agencyName(agency, at: stoppedAt)
        receivedAt = d.receivedAt
        self.stoppedAt = stoppedAt
        reason = d.closingReason ?? ""
        officer = context.officer?.name
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        var body: [SlipBlock] = [
            .paragraph(.field("Kính gửi", applicant.name, emphasised: true)),
        ]
        body += SlipContext.contactLines(of: applicant).map(SlipBlock.paragraph)
        body.append(.paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)))
        if let receivedAt { body.append(.paragraph(.field("Thời gian tiếp nhận hồ sơ", f.slipInstant(receivedAt)))) }
        body += [
            .paragraph(SlipParagraph("\(stoppingBody) thông báo dừng giải quyết hồ sơ từ \(f.slipInstant(stoppedAt)) với lý do cụ thể như sau:", spaced: true)),
            .paragraph(SlipParagraph(reason.isEmpty ? "……………" : reason, indentLevel: 1)),
            .paragraph(SlipParagraph("Xin thông báo cho \(SlipContext.salutation(for: applicant)) được biết./.", spaced: true)),
        ]
        return SlipDocument(
            form: .stopNotice, header: header, title: entry.title,
            subtitle: [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)],
            body: body,
            closing: SlipClosing(signatures: [SlipSignature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: officer)]),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name)
    }
}
