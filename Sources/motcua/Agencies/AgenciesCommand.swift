import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `motcua agencies …`: the map of agencies over time.
struct AgenciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies",
        abstract: "Agencies over time: merge old agencies into their successor.",
        subcommands: [AgenciesMergeCommand.self])
}

struct AgenciesMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge OLD agencies into --into from --from: their names end the day before, open dossiers move to the successor (with an event), closed ones keep their names.",
        discussion: "Either --into CODE --from DATE OLD..., or --file PLAN.csv with the header old_code,new_code,from (one line per old agency).")

    @Option(help: "The successor agency's code.") var into: String?
    @Option(help: "The merger's first day, ISO (2025-07-01).") var from: String?
    @Option(help: "A CSV plan: old_code,new_code,from.") var file: String?
    @Argument(help: "The codes of the agencies merged away.") var olds: [String] = []
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        if file != nil {
            guard into == nil, from == nil, olds.isEmpty else { throw ValidationError("give either --file or --into/--from with OLD codes, not both") }
        } else {
            guard into != nil, from != nil, !olds.isEmpty else { throw ValidationError("give --into CODE --from DATE and at least one OLD code (or --file PLAN.csv)") }
        }
    }

    func plans() throws -> [MergerPlan] {
        func code(_ text: String, _ field: String) throws -> AgencyCode {
            do { return try AgencyCode(parsing: text) } catch { throw CommandFailure("agencies merge: \(field) '\(text)' is not an agency code") }
        }
        func day(_ text: String, _ field: String) throws -> LocalDate {
            do { return try LocalDate(iso: text) } catch { throw CommandFailure("agencies merge: \(field) '\(text)' is not an ISO date (2025-07-01)") }
        }
        guard let file else {
            return [MergerPlan(into: try code(into ?? "", "--into"), from: try day(from ?? "", "--from"),
                               olds: try olds.map { try code($0, "OLD") })]
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("agencies merge: cannot read \(file)") }
        var table = try CSVTable(data: data, expectedColumns: ["old_code", "new_code", "from"])
        var grouped: [String: MergerPlan] = [:]
        var order: [String] = []
        while let row = try table.nextRow() {
            let into = try code(row["new_code"], "line \(row.line): new_code")
            let start = try day(row["from"], "line \(row.line): from")
            let key = "\(into)|\(start)"
            if grouped[key] == nil { grouped[key] = MergerPlan(into: into, from: start, olds: []); order.append(key) }
            grouped[key]?.olds.append(try code(row["old_code"], "line \(row.line): old_code"))
        }
        guard !order.isEmpty else { throw CommandFailure("agencies merge: \(file) has no line") }
        return order.compactMap { grouped[$0] }
    }

    func run() async throws {
        let plans = try plans()
        let result = try await DatabaseOpener.withDatabase(databaseOptions, logger: Logger(label: "motcua.agencies")) { database in
            try await AgencyMerger(database: database).merge(plans, at: Date(), actor: CommandActor.current)
        }
        print("merged \(result.agencies.map(\.rawValue).joined(separator: ", ")); \(result.moved.count) open dossier(s) moved to the successor, \(result.keptClosed) closed dossier(s) kept under their historical names")
    }
}
