import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// A stable id for an imported row: the same row of the same file gets the same id, so importing a file
/// again adds nothing; identical rows within a file (two calls in the same minute) stay distinct by their
/// occurrence number. FNV-1a, 64 bits: not a security hash, a deduplication key.
func importedRowID(_ fields: [String], occurrence: Int) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in (fields + ["\(occurrence)"]).joined(separator: "\u{1F}").utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return "import-" + String(hash, radix: 16)
}

/// `motcua import guidance FILE` — `at,kind,agency_code,note` (kind: in_person, outgoing_call, incoming_call).
public struct GuidanceImporter: Sendable {
    public static let columns = ["at", "kind", "agency_code", "note"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns)
        let agencies = Set(try await AgencyStore(database: database).all().map(\.code))
        var rows: [(String, GuidanceContact)] = []
        var problems: [RowProblem] = []
        var occurrences: [[String]: Int] = [:]
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(Self.columns.count)") }
            let at = check.parsed("at", VietnamTime.parse)
            let kind = check.choice("kind", GuidanceContact.Kind.self)
            let agency = check.parsed("agency_code") { try AgencyCode(parsing: $0) }
            if let agency, !agencies.contains(agency) { check.problem("agency_code", "\(agency) is not a stored agency") }
            if let at, let kind, let agency, check.problems.isEmpty {
                let key = Self.columns.map { row[$0] }
                occurrences[key, default: 0] += 1
                rows.append((importedRowID(key, occurrence: occurrences[key]!),
                             GuidanceContact(at: at, kind: kind, agencyCode: agency, note: row["note"])))
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        guard problems.isEmpty else { throw ImportError.rows(problems) }
        let candidates = rows
        let written = try await database.transaction { sql in
            let existing = try await existingKeys(candidates.map(\.0), table: "guidance_contacts", column: "id", on: sql)
            let fresh = candidates.filter { !existing.contains($0.0) }
            try await ServiceLogStore.insert(fresh, recordedBy: "import", on: sql)
            return fresh.count
        }
        return ImportResult(kind: "guidance", rows: rows.count, imported: written, alreadyPresent: rows.count - written,
                            seconds: Date().timeIntervalSince(started))
    }
}

/// `motcua import ratings FILE` — `at,dossier_code,officer,rating` (rating: very_satisfied, satisfied, unsatisfied).
public struct RatingImporter: Sendable {
    public static let columns = ["at", "dossier_code", "officer", "rating"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns)
        var parsed: [(line: Int, id: String, rating: SatisfactionRating)] = []
        var problems: [RowProblem] = []
        var occurrences: [[String]: Int] = [:]
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(Self.columns.count)") }
            let at = check.parsed("at", VietnamTime.parse)
            let code = check.parsed("dossier_code") { try DossierCode(parsing: $0) }
            let officer = check.required("officer")
            let value = check.choice("rating", SatisfactionRating.Rating.self)
            if let at, let code, let officer, let value, check.problems.isEmpty {
                let key = Self.columns.map { row[$0] }
                occurrences[key, default: 0] += 1
                parsed.append((row.line, importedRowID(key, occurrence: occurrences[key]!),
                               SatisfactionRating(at: at, dossierCode: code, officer: officer, rating: value)))
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        let codes = Array(Set(parsed.map(\.rating.dossierCode.rawValue)))
        let known = try await existingKeys(codes, table: "dossiers", column: "code", on: database.sql)
        let returned = try await Self.returnedDossiers(codes, on: database.sql)
        let alreadyPresent = try await existingKeys(parsed.map(\.id), table: "satisfaction_ratings", column: "id", on: database.sql)
        let rated = try await existingKeys(codes, table: "satisfaction_ratings", column: "dossier_code", on: database.sql)
        var firstLine: [String: Int] = [:]
        for item in parsed {
            let code = item.rating.dossierCode.rawValue
            // RatingRule, as on every path: one rating per dossier, once its result was returned.
            if !known.contains(code) {
                problems.append(RowProblem(line: item.line, reason: "dossier_code: \(code) is not a stored dossier"))
            } else if !returned.contains(code) {
                problems.append(RowProblem(line: item.line, reason: "dossier_code: \(code) has not been returned; only a returned dossier can be rated"))
            } else if let line = firstLine[code] {
                problems.append(RowProblem(line: item.line, reason: "dossier_code: \(code) is rated on line \(line) already; one rating per dossier"))
            } else if rated.contains(code), !alreadyPresent.contains(item.id) {
                problems.append(RowProblem(line: item.line, reason: "dossier_code: \(code) already has a rating; one rating per dossier"))
            }
            firstLine[code] = firstLine[code] ?? item.line
        }
        guard problems.isEmpty else { throw ImportError.rows(problems.sorted { $0.line < $1.line }) }
        let candidates = parsed.map { ($0.id, $0.rating) }
        let written = try await database.transaction { sql in
            let existing = try await existingKeys(candidates.map(\.0), table: "satisfaction_ratings", column: "id", on: sql)
            let fresh = candidates.filter { !existing.contains($0.0) }
            try await ServiceLogStore.insert(fresh, on: sql)
            return fresh.count
        }
        return ImportResult(kind: "ratings", rows: parsed.count, imported: written, alreadyPresent: parsed.count - written,
                            seconds: Date().timeIntervalSince(started))
    }

    /// Those of `codes` whose result was returned.
    static func returnedDossiers(_ codes: [String], on sql: any SQLDatabase) async throws -> Set<String> {
        var found = Set<String>()
        for batch in codes.chunked(1000) {
            let rows = try await sql.select().column("code").from("dossiers")
                .where("code", .in, SQLBind.group(Array(batch))).where("returned_at", .isNot, SQLLiteral.null)
                .all()
            for row in rows { found.insert(try row.decode(column: "code", as: String.self)) }
        }
        return found
    }
}
