import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Verdicts")
struct VerdictTests {
    let due = t("2021-03-02 11:00")

    @Test(arguments: [
        ("2021-03-02 11:00", Verdict.onTime),     // exactly at the due instant
        ("2021-03-02 07:30", .onTime),            // same day, earlier
        ("2021-03-02 11:00:01", .late),           // one second after
        ("2021-03-02 16:00", .late),              // same day, after the due instant
        ("2021-03-03 07:30", .late),              // next day
        ("2021-03-01 17:00", .early),             // the day before
        ("2021-02-26 09:00", .early),
    ])
    func completedAgainstDue(completed: String, expected: Verdict) {
        #expect(Verdict(completedAt: t(completed), dueAt: due) == expected)
    }

    @Test func datesAreVietnameseLocalDatesNotUTC() {
        // Due 2 March 07:30 local = 1 March 00:30 UTC; completed 2 March 06:00 local = 1 March 23:00 UTC.
        // In UTC the dates differ (early); in Vietnam both are 2 March: on time.
        let d = t("2021-03-02T00:30:00Z")
        let c = t("2021-03-01T23:00:00Z")
        #expect(d == t("2021-03-02 07:30"))
        #expect(Verdict(completedAt: c, dueAt: d) == .onTime)
        // 23:59 local the day before is early.
        #expect(Verdict(completedAt: t("2021-03-01 23:59"), dueAt: d) == .early)
    }

    @Test func inProgressAtAnInstant() {
        #expect(ProgressVerdict(at: due, dueAt: due) == .withinDeadline)
        #expect(ProgressVerdict(at: t("2021-03-02 11:01"), dueAt: due) == .overdue)
        #expect(ProgressVerdict(at: t("2021-03-01 11:01"), dueAt: due) == .withinDeadline)
    }

    @Test func rawValuesAndLabels() {
        #expect(Verdict.allCases.map(\.rawValue) == ["early", "on_time", "late"])
        #expect(Verdict.allCases.map(\.vietnameseLabel) == ["Trước hạn", "Đúng hạn", "Quá hạn"])
        #expect(ProgressVerdict.allCases.map(\.rawValue) == ["within_deadline", "overdue"])
        #expect(LatenessRecord.Kind.allCases.map(\.rawValue) == ["actual", "system_only"])
        #expect(LatenessRecord.Kind.systemOnly.vietnameseLabel == "Trễ hạn phần mềm")
    }

    @Test func dossierVerdictUsesTheLegalDueAndTheCitizenVerdictTheExtendedOne() throws {
        let c = LifecycleContext(procedure: investmentProcedure())
        var (d, _) = try receivedDossier(at: "2021-03-01 08:00", context: c)   // due 15 March 08:00
        #expect(d.progress(at: t("2021-03-15 08:00")) == .withinDeadline)
        #expect(d.progress(at: t("2021-03-15 08:01")) == .overdue)
        try d.execute(.extend(newDueAt: t("2021-03-19 17:00"), reason: "Xác minh", apologyLetter: "01/PXL"), at: t("2021-03-10 08:00"), actor: "a", context: c)
        #expect(d.progress(at: t("2021-03-16 08:00")) == .overdue)   // statistics keep the legal due
        try d.execute(.transfer, at: t("2021-03-10 08:00"), actor: "a", context: c)
        for _ in 0..<2 { try d.execute(.completeStep(note: nil), at: t("2021-03-12 08:00"), actor: "a", context: c) }
        try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-15 08:00"), actor: "a", context: c)
        #expect(d.verdict == .onTime)
        #expect(d.citizenVerdict == .early)
        #expect(d.lateAttribution == nil)
        #expect(d.progress(at: t("2021-03-20 08:00")) == nil)
    }
}
