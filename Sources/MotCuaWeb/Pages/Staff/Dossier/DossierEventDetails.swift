import Foundation
import MotCuaCore
import MotCuaReports

/// What a timeline entry says besides its label: the reason, the note, where the dossier went — the
/// facts an officer needs to follow the dossier without opening the raw history.
enum DossierEventDetails {
    static func lines(of event: DossierEvent, agencyName: (AgencyCode, Date) -> String) -> [String] {
        func reason(_ text: String?) -> [String] { text.map { ["Lý do: \($0)"] } ?? [] }
        func note(_ text: String?) -> [String] { text.map { ["Ghi chú: \($0)"] } ?? [] }
        func step(_ opening: StepOpening, _ prefix: String) -> String {
            "\(prefix): \(opening.name) — \(agencyName(opening.agencyCode, event.at)) (hạn \(VietnameseFormat.slipInstant(opening.dueAt)))"
        }
        switch event.kind {
        case .registered(let registration):
            return ["Kênh nộp: \(registration.draft.channel.vietnameseLabel)"]
        case .received(let reception):
            return ["Hẹn trả kết quả: \(VietnameseFormat.slipInstant(reception.dueAt))"]
        case .acceptedOnBehalf(let acceptance):
            return ["Chuyển đến: \(agencyName(acceptance.destination, event.at))",
                    "Hạn chuyển: \(VietnameseFormat.slipInstant(acceptance.forwardingDueAt)) (\(acceptance.forwardingWorkingDays) ngày làm việc)"]
        case .reassigned(let r):
            return ["Từ: \(agencyName(r.from, event.at))", "Sang: \(agencyName(r.to, event.at))"] + reason(r.reason)
        case .forwarded(let dispatch):
            return ["Hình thức: \(dispatch.channel.vietnameseLabel)"] + note(dispatch.note)
        case .supplementRequested(let request):
            return reason(request.reason) + (request.documents.isEmpty ? [] : ["Giấy tờ cần bổ sung: \(request.documents.joined(separator: "; "))"])
        case .supplementReceived(let arrival):
            return note(arrival.note)
        case .refusedAtDesk(let closure), .refused(let closure), .withdrawn(let closure), .stopped(let closure):
            return reason(closure.reason)
        case .transferred(let opening):
            return [step(opening, "Chuyển đến")]
        case .stepAccepted(let assignee):
            return assignee.map { ["Người xử lý: \($0)"] } ?? []
        case .stepCompleted(let completion):
            return note(completion.note) + (completion.next.map { [step($0, "Chuyển đến")] } ?? ["Hoàn thành bước cuối của quy trình"])
        case .sentBack(let sendBack):
            return reason(sendBack.reason) + [step(sendBack.previous, "Chuyển lại")]
        case .paymentRequested(let request):
            return ["Số tiền: \(VietnameseFormat.money(request.amountVND)) — \(request.description)"]
        case .paymentConfirmed(let confirmation):
            return (confirmation.channel.map { ["Kênh thanh toán: \($0.vietnameseLabel)"] } ?? [])
                + (confirmation.reference.map { ["Chứng từ: \($0)"] } ?? [])
        case .extended(let grant):
            return reason(grant.reason) + ["Hẹn trả mới: \(VietnameseFormat.slipInstant(grant.newDueAt))"]
                + (grant.apologyLetter.map { ["Phiếu xin lỗi số \($0)"] } ?? [])
        case .resultReady(let record):
            return ["Kết quả: \(record.outcome.vietnameseLabel)"] + note(record.note)
        case .resultReturned(let channel):
            return [channel == .postal ? "Trả qua bưu chính công ích" : "Trả tại Bộ phận Một cửa"]
        case .latenessRecorded(let record):
            return reason(record.reason)
        case .imported:
            return []
        }
    }
}
