import WorkCalendar

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

    /// `siteGroup(of:)` of a site, or nil (every dossier) for none.
    public func siteGroup(ofOptional site: AgencyCode?) -> [AgencyCode]? { site.map(siteGroup(of:)) }

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

/// Successions after a merger (issue 11, item 4): an agency whose names all ended hands its work to its
/// successor; reports spanning the date count its dossiers under the agency in charge at the period's end.
extension AgencyDirectory {
    /// The agency in charge of `code`'s work on `date`: the agency itself while it bears a name, else its
    /// successor (followed along a chain of mergers).
    public func agencyInCharge(of code: AgencyCode, on date: LocalDate) -> AgencyCode {
        var current = code
        var seen: Set<AgencyCode> = [code]
        while let agency = agencies[current], agency.hasEnded(before: date), let next = agency.successorCode,
              seen.insert(next).inserted {
            current = next
        }
        return current
    }

    /// Merged agencies: the last day of their names and their successor (for a `LifecycleContext`).
    public var successions: [AgencyCode: (lastDay: LocalDate, successor: AgencyCode)] {
        var result: [AgencyCode: (lastDay: LocalDate, successor: AgencyCode)] = [:]
        for agency in agencies.values {
            if let successor = agency.successorCode, let until = agency.names.last?.validUntil { result[agency.code] = (until, successor) }
        }
        return result
    }

    /// The agencies whose work `code` has taken over by `date` (directly or along a chain), sorted.
    public func predecessors(of code: AgencyCode, on date: LocalDate) -> [AgencyCode] {
        agencies.keys.filter { $0 != code && agencyInCharge(of: $0, on: date) == code }.sorted()
    }
}

extension Agency {
    /// Whether every name of the agency ended before `date` (it was dissolved or merged).
    public func hasEnded(before date: LocalDate) -> Bool {
        guard let until = names.last?.validUntil else { return false }
        return until < date
    }

    /// The agency merged into `successor` from `date`: its open name closes the day before.
    public func merged(into successor: AgencyCode, from date: LocalDate) throws(ValidationError) -> Agency {
        let lastDay = date.adding(days: -1)
        let closed = try names.map { n throws(ValidationError) -> AgencyName in
            guard n.validFrom <= lastDay else {
                throw ValidationError(field: "from", value: date.description,
                                      reason: "\(code) bears the name \"\(n.name)\" only from \(n.validFrom); it cannot be merged before that",
                                      vietnamese: "Cơ quan \(code) mang tên \"\(n.name)\" từ \(n.validFrom.vietnameseNumeric), không thể sáp nhập trước ngày đó.")
            }
            guard n.validUntil.map({ $0 > lastDay }) ?? true else { return n }
            return AgencyName(validFrom: n.validFrom, validUntil: lastDay, name: n.name, shortName: n.shortName)
        }
        return try Agency(code: code, parentCode: parentCode, level: level, kind: kind, names: closed,
                          officeHours: officeHours, successorCode: successor)
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
