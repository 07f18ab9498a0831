import Foundation
import MotCuaCore
import WorkCalendar

/// The dates the demo is built around, as office positions (opening of the day; ranges are half-open).
struct DemoMarks: Sendable {
    /// First receipts (2021-05-04, the first working day after the 30/4–1/5 holidays and their day off).
    let start: Int
    /// The center's statistics window, 09/6/2021 …
    let windowStart: Int
    /// … the report period's first day, 15/6/2021 (the late dossiers are completed from then on) …
    let reportStart: Int
    /// … the first day after the window, 08/9/2021 …
    let windowEnd: Int
    /// … the first day after the report period (14/9/2021): no event on or after it.
    let end: Int

    init(clock: OfficeClock) throws {
        start = clock.position(ofDayStart: try LocalDate(year: 2021, month: 5, day: 4))
        windowStart = clock.position(ofDayStart: try LocalDate(year: 2021, month: 6, day: 9))
        reportStart = clock.position(ofDayStart: try LocalDate(year: 2021, month: 6, day: 15))
        windowEnd = clock.position(ofDayStart: try LocalDate(year: 2021, month: 9, day: 8))
        end = clock.position(ofDayStart: try LocalDate(year: 2021, month: 9, day: 15))
    }
}

/// What becomes of a dossier: chosen first, from exact counts; its instants are then drawn to fit.
enum Outcome: Sendable, Equatable {
    /// Completed early or on time within the category's completion range.
    case resolved(Verdict)
    /// One of the seed's late dossiers (index into `DemoWorld.lateCases`).
    case late(caseIndex: Int)
    /// Withdrawn by the applicant within the completion range.
    case withdrawn
    /// Still open at the window's end with a due instant on or after it; possibly completed later.
    case openWithinDeadline
    /// Overdue at the window's end, waiting for the applicant's supplement.
    case awaitingSupplement
    /// Overdue at the window's end, held up in a step.
    case stuck
    /// Received after the window.
    case afterWindow
    /// Submitted online and refused at the desk: never received, so in no figure.
    case refusedAtDesk
}

/// A number of dossiers with the same outcome, receipt range and completion range (positions).
struct DossierCategory: Sendable {
    let name: String
    let count: Int
    let outcome: Outcome
    let receipt: Range<Int>
    let completion: Range<Int>
    /// Receipts counted in the window: their channels come from the seed's exact channel counts.
    let receivedInWindow: Bool
    /// Completed in the window: one of the 7 708 whose return channel counts (750 by post).
    let resolvedInWindow: Bool
}

/// A dossier decided before it is built: procedure, channel, the instants of its submission and receipt.
struct DossierPlan: Sendable {
    let id: Int
    let category: String
    let outcome: Outcome
    let completion: Range<Int>
    let entry: CatalogueEntry
    let channel: Channel
    let registeredAt: Date
    /// A supplement asked at the desk before receipt (online dossiers): request and arrival.
    let deskSupplement: (request: Date, arrival: Date)?
    /// Receipt position (nil for a dossier refused at the desk).
    let receivedAt: Int?
    /// The desk refusal position (refused at the desk only).
    let refusedAt: Int?
    /// The legal due instant the receipt gives (the lifecycle must agree).
    let dueAt: Date?
    let resolvedInWindow: Bool
    var returnChannel: Channel?
    var code: DossierCode?
}

/// Phase 1: turns the categories into plans, drawing procedures and receipt instants until each plan
/// can have its outcome.
struct DossierPlanner {
    let world: DemoWorld
    let clock: OfficeClock
    let marks: DemoMarks
    let calendar: WorkingCalendar
    var rng: DemoRandom

