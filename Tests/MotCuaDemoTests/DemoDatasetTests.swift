import Foundation
import Testing
import MotCuaCore
import WorkCalendar
@testable import MotCuaDemo

/// The default dataset, built once for all tests (a global `let` is initialised once, thread-safely).
let defaultDemo: Result<DemoDataset, any Error> = Result { try DemoGenerator.make() }

func demo() throws -> DemoDataset { try defaultDemo.get() }

func date(_ iso: String) -> LocalDate {
    do { return try LocalDate(iso: iso) } catch { fatalError("bad test date \(iso)") }
}

func code(_ text: String) -> AgencyCode {
    do { return try AgencyCode(parsing: text) } catch { fatalError("bad agency code \(text)") }
}

@Suite("Section III figures of the seed report")
struct SeedFiguresTests {
    @Test("The center's window gives the seed's dossier figures, and the identity holds")
    func windowFigures() throws {
        let f = DossierFigures.compute(try demo().dossiers.map(\.dossier), period: DemoGenerator.statisticsWindow)
        #expect(f.received == 7447)
        #expect(f.receivedOnline == 5386)
        #expect(f.receivedPostal == 125)
        #expect(f.receivedCounter == 1936)
        #expect(f.carriedOver == 357)
        #expect(f.resolved == 7708)
        #expect(f.early == 1713)
        #expect(f.onTime == 5962)
        #expect(f.late == 33)
        #expect(f.returnedByPostal == 750)
        #expect(f.withdrawn + f.inProgress == 96)
        #expect(f.withdrawn == 4)
        #expect(f.inProgress == 92)
        #expect(f.overdue == 7)
        #expect(f.withinDeadline == 85)
        #expect(f.identityHolds)
        #expect(f.carriedOver + f.received == f.resolved + f.withdrawn + f.inProgress)
    }

    @Test("The report period (15/6–14/9) has the same 33 late dossiers and its identity holds")
    func reportPeriod() throws {
        let f = DossierFigures.compute(try demo().dossiers.map(\.dossier), period: DemoGenerator.reportPeriod)
        #expect(f.late == 33)
        #expect(f.identityHolds)
    }

