import Foundation
import MotCuaCore
import WorkCalendar

/// Mẫu số 05, "Phiếu kiểm soát quá trình giải quyết hồ sơ": every handover of the dossier, from the desk
/// through each step of the internal process back to the desk and to the applicant, with its hour and minute
/// and the verdict of the step that handed over (early, on time, late against the step's due instant).
///
/// The sheet travels with the paper dossier and is signed at each handover, so for a dossier still in progress
/// it also lists the handovers still to come, with blank times to fill in by hand.
public struct ProcessControlSheet: Sendable, Hashable {
    /// One side of a handover: a body (agency, desk or the applicant) and, when known, the person.
    public struct Party: Sendable, Hashable {
        public var body: String
        public var person: String?
    }

    public struct Handover: Sendable, Hashable {
        public var giver: Party
        public var receiver: Party
        /// The step the receiver works on ("Bước 2: Phê duyệt"), when the receiver is a step.
        public var receiverStep: String?
        /// Nil for a handover still to come.
        public var at: Date?
        /// The handing-over step's verdict (nil for the desk's first handover and for steps cut short).
        public var verdict: Verdict?
        public var notes: [String]

        public var isPlanned: Bool { at == nil }
    }

    public let header: SlipHeader
    /// The form as the dossier's form set numbers and titles it.
    let entry: SlipFormSet.Entry
    let legalBasis: String
    public let dossierCode: DossierCode
    public let applicantName: String
    public let procedureName: String
    public let receivedAt: Date
    /// The legal due instant and the one the citizen was given (they differ after an extension).
    public let dueAt: Date?
    public let citizenDueAt: Date?
    public let dueExtension: DueExtension?
    public let resolvingAgency: String
    public let coordinatingAgencies: [String]
    public let handovers: [Handover]
    /// Where a dossier still in progress stands at the issue instant.
    public let situation: String?
    public let issuedAt: Date
    let issuerName: String

    static let blankInstant = "…… giờ …… phút, ngày ……/……/………"

