import Foundation
import WorkCalendar

/// The agencies known to the center, by code.
public struct AgencyDirectory: Sendable, Hashable {
    public let agencies: [AgencyCode: Agency]

    public init(_ agencies: [Agency]) throws(ValidationError) {
        var byCode: [AgencyCode: Agency] = [:]
        for agency in agencies {
            guard byCode[agency.code] == nil else {
                throw ValidationError(field: "agency_code", value: agency.code.rawValue, reason: "listed twice",
                                      vietnamese: "Mã cơ quan \(agency.code) bị trùng.")
            }
            byCode[agency.code] = agency
        }
        self.agencies = byCode
    }

    public subscript(code: AgencyCode) -> Agency? { agencies[code] }

    /// Office hours of an agency; the standard hours for an agency not in the directory.
    public func officeHours(of code: AgencyCode) -> OfficeHours {
        agencies[code]?.officeHours ?? .standard
    }

    /// `agency` and every agency below it, at any depth, sorted: what "the figures of an agency" cover.
    public func subtree(of agency: AgencyCode) -> [AgencyCode] {
        agencies.keys.filter { code in chain(from: code).contains { $0.code == agency } }.sorted()
    }

    /// The agency, then its parent, grandparent … (stops at an unknown code or a cycle).
    public func chain(from code: AgencyCode) -> [Agency] {
        var result: [Agency] = []
        var seen: Set<AgencyCode> = []
        var next: AgencyCode? = code
        while let c = next, !seen.contains(c), let agency = agencies[c] {
            result.append(agency)
            seen.insert(c)
            next = agency.parentCode
        }
        return result
    }

    /// Office hours of every agency, for a `LifecycleContext`.
    public var officeHoursByAgency: [AgencyCode: OfficeHours] { agencies.mapValues(\.officeHours) }
}
