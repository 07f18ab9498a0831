import Foundation

/// Text as people type it into a search box: without diacritics, lower case, single spaces.
/// "Cấp Phiếu lý lịch tư pháp" and "cap phieu ly lich tu phap" fold to the same key.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        // đ/Đ is a letter of its own, not a d with a diacritic, so folding options leave it alone.
        let replaced = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
        let folded = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
