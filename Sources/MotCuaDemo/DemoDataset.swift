import Foundation
import MotCuaCore
import WorkCalendar

/// Everything `motcua demo` stores for "Văn phòng UBND tỉnh Đắk Nông": agencies, the catalogue (every
/// version), the dossiers with their full event histories, the guidance log, the satisfaction ratings and
/// the demo users. Built by `DemoGenerator.make(seed:)`; pure values, ready for the stores.
public struct DemoDataset: Sendable {
    public var agencies: [Agency]
    /// Every version of every procedure (version 2 where Decision 1121/QĐ-UBND cut the processing time).
    public var procedures: [Procedure]
    /// Each dossier, the events that built it (`Dossier.replay(events) == dossier`) and the agency that
    /// received it (the center; also the agency in its code).
    public var dossiers: [(dossier: Dossier, events: [DossierEvent], receivingAgency: AgencyCode)]
    public var guidance: [GuidanceContact]
    public var ratings: [SatisfactionRating]
    public var users: [DemoUser]

    public init(agencies: [Agency], procedures: [Procedure],
                dossiers: [(dossier: Dossier, events: [DossierEvent], receivingAgency: AgencyCode)],
                guidance: [GuidanceContact], ratings: [SatisfactionRating], users: [DemoUser]) {
        self.agencies = agencies
        self.procedures = procedures
        self.dossiers = dossiers
        self.guidance = guidance
        self.ratings = ratings
        self.users = users
    }

    /// The catalogue of `procedures`, to look up the version a dossier was received under.
    public func catalogue() throws -> ProcedureCatalogue { try ProcedureCatalogue(procedures) }

    /// The agencies by code.
    public func directory() throws -> AgencyDirectory { try AgencyDirectory(agencies) }
}

extension DemoDataset: Equatable {
    public static func == (lhs: DemoDataset, rhs: DemoDataset) -> Bool {
        lhs.agencies == rhs.agencies && lhs.procedures == rhs.procedures && lhs.guidance == rhs.guidance
            && lhs.ratings == rhs.ratings && lhs.users == rhs.users
            && lhs.dossiers.count == rhs.dossiers.count
            && zip(lhs.dossiers, rhs.dossiers).allSatisfy {
                $0.dossier == $1.dossier && $0.events == $1.events && $0.receivingAgency == $1.receivingAgency
            }
    }
}

/// A staff account of the demo.
public struct DemoUser: Sendable, Hashable, Codable {
    /// The roles of MotCuaWeb's `Principal.Role` (same raw values).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case reception, specialist, leader, manager, administrator
    }

    /// The password of every demo user: "motcua-demo". This is demo data for a local showcase: the
    /// password is public, so a real deployment must never import these users.
    public static let demoPassword = "motcua-demo"

    public var username: String
    public var displayName: String
    public var role: Role
    /// The agencies the user acts for.
    public var agencyCodes: [AgencyCode]

    public init(username: String, displayName: String, role: Role, agencyCodes: [AgencyCode]) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.agencyCodes = agencyCodes
    }

    enum CodingKeys: String, CodingKey { case username, displayName = "display_name", role, agencyCodes = "agency_codes" }
}

/// The generator could not build a consistent dataset (a defect of the generator or its resources).
public struct DemoError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let message: String

    init(_ message: String) { self.message = message }

    public var description: String { "Demo data: \(message)" }
    public var errorDescription: String? { description }
}
