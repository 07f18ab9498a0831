import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Which dossiers a list shows. Every criterion left empty matches everything; the others must all match.
public struct DossierFilter: Sendable, Hashable {
    /// Any of these statuses (empty: any status).
    public var statuses: Set<DossierStatus>
    public var receivingAgency: AgencyCode?
    /// The site whose desk receives it (the competent site for a dossier accepted on behalf): any of these.
    public var sites: [AgencyCode]?
    /// The procedure's owning agency.
    public var owningAgency: AgencyCode?
    /// The agency of the step in progress (a work queue).
    public var currentAgency: AgencyCode?
    public var procedureCode: ProcedureCode?
    public var channel: Channel?
    /// Received on or after this local date.
    public var receivedFrom: LocalDate?
    /// Received on or before this local date.
    public var receivedTo: LocalDate?
    /// Words typed with or without diacritics; each must appear in the code or the applicant's name.
    public var search: String?
    /// Only dossiers whose receiving (code or desk), owning or current agency is one of these (an officer's agencies);
    /// nil: no restriction. An empty set matches nothing.
    public var visibleTo: Set<AgencyCode>?

    public init(statuses: Set<DossierStatus> = [], receivingAgency: AgencyCode? = nil, owningAgency: AgencyCode? = nil,
                currentAgency: AgencyCode? = nil, procedureCode: ProcedureCode? = nil, channel: Channel? = nil,
                receivedFrom: LocalDate? = nil, receivedTo: LocalDate? = nil, search: String? = nil,
                visibleTo: Set<AgencyCode>? = nil, sites: [AgencyCode]? = nil) {
        self.sites = sites
        self.statuses = statuses
        self.receivingAgency = receivingAgency
        self.owningAgency = owningAgency
        self.currentAgency = currentAgency
        self.procedureCode = procedureCode
        self.channel = channel
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.search = search
        self.visibleTo = visibleTo
    }
}

/// Where a page ends: the last row's registration instant and code, in the list's order
/// (registered_at DESC, code DESC). Shown to clients as an opaque base64url token.
public struct DossierCursor: Sendable, Hashable, CustomStringConvertible {
    public let registeredAt: Date
    public let code: DossierCode

    public init(registeredAt: Date, code: DossierCode) {
        self.registeredAt = Date(timeIntervalSince1970: registeredAt.timeIntervalSince1970.rounded(.down))
        self.code = code
    }

    /// Reads a token made by `token`; anything else is a `ValidationError` on `cursor`.
    public init(token: String) throws(ValidationError) {
        let invalid = ValidationError(field: "cursor", value: token,
                                      reason: "not a cursor returned by this list (next_cursor); start again without it",
                                      vietnamese: "Con trỏ phân trang không hợp lệ; hãy tải lại danh sách từ đầu.")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 200, let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Int(parts[0]),
              let code = try? DossierCode(parsing: String(parts[1])) else { throw invalid }
        self.init(registeredAt: Date(timeIntervalSince1970: TimeInterval(seconds)), code: code)
    }

