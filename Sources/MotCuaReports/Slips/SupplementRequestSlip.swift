import Foundation
import MotCuaCore
import WorkCalendar

/// Mẫu số 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": what the applicant must add and why, at the desk
/// before receipt or during processing, with whom to call for guidance.
public struct SupplementRequestSlip: Sendable, Hashable {
    public let header: SlipHeader
    /// The form as the dossier's form set numbers and titles it.
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let applicant: Applicant
    public let procedureName: String
    /// The request (`round.number` is 1, 2 … in the dossier).
    public let round: SupplementRound
    /// When the dossier was received, for a request made during processing.
    public let receivedAt: Date?
    /// What happens to the processing period once the complete dossier arrives (processing phase only).
    public let policy: SupplementPolicy?
    public let receivingDesk: String
    public let officer: SlipOfficer?
    public let issuedAt: Date
    let issuerName: String

    /// - Parameter round: the request's number (1, 2 …); by default the latest.
    public init(_ context: SlipContext, round number: Int? = nil) throws(SlipError) {
        let d = context.dossier
        guard let last = d.supplementRounds.last else { throw .noSupplementRequest(d.code) }
        let round: SupplementRound
        if let number {
            guard let found = d.supplementRounds.first(where: { $0.number == number }) else {
                throw .supplementRoundNotFound(d.code, number: number, rounds: d.supplementRounds.count)
            }
            round = found
        } else {
            round = last
        }
        applicant = try context.applicant()
        let issued = context.issuedAt ?? round.requestedAt
        header = try context.header(at: issued)
        entry = try context.entry(.supplementRequest)
        legalBasis = context.formSet.legalBasis
        issuerName = try context.issuerName(at: issued)
        dossierCode = d.code
        procedureName = context.procedure.name
        self.round = round
        receivedAt = round.phase == .processing ? d.receivedAt : nil
        policy = round.phase == .processing ? (round.policy ?? context.procedure.supplementPolicy) : nil
        receivingDesk = try context.receivingDeskName(at: round.requestedAt)
        officer = context.officer
        issuedAt = issued
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        let salutation = SlipContext.salutation(for: applicant)
        var body: [SlipBlock] = [.paragraph(.field("Hồ sơ của", applicant.name, emphasised: true))]
        body += SlipContext.contactLines(of: applicant).map(SlipBlock.paragraph)
        body.append(.paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)))
        if let receivedAt {
            body.append(.paragraph(.field("Thời gian tiếp nhận hồ sơ", f.slipInstant(receivedAt))))
        }
        body.append(.paragraph(.field("Thời gian yêu cầu bổ sung", f.slipInstant(round.requestedAt))))
        body.append(.paragraph(SlipParagraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", bold: true, spaced: true)))
        let items = round.documents.isEmpty ? [round.reason] : round.documents
        for (index, item) in items.enumerated() {
            body.append(.paragraph(SlipParagraph("\(index + 1). \(item)", indentLevel: 1)))
        }
        body.append(.paragraph(SlipParagraph([SlipRun("Lý do: ", bold: true), SlipRun(round.reason)], spaced: true)))
        switch policy {
        case .restart?:
            body.append(.paragraph(SlipParagraph("Thời hạn giải quyết hồ sơ được tính lại từ đầu kể từ khi nhận đủ hồ sơ bổ sung, hoàn thiện.", italic: true)))
        case .pause?:
            body.append(.paragraph(SlipParagraph("Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.", italic: true)))
        case nil:
            break
        }
        var contact = "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, \(salutation) liên hệ với "
        if let officer {
            contact += officer.name
            if let phone = officer.phone { contact += ", số điện thoại \(phone)," }
            contact += " tại \(receivingDesk) để được hướng dẫn."
        } else {
            contact += "\(receivingDesk) để được hướng dẫn."
        }
        body.append(.paragraph(SlipParagraph(contact, spaced: true)))
        body.append(.paragraph(SlipParagraph("Xin trân trọng cảm ơn./.")))
        return SlipDocument(
            form: .supplementRequest, header: header, title: entry.title,
            subtitle: [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)],
            body: body,
            closing: SlipClosing(signatures: [SlipSignature(title: "NGƯỜI HƯỚNG DẪN", name: officer?.name)]),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name
        )
    }
}