    @Test("The late dossiers match footnote 1, by owning agency and kind")
    func lateFootnote() throws {
        let data = try demo()
        let window = DemoGenerator.statisticsWindow
        let late = data.dossiers.map(\.dossier).filter { d in
            guard let c = d.completedAt, d.isLate else { return false }
            return c >= window.start && c < window.end
        }
        #expect(late.count == 33)
        #expect(late.allSatisfy { $0.lateness != nil })
        let catalogue = try data.catalogue()
        for d in late {
            // Reports group by the owning agency of the procedure.
            #expect(catalogue.procedure(d.procedure)?.agencyCode == d.owningAgencyCode)
        }
        func count(_ agency: String, _ kind: LatenessRecord.Kind? = nil) -> Int {
            late.filter { $0.owningAgencyCode == code(agency) && (kind == nil || $0.lateness?.kind == kind) }.count
        }
        let justice = "000.00.11.H56", zones = "000.00.26.H56", environment = "000.00.25.H56"
        let finance = "000.00.08.H56", planning = "000.00.07.H56", home = "000.00.02.H56"
        #expect(count(justice) == 15)
        #expect(count(justice, .actual) == 8)
        #expect(count(justice, .systemOnly) == 7)
        #expect(count(zones) == 1 && count(zones, .systemOnly) == 1)
        #expect(count(environment) == 1 && count(environment, .systemOnly) == 1)
        #expect(count(finance) == 4 && count(finance, .systemOnly) == 4)
        #expect(count(planning) == 11)
        #expect(count(planning, .systemOnly) == 10)
        #expect(count(planning, .actual) == 1)
        #expect(count(home) == 1 && count(home, .systemOnly) == 1)

        let planningLate = late.filter { $0.owningAgencyCode == code(planning) }
        #expect(planningLate.filter { $0.lateness?.stepName == "UBND tỉnh" && $0.lateness?.kind == .systemOnly }.count == 9)
        #expect(planningLate.filter { $0.lateness?.stepName == "Sở Kế hoạch và Đầu tư, UBND tỉnh, Sở Tài nguyên và Môi trường" }.count == 1)
        let slow = planningLate.filter { $0.lateness?.kind == .actual }
        #expect(slow.count == 1)
        #expect(slow.first?.lateness?.reason == "Chuyên viên chậm trễ trong việc xử lý hồ sơ")
        #expect(slow.first?.lateness?.apologySent == false)
        #expect(slow.first?.dueExtension == nil)
        #expect(slow.first?.lateAttribution?.agencies == [code(planning), code("000.00.00.H56")])

        let verification = late.filter { $0.owningAgencyCode == code(justice) && $0.lateness?.kind == .actual }
        #expect(verification.allSatisfy {
            $0.lateness?.stepName == "Xác minh (Trung tâm LLTPQG)"
                && $0.lateness?.reason == "Có án tích chờ xác minh của Trung tâm LLTPQG (chờ Sở Tư pháp xác minh theo quy định); đã có kết quả, đã thông báo cho người dân"
                && $0.dueExtension?.apologyLetter != nil
        })
        let justiceSystem = late.filter { $0.owningAgencyCode == code(justice) && $0.lateness?.kind == .systemOnly }
        #expect(justiceSystem.allSatisfy {
            $0.lateness?.reason == "Chuyên viên chậm chuyển trả kết quả trên hệ thống; kết quả bản giấy có trước và đúng hạn"
        })
        #expect(late.filter { $0.owningAgencyCode == code(zones) }.first?.lateness?.stepName == "UBND tỉnh")
        #expect(late.filter { $0.owningAgencyCode == code(environment) }.first?.lateness?.stepName == "Lãnh đạo Văn phòng đăng ký đất đai")
        #expect(late.filter { $0.owningAgencyCode == code(home) }.first?.lateness?.stepName == "Sở Nội vụ")

        // The step the officer names is the step that overran in the system.
        for d in late where d.lateness?.stepName == "UBND tỉnh" {
            #expect(d.lateAttribution?.agencies == [code("000.00.00.H56")])
        }
        #expect(late.first { $0.lateness?.stepName == "Lãnh đạo Văn phòng đăng ký đất đai" }?.lateAttribution?.agencies
            == [code("000.01.25.H56")])
        #expect(late.first { $0.lateness?.stepName == "Sở Kế hoạch và Đầu tư, UBND tỉnh, Sở Tài nguyên và Môi trường" }?
            .lateAttribution?.agencies == [code(planning), code("000.00.00.H56"), code(environment)])

        for d in late where d.lateness?.kind == .systemOnly {
            // The paper result was on time (on or before the due instant); only the system closed late.
            let paper = try #require(d.lateness?.paperResultAt)
            let due = try #require(d.dueAt)
            #expect(paper <= due)
        }
        for d in late where d.owningAgencyCode == code(finance) {
            // "kết quả bản giấy có đúng hạn": the paper result on the due date itself.
            let paper = try #require(d.lateness?.paperResultAt)
            #expect(Verdict(completedAt: paper, dueAt: try #require(d.dueAt)) == .onTime)
        }
    }

    @Test("Guidance: 1 247 in person, 613 outgoing and 606 incoming calls in the window, in office hours")
    func guidance() throws {
        let data = try demo()
        let window = DemoGenerator.statisticsWindow
        let inWindow = data.guidance.filter { $0.at >= window.start && $0.at < window.end }
        #expect(inWindow.count == 2466)
        #expect(inWindow.filter { $0.kind == .inPerson }.count == 1247)
        #expect(inWindow.filter { $0.kind == .outgoingCall }.count == 613)
        #expect(inWindow.filter { $0.kind == .incomingCall }.count == 606)
        let period = DemoGenerator.reportPeriod
        #expect(data.guidance.filter { $0.at >= period.start && $0.at < period.end }.count == 2466)
        for contact in data.guidance {
            #expect(try WorkingCalendar.vietnam.isOpen(at: contact.at))
            #expect(contact.agencyCode == DemoGenerator.centerCode)
            #expect(!contact.note.isEmpty)
        }
    }

    @Test("Satisfaction rounds to 99,5% in the window and in the report period")
    func satisfaction() throws {
        let data = try demo()
        func percent(_ period: StatisticsPeriod) -> (Double, Int) {
            let ratings = data.ratings.filter { $0.at >= period.start && $0.at < period.end }
            let satisfied = ratings.filter(\.rating.isSatisfied).count
            return ((Double(satisfied) / Double(ratings.count) * 1000).rounded() / 10, ratings.count)
        }
        let (window, count) = percent(DemoGenerator.statisticsWindow)
        #expect(window == 99.5)
        #expect(count > 1000)
        #expect(percent(DemoGenerator.reportPeriod).0 == 99.5)
        #expect(data.ratings.contains { $0.rating == .verySatisfied })
        #expect(data.ratings.contains { $0.rating == .satisfied })
        // One rating per result handed over at the counter, by the officer who handed it over.
        let counterReturns = data.dossiers.filter { $0.dossier.returnChannel == .counter }
        #expect(data.ratings.count == counterReturns.count)
        let reception = Set(data.users.filter { $0.role == .reception }.map(\.username))
        #expect(data.ratings.allSatisfy { reception.contains($0.officer) })
    }
}

