import Foundation

/// The yearly schedules the government publishes for state agencies (exact Tết and National Day days,
/// weekdays swapped off against make-up Saturdays), shipped as `Resources/official-schedules.csv`.
///
/// File format: UTF-8 CSV with the header `date,kind,name`; `kind` is a `DayKind` raw value; a `name`
/// holding a comma or a quote is written in double quotes (RFC 4180). Lines starting with `#` are
/// comments (each year's block cites the documents it was transcribed from); blank lines are ignored.
///
/// A solar year that has at least one `holiday` line has an official schedule: for that year the file
/// replaces the computed rules entirely. Other lines (e.g. the make-up Saturday 2014-12-27 that paid for
/// a day off in January 2015) apply on their own date on top of whatever rules govern that date.
public enum OfficialSchedules {
    public static let resourceName = "official-schedules"

    /// The schedules shipped with MotCua, read from the bundle once.
    public static func shipped() throws -> [DayEntry] {
        guard let url = Bundle.module.url(forResource: resourceName, withExtension: "csv") else {
            throw CalendarError.missingResource("\(resourceName).csv")
        }
        let data = try Data(contentsOf: url)
        return try parse(String(decoding: data, as: UTF8.self))
    }

    /// Years that have an official schedule in `entries` (a `holiday` line in that year).
    public static func years(in entries: [DayEntry]) -> Set<Int> {
        Set(entries.filter { $0.kind == .holiday }.map(\.date.year))
    }

    /// Parses the CSV format described above.
    public static func parse(_ text: String) throws -> [DayEntry] {
        var entries: [DayEntry] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = try splitCSV(line, lineNumber: lineNumber)
            if !sawHeader {
                sawHeader = true
                if fields.map({ $0.lowercased() }) == ["date", "kind", "name"] { continue }
            }
            guard fields.count == 3 else {
                throw CalendarError.invalidScheduleLine(line: lineNumber, text: line,
                                                        reason: "expected 3 fields date,kind,name but found \(fields.count)")
            }
            let date: LocalDate
            do { date = try LocalDate(iso: fields[0]) } catch {
                throw CalendarError.invalidScheduleLine(line: lineNumber, text: line, reason: "\"\(fields[0])\" is not a date YYYY-MM-DD")
            }
            guard let kind = DayKind(rawValue: fields[1]) else {
                let kinds = DayKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CalendarError.invalidScheduleLine(line: lineNumber, text: line,
                                                        reason: "unknown kind \"\(fields[1])\" (one of \(kinds))")
            }
            guard !fields[2].isEmpty else {
                throw CalendarError.invalidScheduleLine(line: lineNumber, text: line, reason: "the name is empty")
            }
            entries.append(DayEntry(date: date, kind: kind, name: fields[2]))
        }
        return entries
    }

    /// Renders entries in the same format (`motcua calendar days` prints this, without comments).
    public static func csv(_ entries: [DayEntry]) -> String {
        var out = "date,kind,name\n"
        for e in entries {
            out += "\(e.date),\(e.kind.rawValue),\(quoteIfNeeded(e.name))\n"
        }
        return out
    }

    static func quoteIfNeeded(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func splitCSV(_ line: String, lineNumber: Int) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.isEmpty {
                inQuotes = true
            } else if c == "," {
                fields.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        guard !inQuotes else {
            throw CalendarError.invalidScheduleLine(line: lineNumber, text: line, reason: "unterminated quoted field")
        }
        fields.append(current.trimmingCharacters(in: .whitespaces))
        return fields
    }
}
