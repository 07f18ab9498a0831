import Foundation

/// One attribute of an element: a name written in this library's source and a value that is always escaped.
typealias XMLAttribute = (name: StaticString, value: String)

/// Builds the text of one XML part.
///
/// Escaping holds by construction: element and attribute names are `StaticString`s, so only names
/// spelled in this library's source can appear, and every value and text goes through `XMLWriter.escaped`.
/// There is deliberately no method that appends unescaped text.
struct XMLWriter {
    private(set) var text = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// `<name attributes>content</name>`
    mutating func element(
        _ name: StaticString,
        _ attributes: [XMLAttribute] = [],
        content: (inout XMLWriter) throws -> Void
    ) rethrows {
        openTag(name, attributes)
        text += ">"
        try content(&self)
        closeTag(name)
    }

    /// `<name attributes>escaped text</name>`
    mutating func element(_ name: StaticString, _ attributes: [XMLAttribute] = [], text value: String) {
        openTag(name, attributes)
        text += ">"
        text += Self.escaped(value)
        closeTag(name)
    }

    /// `<name attributes/>`
    mutating func emptyElement(_ name: StaticString, _ attributes: [XMLAttribute] = []) {
        openTag(name, attributes)
        text += "/>"
    }

    /// Escaped character data inside the current element.
    mutating func characters(_ value: String) {
        text += Self.escaped(value)
    }

    var data: Data { Data(text.utf8) }

    private mutating func openTag(_ name: StaticString, _ attributes: [XMLAttribute]) {
        text += "<"
        text += name.description
        for attribute in attributes {
            text += " "
            text += attribute.name.description
            text += "=\""
            text += Self.escaped(attribute.value)
            text += "\""
        }
    }

    private mutating func closeTag(_ name: StaticString) {
        text += "</"
        text += name.description
        text += ">"
    }

    /// Escapes text for use both as character data and as a double- or single-quoted attribute value.
    ///
    /// - Text is normalised to NFC: Vietnamese typed on some keyboards arrives decomposed (a base letter
    ///   followed by combining marks), which many fonts stack badly and which search does not match.
    /// - `&<>"'` become entities. Tab, line feed and carriage return become character references so that
    ///   attribute-value normalisation and line-end normalisation cannot turn them into spaces or drop `\r`.
    /// - Characters that XML 1.0 forbids even as references (most C0 controls, U+FFFE, U+FFFF) become
    ///   U+FFFD, so a stray control character from pasted text cannot make the whole document unreadable.
    static func escaped(_ value: String) -> String {
        let normalised = value.precomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&apos;".unicodeScalars)
            case "\t": result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default:
                result.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }

    /// The `Char` production of XML 1.0 (tab, line feed and carriage return are handled before this).
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
