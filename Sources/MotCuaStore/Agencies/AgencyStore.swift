import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Agencies and their names over time.
public struct AgencyStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates the agency or replaces what is stored about it (its names included).
    /// `audit`, when given, is appended in the same transaction.
    public func save(_ agency: Agency, at instant: Date = Date(), audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await Self.save(agency, at: instant, on: sql)
            try await AuditStore.append(audit, on: sql)
        }
    }

    static func save(_ agency: Agency, at instant: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "agencies")
            .columns("code", "parent_code", "level", "kind", "office_hours", "successor_code", "created_at")
            .values(SQLBind(agency.code.rawValue), SQLBind(agency.parentCode?.rawValue), SQLBind(agency.level.rawValue),
                    SQLBind(agency.kind.rawValue), SQLBind(agency.officeHours == .standard ? nil : agency.officeHours.description),
                    SQLBind(agency.successorCode?.rawValue), SQLBind(Instant.seconds(instant)))
            .onConflict(with: ["code"]) { update in
                update.set(excludedValueOf: "parent_code").set(excludedValueOf: "level").set(excludedValueOf: "kind")
                    .set(excludedValueOf: "office_hours").set(excludedValueOf: "successor_code")
            }
            .run()
        try await sql.delete(from: "agency_names").where("agency_code", .equal, agency.code.rawValue).run()
        for naming in agency.names {
            try await sql.insert(into: "agency_names")
                .columns("agency_code", "valid_from", "valid_until", "name", "short_name")
                .values(SQLBind(agency.code.rawValue), SQLBind(naming.validFrom.description),
                        SQLBind(naming.validUntil?.description), SQLBind(naming.name), SQLBind(naming.shortName))
                .run()
        }
    }

    /// Every agency, in code order.
    public func all() async throws -> [Agency] {
        let names = try await database.sql.select()
            .columns("agency_code", "valid_from", "valid_until", "name", "short_name")
            .from("agency_names").orderBy("agency_code").orderBy("valid_from")
            .all()
        var namesByAgency: [String: [AgencyName]] = [:]
        for row in names {
            let naming = AgencyName(
                validFrom: try LocalDate(iso: row.decode(column: "valid_from", as: String.self)),
                validUntil: try row.optional("valid_until", as: String.self).map { try LocalDate(iso: $0) },
                name: try row.decode(column: "name", as: String.self),
                shortName: try row.decode(column: "short_name", as: String.self))
            namesByAgency[try row.decode(column: "agency_code", as: String.self), default: []].append(naming)
        }
        return try await database.sql.select()
            .columns("code", "parent_code", "level", "kind", "office_hours", "successor_code")
            .from("agencies").orderBy("code")
            .all()
            .map { row in
                let code = try row.decode(column: "code", as: String.self)
                guard let level = AgencyLevel(rawValue: try row.decode(column: "level", as: String.self)) else {
                    throw StoreError.corrupt(table: "agencies", key: code, reason: "unknown level")
                }
                guard let kind = AgencyKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                    throw StoreError.corrupt(table: "agencies", key: code, reason: "unknown kind")
                }
                return try Agency(
                    code: AgencyCode(parsing: code),
                    parentCode: try row.optional("parent_code", as: String.self).map { try AgencyCode(parsing: $0) },
                    level: level,
                    kind: kind,
                    names: namesByAgency[code] ?? [],
                    officeHours: try row.optional("office_hours", as: String.self).map { try OfficeHours(parsing: $0) } ?? .standard,
                    successorCode: try row.optional("successor_code", as: String.self).map { try AgencyCode(parsing: $0) })
            }
    }

    public func directory() async throws -> AgencyDirectory {
        try AgencyDirectory(try await all())
    }
}

extension AgencyStore {
    /// An agency as its audit rows show it: level, parent and every name with its validity.
    public static func auditValues(_ agency: Agency?) -> String? {
        guard let agency else { return nil }
        let names = agency.names.map { "\($0.validFrom)..\($0.validUntil?.description ?? "") \($0.name) (\($0.shortName))" }
        return AuditEvent.values(["level": agency.level.rawValue, "kind": agency.kind.rawValue, "parent": agency.parentCode?.rawValue,
                                  "names": names.joined(separator: "; ")])
    }
}
