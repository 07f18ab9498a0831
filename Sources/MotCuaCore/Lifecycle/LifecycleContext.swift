import Foundation
import WorkCalendar

/// What `decide` needs besides the dossier: the procedure version it runs under (for `register` and
/// `receive`: the version in force at that instant, from `ProcedureCatalogue.procedure(_:at:)`), the working
/// calendar (with the administrator's adjustments) and the agencies' office hours.
public struct LifecycleContext: Sendable {
    public var procedure: Procedure
    public var calendar: WorkingCalendar
    /// Office hours by agency; agencies not listed keep `OfficeHours.standard`.
    public var officeHours: [AgencyCode: OfficeHours]

    public init(procedure: Procedure, calendar: WorkingCalendar = .vietnam, officeHours: [AgencyCode: OfficeHours] = [:]) {
        self.procedure = procedure
        self.calendar = calendar
        self.officeHours = officeHours
    }

    public init(procedure: Procedure, calendar: WorkingCalendar = .vietnam, agencies: AgencyDirectory) {
        self.init(procedure: procedure, calendar: calendar, officeHours: agencies.officeHoursByAgency)
    }

    public func hours(of agency: AgencyCode) -> OfficeHours { officeHours[agency] ?? .standard }

    /// Hours of the procedure's owning agency (the dossier's deadline).
    public var owningHours: OfficeHours { hours(of: procedure.agencyCode) }
}
