import Foundation
import MotCuaCore
import WorkCalendar
import SQLKit

/// Row-level reading and writing of `dossiers` and `dossier_events`, inside a caller's transaction.
enum DossierRows {
    static func insert(_ dossier: Dossier, receivingAgency: AgencyCode, field: String, on sql: any SQLDatabase) async throws {
        let columns = try DossierProjection(dossier: dossier, receivingAgency: receivingAgency, field: field)
            .columns(updatedAt: dossier.lastEventAt)
        try await sql.insert(into: "dossiers")
            .columns(["code"] + columns.map(\.0))
            .values([SQLBind(dossier.code.rawValue)] + columns.map { SQLBind($0.1) })
            .run()
    }

    static func update(_ dossier: Dossier, receivingAgency: AgencyCode, field: String, on sql: any SQLDatabase) async throws {
        let columns = try DossierProjection(dossier: dossier, receivingAgency: receivingAgency, field: field)
            .columns(updatedAt: dossier.lastEventAt)
        var update = sql.update("dossiers")
        for (column, value) in columns { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        try await update.where("code", .equal, dossier.code.rawValue).run()
    }

    /// Appends events; a concurrent writer that got past the row lock would collide on the primary key
    /// (dossier, sequence), so history can never fork.
    static func append(_ events: [DossierEvent], to code: DossierCode, on sql: any SQLDatabase) async throws {
        for event in events {
            try await sql.insert(into: "dossier_events")
                .columns("dossier_code", "sequence", "at", "actor", "type", "from_status", "to_status", "payload")
                .values(SQLBind(code.rawValue), SQLBind(event.sequence), SQLBind(Instant.seconds(event.at)),
                        SQLBind(event.actor), SQLBind(event.type), SQLBind(event.fromStatus?.rawValue),
                        SQLBind(event.toStatus.rawValue),
                        SQLBind(String(decoding: try event.kind.payloadJSON(), as: UTF8.self)))
                .run()
        }
    }

    /// The current state, with the row locked until the transaction ends (PostgreSQL `FOR UPDATE`;
    /// SQLite's write transaction already excludes other writers).
    static func lockedState(of code: DossierCode, on sql: any SQLDatabase) async throws
        -> (dossier: Dossier, receivingAgency: AgencyCode, field: String)
    {
        let row = try await sql.select().columns("state", "receiving_agency_code", "field").from("dossiers")
            .where("code", .equal, code.rawValue).for(.update).first()
        guard let row else { throw StoreError.notFound(kind: "dossier", key: code.rawValue) }
        return (try row.json("state", as: Dossier.self),
                try AgencyCode(parsing: row.decode(column: "receiving_agency_code", as: String.self)),
                try row.decode(column: "field", as: String.self))
    }

    static func event(_ row: any SQLRow) throws -> DossierEvent {
        let type = try row.decode(column: "type", as: String.self)
        let payload = Data(try row.decode(column: "payload", as: String.self).utf8)
        guard let to = DossierStatus(rawValue: try row.decode(column: "to_status", as: Int.self)) else {
            throw StoreError.corrupt(table: "dossier_events", key: type, reason: "unknown status")
        }
        return DossierEvent(
            sequence: try row.decode(column: "sequence", as: Int.self),
            at: Instant.date(try row.decode(column: "at", as: Int.self)),
            actor: try row.decode(column: "actor", as: String.self),
            fromStatus: try row.optional("from_status", as: Int.self).flatMap(DossierStatus.init(rawValue:)),
            toStatus: to,
            kind: try DossierEventKind(type: type, payloadJSON: payload))
    }
}

/// `<agency>-YYMMDD-XXXX`: the next number of the day at one agency in the dossier's series, inside the
/// registering transaction, so a rolled-back registration gives its number back (no gaps) and two desks
/// never get the same one. Each series counts apart (`DossierCodeSeries`): the desk's counter keeps the
/// agency's code as its key, as before series existed; online submissions count under `<agency>#online`.
enum DossierCodeSequence {
    /// - Parameter limit: the most numbers the series may hand out that day (online submissions' daily cap).
    static func next(for agency: AgencyCode, on day: LocalDate, series: DossierCodeSeries = .desk, limit: Int? = nil,
                     sql: any SQLDatabase) async throws -> Int {
        let key = String(format: "%02d%02d%02d", day.year % 100, day.month, day.day)
        let counter = series == .desk ? agency.rawValue : agency.rawValue + "#online"
        let row = try await sql.raw("""
            INSERT INTO dossier_sequences (agency_code, local_day, last_value) VALUES (\(bind: counter), \(bind: key), 1)
            ON CONFLICT (agency_code, local_day) DO UPDATE SET last_value = dossier_sequences.last_value + 1
            RETURNING last_value
            """).first()
        let value = try row?.decode(column: "last_value", as: Int.self) ?? 0
        if let limit, value > limit {
            throw StoreError.dailyLimitReached(agency: agency.rawValue, day: key, limit: limit)
        }
        let number = series.numbers.lowerBound - 1 + value
        guard series.numbers.contains(number) else {
            throw StoreError.sequenceExhausted(agency: agency.rawValue, day: key)
        }
        return number
    }
}
