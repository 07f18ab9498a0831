import Foundation
import MotCuaCore
import WorkCalendar

/// How Vietnamese administrative documents write numbers, dates, times, money and working time
/// (DESIGN.md, "Documents"; Decree 30/2020/NĐ-CP). Every document of this target formats through here, so a
/// slip and the quarterly report never disagree.
///
/// - Numbers: a dot groups thousands, a comma starts the decimals: "7.447", "72,3", "72,3%".
/// - Counts of things under 10 take a leading zero: "08 hồ sơ", "04 công chức" (0 stays "0").
/// - Dates: the day takes a leading zero under 10, the month only for January and February (Decree 30's rule
///   for "ngày … tháng … năm …", applied to numeric dates too): "05/02/2026", "12/7/2021", "ngày 15 tháng 9 năm 2021".
/// - Instants are shown in Vietnamese local time (UTC+7), never in the server's time zone.
public enum VietnameseFormat {
    // MARK: Numbers

    /// "7.447", "1.500.000", "-12.000", "0".
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// A decimal with a fixed number of decimals, rounded half away from zero: "72,3", "1.234,5", "0,4".
    /// Binary noise is removed first, so 72.35 gives "72,4" (as a person reading "72.35" expects).
    public static func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        let digits = max(0, fractionDigits)
        // Ten decimals are far below what a report shows and far above a Double's noise at these magnitudes.
        let cleaned = String(format: "%.10f", value)
        var exact = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, digits, .plain)
        return formatDecimalString(rounded, fractionDigits: digits)
    }

    /// A ratio as a percentage with one decimal by default: 0.723 → "72,3%".
    public static func percent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        guard ratio.isFinite else { return "—" }
        return decimal(ratio * 100, fractionDigits: fractionDigits) + "%"
    }

    /// `part` of `whole` as a percentage, computed exactly in integers (half away from zero): 5.386 of 7.447 →
    /// "72,3%". Nil when `whole` is 0: there is no share of nothing, and the caller decides what to print.
    public static func percent(_ part: Int, of whole: Int, fractionDigits: Int = 1) -> String? {
        guard whole != 0 else { return nil }
        let digits = max(0, fractionDigits)
        var scale = 100
        for _ in 0..<digits { scale *= 10 }
        let negative = (part < 0) != (whole < 0) && part != 0
        let numerator = part.magnitude * UInt(scale)
        let denominator = whole.magnitude
        var quotient = numerator / denominator
        if 2 * (numerator % denominator) >= denominator { quotient += 1 }
        var text = String(quotient)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            let split = text.index(text.endIndex, offsetBy: -digits)
            text = grouped(String(text[..<split])) + "," + text[split...]
        } else {
            text = grouped(text)
        }
        return (negative && quotient != 0 ? "-" : "") + text + "%"
    }

    /// A count as reports write it: under 10 with a leading zero ("08"), otherwise grouped ("7.447"); 0 is "0".
    public static func count(_ value: Int) -> String {
        (1...9).contains(value) ? "0\(value)" : integer(value)
    }

    /// "08 hồ sơ", "33 hồ sơ", "7.447 hồ sơ".
    public static func count(_ value: Int, _ unit: String) -> String {
        "\(count(value)) \(unit)"
    }

    /// "1.500.000 đồng".
    public static func money(_ amountVND: Int) -> String {
        "\(integer(amountVND)) đồng"
    }

    // MARK: Dates and times

    /// The day of the month as documents write it: "05", "15".
    public static func day(_ date: LocalDate) -> String {
        date.day < 10 ? "0\(date.day)" : "\(date.day)"
    }

    /// The month as documents write it: "01", "02", then "3" … "12".
    public static func month(_ date: LocalDate) -> String {
        date.month <= 2 ? "0\(date.month)" : "\(date.month)"
    }

    /// "05/02/2026", "12/7/2021", "15/9/2025".
    public static func date(_ date: LocalDate) -> String {
        "\(day(date))/\(month(date))/\(date.year)"
    }

    /// The local (UTC+7) date of an instant, as `date(_:)` writes it.
    public static func date(of instant: Date) -> String {
        date(VietnamTime.localDate(of: instant))
    }

    /// "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 9 năm 2021".
    public static func longDate(_ date: LocalDate) -> String {
        "ngày \(day(date)) tháng \(month(date)) năm \(date.year)"
    }

    /// The line under the national motto: "Đắk Nông, ngày 05 tháng 02 năm 2026".
    public static func placeAndDate(_ place: String, _ date: LocalDate) -> String {
        "\(place), \(longDate(date))"
    }

    /// "08 giờ 15 phút", "14 giờ 30 phút".
    public static func time(_ time: TimeOfDay) -> String {
        "\(twoDigits(time.hour)) giờ \(twoDigits(time.minute)) phút"
    }

    /// An instant as slips write it, in local time: "14 giờ 30 phút, ngày 12/7/2021".
    public static func slipInstant(_ instant: Date) -> String {
        "\(time(VietnamTime.timeOfDay(of: instant))), ngày \(date(of: instant))"
    }

    // MARK: Working time

    /// "10 ngày làm việc", "4 giờ làm việc"; with `leadingZero`, counts under 10 as reports write them
    /// ("04 giờ làm việc", like `ProcessingTime.vietnameseDescription`).
    public static func duration(_ time: ProcessingTime, leadingZero: Bool = false) -> String {
        let amount = leadingZero ? count(time.amount) : integer(time.amount)
        switch time.unit {
        case .workingDays: return "\(amount) ngày làm việc"
        case .workingHours: return "\(amount) giờ làm việc"
        }
    }

    /// Office minutes in days, hours and minutes of working time: 390 → "6 giờ 30 phút làm việc",
    /// 1 020 (450 a day) → "2 ngày 2 giờ làm việc", 0 → "0 phút làm việc".
    public static func workingMinutes(_ minutes: Int, dailyMinutes: Int = OfficeHours.standard.dailyMinutes) -> String {
        let total = max(0, minutes)
        let perDay = max(1, dailyMinutes)
        let days = total / perDay, remainder = total % perDay
        let hours = remainder / 60, rest = remainder % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(integer(days)) ngày") }
        if hours > 0 { parts.append("\(hours) giờ") }
        if rest > 0 { parts.append("\(rest) phút") }
        if parts.isEmpty { parts.append("0 phút") }
        return parts.joined(separator: " ") + " làm việc"
    }

    // MARK: Internals

    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }

    /// Groups a string of digits by thousands with dots.
    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }

    /// A rounded `Decimal` with exactly `fractionDigits` decimals, Vietnamese separators.
    static func formatDecimalString(_ value: Decimal, fractionDigits: Int) -> String {
        var text = NSDecimalNumber(decimal: value).stringValue
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < fractionDigits { fraction += String(repeating: "0", count: fractionDigits - fraction.count) }
        if fraction.count > fractionDigits { fraction = String(fraction.prefix(fractionDigits)) }
        let isZero = whole.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        let sign = negative && !isZero ? "-" : ""
        return sign + grouped(whole) + (fractionDigits > 0 ? "," + fraction : "")
    }
}
