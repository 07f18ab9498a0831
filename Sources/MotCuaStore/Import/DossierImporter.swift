import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// `motcua import dossiers FILE` — `code,procedure_code,channel,received_at,due_at,completed_at,returned_at,
/// return_channel,outcome,late_agency_code,late_step,late_kind,late_reason,apology_sent`, then optionally
/// `accepted_at` (when the site that issued the code accepted it; empty = `received_at`). An empty `due_at` is
/// computed from `received_at`, never from `accepted_at` (the period runs from the competent agency's receipt).
///
/// Every row is checked first (all problems of all rows are reported together); only a clean file is
/// written, in one transaction, so a file is imported whole or not at all. Codes already stored are
/// left alone, so importing the same file again changes nothing. Each dossier gets one `imported` event.
public struct DossierImporter: Sendable {
    public static let columns = [
        "code", "procedure_code", "channel", "received_at", "due_at", "completed_at", "returned_at",
        "return_channel", "outcome", "late_agency_code", "late_step", "late_kind", "late_reason", "apology_sent",
    ]
    public static let optionalColumns = ["accepted_at"]
    public let database: Database
    public let actor: String

    public init(database: Database, actor: String = "import") {
        self.database = database
        self.actor = actor
    }

    /// A checked row, ready to write.
    struct Prepared: Sendable {
        let dossier: Dossier
        let event: DossierEvent
        let field: String
    }

    /// Dossiers written per chunk of the second pass: bounds memory whatever the file's size.
    static let rowsPerChunk = 5_000

    public func run(_ data: Data, at now: Date = Date(), progress: ImportProgress = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        let reference = try await ReferenceData.load(database)
        let catalogue = try await ProcedureStore(database: database).catalogue()
        let agencies = Set(try await AgencyStore(database: database).all().map(\.code))
        @Sendable func prepare(_ check: inout RowChecker) -> Prepared? {
            self.prepare(&check, catalogue: catalogue, agencies: agencies, reference: reference, now: now)
        }

        // First pass: check every row, keeping only each code's line (for repeats), not the dossiers —
        // a million prepared dossiers would take gigabytes.
        var table = try CSVTable(data: data, expectedColumns: Self.columns, optionalColumns: Self.optionalColumns)
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        var checked = 0
        while let row = try table.nextRow() {
            var check = RowChecker(row)
            if let item = prepare(&check) {
                if let first = seen[item.dossier.code.rawValue] {
                    check.problem("code", "\(item.dossier.code) is repeated (first on line \(first))")
                } else {
                    seen[item.dossier.code.rawValue] = row.line
                }
            }
            if let problem = check.rowProblem { problems.append(problem) }
            checked += 1
            if checked % 10_000 == 0 { progress("checked", checked) }
        }
        progress("checked", checked)
        guard problems.isEmpty else { throw ImportError.rows(problems) }
        seen = [:]

        // Second pass, the file being clean: read it again and write it chunk by chunk, in one transaction.
        let written = try await database.transaction { sql in
            var table = try CSVTable(data: data, expectedColumns: Self.columns, optionalColumns: Self.optionalColumns)
            var chunk: [Prepared] = []
            chunk.reserveCapacity(Self.rowsPerChunk)
            var written = 0
            func flush() async throws {
                let existing = try await existingKeys(chunk.map(\.dossier.code.rawValue), table: "dossiers", column: "code", on: sql)
                let records = chunk.filter { !existing.contains($0.dossier.code.rawValue) }.map {
                    DossierRecord(dossier: $0.dossier, events: [$0.event], receivingAgency: $0.dossier.code.agencyCode, field: $0.field)
                }
                let before = written
                try await DossierBatch.insert(records, on: sql) { progress("written", before + $0) }
                written += records.count
                chunk.removeAll(keepingCapacity: true)
            }
            while let row = try table.nextRow() {
                var check = RowChecker(row)
                // The data cannot change between the passes, so this only repeats the first pass's verdict.
                guard let item = prepare(&check) else { throw ImportError.rows(check.rowProblem.map { [$0] } ?? []) }
                chunk.append(item)
                if chunk.count == Self.rowsPerChunk { try await flush() }
            }
            if !chunk.isEmpty { try await flush() }
            return written
        }
        return ImportResult(kind: "dossiers", rows: checked, imported: written,
                            alreadyPresent: checked - written, seconds: Date().timeIntervalSince(started))
    }