    /// The seed's section III, as categories. Identity: 357 + 7 447 = 7 708 + 4 + 92.
    func categories() -> [DossierCategory] {
        let m = marks
        let before = m.start..<m.windowStart, window = m.windowStart..<m.windowEnd, after = m.windowEnd..<m.end
        let late = m.reportStart..<m.windowEnd
        var list: [DossierCategory] = [
            // Received in the window: 7 447 = 33 late + 1 633 early + 5 687 on time + 3 withdrawn + 85 + 6 in progress.
            .init(name: "window-early", count: 1633, outcome: .resolved(.early), receipt: window, completion: window,
                  receivedInWindow: true, resolvedInWindow: true),
            .init(name: "window-on-time", count: 5687, outcome: .resolved(.onTime), receipt: window, completion: window,
                  receivedInWindow: true, resolvedInWindow: true),
            .init(name: "window-withdrawn", count: 3, outcome: .withdrawn, receipt: window, completion: window,
                  receivedInWindow: true, resolvedInWindow: false),
            .init(name: "window-open", count: 85, outcome: .openWithinDeadline, receipt: window, completion: after,
                  receivedInWindow: true, resolvedInWindow: false),
            .init(name: "window-awaiting-supplement", count: 3, outcome: .awaitingSupplement, receipt: window, completion: after,
                  receivedInWindow: true, resolvedInWindow: false),
            .init(name: "window-stuck", count: 3, outcome: .stuck, receipt: window, completion: after,
                  receivedInWindow: true, resolvedInWindow: false),
            // Carried over: 357 = 80 early + 275 on time + 1 withdrawn + 1 in progress (overdue).
            .init(name: "carried-early", count: 80, outcome: .resolved(.early), receipt: before, completion: window,
                  receivedInWindow: false, resolvedInWindow: true),
            .init(name: "carried-on-time", count: 275, outcome: .resolved(.onTime), receipt: before, completion: window,
                  receivedInWindow: false, resolvedInWindow: true),
            .init(name: "carried-withdrawn", count: 1, outcome: .withdrawn, receipt: before, completion: window,
                  receivedInWindow: false, resolvedInWindow: false),
            .init(name: "carried-awaiting-supplement", count: 1, outcome: .awaitingSupplement, receipt: before, completion: after,
                  receivedInWindow: false, resolvedInWindow: false),
            // Before the window and done before it; after the window; refused at the desk (never received).
            .init(name: "before-early", count: 300, outcome: .resolved(.early), receipt: before, completion: before,
                  receivedInWindow: false, resolvedInWindow: false),
            .init(name: "before-on-time", count: 120, outcome: .resolved(.onTime), receipt: before, completion: before,
                  receivedInWindow: false, resolvedInWindow: false),
            .init(name: "after-window", count: 180, outcome: .afterWindow, receipt: m.windowEnd..<(m.end - 60), completion: after,
                  receivedInWindow: false, resolvedInWindow: false),
            .init(name: "refused-at-desk", count: 14, outcome: .refusedAtDesk, receipt: m.start..<m.end, completion: m.start..<m.end,
                  receivedInWindow: false, resolvedInWindow: false),
        ]
        // The seed's 33 late dossiers, received and completed in the window (completed from 15/6).
        for (i, c) in world.lateCases.enumerated() {
            list.append(.init(name: "late-\(i + 1)", count: c.count, outcome: .late(caseIndex: i), receipt: window,
                              completion: late, receivedInWindow: true, resolvedInWindow: true))
        }
        return list
    }

    /// Seed figures for the channels of the dossiers received in the window.
    static let windowChannels: [(Channel, Int)] = [(.online, 5386), (.postal, 125), (.counter, 1936)]

    mutating func plans() throws -> [DossierPlan] {
        let categories = categories()
        var windowChannels: [Channel] = []
        for (channel, count) in Self.windowChannels { windowChannels += Array(repeating: channel, count: count) }
        let inWindow = categories.filter(\.receivedInWindow).reduce(0) { $0 + $1.count }
        guard inWindow == windowChannels.count else {
            throw DemoError("the window categories hold \(inWindow) receipts, the channels \(windowChannels.count)")
        }
        rng.shuffle(&windowChannels)
        var plans: [DossierPlan] = []
        var nextWindowChannel = 0
        for category in categories {
            for k in 0..<category.count {
                let channel: Channel
                if category.outcome == .refusedAtDesk {
                    channel = .online
                } else if category.receivedInWindow {
                    channel = windowChannels[nextWindowChannel]
                    nextWindowChannel += 1
                } else {
                    let x = rng.below(100)
                    channel = x < 70 ? .online : x < 72 ? .postal : .counter
                }
                plans.append(try plan(id: plans.count, category: category, variant: k, channel: channel))
            }
        }
        assignReturnChannels(&plans)
        return plans
    }

    // MARK: One plan

