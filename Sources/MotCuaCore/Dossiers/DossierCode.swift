import Foundation
import WorkCalendar

/// A dossier's code (Circular 01/2018/TT-VPCP Art. 19): `<receiving agency code>-YYMMDD-XXXX`, XXXX the
/// sequence of the local day at the receiving agency, e.g. `000.00.15.H56-210712-0007`. The store allocates
/// the sequence (no gap, no duplicate); this type only forms and reads codes. Codable as the plain string.
public struct DossierCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let agencyCode: AgencyCode
    /// The local date of receipt (years 2000–2099, as YYMMDD can only say those).
    public let date: LocalDate
    /// 1…9999.
    public let sequence: Int

    public static let sequenceRange: ClosedRange<Int> = 1...9999

    public init(agencyCode: AgencyCode, date: LocalDate, sequence: Int) throws(ValidationError) {
        guard DossierCode.sequenceRange.contains(sequence) else {
            throw ValidationError(field: "dossier_code.sequence", value: "\(sequence)",
                                  reason: "the sequence of the day must be 1…9999 (four digits)",
                                  vietnamese: "Số thứ tự hồ sơ trong ngày phải từ 0001 đến 9999.")
        }
        guard (2000...2099).contains(date.year) else {
            throw ValidationError(field: "dossier_code.date", value: date.description,
                                  reason: "YYMMDD can only express years 2000–2099",
                                  vietnamese: "Ngày trong mã hồ sơ phải thuộc các năm 2000–2099.")
        }
        self.agencyCode = agencyCode
        self.date = date
        self.sequence = sequence
    }

    public init(parsing text: String) throws(ValidationError) {
        let t = text.trimmed
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        func bad(_ why: String) -> ValidationError {
            ValidationError(field: "dossier_code", value: text,
                            reason: "\(why); expected <agency code>-YYMMDD-XXXX, e.g. 000.00.15.H56-210712-0007",
                            vietnamese: "Mã hồ sơ \"\(text)\" không đúng định dạng <mã cơ quan>-YYMMDD-XXXX (ví dụ 000.00.15.H56-210712-0007).")
        }
        guard parts.count == 3 else { throw bad("it must have three parts separated by hyphens") }
        let agency: AgencyCode
        do { agency = try AgencyCode(parsing: String(parts[0])) } catch { throw bad("\"\(parts[0])\" is not an agency code") }
        let ymd = Array(parts[1].utf8), seq = Array(parts[2].utf8)
        let isDigits = { (b: [UInt8]) in b.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard ymd.count == 6, isDigits(ymd) else { throw bad("the date part must be six digits YYMMDD") }
        guard seq.count == 4, isDigits(seq), let sequence = Int(String(parts[2])) else {
            throw bad("the sequence must be four digits")
        }
        let n = Int(String(parts[1]))!
        let date: LocalDate
        do { date = try LocalDate(year: 2000 + n / 10000, month: n / 100 % 100, day: n % 100) } catch {
            throw bad("\(parts[1]) is not a date")
        }
        guard sequence >= 1 else { throw bad("the sequence starts at 0001") }
        try self.init(agencyCode: agency, date: date, sequence: sequence)
    }

    /// "000.00.15.H56-210712-0007"
    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(agencyCode)-\(pad(date.year % 100, 2))\(pad(date.month, 2))\(pad(date.day, 2))-\(pad(sequence, 4))"
    }

    public var rawValue: String { description }

    public static func < (lhs: DossierCode, rhs: DossierCode) -> Bool {
        (lhs.agencyCode, lhs.date, lhs.sequence) < (rhs.agencyCode, rhs.date, rhs.sequence)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
