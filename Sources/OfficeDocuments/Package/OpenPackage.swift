import Foundation
import ZIPFoundation

/// One part of an Open Packaging Conventions package (a file inside the .docx or .xlsx zip).
struct PackagePart {
    let path: String
    let contentType: String?
    let xml: XMLWriter
}

/// Writes the parts of a .docx or .xlsx into a zip, deterministically.
enum OpenPackage {
    /// Every entry gets this modification date (the first instant a zip can record, as Office itself writes),
    /// so the same model always gives the same bytes: snapshot tests compare them, and a regenerated
    /// issued report is byte-for-byte the document that was issued.
    static let fixedModificationDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z

    /// Zips `[Content_Types].xml` (built from the parts' content types) followed by the parts in the given order.
    static func zip(_ parts: [PackagePart]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in [contentTypes(for: parts)] + parts {
            let data = part.xml.data
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(data.count),
                modificationDate: fixedModificationDate,
                permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw OfficeDocumentError.packagingFailed }
        return data
    }

    /// `[Content_Types].xml`: defaults for .rels and .xml, one override per part that declares its type.
    private static func contentTypes(for parts: [PackagePart]) -> PackagePart {
        var xml = XMLWriter()
        xml.element("Types", [("xmlns", Namespace.contentTypes)]) { xml in
            xml.emptyElement("Default", [
                ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"),
            ])
            xml.emptyElement("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            for part in parts {
                guard let contentType = part.contentType else { continue }
                xml.emptyElement("Override", [("PartName", "/" + part.path), ("ContentType", contentType)])
            }
        }
        return PackagePart(path: "[Content_Types].xml", contentType: nil, xml: xml)
    }

    /// A relationships part (`_rels/.rels`, `word/_rels/document.xml.rels`, …).
    static func relationships(at path: String, _ relationships: [Relationship]) -> PackagePart {
        var xml = XMLWriter()
        xml.element("Relationships", [("xmlns", Namespace.relationships)]) { xml in
            for relationship in relationships {
                xml.emptyElement("Relationship", [
                    ("Id", relationship.id), ("Type", relationship.type), ("Target", relationship.target),
                ])
            }
        }
        return PackagePart(path: path, contentType: nil, xml: xml)
    }

    /// `_rels/.rels` for a package whose main part is `mainPart` with the usual two property parts.
    static func rootRelationships(mainPart: String) -> PackagePart {
        relationships(at: "_rels/.rels", [
            Relationship(id: "rId1", type: RelationshipType.officeDocument, target: mainPart),
            Relationship(id: "rId2", type: RelationshipType.coreProperties, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: RelationshipType.extendedProperties, target: "docProps/app.xml"),
        ])
    }
}

struct Relationship {
    let id: String
    let type: String
    let target: String
}

enum RelationshipType {
    private static let officeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let officeDocument = officeBase + "officeDocument"
    static let extendedProperties = officeBase + "extended-properties"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let styles = officeBase + "styles"
    static let settings = officeBase + "settings"
    static let footnotes = officeBase + "footnotes"
    static let header = officeBase + "header"
    static let worksheet = officeBase + "worksheet"
    static let sharedStrings = officeBase + "sharedStrings"
}

enum Namespace {
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wordprocessingML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
}
