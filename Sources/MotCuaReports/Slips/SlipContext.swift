import Foundation
import MotCuaCore
import WorkCalendar

/// The officer who issues or signs a slip.
public struct SlipOfficer: Sendable, Hashable {
    /// Full name, printed under the signature ("Nguyễn Thị Hoa").
    public var name: String
    /// Position for a letter's signature block ("GIÁM ĐỐC"); Mẫu 04 prints it, in capitals.
    public var title: String?
    /// Phone number the applicant can call (Mẫu 02).
    public var phone: String?

    public init(name: String, title: String? = nil, phone: String? = nil) {
        self.name = name
        self.title = title
        self.phone = phone
    }
}

/// Everything a slip is made from: domain values only (the store or the web app loads them). Slips are pure
/// functions of a context: the same context always gives the same document.
public struct SlipContext: Sendable {
    public let dossier: Dossier
    /// The procedure version the dossier is processed under (`ProcedureCatalogue.procedure(dossier.procedure)`).
    public let procedure: Procedure
    public let agencies: AgencyDirectory
    /// The body that issues the slip (its header): the center or receiving desk for Mẫu 01–03 and 05, the
    /// agency that runs late for Mẫu 04. Its name and its parent's are those in force on the issue date.
    public let issuingAgency: AgencyCode
    /// The place of the date line, "Đắk Nông" in "Đắk Nông, ngày 05 tháng 02 năm 2026".
    public let place: String
    public let officer: SlipOfficer?
    /// The issue instant of the date line; nil: the instant the slip speaks for (receipt, request, refusal,
    /// extension; for Mẫu 05 the dossier's last event).
    public let issuedAt: Date?
    /// The document number after "Số:" ("25/PXL-TTHCC"); Mẫu 04 defaults to the extension's apology letter.
    public let number: String?
    /// The slip is for a reader who may not see the applicant's personal data (a manager): the identity
    /// number and the contacts are printed as `Applicant.hiddenMark`.
    public var hidesPersonalData = false
    /// The forms the dossier prints from: the set in force under its legal regime (`SlipFormSet.of`); the
    /// loader lays an administrator's sets over the built-in ones.
    public var formSet: SlipFormSet

    public init(dossier: Dossier, procedure: Procedure, agencies: AgencyDirectory, issuingAgency: AgencyCode,
                place: String, officer: SlipOfficer? = nil, issuedAt: Date? = nil, number: String? = nil) throws(SlipError) {
        if dossier.receivedAt == nil {
            guard procedure.code == dossier.procedure.code else {
                throw .procedureMismatch(dossier: dossier.procedure, given: procedure.reference)
            }
        } else if procedure.reference != dossier.procedure {
            throw .procedureMismatch(dossier: dossier.procedure, given: procedure.reference)
        }
        guard agencies[issuingAgency] != nil else { throw .unknownAgency(issuingAgency) }
        self.dossier = dossier
        self.procedure = procedure
        self.agencies = agencies
        self.issuingAgency = issuingAgency
        self.place = place
        self.officer = officer
        self.issuedAt = issuedAt
        self.number = number?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        self.formSet = SlipFormSet.of(dossier)
    }

    /// The form's entry in the dossier's set, or why the set has no such form.
    func entry(_ form: SlipForm) throws(SlipError) -> SlipFormSet.Entry {
        guard let entry = formSet.entry(form) else { throw .notInFormSet(form, set: formSet.id) }
        return entry
    }

    // MARK: What slips read

    /// The applicant, or the error that says the dossier has none.
    func applicant() throws(SlipError) -> Applicant {
        guard let applicant = dossier.applicant else { throw .missingApplicant(dossier.code) }
        return hidesPersonalData ? applicant.redacted() : applicant
    }

    /// The name of an agency in force on the local date of `instant` (a 2021 slip shows 2021 names).
    func agencyName(_ code: AgencyCode, at instant: Date) throws(SlipError) -> String {
        guard let agency = agencies[code] else { throw .unknownAgency(code) }
        return agency.name(on: VietnamTime.localDate(of: instant))
    }

    /// The receiving desk: the agency whose code starts the dossier code (the center, usually); for a
    /// dossier accepted at another site, the competent agency's site that received it.
    func receivingDeskName(at instant: Date) throws(SlipError) -> String {
        try agencyName(dossier.deskAgencyCode, at: instant)
    }

    /// The header block of the issuing agency on the date of `instant`.
    func header(at instant: Date, number: String? = nil, dated: Bool = true) throws(SlipError) -> SlipHeader {
        guard let issuer = agencies[issuingAgency] else { throw .unknownAgency(issuingAgency) }
        let date = VietnamTime.localDate(of: instant)
        let parent = issuer.parentCode.flatMap { agencies[$0] }.map { $0.name(on: date) }
        return SlipHeader(
            parentBody: parent.map(Self.capitalised),
            issuingBody: Self.capitalised(issuer.name(on: date)),
            number: (number ?? self.number).map { "Số: \($0)" },
            placeAndDate: dated ? VietnameseFormat.placeAndDate(place, date) : nil
        )
    }

    /// The issuing agency's name on the date of `instant`, as written in sentences.
    func issuerName(at instant: Date) throws(SlipError) -> String {
        try agencyName(issuingAgency, at: instant)
    }

    /// How a slip addresses the applicant: "Ông/Bà" or "Tổ chức".
    static func salutation(for applicant: Applicant) -> String {
        switch applicant.kind {
        case .person: return "Ông/Bà"
        case .organisation: return "Tổ chức"
        }
    }

    /// Who filed, as the receipts and the refusal open: the desk, the applicant's name, their identity
    /// document (receipts) and the contact lines.
    static func filedBy(_ applicant: Applicant, deskLabel: String, desk: String, identity: Bool) -> [SlipBlock] {
        var lines: [SlipParagraph] = [.field(deskLabel, desk), .field("Tiếp nhận hồ sơ của", applicant.name, emphasised: true)]
        if identity {
            lines.append(.field(applicant.kind == .person ? "Số giấy tờ tùy thân" : "Mã số doanh nghiệp, mã số thuế", applicant.idNumber))
        }
        return (lines + contactLines(of: applicant)).map(SlipBlock.paragraph)
    }

    /// The contact lines every form repeats: address, then phone and email.
    static func contactLines(of applicant: Applicant) -> [SlipParagraph] {
        [
            .field("Địa chỉ", applicant.address ?? "……………"),
            SlipParagraph([
                SlipRun("Số điện thoại: \(applicant.phone ?? "……………")"),
                SlipRun("\u{2003}Email: \(applicant.email ?? "……………")"),
            ]),
        ]
    }

    /// Names in a header are written in capitals. Vietnamese letters upper-case without a locale.
    static func capitalised(_ name: String) -> String { name.uppercased() }
}

fileprivate extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
