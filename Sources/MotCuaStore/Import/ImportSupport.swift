import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// What an import did: rows read, rows written, rows left alone because their code was already there.
public struct ImportResult: Sendable, Equatable, CustomStringConvertible {
    public let kind: String
    public let rows: Int
    public let imported: Int
    public let alreadyPresent: Int
    public let seconds: Double

    public var description: String {
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : rows
        return "\(kind): \(rows) row(s) read, \(imported) imported, \(alreadyPresent) already present (\(rate) rows/s)"
    }
}

/// Progress callback: a phase name and how many rows are done in it.
public typealias ImportProgress = @Sendable (_ phase: String, _ done: Int) -> Void

/// Collects the problems of one row, each naming its column, so a row reports everything wrong at once.
struct RowChecker {
    let row: CSVRow
    private(set) var problems: [String] = []

    init(_ row: CSVRow) { self.row = row }

    mutating func problem(_ column: String, _ reason: String) {
        problems.append("\(column): \(reason)")
    }

    mutating func required(_ column: String) -> String? {
        let value = row[column]
        if value.isEmpty { problem(column, "is empty") ; return nil }
        return value
    }

    /// Runs a parser on a non-empty field; an empty field gives nil without a problem.
    mutating func optional<T>(_ column: String, _ parse: (String) throws -> T) -> T? {
        let value = row[column]
        guard !value.isEmpty else { return nil }
        do { return try parse(value) } catch {
            problem(column, "'\(value)' \(Self.reason(error))")
            return nil
        }
    }

    mutating func parsed<T>(_ column: String, _ parse: (String) throws -> T) -> T? {
        guard let value = required(column) else { return nil }
        do { return try parse(value) } catch {
            problem(column, "'\(value)' \(Self.reason(error))")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, optional: Bool = false) -> T?
        where T.RawValue == String
    {
        let value = row[column]
        if value.isEmpty {
            if !optional { problem(column, "is empty") }
            return nil
        }
        guard let choice = T(rawValue: value) else {
            problem(column, "'\(value)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice
    }

    static func reason(_ error: any Error) -> String {
        if let validation = error as? MotCuaCore.ValidationError { return "is invalid: \(validation.reason)" }
        if let value = error as? ImportValueError { return value.description }
        return "is invalid: \(error)"
    }

    var rowProblem: RowProblem? {
        problems.isEmpty ? nil : RowProblem(line: row.line, reason: problems.joined(separator: "; "))
    }
}

enum ImportLimits {
    /// Rows per INSERT statement: well under SQLite's and PostgreSQL's limits on bound parameters.
    static let batchRows = 400
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// Which of `codes` exist already in `table`.`column`, asked in batches.
func existingKeys(_ codes: [String], table: String, column: String, on sql: any SQLDatabase) async throws -> Set<String> {
    var found = Set<String>()
    for batch in codes.chunked(1000) {
        let rows = try await sql.select().column(SQLIdentifier(column)).from(SQLIdentifier(table))
            .where(SQLIdentifier(column), .in, SQLBind.group(Array(batch)))
            .all()
        for row in rows { found.insert(try row.decode(column: column, as: String.self)) }
    }
    return found
}

/// The instant since which imported names and procedure versions are valid: early enough for any
/// dossier a center may bring from an older system.
let importedValidSince: LocalDate = {
    do { return try LocalDate(iso: "2000-01-01") } catch { fatalError("constant date") }
}()
