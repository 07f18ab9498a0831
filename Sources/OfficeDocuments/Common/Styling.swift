/// A typeface and size, in points.
public struct Font: Hashable, Sendable {
    public var name: String
    public var size: Double

    public init(name: String, size: Double) {
        self.name = name
        self.size = size
    }

    /// The face Decree 30/2020/NĐ-CP requires for official documents.
    public static let timesNewRoman13 = Font(name: "Times New Roman", size: 13)
}

/// An sRGB colour. Built from components, so it always writes as a valid six-digit hex value.
public struct RGBColor: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The light grey commonly used to shade table headers.
    public static let lightGray = RGBColor(red: 0xD9, green: 0xD9, blue: 0xD9)

    /// `D9D9D9`
    var hex: String {
        [red, green, blue].map { component in
            let digits = String(component, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
