import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// One line of a merger plan: `old` agencies continue as `into` from the first day `from`.
public struct MergerPlan: Sendable, Hashable {
    public var into: AgencyCode
    public var from: LocalDate
    public var olds: [AgencyCode]

    public init(into: AgencyCode, from: LocalDate, olds: [AgencyCode]) {
        self.into = into
        self.from = from
        self.olds = olds
    }
}

/// What a merger changed.
public struct MergerResult: Sendable, Hashable {
    public var agencies: [AgencyCode]
    /// Open dossiers moved to the successor (each got a `reassigned` event).
    public var moved: [DossierCode]
    /// Closed dossiers of the old agencies, left under their historical names.
    public var keptClosed: Int
}

/// `motcua agencies merge` (issue 11, item 4): old agencies' names end the day before the merger and they
/// name their successor; every open dossier they own or hold a step of continues under the successor, with
/// an event; closed dossiers keep their history. Reports spanning the date count a dossier under the agency
/// in charge at the end of the period (`AgencyDirectory.agencyInCharge`).
public struct AgencyMerger: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    // Not optimised: the Swift 6.3.1 release compiler crashes (signal 11, LLVM coro-split, "While splitting
    // coroutine …AgencyMerger…merge…", seen in `swift build -c release`) on this function; the same workaround as
    // `QuarterlyReports.issue` and `SlipLoader.context`. Not reduced yet: the likely trigger is the one IfFound.swift
    // names (an error raised inside an optional expression of a coroutine, here `first()?.decode(…) ?? 0`).
    @_optimize(none)
    public func merge(_ plans: [MergerPlan], at instant: Date, actor: String) async throws -> MergerResult {
        let directory = try await AgencyStore(database: database).directory()
        var merged: [Agency] = []
        for plan in plans {
            guard directory[plan.into] != nil else {
                throw ValidationError(field: "into", value: plan.into.rawValue, reason: "is not a stored agency",
                                      vietnamese: "Không có cơ quan mã \(plan.into).")
            }
            guard plan.from <= VietnamTime.localDate(of: instant) else {
                throw ValidationError(field: "from", value: plan.from.description,
                                      reason: "is after today; record the merger on or after its first day",
                                      vietnamese: "Ngày sáp nhập \(plan.from.vietnameseNumeric) chưa đến.")
            }
            for old in plan.olds {
                guard let agency = directory[old] else {
                    throw ValidationError(field: "old", value: old.rawValue, reason: "is not a stored agency",
                                          vietnamese: "Không có cơ quan mã \(old).")
                }
                guard old != plan.into, directory.agencyInCharge(of: plan.into, on: plan.from) != old else {
                    throw ValidationError(field: "old", value: old.rawValue, reason: "cannot be merged into itself or into its own successor chain",
                                          vietnamese: "Không thể sáp nhập cơ quan \(old) vào chính nó.")
                }
                merged.append(try agency.merged(into: plan.into, from: plan.from))
            }
        }
        let updates = merged
        try await database.transaction { sql in
            for agency in updates {
                let before = directory[agency.code]
                try await AgencyStore.save(agency, at: instant, on: sql)
                _ = try await AuditStore.append(AuditEvent(at: instant, actor: actor, action: .agenciesMerged, objectKind: "agency",
                                                           objectID: agency.code.rawValue, before: AgencyStore.auditValues(before),
                                                           after: AgencyStore.auditValues(agency)), on: sql)
            }
        }
        var moved: [DossierCode] = []
        var keptClosed = 0
        let dossiers = DossierStore(database: database)
        for plan in plans {
            let olds = plan.olds.map(\.rawValue)
            let open = try await database.sql.select().column("code").from("dossiers")
                .where("finished_at", .is, SQLLiteral.null)
                .where { $0.where("owning_agency_code", .in, olds).orWhere("current_agency_code", .in, olds) }
                .orderBy("code").all().map { try DossierCode(parsing: $0.decode(column: "code", as: String.self)) }
            let reason = "Sáp nhập vào \(directory[plan.into]?.name(on: plan.from) ?? plan.into.rawValue) từ ngày \(plan.from.vietnameseNumeric)"
            for code in open {
                // A dossier that owns one old agency and holds a step of another moves once for each.
                var dossier = try await dossiers.dossier(code)
                while let from = ([dossier.owningAgencyCode] + (dossier.openVisit.map { [$0.agencyCode] } ?? [])).first(where: plan.olds.contains) {
                    dossier = try await dossiers.execute(.reassign(from: from, to: plan.into, reason: reason), on: code,
                                                         at: max(instant, dossier.lastEventAt), actor: actor)
                }
                moved.append(code)
            }
            keptClosed += try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("dossiers")
                .where("finished_at", .isNot, SQLLiteral.null).where("owning_agency_code", .in, olds)
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return MergerResult(agencies: updates.map(\.code), moved: moved, keptClosed: keptClosed)
    }
}
