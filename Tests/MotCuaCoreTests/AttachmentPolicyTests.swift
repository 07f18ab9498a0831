import Foundation
@testable import MotCuaCore
import Testing

@Suite("Attachments: kind by content, limits")
struct AttachmentPolicyTests {
    static let pdf = Array("%PDF-1.7\n...".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml....xl/workbook.xml".utf8)
    static let docx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml....word/document.xml".utf8)

    @Test("the bytes decide the kind; a ZIP that is not a Word document is refused")
    func detection() {
        #expect(AttachmentKind.detect(Self.pdf) == .pdf)
        #expect(AttachmentKind.detect(Self.jpeg) == .jpeg)
        #expect(AttachmentKind.detect(Self.docx) == .docx)
        #expect(AttachmentKind.detect(Self.zip) == nil)
        #expect(AttachmentKind.detect(Array("MZ\u{90}".utf8)) == nil)
        #expect(AttachmentKind.detect([UInt8]()) == nil)
    }

    @Test("name and content must agree; limits per file, in total and in number")
    func limits() throws {
        let policy = AttachmentPolicy(maximumFiles: 2, maximumFileBytes: 20, maximumTotalBytes: 30)
        let ok = try policy.check([IncomingFile(fileName: "C:\\Users\\dan\\to khai.PDF", bytes: Self.pdf),
                                   IncomingFile(fileName: "", bytes: [])])  // an empty file input is no file
        #expect(ok.map(\.fileName) == ["to khai.PDF"] && ok.map(\.kind) == [.pdf])
        #expect(throws: ValidationError.self) { try policy.check([IncomingFile(fileName: "anh.pdf", bytes: Self.jpeg)]) }
        #expect(throws: ValidationError.self) { try policy.check([IncomingFile(fileName: "to-khai", bytes: Self.pdf)]) }
        #expect(throws: ValidationError.self) {
            try policy.check([IncomingFile(fileName: "lon.pdf", bytes: Self.pdf + [UInt8](repeating: 32, count: 20))])
        }
        #expect(throws: ValidationError.self) {
            try policy.check([IncomingFile(fileName: "a.pdf", bytes: Self.pdf), IncomingFile(fileName: "b.pdf", bytes: Self.pdf),
                              IncomingFile(fileName: "c.pdf", bytes: Self.pdf)])
        }
        do {
            _ = try policy.check([IncomingFile(fileName: "a.jpg", bytes: Self.jpeg + [UInt8](repeating: 0, count: 9)),
                                  IncomingFile(fileName: "b.jpg", bytes: Self.jpeg + [UInt8](repeating: 0, count: 9))])
            Issue.record("the total limit was not enforced")
        } catch {
            #expect(error.vietnameseMessage.contains("Tổng dung lượng"))
        }
    }
}
