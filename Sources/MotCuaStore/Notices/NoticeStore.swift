import Foundation
import MotCuaCore
import SQLKit

/// A notice as the outbox holds it.
public struct Notice: Sendable, Hashable {
    public let id: String
    public let dossierCode: DossierCode
    public let eventSequence: Int
    public let channel: NoticeChannel
    public let recipient: String
    public let template: String
    public let templateVersion: Int
    public let subject: String
    public let body: String
    public let state: NoticeState
    public let attempts: Int
    public let nextAttemptAt: Date
    public let providerID: String?
    public let lastAnswer: String?
    public let createdAt: Date
    public let expiresAt: Date
}

/// The outbox of notices (M0019): written in the transaction of the event that causes them, claimed by
/// workers with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two app servers never take the same notice;
/// SQLite: one writer at a time), and settled once the provider answers.
public struct NoticeStore: Sendable {
    public let database: Database
    /// How long an undelivered notice keeps trying before it fails.
    public static let timeToLive: TimeInterval = 3 * 86_400

    public init(database: Database) { self.database = database }

    // MARK: Writing, inside the event's transaction

    /// Writes the notices of the events just appended to `dossier` (nothing for an applicant who opted out).
    static func write(for events: [DossierEvent], dossier: Dossier, facts: NoticePlanner.Facts, on sql: any SQLDatabase) async throws {
        guard dossier.applicant != nil, events.contains(where: { NoticeTemplate.Key.of($0.kind) != nil }) else { return }
        var facts = facts
        // A dossier registered in this batch cannot have opted out yet: no query on the intake path.
        if dossier.version > events.count {
            facts.optedOut = try await sql.select().column("dossier_code").from("notice_opt_outs")
                .where("dossier_code", .equal, dossier.code.rawValue).first() != nil
        }
        // Registration and receipt come as one batch, and only the last event of a batch speaks to the
        // applicant: the dossier as it stands after the batch is the one each notice describes.
        for event in events {
            for draft in NoticePlanner.drafts(for: event, after: dossier, facts: facts) {
                try await insert(draft, at: event.at, on: sql)
            }
        }
    }

    static func insert(_ draft: NoticeDraft, at instant: Date, on sql: any SQLDatabase) async throws {
        let now = Instant.seconds(instant)
        try await sql.insert(into: "notices")
            .columns("id", "dossier_code", "event_sequence", "channel", "recipient", "template", "template_version",
                     "subject", "body", "state", "attempts", "next_attempt_at", "created_at", "updated_at", "expires_at")
            .values(SQLBind(draft.id), SQLBind(draft.dossierCode.rawValue), SQLBind(draft.eventSequence),
                    SQLBind(draft.channel.rawValue), SQLBind(draft.recipient), SQLBind(draft.template.rawValue),
                    SQLBind(draft.templateVersion), SQLBind(draft.subject), SQLBind(draft.body),
                    SQLBind(NoticeState.pending.rawValue), SQLBind(0), SQLBind(now), SQLBind(now), SQLBind(now),
                    SQLBind(now + Int(timeToLive)))
            .run()
    }

    // MARK: Reading

    /// Notices, newest first, of one dossier and/or in one state.
    public func list(dossier: DossierCode? = nil, state: NoticeState? = nil, limit: Int = 1000) async throws -> [Notice] {
        var query = database.sql.select().columns(Self.columns).from("notices")
        if let dossier { query = query.where("dossier_code", .equal, dossier.rawValue) }
        if let state { query = query.where("state", .equal, state.rawValue) }
        return try await query.orderBy("created_at", .descending).orderBy("id", .descending)
            .limit(max(1, min(limit, 100_000))).all().map(Self.notice)
    }

    /// Counts by channel and state (for `/metrics`).
    public func counts() async throws -> [(channel: String, state: String, count: Int)] {
        try await database.sql.raw("SELECT channel, state, COUNT(*) AS n FROM notices GROUP BY channel, state ORDER BY channel, state")
            .all().map { (try $0.decode(column: "channel", as: String.self), try $0.decode(column: "state", as: String.self),
                          try $0.decode(column: "n", as: Int.self)) }
    }

    // MARK: The worker's side

