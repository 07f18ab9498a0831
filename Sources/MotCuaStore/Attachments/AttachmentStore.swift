import Foundation
import MotCuaCore
import SQLKit

/// A file to store with a new dossier. The caller computes the SHA-256 (the web layer has the hashing library).
public struct NewAttachment: Sendable, Hashable {
    public let fileName: String
    public let contentType: String
    public let bytes: [UInt8]
    /// Lower-case hex.
    public let sha256: String

    public init(fileName: String, contentType: String, bytes: [UInt8], sha256: String) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// What a list of a dossier's files shows, without the bytes.
public struct AttachmentSummary: Sendable, Hashable {
    public let id: String
    public let dossierCode: DossierCode
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    public let uploadedAt: Date
}

/// One stored file with its bytes.
public struct StoredAttachment: Sendable, Hashable {
    public let summary: AttachmentSummary
    public let bytes: [UInt8]
}

/// The files of online dossiers.
public struct AttachmentStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Registers an online dossier and stores its files in one transaction: either both are written or
    /// neither (a failed file insert leaves no dossier without its papers). `StoreError.dailyLimitReached`
    /// once the receiving agency has taken `dailyLimit` online submissions that day.
    public func registerOnline(_ request: RegistrationRequest, attachments: [NewAttachment], at instant: Date,
                               actor: String, dailyLimit: Int? = nil) async throws -> Dossier {
        let reference = try await ReferenceData.load(database)
        return try await database.transaction { sql in
            let dossier = try await DossierStore.register(request, at: instant, actor: actor, receive: false,
                                                          reference: reference, onlineDailyLimit: dailyLimit, on: sql)
            for (position, file) in attachments.enumerated() {
                try await sql.insert(into: "dossier_attachments")
                    .columns("id", "dossier_code", "position", "file_name", "content_type", "size", "sha256", "bytes", "uploaded_at")
                    .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(dossier.code.rawValue), SQLBind(position),
                            SQLBind(file.fileName), SQLBind(file.contentType), SQLBind(file.bytes.count), SQLBind(file.sha256),
                            SQLBind(Data(file.bytes)), SQLBind(Instant.seconds(instant)))
                    .run()
            }
            return dossier
        }
    }

    /// The dossier's files in the order they were submitted.
    public func attachments(of code: DossierCode) async throws -> [AttachmentSummary] {
        let rows = try await database.sql.select()
            .columns("id", "dossier_code", "file_name", "content_type", "size", "sha256", "uploaded_at")
            .from("dossier_attachments").where("dossier_code", .equal, code.rawValue).orderBy("position")
            .all()
        return try rows.map(Self.summary)
    }

    /// One file of the dossier; `StoreError.notFound` when the id is not one of this dossier's files.
    public func attachment(_ id: String, of code: DossierCode) async throws -> StoredAttachment {
        let row = try await database.sql.select()
            .columns("id", "dossier_code", "file_name", "content_type", "size", "sha256", "uploaded_at", "bytes")
            .from("dossier_attachments").where("id", .equal, id).where("dossier_code", .equal, code.rawValue)
            .first()
        guard let row else { throw StoreError.notFound(kind: "attachment", key: "\(code)/\(id)") }
        return StoredAttachment(summary: try Self.summary(row), bytes: Array(try row.decode(column: "bytes", as: Data.self)))
    }

    static func summary(_ row: any SQLRow) throws -> AttachmentSummary {
        AttachmentSummary(
            id: try row.decode(column: "id", as: String.self),
            dossierCode: try DossierCode(parsing: try row.decode(column: "dossier_code", as: String.self)),
            fileName: try row.decode(column: "file_name", as: String.self),
            contentType: try row.decode(column: "content_type", as: String.self),
            size: try row.decode(column: "size", as: Int.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            uploadedAt: Instant.date(try row.decode(column: "uploaded_at", as: Int.self)))
    }
}
