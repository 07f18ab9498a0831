import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaDemoLoader
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// Issue 11, item 5: the post-reform sample builds, loads, and its 2026-Q3 report renders for the provincial
/// center and for a commune center.
@Suite("The lam-dong-2026 sample")
struct LamDong2026SampleTests {
    static let dataset: DemoDataset = {
        do { return try LamDong2026Sample.make() } catch { fatalError("sample: \(error)") }
    }()

    @Test("deterministic, replayable, across the merger and both regimes, with dossiers accepted at one site for another")
    func dataset() throws {
        let dossiers = Self.dataset.dossiers
        #expect(try LamDong2026Sample.make() == Self.dataset)
        #expect(dossiers.count > 2_000)
        for item in dossiers.prefix(400) + dossiers.suffix(400) { #expect(try Dossier.replay(item.events) == item.dossier) }
        let received = dossiers.compactMap(\.dossier.receivedAt).map(VietnamTime.localDate(of:))
        let may2025 = try LocalDate(iso: "2025-05-01"), november2026 = try LocalDate(iso: "2026-11-01")
        #expect(received.min()! < may2025 && received.max()! > november2026)
        let regimes = Set(dossiers.map { LegalRegime.of($0.dossier).id })
        #expect(regimes == ["nd61-2018", "nd118-2025", "nd118-2025-309-2026"])
        let onBehalf = dossiers.filter { $0.dossier.forwarding != nil }
        #expect(onBehalf.count > 50)
        // The period of each forwarded dossier runs from the competent site's receipt.
        for item in onBehalf.prefix(50) {
            let d = item.dossier
            guard let received = d.receivedAt else { continue }
            #expect(d.acceptedAt! < received && d.forwarding?.deliveredAt == received)
            #expect(d.events(ofType: "received", in: item.events) == 1)
        }
        // Open on 1 July 2025, moved to the successors with an event.
        #expect(dossiers.contains { $0.events.contains { $0.type == "reassigned" } })
        #expect(dossiers.filter { $0.dossier.code.agencyCode.rawValue.hasSuffix(".H39") }.allSatisfy { !$0.dossier.owningAgencyCode.rawValue.hasSuffix(".H56") })
    }

    @Test("loaded, the 2026-Q3 report renders for the provincial center and for a commune center",
          arguments: TestBackend.available)
    func quarterlyReports(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            #expect(try await DemoLoader(database: database).state(sample: true) == .empty)
            try await DemoLoader(database: database).load(Self.dataset, narrative: false)
            #expect(try await DemoLoader(database: database).state(sample: true) == .demo)
            let period = try ReportingQuarter(parsing: "2026-Q3").period
            let reports = QuarterlyReports(database: database)
            let province = try await reports.report(period, agency: LamDong2026Sample.provincialCenter)
            let commune = try await reports.report(period, agency: LamDong2026Sample.communeCenter)
            let provinceText = QuarterlyReportMarkdownRenderer.render(province)
            let communeText = QuarterlyReportMarkdownRenderer.render(commune)
            #expect(provinceText.contains("Lâm Đồng, ngày") && communeText.contains("Lâm Đồng, ngày"))
            #expect(communeText.contains("III. Hoạt động của Trung tâm Phục vụ hành chính công phường Bắc Gia Nghĩa"))
            #expect(communeText.contains("thuộc thẩm quyền của nơi khác"))
            // The provincial center receives what the commune centers accept for the departments.
            let statistics = try await StatisticsReporter(database: database).report(period, agency: LamDong2026Sample.provincialCenter)
            #expect(statistics.received.total > 0)
            let communeFigures = try await StatisticsReporter(database: database).report(period, agency: LamDong2026Sample.communeCenter)
            #expect((communeFigures.acceptedOnBehalf?.total ?? 0) > 0)
            #expect(communeFigures.received.total < statistics.received.total)
            for report in [province, commune] {
                let docx = try QuarterlyReportDocxRenderer.docx(report)
                #expect(docx.count > 4_000 && docx.prefix(2) == Data("PK".utf8))
            }
        }
    }
}

private extension Dossier {
    func events(ofType type: String, in events: [DossierEvent]) -> Int { events.filter { $0.type == type }.count }
}
