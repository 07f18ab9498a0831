import Foundation
import MotCuaCore
import WorkCalendar

/// The fixed part of the demo, read from the bundled resources: agencies, catalogue, the seed's late
/// dossiers, the applicant pools and the staff. The same for every seed.
struct DemoWorld: Sendable {
    let agencies: [Agency]
    /// Agency code by the resources' key ("stp", "skhdt" …) and back.
    let codeByKey: [String: AgencyCode]
    let keyByCode: [AgencyCode: String]
    let centerCode: AgencyCode
    /// One entry per procedure code, in the order of the resource file.
    let entries: [CatalogueEntry]
    let catalogue: ProcedureCatalogue
    let lateCases: [LateCase]
    let people: PeoplePools
    let users: [DemoUser]
    /// Reception officers of the center (usernames), the first being the main one.
    let receptionOfficers: [String]

    static func load() throws -> DemoWorld {
        let agencyFile = try resource("agencies", as: AgencyFile.self)
        var codeByKey: [String: AgencyCode] = [:]
        for entry in agencyFile.agencies {
            guard codeByKey[entry.key] == nil else { throw DemoError("agencies.json: key \(entry.key) is listed twice") }
            codeByKey[entry.key] = try AgencyCode(parsing: entry.code)
        }
        func code(_ key: String, _ context: String) throws -> AgencyCode {
            guard let code = codeByKey[key] else { throw DemoError("\(context): unknown agency key \"\(key)\"") }
            return code
        }
        var agencies: [Agency] = []
        var users: [DemoUser] = []
        let staff = agencyFile.centerStaff
        guard let center = agencyFile.agencies.first(where: { $0.level == .center }) else {
            throw DemoError("agencies.json: no agency of level center")
        }
        let centerCode = try code(center.key, "agencies.json")
        for r in staff.reception {
            users.append(DemoUser(username: r.username, displayName: r.name, role: .reception, agencyCodes: [centerCode]))
        }
        users.append(DemoUser(username: staff.manager.username, displayName: staff.manager.name, role: .manager, agencyCodes: [centerCode]))
        users.append(DemoUser(username: staff.administrator.username, displayName: staff.administrator.name,
                              role: .administrator, agencyCodes: [centerCode]))
        for entry in agencyFile.agencies {
            let names = try entry.names.map { n in
                AgencyName(validFrom: try LocalDate(iso: n.from), validUntil: try n.until.map { try LocalDate(iso: $0) },
                           name: n.name, shortName: n.short)
            }
            agencies.append(try Agency(code: try code(entry.key, "agencies.json"),
                                       parentCode: try entry.parent.map { try code($0, "agencies.json parent") },
                                       level: entry.level, names: names,
                                       successorCode: try entry.successor.map { try code($0, "agencies.json successor") }))
            let agencyCode = try code(entry.key, "agencies.json")
            if let name = entry.specialist {
                users.append(DemoUser(username: specialist(entry.key), displayName: name, role: .specialist, agencyCodes: [agencyCode]))
            }
            if let name = entry.leader {
                users.append(DemoUser(username: leader(entry.key), displayName: name, role: .leader, agencyCodes: [agencyCode]))
            }
        }

        let procedureFile = try resource("procedures", as: ProcedureFile.self)
        let midnight = try TimeOfDay(hour: 0)
        let validFrom = VietnamTime.instant(date: try LocalDate(iso: procedureFile.validFrom), time: midnight)
        let cutFrom = VietnamTime.instant(date: try LocalDate(iso: procedureFile.cutValidFrom), time: midnight)
        var entries: [CatalogueEntry] = []
        var all: [Procedure] = []
        let usernames = Set(users.map(\.username))
        for p in procedureFile.procedures {
            let context = "procedures.json \(p.code)"
            let owner = try code(p.agency, context)
            func steps(cut: Bool) throws -> [ProcessStep] {
                try p.steps.map { s in
                    let stepAgency = try code(s.agency, context)
                    let user = s.role.hasPrefix("Lãnh đạo") ? leader(s.agency) : specialist(s.agency)
                    guard usernames.contains(user) else { throw DemoError("\(context): no demo user \(user) for step \"\(s.name)\"") }
                    return ProcessStep(name: s.name, agencyCode: stepAgency, role: s.role,
                                       allotted: try processingTime(cut ? (s.cutTime ?? s.time) : s.time, context))
                }
            }
            let fees = (p.fees ?? []).map { Fee(amountVND: $0.amount, description: $0.description) }
            let documents = try p.documents.map { d in
                guard let form = DocumentForm(rawValue: d.form) else { throw DemoError("\(context): unknown document form \(d.form)") }
                return RequiredDocument(name: d.name, copies: d.copies ?? 1, form: form)
            }
            guard let online = OnlineLevel(rawValue: p.online) else { throw DemoError("\(context): unknown online level \(p.online)") }
            let cutoff = try p.cutoff.map { try TimeOfDay(parsing: $0) }
            let code = try ProcedureCode(parsing: p.code)
            var versions = [try Procedure(code: code, version: 1, validFrom: validFrom, name: p.name, field: p.field,
                                          agencyCode: owner, legalTime: .workingDays(p.legalDays),
                                          localTime: .workingDays(p.localDays), cutoff: cutoff, onlineLevel: online,
                                          fees: fees, documents: documents, resultType: p.result, steps: try steps(cut: false))]
            if let cut = p.cutDays {
                versions.append(try Procedure(code: code, version: 2, validFrom: cutFrom, name: p.name, field: p.field,
                                              agencyCode: owner, legalTime: .workingDays(p.legalDays),
                                              localTime: .workingDays(cut), cutoff: cutoff, onlineLevel: online,
                                              fees: fees, documents: documents, resultType: p.result, steps: try steps(cut: true)))
            }
            guard let applicant = ApplicantKind(rawValue: p.applicant) else { throw DemoError("\(context): unknown applicant \(p.applicant)") }
            guard p.weight > 0 else { throw DemoError("\(context): weight must be positive") }
            entries.append(CatalogueEntry(code: code, ownerKey: p.agency, weight: p.weight, applicant: applicant,
                                          online: online, versions: versions))
            all += versions
        }
        let catalogue = try ProcedureCatalogue(all)

        let lateFile = try resource("late-dossiers", as: LateFile.self)
        var lateCases: [LateCase] = []
        for (i, c) in lateFile.cases.enumerated() {
            let context = "late-dossiers.json case \(i + 1)"
            let procedures = try c.procedures.map { try ProcedureCode(parsing: $0) }
            for p in procedures {
                guard let entry = entries.first(where: { $0.code == p }) else { throw DemoError("\(context): unknown procedure \(p)") }
                guard entry.ownerKey == c.owner else { throw DemoError("\(context): \(p) is owned by \(entry.ownerKey), not \(c.owner)") }
            }
            guard let kind = LatenessRecord.Kind(rawValue: c.kind) else { throw DemoError("\(context): unknown kind \(c.kind)") }
            let pattern: LateCase.Pattern
            switch c.pattern {
            case "verification_overrun":
                guard case .index(let step)? = c.lateStep else { throw DemoError("\(context): late_step must be a step index") }
                pattern = .verificationOverrun(step: step)
            case "system_close_late":
                guard let step = c.lateStep, let paper = c.paper.flatMap(LateCase.Paper.init(rawValue:)) else {
                    throw DemoError("\(context): system_close_late needs late_step and paper")
                }
                pattern = .systemCloseLate(step: step, paper: paper)
            case "system_close_late_all_steps":
                pattern = .systemCloseLateAllSteps
            case "processing_overrun":
                guard let steps = c.overrunSteps, !steps.isEmpty else { throw DemoError("\(context): processing_overrun needs overrun_steps") }
                pattern = .processingOverrun(steps: Set(steps))
            default:
                throw DemoError("\(context): unknown pattern \(c.pattern)")
            }
            lateCases.append(LateCase(ownerKey: c.owner, procedures: procedures, count: c.count, kind: kind, reason: c.reason,
                                      stepName: c.step, responsible: try code(c.responsible, context), apology: c.apology,
                                      pattern: pattern))
        }

        return DemoWorld(agencies: agencies, codeByKey: codeByKey,
                         keyByCode: Dictionary(uniqueKeysWithValues: codeByKey.map { ($1, $0) }),
                         centerCode: centerCode, entries: entries, catalogue: catalogue, lateCases: lateCases,
                         people: try resource("applicants", as: PeoplePools.self), users: users,
                         receptionOfficers: staff.reception.map(\.username))
    }

