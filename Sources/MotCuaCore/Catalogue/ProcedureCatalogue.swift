import Foundation

/// Every version of every procedure, answering "which version was in force at this instant".
public struct ProcedureCatalogue: Sendable, Hashable {
    /// Versions per code, sorted by version (and so by `validFrom`).
    public private(set) var versions: [ProcedureCode: [Procedure]] = [:]

    public init(_ procedures: [Procedure] = []) throws(ValidationError) {
        for p in procedures.sorted(by: { ($0.code, $0.version) < ($1.code, $1.version) }) {
            try add(p)
        }
    }

    /// Adds a version. It must be the next version number of its code and take effect after the previous one.
    public mutating func add(_ procedure: Procedure) throws(ValidationError) {
        let existing = versions[procedure.code] ?? []
        if let last = existing.last {
            guard procedure.version == last.version + 1 else {
                throw ValidationError(
                    field: "procedure.version", value: "\(procedure.version)",
                    reason: "\(procedure.code) is at version \(last.version); the next version must be \(last.version + 1)",
                    vietnamese: "Thủ tục \(procedure.code) đang ở phiên bản \(last.version); phiên bản mới phải là \(last.version + 1).")
            }
            guard procedure.validFrom > last.validFrom else {
                throw ValidationError(
                    field: "procedure.valid_from", value: "\(procedure.validFrom)",
                    reason: "version \(procedure.version) of \(procedure.code) must take effect after version \(last.version)",
                    vietnamese: "Phiên bản \(procedure.version) của thủ tục \(procedure.code) phải có hiệu lực sau phiên bản \(last.version).")
            }
        } else if procedure.version != 1 {
            throw ValidationError(
                field: "procedure.version", value: "\(procedure.version)",
                reason: "the first version of \(procedure.code) must be 1",
                vietnamese: "Phiên bản đầu tiên của thủ tục \(procedure.code) phải là 1.")
        }
        versions[procedure.code] = existing + [procedure]
    }

    /// The version in force at `instant`: the latest whose `validFrom` is at or before it; nil if the
    /// procedure is unknown or not yet in force.
    public func procedure(_ code: ProcedureCode, at instant: Date) -> Procedure? {
        versions[code]?.last { $0.validFrom <= instant }
    }

    /// A given version (what a dossier was received under).
    public func procedure(_ reference: ProcedureReference) -> Procedure? {
        versions[reference.code]?.first { $0.version == reference.version }
    }

    public var codes: [ProcedureCode] { versions.keys.sorted() }
}
