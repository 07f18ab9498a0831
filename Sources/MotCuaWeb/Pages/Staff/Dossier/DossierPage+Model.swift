import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// Everything the dossier page shows, gathered by `DossierPageQuery` for one officer at one instant.
struct DossierPageModel: Sendable {
    /// What the page says at the top: the confirmation of an action just done, or why one was refused.
    enum Message: Sendable, Equatable {
        case done(String)
        case failed(String)
    }

    /// A submitted form shown again after a refusal, with what the officer typed.
    struct Resubmission: Sendable {
        let action: DossierPageAction
        let fields: FormFields
        let problemField: String?
    }

    struct Slip: Sendable {
        let form: SlipForm
        /// "Mẫu số 01" and the form's name, as the dossier's form set gives them.
        let label: String
        let name: String
        let htmlPath: String
        let docxPath: String
    }

    let frame: StaffFrame
    let dossier: Dossier
    let events: [DossierEvent]
    let procedureName: String
    let agencies: AgencyDirectory?
    let slips: [Slip]
    /// The files submitted with the dossier (online submissions), served by `AttachmentController`.
    let attachments: [AttachmentSummary]
    /// The notices the applicant was (or is to be) sent about the dossier, newest first.
    var notices: [Notice] = []
    var actions: [DossierPageAction]
    let showsPersonalData: Bool
    let now: Date
    /// Display names of the staff, by user name: the timeline names people, not accounts.
    var officerNames: [String: String] = [:]
    var message: Message?
    var resubmission: Resubmission?

    /// The agency's short name on the day it matters, or its code when the directory does not know it.
    func agencyName(_ code: AgencyCode, on instant: Date) -> String {
        agencies?[code]?.name(on: VietnamTime.localDate(of: instant)) ?? code.rawValue
    }

    /// "Trần Văn Thẩm (cv.khdt)" for a known officer; the actor as recorded otherwise ("system", "import").
    func actorName(_ actor: String) -> String {
        officerNames[actor].map { "\($0) (\(actor))" } ?? actor
    }

    /// What the officer typed into `name` of `action`'s form, when that form is shown again.
    func kept(_ action: DossierPageAction, _ name: String) -> String? {
        guard let resubmission, resubmission.action == action else { return nil }
        return resubmission.fields[name]
    }
}