    static func specialist(_ key: String) -> String { "cv.\(key)" }
    static func leader(_ key: String) -> String { "ld.\(key)" }

    /// The demo user who works `step`: the agency's leader for a leader's role, else its specialist.
    func officer(for step: ProcessStep) -> String {
        let key = keyByCode[step.agencyCode] ?? "?"
        return step.role.hasPrefix("Lãnh đạo") ? Self.leader(key) : Self.specialist(key)
    }

    func specialist(of agency: AgencyCode) -> String { Self.specialist(keyByCode[agency] ?? "?") }

    func entry(_ code: ProcedureCode) -> CatalogueEntry? { entries.first { $0.code == code } }

    // MARK: Resources

    private static func resource<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw DemoError("the resource \(name).json is missing from the MotCuaDemo bundle")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw DemoError("\(name).json: \(error)")
        }
    }

    private static func processingTime(_ text: String, _ context: String) throws -> ProcessingTime {
        let unit = text.last
        guard let amount = Int(text.dropLast()), amount > 0, unit == "d" || unit == "h" else {
            throw DemoError("\(context): step time \"\(text)\" must be like 3d or 4h")
        }
        return unit == "d" ? .workingDays(amount) : .workingHours(amount)
    }
}

/// Who may apply for a procedure.
enum ApplicantKind: String, Sendable {
    case person, organisation, both
}

