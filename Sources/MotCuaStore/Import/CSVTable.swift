import Foundation

/// A CSV file whose header must hold exactly the expected columns (in any order), and may hold some optional
/// ones (added to a format later, so that older files still import), read row by row with field access by
/// column name; an optional column the file lacks reads as empty.
public struct CSVTable {
    public let columns: [String]
    private let positions: [String: Int]
    private var reader: CSVReader

    public init(data: Data, expectedColumns: [String], optionalColumns: [String] = []) throws(ImportError) {
        var reader = CSVReader(data: data)
        guard let header = reader.next() else {
            if let error = reader.error { throw .syntax(error) }
            throw .header("the file is empty; the first line must be: \(expectedColumns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = expectedColumns.filter { !names.contains($0) }
        let unknown = names.filter { !expectedColumns.contains($0) && !optionalColumns.contains($0) }
        let repeated = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
        guard missing.isEmpty, unknown.isEmpty, repeated.isEmpty else {
            var problems: [String] = []
            if !missing.isEmpty { problems.append("missing column(s) \(missing.joined(separator: ", "))") }
            if !unknown.isEmpty { problems.append("unknown column(s) \(unknown.joined(separator: ", "))") }
            if !repeated.isEmpty { problems.append("repeated column(s) \(repeated.sorted().joined(separator: ", "))") }
            let optional = optionalColumns.isEmpty ? "" : " (optional: \(optionalColumns.joined(separator: ",")))"
            throw .header(problems.joined(separator: "; ") + " — expected: \(expectedColumns.joined(separator: ","))" + optional)
        }
        columns = expectedColumns + optionalColumns.filter(names.contains)
        positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.reader = reader
    }

    /// The next data row, or nil at the end. A row with the wrong number of fields is an error of that row.
    public mutating func nextRow() throws(ImportError) -> CSVRow? {
        guard let record = reader.next() else {
            if let error = reader.error { throw .syntax(error) }
            return nil
        }
        return CSVRow(record: record, positions: positions)
    }
}

public struct CSVRow {
    public let record: CSVRecord
    let positions: [String: Int]

    public var line: Int { record.line }
    public var hasExpectedWidth: Bool { record.fields.count == positions.count }
    /// The number of columns the header named.
    public var expectedWidth: Int { positions.count }

    /// The trimmed field, empty when absent.
    public subscript(_ column: String) -> String {
        guard let position = positions[column], position < record.fields.count else { return "" }
        return record.fields[position].trimmingCharacters(in: .whitespaces)
    }
}

/// Why a file could not be imported at all (as opposed to bad rows, which are listed one by one).
public enum ImportError: Error, CustomStringConvertible {
    case header(String)
    case syntax(CSVSyntaxError)
    case rows([RowProblem])

    public var description: String {
        switch self {
        case .header(let reason): "header: \(reason)"
        case .syntax(let error): "\(error) (nothing was imported)"
        case .rows(let problems): "\(problems.count) bad row(s); nothing was imported"
        }
    }
}

/// One bad row: its line in the file and what is wrong, naming the column.
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}
