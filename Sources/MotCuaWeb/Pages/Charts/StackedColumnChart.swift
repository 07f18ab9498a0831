import Foundation

/// Vertical columns, each a stack of the series' values (receipts of a week by channel), heights
/// proportional to the largest column's total; a legend above, the column's label below.
struct StackedColumnChart: Sendable {
    struct Series: Sendable, Hashable {
        let name: String
        let colour: ChartColour
    }

    struct Column: Sendable, Hashable {
        let label: String
        /// One value per series, in the order of `series`.
        let values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    let id: String
    let title: String
    let series: [Series]
    let columns: [Column]

    static let width = 720.0, plotHeight = 220.0, top = 36.0, bottom = 40.0, left = 44.0, right = 8.0

    var height: Double { Self.top + Self.plotHeight + Self.bottom }
    var scale: Double { Double(max(columns.map(\.total).max() ?? 0, 1)) }
    var slot: Double { (Self.width - Self.left - Self.right) / Double(max(columns.count, 1)) }
    var columnWidth: Double { max(slot * 0.7, 1) }

    /// The height of a value's segment in the viewBox.
    func height(of value: Int) -> Double { Self.plotHeight * Double(max(value, 0)) / scale }

    var svg: String {
        var out = SVGText.open(id: id, title: title, width: Self.width, height: height)
        var legendX = Self.left
        for item in series {
            out += "<rect x=\"\(SVGText.number(legendX))\" y=\"8\" width=\"14\" height=\"14\" class=\"\(item.colour.cssClass)\" fill=\"\(item.colour.fill)\"/>"
            out += "<text x=\"\(SVGText.number(legendX + 20))\" y=\"20\" class=\"chart-label\">\(SVGText.escaped(item.name))</text>"
            legendX += 40 + Double(item.name.count) * 9
        }
        let baseline = Self.top + Self.plotHeight
        out += "<line x1=\"\(SVGText.number(Self.left))\" y1=\"\(SVGText.number(baseline))\" x2=\"\(SVGText.number(Self.width - Self.right))\" "
            + "y2=\"\(SVGText.number(baseline))\" stroke=\"#4a5560\" stroke-width=\"1\"/>"
        out += "<text x=\"\(SVGText.number(Self.left - 6))\" y=\"\(SVGText.number(Self.top + 4))\" text-anchor=\"end\" class=\"chart-value\">"
            + SVGText.number(scale) + "</text>"
        if columns.isEmpty {
            out += "<text x=\"\(SVGText.number(Self.left + 8))\" y=\"\(SVGText.number(Self.top + 40))\" class=\"chart-empty\">Không có số liệu trong kỳ.</text>"
        }
        let labelEvery = max(1, Int((Double(columns.count) / 12).rounded(.up)))
        for (index, column) in columns.enumerated() {
            let x = Self.left + Double(index) * slot + (slot - columnWidth) / 2
            var y = baseline
            let summary = zip(series, column.values).map { "\($0.name) \($1)" }.joined(separator: ", ")
            out += "<g class=\"column\"><title>\(SVGText.escaped("\(column.label): \(summary)"))</title>"
            for (item, value) in zip(series, column.values) where value > 0 {
                let h = height(of: value)
                y -= h
                out += "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(columnWidth))\" "
                    + "height=\"\(SVGText.number(h))\" class=\"\(item.colour.cssClass)\" fill=\"\(item.colour.fill)\"/>"
            }
            if index % labelEvery == 0 {
                out += "<text x=\"\(SVGText.number(x + columnWidth / 2))\" y=\"\(SVGText.number(baseline + 18))\" text-anchor=\"middle\" class=\"chart-label small\">"
                    + SVGText.escaped(column.label) + "</text>"
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}
