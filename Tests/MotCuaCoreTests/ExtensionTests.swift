import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Extension with an apology letter")
struct ExtensionTests {
    let context = LifecycleContext(procedure: investmentProcedure())

    /// Received Friday 5 February 2021 09:00, due Friday 26 February 09:00, in the first step.
    func processing() throws -> Dossier {
        var (d, _) = try receivedDossier(at: "2021-02-05 09:00", context: context)
        try d.execute(.transfer, at: t("2021-02-05 09:00"), actor: "a", context: context)
        #expect(d.dueAt == t("2021-02-26 09:00"))
        return d
    }

    func extend(_ d: inout Dossier, at: String, to newDue: String = "2021-03-05 17:00", reason: String = "Cần xác minh thêm") throws {
        try d.execute(.extend(newDueAt: t(newDue), reason: reason, apologyLetter: nil), at: t(at), actor: "ld", context: context)
    }

    @Test func exactlyOneWorkingDayBeforeTheDueInstantIsAllowed() throws {
        var d = try processing()
        try extend(&d, at: "2021-02-25 09:00")
        #expect(d.citizenDueAt == t("2021-03-05 17:00"))
        #expect(d.dueAt == t("2021-02-26 09:00"))
        #expect(d.dueExtension?.requestedAt == t("2021-02-25 09:00"))
    }

    @Test func lessThanOneWorkingDayBeforeTheDueInstantIsRefused() throws {
        var d = try processing()
        let error = lifecycleError { try extend(&d, at: "2021-02-25 09:01") }
        #expect(error == .extensionTooLate(requestedAt: t("2021-02-25 09:01"), dueAt: t("2021-02-26 09:00")))
        #expect(error?.description.contains("at least one working day") == true)
        #expect(error?.vietnameseMessage.contains("chậm nhất 01 ngày làm việc") == true)
        #expect(d.dueExtension == nil)
        #expect(d.version == 3)
    }

    @Test func aWeekendBeforeTheDueDateDoesNotCountAsAWorkingDay() throws {
        // Received Wednesday 17 February 10:00 (the first working day after Tết) → Wednesday 3 March 10:00.
        var (d, _) = try receivedDossier(at: "2021-02-17 10:00", context: context)
        #expect(d.dueAt == t("2021-03-03 10:00"))
        // Tuesday 2 March 10:30 + 1 working day = Wednesday 10:30 > due: too late. A request on Saturday 27
        // February counts from Monday 1 March 07:30 → Tuesday 2 March 07:30 ≤ due: allowed.
        let late = lifecycleError {
            try d.execute(.extend(newDueAt: t("2021-03-10 17:00"), reason: "x", apologyLetter: nil), at: t("2021-03-02 10:30"), actor: "a", context: context)
        }
        #expect(late == .extensionTooLate(requestedAt: t("2021-03-02 10:30"), dueAt: t("2021-03-03 10:00")))
        try d.execute(.extend(newDueAt: t("2021-03-10 17:00"), reason: "x", apologyLetter: nil), at: t("2021-02-27 10:00"), actor: "a", context: context)
        #expect(d.citizenDueAt == t("2021-03-10 17:00"))
    }

    @Test func aSecondExtensionIsRefused() throws {
        var d = try processing()
        try extend(&d, at: "2021-02-22 09:00", to: "2021-03-05 17:00")
        let error = lifecycleError { try extend(&d, at: "2021-02-23 09:00", to: "2021-03-12 17:00") }
        #expect(error == .extensionAlreadyGranted(newDueAt: t("2021-03-05 17:00")))
        #expect(d.citizenDueAt == t("2021-03-05 17:00"))
    }

    @Test func theNewDateMustBeLaterAndAReasonIsRequired() throws {
        var d = try processing()
        #expect(lifecycleError { try extend(&d, at: "2021-02-22 09:00", to: "2021-02-26 09:00") }
                == .extensionNotLater(newDueAt: t("2021-02-26 09:00"), dueAt: t("2021-02-26 09:00")))
        #expect(lifecycleError { try extend(&d, at: "2021-02-22 09:00", reason: " ") } == .missingReason(action: .extend))
        #expect(d.dueExtension == nil)
    }

    @Test func anExtensionAfterTheDueInstantIsRefused() throws {
        var d = try processing()
        #expect(lifecycleError { try extend(&d, at: "2021-03-01 08:00") }
                == .extensionTooLate(requestedAt: t("2021-03-01 08:00"), dueAt: t("2021-02-26 09:00")))
    }

    @Test func aPauseAfterTheExtensionMovesTheCitizensDateToo() throws {
        var d = try processing()
        try extend(&d, at: "2021-02-22 09:00", to: "2021-03-05 17:00")
        try d.execute(.requestPayment(amountVND: 100_000, description: "Phí"), at: t("2021-02-23 07:30"), actor: "a", context: context)
        try d.execute(.confirmPayment(reference: nil), at: t("2021-02-24 07:30"), actor: "a", context: context)
        // One working day waited (450 minutes): both dates move by it; the legal one stays the statistics' date.
        #expect(d.dueAt == t("2021-03-01 09:00"))
        #expect(d.citizenDueAt == t("2021-03-08 17:00"))     // the close of Friday 5 March + a full day = the close of Monday 8
        #expect(d.dueExtension?.newDueAt == t("2021-03-05 17:00"))
    }
}