    private func prepare(_ check: inout RowChecker, catalogue: ProcedureCatalogue, agencies: Set<AgencyCode>,
                         reference: ReferenceData, now: Date) -> Prepared? {
        let row = check.row
        if !row.hasExpectedWidth { check.problem("row", "has \(row.record.fields.count) fields, expected \(row.expectedWidth)") }
        let code = check.parsed("code") { try DossierCode(parsing: $0) }
        let procedureCode = check.parsed("procedure_code") { try ProcedureCode(parsing: $0) }
        let channel = check.choice("channel", Channel.self)
        let receivedAt = check.parsed("received_at", VietnamTime.parse)
        let acceptedAt = check.optional("accepted_at", VietnamTime.parse)
        if let acceptedAt, let receivedAt, acceptedAt > receivedAt {
            check.problem("accepted_at", "is after received_at: a site accepts a dossier before, or when, the competent agency receives it")
        }
        let dueAt = check.optional("due_at", VietnamTime.parse)
        let completedAt = check.optional("completed_at", VietnamTime.parse)
        let returnedAt = check.optional("returned_at", VietnamTime.parse)
        let returnChannel = check.choice("return_channel", Channel.self, optional: true)
        let outcome = check.choice("outcome", ImportedDossier.Outcome.self, optional: true)
        let lateAgency = check.optional("late_agency_code") { try AgencyCode(parsing: $0) }
        let lateKind = check.choice("late_kind", LatenessRecord.Kind.self, optional: true)
        let apology = check.optional("apology_sent", Self.boolean)
        if let code, !agencies.contains(code.agencyCode) {
            check.problem("code", "its agency \(code.agencyCode) is not a stored agency (import agencies first)")
        }
        if let lateAgency, !agencies.contains(lateAgency) { check.problem("late_agency_code", "\(lateAgency) is not a stored agency") }
        if lateKind == nil, !row["late_reason"].isEmpty || !row["late_step"].isEmpty || lateAgency != nil || apology != nil {
            check.problem("late_kind", "is empty although late_agency_code, late_step, late_reason or apology_sent is given")
        }
        var procedure: Procedure?
        if let procedureCode, let receivedAt {
            procedure = catalogue.procedure(procedureCode, at: receivedAt)
            if procedure == nil {
                check.problem("procedure_code", catalogue.versions[procedureCode] == nil
                              ? "\(procedureCode) is not in the catalogue (import procedures first)"
                              : "\(procedureCode) has no version in force at received_at")
            }
        }
        guard check.problems.isEmpty, let code, let channel, let receivedAt, let procedure else { return nil }

        let context = reference.context(for: procedure, at: receivedAt)
        let due: Date
        if let dueAt {
            due = dueAt
        } else {
            do { due = try DossierLifecycle.deadline(receivedAt: receivedAt, context: context).due } catch {
                check.problem("due_at", "is empty and cannot be computed: \(error)")
                return nil
            }
        }
        let lateness = lateKind.map {
            LatenessRecord(kind: $0, reason: row["late_reason"], apologySent: apology ?? false,
                           agencyCode: lateAgency, stepName: row["late_step"].isEmpty ? nil : row["late_step"])
        }
        let imported = ImportedDossier(
            code: code, procedure: procedure.reference, owningAgencyCode: procedure.agencyCode, channel: channel,
            receivedAt: receivedAt, dueAt: due, completedAt: completedAt, returnedAt: returnedAt,
            returnChannel: returnChannel, outcome: outcome, lateness: lateness, acceptedAt: acceptedAt)
        do {
            let event = try DossierLifecycle.importEvent(imported, at: max(now, receivedAt), actor: actor)
            let dossier = try DossierLifecycle.evolve(nil, event)
            return Prepared(dossier: dossier, event: event, field: procedure.field)
        } catch {
            check.problem("row", "\(error)")
            return nil
        }
    }

    static func boolean(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ImportValueError("must be true or false")
        }
    }
}
