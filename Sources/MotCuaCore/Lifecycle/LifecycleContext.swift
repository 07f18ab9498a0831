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
    /// Working days an accepting site has to deliver a dossier accepted on behalf (the dated setting in
    /// force at acceptance, `DatedSetting.forwardingWorkingDays`).
    public var forwardingWorkingDays: Int
    /// Successors of merged agencies: (the last day of the agency's names, its successor).
    public var successions: [AgencyCode: (lastDay: LocalDate, successor: AgencyCode)] = [:]

    public init(procedure: Procedure, calendar: WorkingCalendar = .vietnam, officeHours: [AgencyCode: OfficeHours] = [:],
                forwardingWorkingDays: Int = DatedSetting.forwardingWorkingDays.defaultValue) {
        self.procedure = procedure
        self.calendar = calendar
        self.officeHours = officeHours
        self.forwardingWorkingDays = forwardingWorkingDays
    }

    public init(procedure: Procedure, calendar: WorkingCalendar = .vietnam, agencies: AgencyDirectory,
                forwardingWorkingDays: Int = DatedSetting.forwardingWorkingDays.defaultValue) {
        self.init(procedure: procedure, calendar: calendar, officeHours: agencies.officeHoursByAgency,
                  forwardingWorkingDays: forwardingWorkingDays)
        successions = agencies.successions
    }

    /// The agency doing `code`'s work at `instant` (its successor once it has merged away).
    public func agencyInCharge(of code: AgencyCode, at instant: Date) -> AgencyCode {
        let day = VietnamTime.localDate(of: instant)
        var current = code
        var steps = 0
        while let succession = successions[current], succession.lastDay < day, steps < 16 {
            current = succession.successor
            steps += 1
        }
        return current
    }

    public func hours(of agency: AgencyCode) -> OfficeHours { officeHours[agency] ?? .standard }

    /// Hours of the procedure's owning agency (the dossier's deadline).
    public var owningHours: OfficeHours { hours(of: procedure.agencyCode) }
}
