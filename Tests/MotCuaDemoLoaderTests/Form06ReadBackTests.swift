import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaDemoLoader
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// Form 06 of the demo window, read back by openpyxl (a real XLSX reader): the totals row carries the
/// seed's figures in the form's columns.
@Suite("Form 06 workbook of the demo, read back by openpyxl")
struct Form06ReadBackTests {
    @Test("the totals row: received (carried over + new), resolved early / on time / late, in progress")
    func totals() async throws {
        if PythonReaders.skipRequested { return }
        try await withTestDatabase(.sqlite) { database in
            try await DemoLoader(database: database).load(DemoFiguresTests.dataset)
            let window = try StatisticsPeriod(from: LocalDate(iso: "2021-06-09"), to: LocalDate(iso: "2021-09-07"))
            let data = try await Form06Workbook.load(window, database: database).workbook().xlsxData()
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mau-06-\(UUID().uuidString).xlsx")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let script = """
                import openpyxl, sys
                ws = openpyxl.load_workbook(sys.argv[1]).active
                rows = list(ws.iter_rows(values_only=True))
                print(rows[2][2]); print(rows[3][3]); print(ws.freeze_panes)
                print(",".join(str(v) for v in rows[-1][2:]))
                """
            let run = try ExternalTools.run("python3", ["-c", script, file.path], in: file.deletingLastPathComponent())
            let output = String(decoding: run.standardOutput, as: UTF8.self)
            #expect(run.status == 0, "\(PythonReaders.installHint)\n\(run.standardError)")
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.first == "Số hồ sơ nhận giải quyết")
            #expect(lines.dropFirst().first == "Trong đó")
            #expect(lines.dropFirst(2).first == "A7")
            // Total (357 + 7447), carried over, online, counter and post, resolved, early, on time, late, in progress…
            #expect(lines.last?.hasPrefix("7804,357,5386,2061,7708,1713,5962,33,92,85,7") == true, "\(lines.last ?? "")")
        }
    }
}
