import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MotCuaWeb
import Testing

/// Reads an SVG document back: well-formedness, and every element with its attributes in order.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Element { let name: String; let attributes: [String: String] }
    private(set) var elements: [Element] = []
    private(set) var texts: [String] = []
    private var text = ""

    static func read(_ svg: String) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !text.isEmpty { texts.append(text) }
        text = ""
    }

    func rects(class cssClass: String) -> [Element] {
        elements.filter { $0.name == "rect" && $0.attributes["class"] == cssClass }
    }
}

@Suite("Server-drawn SVG charts")
struct ChartTests {
    @Test("horizontal bars: lengths proportional to the values, 0 % empty and 100 % full")
    func horizontalProportions() throws {
        let values = [0.0, 25, 50, 97.3, 100]
        let chart = HorizontalBarChart(id: "bieu-do-dung-han", title: "Tỷ lệ đúng hạn",
                                       bars: values.map { .init(label: "Cơ quan \($0)", value: $0, valueText: "\($0)%") },
                                       maximum: 100)
        let reader = try SVGReader.read(chart.svg)
        let widths = reader.rects(class: ChartColour.good.cssClass).compactMap { Double($0.attributes["width"] ?? "") }
        #expect(widths.count == values.count)
        #expect(widths.first == 0)
        #expect(widths.last == HorizontalBarChart.barArea)
        for (value, width) in zip(values, widths) {
            #expect(abs(width - HorizontalBarChart.barArea * value / 100) < 0.01, "\(value)")
        }
        let root = try #require(reader.elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img" && root.attributes["id"] == "bieu-do-dung-han")
        #expect(root.attributes["aria-label"] == "Tỷ lệ đúng hạn")
        #expect(reader.elements.dropFirst().first?.name == "title")
    }

    @Test("counts scale to the largest; values past the maximum stop at the full length")
    func horizontalCounts() throws {
        let counts = HorizontalBarChart(id: "c", title: "t", bars: [.init(label: "a", value: 3, valueText: "3"),
                                                                   .init(label: "b", value: 12, valueText: "12")], colour: .bad)
        let widths = try SVGReader.read(counts.svg).rects(class: "c-bad").compactMap { Double($0.attributes["width"] ?? "") }
        #expect(widths == [HorizontalBarChart.barArea / 4, HorizontalBarChart.barArea])
        let over = HorizontalBarChart(id: "c", title: "t", bars: [], maximum: 100)
        #expect(over.length(of: 140) == HorizontalBarChart.barArea)
        #expect(over.length(of: -5) == 0)
    }

    @Test("labels and titles are escaped: markup in an agency name stays text")
    func escaping() throws {
        let name = "Sở <script>alert(1)</script> & \"Nội vụ\" 'x'"
        let chart = HorizontalBarChart(id: "x\"><script>", title: "A & <B>", bars: [.init(label: name, value: 1, valueText: "1 < 2")])
        #expect(!chart.svg.contains("<script>"))
        let reader = try SVGReader.read(chart.svg)
        #expect(reader.elements.first?.attributes["id"] == "x\"><script>")
        #expect(reader.texts.contains("A & <B>"))
        #expect(reader.texts.contains("\(name): 1 < 2"))
        let stacked = StackedColumnChart(id: "s", title: "t", series: [.init(name: "<i>", colour: .counter)],
                                         columns: [.init(label: "a&b", values: [1])])
        #expect(try SVGReader.read(stacked.svg).texts.contains("a&b"))
    }

    @Test("no data: a well-formed chart that says so")
    func empty() throws {
        for svg in [HorizontalBarChart(id: "e", title: "t", bars: []).svg,
                    StackedColumnChart(id: "e", title: "t", series: [.init(name: "a", colour: .online)], columns: []).svg] {
            let reader = try SVGReader.read(svg)
            #expect(reader.texts.contains("Không có số liệu trong kỳ."))
            #expect(reader.elements.filter { $0.name == "rect" && $0.attributes["class"] != "c-online" }.isEmpty)
        }
    }

    @Test("stacked columns: segments proportional to the largest total, stacked without gaps")
    func stacked() throws {
        let chart = StackedColumnChart(
            id: "bieu-do-tiep-nhan", title: "Tiếp nhận",
            series: [.init(name: "Trực tiếp", colour: .counter), .init(name: "Trực tuyến", colour: .online),
                     .init(name: "Bưu chính", colour: .postal)],
            columns: [.init(label: "05/7", values: [10, 20, 10]), .init(label: "12/7", values: [5, 0, 5])])
        let reader = try SVGReader.read(chart.svg)
        func heights(_ c: ChartColour) -> [Double] {
            reader.rects(class: c.cssClass).dropFirst().compactMap { Double($0.attributes["height"] ?? "") }  // first: legend
        }
        let full = StackedColumnChart.plotHeight
        #expect(heights(.counter) == [full / 4, full / 8])
        #expect(heights(.online) == [full / 2])  // a zero segment draws nothing
        #expect(heights(.postal) == [full / 4, full / 8])
        let first = reader.rects(class: "c-counter")[1], second = reader.rects(class: "c-online")[1]
        let top = Double(first.attributes["y"]!)!, bottom = Double(second.attributes["y"]!)! + Double(second.attributes["height"]!)!
        #expect(abs(top - bottom) < 0.01)
        #expect(abs(top + full / 4 - (StackedColumnChart.top + full)) < 0.01)
    }
}
