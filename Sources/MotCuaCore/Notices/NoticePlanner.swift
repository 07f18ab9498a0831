import Foundation
import WorkCalendar

/// Which notices an event gives the applicant, written with the event (the transactional outbox): one per
/// contact the applicant left — an e-mail when there is an address, a Zalo message when there is a phone
/// (the worker falls back to SMS when Zalo cannot deliver). Events the applicant is not told of (internal
/// handovers) give none; neither does a dossier without applicant data (an import) or one whose applicant
/// opted out.
public enum NoticePlanner {
    /// The names the wording needs, looked up by the store at the event's instant.
    public struct Facts: Sendable, Hashable {
        public var procedureName: String
        /// The site whose desk receives the dossier (the competent site for one accepted on behalf).
        public var siteName: String
        /// The agency that resolves it.
        public var owningAgencyName: String
        /// The public status lookup, e.g. "https://motcua.lamdong.gov.vn/tra-cuu".
        public var lookupURL: String
        public var optedOut: Bool

        public init(procedureName: String, siteName: String, owningAgencyName: String, lookupURL: String, optedOut: Bool = false) {
            self.procedureName = procedureName
            self.siteName = siteName
            self.owningAgencyName = owningAgencyName
            self.lookupURL = lookupURL
            self.optedOut = optedOut
        }
    }

    public static func drafts(for event: DossierEvent, after dossier: Dossier, facts: Facts,
                              templates: [NoticeTemplate] = NoticeTemplate.builtIn) -> [NoticeDraft] {
        guard !facts.optedOut, let key = NoticeTemplate.Key.of(event.kind), let applicant = dossier.applicant else { return [] }
        var recipients: [(NoticeChannel, String)] = []
        if let email = applicant.email?.trimmingCharacters(in: .whitespaces), email.contains("@") { recipients.append((.email, email)) }
        if let phone = applicant.phone, let international = internationalPhone(phone) { recipients.append((.zns, international)) }
        let values = self.values(event, dossier, facts, key)
        return recipients.compactMap { channel, recipient in
            guard let template = latest(templates, key: key, channel: channel) else { return nil }
            return NoticeDraft(dossierCode: dossier.code, eventSequence: event.sequence, channel: channel, recipient: recipient,
                               template: key, templateVersion: template.version,
                               subject: NoticeTemplate.fill(template.subject, with: values),
                               body: NoticeTemplate.fill(template.body, with: values))
        }
    }

    /// The newest version of a key's template for a channel.
    public static func latest(_ templates: [NoticeTemplate], key: NoticeTemplate.Key, channel: NoticeChannel) -> NoticeTemplate? {
        templates.filter { $0.key == key && $0.channel == channel }.max { $0.version < $1.version }
    }

    /// "0912 345 678" → "84912345678" (the form Zalo and SMS gateways take); nil when it is not a Vietnamese
    /// mobile or landline number.
    public static func internationalPhone(_ phone: String) -> String? {
        let digits = phone.filter(\.isASCII).filter(\.isNumber)
        if digits.hasPrefix("84"), (10...12).contains(digits.count) { return digits }
        if digits.hasPrefix("0"), (10...11).contains(digits.count) { return "84" + digits.dropFirst() }
        return nil
    }

    static func values(_ event: DossierEvent, _ d: Dossier, _ facts: Facts, _ key: NoticeTemplate.Key) -> [String: String] {
        var values = [
            "ma_ho_so": d.code.rawValue,
            "thu_tuc": facts.procedureName,
            "thoi_gian": instant(event.at),
            "hen_tra": d.citizenDueAt.map(instant) ?? "(sẽ thông báo sau)",
            // Left for the sender when the address is not known yet (it fills {{tra_cuu}} from its configuration).
            "tra_cuu": facts.lookupURL == "{{tra_cuu}}" ? "{{tra_cuu}}" : facts.lookupURL + "?ma=" + d.code.rawValue,
            "giay_to": "", "ly_do": "", "so_tien": "",
        ]
        switch key {
        case .received, .acceptedOnBehalf, .supplementReceived, .resultReady, .resultReturned, .withdrawn:
            values["co_quan"] = facts.siteName
        case .supplementRequested, .extended, .paymentRequested, .refused, .stopped:
            values["co_quan"] = facts.owningAgencyName
        }
        switch event.kind {
        case .supplementRequested(let request):
            values["giay_to"] = request.documents.joined(separator: "; ")
            values["ly_do"] = request.reason
        case .extended(let grant): values["ly_do"] = grant.reason
        case .paymentRequested(let request): values["so_tien"] = money(request.amountVND) + " (" + request.description + ")"
        case .refusedAtDesk(let closure), .refused(let closure), .stopped(let closure), .withdrawn(let closure):
            values["ly_do"] = closure.reason ?? ""
        default: break
        }
        return values
    }

    /// "09:30 ngày 14/09/2026".
    public static func instant(_ date: Date) -> String {
        "\(VietnamTime.timeOfDay(of: date)) ngày \(VietnamTime.localDate(of: date).vietnameseNumeric)"
    }

    /// "1.500.000 đồng".
    static func money(_ amount: Int) -> String {
        var digits = String(abs(amount))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return (amount < 0 ? "-" : "") + groups.joined(separator: ".") + " đồng"
    }
}
