import MotCuaCore
import MotCuaStore
import WorkCalendar

extension StatisticsScope {
    /// What "the figures of an agency" cover at the end of a period: for a site (center, branch, commune
    /// center) the dossiers its desk — with its branches' — receives; for any other agency the dossiers of
    /// the procedures it and the agencies below it own, those of the agencies merged into them by then
    /// included.
    public static func of(_ agency: AgencyCode, in directory: AgencyDirectory, on date: LocalDate) -> StatisticsScope {
        if directory[agency]?.kind.isSite == true { return StatisticsScope(sites: directory.siteGroup(of: agency)) }
        let own = directory.subtree(of: agency)
        return StatisticsScope(owningAgencies: Array(Set(own + own.flatMap { directory.predecessors(of: $0, on: date) })).sorted())
    }
}
