/// Conversions from the model's human units (millimetres, points) to the integer units OOXML stores.
/// They throw instead of trapping: `Int(Double.nan)` would crash the server on a bad model.
enum Units {
    /// Twentieths of a point ("dxa"): page sizes, margins, indents, widths. 1 inch = 25.4 mm = 1440 twips.
    static func twips(millimetres: Double, _ what: @autoclosure () -> String) throws -> Int {
        try rounded(millimetres * 1440 / 25.4, what())
    }

    /// Twentieths of a point: paragraph spacing and exact line heights.
    static func twips(points: Double, _ what: @autoclosure () -> String) throws -> Int {
        try rounded(points * 20, what())
    }

    /// Half-points: font sizes in WordprocessingML.
    static func halfPoints(_ points: Double, _ what: @autoclosure () -> String) throws -> Int {
        try rounded(points * 2, what())
    }

    /// 240ths of a line: proportional line spacing (`w:lineRule="auto"`), 240 being single spacing.
    static func lineMultiple(_ multiple: Double, _ what: @autoclosure () -> String) throws -> Int {
        try rounded(multiple * 240, what())
    }

    private static func rounded(_ value: Double, _ what: String) throws -> Int {
        guard value.isFinite, abs(value) < 1_000_000_000 else {
            throw OfficeDocumentError.invalidMeasurement("\(what) = \(value)")
        }
        return Int(value.rounded())
    }
}
