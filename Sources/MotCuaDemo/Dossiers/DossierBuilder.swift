import Foundation
import MotCuaCore
import WorkCalendar

/// Office-position arithmetic shared by the planner and the builder.
enum DossierTimeline {
    /// The least office time (minutes) a dossier with `steps` steps is given between receipt and result.
    static func minimumWork(steps: Int) -> Int { 5 * (steps + 2) }

    /// Office minutes between the receipt and the transfer to the first step.
    static let transferDelay = 0...10

    /// Positions where a completion gets `verdict` against the due position `due`, not before `from`,
    /// inside `range` (DESIGN "Verdicts": early if its date is before the due date; on time if on the
    /// due date and not after the due instant; late if after the due instant). Nil if there is none.
    static func completionRange(_ verdict: Verdict, from: Int, due: Int, within range: Range<Int>,
                                clock: OfficeClock) -> ClosedRange<Int>? {
        let lo: Int, hi: Int
        switch verdict {
        case .early:
            lo = max(from, range.lowerBound)
            hi = min(clock.dayStart(due), range.upperBound) - 1
        case .onTime:
            lo = max(from, clock.dayStart(due), range.lowerBound)
            hi = min(due, range.upperBound - 1)
        case .late:
            lo = max(from, due + 1, range.lowerBound)
            hi = range.upperBound - 1
        }
        return lo <= hi ? lo...hi : nil
    }
}

/// A generated dossier, with the counter hand-over its satisfaction rating is given at.
struct BuiltDossier: Sendable {
    let dossier: Dossier
    let events: [DossierEvent]
    let counterReturn: (at: Date, officer: String)?
}

/// Phase 3: drives one planned dossier through the real lifecycle (`Dossier.register`, `execute`), each
/// command at an instant drawn by the rules of its outcome. Every due instant is the lifecycle's.
struct DossierBuilder {
    /// The actor of what the applicant does on the online portal.
    static let portalActor = "portal"

    private let world: DemoWorld
    private let clock: OfficeClock
    private let marks: DemoMarks
    private let plan: DossierPlan
    private var rng: DemoRandom
    private let reception: String
    private var context: LifecycleContext
    private var dossier: Dossier
    private var events: [DossierEvent]
    private var counterReturn: (at: Date, officer: String)?

    static func build(_ plan: DossierPlan, world: DemoWorld, clock: OfficeClock, marks: DemoMarks,
                      calendar: WorkingCalendar, applicants: ApplicantFactory, rng seeded: DemoRandom) throws -> BuiltDossier {
        var rng = seeded
        guard let code = plan.code else { throw DemoError("dossier plan \(plan.id) has no code") }
        guard let registeredVersion = world.catalogue.procedure(plan.entry.code, at: plan.registeredAt) else {
            throw DemoError("\(plan.entry.code) is not in force at \(VietnamTime.iso8601(plan.registeredAt))")
        }
        let reception = world.receptionOfficers[rng.weightedIndex(world.receptionOfficers.indices.map { $0 == 0 ? 5 : 3 })]
        let draft = DossierDraft(code: code, procedureCode: plan.entry.code,
                                 applicant: try applicants.make(plan.entry.applicant, rng: &rng), channel: plan.channel)
        let context = LifecycleContext(procedure: registeredVersion, calendar: calendar)
        let first = try Dossier.register(draft, at: plan.registeredAt,
                                         actor: plan.channel == .online ? portalActor : reception, context: context)
        var builder = DossierBuilder(world: world, clock: clock, marks: marks, plan: plan, rng: rng, reception: reception,
                                     context: context, dossier: first.dossier, events: [first.event], counterReturn: nil)
        try builder.run()
        return BuiltDossier(dossier: builder.dossier, events: builder.events, counterReturn: builder.counterReturn)
    }

