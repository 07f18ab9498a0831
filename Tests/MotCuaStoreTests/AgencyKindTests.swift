import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("Agency kinds: the sites after the 2025 reform (issue 11, item 1)")
struct AgencyKindTests {
    @Test("import agencies: an optional kind column (empty = other); a file without it imports as before; a bad kind is a row problem",
          arguments: TestBackend.available)
    func importKinds(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let csv = """
                code,name,short_name,parent_code,kind
                000.00.01.H39,UBND tỉnh Lâm Đồng,UBND tỉnh,,
                000.00.15.H39,Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng,TTPVHCC,000.00.01.H39,center
                000.01.15.H39,Chi nhánh Gia Nghĩa,CN Gia Nghĩa,000.00.15.H39,branch
                000.00.17.H39,Sở Tư pháp tỉnh Lâm Đồng,STP,000.00.01.H39,department
                000.00.21.H39,UBND phường Bắc Gia Nghĩa,UBND P. Bắc Gia Nghĩa,000.00.01.H39,commune
                000.01.21.H39,Trung tâm Phục vụ hành chính công phường Bắc Gia Nghĩa,TTPVHCC P. Bắc Gia Nghĩa,000.00.21.H39,commune_center

                """
            let result = try await AgencyImporter(database: database).run(Data(csv.utf8))
            #expect(result.imported == 6)
            let kinds = Dictionary(uniqueKeysWithValues: try await AgencyStore(database: database).all().map { ($0.code.rawValue, ($0.kind, $0.level)) })
            #expect(kinds["000.00.01.H39"]?.0 == .other && kinds["000.00.01.H39"]?.1 == .province)
            #expect(kinds["000.00.15.H39"]?.0 == .center && kinds["000.01.15.H39"]?.0 == .branch)
            #expect(kinds["000.00.17.H39"]?.0 == .department && kinds["000.00.17.H39"]?.1 == .department)
            #expect(kinds["000.00.21.H39"]?.0 == .commune && kinds["000.00.21.H39"]?.1 == .commune)
            #expect(kinds["000.01.21.H39"]?.0 == .communeCenter && kinds["000.01.21.H39"]?.1 == .center)
            #expect(try await AgencyStore(database: database).all().filter(\.kind.isSite).count == 3)

            let old = "code,name,short_name,parent_code\n000.00.30.H39,Sở Y tế,SYT,000.00.01.H39\n"
            #expect(try await AgencyImporter(database: database).run(Data(old.utf8)).imported == 1)
            let bad = "code,name,short_name,parent_code,kind\n000.00.31.H39,Sở X,SX,000.00.01.H39,ward\n"
            await #expect { try await AgencyImporter(database: database).run(Data(bad.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("kind: 'ward' is not one of center, branch, commune_center") == true
            }
            let unknownColumn = "code,name,short_name,parent_code,loai\n000.00.32.H39,Sở Y,SY,,x\n"
            await #expect { try await AgencyImporter(database: database).run(Data(unknownColumn.utf8)) } throws: { error in
                guard case ImportError.header(let reason) = error else { return false }
                return reason.contains("unknown column(s) loai") && reason.contains("optional: kind")
            }
        }
    }

    @Test("M0017 gives agencies stored before it the kind their level suggests", arguments: TestBackend.available)
    func migrationInfersKinds(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrate: false) { database in
            try await Migrator(database: database, migrations: Array(Migrations.all.prefix { $0.version < 17 })).migrate()
            for (code, level) in [("000.00.15.H56", "center"), ("000.00.11.H56", "department"), ("000.00.01.H56", "province"),
                                  ("000.00.21.H56", "commune")] {
                try await database.sql.insert(into: "agencies").columns("code", "level", "created_at")
                    .values(SQLBind(code), SQLBind(level), SQLBind(0)).run()
                try await database.sql.insert(into: "agency_names").columns("agency_code", "valid_from", "name", "short_name")
                    .values(SQLBind(code), SQLBind("2000-01-01"), SQLBind("Cơ quan \(code)"), SQLBind("CQ")).run()
            }
            try await Migrator(database: database).migrate()
            let kinds = Dictionary(uniqueKeysWithValues: try await AgencyStore(database: database).all().map { ($0.code.rawValue, $0.kind) })
            #expect(kinds == ["000.00.15.H56": .center, "000.00.11.H56": .department, "000.00.01.H56": .other, "000.00.21.H56": .commune])
        }
    }
}
