import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore

/// Fills the dossier page's model from the stores.
struct DossierPageQuery: Sendable {
    let dossiers: DossierStore
    let procedures: ProcedureStore
    let agencies: AgencyStore
    let attachments: AttachmentStore
    let slips: SlipLoader
    let users: UserStore
    let notices: NoticeStore

    init(database: Database) {
        notices = NoticeStore(database: database)
        dossiers = DossierStore(database: database)
        procedures = ProcedureStore(database: database)
        agencies = AgencyStore(database: database)
        attachments = AttachmentStore(database: database)
        slips = SlipLoader(database: database)
        users = UserStore(database: database)
    }

    // Reads that may find nothing go through `ifFound` (an outage still throws) and never `try?` in a
    // condition: the release compiler crashes on it (see IfFound.swift).
    func model(of dossier: Dossier, frame: StaffFrame, now: Date) async throws -> DossierPageModel {
        let principal = frame.principal
        let events = try await dossiers.events(of: dossier.code)
        let procedure = try await ifFound { try await procedures.procedure(dossier.procedure) }
        var officerNames: [String: String] = [:]
        for actor in Set(events.map(\.actor)) {
            let user = try await users.user(actor)
            officerNames[actor] = user?.displayName
        }
        let actions = DossierActionPolicy.available(to: principal, on: dossier).compactMap(DossierPageAction.init)
        return DossierPageModel(
            frame: frame, dossier: dossier, events: events,
            procedureName: procedure?.name ?? dossier.procedure.code.rawValue,
            agencies: try await agencies.directory(),
            slips: await availableSlips(of: dossier, officer: principal.displayName),
            attachments: try await attachments.attachments(of: dossier.code),
            notices: try await notices.list(dossier: dossier.code, limit: 200),
            actions: actions.filter { Self.isOffered($0, on: dossier, stepCount: procedure?.steps.count) },
            showsPersonalData: principal.mayReadPersonalData(of: dossier), now: now,
            officerNames: officerNames)
    }

    /// Whether to show a form the policy allows: forms the lifecycle would refuse for a reason visible on the
    /// page (no step before the first, steps still to go, an extension already granted) are left out, so the
    /// officer sees only what can work. A forged post is still judged by the lifecycle.
    static func isOffered(_ action: DossierPageAction, on dossier: Dossier, stepCount: Int?) -> Bool {
        let open = dossier.openVisit
        switch action {
        case .sendBack: return (open?.stepIndex ?? 0) > 0
        case .recordResult:
            guard let open else { return true }
            return stepCount.map { open.stepIndex + 1 == $0 } ?? true
        case .extend: return dossier.dueExtension == nil
        default: return true
        }
    }

    /// The slips the dossier has the data for, linked to the API's printable HTML and Word files (which
    /// answer to the same session cookie).
    private func availableSlips(of dossier: Dossier, officer: String) async -> [DossierPageModel.Slip] {
        let context: SlipContext
        // Slips are a convenience of the page: a dossier whose data no slip can use still shows.
        do { context = try await slips.context(for: dossier.code, officer: SlipOfficer(name: officer)) } catch { return [] }
        let base = "\(JSONAPI.basePath)/dossiers/\(dossier.code.rawValue)/slips/"
        return SlipForm.available(for: context).compactMap { form in
            context.formSet.entry(form).map {
                DossierPageModel.Slip(form: form, label: $0.label, name: $0.name,
                                      htmlPath: base + form.rawValue + ".html", docxPath: base + form.rawValue + ".docx")
            }
        }
    }
}
