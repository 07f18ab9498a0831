import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// What the report page shows: the period's report (issued, or the draft with its edits), its state, and
/// what an officer typed when a change was refused.
struct ReportPageModel: Sendable {
    /// A refused paragraph edit, with the text as typed.
    struct ParagraphProblem: Sendable, Hashable { let id: String; let text: String; let message: String }
    /// A refused issue, with the number and date as typed.
    struct IssueProblem: Sendable, Hashable { let number: String; let date: String; let message: String }

    /// A refused statistics window, as typed.
    struct WindowProblem: Sendable, Hashable { let from: String; let to: String; let message: String }

    let input: ReportingPeriodInput
    let period: StatisticsPeriod
    let report: QuarterlyReport
    let stored: StoredReport?
    var paragraphProblem: ParagraphProblem? = nil
    var issueProblem: IssueProblem? = nil
    var windowProblem: WindowProblem? = nil
    /// A confirmation after a change (from the redirect's `?da=` marker).
    var notice: String? = nil

    var isIssued: Bool { stored?.status == .issued }
    var edited: Set<String> { Set(stored?.overrides.keys.map { $0 } ?? []) }

    /// Query string of the period, for links and redirects.
    var periodQuery: String { input.query }
    /// The dossier register of the form set in force at the period's end, if it has one.
    var register: SlipFormSet.Register?
    /// Sites the report can be limited to (none when the province has one).
    var sites: [(code: String, name: String)] = []

    /// The file name of a download: "bao-cao-2021-Q3.docx" or "bao-cao-2021-06-15-2021-09-14.docx".
    static func fileName(_ stem: String, _ ext: String, period: StatisticsPeriod) -> String {
        let name = ReportingPeriodInput.quarterName(of: period) ?? "\(period.from)-\(period.to)"
        return "\(stem)-\(name).\(ext)"
    }
}
