import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// What the reception desk or the online portal submits; the store allocates the code.
public struct RegistrationRequest: Sendable, Hashable {
    public var receivingAgency: AgencyCode
    public var procedureCode: ProcedureCode
    public var applicant: Applicant
    public var channel: Channel
    public var note: String?

    public init(receivingAgency: AgencyCode, procedureCode: ProcedureCode, applicant: Applicant, channel: Channel,
                note: String? = nil) {
        self.receivingAgency = receivingAgency
        self.procedureCode = procedureCode
        self.applicant = applicant
        self.channel = channel
        self.note = note
    }
}

/// Dossiers and their history. Every change is one appended event and the matching projection update,
/// in one transaction; the dossier row is locked while a command is decided, and a caller that saw an
/// older version gets `StoreError.conflict` instead of overwriting someone else's change.
public struct DossierStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Writing

    /// Registers a dossier with the next code of its receiving agency for the local day; counter and
    /// postal dossiers are received at the same instant (the desk checked them), online ones wait.
    public func register(_ request: RegistrationRequest, at instant: Date, actor: String) async throws -> Dossier {
        let reference = try await ReferenceData.load(database)
        return try await database.transaction { sql in
            try await Self.register(request, at: instant, actor: actor, receive: request.channel != .online,
                                    reference: reference, on: sql)
        }
    }

    /// Registration inside the caller's transaction, so that what belongs to the new dossier (an online
    /// submission's attachments) is written with it or not at all. `receive: false` leaves a counter
    /// dossier registered but not received: the desk found it incomplete (Mẫu 02) or refuses it (Mẫu 03).
    /// `onlineDailyLimit` caps the day's online submissions at the receiving agency (`PublicLimits`).
    static func register(_ request: RegistrationRequest, at instant: Date, actor: String, receive: Bool,
                         reference: ReferenceData, onlineDailyLimit: Int? = nil, on sql: any SQLDatabase) async throws -> Dossier {
        let procedure = try await ProcedureStore.procedure(request.procedureCode, at: instant, on: sql)
        let route = try Self.route(at: request.receivingAgency, for: procedure, reference: reference)
        let context = reference.context(for: procedure, at: instant)
        let localDay = VietnamTime.localDate(of: instant)
        let series = DossierCodeSeries.of(request.channel)
        let sequence = try await DossierCodeSequence.next(for: request.receivingAgency, on: localDay, series: series,
                                                          limit: series == .online ? onlineDailyLimit : nil, sql: sql)
        let code = try DossierCode(agencyCode: request.receivingAgency, date: localDay, sequence: sequence)
        let draft = DossierDraft(code: code, procedureCode: request.procedureCode, applicant: request.applicant,
                                 channel: request.channel, note: request.note)
        var (dossier, registered) = try Dossier.register(draft, at: instant, actor: actor, context: context)
        var events = [registered]
        if receive {
            let command: DossierCommand = if case .onBehalf(let destination) = route { .acceptOnBehalf(destination: destination) } else { .receive }
            events.append(try dossier.execute(command, at: instant, actor: actor, context: context))
        }
        try await DossierRows.insert(dossier, receivingAgency: request.receivingAgency, field: procedure.field, on: sql)
        try await DossierRows.append(events, to: code, on: sql)
        try await NoticeStore.write(for: events, dossier: dossier, facts: reference.noticeFacts(dossier, procedure: procedure), on: sql)
        return dossier
    }

    /// How the desk of `desk` takes in a dossier of `procedure`; throws the Vietnamese explanation when the
    /// procedure belongs at another site and is not listed for acceptance at any site.
    static func route(at desk: AgencyCode, for procedure: Procedure, reference: ReferenceData) throws -> IntakeRoute {
        let route = reference.directory.intakeRoute(at: desk, for: procedure)
        if case .notServed(let home) = route {
            let site = reference.directory[home]?.name(on: VietnamTime.localDate(of: procedure.validFrom)) ?? home.rawValue
            throw ValidationError(field: "procedure_code", value: procedure.code.rawValue,
                                  reason: "\(procedure.code) is received at \(home), and is not listed for acceptance at any site (any_site)",
                                  vietnamese: "Thủ tục \(procedure.code) do \(site) tiếp nhận và không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính.")
        }
        return route
    }

    /// Decides `command` against the dossier's current state and records the event.
    /// - Parameter expectedVersion: the version the caller acted on (the page it saw); `nil` skips the check.
    public func execute(_ command: DossierCommand, on code: DossierCode, expectedVersion: Int? = nil,
                        at instant: Date, actor: String) async throws -> Dossier {
        let reference = try await ReferenceData.load(database)
        return try await database.transaction { sql in
            let (current, receivingAgency, field) = try await DossierRows.lockedState(of: code, on: sql)
            if let expectedVersion, expectedVersion != current.version {
                throw StoreError.conflict(dossier: code.rawValue, expectedVersion: expectedVersion, actualVersion: current.version)
            }
            // Receipt fixes the version in force at that instant; afterwards the dossier's own version applies.
            let procedure = if case .receive = command {
                try await ProcedureStore.procedure(current.procedure.code, at: instant, on: sql)
            } else {
                try await ProcedureStore.procedure(current.procedure, on: sql)
            }
            var dossier = current
            var command = command
            // A site that does not serve the procedure "receives" by accepting on behalf (a dossier it first
            // registered with a supplement request comes back complete).
            if case .receive = command, current.forwarding == nil,
               case .onBehalf(let destination) = try Self.route(at: current.code.agencyCode, for: procedure, reference: reference) {
                command = .acceptOnBehalf(destination: destination)
            }
            let event = try dossier.execute(command, at: instant, actor: actor, context: reference.context(for: procedure, at: instant))
            try await DossierRows.append([event], to: code, on: sql)
            try await DossierRows.update(dossier, receivingAgency: receivingAgency, field: field, on: sql)
            try await NoticeStore.write(for: [event], dossier: dossier, facts: reference.noticeFacts(dossier, procedure: procedure), on: sql)
            return dossier
        }
    }

    // MARK: Reading

    public func dossier(_ code: DossierCode) async throws -> Dossier {
        let row = try await database.sql.select().column("state").from("dossiers").where("code", .equal, code.rawValue).first()
        guard let row else { throw StoreError.notFound(kind: "dossier", key: code.rawValue) }
        return try row.json("state", as: Dossier.self)
    }

    /// The dossier's whole history, oldest first.
    public func events(of code: DossierCode) async throws -> [DossierEvent] {
        let rows = try await database.sql.select()
            .columns("sequence", "at", "actor", "type", "from_status", "to_status", "payload")
            .from("dossier_events").where("dossier_code", .equal, code.rawValue).orderBy("sequence")
            .all()
        guard !rows.isEmpty else {
            _ = try await dossier(code)  // not found, or found without history (corrupt)
            throw StoreError.corrupt(table: "dossier_events", key: code.rawValue, reason: "no events")
        }
        return try rows.map(DossierRows.event)
    }

    /// The dossier as its events tell it (the projection's check: both must agree).
    public func rebuilt(_ code: DossierCode) async throws -> Dossier {
        try Dossier.replay(try await events(of: code))
    }
}
