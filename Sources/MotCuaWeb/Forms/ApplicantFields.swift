import MotCuaCore
import Plot

/// The applicant part of the reception desk's and the online submission's forms: what was typed, kept as
/// typed so that a refused form comes back filled in, and the `Applicant` it makes.
struct ApplicantFields: Sendable, Equatable {
    var kind: Applicant.Kind = .person
    var name = "", idNumber = "", phone = "", email = "", address = ""

    init() {}

    init(_ form: FormFields) {
        kind = Applicant.Kind(rawValue: form["loai_nguoi_nop"] ?? "") ?? .person
        name = String((form["ho_ten"] ?? "").prefix(300))
        idNumber = String((form["so_giay_to"] ?? "").prefix(40))
        phone = String((form["dien_thoai"] ?? "").prefix(40))
        email = String((form["email"] ?? "").prefix(200))
        address = String((form["dia_chi"] ?? "").prefix(500))
    }

    /// The applicant, validated by the domain. The phone is required here although the domain allows
    /// none: its last four digits are the key of the citizen's status lookup.
    func applicant() throws(ValidationError) -> Applicant {
        guard !phone.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: "applicant.phone", reason: "a phone number is required for the status lookup",
                                  vietnamese: "Vui lòng nhập số điện thoại của người nộp hồ sơ (dùng để tra cứu hồ sơ).")
        }
        return try Applicant(kind: kind, name: name, idNumber: idNumber, phone: phone, email: email, address: address)
    }

    /// The inputs, labelled; `name="ho_ten"`, `dien_thoai`, … are part of the pages' contract.
    var inputs: Node<HTML.FormContext> {
        .div(.class("applicant-fields"),
            .p(.label(.attribute(named: "for", value: "loai_nguoi_nop"), .text("Người nộp là")),
               .select(.id("loai_nguoi_nop"), .attribute(named: "name", value: "loai_nguoi_nop"),
                       .choice(Applicant.Kind.person.rawValue, "Cá nhân", selected: kind == .person),
                       .choice(Applicant.Kind.organisation.rawValue, "Tổ chức, doanh nghiệp", selected: kind == .organisation))),
            Self.field("ho_ten", "Họ và tên (tên tổ chức)", value: name, required: true, autocomplete: "name"),
            Self.field("so_giay_to", "Số CCCD / hộ chiếu / mã số doanh nghiệp", value: idNumber, required: true, autocomplete: "off"),
            Self.field("dien_thoai", "Số điện thoại", value: phone, required: true, type: "tel", autocomplete: "tel"),
            Self.field("email", "Thư điện tử (nếu có)", value: email, required: false, type: "email", autocomplete: "email"),
            Self.field("dia_chi", "Địa chỉ", value: address, required: false, autocomplete: "street-address")
        )
    }

    static func field(_ name: String, _ label: String, value: String, required: Bool, type: String = "text",
                      autocomplete: String) -> Node<HTML.FormContext> {
        .p(.label(.attribute(named: "for", value: name), .text(label)),
           .input(.id(name), .name(name), .attribute(named: "type", value: type), .escaped("value", value),
                  .attribute(named: "autocomplete", value: autocomplete), .flag("required", required)))
    }
}
