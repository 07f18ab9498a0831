import Foundation
import MotCuaCore
import WorkCalendar

/// `motcua demo --sample lam-dong-2026` (issue 11, item 5): the merged province after the 2025 reform.
/// Dossiers from April 2025 to November 2026: before 1 July 2025 received at the Đắk Nông center under
/// Decree 61/2018; from then at the Lâm Đồng sites under Decree 118/2025 (as amended by 309/2026 from
/// 5 August 2026), some accepted at one site for another's procedure and forwarded. The dossiers still
/// open on 1 July 2025 move to the successor departments with a `reassigned` event, as
/// `motcua agencies merge` does.
///
/// Like the 2021 demo, every dossier goes through the real lifecycle (`Dossier.register`, `execute`) with
/// the working calendar; the same seed gives the same dataset. Unlike it, no figure is fixed in advance:
/// the sample shows the system at work, not a report to reproduce.
public enum LamDong2026Sample {
    public static let name = "lam-dong-2026"
    public static let provincialCenter = LamDong2026World.center
    public static let firstDay = LamDong2026World.date(2025, 4, 1)
    public static let lastDay = LamDong2026World.date(2026, 11, 30)

    /// A commune center of the sample (Bắc Gia Nghĩa), for the README and the tests.
    public static let communeCenter = LamDong2026World.communeCenterCode(31)

    public static func users() -> [DemoUser] { LamDong2026World.users() }

    public static func make(seed: UInt64 = 2026) throws -> DemoDataset {
        var generator = try SampleGenerator(seed: seed)
        return try generator.make()
    }
}

/// The sample's dossiers, one arrival after another.
private struct SampleGenerator {
    typealias W = LamDong2026World

    let seed: UInt64
    let directory: AgencyDirectory
    let catalogue: ProcedureCatalogue
    let procedures: [Procedure]
    let clock: OfficeClock
    let pools: PeoplePools
    let end: Date
    let mergerInstant: Date
    var sequences: [String: Int] = [:]

    init(seed: UInt64) throws {
        self.seed = seed
        directory = try AgencyDirectory(W.agencies())
        procedures = try W.procedures()
        catalogue = try ProcedureCatalogue(procedures)
        // The clock runs past the sample's end so that deadlines and late results can be placed.
        clock = try OfficeClock(calendar: .vietnam, from: LamDong2026Sample.firstDay, through: W.date(2027, 3, 31))
        pools = try DemoWorld.load().people
        end = VietnamTime.instant(date: LamDong2026Sample.lastDay, time: try TimeOfDay(hour: 17))
        mergerInstant = VietnamTime.instant(date: W.mergerDay, time: try TimeOfDay(hour: 7, minute: 30))
    }

    mutating func make() throws -> DemoDataset {
        var rng = DemoRandom(seed: seed, stream: 11)
        var built: [(dossier: Dossier, events: [DossierEvent], receivingAgency: AgencyCode)] = []
        var ratings: [SatisfactionRating] = []
        let lastPosition = clock.position(of: end)
        var day = 0
        while (day + 1) * OfficeClock.dailyMinutes <= lastPosition {
            let date = clock.date(day * OfficeClock.dailyMinutes)
            let arrivals = date < W.mergerDay ? rng.int(4...7) : rng.int(8...13)
            var starts = (0..<arrivals).map { _ in day * OfficeClock.dailyMinutes + rng.below(OfficeClock.dailyMinutes - 30) }
            starts.sort()
            for start in starts {
                var item = DemoRandom(seed: seed, stream: 10_000 + UInt64(built.count))
                let result = try dossier(arrivingAt: start, rng: &item)
                built.append((result.dossier, result.events, result.dossier.code.agencyCode))
                if let rating = result.rating { ratings.append(rating) }
            }
            day += 1
        }
        let guidance: [GuidanceContact] = []
        return DemoDataset(agencies: try W.agencies(), procedures: procedures, dossiers: built, guidance: guidance,
                           ratings: ratings, users: W.users())
    }

    // MARK: One dossier

    struct Built {
        var dossier: Dossier
        var events: [DossierEvent]
        var rating: SatisfactionRating?
    }

    /// A dossier under way: its state and history, and whether the sample's end has come.
    struct Run {
        var dossier: Dossier
        var events: [DossierEvent]
        let end: Date
        let mergerInstant: Date
        let directory: AgencyDirectory
        var stopped = false

        /// Executes `command` at `at` unless the sample has ended; moves an open Đắk Nông dossier to the
        /// successors first when `at` is past the merger.
        mutating func run(_ command: DossierCommand, at: Date, actor: String, context: LifecycleContext) throws {
            guard !stopped else { return }
            guard at <= end else { stopped = true; return }
            if at >= mergerInstant, dossier.lastEventAt < mergerInstant { try mergeIfNeeded(context: context) }
            events.append(try dossier.execute(command, at: max(at, dossier.lastEventAt), actor: actor, context: context))
        }

