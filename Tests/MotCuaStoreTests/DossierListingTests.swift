import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

@Suite("Dossier lists: filters and keyset pagination on SQLite and PostgreSQL")
struct DossierListingTests {
    let t = Fixtures.instant

    func register(_ store: DossierStore, at instant: Date, agency: AgencyCode = Fixtures.center,
                  channel: Channel = .counter, name: String = "Công ty TNHH Cà phê Đắk Nông") async throws -> Dossier {
        try await store.register(
            RegistrationRequest(receivingAgency: agency, procedureCode: Fixtures.investmentCode,
                                applicant: Fixtures.applicant(name: name), channel: channel),
            at: instant, actor: "tiepnhan")
    }

    @Test("pages walk every row exactly once, newest first, while new dossiers arrive", arguments: TestBackend.available)
    func pagination(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            var original: [String] = []
            // 25 dossiers over two days; pairs share an instant, so the code breaks the ties.
            for i in 0..<25 {
                let instant = t("2021-07-12 08:00").addingTimeInterval(Double(i / 2) * 1_800 + Double(i / 12) * 86_400)
                original.append(try await register(store, at: instant).code.rawValue)
            }
            var seen: [DossierSummary] = []
            var cursor: DossierCursor?
            var pages = 0
            repeat {
                let page = try await store.list(DossierFilter(), after: cursor, limit: 7)
                #expect(page.items.count <= 7)
                seen += page.items
                cursor = page.nextCursor
                pages += 1
                // Someone registers meanwhile: a newer dossier (before the cursor, so not in later pages) and,
                // on the first page only, one back-dated into the part still to come (shown once, later).
                _ = try await register(store, at: t("2021-07-20 09:00").addingTimeInterval(Double(pages) * 60))
                if pages == 1 { original.append(try await register(store, at: t("2021-07-12 07:00")).code.rawValue) }
                // The cursor survives its text form.
                if let c = cursor { cursor = try DossierCursor(token: c.token) }
            } while cursor != nil && pages < 20
            let codes = seen.map(\.code.rawValue)
            #expect(Set(codes).count == codes.count, "a dossier was shown twice")
            #expect(Set(codes) == Set(original), "every dossier present at the start (or inserted ahead of the cursor) is shown once")
            #expect(pages == 4)
            let keys = seen.map { (Int($0.registeredAt.timeIntervalSince1970), $0.code.rawValue) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 }, "strictly newest first")
            // The last page says so.
            let last = try await store.list(DossierFilter(), after: DossierCursor(registeredAt: t("2021-07-12 07:00"), code: try DossierCode(parsing: original.last!)), limit: 7)
            #expect(last.items.isEmpty && last.nextCursor == nil)
        }
    }

    @Test("each filter narrows the list", arguments: TestBackend.available)
    func filters(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let a = try await register(store, at: t("2021-07-12 08:00"), name: "Nguyễn Văn Ánh")
            let b = try await register(store, at: t("2021-07-13 08:00"), channel: .online, name: "Trần Thị Bích")
            let c = try await register(store, at: t("2021-07-14 08:00"), agency: Fixtures.planning, name: "Công ty Cổ phần Điện gió")
            let transferred = try await store.execute(.transfer, on: c.code, at: t("2021-07-14 09:00"), actor: "tiepnhan")
            #expect(transferred.status == .processing)

            func codes(_ filter: DossierFilter) async throws -> Set<String> {
                Set(try await store.list(filter, limit: 100).items.map(\.code.rawValue))
            }
            let all: Set = [a.code.rawValue, b.code.rawValue, c.code.rawValue]
            #expect(try await codes(DossierFilter()) == all)
            #expect(try await codes(DossierFilter(statuses: [.newlyRegistered])) == [b.code.rawValue])
            #expect(try await codes(DossierFilter(statuses: [.received, .processing])) == [a.code.rawValue, c.code.rawValue])
            #expect(try await codes(DossierFilter(receivingAgency: Fixtures.planning)) == [c.code.rawValue])
            #expect(try await codes(DossierFilter(owningAgency: Fixtures.planning)) == all)
            #expect(try await codes(DossierFilter(owningAgency: Fixtures.environment)).isEmpty)
            #expect(try await codes(DossierFilter(currentAgency: Fixtures.planning)) == [c.code.rawValue])
            #expect(try await codes(DossierFilter(procedureCode: Fixtures.investmentCode)) == all)
            #expect(try await codes(DossierFilter(procedureCode: try ProcedureCode(parsing: "1.000001"))).isEmpty)
            #expect(try await codes(DossierFilter(channel: .online)) == [b.code.rawValue])
            // Received dates are local, both ends included; an online dossier not yet received has none.
            let d12 = try LocalDate(iso: "2021-07-12"), d13 = try LocalDate(iso: "2021-07-13"), d14 = try LocalDate(iso: "2021-07-14")
            #expect(try await codes(DossierFilter(receivedFrom: d13)) == [c.code.rawValue])
            #expect(try await codes(DossierFilter(receivedTo: d13)) == [a.code.rawValue])
            #expect(try await codes(DossierFilter(receivedFrom: d12, receivedTo: d14)) == [a.code.rawValue, c.code.rawValue])
            // Search: applicant name without diacritics or case, code fragments, every word must match.
            #expect(try await codes(DossierFilter(search: "nguyen van anh")) == [a.code.rawValue])
            #expect(try await codes(DossierFilter(search: "  ĐIỆN   gio ")) == [c.code.rawValue])
            #expect(try await codes(DossierFilter(search: "210713")) == [b.code.rawValue])
            #expect(try await codes(DossierFilter(search: c.code.rawValue.lowercased())) == [c.code.rawValue])
            #expect(try await codes(DossierFilter(search: "nguyen bich")).isEmpty)
            #expect(try await codes(DossierFilter(search: "%")) == all)
            // Visibility: receiving, owning or current agency among the officer's.
            #expect(try await codes(DossierFilter(visibleTo: [Fixtures.center])) == [a.code.rawValue, b.code.rawValue])
            #expect(try await codes(DossierFilter(visibleTo: [Fixtures.province])).isEmpty)
            #expect(try await codes(DossierFilter(visibleTo: [])).isEmpty)
            // Criteria combine.
            #expect(try await codes(DossierFilter(statuses: [.received], receivingAgency: Fixtures.center, search: "anh")) == [a.code.rawValue])

            let summary = try #require(try await store.list(DossierFilter(search: "dien gio")).items.first)
            #expect(summary.currentStep == "Thẩm định hồ sơ")
            #expect(summary.currentAgency == Fixtures.planning)
            #expect(summary.applicant?.name == "Công ty Cổ phần Điện gió")
            #expect(summary.dueAt == transferred.dueAt)
            #expect(summary.version == transferred.version)
        }
    }

    @Test("a cursor that this list did not make is refused")
    func badCursor() throws {
        #expect(throws: ValidationError.self) { try DossierCursor(token: "not a cursor") }
        #expect(throws: ValidationError.self) { try DossierCursor(token: Data("12|nope".utf8).base64EncodedString()) }
        let cursor = DossierCursor(registeredAt: t("2021-07-12 08:00"), code: try DossierCode(parsing: "000.00.15.H56-210712-0007"))
        #expect(!cursor.token.contains("=") && !cursor.token.contains("+") && !cursor.token.contains("/"))
        #expect(try DossierCursor(token: cursor.token) == cursor)
    }

    @Test("M0006 folds the search text of dossiers stored before it", arguments: TestBackend.available)
    func backfill(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrate: false) { database in
            let upTo5 = Migrations.all.filter { $0.version < 6 }
            try await Migrator(database: database, migrations: upTo5).migrate()
            // The agencies as a version-5 schema holds them (today's store writes columns added since).
            for agency in try Fixtures.agencies() {
                try await database.sql.insert(into: "agencies").columns("code", "parent_code", "level", "created_at")
                    .values(SQLBind(agency.code.rawValue), SQLBind(agency.parentCode?.rawValue), SQLBind(agency.level.rawValue), SQLBind(0))
                    .run()
                for naming in agency.names {
                    try await database.sql.insert(into: "agency_names").columns("agency_code", "valid_from", "name", "short_name")
                        .values(SQLBind(agency.code.rawValue), SQLBind(naming.validFrom.description), SQLBind(naming.name),
                                SQLBind(naming.shortName))
                        .run()
                }
            }
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let state = try MotCuaJSON.encode(["applicant": ["kind": "person", "name": "Lê Văn Đức", "id_number": "012345678901"]])
            try await database.sql.insert(into: "dossiers")
                .columns("code", "receiving_agency_code", "procedure_code", "procedure_version", "owning_agency_code", "field",
                         "channel", "status", "applicant_name", "registered_at", "version", "state", "updated_at")
                .values(SQLBind("000.00.15.H56-210712-0001"), SQLBind(Fixtures.center.rawValue), SQLBind(Fixtures.investmentCode.rawValue),
                        SQLBind(1), SQLBind(Fixtures.planning.rawValue), SQLBind("Đầu tư"), SQLBind("counter"), SQLBind(2),
                        SQLBind("Lê Văn Đức"), SQLBind(1_626_051_600), SQLBind(2), SQLBind(String(decoding: state, as: UTF8.self)),
                        SQLBind(1_626_051_600))
                .run()
            try await Migrator(database: database).migrate()
            let page = try await DossierStore(database: database).list(DossierFilter(search: "le van duc"))
            #expect(page.items.map(\.code.rawValue) == ["000.00.15.H56-210712-0001"])
        }
    }
}