@Suite("Dossiers generated by the rules")
struct DossierRulesTests {
    @Test("Counter and postal receipts are on working days in office hours")
    func receiptsInOfficeHours() throws {
        var online = 0, outside = 0
        for (d, _, _) in try demo().dossiers {
            guard let received = d.receivedAt else { continue }
            if d.channel == .online {
                online += 1
                if !(try WorkingCalendar.vietnam.isOpen(at: d.registeredAt)) { outside += 1 }
            } else {
                #expect(try WorkingCalendar.vietnam.isOpen(at: received), "\(d.code) received at \(VietnamTime.iso8601(received))")
                #expect(d.registeredAt == received)
            }
        }
        // Online submissions come at any time: evenings, weekends.
        #expect(outside > online / 10)
    }

    @Test("Officers act on working days in office hours; only the portal acts at any time")
    func staffInOfficeHours() throws {
        for (d, events, _) in try demo().dossiers {
            for e in events where e.actor != DossierBuilder.portalActor {
                #expect(try WorkingCalendar.vietnam.isOpen(at: e.at), "\(d.code) \(e.type) at \(VietnamTime.iso8601(e.at))")
            }
        }
    }

    @Test("Every due instant is the lifecycle's deadline for the procedure version received under")
    func dueInstants() throws {
        let data = try demo()
        let catalogue = try data.catalogue()
        let directory = try data.directory()
        for (d, events, _) in data.dossiers {
            guard let received = d.receivedAt else {
                #expect(d.dueAt == nil)
                continue
            }
            let procedure = try #require(catalogue.procedure(d.procedure))
            // The period counts from the receipt, or restarts when a supplement asked in processing arrives.
            var start = received
            for e in events {
                if case .supplementReceived(let arrival) = e.kind, arrival.phase == .processing, arrival.policy == .restart {
                    start = e.at
                }
            }
            let context = LifecycleContext(procedure: procedure, calendar: .vietnam, agencies: directory)
            let expected = try DossierLifecycle.deadline(receivedAt: start, context: context).due
            #expect(d.dueAt == expected, "\(d.code)")
            #expect(catalogue.procedure(d.procedure.code, at: received)?.version == d.procedure.version)
        }
    }

    @Test("Replaying each dossier's events gives the dossier")
    func replay() throws {
        for (d, events, receiving) in try demo().dossiers {
            #expect(try Dossier.replay(events) == d)
            #expect(d.code.agencyCode == receiving)
            #expect(receiving == DemoGenerator.centerCode)
        }
    }

    @Test("Dossier codes are unique and numbered per day in order of submission")
    func codes() throws {
        let dossiers = try demo().dossiers.map(\.dossier)
        #expect(Set(dossiers.map(\.code)).count == dossiers.count)
        var lastByDate: [LocalDate: (Int, Date)] = [:]
        for d in dossiers {
            #expect(d.code.date == VietnamTime.localDate(of: d.registeredAt))
            if let (sequence, at) = lastByDate[d.code.date] {
                #expect(d.code.sequence == sequence + 1)
                #expect(d.registeredAt >= at)
            } else {
                #expect(d.code.sequence == 1)
            }
            lastByDate[d.code.date] = (d.code.sequence, d.registeredAt)
        }
    }

    @Test("Receipts from 04/5/2021; no event after the report period's last day (14/9/2021)")
    func eventSpan() throws {
        let midnight = try TimeOfDay(hour: 0)
        let firstReceipt = VietnamTime.instant(date: date("2021-05-04"), time: midnight)
        let firstSubmission = VietnamTime.instant(date: date("2021-04-25"), time: midnight)
        let end = DemoGenerator.reportPeriod.end
        for (d, events, _) in try demo().dossiers {
            #expect(events.first!.at >= firstSubmission)
            #expect(d.receivedAt.map { $0 >= firstReceipt } ?? true)
            #expect(events.last!.at < end)
        }
    }

    @Test("Results mostly go back within a day or two; supplements, extensions, withdrawals and refusals occur")
    func variety() throws {
        let dossiers = try demo().dossiers.map(\.dossier)
        let returned = dossiers.filter { $0.returnedAt != nil }
        let quick = try returned.filter { d in
            try WorkingCalendar.vietnam.workingMinutes(from: d.completedAt!, to: d.returnedAt!) <= 2 * 450
        }
        #expect(Double(quick.count) / Double(returned.count) > 0.9)
        #expect(dossiers.filter { !$0.supplementRounds.isEmpty }.count > 100)
        #expect(dossiers.filter { $0.dueExtension?.apologyLetter != nil }.count == 8)
        #expect(dossiers.filter { $0.status == .withdrawn }.count == 4)
        #expect(dossiers.contains { $0.status == .notAccepted })
        #expect(dossiers.contains { $0.outcome == .refused })
        #expect(Set(returned.compactMap(\.returnChannel)) == [.counter, .online, .postal])
        // Decision 1121/QĐ-UBND: dossiers received from 29/7/2021 run under the cut processing times.
        #expect(dossiers.contains { $0.procedure.version == 2 })
    }
}

