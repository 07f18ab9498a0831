import Foundation

/// Writing SVG by hand: every label and attribute value comes from the database (agency names, dates), so
/// each one is escaped here; numbers are written with a dot and at most two decimals, whatever the locale.
enum SVGText {
    static func escaped(_ text: String) -> String { HTMLEscaping.attribute(text) }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: ",", with: ".")
    }

    /// A label cut to `limit` characters (the full text stays in the data table and the bar's tooltip).
    static func shortened(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The opening of an accessible chart: `role="img"`, a label, and a `<title>` that screen readers and
    /// tooltips read.
    static func open(id: String, title: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(escaped(id))\" class=\"chart\" role=\"img\" "
            + "aria-label=\"\(escaped(title))\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>\(escaped(title))</title>"
    }
}

/// A colour of a chart: the stylesheet's class, and the same colour as a presentation attribute so that
/// the chart reads right even where the stylesheet did not load (printouts, saved pages).
struct ChartColour: Sendable, Hashable {
    let cssClass: String
    let fill: String

    static let counter = ChartColour(cssClass: "c-counter", fill: "#0b4f8a")
    static let online = ChartColour(cssClass: "c-online", fill: "#1d6b2f")
    static let postal = ChartColour(cssClass: "c-postal", fill: "#8a5300")
    static let good = ChartColour(cssClass: "c-good", fill: "#1d6b2f")
    static let bad = ChartColour(cssClass: "c-bad", fill: "#a4161a")
}
