import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaDemo
import MotCuaStore

/// `motcua benchmark-intake` (hidden: a developer's tool): registers and receives `--count` counter dossiers
/// one after another at the demo's center, as the desk does, and prints the time per registration. Run on
/// a copy of a demo database with `--sqlite-synchronous full` (the product) and `normal` to see what a
/// commit that survives a power cut costs (BENCHMARKS.md).
struct IntakeBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-intake",
        abstract: "Developer benchmark: desk registrations one by one (see BENCHMARKS.md).",
        shouldDisplay: false)

    @Option(help: "Registrations to time (at most 4999: one day's desk numbers).") var count = 500
    @Option(name: .customLong("sqlite-synchronous"), help: "full (the product) or normal.")
    var synchronous: String = SQLiteSynchronous.full.rawValue
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        guard SQLiteSynchronous(rawValue: synchronous) != nil else {
            throw ValidationError("--sqlite-synchronous must be full or normal, got '\(synchronous)'")
        }
        guard DossierCodeSeries.desk.numbers.contains(count) else { throw ValidationError("--count must be 1…4999") }
    }

    func run() async throws {
        let logger = Logger(label: "motcua.benchmark")
        let location = try DatabaseLocation(parsing: databaseOptions.rawValue)
        let database = try Database(location: location, logger: logger,
                                    sqliteSynchronous: SQLiteSynchronous(rawValue: synchronous) ?? .full)
        do {
            let now = Date()
            let store = DossierStore(database: database)
            let procedures = try await ProcedureStore(database: database).current(at: now, matching: nil, agency: nil, field: nil)
            guard let procedure = procedures.first else { throw CommandFailure("benchmark-intake: no procedure; run it on a demo database") }
            let applicant = try Applicant(kind: .person, name: "Nguyễn Văn Đo", idNumber: "066190001234", phone: "0912345678")
            let center = DemoGenerator.centerCode
            var durations: [Double] = []
            for _ in 0..<count {
                let started = DispatchTime.now().uptimeNanoseconds
                _ = try await store.register(RegistrationRequest(receivingAgency: center, procedureCode: procedure.code,
                                                                 applicant: applicant, channel: .counter),
                                             at: Date(), actor: "benchmark")
                durations.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            }
            durations.sort()
            let median = durations[durations.count / 2], p95 = durations[durations.count * 95 / 100]
            print(String(format: "synchronous=%@ registrations=%d median=%.2f ms p95=%.2f ms total=%.1f s",
                         synchronous, count, median, p95, durations.reduce(0, +) / 1000))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
