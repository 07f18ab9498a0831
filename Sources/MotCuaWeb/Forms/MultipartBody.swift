import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), found in one linear pass.
///
/// An anonymous visitor chooses both the body and the boundary, so nothing here may cost more than a
/// constant times the body's length: the delimiter is found with Knuth–Morris–Pratt (no backtracking,
/// whatever the bytes), a boundary is 1–70 characters of RFC 2046's alphabet, a part's headers must end
/// within `maximumHeaderBytes`, and at most `maximumParts` parts are read (the rest are ignored).
/// Malformed parts are skipped, never a server error.
struct MultipartParts {
    struct Part {
        let name: String
        /// Set for a file part (`filename=` in its `Content-Disposition`), even when empty.
        let fileName: String?
        let content: ArraySlice<UInt8>
    }

    static let maximumBoundaryLength = 70
    static let maximumHeaderBytes = 8 * 1024
    static let maximumParts = 64

    let parts: [Part]

    /// Whether `boundary` is one RFC 2046 allows: 1–70 of `bchars`, not ending with a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...maximumBoundaryLength).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                true
            default:
                "'()+_,-./:=? ".utf8.contains(byte)
            }
        }
    }

    /// The parts of `body`; no parts for an invalid boundary.
    init(_ body: [UInt8], boundary: String) {
        guard Self.isValidBoundary(boundary) else { parts = []; return }
        // Every delimiter but the first is preceded by CRLF; a virtual CRLF before the body lets one search
        // find the first too.
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let positions = Self.occurrences(of: delimiter, in: body, virtualPrefix: 2)
        var parts: [Part] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            guard parts.count < Self.maximumParts else { break }
            // After the delimiter: CRLF, then the part's headers.
            let contentStart = start + delimiter.count + 2
            guard contentStart <= end, let part = Self.part(body[contentStart..<end]) else { continue }
            parts.append(part)
        }
        self.parts = parts
    }

    /// The positions where `needle` starts in `prefix + haystack`, counted from the haystack's first byte (a
    /// match that starts in the virtual prefix has a negative position). The prefix is `needle`'s first
    /// `virtualPrefix` bytes. Linear in the haystack's length.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8], virtualPrefix: Int) -> [Int] {
        let failure = failureTable(needle)
        var found: [Int] = []
        var matched = 0
        needle.withUnsafeBufferPointer { pattern in
            haystack.withUnsafeBufferPointer { text in
                let total = virtualPrefix + text.count
                var index = 0
                while index < total {
                    let byte = index < virtualPrefix ? pattern[index] : text[index - virtualPrefix]
                    while matched > 0, pattern[matched] != byte { matched = failure[matched - 1] }
                    if pattern[matched] == byte { matched += 1 }
                    if matched == pattern.count {
                        found.append(index + 1 - pattern.count - virtualPrefix)
                        matched = failure[matched - 1]
                    }
                    index += 1
                }
            }
        }
        return found
    }

    /// Knuth–Morris–Pratt: for each prefix of `pattern`, the length of its longest proper border.
    private static func failureTable(_ pattern: [UInt8]) -> [Int] {
        var table = [Int](repeating: 0, count: pattern.count)
        var length = 0
        var index = 1
        while index < pattern.count {
            if pattern[index] == pattern[length] {
                length += 1
                table[index] = length
                index += 1
            } else if length > 0 {
                length = table[length - 1]
            } else {
                index += 1
            }
        }
        return table
    }

    /// One part: headers up to the first blank line, then the content. Nil when malformed or nameless.
    private static func part(_ bytes: ArraySlice<UInt8>) -> Part? {
        let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
        let searchEnd = min(bytes.endIndex, bytes.startIndex + maximumHeaderBytes + headerEnd.count)
        var split: Int?
        var index = bytes.startIndex
        while index + headerEnd.count <= searchEnd {
            if bytes[index] == headerEnd[0], bytes[index..<(index + headerEnd.count)].elementsEqual(headerEnd) {
                split = index
                break
            }
            index += 1
        }
        guard let split else { return nil }
        let headers = String(decoding: bytes[bytes.startIndex..<split], as: UTF8.self)
        guard let disposition = headers.split(separator: "\r\n").first(where: {
            $0.lowercased().hasPrefix("content-disposition:")
        }), let name = FormFields.quotedParameter("name", in: disposition) else { return nil }
        return Part(name: name, fileName: FormFields.quotedParameter("filename", in: disposition),
                    content: bytes[(split + headerEnd.count)...])
    }
}
