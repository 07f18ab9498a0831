import Foundation

/// Who submits a dossier: a person or an organisation.
public struct Applicant: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person
        case organisation
    }

    public let kind: Kind
    public let name: String
    /// Citizen identity number (12 digits), old ID card (9 digits) or passport for a person; enterprise or
    /// tax code (10 digits, or 13 with a branch suffix `-001`) for an organisation. Letters upper-cased.
    public let idNumber: String
    /// Digits only, Vietnamese national form ("0912345678"); `+84` is turned into `0`.
    public let phone: String?
    public let email: String?
    public let address: String?

    public init(kind: Kind, name: String, idNumber: String, phone: String? = nil, email: String? = nil,
                address: String? = nil) throws(ValidationError) {
        let name = name.trimmed
        guard !name.isEmpty else {
            throw ValidationError(field: "applicant.name", reason: "the applicant's name must not be empty",
                                  vietnamese: "Họ tên (tên tổ chức) của người nộp hồ sơ không được để trống.")
        }
        self.kind = kind
        self.name = name
        self.idNumber = try Applicant.normalizedID(idNumber, kind: kind)
        self.phone = try phone.map(Applicant.normalizedPhone).flatMap { $0.isEmpty ? nil : $0 }
        self.email = try email.map(Applicant.normalizedEmail).flatMap { $0.isEmpty ? nil : $0 }
        let address = address?.trimmed
        self.address = address?.isEmpty == true ? nil : address
    }

    /// Shown in place of personal data to a reader who may not see it.
    public static let hiddenMark = "(đã ẩn)"

    /// The applicant as a reader without the right to personal data sees it (`Principal.mayReadPersonalData`):
    /// the kind and the name; the identity number and the contacts given are replaced by `hiddenMark`.
    public func redacted() -> Applicant {
        Applicant(unchecked: kind, name: name, idNumber: Self.hiddenMark, phone: phone.map { _ in Self.hiddenMark },
                  email: email.map { _ in Self.hiddenMark }, address: address.map { _ in Self.hiddenMark })
    }

    /// Values as they are, unchecked: only for `redacted()`.
    private init(unchecked kind: Kind, name: String, idNumber: String, phone: String?, email: String?, address: String?) {
        self.kind = kind
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.address = address
    }

    enum CodingKeys: String, CodingKey { case kind, name, idNumber = "id_number", phone, email, address }

    /// Written whole, unless the encoder's `userInfo[.hidesPersonalData]` is true: then only the kind and the
    /// name, for readers who oversee a dossier without working on it (Decree 13/2023/NĐ-CP).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        guard encoder.userInfo[.hidesPersonalData] as? Bool != true else { return }
        try c.encode(idNumber, forKey: .idNumber)
        try c.encodeIfPresent(phone, forKey: .phone)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(address, forKey: .address)
    }

    /// Decoding validates like `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(kind: c.decode(Kind.self, forKey: .kind), name: c.decode(String.self, forKey: .name),
                      idNumber: c.decode(String.self, forKey: .idNumber),
                      phone: c.decodeIfPresent(String.self, forKey: .phone),
                      email: c.decodeIfPresent(String.self, forKey: .email),
                      address: c.decodeIfPresent(String.self, forKey: .address))
    }

    // MARK: Normalisation and validation

    static func normalizedID(_ text: String, kind: Kind) throws(ValidationError) -> String {
        let t = text.trimmed.uppercased()
        let allowed = t.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" }
        guard (5...20).contains(t.count), allowed, t.first != "-", t.last != "-" else {
            throw ValidationError(field: "applicant.id_number", value: text,
                                  reason: "expected 5–20 letters or digits (a hyphen only inside, as in a tax code branch 0101234567-001)",
                                  vietnamese: "Số giấy tờ tùy thân / mã số doanh nghiệp \"\(text)\" không hợp lệ.")
        }
        return t
    }

    /// Spaces, dots, hyphens and parentheses are dropped; `+84`/`84` becomes `0`; the result must be 10 or 11
    /// digits starting with 0 (mobile numbers have 10, landlines with an area code 11).
    static func normalizedPhone(_ text: String) throws(ValidationError) -> String {
        var t = text.trimmed
        if t.isEmpty { return "" }
        t.removeAll { " .-()".contains($0) }
        if t.hasPrefix("+84") { t = "0" + t.dropFirst(3) } else if t.hasPrefix("84"), t.count >= 11 { t = "0" + t.dropFirst(2) }
        guard t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), t.hasPrefix("0"), (10...11).contains(t.count) else {
            throw ValidationError(field: "applicant.phone", value: text,
                                  reason: "expected a Vietnamese phone number of 10 or 11 digits starting with 0 (or +84)",
                                  vietnamese: "Số điện thoại \"\(text)\" không hợp lệ (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84).")
        }
        return t
    }

    /// One `@`, a non-empty local part, a domain with a dot and no empty label, no spaces. Lower-cased.
    static func normalizedEmail(_ text: String) throws(ValidationError) -> String {
        let t = text.trimmed.lowercased()
        if t.isEmpty { return "" }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        let ok = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains { $0.isEmpty }
            && !t.contains { $0.isWhitespace || $0 == "," || $0 == ";" }
        guard ok else {
            throw ValidationError(field: "applicant.email", value: text,
                                  reason: "expected an address like name@example.vn",
                                  vietnamese: "Địa chỉ thư điện tử \"\(text)\" không hợp lệ.")
        }
        return t
    }
}

public extension CodingUserInfoKey {
    /// `true` in an encoder's `userInfo`: applicants are written without identity number, phone, e-mail, address.
    static let hidesPersonalData = CodingUserInfoKey(rawValue: "motcua.hidesPersonalData")!
}
