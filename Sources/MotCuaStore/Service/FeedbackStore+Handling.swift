import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

extension FeedbackStore {
    /// Feedback, newest first, optionally of one state, and only those assigned to `agencies` when given
    /// (leaders and specialists see nothing unassigned or of other agencies).
    public func list(state: FeedbackState? = nil, agencies: Set<AgencyCode>? = nil, limit: Int = 500) async throws -> [FeedbackRecord] {
        var query = database.sql.select().columns(Self.columns).from("feedback")
        if let agencies {
            guard !agencies.isEmpty else { return [] }
            query = query.where("agency_code", .in, agencies.map(\.rawValue).sorted())
        }
        switch state {
        case nil: break
        case .new: query = query.where("published", .equal, 0).where("agency_code", .is, SQLLiteral.null)
        case .assigned:
            query = query.where("published", .equal, 0).where("agency_code", .isNot, SQLLiteral.null)
                .where("answer", .is, SQLLiteral.null)
        case .answered: query = query.where("published", .equal, 0).where("answer", .isNot, SQLLiteral.null)
        case .published: query = query.where("published", .equal, 1)
        }
        return try await query.orderBy("received_at", .descending).orderBy("reference", .descending)
            .limit(max(1, min(limit, 1000))).all().map(Self.record)
    }

    /// One feedback by its reference, or nil.
    public func feedback(_ reference: String) async throws -> FeedbackRecord? {
        try await database.sql.select().columns(Self.columns).from("feedback")
            .where("reference", .equal, reference).first().map(Self.record)
    }

    /// Gives the feedback to an agency to answer; a reassignment before publication keeps any draft answer.
    public func assign(_ reference: String, to agency: AgencyCode, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            let record = try await Self.require(reference, on: sql)
            try FeedbackWorkflow.checkAssign(record)
            let known = try await sql.select().column("code").from("agencies").where("code", .equal, agency.rawValue).first()
            guard known != nil else { throw StoreError.notFound(kind: "agency", key: agency.rawValue) }
            try await sql.update("feedback").set("agency_code", to: SQLBind(agency.rawValue))
                .where("reference", .equal, reference).run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Records (or rewrites, until published) the agency's answer and who wrote it.
    public func answer(_ reference: String, text: String, by username: String, at instant: Date,
                       audit: AuditEvent? = nil) async throws {
        let answer = try FeedbackWorkflow.checkedAnswer(text)
        try await database.transaction { sql in
            let record = try await Self.require(reference, on: sql)
            try FeedbackWorkflow.checkAnswer(record)
            try await sql.update("feedback").set("answer", to: SQLBind(answer))
                .set("answered_at", to: SQLBind(Instant.seconds(instant))).set("answered_by", to: SQLBind(username))
                .where("reference", .equal, reference).run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Makes the answer public on the citizens' feedback page.
    public func publish(_ reference: String, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            let record = try await Self.require(reference, on: sql)
            try FeedbackWorkflow.checkPublish(record)
            try await sql.update("feedback").set("published", to: SQLBind(1)).where("reference", .equal, reference).run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Published questions and answers, the most recently answered first, without names or contacts.
    public func publishedAnswers(limit: Int = 100) async throws -> [PublishedFeedback] {
        try await database.sql.raw("""
            SELECT f.reference, f.received_at, f.content, f.agency_code, f.answer, f.answered_at,
                   (SELECT n.name FROM agency_names n WHERE n.agency_code = f.agency_code
                    ORDER BY n.valid_from DESC LIMIT 1) AS agency_name
            FROM feedback f WHERE f.published = 1
            ORDER BY f.answered_at DESC, f.reference DESC LIMIT \(bind: max(1, min(limit, 1000)))
            """).all()
            .map { row in
                PublishedFeedback(
                    reference: try row.decode(column: "reference", as: String.self),
                    receivedAt: Instant.date(try row.decode(column: "received_at", as: Int.self)),
                    content: try row.decode(column: "content", as: String.self),
                    agencyCode: try row.optional("agency_code", as: String.self),
                    agencyName: try row.optional("agency_name", as: String.self),
                    answer: try row.optional("answer", as: String.self) ?? "",
                    answeredAt: try row.optional("answered_at", as: Int.self).map(Instant.date))
            }
    }

    // MARK: - Rows

    static let columns = ["reference", "received_at", "name", "contact", "content", "dossier_code", "agency_code",
                          "answer", "answered_at", "answered_by", "published"]

    static func require(_ reference: String, on sql: any SQLDatabase) async throws -> FeedbackRecord {
        guard let row = try await sql.select().columns(columns).from("feedback").where("reference", .equal, reference).first() else {
            throw StoreError.notFound(kind: "feedback", key: reference)
        }
        return try record(row)
    }

    static func record(_ row: any SQLRow) throws -> FeedbackRecord {
        FeedbackRecord(
            reference: try row.decode(column: "reference", as: String.self),
            receivedAt: Instant.date(try row.decode(column: "received_at", as: Int.self)),
            name: try row.decode(column: "name", as: String.self),
            contact: try row.decode(column: "contact", as: String.self),
            content: try row.decode(column: "content", as: String.self),
            dossierCode: try row.optional("dossier_code", as: String.self),
            agencyCode: try row.optional("agency_code", as: String.self).map { try AgencyCode(parsing: $0) },
            answer: try row.optional("answer", as: String.self),
            answeredAt: try row.optional("answered_at", as: Int.self).map(Instant.date),
            answeredBy: try row.optional("answered_by", as: String.self),
            published: try row.decode(column: "published", as: Int.self) != 0)
    }
}
