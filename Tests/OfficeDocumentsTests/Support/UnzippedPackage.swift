import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A .docx or .xlsx opened in memory: its parts by path, in zip order.
struct UnzippedPackage {
    let paths: [String]
    private let dataByPath: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var paths: [String] = []
        var dataByPath: [String: Data] = [:]
        for entry in archive {
            var contents = Data()
            _ = try archive.extract(entry) { contents.append($0) }
            paths.append(entry.path)
            dataByPath[entry.path] = contents
        }
        self.paths = paths
        self.dataByPath = dataByPath
    }

    func data(_ path: String) throws -> Data {
        guard let data = dataByPath[path] else { throw MissingPart(path: path) }
        return data
    }

    func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// The part parsed by libxml2 through Foundation: throws if it is not well-formed XML.
    func xml(_ path: String) throws -> XMLDocument {
        try XMLDocument(data: try data(path), options: [])
    }

    struct MissingPart: Error, CustomStringConvertible {
        let path: String
        var description: String { "the package has no part \(path)" }
    }
}

extension XMLNode {
    /// Every element below this node (and the node itself) with this qualified name, in document order.
    func elements(named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        if let element = self as? XMLElement, element.name == name { found.append(element) }
        for child in children ?? [] {
            found += child.elements(named: name)
        }
        return found
    }

    /// The attribute's value. Looked up by hand: FoundationXML on Linux finds no attribute by name on
    /// elements in a default namespace (spreadsheetML, relationships), and crashes on their `localName`.
    func attribute(_ name: String) -> String? {
        (self as? XMLElement)?.attributes?.first { $0.name == name }?.stringValue
    }

    /// The concatenated `w:t` texts below this node: what a reader sees of a paragraph, cell or footnote.
    var wordText: String {
        elements(named: "w:t").map { $0.stringValue ?? "" }.joined()
    }
}
