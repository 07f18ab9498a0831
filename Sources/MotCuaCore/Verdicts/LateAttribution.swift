import Foundation

/// A step visit that used more working time than allotted (paused time excluded).
public struct StepOverrun: Sendable, Hashable, Codable {
    public var visitNumber: Int
    public var stepIndex: Int
    public var stepName: String
    public var agencyCode: AgencyCode
    public var role: String
    public var allottedMinutes: Int
    public var usedMinutes: Int
    public var overrunMinutes: Int { usedMinutes - allottedMinutes }
    public var dueAt: Date
    public var endedAt: Date

    enum CodingKeys: String, CodingKey {
        case visitNumber = "visit_number", stepIndex = "step_index", stepName = "step_name"
        case agencyCode = "agency_code", role, allottedMinutes = "allotted_minutes", usedMinutes = "used_minutes"
        case dueAt = "due_at", endedAt = "ended_at"
    }
}

/// Who made a late dossier late: the step visits (and so agencies) that overran their allotted working
/// time, and the officer's record (reason, actual or system-only, apology letter).
public struct LateAttribution: Sendable, Hashable, Codable {
    public var dossierCode: DossierCode
    /// The procedure's owning agency (the quarterly report's first grouping).
    public var owningAgencyCode: AgencyCode
    public var dueAt: Date
    public var completedAt: Date
    /// Visits that used more than their allotment, in handover order. Empty when every step kept its time
    /// and the lateness lies elsewhere (typically: the result was closed late in the system).
    public var overruns: [StepOverrun]
    /// Agencies of the overrunning visits, in order of first overrun, without repetition.
    public var agencies: [AgencyCode]
    public var record: LatenessRecord?
    /// The record's kind, or nil until an officer records it.
    public var kind: LatenessRecord.Kind? { record?.kind }
    /// Whether an apology letter was sent: the record says so, or an extension with its letter was made.
    public var apologySent: Bool

    enum CodingKeys: String, CodingKey {
        case dossierCode = "dossier_code", owningAgencyCode = "owning_agency_code", dueAt = "due_at"
        case completedAt = "completed_at", overruns, agencies, record, apologySent = "apology_sent"
    }
}

extension Dossier {
    /// Every ended visit that used more than its allotted working time.
    public var stepOverruns: [StepOverrun] {
        visits.compactMap { v in
            guard let used = v.usedMinutes, let ended = v.endedAt, used > v.allottedMinutes else { return nil }
            return StepOverrun(visitNumber: v.number, stepIndex: v.stepIndex, stepName: v.name, agencyCode: v.agencyCode,
                               role: v.role, allottedMinutes: v.allottedMinutes, usedMinutes: used, dueAt: v.dueAt, endedAt: ended)
        }
    }

    /// The attribution of a dossier completed late (legal due instant); nil for any other dossier.
    public var lateAttribution: LateAttribution? {
        guard let completedAt, let dueAt, completedAt > dueAt else { return nil }
        let overruns = stepOverruns
        var agencies: [AgencyCode] = []
        for o in overruns where !agencies.contains(o.agencyCode) { agencies.append(o.agencyCode) }
        return LateAttribution(dossierCode: code, owningAgencyCode: owningAgencyCode, dueAt: dueAt,
                               completedAt: completedAt, overruns: overruns, agencies: agencies, record: lateness,
                               apologySent: lateness?.apologySent ?? (dueExtension != nil))
    }
}
