import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Feedback and petitions. References are `PAKN-YYMMDD-XXXX`, numbered per local day without gaps.
public struct FeedbackStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores the feedback and returns its reference number.
    public func submit(_ feedback: FeedbackSubmission, at instant: Date) async throws -> String {
        try await database.transaction { sql in
            let day = VietnamTime.localDate(of: instant)
            let key = String(format: "%02d%02d%02d", day.year % 100, day.month, day.day)
            let row = try await sql.raw("""
                INSERT INTO dossier_sequences (agency_code, local_day, last_value) VALUES ('PAKN', \(bind: key), 1)
                ON CONFLICT (agency_code, local_day) DO UPDATE SET last_value = dossier_sequences.last_value + 1
                RETURNING last_value
                """).first()
            let number = try row?.decode(column: "last_value", as: Int.self) ?? 1
            let reference = "PAKN-\(key)-" + String(format: "%04d", number)
            try await sql.insert(into: "feedback")
                .columns("reference", "received_at", "name", "contact", "content", "dossier_code", "published")
                .values(SQLBind(reference), SQLBind(Instant.seconds(instant)), SQLBind(feedback.name),
                        SQLBind(feedback.contact), SQLBind(feedback.content), SQLBind(feedback.dossierCode?.rawValue),
                        SQLBind(0))
                .run()
            return reference
        }
    }

    /// How many were received in a period (the report's section III.2).
    public func count(_ period: StatisticsPeriod) async throws -> Int {
        let row = try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM feedback
            WHERE received_at >= \(bind: Instant.seconds(period.start)) AND received_at < \(bind: Instant.seconds(period.end))
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
