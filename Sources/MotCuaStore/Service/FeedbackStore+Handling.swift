import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Where a feedback stands in its handling: received, assigned to an agency, answered by it, answer published.
public enum FeedbackState: String, Sendable, CaseIterable {
    case new, assigned, answered, published

    public var vietnameseLabel: String {
        switch self {
        case .new: "Mới tiếp nhận"
        case .assigned: "Đã giao xử lý"
        case .answered: "Đã trả lời"
        case .published: "Đã công khai"
        }
    }
}

/// A feedback as staff see it, contact details included.
public struct FeedbackRecord: Sendable, Hashable {
    public var reference: String
    public var receivedAt: Date
    public var name: String
    public var contact: String
    public var content: String
    public var dossierCode: String?
    public var agencyCode: AgencyCode?
    public var answer: String?
    public var answeredAt: Date?
    public var answeredBy: String?
    public var published: Bool

    public var state: FeedbackState {
        if published { return .published }
        if answer != nil { return .answered }
        return agencyCode == nil ? .new : .assigned
    }
}

/// A published question and its answer, as the public page shows them: never the citizen's name or contact.
public struct PublishedFeedback: Sendable, Hashable {
    public var reference: String
    public var receivedAt: Date
    public var content: String
    public var agencyCode: String?
    /// The answering agency's latest name.
    public var agencyName: String?
    public var answer: String
    public var answeredAt: Date?
}

/// A handling step asked of a feedback in the wrong state (answering before assignment, publishing
/// without an answer, changing a published one).
public struct FeedbackStateError: Error, Equatable, CustomStringConvertible {
    public let reference: String
    public let state: FeedbackState
    public let action: String

    public var description: String { "feedback \(reference) is \(state.rawValue): cannot \(action)" }

    public var vietnameseMessage: String {
        "Phản ánh \(reference) đang ở trạng thái \"\(state.vietnameseLabel)\" nên không thể thực hiện thao tác này."
    }
}

extension FeedbackStore {
    public static let maximumAnswerLength = 5_000

    /// Checks an answer's text; the error speaks Vietnamese for the form.
    public static func checkedAnswer(_ text: String) throws(ValidationError) -> String {
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...maximumAnswerLength).contains(answer.count) else {
            throw ValidationError(field: "answer", reason: "the answer must be 10 to 5000 characters",
                                  vietnamese: "Nội dung trả lời cần từ 10 đến 5.000 ký tự.")
        }
        return answer
    }

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
            guard !record.published else { throw FeedbackStateError(reference: reference, state: record.state, action: "assign") }
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
        let answer = try Self.checkedAnswer(text)
        try await database.transaction { sql in
            let record = try await Self.require(reference, on: sql)
            guard record.agencyCode != nil, !record.published else {
                throw FeedbackStateError(reference: reference, state: record.state, action: "answer")
            }
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
            guard record.state == .answered else {
                throw FeedbackStateError(reference: reference, state: record.state, action: "publish")
            }
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
