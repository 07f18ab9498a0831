import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// The statistics of a period in the shape `motcua report --format json` prints: a contract other tools
/// read, so keys are added, never renamed.
public struct StatisticsReport: Sendable, Hashable, Codable {
    public struct Period: Sendable, Hashable, Codable { public var from: String, to: String }
    public struct Received: Sendable, Hashable, Codable { public var total, online, counter, postal: Int }
    public struct Resolved: Sendable, Hashable, Codable {
        public var total, early, onTime, late, returnedByPostal: Int
        enum CodingKeys: String, CodingKey {
            case total, early, onTime = "on_time", late, returnedByPostal = "returned_by_postal"
        }
    }
    public struct InProgress: Sendable, Hashable, Codable {
        public var total, withinDeadline, overdue: Int
        enum CodingKeys: String, CodingKey { case total, withinDeadline = "within_deadline", overdue }
    }
    public struct LateDetail: Sendable, Hashable, Codable {
        public var procedureCode, procedureName, step, kind, reason: String
        public var apologySent: Bool
        public var count: Int
        enum CodingKeys: String, CodingKey {
            case procedureCode = "procedure_code", procedureName = "procedure_name", step, kind, reason
            case apologySent = "apology_sent", count
        }
    }
    public struct LateAgency: Sendable, Hashable, Codable {
        public var agencyCode, agencyName: String
        public var count: Int
        public var details: [LateDetail]
        enum CodingKeys: String, CodingKey { case agencyCode = "agency_code", agencyName = "agency_name", count, details }
    }
    public struct Guidance: Sendable, Hashable, Codable {
        public var total, inPerson, outgoingCalls, incomingCalls: Int
        enum CodingKeys: String, CodingKey {
            case total, inPerson = "in_person", outgoingCalls = "outgoing_calls", incomingCalls = "incoming_calls"
        }
    }
    public struct Satisfaction: Sendable, Hashable, Codable {
        public var ratings, satisfied, unsatisfied: Int
        public var satisfiedPercent: Double
        enum CodingKeys: String, CodingKey {
            case ratings, satisfied, unsatisfied, satisfiedPercent = "satisfied_percent"
        }
    }

    /// Dossiers a site accepted for another agency's site, counted when accepted (issue 11).
    public struct AcceptedOnBehalf: Sendable, Hashable, Codable {
        public struct Site: Sendable, Hashable, Codable {
            public var agencyCode: String
            public var count: Int
            enum CodingKeys: String, CodingKey { case agencyCode = "agency_code", count }
        }
        public var total: Int
        public var byAgency: [Site]
        enum CodingKeys: String, CodingKey { case total, byAgency = "by_agency" }

        init(_ counts: [(AgencyCode, Int)]) {
            byAgency = counts.map { Site(agencyCode: $0.0.rawValue, count: $0.1) }
            total = counts.reduce(0) { $0 + $1.1 }
        }
    }

    public var period: Period
    public var received: Received
    public var carriedOver: Int
    public var resolved: Resolved
    public var inProgress: InProgress
    public var withdrawn: Int
    public var lateByAgency: [LateAgency]
    public var guidance: Guidance
    public var satisfaction: Satisfaction
    /// Added to the contract: the agency the figures are limited to, when one was asked for.
    public var agencyCode: String?
    /// Added to the contract (issue 11): dossiers accepted on behalf of another site. Always written; nil
    /// only in a report saved before it existed (an issued report stays as it was issued).
    public var acceptedOnBehalf: AcceptedOnBehalf? = nil

    enum CodingKeys: String, CodingKey {
        case period, received, carriedOver = "carried_over", resolved, inProgress = "in_progress", withdrawn
        case lateByAgency = "late_by_agency", guidance, satisfaction, agencyCode = "agency_code"
        case acceptedOnBehalf = "accepted_on_behalf"
    }

