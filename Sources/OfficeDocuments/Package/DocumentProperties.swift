import Foundation

/// What File › Properties shows, for both documents and workbooks.
///
/// There is no "now" default: a document's bytes depend only on its model, so a creation date must be
/// passed in (for an issued report, the issue date) or is left out.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String
    public var subject: String
    public var creator: String
    /// BCP 47 tag of the text's language; Word also uses it for spelling and hyphenation.
    public var language: String
    public var created: Date?

    public init(
        title: String = "",
        subject: String = "",
        creator: String = "",
        language: String = "vi-VN",
        created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.language = language
        self.created = created
    }
}

extension DocumentProperties {
    /// `docProps/core.xml` (Dublin Core metadata).
    func corePart() -> PackagePart {
        var xml = XMLWriter()
        xml.element("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ]) { xml in
            if !title.isEmpty { xml.element("dc:title", text: title) }
            if !subject.isEmpty { xml.element("dc:subject", text: subject) }
            if !creator.isEmpty { xml.element("dc:creator", text: creator) }
            xml.element("dc:language", text: language)
            if let created {
                let stamp = Self.w3cDateTime(created)
                xml.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
                xml.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
            }
        }
        return PackagePart(
            path: "docProps/core.xml",
            contentType: "application/vnd.openxmlformats-package.core-properties+xml",
            xml: xml
        )
    }

    /// `docProps/app.xml` (extended properties); only the application name, which is constant.
    func appPart() -> PackagePart {
        var xml = XMLWriter()
        xml.element("Properties", [
            ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
            ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
        ]) { xml in
            xml.element("Application", text: "MotCua OfficeDocuments")
        }
        return PackagePart(
            path: "docProps/app.xml",
            contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            xml: xml
        )
    }

    /// `2026-02-05T01:30:00Z`, computed in UTC so the machine's time zone cannot change the bytes.
    static func w3cDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 1980)-\(two(parts.month))-\(two(parts.day))T"
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}
