import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// `motcua import procedures FILE` — `code,name,field,agency_code,processing_days,legal_days,online_level`,
/// then optionally `any_site` (`true`/`false`, empty = false: listed for acceptance at any site).
///
/// Each new code becomes version 1, valid from 2000-01-01, without an internal process (steps are added
/// in the administration pages); a code already stored is left as it is.
public struct ProcedureImporter: Sendable {
    public static let columns = ["code", "name", "field", "agency_code", "processing_days", "legal_days", "online_level"]
    public static let optionalColumns = ["any_site"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns, optionalColumns: Self.optionalColumns)
        let agencies = Set(try await AgencyStore(database: database).all().map(\.code))
        let validFrom = VietnamTime.instant(date: importedValidSince, time: try TimeOfDay(hour: 0))
        var procedures: [Procedure] = []
        var problems: [RowProblem] = []
        var seen: [ProcedureCode: Int] = [:]
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(row.expectedWidth)") }
            let code = check.parsed("code") { try ProcedureCode(parsing: $0) }
            let name = check.required("name")
            let field = check.required("field")
            let agency = check.parsed("agency_code") { try AgencyCode(parsing: $0) }
            let processing = check.parsed("processing_days", Self.positiveDays)
            let legal = check.parsed("legal_days", Self.positiveDays)
            let online = check.choice("online_level", OnlineLevel.self)
            let anySite = check.optional("any_site", DossierImporter.boolean) ?? false
            if let agency, !agencies.contains(agency) { check.problem("agency_code", "\(agency) is not a stored agency (import agencies first)") }
            if let processing, let legal, processing > legal {
                check.problem("processing_days", "\(processing) is longer than legal_days \(legal); a province may only cut the legal time")
            }
            if let code, let first = seen[code] { check.problem("code", "\(code) is repeated (first on line \(first))") }
            if let code, let name, let field, let agency, let processing, let legal, let online, check.problems.isEmpty {
                seen[code] = row.line
                do {
                    procedures.append(try Procedure(
                        code: code, version: 1, validFrom: validFrom, name: name, field: field, agencyCode: agency,
                        legalTime: .workingDays(legal), localTime: .workingDays(processing), onlineLevel: online,
                        acceptedAtAnySite: anySite))
                } catch {
                    check.problem("code", RowChecker.reason(error))
                }
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        guard problems.isEmpty else { throw ImportError.rows(problems) }
        let candidates = procedures
        let fresh = try await database.transaction { sql in
            let existing = try await existingKeys(candidates.map(\.code.rawValue), table: "procedures", column: "code", on: sql)
            let fresh = candidates.filter { !existing.contains($0.code.rawValue) }
            for (index, procedure) in fresh.enumerated() {
                try await ProcedureStore.add(procedure, on: sql)
                progress("written", index + 1)
            }
            return fresh.count
        }
        return ImportResult(kind: "procedures", rows: procedures.count, imported: fresh,
                            alreadyPresent: procedures.count - fresh, seconds: Date().timeIntervalSince(started))
    }

    static func positiveDays(_ text: String) throws -> Int {
        guard let days = Int(text), days > 0, days <= 3650 else { throw ImportValueError("must be a whole number of working days from 1 to 3650") }
        return days
    }
}

struct ImportValueError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
