import Foundation

/// The kinds of file a citizen may attach to an online dossier. A file's kind is decided by its first bytes
/// (its "magic number"), never by the name it was sent with: a renamed executable stays refused.
public enum AttachmentKind: String, Sendable, Hashable, CaseIterable, Codable {
    case pdf, jpeg, png, docx

    /// The content type we store and serve the file with (never the one the browser claimed).
    public var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }

    /// The file name extensions that may carry this kind, lower case.
    public var extensions: Set<String> {
        switch self {
        case .pdf: return ["pdf"]
        case .jpeg: return ["jpg", "jpeg"]
        case .png: return ["png"]
        case .docx: return ["docx"]
        }
    }

    /// "PDF, JPEG, PNG, DOCX": for the form's hint and the error messages.
    public static let vietnameseList = "PDF, JPEG, PNG hoặc DOCX"

    /// The kind the bytes are, if any we accept.
    public static func detect(_ bytes: some Collection<UInt8>) -> AttachmentKind? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        // A DOCX is a ZIP package whose entries include "[Content_Types].xml" and the "word/" part; a plain
        // ZIP (or an XLSX, a JAR) starts the same way and is refused.
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let data = Data(bytes)
            if data.range(of: Data("[Content_Types].xml".utf8)) != nil, data.range(of: Data("word/".utf8)) != nil {
                return .docx
            }
        }
        return nil
    }
}
