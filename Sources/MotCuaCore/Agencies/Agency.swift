import Foundation
import WorkCalendar

/// A state agency that receives or handles dossiers: a department, a board, a People's Committee, the
/// center itself. Its names are kept over time; its office hours drive every deadline it owns.
public struct Agency: Sendable, Hashable {
    public let code: AgencyCode
    public let parentCode: AgencyCode?
    public let level: AgencyLevel
    /// Its place in the one-stop organisation (a site or an agency that decides).
    public let kind: AgencyKind
    /// Sorted by `validFrom`, without overlap; at least one.
    public let names: [AgencyName]
    /// Office hours used for the deadlines of its procedures and steps.
    public let officeHours: OfficeHours
    /// The agency that took over its work after a merger, if any.
    public let successorCode: AgencyCode?

    /// - Parameter kind: nil takes the kind its level suggests (`AgencyKind.inferred(from:)`).
    public init(code: AgencyCode, parentCode: AgencyCode? = nil, level: AgencyLevel, kind: AgencyKind? = nil,
                names: [AgencyName], officeHours: OfficeHours = .standard, successorCode: AgencyCode? = nil) throws(ValidationError) {
        guard !names.isEmpty else {
            throw ValidationError(field: "agency.names", reason: "an agency needs at least one name",
                                  vietnamese: "Cơ quan \(code) phải có ít nhất một tên.")
        }
        let sorted = names.sorted { $0.validFrom < $1.validFrom }
        for (i, n) in sorted.enumerated() {
            guard !n.name.trimmed.isEmpty, !n.shortName.trimmed.isEmpty else {
                throw ValidationError(field: "agency.name", value: n.name,
                                      reason: "name and short name must not be empty",
                                      vietnamese: "Tên và tên viết tắt của cơ quan \(code) không được để trống.")
            }
            if let until = n.validUntil, until < n.validFrom {
                throw ValidationError(field: "agency.name", value: n.name,
                                      reason: "valid until \(until) is before valid from \(n.validFrom)",
                                      vietnamese: "Tên \"\(n.name)\": ngày hết hiệu lực \(until.vietnameseNumeric) trước ngày bắt đầu \(n.validFrom.vietnameseNumeric).")
            }
            if i + 1 < sorted.count {
                let next = sorted[i + 1]
                guard let until = n.validUntil, until < next.validFrom else {
                    throw ValidationError(field: "agency.name", value: n.name,
                                          reason: "its validity overlaps the name \"\(next.name)\" valid from \(next.validFrom); close it the day before",
                                          vietnamese: "Thời gian hiệu lực của tên \"\(n.name)\" chồng lên tên \"\(next.name)\" (từ \(next.validFrom.vietnameseNumeric)).")
                }
            }
        }
        if parentCode == code {
            throw ValidationError(field: "agency.parent_code", value: code.rawValue,
                                  reason: "an agency cannot be its own parent",
                                  vietnamese: "Cơ quan \(code) không thể là cơ quan cấp trên của chính nó.")
        }
        self.code = code
        self.parentCode = parentCode
        self.level = level
        self.kind = kind ?? AgencyKind.inferred(from: level)
        self.names = sorted
        self.officeHours = officeHours
        self.successorCode = successorCode
    }

    /// The same agency with other names (a rename, a stop): every other property kept, its kind included.
    public func renamed(_ names: [AgencyName]) throws(ValidationError) -> Agency {
        try Agency(code: code, parentCode: parentCode, level: level, kind: kind, names: names, officeHours: officeHours,
                   successorCode: successorCode)
    }

    /// The name in force on `date`, or nil if the agency bore no name that day (not yet created, dissolved).
    public func naming(on date: LocalDate) -> AgencyName? {
        names.last { $0.isValid(on: date) }
    }

    /// The name in force on `date`; before the first name the first, after the last the last (so that a
    /// report never prints an empty agency).
    public func name(on date: LocalDate) -> String { nearestNaming(on: date).name }

    public func shortName(on date: LocalDate) -> String { nearestNaming(on: date).shortName }

    func nearestNaming(on date: LocalDate) -> AgencyName {
        if let exact = naming(on: date) { return exact }
        return names.last { $0.validFrom <= date } ?? names[0]
    }
}

extension Agency: Codable {
    enum CodingKeys: String, CodingKey {
        case code, parentCode = "parent_code", level, kind, names, officeHours = "office_hours", successorCode = "successor_code"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let hoursText = try c.decodeIfPresent(String.self, forKey: .officeHours)
        try self.init(code: c.decode(AgencyCode.self, forKey: .code),
                      parentCode: c.decodeIfPresent(AgencyCode.self, forKey: .parentCode),
                      level: c.decode(AgencyLevel.self, forKey: .level),
                      kind: c.decodeIfPresent(AgencyKind.self, forKey: .kind),
                      names: c.decode([AgencyName].self, forKey: .names),
                      officeHours: try hoursText.map { try OfficeHours(parsing: $0) } ?? .standard,
                      successorCode: c.decodeIfPresent(AgencyCode.self, forKey: .successorCode))
    }

    /// Office hours are written as "07:30-11:30,13:30-17:00".
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encodeIfPresent(parentCode, forKey: .parentCode)
        try c.encode(level, forKey: .level)
        try c.encode(kind, forKey: .kind)
        try c.encode(names, forKey: .names)
        try c.encode(officeHours.description, forKey: .officeHours)
        try c.encodeIfPresent(successorCode, forKey: .successorCode)
    }
}
