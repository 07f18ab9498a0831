import Foundation
import MotCuaCore
import WorkCalendar

/// Mẫu số 03, "Phiếu từ chối tiếp nhận giải quyết hồ sơ": the reason a dossier is not received (at the
/// desk) or not resolved (refused during processing).
public struct RefusalSlip: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        /// Refused at the desk, before receipt: status 3 (not accepted).
        case reception
        /// Refused by the resolving agency after receipt: outcome refused.
        case processing
    }

    public let header: SlipHeader
    /// The form as the dossier's form set numbers and titles it.
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let stage: Stage
    public let receivingDesk: String
    /// Who refused: the desk, or the agency of the step that refused (the owning agency without a step).
    public let refusingBody: String
    public let applicant: Applicant
    public let procedureName: String
    public let receivedAt: Date?
    public let refusedAt: Date
    public let reason: String
    public let officer: String?
    public let issuedAt: Date
    let issuerName: String

    public init(_ context: SlipContext) throws(SlipError) {
        let d = context.dossier
        let refusedAt: Date
        let stage: Stage
        if d.status == .notAccepted, let closed = d.closedAt {
            stage = .reception
            refusedAt = closed
        } else if d.outcome == .refused, let completed = d.completedAt {
            stage = .processing
            refusedAt = completed
        } else {
            throw .notRefused(d.code, status: d.status)
        }
        guard let reason = d.closingReason, !reason.isEmpty else { throw .missingRefusalReason(d.code) }
        applicant = try context.applicant()
        let issued = context.issuedAt ?? refusedAt
        header = try context.header(at: issued)
        entry = try context.entry(.refusal)
        legalBasis = context.formSet.legalBasis
        issuerName = try context.issuerName(at: issued)
        dossierCode = d.code
        self.stage = stage
        receivingDesk = try context.receivingDeskName(at: refusedAt)
        switch stage {
        case .reception:
            refusingBody = receivingDesk
        case .processing:
            let agency = d.visits.last { $0.exit == .refused }?.agencyCode ?? d.owningAgencyCode
            refusingBody = try context.agencyName(agency, at: refusedAt)
        }
        procedureName = context.procedure.name
        receivedAt = d.receivedAt
        self.refusedAt = refusedAt
        self.reason = reason
        officer = context.officer?.name
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        var body = SlipContext.filedBy(applicant, deskLabel: "Bộ phận tiếp nhận và trả kết quả", desk: receivingDesk, identity: false)
        body.append(.paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)))
        if let receivedAt {
            body.append(.paragraph(.field("Thời gian tiếp nhận hồ sơ", f.slipInstant(receivedAt))))
        }
        let notice: String
        switch stage {
        case .reception:
            notice = "Qua xem xét, \(refusingBody) thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"
        case .processing:
            notice = "Qua xem xét, \(refusingBody) thông báo không giải quyết hồ sơ này với lý do cụ thể như sau:"
        }
        body += [
            .paragraph(SlipParagraph(notice, spaced: true)),
            .paragraph(SlipParagraph(reason, indentLevel: 1)),
            .paragraph(SlipParagraph("Xin thông báo cho \(SlipContext.salutation(for: applicant)) được biết và thực hiện./.", spaced: true)),
        ]
        return SlipDocument(
            form: .refusal, header: header, title: entry.title,
            subtitle: [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)],
            body: body,
            closing: SlipClosing(signatures: [SlipSignature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: officer)]),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name
        )
    }
}