    /// base64url (no padding) of "<registered_at Unix seconds>|<code>".
    public var token: String {
        Data("\(Instant.seconds(registeredAt))|\(code.rawValue)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public var description: String { token }
}

/// One row of a dossier list: the projection columns, and the applicant from the stored state.
public struct DossierSummary: Sendable, Hashable {
    public let code: DossierCode
    public let receivingAgency: AgencyCode
    /// The desk that receives, hands over and returns it (the competent site for one accepted on behalf).
    public let siteCode: AgencyCode
    public let procedure: ProcedureReference
    public let owningAgency: AgencyCode
    public let field: String
    public let channel: Channel
    public let status: DossierStatus
    public let applicant: Applicant?
    public let registeredAt: Date
    public let receivedAt: Date?
    public let dueAt: Date?
    public let citizenDueAt: Date?
    public let completedAt: Date?
    public let outcome: DossierOutcome?
    public let closedAt: Date?
    public let returnedAt: Date?
    public let currentAgency: AgencyCode?
    public let currentStep: String?
    public let currentStepDueAt: Date?
    public let version: Int

    /// The legal verdict, once the result is ready.
    public var verdict: Verdict? {
        guard let completedAt, let dueAt else { return nil }
        return Verdict(completedAt: completedAt, dueAt: dueAt)
    }

    /// Against the date the citizen was given.
    public var citizenVerdict: Verdict? {
        guard let completedAt, let citizenDueAt else { return nil }
        return Verdict(completedAt: completedAt, dueAt: citizenDueAt)
    }
}

/// A page of a list and the cursor of the next one (nil on the last page).
public struct DossierPage: Sendable, Hashable {
    public let items: [DossierSummary]
    public let nextCursor: DossierCursor?
}

extension DossierStore {
    /// The largest page `list` returns.
    public static let maximumPageSize = 1000

    /// Dossiers matching `filter`, newest registration first (registered_at DESC, code DESC), `limit` at a
    /// time. Keyset pagination: the next page starts strictly after `cursor`, so rows registered meanwhile
    /// never shift a page and no row is shown twice.
    public func list(_ filter: DossierFilter, after cursor: DossierCursor? = nil, limit: Int = 50) async throws -> DossierPage {
        let limit = max(1, min(limit, Self.maximumPageSize))
        if let visible = filter.visibleTo, visible.isEmpty { return DossierPage(items: [], nextCursor: nil) }
        var query = database.sql.select()
            .columns("code", "receiving_agency_code", "site_code", "procedure_code", "procedure_version", "owning_agency_code", "field",
                     "channel", "status", "registered_at", "received_at", "due_at", "citizen_due_at", "completed_at",
                     "outcome", "closed_at", "returned_at", "current_agency_code", "current_step", "current_step_due_at",
                     "version", "state")
            .from("dossiers")
        if !filter.statuses.isEmpty {
            query = query.where("status", .in, filter.statuses.map(\.rawValue).sorted())
        }
        if let agency = filter.receivingAgency { query = query.where("receiving_agency_code", .equal, agency.rawValue) }
        if let sites = filter.sites { query = query.where("site_code", .in, (sites.isEmpty ? [""] : sites.map(\.rawValue))) }
        if let agency = filter.owningAgency { query = query.where("owning_agency_code", .equal, agency.rawValue) }
        if let agency = filter.currentAgency { query = query.where("current_agency_code", .equal, agency.rawValue) }
        if let code = filter.procedureCode { query = query.where("procedure_code", .equal, code.rawValue) }
        if let channel = filter.channel { query = query.where("channel", .equal, channel.rawValue) }
        if let from = filter.receivedFrom {
            query = query.where("received_at", .greaterThanOrEqual, Self.localMidnight(from))
        }
        if let to = filter.receivedTo {
            query = query.where("received_at", .lessThan, Self.localMidnight(to.adding(days: 1)))
        }
        for word in SearchText.fold(filter.search ?? "").split(separator: " ") {
            query = query.where("search_text", .like, "%" + ProcedureStore.escapeLike(String(word)) + "%")
        }
        if let visible = filter.visibleTo {
            let codes = visible.map(\.rawValue).sorted()
            query = query.where(group: { group in
                group.where("receiving_agency_code", .in, codes)
                    .orWhere("site_code", .in, codes)
                    .orWhere("owning_agency_code", .in, codes)
                    .orWhere("current_agency_code", .in, codes)
            })
        }
        if let cursor {
            // Row-value comparison (both dialects): strictly after the cursor in DESC, DESC order.
            query = query.where(SQLQueryString(
                "(registered_at, code) < (\(bind: Instant.seconds(cursor.registeredAt)), \(bind: cursor.code.rawValue))"))
        }
        let rows = try await query.orderBy("registered_at", .descending).orderBy("code", .descending)
            .limit(limit + 1).all()
        let items = try rows.prefix(limit).map(Self.summary)
        let next = rows.count > limit ? items.last.map { DossierCursor(registeredAt: $0.registeredAt, code: $0.code) } : nil
        return DossierPage(items: items, nextCursor: next)
    }

    /// Unix seconds of 00:00 Vietnamese time on `date`.
    static func localMidnight(_ date: LocalDate) -> Int { date.daysSince1970 * 86_400 - VietnamTime.offsetSeconds }

    private struct StoredApplicant: Decodable { var applicant: Applicant? }

    static func summary(_ row: any SQLRow) throws -> DossierSummary {
        let code = try row.decode(column: "code", as: String.self)
        func enumeration<E: RawRepresentable>(_ column: String, _ type: E.Type) throws -> E? where E.RawValue: Decodable {
            guard let raw = try row.optional(column, as: E.RawValue.self) else { return nil }
            guard let value = E(rawValue: raw) else {
                throw StoreError.corrupt(table: "dossiers", key: code, reason: "unknown \(column) \(raw)")
            }
            return value
        }
        func instant(_ column: String) throws -> Date? { try row.optional(column, as: Int.self).map(Instant.date) }
        func agency(_ column: String) throws -> AgencyCode? {
            try row.optional(column, as: String.self).map { try AgencyCode(parsing: $0) }
        }
        guard let channel = try enumeration("channel", Channel.self),
              let status = try enumeration("status", DossierStatus.self),
              let receiving = try agency("receiving_agency_code"), let owning = try agency("owning_agency_code"),
              let registeredAt = try instant("registered_at")
        else { throw StoreError.corrupt(table: "dossiers", key: code, reason: "a required column is empty") }
        return DossierSummary(
            code: try DossierCode(parsing: code),
            receivingAgency: receiving,
            siteCode: try agency("site_code") ?? receiving,
            procedure: ProcedureReference(code: try ProcedureCode(parsing: row.decode(column: "procedure_code", as: String.self)),
                                          version: try row.decode(column: "procedure_version", as: Int.self)),
            owningAgency: owning,
            field: try row.decode(column: "field", as: String.self),
            channel: channel,
            status: status,
            applicant: try row.json("state", as: StoredApplicant.self).applicant,
            registeredAt: registeredAt,
            receivedAt: try instant("received_at"),
            dueAt: try instant("due_at"),
            citizenDueAt: try instant("citizen_due_at"),
            completedAt: try instant("completed_at"),
            outcome: try enumeration("outcome", DossierOutcome.self),
            closedAt: try instant("closed_at"),
            returnedAt: try instant("returned_at"),
            currentAgency: try agency("current_agency_code"),
            currentStep: try row.optional("current_step", as: String.self),
            currentStepDueAt: try instant("current_step_due_at"),
            version: try row.decode(column: "version", as: Int.self))
    }
}

extension DossierStore {
    /// The most dossiers a register lists (a site's year is well under it).
    public static let registerLimit = 50_000

    /// The dossiers of a site's register for [start, end): those it accepted (code of the site) or received
    /// (desk of the site) in the period, in order of acceptance; nil `sites` for every site.
    public func registerEntries(from start: Date, to end: Date, sites: [AgencyCode]?) async throws -> [Dossier] {
        let s = Instant.seconds(start), e = Instant.seconds(end)
        var query = database.sql.select().column("state").from("dossiers")
            .where { $0.where("accepted_at", .greaterThanOrEqual, s).where("accepted_at", .lessThan, e) }
            .orWhere { $0.where("received_at", .greaterThanOrEqual, s).where("received_at", .lessThan, e) }
        if let sites {
            let list = SQLBind.group((sites.isEmpty ? [""] : sites.map(\.rawValue)))
            query = database.sql.select().column("state").from("dossiers")
                .where { group in
                    group.where { $0.where("accepted_at", .greaterThanOrEqual, s).where("accepted_at", .lessThan, e) }
                        .orWhere { $0.where("received_at", .greaterThanOrEqual, s).where("received_at", .lessThan, e) }
                }
                .where { $0.where("receiving_agency_code", .in, list).orWhere("site_code", .in, list) }
        }
        return try await query.orderBy("accepted_at").orderBy("code").limit(Self.registerLimit).all()
            .map { try $0.json("state", as: Dossier.self) }
    }
}