        mutating func mergeIfNeeded(context: LifecycleContext) throws {
            let merger = LamDong2026World.mergerDay
            while dossier.completedAt == nil, dossier.closedAt == nil,
                  let from = ([dossier.owningAgencyCode] + (dossier.openVisit.map { [$0.agencyCode] } ?? []))
                    .first(where: { directory.agencyInCharge(of: $0, on: merger) != $0 }) {
                let to = directory.agencyInCharge(of: from, on: merger)
                events.append(try dossier.execute(.reassign(from: from, to: to, reason: "Sáp nhập tỉnh Đắk Nông vào tỉnh Lâm Đồng từ ngày 01/7/2025"),
                                                  at: mergerInstant, actor: "cli:sap-nhap", context: context))
            }
        }
    }

    mutating func dossier(arrivingAt start: Int, rng: inout DemoRandom) throws -> Built {
        let arrival = clock.instant(start)
        let beforeMerger = arrival < mergerInstant
        let procedure = try pickProcedure(at: arrival, beforeMerger: beforeMerger, rng: &rng)
        var context = LifecycleContext(procedure: procedure, agencies: directory)
        context.forwardingWorkingDays = DatedSetting.forwardingWorkingDays.defaultValue
        let (site, route) = pickSite(for: procedure, beforeMerger: beforeMerger, rng: &rng)
        let channel: Channel = if case .onBehalf = route { .counter } else { rng.chance(0.3) ? .online : rng.chance(0.06) ? .postal : .counter }
        let date = VietnamTime.localDate(of: arrival)
        let series = DossierCodeSeries.of(channel)
        let key = "\(site)|\(date)|\(series == .online)"
        let number = (sequences[key] ?? 0) + 1
        sequences[key] = number
        let code = try DossierCode(agencyCode: site, date: date, sequence: series.numbers.lowerBound - 1 + number)
        let desk = deskUser(site)
        let draft = DossierDraft(code: code, procedureCode: procedure.code, applicant: try applicant(after: !beforeMerger, rng: &rng),
                                 channel: channel)
        let (registered, first) = try Dossier.register(draft, at: arrival, actor: channel == .online ? "cong-dvc" : desk, context: context)
        var run = Run(dossier: registered, events: [first], end: end, mergerInstant: mergerInstant, directory: directory)
        var now = start

        switch route {
        case .onBehalf(let destination):
            try run.run(.acceptOnBehalf(destination: destination), at: arrival, actor: desk, context: context)
            now += rng.chance(0.85) ? rng.int(20...300) : rng.int(400...900)
            try run.run(.forward(channel: rng.chance(0.8) ? .electronic : .postal, note: nil), at: clock.instant(now), actor: desk, context: context)
            now += rng.chance(0.8) ? rng.int(30...400) : rng.int(450...1350)
            try run.run(.receive, at: clock.instant(now), actor: deskUser(destination), context: context)
        case .direct, .notServed:
            if channel == .online { now += rng.int(15...400) }
            try run.run(.receive, at: clock.instant(now), actor: desk, context: context)
        }
        let competentDesk = deskUser(run.dossier.deskAgencyCode)

        // Processing: transfer, the steps (mostly within their time, some over), the result, the return.
        now += rng.int(10...120)
        try run.run(.transfer, at: clock.instant(now), actor: competentDesk, context: context)
        if rng.chance(0.01) {
            now += rng.int(100...900)
            try run.run(.withdraw(reason: "Người nộp đề nghị rút hồ sơ"), at: clock.instant(now), actor: competentDesk, context: context)
            return Built(dossier: run.dossier, events: run.events)
        }
        for (index, step) in procedure.steps.enumerated() {
            let worker = officer(for: step, of: run.dossier)
            now += rng.int(5...60)
            try run.run(.acceptStep(assignee: worker), at: clock.instant(now), actor: worker, context: context)
            let allotted = step.allotted.workingMinutes()
            if index == 0, rng.chance(0.04) {
                now += rng.int(60...300)
                try run.run(.requestSupplement(reason: "Thiếu giấy tờ chứng minh quyền sử dụng đất", documents: ["Bản sao giấy chứng nhận"]),
                            at: clock.instant(now), actor: worker, context: context)
                now += rng.int(450...1800)
                try run.run(.receiveSupplement(note: "Đã bổ sung đủ"), at: clock.instant(now), actor: competentDesk, context: context)
            }
            if !beforeMerger, index == 0, rng.chance(0.005) {
                now += rng.int(60...300)
                try run.run(.stop(reason: "Tòa án đang thụ lý tranh chấp liên quan đến hồ sơ"), at: clock.instant(now),
                            actor: leader(for: step, of: run.dossier), context: context)
                return Built(dossier: run.dossier, events: run.events)
            }
            now += rng.chance(0.95) ? rng.int(allotted / 6...allotted * 6 / 10) : rng.int(allotted...allotted * 8 / 5)
            try run.run(.completeStep(note: nil), at: clock.instant(now), actor: worker, context: context)
        }
        now += rng.int(5...90)
        try run.run(.recordResult(outcome: rng.chance(0.97) ? .approved : .refused, note: nil), at: clock.instant(now),
                    actor: competentDesk, context: context)
        if run.dossier.isLate, rng.chance(0.6) {
            try run.run(.recordLateness(LatenessRecord(kind: .actual, reason: rng.pick(["Hồ sơ phức tạp, cần xác minh thực địa", "Chờ ý kiến cơ quan liên quan", "Công chức thụ lý đi công tác"]),
                                                       apologySent: false)),
                        at: clock.instant(now + 5), actor: competentDesk, context: context)
        }
        now += rng.chance(0.7) ? rng.int(30...900) : rng.int(900...3000)
        let returnChannel: Channel = channel == .postal ? .postal : .counter
        // The applicant may collect the result where they filed it (the accepting site).
        let returningDesk = rng.chance(0.5) ? desk : competentDesk
        try run.run(.returnResult(channel: returnChannel), at: clock.instant(now), actor: returningDesk, context: context)
        var rating: SatisfactionRating?
        if let returned = run.dossier.returnedAt, returnChannel == .counter, rng.chance(0.5) {
            let choice: SatisfactionRating.Rating = rng.chance(0.01) ? .unsatisfied : rng.chance(0.7) ? .verySatisfied : .satisfied
            rating = SatisfactionRating(at: returned, dossierCode: run.dossier.code, officer: returningDesk, rating: choice)
        }
        return Built(dossier: run.dossier, events: run.events, rating: rating)
    }

