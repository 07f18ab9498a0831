import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Event history: replay, JSON, random command sequences")
struct ReplayTests {
    static let procedures: [Procedure] = {
        let hoursSteps = [ProcessStep(name: "Chứng thực", agencyCode: Agencies.justice, role: "CV", allotted: .workingHours(6))]
        return [
            investmentProcedure(policy: .pause),
            investmentProcedure(policy: .restart, cutoff: try! TimeOfDay(hour: 15)),
            try! Procedure(code: investmentCode, validFrom: t("2020-01-01 00:00"), name: "Không có quy trình", field: "X",
                           agencyCode: Agencies.justice, legalTime: .workingDays(3), localTime: .workingDays(2), onlineLevel: .full),
            // Listed for acceptance at any site: dossiers may be accepted on behalf, forwarded and received.
            try! Procedure(code: investmentCode, validFrom: t("2020-01-01 00:00"), name: "Tiếp nhận tại mọi nơi", field: "X",
                           agencyCode: Agencies.justice, legalTime: .workingDays(5), localTime: .workingDays(4), onlineLevel: .full,
                           acceptedAtAnySite: true),
            try! Procedure(code: investmentCode, validFrom: t("2020-01-01 00:00"), name: "Theo giờ", field: "X",
                           agencyCode: Agencies.justice, legalTime: .workingDays(1), localTime: .workingHours(6), onlineLevel: .none,
                           supplementPolicy: .pause, steps: hoursSteps),
        ]
    }()

    static let endings: Set<DossierAction> = [.refuseAtDesk, .refuse, .withdraw, .stop]

    static func randomCommand(_ action: DossierAction, _ d: Dossier, _ rng: inout SplitMix64, now: Date) -> DossierCommand {
        let reasons = ["Thiếu giấy tờ", "Không đủ điều kiện", " ", "Cần xác minh"]
        let reason = reasons[Int.random(in: 0..<reasons.count, using: &rng)]
        switch action {
        case .register: return .register(draft(on: "2021-03-01"))
        case .receive: return .receive
        case .acceptOnBehalf: return .acceptOnBehalf(destination: Agencies.justice)
        case .forward: return .forward(channel: .postal, note: nil)
        case .reassign: return .reassign(from: d.owningAgencyCode, to: Agencies.environment, reason: "Sáp nhập")
        case .requestSupplement: return .requestSupplement(reason: reason, documents: ["Giấy tờ \(Int.random(in: 1...9, using: &rng))"])
        case .receiveSupplement: return .receiveSupplement(note: Bool.random(using: &rng) ? nil : "Đủ")
        case .refuseAtDesk: return .refuseAtDesk(reason: reason)
        case .transfer: return .transfer
        case .acceptStep: return .acceptStep(assignee: "cv\(Int.random(in: 1...3, using: &rng))")
        case .completeStep: return .completeStep(note: nil)
        case .sendBack: return .sendBack(reason: reason)
        case .requestPayment: return .requestPayment(amountVND: Int.random(in: -1...2, using: &rng) * 50_000, description: "Lệ phí")
        case .confirmPayment:
            // Every channel, and none (as confirmations written before the channel was recorded).
            let channels: [PaymentChannel?] = [nil] + PaymentChannel.allCases
            return .confirmPayment(reference: "BL\(Int.random(in: 1...99, using: &rng))",
                                   channel: channels[Int.random(in: 0..<channels.count, using: &rng)])
        case .extend:
            let base = d.citizenDueAt ?? now
            return .extend(newDueAt: base.addingTimeInterval(Double(Int.random(in: -1...10, using: &rng)) * 86_400), reason: reason, apologyLetter: nil)
        case .refuse: return .refuse(reason: reason)
        case .withdraw: return .withdraw(reason: nil)
        case .stop: return .stop(reason: reason)
        case .recordResult: return .recordResult(outcome: Bool.random(using: &rng) ? .approved : .refused, note: nil)
        case .returnResult: return .returnResult(channel: [.counter, .postal, .online][Int.random(in: 0...2, using: &rng)])
        case .recordLateness:
            let kind: LatenessRecord.Kind = Bool.random(using: &rng) ? .actual : .systemOnly
            return .recordLateness(LatenessRecord(kind: kind, reason: reason, apologySent: Bool.random(using: &rng),
                                                  paperResultAt: d.dueAt?.addingTimeInterval(Double(Int.random(in: -2...1, using: &rng)) * 86_400)))
        }
    }

