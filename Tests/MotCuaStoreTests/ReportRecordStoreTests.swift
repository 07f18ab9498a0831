import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

@Suite("Report records and issued reports, on SQLite and PostgreSQL")
struct ReportRecordStoreTests {
    @Test("the period selects documents and entries by date; saving an id again replaces it", arguments: TestBackend.available)
    func records(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = ReportRecordStore(database: database)
            let inside = try LocalDate(iso: "2021-08-04"), before = try LocalDate(iso: "2021-06-14")
            try await store.save(documents: [
                IssuedDocument(id: "a", number: "840/VPUBND-HCQT", date: inside, type: "Công văn", issuer: "Văn phòng UBND tỉnh",
                               subject: "phân công nhiệm vụ", tags: ["CCHC", "PAR INDEX"], reportSection: "I.1"),
                IssuedDocument(id: "b", number: "700/VPUBND-HCQT", date: before, type: "Công văn", issuer: "Văn phòng UBND tỉnh",
                               subject: "ngoài kỳ"),
            ])
            try await store.save(entries: [
                ReportEntry(id: "m1", kind: .meeting, date: inside, section: "II.6", category: "central"),
                ReportEntry(id: "m2", kind: .meeting, date: before, section: "II.6", category: "central"),
                ReportEntry(id: "q1", kind: .portalQuestion, date: inside, category: "new", title: "UBND thành phố"),
            ])
            let from = try LocalDate(iso: "2021-06-15"), to = try LocalDate(iso: "2021-09-14")
            let documents = try await store.documents(from: from, to: to)
            #expect(documents.map(\.number) == ["840/VPUBND-HCQT"])
            #expect(documents.first?.tags == ["CCHC", "PAR INDEX"])
            #expect(documents.first?.reportSection == "I.1")
            #expect(documents.first?.lead == nil)
            #expect(try await store.entries(from: from, to: to).map(\.id) == ["m1", "q1"])
            #expect(try await store.entries(from: from, to: to, kinds: [.portalQuestion]).first?.title == "UBND thành phố")
            var replaced = documents[0]
            replaced.subject = "phân công nhiệm vụ (sửa)"
            try await store.save(replaced)
            #expect(try await store.documents(from: from, to: to).map(\.subject) == ["phân công nhiệm vụ (sửa)"])
        }
    }

    @Test("a draft keeps its window and edits; an issued report is frozen", arguments: TestBackend.available)
    func reports(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = ReportStore(database: database)
            let from = try LocalDate(iso: "2021-06-15"), to = try LocalDate(iso: "2021-09-14")
            let window = (try LocalDate(iso: "2021-06-09"), try LocalDate(iso: "2021-09-07"))
            #expect(try await store.report(periodFrom: from, periodTo: to) == nil)
            try await store.saveDraft(StoredReport(periodFrom: from, periodTo: to, statisticsFrom: window.0, statisticsTo: window.1,
                                                   overrides: ["closing": "Trên đây./."]))
            let draft = try #require(try await store.report(periodFrom: from, periodTo: to))
            #expect(draft.status == .draft && draft.statisticsFrom == window.0 && draft.overrides == ["closing": "Trên đây./."])
            var issued = draft
            issued.number = "1076/BC-VPUBND"
            issued.issuedOn = try LocalDate(iso: "2021-09-15")
            issued.content = Data(#"{"frozen":"nội dung"}"#.utf8)
            try await store.issue(issued)
            let read = try #require(try await store.report(periodFrom: from, periodTo: to))
            #expect(read.status == .issued && read.number == "1076/BC-VPUBND" && read.content == issued.content)
            await #expect(throws: ReportStoreError.alreadyIssued(period: "2021-06-15–2021-09-14")) {
                try await store.saveDraft(draft)
            }
            await #expect(throws: ReportStoreError.alreadyIssued(period: "2021-06-15–2021-09-14")) {
                try await store.issue(issued)
            }
        }
    }

    @Test("imports: the register by number (a second import replaces), entries once; bad rows refuse the file",
          arguments: TestBackend.available)
    func imports(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let documents = """
                number,date,type,issuer,subject,tags,section,lead,note
                840/VPUBND-HCQT,2021-08-04,Công văn,Văn phòng UBND tỉnh,"phân công nhiệm vụ, PAR INDEX",CCHC; PAR INDEX,I.1,,
                1121/QĐ-UBND,2021-07-29,Quyết định,UBND tỉnh,phê duyệt Danh mục,CCHC,II.2,,Tổng số cắt giảm 77 TTHC.

                """
            let first = try await DocumentImporter(database: database).run(Data(documents.utf8))
            #expect(first.imported == 2 && first.alreadyPresent == 0)
            let again = try await DocumentImporter(database: database).run(Data(documents.utf8))
            #expect(again.imported == 0 && again.alreadyPresent == 2)
            let from = try LocalDate(iso: "2021-06-15"), to = try LocalDate(iso: "2021-09-14")
            let stored = try await ReportRecordStore(database: database).documents(from: from, to: to)
            #expect(stored.map(\.number) == ["1121/QĐ-UBND", "840/VPUBND-HCQT"])
            #expect(stored.last?.tags == ["CCHC", "PAR INDEX"])
            #expect(stored.first?.note == "Tổng số cắt giảm 77 TTHC.")
            let entries = """
                date,kind,section,category,count,title,text,result
                2021-07-05,training,II.4,,4,,bồi dưỡng lãnh đạo quản lý cấp sở,
                2021-07-06,meeting,II.6,central,,,,
                2021-07-06,meeting,II.6,central,,,,

                """
            #expect(try await ReportEntryImporter(database: database).run(Data(entries.utf8)).imported == 3)
            #expect(try await ReportEntryImporter(database: database).run(Data(entries.utf8)).imported == 0)
            let read = try await ReportRecordStore(database: database).entries(from: from, to: to)
            #expect(read.map(\.kind) == [.training, .meeting, .meeting])
            #expect(read.first?.count == 4)
            let bad = "date,kind,section,category,count,title,text,result\nhôm qua,lunch,,,-1,,,\n"
            await #expect(throws: ImportError.self) {
                try await ReportEntryImporter(database: database).run(Data(bad.utf8))
            }
        }
    }
}