    private mutating func plan(id: Int, category: DossierCategory, variant: Int, channel: Channel) throws -> DossierPlan {
        if category.outcome == .refusedAtDesk { return try refusedPlan(id: id, category: category) }
        for _ in 0..<60 {
            let entry: CatalogueEntry
            if case .late(let i) = category.outcome {
                let codes = world.lateCases[i].procedures
                guard let e = world.entry(codes[variant % codes.count]) else { throw DemoError("late case \(i + 1): unknown procedure") }
                entry = e
            } else {
                entry = pickProcedure(accepting: channel)
            }
            let days = entry.first.localTime.workingMinutes()
            let range = receiptRange(category, days: days)
            guard !range.isEmpty else { continue }
            for _ in 0..<6 {
                let r = range.lowerBound + rng.below(range.count)
                let receivedAt = clock.instant(r)
                guard let procedure = world.catalogue.procedure(entry.code, at: receivedAt) else { continue }
                let context = LifecycleContext(procedure: procedure, calendar: calendar)
                let due = try DossierLifecycle.deadline(receivedAt: receivedAt, context: context).due
                let d = clock.position(of: due)
                guard clock.instant(d) == due, feasible(category, procedure: procedure, receipt: r, due: d) else { continue }
                let (registeredAt, desk) = registration(channel: channel, receipt: r)
                return DossierPlan(id: id, category: category.name, outcome: category.outcome, completion: category.completion,
                                   entry: entry, channel: channel, registeredAt: registeredAt, deskSupplement: desk,
                                   receivedAt: r, refusedAt: nil, dueAt: due, resolvedInWindow: category.resolvedInWindow,
                                   returnChannel: nil, code: nil)
            }
        }
        throw DemoError("no procedure and receipt instant fit a dossier of category \(category.name) (\(channel.rawValue))")
    }

    private mutating func refusedPlan(id: Int, category: DossierCategory) throws -> DossierPlan {
        let entry = pickProcedure(accepting: .online)
        let from = clock.instant(category.receipt.lowerBound).timeIntervalSince1970
        let to = clock.instant(category.receipt.upperBound - 3 * OfficeClock.dailyMinutes).timeIntervalSince1970
        let submitted = Date(timeIntervalSince1970: from + Double(rng.below(Int(to - from))))
        let refusal = clock.position(of: submitted) + rng.int(10...900)
        return DossierPlan(id: id, category: category.name, outcome: .refusedAtDesk, completion: category.completion,
                           entry: entry, channel: .online, registeredAt: submitted, deskSupplement: nil, receivedAt: nil,
                           refusedAt: refusal, dueAt: nil, resolvedInWindow: false, returnChannel: nil, code: nil)
    }

    /// A procedure in proportion to its weight; online submissions only where the procedure is online.
    private mutating func pickProcedure(accepting channel: Channel) -> CatalogueEntry {
        let candidates = channel == .online ? world.entries.filter(\.acceptsOnline) : world.entries
        return candidates[rng.weightedIndex(candidates.map(\.weight))]
    }

    /// Receipt positions from which the outcome is reachable, before the exact check (`days`: the
    /// processing time in office minutes).
    private func receiptRange(_ c: DossierCategory, days n: Int) -> Range<Int> {
        let r = c.receipt, done = c.completion, day = OfficeClock.dailyMinutes
        func clamp(_ lo: Int, _ hi: Int) -> Range<Int> {
            let l = max(r.lowerBound, lo), h = min(r.upperBound, hi)
            return l < h ? l..<h : r.lowerBound..<r.lowerBound
        }
        switch c.outcome {
        case .resolved(.onTime): return clamp(done.lowerBound - n, done.upperBound - n + day)
        case .resolved: return clamp(done.lowerBound - n + 1, done.upperBound)
        case .late: return clamp(done.lowerBound - n, marks.windowEnd - n - 5 * day)
        case .withdrawn: return clamp(r.lowerBound, done.upperBound - 60)
        case .openWithinDeadline: return clamp(marks.windowEnd - n, r.upperBound)
        case .awaitingSupplement, .stuck: return clamp(r.lowerBound, marks.windowEnd - n - day)
        case .afterWindow, .refusedAtDesk: return r
        }
    }

