import Foundation
import MotCuaReports

/// A slip rendered both ways, with what a reader sees of each.
struct RenderedSlip {
    let document: SlipDocument
    let html: String
    let docx: Data
    /// Paragraph texts of the Word file, in order (table cells included).
    let docxParagraphs: [String]
    let docxTables: [[[String]]]

    init(_ document: SlipDocument) throws {
        self.document = document
        html = SlipHTMLRenderer.render(document)
        docx = try SlipDocxRenderer.docx(document)
        let reader = try SlipDocxReader(docx)
        docxParagraphs = try reader.paragraphs()
        docxTables = try reader.tables()
    }

    /// The HTML with tags removed and entities decoded: the text a browser shows, line breaks aside.
    var htmlText: String {
        var text = ""
        var inTag = false
        var inStyle = false
        var tag = ""
        for character in html {
            if character == "<" { inTag = true; tag = ""; continue }
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.split(separator: " ").first.map(String.init) ?? ""
                    if name == "style" { inStyle = true } else if name == "/style" { inStyle = false }
                    if ["p", "/p", "br", "td", "th", "tr", "div", "h1", "/h1"].contains(name) { text += "\n" }
                } else {
                    tag.append(character)
                }
                continue
            }
            if !inStyle { text.append(character) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Visible HTML text, one trimmed non-empty line per block.
    var htmlLines: [String] {
        htmlText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether both the page and the Word file show `line` as one paragraph of their own.
    func showsLine(_ line: String) -> Bool {
        htmlLines.contains(line) && docxParagraphs.contains(line)
    }
}
