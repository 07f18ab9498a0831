import Foundation
import MotCuaCore
import WorkCalendar

/// Builds the demo of "Văn phòng UBND tỉnh Đắk Nông" (issue 5, item 7): the data whose statistics give
/// every figure of section III of the seed report (Báo cáo 1076/BC-VPUBND, CCHC and PAPI, Q3 2021).
///
/// Nothing is a total written into a table. Each dossier's fate (early, on time, late, withdrawn, still
/// open, carried over …) is chosen from the seed's exact counts; then its procedure, channel and instants
/// are drawn so that it reaches that fate, and it is driven through the real lifecycle
/// (`Dossier.register`, `execute`): counter and postal receipts on working days in office hours, online
/// submissions at any time, due instants from the lifecycle and the working calendar. The figures are
/// what `DossierFigures.compute` finds in the result, and `make` checks them before returning.
///
/// Pure: no clock, no I/O but the bundled resources (agencies, catalogue, late dossiers, name pools).
/// The same seed gives the same dataset; another seed gives other instants, applicants and procedures,
/// and the same figures.
public enum DemoGenerator {
    /// The receiving center: Trung tâm Hành chính công tỉnh Đắk Nông.
    public static let centerCode: AgencyCode = constant { try AgencyCode(parsing: "000.00.15.H56") }

    /// The center's statistics window of section III: 09/6/2021–07/9/2021.
    public static let statisticsWindow: StatisticsPeriod = constant {
        try StatisticsPeriod(from: LocalDate(year: 2021, month: 6, day: 9), to: LocalDate(year: 2021, month: 9, day: 7))
    }

    /// The report's own period (Decree 09/2019/NĐ-CP, Q3/2021): 15/6/2021–14/9/2021. No demo event is
    /// later than its last day.
    public static let reportPeriod: StatisticsPeriod = constant { try StatisticsPeriod.quarter(3, of: 2021) }

    /// Section III of the seed over `statisticsWindow`: 7 447 received (5 386 online, 125 by post,
    /// 1 936 at the counter), 357 carried over, 7 708 resolved (1 713 early, 5 962 on time, 33 late,
    /// 750 returned by post); the 96 left are 4 withdrawn and 92 in progress (7 of them overdue).
    public static let seedFigures: DossierFigures = {
        var f = DossierFigures()
        f.received = 7447; f.receivedOnline = 5386; f.receivedPostal = 125; f.receivedCounter = 1936
        f.carriedOver = 357
        f.resolved = 7708; f.early = 1713; f.onTime = 5962; f.late = 33; f.returnedByPostal = 750
        f.withdrawn = 4
        f.inProgress = 92; f.withinDeadline = 85; f.overdue = 7
        return f
    }()

    /// The seed's guidance figures (2 466 in all; 1 219 by the hotline).
    public static let seedGuidance: [GuidanceContact.Kind: Int] = [.inPerson: 1247, .outgoingCall: 613, .incomingCall: 606]

    /// The seed's satisfied share, in percent with one decimal.
    public static let seedSatisfiedPercent = 99.5

    /// The demo's staff accounts alone (no dossiers generated): `serve` looks for them to refuse a database
    /// whose accounts open with the public demo password.
    public static func users() throws -> [DemoUser] {
        try DemoWorld.load().users
    }

    public static func make(seed: UInt64 = 2021) throws -> DemoDataset {
        let world = try DemoWorld.load()
        guard world.centerCode == centerCode else { throw DemoError("agencies.json: the center is not \(centerCode)") }
        let calendar = WorkingCalendar.vietnam
        let clock = try OfficeClock(calendar: calendar, from: LocalDate(year: 2021, month: 4, day: 1),
                                    through: LocalDate(year: 2021, month: 12, day: 31))
        let marks = try DemoMarks(clock: clock)

        var planner = DossierPlanner(world: world, clock: clock, marks: marks, calendar: calendar,
                                     rng: DemoRandom(seed: seed, stream: 1))
        var plans = try planner.plans()

        // Codes in order of submission: <center>-YYMMDD-XXXX, XXXX the sequence of the day.
        let order = plans.indices.sorted { (plans[$0].registeredAt, plans[$0].id) < (plans[$1].registeredAt, plans[$1].id) }
        var sequences: [LocalDate: Int] = [:]
        for i in order {
            let date = VietnamTime.localDate(of: plans[i].registeredAt)
            let sequence = (sequences[date] ?? 0) + 1
            sequences[date] = sequence
            plans[i].code = try DossierCode(agencyCode: world.centerCode, date: date, sequence: sequence)
        }

        let applicants = ApplicantFactory(pools: world.people)
        var built: [BuiltDossier] = []
        built.reserveCapacity(plans.count)
        for i in order {
            let plan = plans[i]
            built.append(try DossierBuilder.build(plan, world: world, clock: clock, marks: marks, calendar: calendar,
                                                  applicants: applicants,
                                                  rng: DemoRandom(seed: seed, stream: 1_000_000 + UInt64(plan.id))))
        }

        let dataset = DemoDataset(
            agencies: world.agencies,
            procedures: world.entries.flatMap(\.versions),
            dossiers: built.map { (dossier: $0.dossier, events: $0.events, receivingAgency: world.centerCode) },
            guidance: GuidanceGenerator.make(world: world, clock: clock, marks: marks, seed: seed),
            ratings: RatingGenerator.make(built, seed: seed),
            users: world.users)

        let figures = DossierFigures.compute(built.lazy.map(\.dossier), period: statisticsWindow)
        guard figures == seedFigures else {
            throw DemoError("the generated dossiers give \(figures), not the seed's \(seedFigures)")
        }
        return dataset
    }

    private static func constant<T>(_ make: () throws -> T) -> T {
        do { return try make() } catch { fatalError("MotCuaDemo constant: \(error)") }
    }
}