    static func checkInvariants(_ d: Dossier, _ events: [DossierEvent]) {
        #expect(d.version == events.count)
        #expect(events.map(\.sequence) == Array(1...events.count))
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.toStatus == $1.fromStatus && $0.at <= $1.at })
        #expect(events.last?.toStatus == d.status)
        #expect((d.receivedAt == nil) == (d.dueAt == nil))
        #expect((d.dueAt == nil) == (d.citizenDueAt == nil))
        if let due = d.dueAt, let citizen = d.citizenDueAt { #expect(citizen >= due) }
        #expect((d.completedAt == nil) == (d.outcome == nil))
        #expect(!(d.completedAt != nil && d.closedAt != nil))
        #expect(d.visits.dropLast().allSatisfy { !$0.isOpen })
        #expect(d.visits.allSatisfy { ($0.endedAt ?? $0.handedOverAt) >= $0.handedOverAt && $0.pausedMinutes >= 0 })
        #expect(d.visits.enumerated().allSatisfy { $0.element.number == $0.offset + 1 })
        if d.openVisit != nil { #expect([.processing, .supplementRequested, .paymentRequested].contains(d.status)) }
        if d.status == .supplementRequested { #expect(d.pendingSupplement != nil) }
        if d.status == .paymentRequested { #expect(d.pendingPayment != nil) }
        if [.processed, .returned].contains(d.status) { #expect(d.completedAt != nil) }
        if d.lateness != nil { #expect(d.isLate) }
    }

    @Test func randomValidSequencesReplayToTheLiveState() throws {
        var rng = SplitMix64(seed: 20_210_205)
        var succeeded: [DossierAction: Int] = [:]
        var refusedAllowed = 0
        for n in 0..<300 {
            let procedure = Self.procedures[n % Self.procedures.count]
            let context = LifecycleContext(procedure: procedure)
            // Registration at a random minute of a random day of 2021 (so Tết and other holidays get crossed).
            var now = t("2021-01-02 00:00").addingTimeInterval(Double(Int.random(in: 0..<(330 * 1440), using: &rng) * 60))
            let day = VietnamTime.localDate(of: now)
            let channel = [Channel.counter, .online, .postal][Int.random(in: 0...2, using: &rng)]
            let code = try DossierCode(agencyCode: Agencies.center, date: day, sequence: n + 1)
            let registration = try Dossier.register(DossierDraft(code: code, procedureCode: investmentCode, applicant: applicant(), channel: channel),
                                                    at: now, actor: "portal", context: context)
            var d = registration.dossier
            var events = [registration.event]
            for _ in 0..<Int.random(in: 5...45, using: &rng) {
                let minutes = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 0...(4 * 1440), using: &rng) : Int.random(in: 0...240, using: &rng)
                now = now.addingTimeInterval(Double(minutes * 60))
                // Mostly actions allowed by the status, weighted towards moving on rather than ending the dossier.
                let allowed = DossierAction.allowed(from: d.status).flatMap { a in Array(repeating: a, count: Self.endings.contains(a) ? 1 : 6) }
                let pickAllowed = !allowed.isEmpty && Int.random(in: 0..<10, using: &rng) < 8
                let action = pickAllowed ? allowed[Int.random(in: 0..<allowed.count, using: &rng)]
                                         : DossierAction.allCases[Int.random(in: 0..<DossierAction.allCases.count, using: &rng)]
                let command = Self.randomCommand(action, d, &rng, now: now)
                let before = d
                do {
                    let event = try d.execute(command, at: now, actor: "u\(n)", context: context)
                    events.append(event)
                    succeeded[action, default: 0] += 1
                    #expect(event.kind.type != "")
                } catch {
                    #expect(d == before)      // a refused command changes nothing
                    if case .notAllowed = error { #expect(!action.allowedFrom.contains(d.status)) } else { refusedAllowed += 1 }
                }
            }
            Self.checkInvariants(d, events)
            #expect(try Dossier.replay(events) == d)
            // Through JSON, as the store keeps them: the whole event, and the type + payload row form.
            let decoded = try MotCuaJSON.decode([DossierEvent].self, from: MotCuaJSON.encode(events))
            #expect(decoded == events)
            #expect(try Dossier.replay(decoded) == d)
            let rows = try events.map { ($0, $0.kind.type, try $0.kind.payloadJSON()) }
            let fromRows = try rows.map { event, type, payload in
                DossierEvent(sequence: event.sequence, at: event.at, actor: event.actor, fromStatus: event.fromStatus,
                             toStatus: event.toStatus, kind: try DossierEventKind(type: type, payloadJSON: payload))
            }
            #expect(try Dossier.replay(fromRows) == d)
            // Replaying a prefix and then the rest gives the same state.
            let cut = events.count / 2
            #expect(try Dossier.replay(events.prefix(max(cut, 1))).applying(events.dropFirst(max(cut, 1))) == d)
            // The state itself survives JSON.
            #expect(try MotCuaJSON.decode(Dossier.self, from: MotCuaJSON.encode(d)) == d)
        }
        // The generator reached every action, and the finer rules refused some allowed-by-status commands.
        for action in DossierAction.allCases where action != .register {
            #expect(succeeded[action, default: 0] >= 5, "\(action) succeeded only \(succeeded[action, default: 0]) times")
        }
        #expect(refusedAllowed > 0)
    }

    @Test func tamperedHistoriesAreDetected() throws {
        let c = LifecycleContext(procedure: investmentProcedure())
        let registration = try Dossier.register(draft(on: "2021-03-01"), at: t("2021-03-01 08:00"), actor: "a", context: c)
        var d = registration.dossier
        let events = [registration.event,
                      try d.execute(.receive, at: t("2021-03-01 08:00"), actor: "a", context: c),
                      try d.execute(.transfer, at: t("2021-03-01 09:00"), actor: "a", context: c),
                      try d.execute(.completeStep(note: nil), at: t("2021-03-02 09:00"), actor: "a", context: c)]
        #expect(try Dossier.replay(events) == d)
        // A gap.
        #expect(lifecycleError { _ = try Dossier.replay([events[0], events[2]]) } == .corruptHistory(sequence: 3, reason: "expected event 2"))
        // A recorded status that the event does not lead to.
        let e = events[2]
        let wrongStatus = DossierEvent(sequence: e.sequence, at: e.at, actor: e.actor, fromStatus: e.fromStatus, toStatus: .processed, kind: e.kind)
        if case .corruptHistory(3, _)? = lifecycleError({ _ = try Dossier.replay([events[0], events[1], wrongStatus]) }) {} else { Issue.record("wrong status not detected") }
        // An instant before the previous event.
        let early = DossierEvent(sequence: e.sequence, at: t("2021-03-01 07:00"), actor: e.actor, fromStatus: e.fromStatus, toStatus: e.toStatus, kind: e.kind)
        if case .corruptHistory(3, _)? = lifecycleError({ _ = try Dossier.replay([events[0], events[1], early]) }) {} else { Issue.record("time travel not detected") }
        // An event that does not apply to the state (a step completion before any transfer).
        let misplaced = DossierEvent(sequence: 3, at: events[3].at, actor: "a", fromStatus: .received, toStatus: .received, kind: events[3].kind)
        if case .corruptHistory(3, _)? = lifecycleError({ _ = try Dossier.replay([events[0], events[1], misplaced]) }) {} else { Issue.record("misplaced event not detected") }
        #expect(lifecycleError { _ = try Dossier.replay([DossierEvent]()) } != nil)
    }

    @Test func eventJSONShape() throws {
        let c = LifecycleContext(procedure: investmentProcedure())
        let (d, registered) = try Dossier.register(draft(on: "2021-03-01"), at: t("2021-03-01 08:00:30.75"), actor: "tiepnhan", context: c)
        let transferred = try d.applying([try d.decide(.receive, at: t("2021-03-01 08:00:30"), actor: "tiepnhan", context: c)])
            .decide(.transfer, at: t("2021-03-01 09:00"), actor: "tiepnhan", context: c)
        // Instants are kept to the second.
        #expect(registered.at == t("2021-03-01 08:00:30"))
        let object = try #require(try JSONSerialization.jsonObject(with: MotCuaJSON.encode(transferred)) as? [String: Any])
        #expect(Set(object.keys) == ["sequence", "at", "actor", "from_status", "to_status", "type", "payload"])
        #expect(object["type"] as? String == "transferred")
        #expect(object["from_status"] as? Int == 2)
        #expect(object["to_status"] as? Int == 4)
        #expect(object["at"] as? String == "2021-03-01T09:00:00+07:00")
        let payload = try #require(object["payload"] as? [String: Any])
        #expect(payload["due_at"] as? String == "2021-03-08T09:00:00+07:00")
        #expect(payload["agency_code"] as? String == "000.00.07.H56")
        #expect(String(decoding: try transferred.kind.payloadJSON(), as: UTF8.self).hasPrefix("{\"agency_code\":\"000.00.07.H56\",\"allotted\":{\"amount\":5,\"unit\":\"working_days\"}"))
        let first = try #require(try JSONSerialization.jsonObject(with: MotCuaJSON.encode(registered)) as? [String: Any])
        #expect(first["from_status"] == nil)
        #expect(throws: DecodingError.self) { _ = try DossierEventKind(type: "teleported", payloadJSON: Data("{}".utf8)) }
    }
}
