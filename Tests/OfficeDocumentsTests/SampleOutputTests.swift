import Foundation
import Testing
import OfficeDocuments

/// Writes the samples where a person can open them: /tmp/officedev-sample.docx and .xlsx.
@Suite("Samples for people")
struct SampleOutputTests {
    @Test("write the sample report and workbook to /tmp")
    func writeSamples() throws {
        let temporary = URL(fileURLWithPath: "/tmp")
        let docx = temporary.appendingPathComponent("officedev-sample.docx")
        let xlsx = temporary.appendingPathComponent("officedev-sample.xlsx")
        try SampleDocuments.report().docxData().write(to: docx, options: .atomic)
        try SampleDocuments.form06().xlsxData().write(to: xlsx, options: .atomic)
        #expect(FileManager.default.fileExists(atPath: docx.path))
        #expect(FileManager.default.fileExists(atPath: xlsx.path))
    }
}
