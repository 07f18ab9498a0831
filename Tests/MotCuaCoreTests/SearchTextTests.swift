import MotCuaCore
import Testing

@Suite("Search without diacritics")
struct SearchTextTests {
    @Test("Vietnamese names fold to what people type", arguments: [
        ("Cấp Phiếu lý lịch tư pháp", "cap phieu ly lich tu phap"),
        ("ĐĂNG KÝ  đầu tư", "dang ky dau tu"),
        ("Sở Tài nguyên và Môi trường", "so tai nguyen va moi truong"),
        ("Quyết định chủ trương", "quyet dinh chu truong"),
    ])
    func folds(text: String, expected: String) {
        #expect(SearchText.fold(text) == expected)
    }
}
