import Foundation
import MotCuaCore
import WorkCalendar

/// The one-stop forms in force from a date, as data: each form's number, title and name, and the text that
/// issues them. A dossier prints from the set in force under its legal regime (`LegalRegime.of`): a 2021
/// dossier from Circular 01/2018/TT-VPCP, one received from 1 July 2025 from the set of Decree 118/2025.
/// An administrator replaces a set or adds one (`motcua forms import`), since the Ministry of Justice now
/// issues the forms and the numbering of Circular 03/2025/TT-VPCP is not confirmed in our sources.
public struct SlipFormSet: Sendable, Hashable, Codable, Identifiable {
    public struct Entry: Sendable, Hashable, Codable {
        public var form: SlipForm
        /// As printed: "01".
        public var number: String
        /// In capitals, the slip's title.
        public var title: String
        /// For menus and file properties: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".
        public var name: String

        public init(form: SlipForm, number: String, title: String, name: String) {
            self.form = form
            self.number = number
            self.title = title
            self.name = name
        }

        /// "Mẫu số 01".
        public var label: String { "Mẫu số \(number)" }
    }

    /// The register of dossiers a site keeps (a book, not a slip of one dossier), when the set has one.
    public struct Register: Sendable, Hashable, Codable {
        public var number: String
        public var title: String

        public init(number: String, title: String) {
            self.number = number
            self.title = title
        }

        public var label: String { "Mẫu số \(number)" }
    }

    public var id: String
    /// From this local date (inclusive), by the date of the dossier's receipt.
    public var validFrom: LocalDate
    /// "Thông tư số 01/2018/TT-VPCP".
    public var legalBasis: String
    /// How sure we are (shown with the forms), nil when the text was read in full.
    public var caveat: String?
    public var forms: [Entry]
    public var register: Register?

    enum CodingKeys: String, CodingKey { case id, validFrom = "valid_from", legalBasis = "legal_basis", caveat, forms, register }

    public init(id: String, validFrom: LocalDate, legalBasis: String, caveat: String? = nil, forms: [Entry],
                register: Register? = nil) {
        self.id = id
        self.validFrom = validFrom
        self.legalBasis = legalBasis
        self.caveat = caveat
        self.forms = forms
        self.register = register
    }

    public func entry(_ form: SlipForm) -> Entry? { forms.first { $0.form == form } }

    /// Checks a set an administrator supplies: an id, at least one form, no form twice, titles and numbers.
    public func validated() throws(ValidationError) -> SlipFormSet {
        func fail(_ field: String, _ reason: String, _ vi: String) -> ValidationError {
            ValidationError(field: "form_set.\(field)", value: id, reason: reason, vietnamese: vi)
        }
        guard !Self.blank(id) else { throw fail("id", "the set needs an id", "Bộ biểu mẫu phải có mã.") }
        guard !Self.blank(legalBasis) else { throw fail("legal_basis", "the set needs its legal basis", "Bộ biểu mẫu phải có căn cứ ban hành.") }
        guard !forms.isEmpty else { throw fail("forms", "the set lists no form", "Bộ biểu mẫu chưa có mẫu nào.") }
        var seen: Set<SlipForm> = []
        for entry in forms {
            guard seen.insert(entry.form).inserted else {
                throw fail("forms", "\(entry.form.rawValue) is listed twice", "Mẫu \(entry.form.rawValue) bị khai báo hai lần.")
            }
            guard !Self.blank(entry.number), !Self.blank(entry.title), !Self.blank(entry.name) else {
                throw fail("forms", "\(entry.form.rawValue) needs a number, a title and a name",
                           "Mẫu \(entry.form.rawValue) phải có số hiệu, tiêu đề và tên.")
            }
        }
        return self
    }

    // MARK: Built-in sets

    /// Circular 01/2018/TT-VPCP (guiding Decree 61/2018/NĐ-CP): the five forms the 2021 slips print, unchanged.
    public static let circular01of2018 = SlipFormSet(
        id: "tt01-2018", validFrom: date(2018, 6, 21), legalBasis: "Thông tư số 01/2018/TT-VPCP",
        forms: [
            Entry(form: .receipt, number: "01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                  name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            Entry(form: .supplementRequest, number: "02", title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                  name: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            Entry(form: .refusal, number: "03", title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                  name: "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            Entry(form: .apology, number: "04", title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                  name: "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
            Entry(form: .processControl, number: "05", title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                  name: "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        ])

    /// The set of Decree 118/2025/NĐ-CP, reportedly Circular 03/2025/TT-VPCP: about seven forms, among them a
    /// notice that processing is stopped, the apology letter renamed to an apology-and-extension letter, and a
    /// receipt for a dossier accepted regardless of administrative boundaries. Numbers are ours until the
    /// text is checked (LAW-2026: "numbering not confirmed").
    public static let circular03of2025 = SlipFormSet(
        id: "tt03-2025", validFrom: date(2025, 7, 1), legalBasis: "Thông tư số 03/2025/TT-VPCP",
        caveat: "Số hiệu và tiêu đề mẫu theo bản tóm tắt Thông tư 03/2025/TT-VPCP, chưa đối chiếu với văn bản gốc; quản trị viên có thể thay bộ biểu mẫu.",
        forms: [
            Entry(form: .receipt, number: "01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                  name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            Entry(form: .acceptanceOnBehalf, number: "01a",
                  title: "GIẤY TIẾP NHẬN HỒ SƠ KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH",
                  name: "Giấy tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính"),
            Entry(form: .supplementRequest, number: "02", title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                  name: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            Entry(form: .refusal, number: "03", title: "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
                  name: "Phiếu từ chối tiếp nhận, giải quyết hồ sơ"),
            Entry(form: .apology, number: "04", title: "PHIẾU XIN LỖI VÀ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ",
                  name: "Phiếu xin lỗi và gia hạn thời gian giải quyết hồ sơ"),
            Entry(form: .processControl, number: "05", title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                  name: "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            Entry(form: .stopNotice, number: "06", title: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                  name: "Thông báo dừng giải quyết hồ sơ"),
        ],
        register: Register(number: "07", title: "SỔ THEO DÕI HỒ SƠ"))

    public static let builtIn: [SlipFormSet] = [circular01of2018, circular03of2025]

    /// The set in force on `date`: the latest of `sets` valid from then or before (the earliest otherwise).
    public static func inForce(on date: LocalDate, among sets: [SlipFormSet] = builtIn) -> SlipFormSet {
        let sorted = sets.sorted { $0.validFrom < $1.validFrom }
        return sorted.last { $0.validFrom <= date } ?? sorted.first ?? circular01of2018
    }

    /// The set a dossier prints from: the one in force on the first day of its legal regime.
    public static func of(_ dossier: Dossier, among sets: [SlipFormSet] = builtIn) -> SlipFormSet {
        inForce(on: VietnamTime.localDate(of: dossier.receivedAt ?? dossier.acceptedAt ?? dossier.registeredAt), among: sets)
    }

    /// The built-in sets with an administrator's sets laid over them (same id replaces, new id adds).
    public static func merged(_ stored: [SlipFormSet]) -> [SlipFormSet] {
        var byID = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.id, $0) })
        for set in stored { byID[set.id] = set }
        return byID.values.sorted { $0.validFrom < $1.validFrom }
    }

    private static func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        do { return try LocalDate(year: year, month: month, day: day) } catch { fatalError("constant date") }
    }
}
