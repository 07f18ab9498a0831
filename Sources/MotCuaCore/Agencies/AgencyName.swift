import Foundation
import WorkCalendar

/// A name an agency bore over a span of days (local dates, both ends included). Agencies are renamed and
/// merged (the 2025 provincial mergers): a report about 2021 must print the 2021 name.
public struct AgencyName: Sendable, Hashable, Codable {
    public var validFrom: LocalDate
    /// Last day the name was in use; nil while it still is.
    public var validUntil: LocalDate?
    /// Full name, e.g. "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông".
    public var name: String
    /// Short name, e.g. "Sở KH&ĐT".
    public var shortName: String

    public init(validFrom: LocalDate, validUntil: LocalDate? = nil, name: String, shortName: String) {
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.name = name
        self.shortName = shortName
    }

    public func isValid(on date: LocalDate) -> Bool {
        validFrom <= date && (validUntil.map { date <= $0 } ?? true)
    }
}
