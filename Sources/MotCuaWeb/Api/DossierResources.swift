import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// A dossier as the API shows it: the dossier's own JSON (MotCuaJSON) plus what is computed from it —
/// verdicts, progress against the due instant now, the actions its status allows, the status label.
struct DossierResource: Encodable {
    let dossier: Dossier
    let now: Date
    /// Who asks: `permitted_actions` are theirs (`DossierActionPolicy`); nil leaves the key out.
    var principal: Principal? = nil

    enum ComputedKeys: String, CodingKey {
        case receivingAgencyCode = "receiving_agency_code", statusLabel = "status_label", verdict
        case citizenVerdict = "citizen_verdict", progress, allowedActions = "allowed_actions"
        case permittedActions = "permitted_actions", forwardingVerdict = "forwarding_verdict", legalRegime = "legal_regime"
    }

    func encode(to encoder: any Encoder) throws {
        try dossier.encode(to: encoder)
        var c = encoder.container(keyedBy: ComputedKeys.self)
        try c.encode(dossier.code.agencyCode, forKey: .receivingAgencyCode)
        try c.encode(dossier.status.vietnameseLabel, forKey: .statusLabel)
        try c.encode(dossier.verdict, forKey: .verdict)
        try c.encode(dossier.citizenVerdict, forKey: .citizenVerdict)
        try c.encode(dossier.progress(at: now), forKey: .progress)
        try c.encode(DossierAction.allowed(from: dossier.status).filter(\.isOfficerAction).map(\.rawValue), forKey: .allowedActions)
        try c.encodeIfPresent(dossier.forwarding?.verdict, forKey: .forwardingVerdict)
        try c.encode(LegalRegime.of(dossier).id, forKey: .legalRegime)
        if let principal {
            try c.encode(DossierActionPolicy.available(to: principal, on: dossier).map(\.rawValue), forKey: .permittedActions)
        }
    }
}

/// One row of `GET /dossiers`.
struct DossierSummaryResource: Encodable {
    let summary: DossierSummary
    let now: Date

    struct ApplicantBrief: Encodable {
        let kind: Applicant.Kind
        let name: String
    }

    enum CodingKeys: String, CodingKey {
        case code, receivingAgencyCode = "receiving_agency_code", siteCode = "site_code", procedure, owningAgencyCode = "owning_agency_code"
        case field, channel, status, statusLabel = "status_label", applicant, registeredAt = "registered_at"
        case receivedAt = "received_at", dueAt = "due_at", citizenDueAt = "citizen_due_at", completedAt = "completed_at"
        case outcome, closedAt = "closed_at", returnedAt = "returned_at", currentAgencyCode = "current_agency_code"
        case currentStep = "current_step", currentStepDueAt = "current_step_due_at", verdict
        case citizenVerdict = "citizen_verdict", progress, version
    }

    func encode(to encoder: any Encoder) throws {
        let s = summary
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(s.code, forKey: .code)
        try c.encode(s.receivingAgency, forKey: .receivingAgencyCode)
        try c.encode(s.siteCode, forKey: .siteCode)
        try c.encode(s.procedure, forKey: .procedure)
        try c.encode(s.owningAgency, forKey: .owningAgencyCode)
        try c.encode(s.field, forKey: .field)
        try c.encode(s.channel, forKey: .channel)
        try c.encode(s.status, forKey: .status)
        try c.encode(s.status.vietnameseLabel, forKey: .statusLabel)
        try c.encode(s.applicant.map { ApplicantBrief(kind: $0.kind, name: $0.name) }, forKey: .applicant)
        try c.encode(s.registeredAt, forKey: .registeredAt)
        try c.encode(s.receivedAt, forKey: .receivedAt)
        try c.encode(s.dueAt, forKey: .dueAt)
        try c.encode(s.citizenDueAt, forKey: .citizenDueAt)
        try c.encode(s.completedAt, forKey: .completedAt)
        try c.encode(s.outcome, forKey: .outcome)
        try c.encode(s.closedAt, forKey: .closedAt)
        try c.encode(s.returnedAt, forKey: .returnedAt)
        try c.encode(s.currentAgency, forKey: .currentAgencyCode)
        try c.encode(s.currentStep, forKey: .currentStep)
        try c.encode(s.currentStepDueAt, forKey: .currentStepDueAt)
        try c.encode(s.verdict, forKey: .verdict)
        try c.encode(s.citizenVerdict, forKey: .citizenVerdict)
        let inProgress = s.receivedAt != nil && s.completedAt == nil && s.closedAt == nil
        try c.encode(inProgress ? s.dueAt.map { ProgressVerdict(at: now, dueAt: $0) } : nil, forKey: .progress)
        try c.encode(s.version, forKey: .version)
    }
}

/// `GET /dossiers`: a page and the cursor of the next one (null on the last page).
struct DossierPageResource: Encodable {
    let items: [DossierSummaryResource]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey { case items, nextCursor = "next_cursor" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

/// One entry of a dossier's history, with its Vietnamese label.
struct DossierEventResource: Encodable {
    let event: DossierEvent

    enum ComputedKeys: String, CodingKey { case label }

    func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var c = encoder.container(keyedBy: ComputedKeys.self)
        try c.encode(event.kind.vietnameseLabel, forKey: .label)
    }
}

/// An agency with the names in force on the date asked for, and its whole naming history.
struct AgencyResource: Encodable {
    let agency: Agency
    let on: LocalDate

    struct Naming: Encodable {
        let naming: AgencyName

        enum CodingKeys: String, CodingKey { case validFrom = "valid_from", validUntil = "valid_until", name, shortName = "short_name" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(naming.validFrom, forKey: .validFrom)
            try c.encode(naming.validUntil, forKey: .validUntil)
            try c.encode(naming.name, forKey: .name)
            try c.encode(naming.shortName, forKey: .shortName)
        }
    }

    enum CodingKeys: String, CodingKey {
        case code, parentCode = "parent_code", level, levelLabel = "level_label", name, shortName = "short_name"
        case inService = "in_service", names, officeHours = "office_hours", successorCode = "successor_code"
        case kind, kindLabel = "kind_label"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agency.code, forKey: .code)
        try c.encode(agency.parentCode, forKey: .parentCode)
        try c.encode(agency.level, forKey: .level)
        try c.encode(agency.level.vietnameseLabel, forKey: .levelLabel)
        try c.encode(agency.name(on: on), forKey: .name)
        try c.encode(agency.shortName(on: on), forKey: .shortName)
        try c.encode(agency.naming(on: on) != nil, forKey: .inService)
        try c.encode(agency.names.map(Naming.init), forKey: .names)
        try c.encode(agency.officeHours.description, forKey: .officeHours)
        try c.encode(agency.successorCode, forKey: .successorCode)
        try c.encode(agency.kind, forKey: .kind)
        try c.encode(agency.kind.vietnameseLabel, forKey: .kindLabel)
    }
}
