import Foundation
import MotCuaCore
import WorkCalendar

/// The agency an officer acts for at a desk: where the dossiers they receive are registered (the code's
/// prefix) and whose guidance log their contacts count in.
enum DeskAgency {
    /// Of the officer's agencies, a site in operation on `date` if there is one (reception officers belong
    /// to one; a branch that took over a merged center's desk lists both), else the first by code. Managers
    /// and administrators, who work for every agency, act for the center.
    static func of(_ principal: Principal, in directory: AgencyDirectory, on date: LocalDate = VietnamTime.localDate(of: Date())) -> AgencyCode? {
        let own = principal.agencies.sorted { $0.rawValue < $1.rawValue }
        let sites = own.filter { directory[$0]?.level == .center || directory[$0]?.kind.isSite == true }
        if let site = sites.first(where: { directory[$0]?.hasEnded(before: date) == false }) ?? sites.first { return site }
        if let first = own.first { return first }
        return principal.role == .manager || principal.role == .administrator ? center(in: directory, on: date) : nil
    }

    /// The center that receives online dossiers: the center-level agency directly under the province, else
    /// any center-level agency (first by code), preferring those in operation on `date`.
    static func center(in directory: AgencyDirectory, on date: LocalDate = VietnamTime.localDate(of: Date())) -> AgencyCode? {
        let centers = directory.agencies.values.filter { $0.level == .center }
            .sorted { ($0.hasEnded(before: date) ? 1 : 0, $0.code.rawValue) < ($1.hasEnded(before: date) ? 1 : 0, $1.code.rawValue) }
        let provincial = centers.first { center in
            !center.hasEnded(before: date) && center.parentCode.flatMap { directory[$0] }?.level == .province
        }
        return (provincial ?? centers.first)?.code
    }

    /// Where an online dossier of `procedure` is received: the site that serves its owning agency (a commune
    /// center for a commune's procedure), else the provincial center.
    static func onlineSite(for procedure: Procedure, in directory: AgencyDirectory, on date: LocalDate) -> AgencyCode? {
        directory.homeSite(of: procedure.agencyCode).flatMap { directory[$0]?.hasEnded(before: date) == false ? $0 : nil }
            ?? center(in: directory, on: date)
    }
}
