import Foundation
import MotCuaCore
import WorkCalendar

/// A document of the register as typed in the form, checked into an `IssuedDocument`.
struct IssuedDocumentForm: Sendable, Hashable {
    var id = "", number = "", date = "", type = "Công văn", issuer = "", subject = "", section = "", tags = ""

    init() {}

    init(_ fields: FormFields) {
        func value(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        id = value("id"); number = value("so"); date = value("ngay"); type = value("loai"); issuer = value("co_quan")
        subject = value("trich_yeu"); section = value("muc"); tags = value("the")
    }

    init(_ d: IssuedDocument) {
        id = d.id; number = d.number; date = d.date.description; type = d.type; issuer = d.issuer; subject = d.subject
        section = d.reportSection ?? ""; tags = d.tags.joined(separator: ", ")
    }

    /// The document, or the first problem in Vietnamese.
    func document(in period: StatisticsPeriod, keeping existing: IssuedDocument?) -> Result<IssuedDocument, RecordProblem> {
        guard !number.isEmpty, number.count <= 60 else { return .failure(.init("Vui lòng nhập số, ký hiệu văn bản (tối đa 60 ký tự).")) }
        guard let day = try? LocalDate(iso: date) else { return .failure(.init("Ngày văn bản không hợp lệ (dạng năm-tháng-ngày).")) }
        guard day >= period.from, day <= period.to else {
            return .failure(.init("Ngày văn bản phải trong kỳ báo cáo (\(period.vietnameseRange)).")) }
        guard !type.isEmpty, type.count <= 60 else { return .failure(.init("Vui lòng nhập loại văn bản (Công văn, Quyết định, Kế hoạch…).")) }
        guard !issuer.isEmpty, issuer.count <= 200 else { return .failure(.init("Vui lòng nhập cơ quan ban hành.")) }
        guard !subject.isEmpty, subject.count <= 2000 else { return .failure(.init("Vui lòng nhập trích yếu (tối đa 2.000 ký tự).")) }
        guard section.count <= 20 else { return .failure(.init("Mục của báo cáo quá dài (ví dụ I.1, II.2).")) }
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .success(IssuedDocument(id: existing?.id ?? UUID().uuidString, number: number, date: day, type: type, issuer: issuer,
                                       subject: subject, tags: tagList, reportSection: section.isEmpty ? nil : section,
                                       lead: existing?.lead, note: existing?.note, position: existing?.position ?? 0))
    }
}

/// A report entry as typed in the form, checked into a `ReportEntry`.
struct ReportEntryForm: Sendable, Hashable {
    var id = "", kind = ReportEntry.Kind.training.rawValue, date = "", section = "", category = "", count = "1"
    var title = "", text = "", result = ""

    /// The kinds an officer records here, with their names.
    static let kinds: [(ReportEntry.Kind, String)] = [
        (.training, "Đào tạo, bồi dưỡng"), (.staffing, "Tổ chức, biên chế"), (.meeting, "Phục vụ họp trực tuyến"),
        (.portalQuestion, "Hỏi đáp trên Cổng"), (.feedback, "Phản ánh, kiến nghị"), (.papiRow, "Bảng kế hoạch PAPI"),
        (.paragraph, "Đoạn văn tự do"), (.direction, "Phương hướng quý tới"),
    ]

    static func label(_ kind: ReportEntry.Kind) -> String { kinds.first { $0.0 == kind }?.1 ?? kind.rawValue }

    init() {}

    init(_ fields: FormFields) {
        func value(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        id = value("id"); kind = value("loai"); date = value("ngay"); section = value("muc"); category = value("phan_loai")
        count = value("so_luong"); title = value("tieu_de"); text = value("noi_dung"); result = value("ket_qua")
    }

    init(_ e: ReportEntry) {
        id = e.id; kind = e.kind.rawValue; date = e.date.description; section = e.section; category = e.category
        count = String(e.count); title = e.title; text = e.text; result = e.result
    }

    func entry(in period: StatisticsPeriod, keeping existing: ReportEntry?) -> Result<ReportEntry, RecordProblem> {
        guard let kind = ReportEntry.Kind(rawValue: kind), Self.kinds.contains(where: { $0.0 == kind }) else {
            return .failure(.init("Vui lòng chọn loại mục ghi nhận."))
        }
        guard let day = try? LocalDate(iso: date) else { return .failure(.init("Ngày ghi nhận không hợp lệ (dạng năm-tháng-ngày).")) }
        guard day >= period.from, day <= period.to else {
            return .failure(.init("Ngày ghi nhận phải trong kỳ báo cáo (\(period.vietnameseRange)).")) }
        guard let number = Int(count.isEmpty ? "1" : count), (0...1_000_000).contains(number) else {
            return .failure(.init("Số lượng phải là số nguyên không âm."))
        }
        guard [section, category, title].allSatisfy({ $0.count <= 500 }), text.count <= 10_000, result.count <= 10_000 else {
            return .failure(.init("Nội dung quá dài."))
        }
        switch kind {
        case .meeting:
            guard ReportEntry.MeetingLevel(rawValue: category) != nil else {
                return .failure(.init("Cấp cuộc họp phải là một trong: central, central_province_district, province_district."))
            }
        case .portalQuestion:
            guard ReportEntry.QuestionStatus(rawValue: category) != nil else {
                return .failure(.init("Tình trạng câu hỏi phải là một trong: answered, in_progress, new."))
            }
        case .papiRow:
            guard !title.isEmpty, !category.isEmpty, !text.isEmpty else {
                return .failure(.init("Dòng PAPI cần nhóm chỉ số (tiêu đề), chỉ số (phân loại) và nhiệm vụ (nội dung)."))
            }
        default:
            guard !text.isEmpty else { return .failure(.init("Vui lòng nhập nội dung.")) }
        }
        return .success(ReportEntry(id: existing?.id ?? UUID().uuidString, kind: kind, date: day, section: section,
                                    position: existing?.position ?? 0, category: category, count: number, title: title,
                                    text: text, result: result))
    }
}

struct RecordProblem: Error, Sendable, Hashable {
    let message: String
    init(_ message: String) { self.message = message }
}
