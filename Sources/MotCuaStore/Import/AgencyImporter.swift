import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// `motcua import agencies FILE` — `code,name,short_name,parent_code`, and optionally `kind` (center,
/// branch, commune_center, department, commune, other; empty = other).
///
/// An agency without a parent is taken as the province level, one with a parent as a department (a center,
/// branch or commune center as the center level, a commune as the commune level); the administration
/// pages can correct the level. Names are valid from 2000-01-01.
public struct AgencyImporter: Sendable {
    public static let columns = ["code", "name", "short_name", "parent_code"]
    public static let optionalColumns = ["kind"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns, optionalColumns: Self.optionalColumns)
        let known = Set(try await AgencyStore(database: database).all().map(\.code))
        var agencies: [(line: Int, agency: Agency)] = []
        var problems: [RowProblem] = []
        var seen: [AgencyCode: Int] = [:]
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(table.columns.count)") }
            let code = check.parsed("code") { try AgencyCode(parsing: $0) }
            let name = check.required("name")
            let shortName = row["short_name"].isEmpty ? name : row["short_name"]
            let parent = check.optional("parent_code") { try AgencyCode(parsing: $0) }
            let kind = row["kind"].isEmpty ? AgencyKind.other : check.choice("kind", AgencyKind.self)
            if let code, let first = seen[code] { check.problem("code", "\(code) is repeated (first on line \(first))") }
            if let code, code == parent { check.problem("parent_code", "an agency cannot be its own parent") }
            if let code, let name, let shortName, let kind, check.problems.isEmpty {
                seen[code] = row.line
                do {
                    let agency = try Agency(code: code, parentCode: parent, level: Self.level(of: kind, parent: parent), kind: kind,
                                            names: [AgencyName(validFrom: importedValidSince, name: name, shortName: shortName)])
                    agencies.append((row.line, agency))
                } catch {
                    check.problem("code", RowChecker.reason(error))
                }
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        for (line, agency) in agencies {
            if let parent = agency.parentCode, seen[parent] == nil, !known.contains(parent) {
                problems.append(RowProblem(line: line, reason: "parent_code: \(parent) is neither in this file nor already stored"))
            }
        }
        guard problems.isEmpty else { throw ImportError.rows(problems.sorted { $0.line < $1.line }) }
        let fresh = agencies.map(\.agency).filter { !known.contains($0.code) }
        let startedAt = started
        try await database.transaction { sql in
            for (index, agency) in fresh.enumerated() {
                try await AgencyStore.save(agency, at: startedAt, on: sql)
                progress("written", index + 1)
            }
        }
        return ImportResult(kind: "agencies", rows: agencies.count, imported: fresh.count,
                            alreadyPresent: agencies.count - fresh.count, seconds: Date().timeIntervalSince(started))
    }

    /// The level a kind implies; for `other` and `department`, the parent decides as before kinds existed.
    static func level(of kind: AgencyKind, parent: AgencyCode?) -> AgencyLevel {
        switch kind {
        case .center, .branch, .communeCenter: .center
        case .commune: .commune
        case .department, .other: parent == nil ? .province : .department
        }
    }
}
