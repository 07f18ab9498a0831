import Foundation
import MotCuaCore
import WorkCalendar

/// Writes the quarterly report from what officers recorded (documents register, entries) and the statistics
/// of section III, in the seed report's structure and wording. Pure: the same inputs give the same report.
public struct QuarterlyReportBuilder: Sendable {
    public var period: StatisticsPeriod
    public var statisticsWindow: StatisticsPeriod
    public var statistics: StatisticsReport
    public var documents: [IssuedDocument]
    public var entries: [ReportEntry]
    public var number: String?
    public var issuedOn: LocalDate?
    /// Feedback citizens sent through the website in the period (`feedback` table), counted in III.2 with
    /// the feedback entries officers recorded by hand.
    public var feedbackReceived: Int
    /// Settings derived from the data where no officer recorded one (the place from the province's name,
    /// the center's name for a site's own report); entries of kind setting still win.
    public var defaults: [String: String] = [:]
    /// Per site: dossiers it accepted for other sites, and dossiers it received from other sites, in the
    /// window (Decree 118/2025 as amended, Art. 14.4). Empty: the paragraph is left out (a 2021 report).
    public var siteExchange: [SiteExchangeRow] = []

    /// One site's acceptances on behalf and receipts from other sites.
    public struct SiteExchangeRow: Sendable, Hashable {
        public var siteName: String
        public var acceptedForOthers: Int
        public var receivedFromOthers: Int

        public init(siteName: String, acceptedForOthers: Int, receivedFromOthers: Int) {
            self.siteName = siteName
            self.acceptedForOthers = acceptedForOthers
            self.receivedFromOthers = receivedFromOthers
        }
    }

    public init(period: StatisticsPeriod, statisticsWindow: StatisticsPeriod, statistics: StatisticsReport,
                documents: [IssuedDocument], entries: [ReportEntry], number: String? = nil, issuedOn: LocalDate? = nil,
                feedbackReceived: Int = 0) {
        self.feedbackReceived = feedbackReceived
        self.period = period
        self.statisticsWindow = statisticsWindow
        self.statistics = statistics
        self.documents = documents
        self.entries = entries
        self.number = number
        self.issuedOn = issuedOn
    }

    // MARK: Settings

    func setting(_ key: String, default value: String) -> String {
        entries.last { $0.kind == .setting && $0.category == key }?.text ?? defaults[key] ?? value
    }

    var issuerName: String { setting("issuer_name", default: "Văn phòng UBND tỉnh") }
    var centerName: String { setting("center_name", default: "Trung tâm Hành chính công") }