    public init(_ context: SlipContext) throws(SlipError) {
        let d = context.dossier
        guard let receivedAt = d.receivedAt else { throw .notReceived(d.code, status: d.status) }
        let f = VietnameseFormat.self
        let issued = context.issuedAt ?? d.lastEventAt
        let applicantName = try context.applicant().name
        header = try context.header(at: issued, dated: false)
        entry = try context.entry(.processControl)
        legalBasis = context.formSet.legalBasis
        issuerName = try context.issuerName(at: issued)
        dossierCode = d.code
        self.applicantName = applicantName
        procedureName = context.procedure.name
        self.receivedAt = receivedAt
        dueAt = d.dueAt
        citizenDueAt = d.citizenDueAt
        dueExtension = d.dueExtension
        issuedAt = issued

        // Who resolves and who takes part, with the names they bore at receipt.
        resolvingAgency = try context.agencyName(d.owningAgencyCode, at: receivedAt)
        var partners: [AgencyCode] = []
        for code in context.procedure.steps.map(\.agencyCode) + d.visits.map(\.agencyCode)
        where code != d.owningAgencyCode && code != d.code.agencyCode && !partners.contains(code) {
            partners.append(code)
        }
        var coordinating: [String] = []
        for code in partners { coordinating.append(try context.agencyName(code, at: receivedAt)) }
        coordinatingAgencies = coordinating

        func desk(at instant: Date) throws(SlipError) -> Party {
            Party(body: try context.receivingDeskName(at: instant), person: nil)
        }
        func party(_ visit: StepVisit, at instant: Date) throws(SlipError) -> Party {
            Party(body: try context.agencyName(visit.agencyCode, at: instant), person: visit.assignee)
        }
        func label(_ index: Int, _ name: String) -> String { "Bước \(index + 1): \(name)" }
        /// What the sheet says about a step that handed the dossier over.
        func notes(for visit: StepVisit) -> [String] {
            var notes = ["Hạn xử lý: \(f.slipInstant(visit.dueAt))"]
            if let overrun = visit.overrunMinutes, overrun > 0 {
                let daily = context.agencies.officeHours(of: visit.agencyCode).dailyMinutes
                notes.append("Chậm \(f.workingMinutes(overrun, dailyMinutes: daily))")
            }
            let end = visit.endedAt ?? .distantFuture
            for round in d.supplementRounds where round.requestedAt >= visit.handedOverAt && round.requestedAt < end {
                let until = round.arrivedAt.map(f.slipInstant) ?? "nay"
                notes.append("Tạm dừng chờ bổ sung hồ sơ từ \(f.slipInstant(round.requestedAt)) đến \(until)")
            }
            // A fee paid the moment it was asked for (collected on receipt) paused nothing: no note.
            for payment in d.payments where payment.requestedAt >= visit.handedOverAt && payment.requestedAt < end
                && payment.paidAt != payment.requestedAt {
                let until = payment.paidAt.map(f.slipInstant) ?? "nay"
                notes.append("Tạm dừng chờ thực hiện nghĩa vụ tài chính từ \(f.slipInstant(payment.requestedAt)) đến \(until)")
            }
            if visit.exit == .sentBack, let reason = visit.note {
                notes.append("Trả lại bước trước: \(reason)")
            } else if let note = visit.note, visit.exit == .forwarded || visit.exit == .finished {
                notes.append("Ý kiến xử lý: \(note)")
            }
            return notes
        }
        func outcomeNotes() -> [String] {
            guard let outcome = d.outcome else { return [] }
            if outcome == .refused, let reason = d.closingReason { return ["Kết quả: \(outcome.vietnameseLabel) (\(reason))"] }
            return ["Kết quả: \(outcome.vietnameseLabel)"]
        }

        // Handovers that happened: first, for a dossier accepted at another site, its forwarding.
        var rows: [Handover] = []
        if let forwarding = d.forwarding, let delivered = forwarding.deliveredAt {
            var notes = ["Tiếp nhận lúc \(f.slipInstant(forwarding.acceptedAt))", "Hạn chuyển: \(f.slipInstant(forwarding.dueAt))"]
            if let sent = forwarding.sentAt {
                notes.append("Gửi lúc \(f.slipInstant(sent))" + (forwarding.channel.map { " (\($0.vietnameseLabel.lowercased()))" } ?? ""))
            }
            rows.append(Handover(giver: Party(body: try context.agencyName(forwarding.acceptingSite, at: forwarding.acceptedAt), person: nil),
                                 receiver: try desk(at: delivered), receiverStep: "Tiếp nhận hồ sơ của cơ quan có thẩm quyền",
                                 at: delivered, verdict: forwarding.verdict, notes: notes))
        }
        let visits = d.visits
        if let first = visits.first {
            rows.append(Handover(giver: try desk(at: first.handedOverAt), receiver: try party(first, at: first.handedOverAt),
                                 receiverStep: label(first.stepIndex, first.name), at: first.handedOverAt, verdict: nil, notes: []))
        }
        for (giver, receiver) in zip(visits, visits.dropFirst()) {
            rows.append(Handover(giver: try party(giver, at: receiver.handedOverAt), receiver: try party(receiver, at: receiver.handedOverAt),
                                 receiverStep: label(receiver.stepIndex, receiver.name), at: receiver.handedOverAt,
                                 verdict: giver.verdict, notes: notes(for: giver)))
        }
        if let last = visits.last, let ended = last.endedAt {
            var closing = notes(for: last)
            switch last.exit {
            case .withdrawn?: closing.append("Rút hồ sơ" + (d.closingReason.map { ": \($0)" } ?? ""))
            case .stopped?: closing.append("Dừng xử lý" + (d.closingReason.map { ": \($0)" } ?? ""))
            default: closing += outcomeNotes()
            }
            rows.append(Handover(giver: try party(last, at: ended), receiver: try desk(at: ended), receiverStep: nil,
                                 at: ended, verdict: last.verdict, notes: closing))
        } else if visits.isEmpty, let completed = d.completedAt {
            rows.append(Handover(giver: Party(body: try context.agencyName(d.owningAgencyCode, at: completed), person: nil),
                                 receiver: try desk(at: completed), receiverStep: nil, at: completed, verdict: d.verdict,
                                 notes: (d.dueAt.map { ["Hạn xử lý: \(f.slipInstant($0))"] } ?? []) + outcomeNotes()))
        }
        let applicantParty = Party(body: "Tổ chức, cá nhân: \(applicantName)", person: nil)
        if let returnedAt = d.returnedAt {
            var returnNotes: [String] = []
            if let channel = d.returnChannel { returnNotes.append("Trả kết quả: \(channel.vietnameseLabel)") }
            if let ext = d.dueExtension {
                let letter = ext.apologyLetter.map { " (Phiếu xin lỗi số \($0))" } ?? ""
                returnNotes.append("Hẹn lại ngày trả kết quả: \(f.slipInstant(ext.newDueAt))\(letter)")
                if let citizen = d.citizenVerdict, citizen != d.verdict {
                    returnNotes.append("So với ngày hẹn lại: \(citizen.vietnameseLabel)")
                }
            }
            rows.append(Handover(giver: try desk(at: returnedAt), receiver: applicantParty, receiverStep: nil,
                                 at: returnedAt, verdict: d.verdict, notes: returnNotes))
        }

        // Handovers still to come, for the sheet that travels with a dossier in progress.
        if d.isInProgress {
            let steps = context.procedure.steps
            var previous: Party
            var previousNotes: [String] = []
            var next: Int
            if let open = d.openVisit {
                previous = try party(open, at: issued)
                previousNotes = notes(for: open)
                next = open.stepIndex + 1
            } else if visits.isEmpty, !steps.isEmpty {
                previous = try desk(at: issued)
                next = 0
            } else {
                previous = Party(body: try context.agencyName(d.owningAgencyCode, at: issued), person: nil)
                next = steps.count
            }
            // The last step may have finished while the result is not recorded yet: its handover is listed.
            let resultHandedOver = d.openVisit == nil && visits.last?.endedAt != nil
            while next < steps.count {
                let step = steps[next]
                let receiver = Party(body: try context.agencyName(step.agencyCode, at: issued), person: nil)
                rows.append(Handover(giver: previous, receiver: receiver, receiverStep: label(next, step.name), at: nil,
                                     verdict: nil, notes: previousNotes + ["Thời hạn bước \(next + 1): \(f.duration(step.allotted))"]))
                previous = receiver
                previousNotes = []
                next += 1
            }
            if !resultHandedOver {
                rows.append(Handover(giver: previous, receiver: try desk(at: issued), receiverStep: nil, at: nil, verdict: nil,
                                     notes: previousNotes))
            }
            rows.append(Handover(giver: try desk(at: issued), receiver: applicantParty, receiverStep: nil, at: nil, verdict: nil, notes: []))
        } else if d.completedAt != nil, d.returnedAt == nil {
            rows.append(Handover(giver: try desk(at: issued), receiver: applicantParty, receiverStep: nil, at: nil, verdict: nil, notes: []))
        }
        handovers = rows

        // Where the dossier stands, when it is still in progress.
        if d.isInProgress {
            let now = "Tại thời điểm \(f.slipInstant(issued)), hồ sơ "
            let progress = d.progress(at: issued).map { " (\($0.vietnameseLabel.lowercased()))" } ?? ""
            if let round = d.pendingSupplement {
                situation = now + "đang chờ bổ sung, hoàn thiện (yêu cầu lúc \(f.slipInstant(round.requestedAt)))."
            } else if let payment = d.pendingPayment {
                situation = now + "đang chờ thực hiện nghĩa vụ tài chính (yêu cầu lúc \(f.slipInstant(payment.requestedAt)))."
            } else if let open = d.openVisit {
                let agency = try context.agencyName(open.agencyCode, at: issued)
                situation = now + "đang được xử lý tại \(agency) (\(label(open.stepIndex, open.name)), hạn xử lý: \(f.slipInstant(open.dueAt)))\(progress)."
            } else {
                situation = now + "đã được tiếp nhận, chưa chuyển xử lý\(progress)."
            }
        } else {
            situation = nil
        }
    }

