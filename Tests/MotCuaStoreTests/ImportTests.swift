import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

@Suite("Import from older systems, on SQLite and PostgreSQL")
struct ImportTests {
    static let agenciesCSV = """
        code,name,short_name,parent_code
        000.00.00.H56,Ủy ban nhân dân tỉnh Đắk Nông,UBND tỉnh,
        000.00.15.H56,"Trung tâm Phục vụ hành chính công, tỉnh Đắk Nông",Trung tâm HCC,000.00.00.H56
        000.00.11.H56,Sở Tư pháp,STP,000.00.00.H56

        """
    static let proceduresCSV = """
        code,name,field,agency_code,processing_days,legal_days,online_level
        1.001234,Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam,Lý lịch tư pháp,000.00.11.H56,8,10,full
        2.000456,"Đăng ký khai sinh, có yếu tố nước ngoài",Hộ tịch,000.00.11.H56,5,5,partial

        """
    static let header = DossierImporter.columns.joined(separator: ",")

    func seed(_ database: Database) async throws {
        _ = try await AgencyImporter(database: database).run(Data(Self.agenciesCSV.utf8))
        _ = try await ProcedureImporter(database: database).run(Data(Self.proceduresCSV.utf8))
    }

    func count(_ table: String, _ database: Database) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test("good files import; the same files again change nothing", arguments: TestBackend.available)
    func importTwice(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await seed(database)
            let dossiers = """
                \(Self.header)
                000.00.15.H56-210205-0001,1.001234,counter,2021-02-05T09:00,,2021-02-25T10:00,2021-02-26T08:00,postal,approved,,,,,
                000.00.15.H56-210706-0002,1.001234,online,2021-07-06T08:00:00+07:00,2021-07-16T08:00:00+07:00,2021-07-20T09:00,,,approved,000.00.11.H56,"Xác minh, tra cứu",actual,"Chờ kết quả xác minh lý lịch tư pháp",false
                000.00.15.H56-210707-0003,2.000456,postal,2021-07-07T01:00:00Z,,,,,,,,,,
                000.00.15.H56-210708-0004,2.000456,counter,2021-07-08T09:00,,2021-07-09T10:00,,,withdrawn,,,,,

                """
            let first = try await DossierImporter(database: database).run(Data(dossiers.utf8))
            #expect(first.imported == 4)
            let again = try await DossierImporter(database: database).run(Data(dossiers.utf8))
            #expect(again.imported == 0 && again.alreadyPresent == 4)
            #expect(try await count("dossiers", database) == 4)
            #expect(try await count("dossier_events", database) == 4)
            #expect(try await AgencyImporter(database: database).run(Data(Self.agenciesCSV.utf8)).imported == 0)
            #expect(try await ProcedureImporter(database: database).run(Data(Self.proceduresCSV.utf8)).imported == 0)

            let store = DossierStore(database: database)
            // An empty due_at is computed: 8 working days from Friday 5/2/2021 09:00 are 8, 9, then (Tết 10–16/2
            // skipped) 17, 18, 19, 22, 23, 24 → Wednesday 24/2 09:00; completed on the 25th, it is late.
            let tet = try await store.dossier(DossierCode(parsing: "000.00.15.H56-210205-0001"))
            #expect(tet.dueAt == Fixtures.instant("2021-02-24 09:00"))
            #expect(tet.verdict == .late)
            #expect(tet.status == .returned && tet.returnChannel == .postal)
            let late = try await store.dossier(DossierCode(parsing: "000.00.15.H56-210706-0002"))
            #expect(late.lateness?.kind == .actual)
            #expect(late.lateness?.stepName == "Xác minh, tra cứu")
            #expect(late.status == .processed)
            let open = try await store.dossier(DossierCode(parsing: "000.00.15.H56-210707-0003"))
            #expect(open.receivedAt == Fixtures.instant("2021-07-07 08:00"))
            #expect(open.isInProgress)
            #expect(try await store.dossier(DossierCode(parsing: "000.00.15.H56-210708-0004")).status == .withdrawn)
            #expect(try await store.rebuilt(late.code) == late)
        }
    }

    /// Each kind of bad row, with the words its message must contain.
    static let badRows: [(String, String)] = [
        ("NOT-A-CODE,1.001234,counter,2021-07-06T08:00,,,,,,,,,,", "code:"),
        ("000.00.99.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,,,,,,,,,", "not a stored agency"),
        ("000.00.15.H56-210706-0001,9.999999,counter,2021-07-06T08:00,,,,,,,,,,", "not in the catalogue"),
        ("000.00.15.H56-210706-0001,1.001234,fax,2021-07-06T08:00,,,,,,,,,,", "channel: 'fax' is not one of counter, online, postal"),
        ("000.00.15.H56-210706-0001,1.001234,counter,06/07/2021,,,,,,,,,,", "received_at: '06/07/2021'"),
        ("000.00.15.H56-210706-0001,1.001234,counter,,,,,,,,,,,", "received_at: is empty"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,2021-07-01T08:00,,,,,,,,,", "due_at is before received_at"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,2021-07-08T08:00,,,,,,,,", "outcome is empty"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,,,,approved,,,,,", "needs completed_at"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,2021-07-08T08:00,2021-07-09T08:00,,approved,,,,,", "return_channel"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,2021-07-08T08:00,,,approved,,,actual,Chậm,false", "not completed after due_at"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,,,,,,,,Chậm,", "late_kind: is empty"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,2021-07-28T08:00,,,approved,,,actual,Chậm,yes", "apology_sent: 'yes' must be true or false"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,,,,approved", "fields, expected 14"),
        ("000.00.15.H56-210706-0001,1.001234,counter,2021-07-06T08:00,,,,,maybe,,,,,", "outcome: 'maybe'"),
    ]

    @Test("every kind of bad row is reported with its line, and nothing is written", arguments: TestBackend.available)
    func badRows(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await seed(database)
            let good = "000.00.15.H56-210705-0001,1.001234,counter,2021-07-05T08:00,,,,,,,,,,"
            let lines = [Self.header, good] + Self.badRows.map(\.0) + [good.replacingOccurrences(of: "0001,", with: "0001,")]
            let file = lines.joined(separator: "\r\n") + "\r\n"
            do {
                _ = try await DossierImporter(database: database).run(Data(file.utf8))
                Issue.record("a file with bad rows was imported")
            } catch ImportError.rows(let problems) {
                #expect(problems.count == Self.badRows.count + 1)  // + the repeated good code
                for (index, (_, words)) in Self.badRows.enumerated() {
                    let problem = problems.first { $0.line == index + 3 }
                    #expect(problem?.reason.contains(words) == true, "line \(index + 3): \(problem?.reason ?? "no problem") lacks '\(words)'")
                }
                #expect(problems.last?.reason.contains("repeated (first on line 2)") == true)
            }
            #expect(try await count("dossiers", database) == 0)
            #expect(try await count("dossier_events", database) == 0)
        }
    }

    @Test("headers and CSV syntax are checked before anything else", arguments: TestBackend.available)
    func headersAndSyntax(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await seed(database)
            let importer = DossierImporter(database: database)
            await #expect { try await importer.run(Data("code,procedure_code\n".utf8)) } throws: { error in
                "\(error)".contains("missing column(s) channel, received_at")
            }
            await #expect { try await importer.run(Data((Self.header + ",extra\n").utf8)) } throws: { error in
                "\(error)".contains("unknown column(s) extra")
            }
            await #expect { try await importer.run(Data()) } throws: { error in "\(error)".contains("the file is empty") }
            let unclosed = Self.header + "\n000.00.15.H56-210705-0001,\"1.001234,counter\n"
            await #expect { try await importer.run(Data(unclosed.utf8)) } throws: { error in
                "\(error)".contains("line 2: a quoted field opened on this line is not closed")
            }
            let procedures = "code,name,field,agency_code,processing_days,legal_days,online_level\n3.000001,X,Y,000.00.11.H56,12,10,full\n"
            await #expect { try await ProcedureImporter(database: database).run(Data(procedures.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("longer than legal_days") == true
            }
            let orphans = "code,name,short_name,parent_code\n000.00.40.H56,Sở mới,SM,000.00.41.H56\n"
            await #expect { try await AgencyImporter(database: database).run(Data(orphans.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("neither in this file nor already stored") == true
            }
            #expect(try await count("dossiers", database) == 0)
        }
    }

    @Test("RFC 4180: BOM, quotes, commas and line breaks inside fields")
    func csvSyntax() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n"
        var reader = CSVReader(data: Data(text.utf8))
        let records = Array(AnySequence { reader.makeIterator() })
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
        reader = CSVReader(data: Data("a,b\"c\n".utf8))
        _ = reader.next()
        #expect(reader.error?.reason.contains("double quote inside an unquoted field") == true)
    }
}
