import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

public struct GuidanceFigures: Sendable, Hashable, Codable {
    public var inPerson = 0, outgoingCalls = 0, incomingCalls = 0
    public var total: Int { inPerson + outgoingCalls + incomingCalls }
    public init() {}
}

public struct SatisfactionFigures: Sendable, Hashable, Codable {
    public var ratings = 0, satisfied = 0, unsatisfied = 0
    /// Satisfied share in percent, rounded to one decimal as the report prints it.
    public var satisfiedPercent: Double {
        ratings == 0 ? 0 : (Double(satisfied) * 1000 / Double(ratings)).rounded() / 10
    }
    public init() {}
}

/// The guidance log and the satisfaction ratings.
public struct ServiceLogStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records a contact; `id` makes a repeated import of the same row a no-op.
    public func record(_ contact: GuidanceContact, recordedBy: String, id: String = UUID().uuidString) async throws {
        try await Self.insert([(id, contact)], recordedBy: recordedBy, on: database.sql)
    }

    /// Records one rating; `StoreError.duplicate` when the dossier has one already (a unique index refuses a
    /// second, whatever path it came by — `RatingRule` is checked by the caller first).
    public func record(_ rating: SatisfactionRating, id: String = UUID().uuidString) async throws {
        do {
            try await Self.insert([(id, rating)], on: database.sql)
        } catch {
            let rated = try await isRated(rating.dossierCode)
            if rated { throw StoreError.duplicate(kind: "rating", key: rating.dossierCode.rawValue) }
            throw error
        }
    }

    /// Records many contacts in one transaction (the demo, bulk entry).
    public func record(contacts: [GuidanceContact], recordedBy: String) async throws {
        let rows = contacts.map { (UUID().uuidString, $0) }
        try await database.transaction { sql in try await Self.insert(rows, recordedBy: recordedBy, on: sql) }
    }

    /// Records many ratings in one transaction.
    public func record(ratings: [SatisfactionRating]) async throws {
        let rows = ratings.map { (UUID().uuidString, $0) }
        try await database.transaction { sql in try await Self.insert(rows, on: sql) }
    }

    static func insert(_ contacts: [(String, GuidanceContact)], recordedBy: String, on sql: any SQLDatabase) async throws {
        for batch in contacts.chunked(ImportLimits.batchRows) {
            var insert = sql.insert(into: "guidance_contacts").columns("id", "at", "kind", "agency_code", "note", "recorded_by")
            for (id, c) in batch {
                insert = insert.values(SQLBind(id), SQLBind(Instant.seconds(c.at)), SQLBind(c.kind.rawValue),
                                       SQLBind(c.agencyCode.rawValue), SQLBind(c.note), SQLBind(recordedBy))
            }
            try await insert.ignoringConflicts(with: ["id"]).run()
        }
    }

    static func insert(_ ratings: [(String, SatisfactionRating)], on sql: any SQLDatabase) async throws {
        for batch in ratings.chunked(ImportLimits.batchRows) {
            var insert = sql.insert(into: "satisfaction_ratings").columns("id", "at", "dossier_code", "officer", "rating")
            for (id, r) in batch {
                insert = insert.values(SQLBind(id), SQLBind(Instant.seconds(r.at)), SQLBind(r.dossierCode.rawValue),
                                       SQLBind(r.officer), SQLBind(r.rating.rawValue))
            }
            try await insert.ignoringConflicts(with: ["id"]).run()
        }
    }

    public func guidanceFigures(_ period: StatisticsPeriod, agencies: [AgencyCode]? = nil) async throws -> GuidanceFigures {
        var query: SQLQueryString = """
            SELECT kind, COUNT(*) AS n FROM guidance_contacts
            WHERE at >= \(bind: Instant.seconds(period.start)) AND at < \(bind: Instant.seconds(period.end))
            """
        if let agencies { query = query + " AND agency_code IN (\(binds: agencies.isEmpty ? [""] : agencies.map(\.rawValue)))" }
        var figures = GuidanceFigures()
        for row in try await database.sql.raw(query + " GROUP BY kind").all() {
            let n = try row.decode(column: "n", as: Int.self)
            switch GuidanceContact.Kind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .inPerson?: figures.inPerson += n
            case .outgoingCall?: figures.outgoingCalls += n
            case .incomingCall?: figures.incomingCalls += n
            case nil: break
            }
        }
        return figures
    }

    public func satisfactionFigures(_ period: StatisticsPeriod) async throws -> SatisfactionFigures {
        let rows = try await database.sql.raw("""
            SELECT rating, COUNT(*) AS n FROM satisfaction_ratings
            WHERE at >= \(bind: Instant.seconds(period.start)) AND at < \(bind: Instant.seconds(period.end))
            GROUP BY rating
            """).all()
        var figures = SatisfactionFigures()
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            figures.ratings += n
            if SatisfactionRating.Rating(rawValue: try row.decode(column: "rating", as: String.self))?.isSatisfied == true {
                figures.satisfied += n
            } else {
                figures.unsatisfied += n
            }
        }
        return figures
    }
}

/// A dossier an officer has just handed back and the citizen has not rated yet: what the counter tablet shows.
public struct RatableDossier: Sendable, Hashable {
    public let code: DossierCode
    public let procedureCode: String
    public let returnedAt: Date
}

extension ServiceLogStore {
    /// The last dossier `officer` returned since `since` that has no rating yet.
    public func lastUnratedReturn(by officer: String, since: Date) async throws -> RatableDossier? {
        let row = try await database.sql.raw("""
            SELECT e.dossier_code, d.procedure_code, e.at FROM dossier_events e
            JOIN dossiers d ON d.code = e.dossier_code
            WHERE e.type = 'result_returned' AND e.actor = \(bind: officer) AND e.at >= \(bind: Instant.seconds(since))
              AND NOT EXISTS (SELECT 1 FROM satisfaction_ratings r WHERE r.dossier_code = e.dossier_code)
            ORDER BY e.at DESC LIMIT 1
            """).first()
        guard let row else { return nil }
        return RatableDossier(code: try DossierCode(parsing: row.decode(column: "dossier_code", as: String.self)),
                              procedureCode: try row.decode(column: "procedure_code", as: String.self),
                              returnedAt: Instant.date(try row.decode(column: "at", as: Int.self)))
    }

    /// Whether the dossier was rated already (one rating per returned dossier).
    public func isRated(_ code: DossierCode) async throws -> Bool {
        try await database.sql.select().column("id").from("satisfaction_ratings")
            .where("dossier_code", .equal, code.rawValue).limit(1).first() != nil
    }
}
