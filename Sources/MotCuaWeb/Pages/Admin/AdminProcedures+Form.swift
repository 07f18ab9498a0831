import Foundation
import MotCuaCore
import WorkCalendar

/// The "new version" form of a procedure as typed: simple fields, and one line per fee, document and step
/// with `|` between columns, so that the whole checklist can be edited on a counter PC without scripts.
struct ProcedureVersionForm: Sendable {
    var validFrom = ""
    var legalAmount = "", legalUnit = ProcessingTime.Unit.workingDays.rawValue
    var localAmount = "", localUnit = ProcessingTime.Unit.workingDays.rawValue
    var onlineLevel = OnlineLevel.none.rawValue
    /// Listed for acceptance at any site (Decree 118/2025 as amended by 309/2026, Art. 14.4).
    var anySite = false
    /// `amount | description`
    var fees = ""
    /// `name | copies | original / copy / certified_copy`
    var documents = ""
    /// `name | agency code | role | time` (time: `5` working days, or `4 giờ` working hours)
    var steps = ""

    /// The form prefilled from the version in force.
    init(_ procedure: Procedure, validFrom: LocalDate) {
        self.validFrom = validFrom.description
        legalAmount = "\(procedure.legalTime.amount)"; legalUnit = procedure.legalTime.unit.rawValue
        localAmount = "\(procedure.localTime.amount)"; localUnit = procedure.localTime.unit.rawValue
        onlineLevel = procedure.onlineLevel.rawValue
        anySite = procedure.acceptedAtAnySite
        fees = procedure.fees.map { "\($0.amountVND) | \($0.description)" }.joined(separator: "\n")
        documents = procedure.documents.map { "\($0.name) | \($0.copies) | \($0.form.rawValue)" }.joined(separator: "\n")
        steps = procedure.steps.map { "\($0.name) | \($0.agencyCode.rawValue) | \($0.role) | \(Self.time($0.allotted))" }
            .joined(separator: "\n")
    }

    init(_ fields: FormFields) {
        validFrom = fields["hieu_luc_tu"] ?? ""
        legalAmount = fields["thoi_han_quy_dinh"] ?? ""; legalUnit = fields["don_vi_quy_dinh"] ?? ""
        localAmount = fields["thoi_han_cat_giam"] ?? ""; localUnit = fields["don_vi_cat_giam"] ?? ""
        onlineLevel = fields["muc_do_truc_tuyen"] ?? ""
        anySite = fields["moi_noi_tiep_nhan"] == "1"
        fees = fields["phi_le_phi"] ?? ""
        documents = fields["thanh_phan_ho_so"] ?? ""
        steps = fields["cac_buoc"] ?? ""
    }

    static func time(_ time: ProcessingTime) -> String {
        time.unit == .workingDays ? "\(time.amount)" : "\(time.amount) giờ"
    }

    /// The next version of `current`, effective from the start of the typed local date; the rules of
    /// `Procedure` itself (local time not longer than the legal one, steps within it) apply too.
    /// `latest` is the newest stored version: it may already be scheduled after `current`, and a new
    /// version dated before it would hide it for good (the highest version in force wins).
    func version(after current: Procedure, latest: Procedure, today: LocalDate) throws(ValidationError) -> Procedure {
        guard let date = try? LocalDate(iso: validFrom.trimmingCharacters(in: .whitespaces)) else {
            throw Self.error("valid_from", "Vui lòng nhập ngày hiệu lực hợp lệ (ví dụ 2026-12-01).")
        }
        guard date >= today else {
            throw Self.error("valid_from", "Ngày hiệu lực không được trước hôm nay: phiên bản mới không được sửa quá khứ.")
        }
        let latestDate = VietnamTime.localDate(of: latest.validFrom)
        guard date > latestDate else {
            throw Self.error("valid_from", "Ngày hiệu lực phải sau ngày \(latestDate.vietnameseNumeric), ngày hiệu lực của phiên bản \(latest.version).")
        }
        let legal = try Self.time(legalAmount, legalUnit, label: "thời hạn theo quy định")
        let local = try Self.time(localAmount, localUnit, label: "thời hạn cắt giảm")
        guard let level = OnlineLevel(rawValue: onlineLevel) else { throw Self.error("online_level", "Vui lòng chọn mức độ trực tuyến.") }
        return try Procedure(
            code: current.code, version: latest.version + 1,
            validFrom: Self.startOfDay(date),
            name: current.name, field: current.field, agencyCode: current.agencyCode,
            legalTime: legal, localTime: local, cutoff: current.cutoff, onlineLevel: level,
            fees: try parsedFees(), documents: try parsedDocuments(), resultType: current.resultType,
            supplementPolicy: current.supplementPolicy, steps: try parsedSteps(), acceptedAtAnySite: anySite)
    }

