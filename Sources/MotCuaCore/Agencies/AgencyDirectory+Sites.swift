/// Which site's desk receives for an agency, and how a desk takes a dossier in: directly, or on behalf of
/// the competent agency's site (Decree 118/2025/NĐ-CP as amended by Decree 309/2026, Art. 14.4, 17.3).
extension AgencyDirectory {
    /// Every site (center, branch, commune center), sorted by code.
    public var sites: [Agency] {
        agencies.values.filter(\.kind.isSite).sorted { $0.code < $1.code }
    }

    /// The site whose desk receives the dossiers of `agency`: the agency itself if it is a site; else, going up
    /// from it, the first agency that is a site or that has a provincial or commune center among its direct
    /// subordinates (a department → the provincial center beside it under the provincial People's
    /// Committee; a commune's People's Committee → its commune center). Nil when no site serves it.
    public func homeSite(of agency: AgencyCode) -> AgencyCode? {
        for ancestor in chain(from: agency) {
            if ancestor.kind.isSite { return ancestor.code }
            let centers = agencies.values.filter {
                $0.parentCode == ancestor.code && ($0.kind == .center || $0.kind == .communeCenter)
            }
            if let center = centers.min(by: { $0.code < $1.code }) { return center.code }
        }
        return nil
    }

    /// The site a branch works for (its parent center); a site's own code otherwise.
    public func principalSite(of site: AgencyCode) -> AgencyCode {
        guard let agency = agencies[site], agency.kind == .branch, let parent = agency.parentCode,
              agencies[parent]?.kind.isSite == true else { return site }
        return parent
    }

    /// How the desk of `desk` takes in a dossier of `procedure` (as the procedure stands at the instant).
    public func intakeRoute(at desk: AgencyCode, for procedure: Procedure) -> IntakeRoute {
        // A desk that is not a site (an agency receiving for itself) or a province without sites keeps the
        // 2021 model: the desk receives what it is given.
        guard agencies[desk]?.kind.isSite == true, let home = homeSite(of: procedure.agencyCode) else { return .direct }
        if principalSite(of: desk) == principalSite(of: home) { return .direct }
        return procedure.acceptedAtAnySite ? .onBehalf(destination: home) : .notServed(home: home)
    }

    /// The sites `site` stands for in lists and figures: itself and, for a center, its branches.
    public func siteGroup(of site: AgencyCode) -> [AgencyCode] {
        ([site] + agencies.values.filter { $0.kind == .branch && $0.parentCode == site }.map(\.code)).sorted()
    }
}

/// How a desk takes in a dossier (`AgencyDirectory.intakeRoute`).
public enum IntakeRoute: Sendable, Hashable {
    /// The desk serves the competent agency: it receives, and the period starts.
    case direct
    /// The procedure is listed for acceptance at any site: the desk accepts and forwards to `destination`.
    case onBehalf(destination: AgencyCode)
    /// Neither: the dossier belongs at `home`'s desk.
    case notServed(home: AgencyCode)
}
