import Foundation
import MotCuaCore
import WorkCalendar

/// The calendar (with the administrator's corrections) and the agencies' office hours that every
/// deadline needs. Read once per command: small tables, and always current across app servers.
struct ReferenceData: Sendable {
    let calendar: WorkingCalendar
    let officeHours: [AgencyCode: OfficeHours]
    let directory: AgencyDirectory
    let settings: DatedSettings

    static func load(_ database: Database) async throws -> ReferenceData {
        async let calendar = CalendarDayStore(database: database).workingCalendar()
        async let agencies = AgencyStore(database: database).all()
        async let settings = DatedSettingStore(database: database).all()
        var hours: [AgencyCode: OfficeHours] = [:]
        let all = try await agencies
        for agency in all where agency.officeHours != .standard { hours[agency.code] = agency.officeHours }
        return ReferenceData(calendar: try await calendar, officeHours: hours, directory: try AgencyDirectory(all),
                             settings: try await settings)
    }

    /// The context of a command at `instant` (the dated settings in force then).
    func context(for procedure: Procedure, at instant: Date) -> LifecycleContext {
        var context = LifecycleContext(procedure: procedure, calendar: calendar, officeHours: officeHours,
                                       forwardingWorkingDays: settings.value(of: .forwardingWorkingDays, at: instant))
        context.successions = directory.successions
        return context
    }

    /// The names a notice about `dossier` needs, as they read on the day of its last event.
    func noticeFacts(_ dossier: Dossier, procedure: Procedure) -> NoticePlanner.Facts {
        let day = VietnamTime.localDate(of: dossier.lastEventAt)
        func name(_ code: AgencyCode) -> String { directory[code]?.name(on: day) ?? code.rawValue }
        // The lookup address is the worker's to fill in ({{tra_cuu}} stays in the stored text).
        return NoticePlanner.Facts(procedureName: procedure.name, siteName: name(dossier.deskAgencyCode),
                                   owningAgencyName: name(dossier.owningAgencyCode), lookupURL: "{{tra_cuu}}")
    }
}
