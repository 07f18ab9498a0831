import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

/// One dossier's whole life across three agencies and Tết 2021 (holidays 10–16 February), with a supplement
/// round (pause policy) and an extension: exact due instants, per-step verdicts and lateness attribution.
@Suite("Whole life across Tết 2021")
struct TetLifeTests {
    let context = LifecycleContext(procedure: investmentProcedure(policy: .pause))

    @Test func wholeLife() throws {
        var events: [DossierEvent] = []
        // Received at the counter on Friday 5 February 2021, 09:00. Ten working days: 8, 9 February, then
        // Tết (10–16) is skipped, then 17, 18, 19, 22, 23, 24, 25, 26 → Friday 26 February, 09:00.
        let received = try receivedDossier(at: "2021-02-05 09:00", context: context)
        var d = received.0
        events += received.1
        #expect(d.status == .received)
        #expect(d.receivedAt == t("2021-02-05 09:00"))
        #expect(d.dueAt == t("2021-02-26 09:00"))
        #expect(d.citizenDueAt == t("2021-02-26 09:00"))
        guard case .received(let reception) = events[1].kind else { Issue.record("second event is not received"); return }
        #expect(reception.skippedDays.map(\.date) == (10...16).map { date(String(format: "2021-02-%02d", $0)) })
        #expect(reception.skippedDays.filter { $0.kind == .compensatory }.map(\.date) == [date("2021-02-15"), date("2021-02-16")])

        // Step 1, Planning and Investment, 5 days from 09:00 Friday 5 → 09:00 Friday 19 February.
        events.append(try d.execute(.transfer, at: t("2021-02-05 09:00"), actor: "tiepnhan", context: context))
        #expect(d.status == .processing)
        #expect(d.visits.count == 1)
        #expect(d.visits[0].agencyCode == Agencies.planning)
        #expect(d.visits[0].dueAt == t("2021-02-19 09:00"))
        #expect(d.visits[0].allottedMinutes == 5 * 450)
        events.append(try d.execute(.acceptStep(assignee: "cv.khdt"), at: t("2021-02-05 09:30"), actor: "cv.khdt", context: context))
        #expect(d.visits[0].acceptedAt == t("2021-02-05 09:30"))

        // Supplement asked on Tuesday 9 at 10:00; the complete dossier arrives Thursday 18 at 14:00.
        // Waited: 300 (Tue 9) + 450 (Wed 17) + 270 (Thu 18) = 1 020 working minutes.
        events.append(try d.execute(.requestSupplement(reason: "Thiếu báo cáo tình hình thực hiện dự án", documents: ["Báo cáo tình hình thực hiện dự án"]),
                                    at: t("2021-02-09 10:00"), actor: "cv.khdt", context: context))
        #expect(d.status == .supplementRequested)
        #expect(d.visits[0].suspendedAt == t("2021-02-09 10:00"))
        #expect(d.progress(at: t("2021-02-12 10:00")) == .withinDeadline)
        events.append(try d.execute(.receiveSupplement(note: "Đã nhận đủ"), at: t("2021-02-18 14:00"), actor: "tiepnhan", context: context))
        #expect(d.status == .processing)
        #expect(d.supplementRounds.count == 1)
        #expect(d.supplementRounds[0].phase == .processing)
        #expect(d.supplementRounds[0].waitedMinutes == 1020)
        #expect(d.supplementRounds[0].policy == .pause)
        // Pause: the dossier's due moves by 1 020 minutes (2 days and 120 minutes): Friday 26 09:00 → Tuesday 2 March 11:00.
        #expect(d.dueAt == t("2021-03-02 11:00"))
        #expect(d.citizenDueAt == t("2021-03-02 11:00"))
        // The step too: Friday 19 09:00 → Tuesday 23 11:00.
        #expect(d.visits[0].dueAt == t("2021-02-23 11:00"))
        #expect(d.visits[0].pausedMinutes == 1020)
        #expect(d.visits[0].suspendedAt == nil)

        // Step 1 completes Wednesday 24 at 10:00: late. Used 3 660 − 1 020 paused = 2 640 of 2 250 minutes.
        events.append(try d.execute(.completeStep(note: "Đủ điều kiện"), at: t("2021-02-24 10:00"), actor: "cv.khdt", context: context))
        #expect(d.visits[0].exit == .forwarded)
        #expect(d.visits[0].usedMinutes == 2640)
        #expect(d.visits[0].verdict == .late)
        // Step 2, provincial People's Committee, 3 days: Thursday 25, Friday 26, Monday 1 March → 10:00.
        #expect(d.visits[1].agencyCode == Agencies.province)
        #expect(d.visits[1].handedOverAt == t("2021-02-24 10:00"))
        #expect(d.visits[1].dueAt == t("2021-03-01 10:00"))

        // Extension with an apology letter on Thursday 25 at 09:00 (one working day before would be Friday 26 09:00,
        // before the due instant Tuesday 2 March 11:00): the citizen gets Friday 5 March 17:00; statistics keep 2 March.
        events.append(try d.execute(.extend(newDueAt: t("2021-03-05 17:00"), reason: "Chờ ý kiến phê duyệt của UBND tỉnh", apologyLetter: "25/PXL-TTHCC"),
                                    at: t("2021-02-25 09:00"), actor: "lanhdao.ttpvhcc", context: context))
        #expect(d.citizenDueAt == t("2021-03-05 17:00"))
        #expect(d.dueAt == t("2021-03-02 11:00"))
        #expect(d.dueExtension?.previousDueAt == t("2021-03-02 11:00"))
        #expect(d.dueExtension?.apologyLetter == "25/PXL-TTHCC")
        #expect(lifecycleError { _ = try d.decide(.extend(newDueAt: t("2021-03-10 17:00"), reason: "Lần hai", apologyLetter: nil), at: t("2021-02-25 10:00"), actor: "x", context: context) }
                == .extensionAlreadyGranted(newDueAt: t("2021-03-05 17:00")))