    /// The quarter the period reports on: that of its last day (15/6–14/9 is Q3).
    var quarter: Int { (period.to.month - 1) / 3 + 1 }
    var year: Int { period.to.year }
    /// "Quý III năm 2021".
    var quarterLabel: String { "Quý \(Self.roman(quarter)) năm \(year)" }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, result = ""
        for (value, symbol) in table { while n >= value { result += symbol; n -= value } }
        return result
    }

    static func date(_ d: LocalDate) -> String { VietnameseFormat.date(d) }
    static func count(_ n: Int, _ unit: String) -> String { VietnameseFormat.count(n, unit) }
    static func share(_ part: Int, _ whole: Int) -> String { VietnameseFormat.percent(part, of: whole) ?? "0%" }

    /// "Từ ngày 09/6/2021 đến ngày 07/9/2021": the window the center's figures cover.
    var windowPhrase: String {
        "Từ ngày \(Self.date(statisticsWindow.from)) đến ngày \(Self.date(statisticsWindow.to))"
    }

    // MARK: Build

    public func build() -> QuarterlyReport {
        let place = setting("place", default: "Đắk Nông")
        let symbol = setting("symbol", default: "BC-VPUBND")
        let numberLine = number.map { "Số: \($0)" } ?? "Số:        /\(symbol)"
        let dateLine = issuedOn.map { VietnameseFormat.placeAndDate(place, $0) }
            ?? "\(place), ngày      tháng \(VietnameseFormat.month(period.to)) năm \(year)"
        let header = QuarterlyReport.Header(
            parentBody: setting("parent_body", default: "UBND TỈNH"), issuingBody: setting("issuing_body", default: "VĂN PHÒNG"),
            number: numberLine, placeAndDate: dateLine)
        let subject = "Kết quả thực hiện công tác CCHC, PAPI \(quarterLabel)"
        var preamble = free("preamble")
        if preamble.isEmpty {
            preamble = [ReportParagraph(id: "preamble", text: "\(issuerName) tổng hợp, báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC), Chỉ số Hiệu quả quản trị và Hành chính công (PAPI) Quý \(Self.roman(quarter)), cụ thể như sau:")]
        }
        let receiver = setting("receiver", default: "Sở Nội vụ")
        let closing = ReportParagraph(
            id: "closing",
            text: "Trên đây là báo cáo kết quả thực hiện công tác CCHC, PAPI \(quarterLabel) tại \(issuerName). Đề nghị \(receiver) tổng hợp theo quy định./.")
        let recipients = entries.filter { $0.kind == .recipient }.map(\.text)
        let signatureEntries = entries.filter { $0.kind == .signature }
        let signature = QuarterlyReport.Signature(
            authority: signatureEntries.filter { $0.category == "authority" }.map(\.text),
            title: signatureEntries.last { $0.category == "title" }?.text ?? "CHÁNH VĂN PHÒNG",
            name: signatureEntries.last { $0.category == "name" }?.text)
        return QuarterlyReport(
            header: header, title: "BÁO CÁO", subject: subject,
            periodLine: "(Thời gian báo cáo từ ngày \(Self.date(period.from)) - \(Self.date(period.to)))",
            preamble: preamble,
            sections: [sectionI(), sectionII(), sectionIII(), sectionIV(), sectionV()],
            closing: [closing], recipients: recipients.isEmpty ? ["Lưu: VT."] : recipients, signature: signature,
            period: .init(from: period.from, to: period.to),
            statisticsWindow: .init(from: statisticsWindow.from, to: statisticsWindow.to),
            statistics: statistics, number: number, issuedOn: issuedOn)
    }

    // MARK: Free paragraphs and documents

    /// The free paragraphs of a section, in order.
    func freeEntries(_ section: String) -> [ReportEntry] {
        entries.filter { ($0.kind == .paragraph || $0.kind == .staffing) && $0.section == section }
    }

    func free(_ section: String, bullet: Bool = false) -> [ReportParagraph] {
        freeEntries(section).map { ReportParagraph(id: $0.id, text: $0.text, bullet: bullet) }
    }

    /// A section's document citations and free paragraphs, merged by position. Documents sharing a lead are
    /// cited together after it; a document without a lead gets `defaultLead` (nil: each its own bullet).
    func documentsAndFree(_ section: String, defaultLead: String, bullet: Bool) -> [ReportParagraph] {
        var items: [(position: Int, paragraph: ReportParagraph)] = []
        var groups: [(lead: String, position: Int, docs: [IssuedDocument])] = []
        for document in documents.filter({ $0.reportSection == section }) {
            if let lead = document.lead {
                if let i = groups.firstIndex(where: { $0.lead == lead }) {
                    groups[i].docs.append(document)
                    groups[i].position = min(groups[i].position, document.position)
                } else {
                    groups.append((lead, document.position, [document]))
                }
            } else {
                let note = document.note.map { " " + $0 } ?? ""
                items.append((document.position, ReportParagraph(
                    id: "\(section).document.\(document.id)",
                    text: "\(defaultLead) \(document.citation(formatDate: Self.date)).\(note)", bullet: bullet)))
            }
        }
        for group in groups {
            let citations = group.docs.map { $0.citation(formatDate: Self.date) + ($0.note.map { ". " + $0 } ?? "") }
            items.append((group.position, ReportParagraph(
                id: "\(section).documents.\(group.docs[0].id)",
                text: "\(group.lead) \(citations.joined(separator: "; ")).", bullet: bullet)))
        }
        for entry in freeEntries(section) {
            items.append((entry.position, ReportParagraph(id: entry.id, text: entry.text, bullet: bullet)))
        }
        return items.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element.paragraph)
    }

    static func blocks(_ paragraphs: [ReportParagraph]) -> [ReportBlock] { paragraphs.map { .paragraph($0) } }

    // MARK: I

    func sectionI() -> ReportSection {
        let cited = documents.filter { $0.reportSection == "I.1" }
        var first: [ReportParagraph] = []
        if cited.isEmpty {
            first.append(ReportParagraph(id: "I.1.documents",
                                         text: "Quý \(Self.roman(quarter))/\(year), \(issuerName) không ban hành văn bản mới về công tác CCHC."))
        } else {
            let list = cited.map { $0.citation(formatDate: Self.date) + ($0.note.map { ". " + $0 } ?? "") }
            first.append(ReportParagraph(id: "I.1.documents",
                                         text: "Quý \(Self.roman(quarter))/\(year), \(issuerName) đã ban hành: \(list.joined(separator: "; "))."))
        }
        return ReportSection(id: "I", heading: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CÔNG TÁC CCHC", subsections: [
            ReportSection(id: "I.1", heading: "1. Về ban hành các chương trình, kế hoạch và tham mưu văn bản chỉ đạo liên quan đến công tác CCHC",
                          blocks: Self.blocks(first + free("I.1"))),
            ReportSection(id: "I.2", heading: "2. Công tác tuyên truyền CCHC", blocks: Self.blocks(free("I.2"))),
        ])
    }

    // MARK: II

    func sectionII() -> ReportSection {
        let lead = "Tham mưu UBND tỉnh ban hành"
        // II.4: the training sentence, then staffing and free paragraphs.
        var staff: [ReportParagraph] = []
        let training = entries.filter { $0.kind == .training }
        if !training.isEmpty {
            var courses: [(String, Int)] = []
            for t in training {
                if let i = courses.firstIndex(where: { $0.0 == t.text }) { courses[i].1 += t.count } else { courses.append((t.text, t.count)) }
            }
            let list = courses.map { "\(Self.count($0.1, "công chức")) tham gia \($0.0)" }
            staff.append(ReportParagraph(id: "II.4.training",
                                         text: "Trong Quý \(Self.roman(quarter)), \(issuerName) đã cử \(list.joined(separator: ", ")).",
                                         bullet: true))
        }
        staff += free("II.4", bullet: true)
        // II.6: documents and free paragraphs, then the portal questions and the online meetings.
        var modern = documentsAndFree("II.6", defaultLead: lead, bullet: true)
        let questions = entries.filter { $0.kind == .portalQuestion }
        if !questions.isEmpty {
            let answered = questions.filter { $0.category == ReportEntry.QuestionStatus.answered.rawValue }.count
            var pending: [String] = []
            var byResponder: [(String, Int)] = []
            for q in questions where q.category == ReportEntry.QuestionStatus.inProgress.rawValue {
                if let i = byResponder.firstIndex(where: { $0.0 == q.title }) { byResponder[i].1 += 1 } else { byResponder.append((q.title, 1)) }
            }
            pending += byResponder.map { $0.0.isEmpty ? "\(Self.count($0.1, "câu")) đang trả lời" : "\(Self.count($0.1, "câu")) \($0.0) đang trả lời" }
            let new = questions.filter { $0.category == ReportEntry.QuestionStatus.new.rawValue }.count
            if new > 0 { pending.append("\(Self.count(new, "câu")) mới nhận") }
            let total = VietnameseFormat.count(questions.count)
            var text = "Tiếp nhận \(total) câu hỏi của người dân và tổ chức trên Cổng Thông tin điện tử tỉnh. Trả lời \(VietnameseFormat.count(answered))/\(total) câu hỏi"
            text += pending.isEmpty ? "." : " (\(pending.joined(separator: ", ")))."
            modern.append(ReportParagraph(id: "II.6.questions", text: text, bullet: true))
        }
        let meetings = entries.filter { $0.kind == .meeting }
        if !meetings.isEmpty {
            var parts: [String] = []
            for level in ReportEntry.MeetingLevel.allCases {
                let n = meetings.filter { $0.category == level.rawValue }.count
                guard n > 0 else { continue }
                let label = meetings.first { $0.category == level.rawValue && !$0.title.isEmpty }?.title ?? Self.meetingLabel(level)
                parts.append("\(Self.count(n, "cuộc")) \(label)")
            }
            let other = meetings.filter { ReportEntry.MeetingLevel(rawValue: $0.category) == nil }.count
            if other > 0 { parts.append("\(Self.count(other, "cuộc")) khác") }
            modern.append(ReportParagraph(id: "II.6.meetings",
                                          text: "Phục vụ \(Self.count(meetings.count, "cuộc họp trực tuyến")), trong đó: có \(parts.joined(separator: "; ")).",
                                          bullet: true))
        }
        return ReportSection(id: "II", heading: "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", subsections: [
            ReportSection(id: "II.1", heading: "1. Cải cách thể chế", blocks: Self.blocks(free("II.1"))),
            ReportSection(id: "II.2", heading: "2. Cải cách thủ tục hành chính",
                          blocks: Self.blocks(documentsAndFree("II.2", defaultLead: lead, bullet: true))),
            ReportSection(id: "II.3", heading: "3. Cải cách tổ chức bộ máy", blocks: Self.blocks(free("II.3", bullet: true))),
            ReportSection(id: "II.4", heading: "4. Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", blocks: Self.blocks(staff)),
            ReportSection(id: "II.5", heading: "5. Cải cách tài chính công", blocks: Self.blocks(free("II.5", bullet: true))),
            ReportSection(id: "II.6", heading: "6. Hiện đại hóa nền hành chính nhà nước", blocks: Self.blocks(modern)),
        ])
    }

    static func meetingLabel(_ level: ReportEntry.MeetingLevel) -> String {
        switch level {
        case .central: "giữa UBND tỉnh với Chính phủ và các cơ quan Trung ương"
        case .centralProvinceDistrict: "Trung ương, tỉnh, huyện"
        case .provinceDistrict: "của tỉnh với các huyện, thành phố"
        }
    }

    // MARK: III

    /// The paragraph of III.1 with the center's dossier figures, and the late-dossier footnote.
    public func statisticsParagraph() -> ReportParagraph {
        let s = statistics
        let received = s.received.total, resolved = s.resolved.total
        let text = "\(windowPhrase), \(centerName) tiếp nhận \(Self.count(received, "hồ sơ")), trong đó: "
            + "\(Self.count(s.received.online, "hồ sơ")) trực tuyến (chiếm \(Self.share(s.received.online, received))), "
            + "hồ sơ nhận qua dịch vụ Bưu chính công ích và Bưu chính khác: \(Self.count(s.received.postal, "hồ sơ")) (chiếm \(Self.share(s.received.postal, received))); "
            + "tồn kỳ trước chuyển qua \(Self.count(s.carriedOver, "hồ sơ")). "
            + "Trả kết quả \(Self.count(resolved, "hồ sơ")), trong đó: trả qua dịch vụ bưu chính công ích \(Self.count(s.resolved.returnedByPostal, "kết quả")) (chiếm \(Self.share(s.resolved.returnedByPostal, resolved))), "
            + "trước hạn: \(Self.count(s.resolved.early, "hồ sơ")) (chiếm \(Self.share(s.resolved.early, resolved))), "
            + "đúng hạn: \(Self.count(s.resolved.onTime, "hồ sơ")) (chiếm \(Self.share(s.resolved.onTime, resolved))), "
            + "quá hạn: \(Self.count(s.resolved.late, "hồ sơ")) (chiếm \(Self.share(s.resolved.late, resolved)))"
        let footnote = lateFootnote()
        return ReportParagraph(id: "III.1.statistics", text: text, footnote: footnote.isEmpty ? nil : footnote, tail: ".")
    }

    /// One paragraph per agency with late dossiers: count, procedure, kind ("trễ hạn" or "trễ hạn phần mềm"),
    /// step, reason, apology letter.
    public func lateFootnote() -> [ReportParagraph] {
        statistics.lateByAgency.map { agency in
            let procedures = Set(agency.details.map(\.procedureCode))
            let procedure = procedures.count == 1 && !(agency.details.first?.procedureName.isEmpty ?? true)
                ? " \(agency.details[0].procedureName)" : ""
            let text: String
            if agency.details.count == 1 {
                text = "\(Self.count(agency.count, "hồ sơ"))\(procedure) của \(agency.agencyName) \(Self.lateDetail(agency.details[0]))."
            } else {
                let parts = agency.details.map { "\(Self.count($0.count, "hồ sơ")) \(Self.lateDetail($0))" }
                text = "\(Self.count(agency.count, "hồ sơ"))\(procedure) của \(agency.agencyName), trong đó: \(parts.joined(separator: "; "))."
            }
            return ReportParagraph(id: "III.1.late.\(agency.agencyCode)", text: text)
        }
    }

    /// "trễ hạn phần mềm bước UBND tỉnh, kết quả bản giấy có trước hạn".
    static func lateDetail(_ d: StatisticsReport.LateDetail) -> String {
        let kind = d.kind == "system_only" ? "trễ hạn phần mềm" : "trễ hạn"
        var phrase = kind + (d.step.isEmpty ? "" : " bước \(d.step)")
        var reason = d.reason.trimmingCharacters(in: .whitespaces)
        for redundant in [phrase, kind] where reason.lowercased().hasPrefix(redundant.lowercased()) {
            reason = String(reason.dropFirst(redundant.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ;,:"))
            break
        }
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        if !reason.isEmpty { phrase += ", \(reason)" }
        if d.kind != "system_only" { phrase += d.apologySent ? ", đã gửi thư xin lỗi" : ", không có thư xin lỗi" }
        return phrase
    }

    func sectionIII() -> ReportSection {
        let g = statistics.guidance, sat = statistics.satisfaction
        let guidance = ReportParagraph(
            id: "III.1.guidance",
            text: "\(windowPhrase), Trung tâm hướng dẫn thực hiện thủ tục hành chính cho \(Self.count(g.total, "lượt")) tổ chức, cá nhân, trong đó: "
                + "\(Self.count(g.inPerson, "lượt")) hướng dẫn trực tiếp tại Trung tâm, \(Self.count(g.outgoingCalls, "lượt")) gọi đi và "
                + "\(Self.count(g.incomingCalls, "lượt")) trả lời cuộc gọi đến.")
        let satisfactionText: String
        if sat.ratings == 0 {
            satisfactionText = "\(windowPhrase), chưa có lượt đánh giá mức độ hài lòng nào."
        } else {
            satisfactionText = "Mức độ hài lòng đối với hoạt động của \(centerName) được đánh giá bằng máy tính bảng, được thường xuyên cập nhật tự động; "
                + "\(windowPhrase.lowercased()), tỷ lệ hài lòng đạt \(Self.share(sat.satisfied, sat.ratings)), "
                + "có \(Self.share(sat.unsatisfied, sat.ratings)) không hài lòng."
        }
        // III.2: free paragraphs; those of category "feedback" and "hotline" end with the generated figures.
        let feedbackCount = entries.filter { $0.kind == .feedback }.count + feedbackReceived
        let feedbackSentence = feedbackCount == 0
            ? "Trong quý \(Self.roman(quarter)) không tiếp nhận phản ánh, kiến nghị nào."
            : "Trong quý \(Self.roman(quarter)) tiếp nhận \(Self.count(feedbackCount, "phản ánh, kiến nghị")) của tổ chức, cá nhân."
        let calls = g.outgoingCalls + g.incomingCalls
        let hotlineSentence = "\(windowPhrase): Trung tâm hướng dẫn thực hiện thủ tục hành chính qua tổng đài cho \(Self.count(calls, "lượt")) tổ chức, cá nhân, trong đó: "
            + "\(Self.count(g.outgoingCalls, "lượt")) gọi đi và \(Self.count(g.incomingCalls, "lượt")) trả lời cuộc gọi đến."
        var other: [ReportParagraph] = []
        var saidFeedback = false, saidHotline = false
        for entry in freeEntries("III.2") {
            var text = entry.text
            if entry.category == "feedback" { text += " " + feedbackSentence; saidFeedback = true }
            if entry.category == "hotline" { text += " " + hotlineSentence; saidHotline = true }
            other.append(ReportParagraph(id: entry.id, text: text, bullet: true))
        }
        if !saidFeedback { other.append(ReportParagraph(id: "III.2.feedback", text: feedbackSentence, bullet: true)) }
        if !saidHotline, calls > 0 { other.append(ReportParagraph(id: "III.2.hotline", text: hotlineSentence, bullet: true)) }
        return ReportSection(id: "III", heading: "III. Hoạt động của \(centerName)", subsections: [
            ReportSection(id: "III.1", heading: "1. Kết quả giải quyết thủ tục hành chính", blocks: Self.blocks(
                [statisticsParagraph()] + siteExchangeParagraphs() + [guidance, ReportParagraph(id: "III.1.satisfaction", text: satisfactionText)]
                    + free("III.1"))),
            ReportSection(id: "III.2", heading: "2. Các hoạt động khác", blocks: Self.blocks(other)),
        ])
    }

    /// "Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính: …", one clause per site.
    func siteExchangeParagraphs() -> [ReportParagraph] {
        let rows = siteExchange.filter { $0.acceptedForOthers > 0 || $0.receivedFromOthers > 0 }
        guard !rows.isEmpty else { return [] }
        let clauses = rows.map { row in
            "\(row.siteName) tiếp nhận \(Self.count(row.acceptedForOthers, "hồ sơ")) thuộc thẩm quyền của nơi khác và nhận "
                + "\(Self.count(row.receivedFromOthers, "hồ sơ")) do nơi khác tiếp nhận chuyển đến"
        }
        return [ReportParagraph(
            id: "III.1.sites",
            text: "\(windowPhrase), tiếp nhận hồ sơ không phụ thuộc địa giới hành chính (Nghị định số 118/2025/NĐ-CP, sửa đổi bởi Nghị định số 309/2026/NĐ-CP): "
                + clauses.joined(separator: "; ") + ".")]
    }

    // MARK: IV and V

    func sectionIV() -> ReportSection {
        var blocks = Self.blocks(free("IV"))
        let rows = entries.filter { $0.kind == .papiRow }
        if !rows.isEmpty {
            var table: [PAPITable.Row] = []
            var groups: [String] = []
            for row in rows {
                if !groups.contains(row.title) {
                    groups.append(row.title)
                    table.append(.init(number: Self.roman(groups.count), index: row.title, task: "", result: "", isGroup: true))
                }
                table.append(.init(number: "", index: row.category, task: row.text, result: row.result, isGroup: false))
            }
            blocks.append(.papiTable(PAPITable(rows: table)))
        }
        return ReportSection(id: "IV", heading: "IV. KẾT QUẢ THỰC HIỆN THEO KẾ HOẠCH NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG (PAPI)",
                             blocks: blocks)
    }

    func sectionV() -> ReportSection {
        let heading: String
        switch quarter {
        case 3: heading = "V. Phương hướng, nhiệm vụ 3 tháng cuối năm \(year)"
        case 4: heading = "V. Phương hướng, nhiệm vụ Quý I năm \(year + 1)"
        default: heading = "V. Phương hướng, nhiệm vụ Quý \(Self.roman(quarter + 1)) năm \(year)"
        }
        let directions = entries.filter { $0.kind == .direction }.map { ReportParagraph(id: $0.id, text: $0.text, bullet: true) }
        return ReportSection(id: "V", heading: heading, blocks: Self.blocks(directions + free("V", bullet: true)))
    }
}