    /// Claims up to `limit` notices due at `now` for `worker` until `now + lease`: pending ones whose time has
    /// come, and those whose previous worker's lease ran out (it crashed or hung before the provider answered).
    public func claim(limit: Int, worker: String, now: Date, lease: TimeInterval) async throws -> [Notice] {
        let n = Instant.seconds(now), until = n + Int(lease)
        try await failExpired(now: now)
        let lock: SQLQueryString = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE notices SET state = 'sending', lease_until = \(bind: until), worker = \(bind: worker),
                   attempts = attempts + 1, updated_at = \(bind: n)
            WHERE id IN (SELECT id FROM notices
                         WHERE (state = 'pending' AND next_attempt_at <= \(bind: n)) OR (state = 'sending' AND lease_until < \(bind: n))
                         ORDER BY next_attempt_at, id LIMIT \(bind: max(1, limit))
            """ + lock + ") RETURNING \(unsafeRaw: Self.columns.joined(separator: ", "))"
        return try await database.sql.raw(query).all().map(Self.notice).sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
    }

    /// The provider accepted the notice.
    public func markSent(_ id: String, providerID: String?, answer: String, at instant: Date) async throws {
        try await settle(id, state: .sent, answer: answer, providerID: providerID, at: instant)
    }

    /// The provider refused it for good (a 4xx, a rejected address): failed with its answer.
    public func markFailed(_ id: String, answer: String, at instant: Date) async throws {
        try await settle(id, state: .failed, answer: answer, providerID: nil, at: instant)
    }

    /// Not sent: no channel of its kind is configured, or the applicant opted out.
    public func markCancelled(_ id: String, answer: String, at instant: Date) async throws {
        try await settle(id, state: .cancelled, answer: answer, providerID: nil, at: instant)
    }

    /// A temporary failure: back to pending, to be tried again at `next` (or failed once past its time to live).
    public func markRetry(_ id: String, answer: String, next: Date, at instant: Date) async throws {
        try await database.sql.update("notices")
            .set("state", to: SQLBind(NoticeState.pending.rawValue)).set("lease_until", to: SQLLiteral.null)
            .set("next_attempt_at", to: SQLBind(Instant.seconds(next))).set("last_answer", to: SQLBind(String(answer.prefix(1000))))
            .set("updated_at", to: SQLBind(Instant.seconds(instant)))
            .where("id", .equal, id).where("state", .equal, NoticeState.sending.rawValue).run()
    }

    /// A provider's delivery report (a callback): delivered, or failed with its reason.
    public func recordDelivery(providerID: String, delivered: Bool, answer: String, at instant: Date) async throws -> Bool {
        let rows = try await database.sql.raw("""
            UPDATE notices SET state = \(bind: (delivered ? NoticeState.delivered : .failed).rawValue),
                   last_answer = \(bind: String(answer.prefix(1000))), updated_at = \(bind: Instant.seconds(instant))
            WHERE provider_id = \(bind: providerID) AND state IN ('sent', 'delivered') RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// The same notice by another channel (Zalo could not deliver: SMS), written once; false if it exists.
    @discardableResult
    public func addFallback(of notice: Notice, channel: NoticeChannel, at instant: Date) async throws -> Bool {
        let draft = NoticeDraft(dossierCode: notice.dossierCode, eventSequence: notice.eventSequence, channel: channel,
                                recipient: notice.recipient, template: NoticeTemplate.Key(rawValue: notice.template) ?? .received,
                                templateVersion: notice.templateVersion, subject: notice.subject, body: notice.body)
        let exists = try await database.sql.select().column("id").from("notices").where("id", .equal, draft.id).first() != nil
        guard !exists else { return false }
        try await Self.insert(draft, at: instant, on: database.sql)
        return true
    }

    /// The applicant asks for no more notices about the dossier; pending ones are cancelled.
    public func optOut(_ dossier: DossierCode, at instant: Date) async throws {
        try await database.transaction { sql in
            let n = Instant.seconds(instant)
            try await sql.raw("""
                INSERT INTO notice_opt_outs (dossier_code, at) VALUES (\(bind: dossier.rawValue), \(bind: n))
                ON CONFLICT (dossier_code) DO NOTHING
                """).run()
            try await sql.update("notices").set("state", to: SQLBind(NoticeState.cancelled.rawValue))
                .set("last_answer", to: SQLBind("Người nộp đã từ chối nhận thông báo")).set("updated_at", to: SQLBind(n))
                .where("dossier_code", .equal, dossier.rawValue).where("state", .equal, NoticeState.pending.rawValue).run()
        }
    }

    private func settle(_ id: String, state: NoticeState, answer: String, providerID: String?, at instant: Date) async throws {
        try await database.sql.update("notices")
            .set("state", to: SQLBind(state.rawValue)).set("lease_until", to: SQLLiteral.null)
            .set("provider_id", to: SQLBind(providerID)).set("last_answer", to: SQLBind(String(answer.prefix(1000))))
            .set("updated_at", to: SQLBind(Instant.seconds(instant)))
            .where("id", .equal, id).where("state", .equal, NoticeState.sending.rawValue).run()
    }

    /// Pending notices past their time to live fail (a dossier page and a manager's list show them).
    private func failExpired(now: Date) async throws {
        let n = Instant.seconds(now)
        try await database.sql.update("notices").set("state", to: SQLBind(NoticeState.failed.rawValue))
            .set("last_answer", to: SQLBind("Quá thời hạn gửi, không gửi được"))
            .set("updated_at", to: SQLBind(n))
            .where("state", .equal, NoticeState.pending.rawValue).where("expires_at", .lessThan, n).run()
    }

    static let columns = ["id", "dossier_code", "event_sequence", "channel", "recipient", "template", "template_version", "subject",
                          "body", "state", "attempts", "next_attempt_at", "provider_id", "last_answer", "created_at", "expires_at"]

    static func notice(_ row: any SQLRow) throws -> Notice {
        let id = try row.decode(column: "id", as: String.self)
        guard let channel = NoticeChannel(rawValue: try row.decode(column: "channel", as: String.self)),
              let state = NoticeState(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw StoreError.corrupt(table: "notices", key: id, reason: "unknown channel or state")
        }
        return Notice(id: id, dossierCode: try DossierCode(parsing: row.decode(column: "dossier_code", as: String.self)),
                      eventSequence: try row.decode(column: "event_sequence", as: Int.self), channel: channel,
                      recipient: try row.decode(column: "recipient", as: String.self),
                      template: try row.decode(column: "template", as: String.self),
                      templateVersion: try row.decode(column: "template_version", as: Int.self),
                      subject: try row.decode(column: "subject", as: String.self),
                      body: try row.decode(column: "body", as: String.self), state: state,
                      attempts: try row.decode(column: "attempts", as: Int.self),
                      nextAttemptAt: Instant.date(try row.decode(column: "next_attempt_at", as: Int.self)),
                      providerID: try row.optional("provider_id", as: String.self),
                      lastAnswer: try row.optional("last_answer", as: String.self),
                      createdAt: Instant.date(try row.decode(column: "created_at", as: Int.self)),
                      expiresAt: Instant.date(try row.decode(column: "expires_at", as: Int.self)))
    }
}