@Suite("Agencies, catalogue and users")
struct WorldTests {
    @Test("Agencies of Đắk Nông with 2021 names valid until the 2025 merger")
    func agencies() throws {
        let directory = try demo().directory()
        let may2021 = date("2021-06-30"), august2025 = date("2025-08-01")
        let justice = try #require(directory[code("000.00.11.H56")])
        #expect(justice.name(on: may2021) == "Sở Tư pháp tỉnh Đắk Nông")
        #expect(justice.shortName(on: may2021) == "Sở Tư pháp")
        #expect(justice.naming(on: date("2025-06-30"))?.validUntil == date("2025-06-30"))
        #expect(justice.name(on: august2025) == "Sở Tư pháp tỉnh Lâm Đồng")
        let planning = try #require(directory[code("000.00.07.H56")])
        #expect(planning.name(on: may2021) == "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông")
        #expect(planning.successorCode == code("000.00.08.H56"))
        #expect(directory[code("000.00.15.H56")]?.level == .center)
        #expect(directory[code("000.00.00.H56")]?.name(on: may2021) == "Ủy ban nhân dân tỉnh Đắk Nông")
        #expect(directory[code("000.01.25.H56")]?.parentCode == code("000.00.25.H56"))
        #expect(try demo().agencies.allSatisfy { $0.code.unitCode == "H56" })
    }

    @Test("A catalogue of real procedures with legal and local times, steps across agencies")
    func catalogue() throws {
        let data = try demo()
        let catalogue = try data.catalogue()
        #expect((30...60).contains(catalogue.codes.count))
        let criminalRecord = try #require(catalogue.procedure(ProcedureCode(parsing: "2.000488"), at: Date(timeIntervalSince1970: 1_625_000_000)))
        #expect(criminalRecord.name == "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam")
        #expect(criminalRecord.steps.map(\.name) == ["Tiếp nhận, thẩm định", "Xác minh (Trung tâm LLTPQG)", "Phê duyệt"])
        let province = code("000.00.00.H56")
        #expect(data.procedures.contains { $0.agencyCode == code("000.00.07.H56") && $0.steps.contains { $0.agencyCode == province } })
        #expect(data.procedures.contains { $0.steps.contains { $0.agencyCode == code("000.01.25.H56") } })
        #expect(data.procedures.contains { $0.localTime.workingMinutes() < $0.legalTime.workingMinutes() })
        #expect(Set(data.procedures.map(\.onlineLevel)) == [.full, .partial, .none])
    }

    @Test("Demo users: reception, specialists, a leader at UBND tỉnh, the manager, an administrator")
    func users() throws {
        let users = try demo().users
        #expect(Set(users.map(\.username)).count == users.count)
        func has(_ role: DemoUser.Role, _ agency: String) -> Bool {
            users.contains { $0.role == role && $0.agencyCodes.contains(code(agency)) }
        }
        #expect(has(.reception, "000.00.15.H56"))
        #expect(has(.specialist, "000.00.11.H56"))
        #expect(has(.specialist, "000.00.07.H56"))
        #expect(has(.leader, "000.00.00.H56"))
        #expect(has(.manager, "000.00.15.H56"))
        #expect(users.contains { $0.role == .administrator })
        #expect(DemoUser.demoPassword.count >= 10)
        // Every actor of a step is a demo user.
        let names = Set(users.map(\.username))
        let actors = Set(try demo().dossiers.flatMap { $0.events.map(\.actor) })
        #expect(actors.subtracting(names) == [DossierBuilder.portalActor])
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test("The same seed gives the same dataset")
    func sameSeed() throws {
        #expect(try DemoGenerator.make(seed: 2021) == demo())
    }

    @Test("Another seed gives other instants and the same figures")
    func otherSeed() throws {
        let other = try DemoGenerator.make(seed: 7)
        let base = try demo()
        #expect(other != base)
        #expect(other.dossiers.map(\.dossier.registeredAt) != base.dossiers.map(\.dossier.registeredAt))
        let window = DemoGenerator.statisticsWindow
        #expect(DossierFigures.compute(other.dossiers.map(\.dossier), period: window)
            == DossierFigures.compute(base.dossiers.map(\.dossier), period: window))
        #expect(other.guidance.filter { $0.kind == .incomingCall }.count == 606)
        #expect(other.guidance.map(\.at) != base.guidance.map(\.at))
    }
}
