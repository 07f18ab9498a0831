import MotCuaCore
import WorkCalendar

/// The calendar (with the administrator's corrections) and the agencies' office hours that every
/// deadline needs. Read once per command: small tables, and always current across app servers.
struct ReferenceData: Sendable {
    let calendar: WorkingCalendar
    let officeHours: [AgencyCode: OfficeHours]

    static func load(_ database: Database) async throws -> ReferenceData {
        async let calendar = CalendarDayStore(database: database).workingCalendar()
        async let agencies = AgencyStore(database: database).all()
        var hours: [AgencyCode: OfficeHours] = [:]
        for agency in try await agencies where agency.officeHours != .standard { hours[agency.code] = agency.officeHours }
        return ReferenceData(calendar: try await calendar, officeHours: hours)
    }

    func context(for procedure: Procedure) -> LifecycleContext {
        LifecycleContext(procedure: procedure, calendar: calendar, officeHours: officeHours)
    }
}
