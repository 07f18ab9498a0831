import Foundation
import MotCuaCore
import WorkCalendar

/// The seed report's narrative records (resource `report-narrative.json`): the register of documents it cites
/// and the entries officers record during the quarter, plus the report's period and the window of the
/// center's statistics (15/6–14/9/2021 and 09/6–07/9/2021). Ids are fixed, so loading twice replaces.
public struct DemoNarrative: Sendable, Equatable {
    public var period: (from: LocalDate, to: LocalDate)
    public var statisticsWindow: (from: LocalDate, to: LocalDate)
    public var documents: [IssuedDocument]
    public var entries: [ReportEntry]

    public static func == (lhs: DemoNarrative, rhs: DemoNarrative) -> Bool {
        lhs.period == rhs.period && lhs.statisticsWindow == rhs.statisticsWindow && lhs.documents == rhs.documents
            && lhs.entries == rhs.entries
    }

    struct File: Decodable {
        struct Window: Decodable { var from, to: String }
        struct Document: Decodable {
            var number, date, type, issuer, subject: String
            var tags: [String]?
            var section, lead, note: String?
            var position: Int?
        }
        struct Entry: Decodable {
            var kind, date: String
            var section, category, title, text, result: String?
            var count, position: Int?
        }
        var period, statisticsWindow: Window
        var documents: [Document]
        var entries: [Entry]
    }

    public static func load() throws -> DemoNarrative {
        guard let url = Bundle.module.url(forResource: "report-narrative", withExtension: "json") else {
            throw DemoError("the resource report-narrative.json is missing from the MotCuaDemo bundle")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let file: File
        do { file = try decoder.decode(File.self, from: Data(contentsOf: url)) } catch {
            throw DemoError("report-narrative.json: \(error)")
        }
        let documents = try file.documents.enumerated().map { index, d in
            IssuedDocument(id: "demo-document-\(index + 1)", number: d.number, date: try LocalDate(iso: d.date), type: d.type,
                           issuer: d.issuer, subject: d.subject, tags: d.tags ?? [], reportSection: d.section, lead: d.lead,
                           note: d.note, position: d.position ?? 0)
        }
        let entries = try file.entries.enumerated().map { index, e in
            guard let kind = ReportEntry.Kind(rawValue: e.kind) else {
                throw DemoError("report-narrative.json: entry \(index + 1) has the unknown kind \(e.kind)")
            }
            return ReportEntry(id: "demo-entry-\(index + 1)", kind: kind, date: try LocalDate(iso: e.date),
                               section: e.section ?? "", position: e.position ?? 0, category: e.category ?? "",
                               count: e.count ?? 1, title: e.title ?? "", text: e.text ?? "", result: e.result ?? "")
        }
        return DemoNarrative(
            period: (try LocalDate(iso: file.period.from), try LocalDate(iso: file.period.to)),
            statisticsWindow: (try LocalDate(iso: file.statisticsWindow.from), try LocalDate(iso: file.statisticsWindow.to)),
            documents: documents, entries: entries)
    }
}