    private init(world: DemoWorld, clock: OfficeClock, marks: DemoMarks, plan: DossierPlan, rng: DemoRandom,
                 reception: String, context: LifecycleContext, dossier: Dossier, events: [DossierEvent],
                 counterReturn: (at: Date, officer: String)?) {
        self.world = world
        self.clock = clock
        self.marks = marks
        self.plan = plan
        self.rng = rng
        self.reception = reception
        self.context = context
        self.dossier = dossier
        self.events = events
        self.counterReturn = counterReturn
    }

    // MARK: - The outcome's story

    private mutating func run() throws {
        if let desk = plan.deskSupplement {
            try execute(.requestSupplement(reason: "Hồ sơ chưa đầy đủ thành phần theo quy định", documents: [someDocument()]),
                        at: desk.request, by: reception)
            try execute(.receiveSupplement(note: "Công dân bổ sung hồ sơ trên Cổng Dịch vụ công"), at: desk.arrival,
                        by: Self.portalActor)
        }
        guard let r = plan.receivedAt else {
            guard let refusal = plan.refusedAt else { throw DemoError("plan \(plan.id): neither received nor refused") }
            try execute(.refuseAtDesk(reason: rng.pick(Self.deskRefusals)), at: clock.instant(refusal), by: reception)
            return
        }
        let receivedAt = clock.instant(r)
        guard let version = world.catalogue.procedure(plan.entry.code, at: receivedAt) else {
            throw DemoError("\(plan.entry.code) is not in force at \(VietnamTime.iso8601(receivedAt))")
        }
        context = LifecycleContext(procedure: version, calendar: context.calendar)
        try execute(.receive, at: receivedAt, by: reception)
        guard dossier.dueAt == plan.dueAt else {
            throw DemoError("\(dossier.code): the lifecycle's due instant differs from the planned one")
        }
        try execute(.transfer, at: at(r + rng.int(DossierTimeline.transferDelay)), by: reception)
        try settleFees()

        switch plan.outcome {
        case .resolved(let verdict): try resolve(verdict)
        case .late(let i): try late(world.lateCases[i])
        case .withdrawn: try withdraw()
        case .openWithinDeadline: try openWithinDeadline()
        case .awaitingSupplement: try awaitSupplement()
        case .stuck: try progress(until: min(due, marks.windowEnd) - 1)
        case .afterWindow: try afterWindow()
        case .refusedAtDesk: throw DemoError("plan \(plan.id): a dossier refused at the desk was received")
        }
    }

    /// Completed early or on time inside the plan's completion range, sometimes after a supplement.
    private mutating func resolve(_ verdict: Verdict) throws {
        if context.procedure.supplementPolicy == .restart, rng.chance(0.05) { try supplementIfItFits(verdict) }
        let a = last
        guard let window = DossierTimeline.completionRange(verdict, from: a + work, due: due, within: plan.completion,
                                                           clock: clock) else {
            throw DemoError("\(dossier.code) (\(plan.category)) cannot be completed \(verdict.rawValue)")
        }
        let c = verdict == .early ? leaningLate(window) : rng.int(window)
        try process(through: split(a, c, weights: remainingAllotments), end: c, refuse: rng.chance(0.004))
        try returnResult()
    }

    /// A supplement asked in the first step; the period restarts when it arrives (Decree 61/2018 Art. 19.4).
    /// Made only if the outcome is still reachable with the new due instant.
    private mutating func supplementIfItFits(_ verdict: Verdict) throws {
        let a = last
        let x = a + rng.int(5...max(5, min(allotment(0) - 5, 900)))
        let z = x + rng.int(OfficeClock.dailyMinutes...(4 * OfficeClock.dailyMinutes))
        let newDue = clock.position(of: try DossierLifecycle.deadline(receivedAt: at(z), context: context).due)
        guard DossierTimeline.completionRange(verdict, from: z + work, due: newDue, within: plan.completion, clock: clock) != nil,
              z < marks.end else { return }
        try acceptOpenStep(by: x)
        try execute(.requestSupplement(reason: rng.pick(Self.supplementReasons), documents: [someDocument()]),
                    at: at(x), by: openStepOfficer)
        try execute(.receiveSupplement(note: "Đã nhận đủ hồ sơ bổ sung"), at: at(z), by: reception)
        guard dossier.dueAt == at(newDue) else { throw DemoError("\(dossier.code): the restarted due instant differs") }
    }

