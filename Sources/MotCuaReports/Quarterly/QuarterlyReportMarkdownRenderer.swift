import Foundation

/// The quarterly report as Markdown, in the layout of the seed's clean transcription: the header as a
/// two-column table, headings for sections, the PAPI table, the footnote as `[^1]`.
public enum QuarterlyReportMarkdownRenderer {
    public static func render(_ report: QuarterlyReport) -> String {
        var out: [String] = []
        let parent = report.header.parentBody.map { escape($0) + "<br>" } ?? ""
        out.append("| \(parent)**\(escape(report.header.issuingBody))** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |")
        out.append("|:---:|:---:|")
        out.append("| \(escape(report.header.number)) | *\(escape(report.header.placeAndDate))* |")
        out.append("")
        out.append("# \(escape(report.title))")
        out.append("")
        out.append("**\(escape(report.subject))**")
        out.append("")
        out.append("*\(escape(report.periodLine))*")
        out.append("")
        var footnotes: [[ReportParagraph]] = []
        func paragraph(_ p: ReportParagraph) -> String {
            var text = (p.bullet ? "- " : "") + escape(p.text)
            if let footnote = p.footnote {
                footnotes.append(footnote)
                text += "[^\(footnotes.count)]"
            }
            return text + escape(p.tail)
        }
        for p in report.preamble { out += [paragraph(p), ""] }
        func section(_ s: ReportSection, level: Int) {
            out += [String(repeating: "#", count: level + 2) + " " + escape(s.heading), ""]
            for block in s.blocks {
                switch block {
                case .paragraph(let p): out += [paragraph(p), ""]
                case .papiTable(let t):
                    out.append("| " + PAPITable.columnTitles.joined(separator: " | ") + " |")
                    out.append("|:---:|---|---|---|")
                    for row in t.rows {
                        let index = row.isGroup ? "**\(cell(row.index))**" : cell(row.index)
                        out.append("| \(cell(row.number)) | \(index) | \(cell(row.task)) | \(cell(row.result)) |")
                    }
                    out.append("")
                }
            }
            for sub in s.subsections { section(sub, level: level + 1) }
        }
        for s in report.sections { section(s, level: 0) }
        for p in report.closing { out += [paragraph(p), ""] }
        out += ["***Nơi nhận:***", ""]
        out += report.recipients.map { "- " + escape($0) }
        out.append("")
        for line in report.signature.authority { out.append("**\(escape(line))**<br>") }
        out.append("**\(escape(report.signature.title))**")
        if let name = report.signature.name { out += ["", "**\(escape(name))**"] }
        out.append("")
        for (index, footnote) in footnotes.enumerated() {
            for (line, p) in footnote.enumerated() {
                out.append(line == 0 ? "[^\(index + 1)]: \(escape(p.text))" : "    \(escape(p.text))")
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    /// Markdown's own characters in text from the data are escaped, so a subject cannot add markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }
}