/// A procedure code with its versions and the demo's volume.
struct CatalogueEntry: Sendable {
    let code: ProcedureCode
    let ownerKey: String
    let weight: Int
    let applicant: ApplicantKind
    let online: OnlineLevel
    let versions: [Procedure]

    var first: Procedure { versions[0] }

    /// Can be submitted online (levels full and partial; "mức độ 3, 4" in 2021).
    var acceptsOnline: Bool { online != .none }
}

/// One group of the seed's late dossiers (late-dossiers.json).
struct LateCase: Sendable {
    enum Paper: String, Sendable {
        case early
        case onTime = "on_time"
        case earlyOrOnTime = "early_or_on_time"
    }

    enum Pattern: Sendable {
        case verificationOverrun(step: Int)
        case systemCloseLate(step: StepReference, paper: Paper)
        case systemCloseLateAllSteps
        case processingOverrun(steps: Set<Int>)
    }

    let ownerKey: String
    let procedures: [ProcedureCode]
    let count: Int
    let kind: LatenessRecord.Kind
    let reason: String
    let stepName: String?
    let responsible: AgencyCode
    let apology: Bool
    let pattern: Pattern
}

/// A step index, or the last step.
enum StepReference: Decodable, Sendable {
    case index(Int)
    case last

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .index(i); return }
        let text = try c.decode(String.self)
        guard text == "last" else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a step is an index or \"last\", not \"\(text)\"")
        }
        self = .last
    }

    func resolve(stepCount: Int) -> Int {
        switch self {
        case .index(let i): return i
        case .last: return stepCount - 1
        }
    }
}

/// applicants.json.
struct PeoplePools: Decodable, Sendable {
    struct Place: Decodable, Sendable {
        let district: String
        let communes: [String]
    }

    let familyNames: [String]
    let maleMiddleNames: [String]
    let femaleMiddleNames: [String]
    let maleGivenNames: [String]
    let femaleGivenNames: [String]
    let organisationKinds: [String]
    let organisationWords: [String]
    let places: [Place]
    let phonePrefixes: [String]
}

// MARK: - Resource file shapes

private struct AgencyFile: Decodable {
    struct Name: Decodable {
        let from: String
        let until: String?
        let name: String
        let short: String
    }

    struct Entry: Decodable {
        let key: String
        let code: String
        let parent: String?
        let level: AgencyLevel
        let names: [Name]
        let successor: String?
        let specialist: String?
        let leader: String?
    }

    struct Person: Decodable {
        let username: String
        let name: String
    }

    struct CenterStaff: Decodable {
        let reception: [Person]
        let manager: Person
        let administrator: Person
    }

    let agencies: [Entry]
    let centerStaff: CenterStaff
}

private struct ProcedureFile: Decodable {
    struct Money: Decodable {
        let amount: Int
        let description: String
    }

    struct Document: Decodable {
        let name: String
        let copies: Int?
        let form: String
    }

    struct Step: Decodable {
        let name: String
        let agency: String
        let role: String
        let time: String
        let cutTime: String?
    }

    struct Entry: Decodable {
        let code: String
        let agency: String
        let field: String
        let name: String
        let legalDays: Int
        let localDays: Int
        let cutDays: Int?
        let cutoff: String?
        let online: String
        let applicant: String
        let weight: Int
        let fees: [Money]?
        let documents: [Document]
        let result: String
        let steps: [Step]
    }

    let validFrom: String
    let cutValidFrom: String
    let procedures: [Entry]
}

private struct LateFile: Decodable {
    struct Case: Decodable {
        let owner: String
        let procedures: [String]
        let count: Int
        let kind: String
        let reason: String
        let step: String?
        let responsible: String
        let apology: Bool
        let pattern: String
        let lateStep: StepReference?
        let paper: String?
        let overrunSteps: [Int]?
    }

    let cases: [Case]
}
