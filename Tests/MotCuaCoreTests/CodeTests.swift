import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Codes and applicants")
struct CodeTests {
    @Test(arguments: ["000.00.15.H56", "000.00.00.H56", "123.45.67.G01", "H56", "h56", " 000.00.15.h56 "])
    func goodAgencyCodes(text: String) throws {
        let code = try AgencyCode(parsing: text)
        #expect(code.rawValue == text.trimmingCharacters(in: .whitespaces).uppercased())
        #expect(code.unitCode == text.trimmingCharacters(in: .whitespaces).uppercased().suffix(3).description)
    }

    @Test(arguments: ["", "000.00.15", "00.00.15.H56", "000.0.15.H56", "000.00.15.56H", "000-00-15-H56", "000.00.15.H5",
                      "000.00.15.H567", "HH6", "56", "000.00.15.Đ56", "000.00.15.H56.1"])
    func badAgencyCodes(text: String) {
        let error = validationError { _ = try AgencyCode(parsing: text) }
        #expect(error?.field == "agency_code")
        #expect(error?.vietnameseMessage.contains("QCVN 102:2016") == true)
    }

    @Test func agencyCodeJSONIsTheString() throws {
        let code = try AgencyCode(parsing: "000.00.15.H56")
        #expect(String(decoding: try MotCuaJSON.encode([code]), as: UTF8.self) == "[\"000.00.15.H56\"]")
        #expect(throws: (any Error).self) { _ = try MotCuaJSON.decode([AgencyCode].self, from: Data("[\"15.H56\"]".utf8)) }
        #expect(code.isBareUnit == false)
        #expect(try AgencyCode(parsing: "H56").isBareUnit)
    }

    @Test(arguments: ["1.001234", "2.000123", "3.000001", "10.123456", "123.000001"])
    func goodProcedureCodes(text: String) throws {
        #expect(try ProcedureCode(parsing: text).description == text)
    }

    @Test(arguments: ["", "1.00123", "1.0012345", ".001234", "1,001234", "1.00123a", "1234.001234", "1.001234.1", "a.001234", "1001234"])
    func badProcedureCodes(text: String) {
        #expect(validationError { _ = try ProcedureCode(parsing: text) }?.field == "procedure_code")
    }

    @Test func dossierCodeFormatAndParse() throws {
        let code = try DossierCode(agencyCode: AgencyCode(parsing: "000.00.15.H56"), date: date("2021-07-12"), sequence: 7)
        #expect(code.description == "000.00.15.H56-210712-0007")
        #expect(try DossierCode(parsing: "000.00.15.H56-210712-0007") == code)
        let bare = try DossierCode(parsing: "H56-260105-1234")
        #expect(bare.agencyCode.rawValue == "H56")
        #expect(bare.date == date("2026-01-05"))
        #expect(bare.sequence == 1234)
        #expect(try DossierCode(parsing: "000.00.15.H56-210712-9999").sequence == 9999)
        // Ordered by agency, day, sequence.
        #expect(code < (try DossierCode(parsing: "000.00.15.H56-210712-0008")))
        #expect(code < (try DossierCode(parsing: "000.00.15.H56-210713-0001")))
        let json = try MotCuaJSON.encode(["code": code])
        #expect(String(decoding: json, as: UTF8.self) == "{\"code\":\"000.00.15.H56-210712-0007\"}")
    }

    @Test(arguments: ["", "000.00.15.H56", "000.00.15.H56-210712", "000.00.15.H56-210712-0000", "000.00.15.H56-210712-007",
                      "000.00.15.H56-210712-00007", "000.00.15.H56-211312-0001", "000.00.15.H56-210230-0001",
                      "000.00.15.H56-2107120-0001", "15.H56-210712-0001", "000.00.15.H56-21O712-0001", "000.00.15.H56--210712-0001"])
    func badDossierCodes(text: String) {
        let error = validationError { _ = try DossierCode(parsing: text) }
        #expect(error?.field == "dossier_code")
        #expect(error?.description.contains("<agency code>-YYMMDD-XXXX") == true)
    }

    @Test func dossierCodeSequenceBounds() throws {
        let agency = try AgencyCode(parsing: "H56")
        #expect(validationError { _ = try DossierCode(agencyCode: agency, date: date("2021-07-12"), sequence: 0) }?.field == "dossier_code.sequence")
        #expect(validationError { _ = try DossierCode(agencyCode: agency, date: date("2021-07-12"), sequence: 10_000) }?.field == "dossier_code.sequence")
        #expect(validationError { _ = try DossierCode(agencyCode: agency, date: date("2100-01-01"), sequence: 1) }?.field == "dossier_code.date")
    }

    @Test func applicantNormalisesAndValidates() throws {
        let a = try Applicant(kind: .person, name: "  Nguyễn Văn A ", idNumber: "066090001234", phone: "+84 912.345.678",
                              email: " NguyenVanA@Gmail.com ", address: " ")
        #expect(a.name == "Nguyễn Văn A")
        #expect(a.phone == "0912345678")
        #expect(a.email == "nguyenvana@gmail.com")
        #expect(a.address == nil)
        #expect(try Applicant(kind: .organisation, name: "Công ty", idNumber: "6400123456-001", phone: "0261 3544 123").phone == "02613544123")
        #expect(try Applicant(kind: .person, name: "B", idNumber: "C1234567", phone: "", email: "").phone == nil)

        for phone in ["12345", "0912 345 67", "091234567890", "09123abc78", "1912345678", "+1 202 555 0100"] {
            #expect(validationError { _ = try Applicant(kind: .person, name: "A", idNumber: "066090001234", phone: phone) }?.field == "applicant.phone", "\(phone)")
        }
        for email in ["a", "a@b", "@b.vn", "a@b..vn", "a b@c.vn", "a@@b.vn", "a@b.vn;c@d.vn", "a@.vn"] {
            #expect(validationError { _ = try Applicant(kind: .person, name: "A", idNumber: "066090001234", email: email) }?.field == "applicant.email", "\(email)")
        }
        #expect(validationError { _ = try Applicant(kind: .person, name: " ", idNumber: "066090001234") }?.field == "applicant.name")
        for id in ["", "123", "0660 9000", "-123456", "06609000123456789012345"] {
            #expect(validationError { _ = try Applicant(kind: .person, name: "A", idNumber: id) }?.field == "applicant.id_number", "\(id)")
        }
        // Decoding validates too.
        let bad = Data(#"{"kind":"person","name":"A","id_number":"066090001234","phone":"123"}"#.utf8)
        #expect(throws: ValidationError.self) { _ = try MotCuaJSON.decode(Applicant.self, from: bad) }
    }

    @Test func enumsKeepTheirExternalNames() {
        #expect(Channel.allCases.map(\.rawValue) == ["counter", "online", "postal"])
        #expect(OnlineLevel.allCases.map(\.rawValue) == ["full", "partial", "none"])
        #expect(SupplementPolicy.allCases.map(\.rawValue) == ["restart", "pause"])
        #expect(DossierStatus.allCases.map(\.code) == Array(1...10))
        #expect(DossierStatus.allCases.map(\.vietnameseLabel) == [
            "Mới đăng ký", "Đã tiếp nhận", "Không được tiếp nhận", "Đang xử lý", "Yêu cầu bổ sung",
            "Yêu cầu thực hiện nghĩa vụ tài chính", "Công dân yêu cầu rút hồ sơ", "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả",
        ])
        #expect(Set(DossierEventKind.typeNames).count == DossierEventKind.typeNames.count)
    }
}
