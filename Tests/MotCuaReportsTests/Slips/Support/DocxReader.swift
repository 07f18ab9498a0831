import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a .docx back in memory: its parts, and the text of `word/document.xml` paragraph by paragraph.
struct SlipDocxReader {
    private let parts: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var contents = Data()
            _ = try archive.extract(entry) { contents.append($0) }
            parts[entry.path] = contents
        }
        self.parts = parts
    }

    var partNames: [String] { parts.keys.sorted() }

    func part(_ path: String) throws -> Data {
        guard let data = parts[path] else { throw Missing(path: path) }
        return data
    }

    /// The parsed body: throws if it is not well-formed XML.
    func documentXML() throws -> XMLDocument {
        try XMLDocument(data: try part("word/document.xml"), options: [])
    }

    /// Every paragraph's text (`w:t` joined, `w:br` as a newline), in document order, table cells included.
    func paragraphs() throws -> [String] {
        try documentXML().slipElements(named: "w:p").map(\.slipParagraphText)
    }

    /// Each table as rows of cells, each cell's non-empty paragraphs joined by newlines.
    func tables() throws -> [[[String]]] {
        try documentXML().slipElements(named: "w:tbl").map { table in
            (table.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == "w:tr" }.map { row in
                (row.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == "w:tc" }.map { cell in
                    cell.slipElements(named: "w:p").map(\.slipParagraphText).filter { !$0.isEmpty }.joined(separator: "\n")
                }
            }
        }
    }

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "the package has no part \(path)" }
    }
}

extension XMLNode {
    /// Every element below this node (and the node itself) with this qualified name, in document order.
    func slipElements(named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        if let element = self as? XMLElement, element.name == name { found.append(element) }
        for child in children ?? [] { found += child.slipElements(named: name) }
        return found
    }

    /// A paragraph's text as a reader sees it.
    var slipParagraphText: String {
        var text = ""
        func walk(_ node: XMLNode) {
            if let element = node as? XMLElement {
                if element.name == "w:t" { text += element.stringValue ?? ""; return }
                if element.name == "w:br" { text += "\n"; return }
            }
            for child in node.children ?? [] { walk(child) }
        }
        walk(self)
        return text
    }
}