    public var document: SlipDocument {
        let f = VietnameseFormat.self
        var body: [SlipBlock] = [
            .paragraph(.field("Kèm theo hồ sơ của", applicantName, emphasised: true)),
            .paragraph(.field("Nội dung yêu cầu giải quyết", procedureName)),
            .paragraph(.field("Thời gian tiếp nhận hồ sơ", f.slipInstant(receivedAt))),
        ]
        if let citizenDueAt {
            var runs = [SlipRun("Thời gian hẹn trả kết quả: "), SlipRun(f.slipInstant(citizenDueAt), bold: true)]
            if let dueExtension, let dueAt {
                let letter = dueExtension.apologyLetter.map { " theo Phiếu xin lỗi số \($0)" } ?? ""
                runs.append(SlipRun(" (hẹn lại\(letter); thời hạn giải quyết theo quy định: \(f.slipInstant(dueAt)))"))
            }
            body.append(.paragraph(SlipParagraph(runs)))
        }
        body.append(.paragraph(.field("Cơ quan (bộ phận) giải quyết hồ sơ", resolvingAgency)))
        if !coordinatingAgencies.isEmpty {
            body.append(.paragraph(.field("Cơ quan phối hợp giải quyết hồ sơ", coordinatingAgencies.joined(separator: "; "))))
        }
        body.append(.table(table))
        if let situation {
            body.append(.paragraph(SlipParagraph(situation, italic: true, spaced: true)))
        }
        return SlipDocument(
            form: .processControl, header: header, title: entry.title,
            subtitle: [SlipParagraph([SlipRun("Mã hồ sơ: "), SlipRun(dossierCode.description, bold: true)], alignment: .center)],
            body: body, closing: SlipClosing(signatures: []),
            documentTitle: "\(entry.name) – \(dossierCode)", issuedAt: issuedAt, issuerName: issuerName,
            label: entry.label, legalBasis: legalBasis, name: entry.name
        )
    }

