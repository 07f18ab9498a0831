import Foundation

/// A value that breaks a domain rule: a malformed code, an empty name, a local processing time longer than
/// the legal one. `description` says in English what was wrong and what is allowed (logs, CLI, import
/// reports); `vietnameseMessage` says the same to an officer (UI, `application/problem+json` `detail`).
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The field or concept at fault, in English code terms ("agency_code", "procedure.local_time").
    public let field: String
    /// The offending input, when there is one worth echoing.
    public let value: String?
    /// Why it was refused and what is allowed, in English.
    public let reason: String
    /// The same for the UI, in Vietnamese.
    public let vietnameseMessage: String

    public init(field: String, value: String? = nil, reason: String, vietnamese: String) {
        self.field = field
        self.value = value
        self.reason = reason
        self.vietnameseMessage = vietnamese
    }

    public var description: String {
        if let value { return "Invalid \(field) \"\(value)\": \(reason)" }
        return "Invalid \(field): \(reason)"
    }

    public var errorDescription: String? { description }
}

extension String {
    /// Trimmed of spaces and newlines at both ends.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Instants kept by the domain are whole seconds: they survive JSON, SQLite and PostgreSQL unchanged,
/// so a dossier rebuilt from stored events equals the one that produced them.
extension Date {
    var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