    /// The first instant of a local (UTC+7) date.
    static func startOfDay(_ date: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.daysSince1970 * 86_400 - VietnamTime.offsetSeconds))
    }

    static func error(_ field: String, _ message: String) -> ValidationError {
        ValidationError(field: field, reason: "invalid \(field)", vietnamese: message)
    }

    static func time(_ amount: String, _ unit: String, label: String) throws(ValidationError) -> ProcessingTime {
        guard let n = Int(amount.trimmingCharacters(in: .whitespaces)), (1...3650).contains(n),
              let unit = ProcessingTime.Unit(rawValue: unit) else {
            throw error("time", "Vui lòng nhập \(label) là số nguyên dương.")
        }
        return ProcessingTime(amount: n, unit: unit)
    }

    static func lines(_ text: String) -> [(number: Int, columns: [String])] {
        text.split(whereSeparator: \.isNewline).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            return (number: index + 1, columns: trimmed.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    func parsedFees() throws(ValidationError) -> [Fee] {
        var fees: [Fee] = []
        for (number, columns) in Self.lines(self.fees) {
            guard columns.count == 2, let amount = Int(columns[0].replacingOccurrences(of: ".", with: "")), amount >= 0,
                  !columns[1].isEmpty else {
                throw Self.error("fees", "Phí, lệ phí dòng \(number): ghi \"số tiền | mô tả\", ví dụ \"50.000 | Lệ phí cấp giấy\".")
            }
            fees.append(Fee(amountVND: amount, description: columns[1]))
        }
        return fees
    }

    func parsedDocuments() throws(ValidationError) -> [RequiredDocument] {
        var documents: [RequiredDocument] = []
        for (number, columns) in Self.lines(self.documents) {
            guard columns.count == 3, !columns[0].isEmpty, let copies = Int(columns[1]), (1...99).contains(copies),
                  let form = DocumentForm(rawValue: columns[2]) else {
                throw Self.error("documents", "Thành phần hồ sơ dòng \(number): ghi \"tên | số bản | original, copy hoặc certified_copy\".")
            }
            documents.append(RequiredDocument(name: columns[0], copies: copies, form: form))
        }
        return documents
    }

    func parsedSteps() throws(ValidationError) -> [ProcessStep] {
        var steps: [ProcessStep] = []
        for (number, columns) in Self.lines(self.steps) {
            let message = "Bước xử lý dòng \(number): ghi \"tên bước | mã cơ quan | vai trò | số ngày (hoặc số giờ, ví dụ 4 giờ)\"."
            guard columns.count == 4, !columns[0].isEmpty, let agency = try? AgencyCode(parsing: columns[1]) else {
                throw Self.error("steps", message)
            }
            let time = columns[3].lowercased()
            let hours = time.hasSuffix("giờ") || time.hasSuffix("h")
            let digits = time.prefix { $0.isNumber }
            guard let amount = Int(digits), amount > 0 else { throw Self.error("steps", message) }
            steps.append(ProcessStep(name: columns[0], agencyCode: agency, role: columns[2],
                                     allotted: hours ? .workingHours(amount) : .workingDays(amount)))
        }
        return steps
    }
}
