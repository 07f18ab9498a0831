import Foundation
import MotCuaTestSupport
import Testing
import OfficeDocuments

/// LibreOffice is a second, independent reader of .docx. It is not installed by default; where it is,
/// the sample report must convert to a PDF that shows its text, the footnote included.
@Suite(
    "Convert with LibreOffice",
    .enabled(if: LibreOffice.path != nil, "LibreOffice (soffice or libreoffice) is not on PATH: PDF conversion skipped")
)
struct LibreOfficeTests {
    @Test("the sample report converts to PDF with its header, table and footnote")
    func convertsToPDF() throws {
        let soffice = try #require(LibreOffice.path)
        let directory = try ExternalTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bao-cao.docx")
        try SampleDocuments.report().docxData().write(to: file)

        // A private profile, so a LibreOffice already running for someone else does not take the job.
        let profile = directory.appendingPathComponent("profile").absoluteString
        let conversion = try ExternalTools.run(
            soffice,
            ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", directory.path, file.path],
            in: directory
        )
        let pdf = directory.appendingPathComponent("bao-cao.pdf")
        let bytes = try #require(try? Data(contentsOf: pdf), "no PDF: \(conversion.standardError)")
        #expect(bytes.starts(with: Data("%PDF".utf8)))

        guard ExternalTools.which(["pdftotext"]) != nil else { return }  // poppler-utils: optional
        let text = try ExternalTools.run("pdftotext", ["-layout", pdf.path, "-"], in: directory)
        let shown = String(decoding: text.standardOutput, as: UTF8.self).precomposedStringWithCanonicalMapping
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1076/BC-VPUBND",
            "Đắk Nông, ngày 05 tháng 02 năm 2026", "Kết quả giải quyết", "Số liệu trích xuất", "Nơi nhận:",
        ] {
            #expect(shown.contains(expected), "the PDF does not show \(expected)")
        }
    }
}

enum LibreOffice {
    static let path = ExternalTools.which(["soffice", "libreoffice"])
}
