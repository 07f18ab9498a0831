/// The fixed parts of a .docx around the body: styles, settings and the page-number header.
enum WordParts {
    /// `word/styles.xml`: document defaults from the model's font and language, and the few styles the
    /// writer refers to. Style ids and names are Word's built-in ones, so Word treats them as its own.
    static func styles(font: Font, footnoteFontSize: Double, language: String) throws -> PackagePart {
        let bodySize = String(try Units.halfPoints(font.size, "document font size"))
        let footnoteSize = String(try Units.halfPoints(footnoteFontSize, "footnote font size"))
        var xml = XMLWriter()
        xml.element("w:styles", [("xmlns:w", Namespace.wordprocessingML)]) { xml in
            xml.element("w:docDefaults") { xml in
                xml.element("w:rPrDefault") { xml in
                    xml.element("w:rPr") { xml in
                        xml.emptyElement("w:rFonts", [
                            ("w:ascii", font.name), ("w:hAnsi", font.name), ("w:eastAsia", font.name), ("w:cs", font.name),
                        ])
                        xml.emptyElement("w:sz", [("w:val", bodySize)])
                        xml.emptyElement("w:szCs", [("w:val", bodySize)])
                        xml.emptyElement("w:lang", [("w:val", language)])
                    }
                }
                xml.element("w:pPrDefault") { xml in
                    xml.element("w:pPr") { xml in
                        xml.emptyElement("w:spacing", [("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
                    }
                }
            }
            xml.element("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")]) { xml in
                xml.emptyElement("w:name", [("w:val", "Normal")])
                xml.emptyElement("w:qFormat")
            }
            xml.element("w:style", [("w:type", "character"), ("w:default", "1"), ("w:styleId", "DefaultParagraphFont")]) { xml in
                xml.emptyElement("w:name", [("w:val", "Default Paragraph Font")])
                xml.emptyElement("w:uiPriority", [("w:val", "1")])
                xml.emptyElement("w:semiHidden")
                xml.emptyElement("w:unhideWhenUsed")
            }
            xml.element("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")]) { xml in
                xml.emptyElement("w:name", [("w:val", "Normal Table")])
                xml.emptyElement("w:uiPriority", [("w:val", "99")])
                xml.emptyElement("w:semiHidden")
                xml.emptyElement("w:unhideWhenUsed")
                xml.element("w:tblPr") { xml in
                    xml.emptyElement("w:tblInd", [("w:w", "0"), ("w:type", "dxa")])
                    xml.element("w:tblCellMar") { xml in
                        xml.emptyElement("w:top", [("w:w", "0"), ("w:type", "dxa")])
                        xml.emptyElement("w:left", [("w:w", "108"), ("w:type", "dxa")])
                        xml.emptyElement("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                        xml.emptyElement("w:right", [("w:w", "108"), ("w:type", "dxa")])
                    }
                }
            }
            xml.element("w:style", [("w:type", "paragraph"), ("w:styleId", "FootnoteText")]) { xml in
                xml.emptyElement("w:name", [("w:val", "footnote text")])
                xml.emptyElement("w:basedOn", [("w:val", "Normal")])
                xml.emptyElement("w:uiPriority", [("w:val", "99")])
                xml.emptyElement("w:unhideWhenUsed")
                xml.element("w:rPr") { xml in
                    xml.emptyElement("w:sz", [("w:val", footnoteSize)])
                    xml.emptyElement("w:szCs", [("w:val", footnoteSize)])
                }
            }
            xml.element("w:style", [("w:type", "character"), ("w:styleId", "FootnoteReference")]) { xml in
                xml.emptyElement("w:name", [("w:val", "footnote reference")])
                xml.emptyElement("w:basedOn", [("w:val", "DefaultParagraphFont")])
                xml.emptyElement("w:uiPriority", [("w:val", "99")])
                xml.emptyElement("w:unhideWhenUsed")
                xml.element("w:rPr") { xml in
                    xml.emptyElement("w:vertAlign", [("w:val", "superscript")])
                }
            }
            xml.element("w:style", [("w:type", "paragraph"), ("w:styleId", "Header")]) { xml in
                xml.emptyElement("w:name", [("w:val", "header")])
                xml.emptyElement("w:basedOn", [("w:val", "Normal")])
                xml.emptyElement("w:uiPriority", [("w:val", "99")])
                xml.emptyElement("w:unhideWhenUsed")
                xml.element("w:pPr") { xml in
                    xml.emptyElement("w:jc", [("w:val", "center")])
                }
            }
        }
        return PackagePart(
            path: "word/styles.xml",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            xml: xml
        )
    }

    /// `word/settings.xml`. `footnotePr` names the separator footnotes; compatibilityMode 15 keeps
    /// Word 2013+ from opening the file in compatibility mode.
    static func settings() -> PackagePart {
        var xml = XMLWriter()
        xml.element("w:settings", [("xmlns:w", Namespace.wordprocessingML)]) { xml in
            xml.emptyElement("w:zoom", [("w:percent", "100")])
            xml.emptyElement("w:defaultTabStop", [("w:val", "720")])
            xml.emptyElement("w:characterSpacingControl", [("w:val", "doNotCompress")])
            xml.element("w:footnotePr") { xml in
                xml.emptyElement("w:footnote", [("w:id", "-1")])
                xml.emptyElement("w:footnote", [("w:id", "0")])
            }
            xml.element("w:compat") { xml in
                xml.emptyElement("w:compatSetting", [
                    ("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15"),
                ])
            }
        }
        return PackagePart(
            path: "word/settings.xml",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            xml: xml
        )
    }

    /// `word/header1.xml`: the page number, centred, as a PAGE field that Word and LibreOffice update.
    static func pageNumberHeader() -> PackagePart {
        var xml = XMLWriter()
        xml.element("w:hdr", [("xmlns:w", Namespace.wordprocessingML), ("xmlns:r", Namespace.officeRelationships)]) { xml in
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in xml.emptyElement("w:pStyle", [("w:val", "Header")]) }
                xml.element("w:fldSimple", [("w:instr", " PAGE ")]) { xml in
                    xml.element("w:r") { xml in xml.element("w:t", text: "1") }
                }
            }
        }
        return PackagePart(
            path: "word/header1.xml",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            xml: xml
        )
    }
}
