import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// The columns of `dossiers` beside the JSON state: what SQL filters, groups and sorts on.
struct DossierProjection {
    let dossier: Dossier
    let receivingAgency: AgencyCode
    let field: String

    /// Column names and values in one place, so insert and update cannot drift apart.
    func columns(updatedAt: Date) throws -> [(String, any Encodable & Sendable)] {
        let late = lateColumns
        let open = dossier.openVisit
        return [
            ("receiving_agency_code", receivingAgency.rawValue),
            ("procedure_code", dossier.procedure.code.rawValue),
            ("procedure_version", dossier.procedure.version),
            ("owning_agency_code", dossier.owningAgencyCode.rawValue),
            ("field", field),
            ("channel", dossier.channel.rawValue),
            ("status", dossier.status.rawValue),
            ("applicant_name", dossier.applicant?.name),
            ("applicant_phone_last4", dossier.applicant?.phone.map { String($0.suffix(4)) }),
            ("search_text", Self.searchText(code: dossier.code.rawValue, applicantName: dossier.applicant?.name)),
            ("registered_at", Instant.seconds(dossier.registeredAt)),
            ("received_at", Instant.seconds(dossier.receivedAt)),
            ("accepted_at", Instant.seconds(dossier.acceptedAt)),
            ("site_code", dossier.deskAgencyCode.rawValue),
            ("due_at", Instant.seconds(dossier.dueAt)),
            ("citizen_due_at", Instant.seconds(dossier.citizenDueAt)),
            ("completed_at", Instant.seconds(dossier.completedAt)),
            ("outcome", dossier.outcome?.rawValue),
            ("closed_at", Instant.seconds(dossier.closedAt)),
            ("withdrawn_at", Instant.seconds(dossier.withdrawnAt)),
            ("finished_at", Instant.seconds(dossier.finishedAt)),
            ("open_seconds", Self.openSeconds(dossier)),
            ("scoring_due_at", Instant.seconds(dossier.effectiveScoringDueAt)),
            ("processing_supplements", dossier.processingSupplementRequests),
            ("has_fees", dossier.hasFees ? 1 : 0),
            ("fees_paid", dossier.feesPaid ? 1 : 0),
            ("paid_at", Instant.seconds(dossier.paidAt)),
            ("paid_online", dossier.paidOnline.map { $0 ? 1 : 0 }),
            ("returned_at", Instant.seconds(dossier.returnedAt)),
            ("return_channel", dossier.returnChannel?.rawValue),
            ("current_agency_code", open?.agencyCode.rawValue),
            ("current_step", open?.name),
            ("current_step_due_at", Instant.seconds(open?.dueAt)),
            ("late_agency_code", late.agency),
            ("late_step", late.step),
            ("late_kind", late.kind),
            ("late_reason", late.reason),
            ("apology_sent", late.apology.map { $0 ? 1 : 0 }),
            ("version", dossier.version),
            ("state", try JSONText.encode(dossier)),
            ("updated_at", Instant.seconds(updatedAt)),
        ]
    }

    /// Seconds from receipt to completion or withdrawal (M0008): its maximum bounds how far back before a
    /// period the dossiers still open at its start can have been received.
    static func openSeconds(_ dossier: Dossier) -> Int? {
        guard let received = Instant.seconds(dossier.receivedAt), let finished = Instant.seconds(dossier.finishedAt) else { return nil }
        return finished - received
    }

    /// What the list's text search matches (M0006): the code and the applicant's name, folded.
    static func searchText(code: String, applicantName: String?) -> String {
        SearchText.fold(code + " " + (applicantName ?? ""))
    }

    /// A late dossier is reported by the officer's account where there is one, else by the first step that
    /// overran its allotted time.
    private var lateColumns: (agency: String?, step: String?, kind: String?, reason: String?, apology: Bool?) {
        guard let attribution = dossier.lateAttribution else { return (nil, nil, nil, nil, nil) }
        let record = attribution.record
        let overrun = attribution.overruns.first
        return (
            agency: (record?.agencyCode ?? overrun?.agencyCode)?.rawValue,
            step: record?.stepName ?? overrun?.stepName,
            kind: (record?.kind ?? .actual).rawValue,
            reason: record?.reason,
            apology: attribution.apologySent)
    }
}