    /// Four columns as on the form; the time column splits into the giver's and the receiver's signature boxes.
    var table: SlipTable {
        let header: [SlipCell] = [
            SlipCell("TÊN CƠ QUAN", bold: true, alignment: .center, verticalAlignment: .center),
            SlipCell("THỜI GIAN GIAO, NHẬN HỒ SƠ", bold: true, alignment: .center, columnSpan: 2, verticalAlignment: .center),
            SlipCell([
                SlipParagraph("KẾT QUẢ GIẢI QUYẾT HỒ SƠ", bold: true, alignment: .center),
                SlipParagraph("(Trước hạn/đúng hạn/quá hạn)", italic: true, alignment: .center),
            ], verticalAlignment: .center),
            SlipCell("GHI CHÚ", bold: true, alignment: .center, verticalAlignment: .center),
        ]
        var rows: [[SlipCell]] = []
        for (index, h) in handovers.enumerated() {
            var names = [
                SlipParagraph([SlipRun("\(index + 1). Giao: ", bold: true), SlipRun(h.giver.body)], alignment: .left),
                SlipParagraph([SlipRun("Nhận: ", bold: true), SlipRun(h.receiver.body)], alignment: .left),
            ]
            if let step = h.receiverStep { names.append(SlipParagraph(step, italic: true, alignment: .left)) }
            let time = h.at.map(VietnameseFormat.slipInstant) ?? Self.blankInstant
            rows.append([
                SlipCell(names, rowSpan: 2),
                SlipCell(time, alignment: .center, columnSpan: 2, verticalAlignment: .center),
                SlipCell(h.verdict?.vietnameseLabel ?? "", bold: true, alignment: .center, rowSpan: 2, verticalAlignment: .center),
                SlipCell(h.notes.map { SlipParagraph($0, alignment: .left) }, rowSpan: 2),
            ])
            rows.append([signatureBox("Người giao", h.giver.person), signatureBox("Người nhận", h.receiver.person)])
        }
        return SlipTable(columnWidths: [42, 29, 29, 27, 38], header: [header], rows: rows, compact: true)
    }

    func signatureBox(_ role: String, _ person: String?) -> SlipCell {
        var paragraphs = [SlipParagraph(role, italic: true, alignment: .center)]
        if let person { paragraphs.append(SlipParagraph(person, alignment: .center)) }
        return SlipCell(paragraphs, isSignatureBox: true)
    }
}