    /// One of the seed's late dossiers, with the officer's lateness record.
    private mutating func late(_ lateCase: LateCase) throws {
        let a = last, d = due, n = context.procedure.steps.count, day = OfficeClock.dailyMinutes
        var paper: Int?
        switch lateCase.pattern {
        case .verificationOverrun(let k):
            // The steps before verification keep their time; verification waits for the national centre
            // past the due instant; at least a working day before it, the officer extends the citizen's
            // date with an apology letter.
            var h = a
            for i in 0..<k {
                h += Int(Double(allotment(i)) * (0.5 + 0.45 * rng.unit()))
                try completeOpenStep(at: h)
            }
            let x = rng.int((h + 10)...(d - day))
            try acceptOpenStep(by: x)
            let end = d + rng.int(day...(3 * day))
            try execute(.extend(newDueAt: at(end + rng.int(60...day)),
                                reason: "Có án tích, chờ Trung tâm Lý lịch tư pháp quốc gia xác minh",
                                apologyLetter: "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
                        at: at(x), by: openStepOfficer)
            if k == n - 1 {
                try finish(at: end)
            } else {
                let verified = max(d + 1, end - rng.int(30...300))
                try completeOpenStep(at: verified)
                try process(through: split(verified, end, weights: remainingAllotments), end: end)
            }
        case .systemCloseLate(let reference, let paperKind):
            // The work is done and the paper result ready by the due instant; step k is closed in the
            // system after it (the steps after it follow at once).
            let k = reference.resolve(stepCount: n)
            let wanted: Verdict = paperKind == .early ? .early : paperKind == .onTime ? .onTime : (rng.chance(0.5) ? .early : .onTime)
            let alternative: Verdict = wanted == .early ? .onTime : .early
            guard let range = DossierTimeline.completionRange(wanted, from: a + work, due: d, within: a..<(d + 1), clock: clock)
                ?? (paperKind == .earlyOrOnTime
                    ? DossierTimeline.completionRange(alternative, from: a + work, due: d, within: a..<(d + 1), clock: clock) : nil)
            else { throw DemoError("\(dossier.code): no instant for the paper result") }
            let p = wanted == .early ? leaningLate(range) : rng.int(range)
            paper = p
            // The steps before k share the time to the paper result, each within its allotment.
            let weights = (0...k).map(allotment)
            let total = Double(weights.reduce(0, +))
            var h = a
            for i in 0..<k {
                let share = Double(p - a) * Double(weights[i]) / total * (0.85 + 0.15 * rng.unit())
                h += max(0, min(weights[i] - 1, Int(share)))
                try completeOpenStep(at: h)
            }
            let end = d + rng.int(30...(2 * day))
            if k == n - 1 {
                try finish(at: end)
            } else {
                let closed = d + max(1, (end - d) * 6 / 10)
                try completeOpenStep(at: closed)
                try process(through: split(closed, end, weights: remainingAllotments), end: end)
            }
        case .systemCloseLateAllSteps:
            // Each step is closed in the system after its own allotment; the paper result was early.
            guard let range = DossierTimeline.completionRange(.early, from: a + work, due: d, within: a..<d, clock: clock) else {
                throw DemoError("\(dossier.code): no early instant for the paper result")
            }
            paper = leaningLate(range)
            let allotted = (0..<n).map(allotment)
            let needed = max(0, d - (a + allotted.reduce(0, +))) + rng.int(30...600)
            try walk(base: allotted, overrun: Array(0..<n), extra: needed, from: a)
        case .processingOverrun(let steps):
            // The named steps really take longer than allotted; the others are quick. No extension.
            let overrun = steps.sorted()
            let base = (0..<n).map { steps.contains($0) ? allotment($0) : min(allotment($0), rng.int(30...300)) }
            let needed = max(300 * overrun.count, d - (a + base.reduce(0, +)) + rng.int(60...600))
            try walk(base: base, overrun: overrun, extra: needed, from: a)
        }
        let c = last
        guard c > d, c < marks.windowEnd, c >= marks.reportStart else {
            throw DemoError("\(dossier.code): a late dossier must be completed after its due instant, between 15/6 and 07/9")
        }
        let record = LatenessRecord(kind: lateCase.kind, reason: lateCase.reason, apologySent: lateCase.apology,
                                    agencyCode: lateCase.responsible, stepName: lateCase.stepName,
                                    paperResultAt: paper.map(at))
        try execute(.recordLateness(record), at: at(c + rng.int(1...30)), by: world.specialist(of: context.procedure.agencyCode))
        try returnResult()
    }

    /// Steps taking `base` minutes each, the `overrun` ones sharing `extra` minutes more; the last ends the process.
    private mutating func walk(base: [Int], overrun: [Int], extra: Int, from a: Int) throws {
        var shares = Array(repeating: 0, count: base.count)
        var left = extra
        for (j, i) in overrun.enumerated() {
            let share = j == overrun.count - 1 ? left : max(1, Int(Double(extra) / Double(overrun.count) * (0.7 + 0.6 * rng.unit())))
            shares[i] = min(share, left)
            left -= shares[i]
        }
        var h = a
        for i in base.indices {
            h += base[i] + shares[i]
            if i == base.count - 1 { try finish(at: h) } else { try completeOpenStep(at: h) }
        }
    }

    /// Withdrawn at the applicant's request inside the completion range, sometimes while a supplement is awaited.
    private mutating func withdraw() throws {
        let lo = max(last + 10, plan.completion.lowerBound)
        let hi = max(lo, min(plan.completion.upperBound - 1, due + 2 * OfficeClock.dailyMinutes))
        let y = rng.int(lo...hi)
        if y - last > 30, rng.chance(0.5) {
            let x = rng.int((last + 5)...(y - 10))
            try acceptOpenStep(by: x)
            try execute(.requestSupplement(reason: rng.pick(Self.supplementReasons), documents: [someDocument()]),
                        at: at(x), by: openStepOfficer)
        } else {
            try acceptOpenStep(by: y)
        }
        try execute(.withdraw(reason: "Tổ chức, cá nhân có văn bản đề nghị rút hồ sơ"), at: at(y), by: reception)
    }

    /// Open at the window's end, due later: completed after the window (by 14/9) when due by then, else
    /// sometimes completed early and otherwise still being worked.
    private mutating func openWithinDeadline() throws {
        try completeOrContinue(notBefore: max(last + work, marks.windowEnd))
    }

    /// Overdue at the window's end: a supplement was asked before the due instant and never came.
    private mutating func awaitSupplement() throws {
        let hi = min(due, marks.windowEnd) - 1
        let x = rng.int(min(last + 10, hi)...hi)
        try acceptOpenStep(by: x)
        try execute(.requestSupplement(reason: rng.pick(Self.supplementReasons), documents: [someDocument()]),
                    at: at(x), by: openStepOfficer)
    }

    private mutating func afterWindow() throws {
        try completeOrContinue(notBefore: last + work)
    }

    /// A dossier due before 14/9 ends is completed early or on time; one due later is completed early with
    /// some chance, else left in a step, still within its deadline when the data ends.
    private mutating func completeOrContinue(notBefore lo: Int) throws {
        let within = marks.windowEnd..<marks.end
        let early = DossierTimeline.completionRange(.early, from: lo, due: due, within: within, clock: clock)
        let onTime = DossierTimeline.completionRange(.onTime, from: lo, due: due, within: within, clock: clock)
        let range: ClosedRange<Int>?
        if due < marks.end {
            range = rng.chance(0.3) ? (onTime ?? early) : (early ?? onTime)
        } else {
            range = rng.chance(0.4) ? early : nil
        }
        if let range {
            let c = rng.int(range)
            try process(through: split(last, c, weights: remainingAllotments), end: c)
            try returnResult()
        } else {
            try progress(until: min(marks.end - 1, max(last, due - 1)))
        }
    }

    /// Works some of the remaining steps before `horizon` and leaves the next one open (accepted).
    private mutating func progress(until horizon: Int) throws {
        let a = last
        guard horizon > a + 10 else { return try acceptOpenStep(by: max(a, horizon)) }
        let remaining = remainingAllotments
        let done = rng.int(0...(remaining.count - 1))
        let end = a + Int(Double(horizon - a) * (0.3 + 0.6 * rng.unit()))
        for t in split(a, end, weights: Array(remaining.prefix(done + 1))) { try completeOpenStep(at: t) }
        try acceptOpenStep(by: horizon)
    }

    /// Hands the result over: by post the next day or so, online at once, at the counter when the
    /// applicant comes (mostly the same day); nothing after 14/9.
    private mutating func returnResult() throws {
        guard let channel = plan.returnChannel else { return }
        let delay: Int
        switch channel {
        case .online: delay = rng.int(0...15)
        case .postal: delay = rng.int(60...900)
        case .counter:
            let x = rng.unit()
            delay = x < 0.75 ? rng.int(5...450) : x < 0.95 ? rng.int(450...900) : rng.int(900...2250)
        }
        let t = last + delay
        guard t < marks.end else { return }
        try execute(.returnResult(channel: channel), at: at(t), by: reception)
        if channel == .counter { counterReturn = (at(t), reception) }
    }

    // MARK: - Steps

    /// Completes the open step at each of `times` (one fewer than the steps left) and ends the process at `end`.
    private mutating func process(through times: [Int], end: Int, refuse: Bool = false) throws {
        for t in times { try completeOpenStep(at: t) }
        try finish(at: end, refuse: refuse)
    }

    /// The officer of the open step takes it, soon after the handover and before `bound`.
    private mutating func acceptOpenStep(by bound: Int) throws {
        guard let visit = dossier.openVisit, visit.acceptedAt == nil else { return }
        let h = last
        let t = h + min(rng.int(0...20), max(0, (bound - h) / 2))
        let officer = openStepOfficer
        try execute(.acceptStep(assignee: officer), at: at(t), by: officer)
    }

    private mutating func completeOpenStep(at t: Int) throws {
        try acceptOpenStep(by: t)
        try execute(.completeStep(note: nil), at: at(t), by: openStepOfficer)
    }

    /// The result (approved), or a refusal, closing the last step.
    private mutating func finish(at t: Int, refuse: Bool = false) throws {
        try acceptOpenStep(by: t)
        let officer = dossier.openVisit == nil ? world.specialist(of: context.procedure.agencyCode) : openStepOfficer
        try execute(refuse ? .refuse(reason: "Hồ sơ không đủ điều kiện giải quyết theo quy định")
                           : .recordResult(outcome: .approved, note: nil),
                    at: at(t), by: officer)
    }

    private var openStepOfficer: String {
        guard let visit = dossier.openVisit else { return world.specialist(of: context.procedure.agencyCode) }
        return world.officer(for: context.procedure.steps[visit.stepIndex])
    }

    private func allotment(_ step: Int) -> Int { context.procedure.steps[step].allotted.workingMinutes() }

    /// Allotted minutes of the open step and the ones after it.
    private var remainingAllotments: [Int] {
        let steps = context.procedure.steps
        let first = dossier.openVisit?.stepIndex ?? steps.count
        return (first..<steps.count).map(allotment)
    }

    private var work: Int { DossierTimeline.minimumWork(steps: remainingAllotments.count) }

    /// Points between `a` and `c` that cut it in proportion to `weights` (one point fewer than weights),
    /// a little jittered, in order.
    private mutating func split(_ a: Int, _ c: Int, weights: [Int]) -> [Int] {
        guard weights.count > 1 else { return [] }
        let total = Double(max(1, weights.reduce(0, +)))
        let span = Double(c - a)
        var points: [Int] = []
        var cumulative = 0, previous = a
        for w in weights.dropLast() {
            cumulative += w
            let ideal = a + Int(span * Double(cumulative) / total)
            let jitter = Int(span * Double(w) / total * 0.15)
            let point = min(max(ideal + (jitter > 0 ? rng.int(-jitter...jitter) : 0), previous), c)
            points.append(point)
            previous = point
        }
        return points
    }

    /// A position in `range`, more often towards its end (an early result is usually a day or two early).
    private mutating func leaningLate(_ range: ClosedRange<Int>) -> Int {
        let u = rng.unit()
        return range.lowerBound + Int(Double(range.upperBound - range.lowerBound) * (1 - u * u))
    }

    // MARK: - Fees

    /// A procedure with fees has them asked for and paid the moment the dossier reaches its first step (the
    /// fee is collected on receipt): requested and confirmed at the same instant, no working time waits, so
    /// every due instant, verdict and figure of the seed stays as it was. The channel is chosen from the
    /// dossier's code rather than drawn from `rng`, which leaves every other draw of the demo unchanged.
    private mutating func settleFees() throws {
        let fees = context.procedure.fees
        let amount = fees.reduce(0) { $0 + $1.amountVND }
        guard amount > 0 else { return }
        let instant = dossier.lastEventAt
        try execute(.requestPayment(amountVND: amount, description: fees.map(\.description).joined(separator: "; ")),
                    at: instant, by: openStepOfficer)
        let channel = Self.paymentChannel(code: dossier.code, submittedOnline: plan.channel == .online)
        try execute(.confirmPayment(reference: "BL-\(dossier.code.rawValue.suffix(11))", channel: channel),
                    at: instant, by: channel == .online ? Self.portalActor : reception)
    }

    /// Online payment was a pilot in 2021 (the national payment platform): one applicant in six of those who
    /// submitted online used it; one payment in seven went by bank transfer; the rest were paid at the desk.
    static func paymentChannel(code: DossierCode, submittedOnline: Bool) -> PaymentChannel {
        let sequence = Int(code.rawValue.suffix(4)) ?? 0
        if submittedOnline && sequence % 6 == 0 { return .online }
        return sequence % 7 == 0 ? .transfer : .counter
    }

    // MARK: - Lifecycle

    private mutating func execute(_ command: DossierCommand, at instant: Date, by actor: String) throws {
        events.append(try dossier.execute(command, at: instant, actor: actor, context: context))
    }

    private var last: Int { clock.position(of: dossier.lastEventAt) }
    private var due: Int { dossier.dueAt.map { clock.position(of: $0) } ?? last }
    private func at(_ position: Int) -> Date { clock.instant(position) }

    private mutating func someDocument() -> String {
        let documents = context.procedure.documents
        return documents.isEmpty ? "Giấy tờ theo quy định" : rng.pick(documents).name
    }

    static let supplementReasons = [
        "Hồ sơ cần bổ sung, hoàn thiện theo quy định",
        "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo",
        "Giấy tờ kèm theo hết hiệu lực, đề nghị bổ sung bản còn hiệu lực",
    ]

    static let deskRefusals = [
        "Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm",
        "Hồ sơ nộp trùng, đã có hồ sơ đang giải quyết",
        "Người nộp không bổ sung hồ sơ theo yêu cầu",
    ]
}