    // MARK: Choices

    func pickProcedure(at instant: Date, beforeMerger: Bool, rng: inout DemoRandom) throws -> Procedure {
        let codes: [ProcedureCode]
        let weights: [Int]
        if beforeMerger {
            codes = [W.criminalRecord, W.landRegistration]
            weights = [3, 2]
        } else {
            codes = [W.criminalRecord, W.landRegistration, W.buildingPermit] + W.communeProcedures.map(\.code)
            weights = [5, 4, 1, 3, 3, 2, 1, 4]
        }
        let code = codes[rng.weightedIndex(weights)]
        guard let procedure = catalogue.procedure(code, at: instant) else { throw DemoError("no version of \(code) at \(instant)") }
        return procedure
    }

    /// The site whose desk takes the dossier in, and how: before the merger the Đắk Nông center; after it
    /// the competent site (the provincial center or its branch for a department), or — for a procedure
    /// listed for any site, one time in five — another site, which accepts it on behalf.
    func pickSite(for procedure: Procedure, beforeMerger: Bool, rng: inout DemoRandom) -> (AgencyCode, IntakeRoute) {
        if beforeMerger { return (W.dakNongCenter, .direct) }
        let home = directory.homeSite(of: procedure.agencyCode) ?? W.center
        if procedure.acceptedAtAnySite, rng.chance(0.2) {
            let others = W.sites.map(\.code).filter {
                if case .onBehalf = directory.intakeRoute(at: $0, for: procedure) { return true } else { return false }
            }
            if !others.isEmpty {
                let site = others[rng.below(others.count)]
                return (site, directory.intakeRoute(at: site, for: procedure))
            }
        }
        if home == W.center, rng.chance(0.35) { return (W.branch, .direct) }
        return (home, .direct)
    }

    func deskUser(_ site: AgencyCode) -> String {
        if site == W.dakNongCenter { return "tn.gn" }
        return W.sites.first { $0.code == site }.map(W.reception) ?? "tn.tinh"
    }

    /// The officer of the agency the step opened at (its successor after the merger).
    func officer(for step: ProcessStep, of dossier: Dossier) -> String {
        let agency = dossier.openVisit?.agencyCode ?? step.agencyCode
        let key = W.staffKeys[agency] ?? "stp"
        return step.role.hasPrefix("Lãnh đạo") ? W.leader(key) : W.specialist(key)
    }

    func leader(for step: ProcessStep, of dossier: Dossier) -> String {
        W.leader(W.staffKeys[dossier.openVisit?.agencyCode ?? step.agencyCode] ?? "stp")
    }

    func applicant(after merger: Bool, rng: inout DemoRandom) throws -> Applicant {
        let female = rng.chance(0.5)
        let name = [rng.pick(pools.familyNames), rng.pick(female ? pools.femaleMiddleNames : pools.maleMiddleNames),
                    rng.pick(female ? pools.femaleGivenNames : pools.maleGivenNames)].joined(separator: " ")
        let year = rng.int(1955...2004)
        var id = "067\((year >= 2000 ? 2 : 0) + (female ? 1 : 0))\(String(format: "%02d", year % 100))"
        var phone = rng.pick(pools.phonePrefixes)
        for _ in 0..<6 { id.append(Character(String(rng.below(10)))) }
        for _ in 0..<7 { phone.append(Character(String(rng.below(10)))) }
        let place = rng.pick(pools.places)
        let address = "\(rng.pick(place.communes)), tỉnh \(merger ? "Lâm Đồng" : "Đắk Nông")"
        return try Applicant(kind: .person, name: name, idNumber: id, phone: phone, address: address)
    }
}
