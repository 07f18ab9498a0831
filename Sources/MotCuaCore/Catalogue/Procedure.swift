import Foundation
import WorkCalendar

/// One version of an administrative procedure as this center applies it. A new decision (a cut processing
/// time, a new fee, a changed internal process) makes a new version with a higher `version` and a later
/// `validFrom`; a dossier keeps the version in force when it was received.
public struct Procedure: Sendable, Hashable {
    public let code: ProcedureCode
    /// 1, 2, 3 … per code.
    public let version: Int
    /// The instant this version takes effect.
    public let validFrom: Date
    public let name: String
    /// Lĩnh vực, e.g. "Đầu tư tại Việt Nam".
    public let field: String
    /// The agency that resolves it (its office hours count the dossier's deadline; reports group late
    /// dossiers by it).
    public let agencyCode: AgencyCode
    /// Processing time set by law.
    public let legalTime: ProcessingTime
    /// Processing time this province applies (possibly cut, never longer than `legalTime`): the dossier's
    /// due instant is counted with it.
    public let localTime: ProcessingTime
    /// Dossiers received at or after this time of day count from the next working day.
    public let cutoff: TimeOfDay?
    public let onlineLevel: OnlineLevel
    public let fees: [Fee]
    public let documents: [RequiredDocument]
    /// What the applicant receives, e.g. "Giấy chứng nhận đăng ký đầu tư".
    public let resultType: String
    public let supplementPolicy: SupplementPolicy
    /// Listed for acceptance at any site regardless of administrative boundaries (Decree 118/2025/NĐ-CP as
    /// amended by Decree 309/2026, Art. 14.4): a site that does not serve the owning agency may accept the
    /// dossier and forward it.
    public let acceptedAtAnySite: Bool
    /// The internal process, in order. May be empty (a procedure imported without its process, or resolved
    /// at the desk): such dossiers go from received straight to a result.
    public let steps: [ProcessStep]

    public init(code: ProcedureCode, version: Int = 1, validFrom: Date, name: String, field: String,
                agencyCode: AgencyCode, legalTime: ProcessingTime, localTime: ProcessingTime,
                cutoff: TimeOfDay? = nil, onlineLevel: OnlineLevel, fees: [Fee] = [],
                documents: [RequiredDocument] = [], resultType: String = "",
                supplementPolicy: SupplementPolicy = .restart, steps: [ProcessStep] = [],
                acceptedAtAnySite: Bool = false) throws(ValidationError) {
        func fail(_ field: String, _ value: String?, _ reason: String, _ vi: String) -> ValidationError {
            ValidationError(field: "procedure.\(field)", value: value, reason: "\(code) v\(version): \(reason)",
                            vietnamese: "Thủ tục \(code) (phiên bản \(version)): \(vi)")
        }
        guard version >= 1 else { throw fail("version", "\(version)", "versions start at 1", "số phiên bản phải từ 1 trở lên.") }
        guard !name.trimmed.isEmpty else { throw fail("name", nil, "the name must not be empty", "tên thủ tục không được để trống.") }
        guard legalTime.amount > 0 else {
            throw fail("legal_time", legalTime.description, "the legal processing time must be positive",
                       "thời hạn giải quyết theo quy định phải lớn hơn 0.")
        }
        guard localTime.amount > 0 else {
            throw fail("local_time", localTime.description, "the local processing time must be positive",
                       "thời hạn giải quyết tại địa phương phải lớn hơn 0.")
        }
        guard localTime.workingMinutes() <= legalTime.workingMinutes() else {
            throw fail("local_time", localTime.description,
                       "the local processing time (\(localTime)) is longer than the legal one (\(legalTime)); a province may only cut it",
                       "thời hạn giải quyết tại địa phương (\(localTime.vietnameseDescription)) dài hơn thời hạn theo quy định (\(legalTime.vietnameseDescription)).")
        }
        for fee in fees where fee.amountVND < 0 {
            throw fail("fees", "\(fee.amountVND)", "a fee cannot be negative", "phí, lệ phí không được âm.")
        }
        for doc in documents where doc.name.trimmed.isEmpty || doc.copies < 1 {
            throw fail("documents", doc.name, "every required document needs a name and at least one copy",
                       "mỗi thành phần hồ sơ phải có tên và số lượng từ 01 trở lên.")
        }
        var total = 0
        for (i, step) in steps.enumerated() {
            guard !step.name.trimmed.isEmpty, step.allotted.amount > 0 else {
                throw fail("steps", step.name, "step \(i + 1) needs a name and a positive allotted time",
                           "bước \(i + 1) phải có tên và thời gian lớn hơn 0.")
            }
            total += step.allotted.workingMinutes()
        }
        if !steps.isEmpty, total > localTime.workingMinutes() {
            let sameUnit = steps.allSatisfy { $0.allotted.unit == localTime.unit }
            let sum = sameUnit
                ? ProcessingTime(amount: steps.reduce(0) { $0 + $1.allotted.amount }, unit: localTime.unit).description
                : "\(total) working minutes"
            throw fail("steps", sum,
                       "the steps are allotted \(sum) in total, more than the local processing time \(localTime)\(sameUnit ? "" : " (\(localTime.workingMinutes()) working minutes, a day counting 450)"); shorten the steps or the process cannot finish on time",
                       "tổng thời gian các bước vượt thời hạn giải quyết \(localTime.vietnameseDescription).")
        }
        self.code = code
        self.version = version
        self.validFrom = validFrom.wholeSeconds
        self.name = name
        self.field = field
        self.agencyCode = agencyCode
        self.legalTime = legalTime
        self.localTime = localTime
        self.cutoff = cutoff
        self.onlineLevel = onlineLevel
        self.fees = fees
        self.documents = documents
        self.resultType = resultType
        self.supplementPolicy = supplementPolicy
        self.steps = steps
        self.acceptedAtAnySite = acceptedAtAnySite
    }

