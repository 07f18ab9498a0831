import Foundation

/// A file as the citizen sent it, before it is checked.
public struct IncomingFile: Sendable, Hashable {
    public let fileName: String
    public let bytes: [UInt8]

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }
}

/// A file that passed the checks: its kind from its bytes, a safe name, its size and SHA-256.
public struct CheckedAttachment: Sendable, Hashable {
    public let fileName: String
    public let kind: AttachmentKind
    public let bytes: [UInt8]

    public var size: Int { bytes.count }
}

/// What an online submission may attach: how many files, how large each and all together, of which kinds.
/// Limits are settings, not constants, so that a province (or a test) can set its own.
public struct AttachmentPolicy: Sendable, Hashable {
    public var maximumFiles: Int
    public var maximumFileBytes: Int
    public var maximumTotalBytes: Int

    public init(maximumFiles: Int = 10, maximumFileBytes: Int = 5 * 1024 * 1024, maximumTotalBytes: Int = 10 * 1024 * 1024) {
        self.maximumFiles = maximumFiles
        self.maximumFileBytes = maximumFileBytes
        self.maximumTotalBytes = maximumTotalBytes
    }

    /// Checks every file; the first fault is reported in Vietnamese, naming the file.
    public func check(_ files: [IncomingFile]) throws(ValidationError) -> [CheckedAttachment] {
        let files = files.filter { !$0.fileName.isEmpty || !$0.bytes.isEmpty }  // an empty file input sends an empty part
        guard files.count <= maximumFiles else {
            throw ValidationError(field: "attachments", value: "\(files.count)",
                                  reason: "at most \(maximumFiles) files",
                                  vietnamese: "Chỉ được đính kèm tối đa \(maximumFiles) tệp.")
        }
        var checked: [CheckedAttachment] = []
        var total = 0
        for file in files {
            let name = Self.safeName(file.fileName)
            guard !file.bytes.isEmpty else {
                throw ValidationError(field: "attachments", value: name, reason: "empty file",
                                      vietnamese: "Tệp \"\(name)\" rỗng (0 byte).")
            }
            guard file.bytes.count <= maximumFileBytes else {
                throw ValidationError(field: "attachments", value: name, reason: "larger than \(maximumFileBytes) bytes",
                                      vietnamese: "Tệp \"\(name)\" quá lớn (\(Self.megabytes(file.bytes.count))); mỗi tệp tối đa \(Self.megabytes(maximumFileBytes)).")
            }
            let suffix = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } : nil
            guard let kind = AttachmentKind.detect(file.bytes), let suffix, kind.extensions.contains(suffix) else {
                throw ValidationError(field: "attachments", value: name, reason: "not a PDF, JPEG, PNG or DOCX file by content and name",
                                      vietnamese: "Tệp \"\(name)\" không đúng định dạng cho phép (\(AttachmentKind.vietnameseList)); nội dung tệp và đuôi tên tệp phải khớp nhau.")
            }
            total += file.bytes.count
            guard total <= maximumTotalBytes else {
                throw ValidationError(field: "attachments", value: name, reason: "total larger than \(maximumTotalBytes) bytes",
                                      vietnamese: "Tổng dung lượng các tệp vượt quá \(Self.megabytes(maximumTotalBytes)).")
            }
            checked.append(CheckedAttachment(fileName: name, kind: kind, bytes: file.bytes))
        }
        return checked
    }

    /// The last path component, without control characters or quotes (it goes into a header when served),
    /// at most 200 characters.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }
            .map(Character.init)).trimmed
        return cleaned.isEmpty ? "tep" : String(cleaned.suffix(200))
    }

    /// "5 MB", "1,5 MB", "300 KB": for the form's hint.
    public static func megabytesLabel(_ bytes: Int) -> String { megabytes(bytes) }

    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, bytes / 1024)) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10),\(tenths % 10) MB"
    }
}
