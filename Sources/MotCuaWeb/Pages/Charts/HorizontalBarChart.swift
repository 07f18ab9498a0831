import Foundation

/// Horizontal bars, one per row, their lengths proportional to the value against `maximum` (100 for a
/// rate, the largest value for counts). Labels on the left, the value written after the bar.
struct HorizontalBarChart: Sendable {
    struct Bar: Sendable, Hashable {
        let label: String
        let value: Double
        /// The value as people read it: "97,3%", "12".
        let valueText: String
    }

    let id: String
    let title: String
    let bars: [Bar]
    /// The value of a full-length bar; nil means the largest value (at least 1).
    var maximum: Double? = nil
    var colour: ChartColour = .good

    static let width = 720.0, labelWidth = 300.0, barArea = 340.0, rowHeight = 30.0, barHeight = 20.0, top = 8.0
    static let labelLimit = 32

    var scale: Double { max(maximum ?? bars.map(\.value).max() ?? 1, 1) }

    /// The bar's length in the viewBox: 0 for nothing (or less), the whole area at the maximum and beyond.
    func length(of value: Double) -> Double {
        Self.barArea * min(max(value, 0) / scale, 1)
    }

    var height: Double { Self.top * 2 + Double(max(bars.count, 1)) * Self.rowHeight }

    var svg: String {
        var out = SVGText.open(id: id, title: title, width: Self.width, height: height)
        if bars.isEmpty {
            out += "<text x=\"0\" y=\"\(SVGText.number(Self.top + 20))\" class=\"chart-empty\">Không có số liệu trong kỳ.</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let textY = SVGText.number(y + Self.barHeight - 5)
            let length = length(of: bar.value)
            out += "<g class=\"bar\"><title>\(SVGText.escaped("\(bar.label): \(bar.valueText)"))</title>"
            out += "<text x=\"\(SVGText.number(Self.labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\" class=\"chart-label\">"
                + SVGText.escaped(SVGText.shortened(bar.label, limit: Self.labelLimit)) + "</text>"
            out += "<rect x=\"\(SVGText.number(Self.labelWidth))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(length))\" "
                + "height=\"\(SVGText.number(Self.barHeight))\" class=\"\(colour.cssClass)\" fill=\"\(colour.fill)\"/>"
            out += "<text x=\"\(SVGText.number(Self.labelWidth + length + 6))\" y=\"\(textY)\" class=\"chart-value\">"
                + SVGText.escaped(bar.valueText) + "</text></g>"
        }
        return out + "</svg>"
    }
}