    /// The version reference a dossier keeps.
    public var reference: ProcedureReference { ProcedureReference(code: code, version: version) }
}

/// A procedure code and version: what a dossier was received under.
public struct ProcedureReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: ProcedureCode
    public var version: Int

    public init(code: ProcedureCode, version: Int) {
        self.code = code
        self.version = version
    }

    public var description: String { "\(code) v\(version)" }
}

extension Procedure: Codable {
    enum CodingKeys: String, CodingKey {
        case code, version, validFrom = "valid_from", name, field, agencyCode = "agency_code"
        case legalTime = "legal_time", localTime = "local_time", cutoff, onlineLevel = "online_level"
        case fees, documents, resultType = "result_type", supplementPolicy = "supplement_policy", steps
        case acceptedAtAnySite = "any_site"
    }

    /// Decoding validates like `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(code: c.decode(ProcedureCode.self, forKey: .code),
                      version: c.decode(Int.self, forKey: .version),
                      validFrom: c.decode(Date.self, forKey: .validFrom),
                      name: c.decode(String.self, forKey: .name),
                      field: c.decode(String.self, forKey: .field),
                      agencyCode: c.decode(AgencyCode.self, forKey: .agencyCode),
                      legalTime: c.decode(ProcessingTime.self, forKey: .legalTime),
                      localTime: c.decode(ProcessingTime.self, forKey: .localTime),
                      cutoff: c.decodeIfPresent(TimeOfDay.self, forKey: .cutoff),
                      onlineLevel: c.decode(OnlineLevel.self, forKey: .onlineLevel),
                      fees: c.decodeIfPresent([Fee].self, forKey: .fees) ?? [],
                      documents: c.decodeIfPresent([RequiredDocument].self, forKey: .documents) ?? [],
                      resultType: c.decodeIfPresent(String.self, forKey: .resultType) ?? "",
                      supplementPolicy: c.decodeIfPresent(SupplementPolicy.self, forKey: .supplementPolicy) ?? .restart,
                      steps: c.decodeIfPresent([ProcessStep].self, forKey: .steps) ?? [],
                      acceptedAtAnySite: c.decodeIfPresent(Bool.self, forKey: .acceptedAtAnySite) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(version, forKey: .version)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(name, forKey: .name)
        try c.encode(field, forKey: .field)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(legalTime, forKey: .legalTime)
        try c.encode(localTime, forKey: .localTime)
        try c.encodeIfPresent(cutoff, forKey: .cutoff)
        try c.encode(onlineLevel, forKey: .onlineLevel)
        try c.encode(fees, forKey: .fees)
        try c.encode(documents, forKey: .documents)
        try c.encode(resultType, forKey: .resultType)
        try c.encode(supplementPolicy, forKey: .supplementPolicy)
        try c.encode(steps, forKey: .steps)
        // Written only when set, so the stored definitions of procedures that predate the flag stay as they were.
        if acceptedAtAnySite { try c.encode(true, forKey: .acceptedAtAnySite) }
    }
}