    /// Whether a dossier received at `r` with due instant `d` can reach its category's outcome.
    private func feasible(_ c: DossierCategory, procedure: Procedure, receipt r: Int, due d: Int) -> Bool {
        let day = OfficeClock.dailyMinutes
        // The builder transfers the dossier up to 10 minutes after the receipt, then needs `minimumWork`.
        let work = DossierTimeline.transferDelay.upperBound + DossierTimeline.minimumWork(steps: procedure.steps.count)
        let done = c.completion
        switch c.outcome {
        case .resolved(let verdict):
            return DossierTimeline.completionRange(verdict, from: r + work, due: d, within: done, clock: clock) != nil
        case .late(let i):
            guard d >= marks.reportStart, d + 4 * day + 60 < marks.windowEnd else { return false }
            switch world.lateCases[i].pattern {
            case .verificationOverrun(let step):
                let before = procedure.steps[0..<step].reduce(0) { $0 + $1.allotted.workingMinutes() }
                return r + 20 + before + 10 <= d - day
            case .systemCloseLate(_, let paper):
                let early = DossierTimeline.completionRange(.early, from: r + work, due: d, within: r..<d, clock: clock) != nil
                let onTime = DossierTimeline.completionRange(.onTime, from: r + work, due: d, within: r..<(d + 1), clock: clock) != nil
                switch paper {
                case .early: return early
                case .onTime: return onTime
                case .earlyOrOnTime: return early || onTime
                }
            case .systemCloseLateAllSteps:
                return DossierTimeline.completionRange(.early, from: r + work, due: d, within: r..<d, clock: clock) != nil
            case .processingOverrun:
                return true
            }
        case .withdrawn:
            return max(r + work, done.lowerBound) < done.upperBound - 1
        case .openWithinDeadline:
            return d >= marks.windowEnd
        case .awaitingSupplement, .stuck:
            return d + day <= marks.windowEnd && r + work < d
        case .afterWindow, .refusedAtDesk:
            return true
        }
    }

    /// When the dossier was submitted: at the receipt for the counter and the post (the officer registers
    /// and receives at once); online, any time before the officer receives it, sometimes after a
    /// supplement asked at the desk.
    private mutating func registration(channel: Channel, receipt r: Int) -> (Date, (request: Date, arrival: Date)?) {
        let receivedAt = clock.instant(r)
        guard channel == .online else { return (receivedAt, nil) }
        if rng.chance(0.03) {
            let request = clock.instant(r - rng.int(300...1800))
            let gap = receivedAt.timeIntervalSince(request)
            let arrival = request.addingTimeInterval(Double(rng.int(600...max(600, Int(gap) - 60))))
            return (request.addingTimeInterval(-Double(rng.int(1800...108_000))), (request, min(arrival, receivedAt)))
        }
        let gap = rng.chance(0.5) ? rng.int(180...10_800) : rng.int(10_800...216_000)
        return (receivedAt.addingTimeInterval(-Double(gap)), nil)
    }

    // MARK: Return channels

    /// 750 of the 7 708 dossiers completed in the window go back by post (the seed's figure): those
    /// submitted by post, then online ones. The others are handed over at the counter, or online for a
    /// procedure that is fully online.
    private mutating func assignReturnChannels(_ plans: inout [DossierPlan]) {
        let postalTarget = 750
        let inWindow = plans.indices.filter { plans[$0].resolvedInWindow }
        var postal = Set(inWindow.filter { plans[$0].channel == .postal })
        var online = inWindow.filter { plans[$0].channel == .online }
        rng.shuffle(&online)
        for i in online where postal.count < postalTarget { postal.insert(i) }
        for i in plans.indices {
            let p = plans[i]
            switch p.outcome {
            case .refusedAtDesk, .withdrawn, .awaitingSupplement, .stuck: continue
            default: break
            }
            if p.resolvedInWindow {
                plans[i].returnChannel = postal.contains(i) ? .postal : otherReturn(p)
            } else if p.channel == .postal || (p.channel == .online && rng.chance(0.1)) {
                plans[i].returnChannel = .postal
            } else {
                plans[i].returnChannel = otherReturn(p)
            }
        }
    }

    private mutating func otherReturn(_ p: DossierPlan) -> Channel {
        p.channel == .online && p.entry.online == .full && rng.chance(0.3) ? .online : .counter
    }
}
