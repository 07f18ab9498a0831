import Foundation
import Testing
@testable import OfficeDocuments

@Suite("XML escaping")
struct XMLEscapingTests {
    @Test("the five markup characters become entities")
    func markupCharacters() {
        #expect(XMLWriter.escaped(#"<a href="x">Tom & 'Jerry'</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
    }

    @Test("tab, line feed and carriage return survive attribute and line-end normalisation")
    func whitespaceReferences() {
        #expect(XMLWriter.escaped("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test("characters XML forbids become U+FFFD instead of breaking the document")
    func forbiddenCharacters() {
        #expect(XMLWriter.escaped("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test("Vietnamese typed decomposed is written precomposed (NFC)")
    func normalisesToNFC() {
        let decomposed = "Đă\u{0301}k Nông, nga\u{0300}y"  // ắ and à as base letter + combining accent
        let escaped = XMLWriter.escaped(decomposed)
        #expect(Array(escaped.unicodeScalars) == Array("Đắk Nông, ngày".unicodeScalars))
    }

    @Test("text that looks like markup stays text in the document")
    func noInjectionThroughRuns() throws {
        let attack = #"</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>x"#
        let document = WordDocument(
            font: Font(name: #"Times" New"#, size: 13),
            properties: DocumentProperties(title: #"a"/><x y=""#),
            body: [.paragraph(Paragraph(attack))]
        )
        let package = try UnzippedPackage(try document.docxData())
        let xml = try package.xml("word/document.xml")
        let texts = xml.elements(named: "w:t").map { $0.stringValue ?? "" }
        #expect(texts == [attack])
        #expect(xml.elements(named: "w:b").isEmpty)
        let styles = try package.xml("word/styles.xml")
        #expect(styles.elements(named: "w:rFonts").first?.attribute("w:ascii") == #"Times" New"#)
        let core = try package.xml("docProps/core.xml")
        #expect(core.elements(named: "dc:title").first?.stringValue == #"a"/><x y=""#)
    }

    @Test("the writer's element names are compile-time strings")
    func namesAreStatic() {
        var xml = XMLWriter()
        xml.element("root", [("key", "<&>")], text: "\"'")
        #expect(xml.text.hasSuffix(#"<root key="&lt;&amp;&gt;">&quot;&apos;</root>"#))
    }
}
