import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// `motcua import documents FILE` — the register of issued documents:
/// `number,date,type,issuer,subject,tags,section,lead,note` (tags separated by `;`; section the report
/// section citing it, e.g. I.1, II.2, II.6, or empty; lead the sentence before documents cited together).
/// A number/symbol identifies its document: importing it again replaces it.
public struct DocumentImporter: Sendable {
    public static let columns = ["number", "date", "type", "issuer", "subject", "tags", "section", "lead", "note"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns)
        var documents: [IssuedDocument] = []
        var problems: [RowProblem] = []
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(Self.columns.count)") }
            let number = check.required("number")
            let date = check.parsed("date") { try LocalDate(iso: $0) }
            let type = check.required("type"), issuer = check.required("issuer"), subject = check.required("subject")
            if let number, let date, let type, let issuer, let subject, check.problems.isEmpty {
                func optional(_ column: String) -> String? { row[column].isEmpty ? nil : row[column] }
                documents.append(IssuedDocument(
                    id: "document-" + number, number: number, date: date, type: type, issuer: issuer, subject: subject,
                    tags: row["tags"].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                    reportSection: optional("section"), lead: optional("lead"), note: optional("note"), position: row.line))
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        guard problems.isEmpty else { throw ImportError.rows(problems) }
        let existing = try await existingKeys(documents.map(\.id), table: "issued_documents", column: "id", on: database.sql)
        try await ReportRecordStore(database: database).save(documents: documents)
        return ImportResult(kind: "documents", rows: documents.count, imported: documents.count - existing.count,
                            alreadyPresent: existing.count, seconds: Date().timeIntervalSince(started))
    }
}

/// `motcua import report-entries FILE` — what officers record for the quarterly report:
/// `date,kind,section,category,count,title,text,result` (kind: training, staffing, meeting, portal_question,
/// feedback, paragraph, papi_row, direction, recipient, signature, setting). Rows keep the file's order.
public struct ReportEntryImporter: Sendable {
    public static let columns = ["date", "kind", "section", "category", "count", "title", "text", "result"]
    public let database: Database

    public init(database: Database) { self.database = database }

    public func run(_ data: Data, progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var table = try CSVTable(data: data, expectedColumns: Self.columns)
        var entries: [ReportEntry] = []
        var problems: [RowProblem] = []
        var occurrences: [[String]: Int] = [:]
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(Self.columns.count)") }
            let date = check.parsed("date") { try LocalDate(iso: $0) }
            let kind = check.choice("kind", ReportEntry.Kind.self)
            let count = check.optional("count") { text -> Int in
                guard let n = Int(text), n >= 0 else { throw ValidationError(field: "count", value: text, reason: "must be a whole number, 0 or more",
                                                                      vietnamese: "Số lượng phải là số nguyên không âm.") }
                return n
            }
            if let date, let kind, check.problems.isEmpty {
                let key = Self.columns.map { row[$0] }
                occurrences[key, default: 0] += 1
                entries.append(ReportEntry(
                    id: importedRowID(key, occurrence: occurrences[key]!), kind: kind, date: date, section: row["section"],
                    position: row.line, category: row["category"], count: count ?? 1, title: row["title"], text: row["text"],
                    result: row["result"]))
            }
            if let problem = check.rowProblem { problems.append(problem) }
            progress("checked", row.line)
        }
        guard problems.isEmpty else { throw ImportError.rows(problems) }
        let existing = try await existingKeys(entries.map(\.id), table: "report_entries", column: "id", on: database.sql)
        try await ReportRecordStore(database: database).save(entries: entries.filter { !existing.contains($0.id) })
        return ImportResult(kind: "report entries", rows: entries.count, imported: entries.count - existing.count,
                            alreadyPresent: existing.count, seconds: Date().timeIntervalSince(started))
    }
}