    /// The JSON text: keys in a stable order, UTF-8 without escaped slashes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Builds a `StatisticsReport` from the stores: every number is an SQL aggregate.
public struct StatisticsReporter: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// - Parameter agency: limit to dossiers whose procedure belongs to this agency or one below it; for a
    ///   site (center, branch, commune center), to the dossiers its desk (with its branches') receives.
    /// - Parameters:
    ///   - procedure: limit to one procedure; - field: limit to one field (lĩnh vực).
    /// - Parameter within: the agencies the reader may see (`Principal.listRestriction`); nil: every agency.
    public func report(_ period: StatisticsPeriod, agency: AgencyCode? = nil, procedure: ProcedureCode? = nil,
                       field: String? = nil, within: Set<AgencyCode>? = nil) async throws -> StatisticsReport {
        let directory = try await AgencyStore(database: database).directory()
        var scope = StatisticsScope(procedure: procedure, field: field)
        if let agency {
            guard directory[agency] != nil else { throw StoreError.notFound(kind: "agency", key: agency.rawValue) }
            let own = StatisticsScope.of(agency, in: directory, on: period.to)
            scope.sites = own.sites
            scope.owningAgencies = own.owningAgencies
        }
        if let within {
            scope.owningAgencies = (scope.owningAgencies ?? within.sorted()).filter(within.contains)
        }
        let statistics = StatisticsStore(database: database)
        let serviceLog = ServiceLogStore(database: database)
        async let figuresResult = statistics.dossierFigures(period, scope: scope)
        async let lateResult = statistics.lateGroups(period, scope: scope)
        async let guidanceResult = serviceLog.guidanceFigures(period, agencies: scope.owningAgencies)
        async let satisfactionResult = serviceLog.satisfactionFigures(period)
        async let onBehalfResult = statistics.acceptedOnBehalf(period, scope: scope)
        let (figures, late, guidance, satisfaction) = try await (figuresResult, lateResult, guidanceResult, satisfactionResult)
        let onBehalf = try await onBehalfResult

        let catalogue = try await ProcedureStore(database: database).catalogue()
        let namesOn = period.to
        // Each dossier counts once, under the agency in charge at the end of the period (after a merger,
        // the successor), the old agency's name kept beside it.
        var lateByAgency: [StatisticsReport.LateAgency] = []
        var formerNames: [String: [String]] = [:]
        for group in late {
            let procedure = catalogue.versions[group.procedure]?.last
            let detail = StatisticsReport.LateDetail(
                procedureCode: group.procedure.rawValue, procedureName: procedure?.name ?? "",
                step: group.step ?? "", kind: group.kind ?? "actual", reason: group.reason ?? "",
                apologySent: group.apologySent, count: group.count)
            let inCharge = directory.agencyInCharge(of: group.owningAgency, on: namesOn)
            if inCharge != group.owningAgency, let old = directory[group.owningAgency] {
                let oldName = old.name(on: old.names.last?.validUntil ?? namesOn)
                if !(formerNames[inCharge.rawValue] ?? []).contains(oldName) { formerNames[inCharge.rawValue, default: []].append(oldName) }
            }
            if let index = lateByAgency.firstIndex(where: { $0.agencyCode == inCharge.rawValue }) {
                lateByAgency[index].count += group.count
                lateByAgency[index].details.append(detail)
            } else {
                lateByAgency.append(StatisticsReport.LateAgency(
                    agencyCode: inCharge.rawValue,
                    agencyName: directory[inCharge]?.name(on: namesOn) ?? inCharge.rawValue,
                    count: group.count, details: [detail]))
            }
        }
        for index in lateByAgency.indices {
            if let former = formerNames[lateByAgency[index].agencyCode] {
                lateByAgency[index].agencyName += " (gồm hồ sơ của \(former.joined(separator: ", ")) trước khi sáp nhập)"
            }
        }
        return StatisticsReport(
            period: .init(from: period.from.description, to: period.to.description),
            received: .init(total: figures.received, online: figures.receivedOnline, counter: figures.receivedCounter,
                            postal: figures.receivedPostal),
            carriedOver: figures.carriedOver,
            resolved: .init(total: figures.resolved, early: figures.early, onTime: figures.onTime, late: figures.late,
                            returnedByPostal: figures.returnedByPostal),
            inProgress: .init(total: figures.inProgress, withinDeadline: figures.withinDeadline, overdue: figures.overdue),
            withdrawn: figures.withdrawn,
            lateByAgency: lateByAgency,
            guidance: .init(total: guidance.total, inPerson: guidance.inPerson, outgoingCalls: guidance.outgoingCalls,
                            incomingCalls: guidance.incomingCalls),
            satisfaction: .init(ratings: satisfaction.ratings, satisfied: satisfaction.satisfied,
                                unsatisfied: satisfaction.unsatisfied, satisfiedPercent: satisfaction.satisfiedPercent),
            agencyCode: agency?.rawValue,
            acceptedOnBehalf: .init(onBehalf))
    }
}