        // Step 2 completes Monday 1 March 09:00: on time (same day, before 10:00). Used 1 290 of 1 350.
        events.append(try d.execute(.completeStep(note: nil), at: t("2021-03-01 09:00"), actor: "ld.ubnd", context: context))
        #expect(d.visits[1].verdict == .onTime)
        #expect(d.visits[1].usedMinutes == 1290)
        // Step 3, Natural Resources and Environment, 2 days → Wednesday 3 March 09:00.
        #expect(d.visits[2].agencyCode == Agencies.environment)
        #expect(d.visits[2].dueAt == t("2021-03-03 09:00"))
        #expect(d.progress(at: t("2021-03-02 11:01")) == .overdue)

        // Step 3 completes Thursday 4 March 08:00 (late, 1 290 of 900 minutes); the result is ready at once.
        events.append(try d.execute(.completeStep(note: "Đã cập nhật"), at: t("2021-03-04 08:00"), actor: "cv.tnmt", context: context))
        #expect(d.visits[2].exit == .finished)
        #expect(d.visits[2].usedMinutes == 1290)
        #expect(d.openVisit == nil)
        events.append(try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-04 08:00"), actor: "tiepnhan", context: context))
        #expect(d.status == .processed)
        #expect(d.completedAt == t("2021-03-04 08:00"))
        #expect(d.verdict == .late)               // against the legal due, 2 March 11:00
        #expect(d.citizenVerdict == .early)       // against the extended date, 5 March
        #expect(d.visits.map(\.verdict) == [.late, .onTime, .late])

        events.append(try d.execute(.returnResult(channel: .counter), at: t("2021-03-05 08:00"), actor: "tiepnhan", context: context))
        #expect(d.status == .returned)
        #expect(d.returnedAt == t("2021-03-05 08:00"))
        #expect(d.returnChannel == .counter)

        // Attribution: the Planning and Investment step and the Environment step overran; the People's Committee did not.
        let attribution = try #require(d.lateAttribution)
        #expect(attribution.overruns.map(\.visitNumber) == [1, 3])
        #expect(attribution.overruns.map(\.overrunMinutes) == [390, 390])
        #expect(attribution.agencies == [Agencies.planning, Agencies.environment])
        #expect(attribution.owningAgencyCode == Agencies.planning)
        #expect(attribution.apologySent)          // the extension came with its letter
        #expect(attribution.record == nil)

        let record = LatenessRecord(kind: .actual, reason: "Chuyên viên chậm trễ trong việc xử lý hồ sơ", apologySent: true,
                                    agencyCode: Agencies.planning, stepName: "Thẩm định hồ sơ")
        events.append(try d.execute(.recordLateness(record), at: t("2021-03-05 09:00"), actor: "lanhdao.ttpvhcc", context: context))
        #expect(d.lateAttribution?.kind == .actual)
        #expect(d.lateAttribution?.record?.reason == "Chuyên viên chậm trễ trong việc xử lý hồ sơ")

        // History: consecutive sequences, the version is the number of events, and replay (also from JSON) gives the same state.
        #expect(events.map(\.sequence) == Array(1...events.count))
        #expect(d.version == events.count)
        #expect(events.map(\.toStatus).last == .returned)
        #expect(try Dossier.replay(events) == d)
        let json = try MotCuaJSON.encode(events)
        let decoded = try MotCuaJSON.decode([DossierEvent].self, from: json)
        #expect(decoded == events)
        #expect(try Dossier.replay(decoded) == d)
    }
}
