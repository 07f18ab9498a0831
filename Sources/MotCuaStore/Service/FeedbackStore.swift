import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// A citizen's feedback or petition as submitted.
public struct FeedbackSubmission: Sendable, Hashable {
    public var name: String
    public var contact: String
    public var content: String
    public var dossierCode: DossierCode?

    public static let maximumContentLength = 5_000

    /// Checks the fields; each problem names its field (English) with a Vietnamese message.
    public init(name: String, contact: String, content: String, dossierCode: String?) throws(ValidationError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        let content = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count) else {
            throw ValidationError(field: "name", value: nil, reason: "the name is empty or too long",
                                  vietnamese: "Vui lòng nhập họ tên (tối đa 200 ký tự).")
        }
        guard (5...200).contains(contact.count) else {
            throw ValidationError(field: "contact", value: nil, reason: "the contact is empty or too long",
                                  vietnamese: "Vui lòng nhập số điện thoại hoặc email để chúng tôi trả lời.")
        }
        guard (10...Self.maximumContentLength).contains(content.count) else {
            throw ValidationError(field: "content", value: nil, reason: "the content must be 10 to 5000 characters",
                                  vietnamese: "Nội dung phản ánh cần từ 10 đến 5.000 ký tự.")
        }
        let code = dossierCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if code.isEmpty {
            self.dossierCode = nil
        } else {
            do { self.dossierCode = try DossierCode(parsing: code) } catch {
                throw ValidationError(field: "dossier_code", value: code, reason: "not a dossier code",
                                      vietnamese: "Mã hồ sơ không đúng định dạng (ví dụ 000.00.15.H56-210712-0007).")
            }
        }
        self.name = name
        self.contact = contact
        self.content = content
    }
}

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
