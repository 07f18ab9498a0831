import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaStore

/// Writes a `DemoDataset`'s data through the stores, in bulk: agencies, every procedure version, the
/// dossiers with their histories, the guidance log and the ratings. (Staff accounts need password
/// hashing and are added by the `demo` command.)
public struct DemoLoader: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum State: Sendable { case empty, demo, otherData }

    /// An empty database, one that holds the demo (its center and its dossier codes), or other data.
    /// - Parameter sample: the post-reform sample (`LamDong2026Sample`) instead of the 2021 demo.
    public func state(sample: Bool = false) async throws -> State {
        let agencies = try await AgencyStore(database: database).all()
        if agencies.isEmpty { return .empty }
        if sample {
            let hasBranch = agencies.contains { $0.code == LamDong2026World.branchCode }
            let hasDossier = try await database.sql.select().column("code").from("dossiers").limit(1).first() != nil
            return hasBranch && hasDossier ? .demo : .otherData
        }
        let center = agencies.first { $0.code == DemoGenerator.centerCode }
        let marker = try await database.sql.select().column("code").from("dossiers")
            .where("code", .like, DemoGenerator.centerCode.rawValue + "-210609-%").limit(1).first()
        return center != nil && marker != nil ? .demo : .otherData
    }

    /// Loads everything but the users; returns a one-line summary.
    /// - Parameter narrative: also the Q3/2021 report's narrative records (the 2021 demo only).
    @discardableResult
    public func load(_ demo: DemoDataset, narrative withNarrative: Bool = true) async throws -> String {
        let agencies = AgencyStore(database: database)
        for agency in demo.agencies { try await agencies.save(agency) }
        let procedures = ProcedureStore(database: database)
        for procedure in demo.procedures { try await procedures.add(procedure) }
        let catalogue = try demo.catalogue()
        let records = demo.dossiers.map { item in
            DossierRecord(dossier: item.dossier, events: item.events, receivingAgency: item.receivingAgency,
                          field: catalogue.procedure(item.dossier.procedure)?.field ?? "")
        }
        try await DossierStore(database: database).insert(records)
        let log = ServiceLogStore(database: database)
        try await log.record(contacts: demo.guidance, recordedBy: "demo")
        try await log.record(ratings: demo.ratings)
        let summary = "\(demo.agencies.count) agencies, \(demo.procedures.count) procedure versions, \(records.count) dossiers, "
            + "\(demo.guidance.count) guidance contacts, \(demo.ratings.count) ratings"
        guard withNarrative else { return summary }
        let narrative = try DemoNarrative.load()
        try await load(narrative)
        return "\(demo.agencies.count) agencies, \(demo.procedures.count) procedure versions, \(records.count) dossiers, "
            + "\(demo.guidance.count) guidance contacts, \(demo.ratings.count) ratings, "
            + "\(narrative.documents.count) documents and \(narrative.entries.count) entries for the Q3/2021 report"
    }

    /// The narrative records of the seed report and its draft: the report period with the center's
    /// statistics window (the seed's section III covers 09/6–07/9/2021).
    public func load(_ narrative: DemoNarrative) async throws {
        let records = ReportRecordStore(database: database)
        try await records.save(documents: narrative.documents)
        try await records.save(entries: narrative.entries)
        let store = ReportStore(database: database)
        if try await store.report(periodFrom: narrative.period.from, periodTo: narrative.period.to)?.status != .issued {
            try await store.saveDraft(StoredReport(
                periodFrom: narrative.period.from, periodTo: narrative.period.to,
                statisticsFrom: narrative.statisticsWindow.from, statisticsTo: narrative.statisticsWindow.to))
        }
    }
}
