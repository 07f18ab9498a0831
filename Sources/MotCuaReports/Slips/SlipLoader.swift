import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// Loads what a slip needs from the stores: the dossier, the exact procedure version it runs under, the
/// agencies with their names over time; the slip is issued by the agency that received the dossier.
public struct SlipLoader: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // Not optimised: the Swift 6.3 release compiler crashes splitting this coroutine (LLVM coro-split).
    @_optimize(none)
    public func context(for code: DossierCode, officer: SlipOfficer?, number: String? = nil) async throws -> SlipContext {
        let dossier = try await DossierStore(database: database).dossier(code)
        let procedures = ProcedureStore(database: database)
        let procedure = dossier.receivedAt == nil
            ? try await procedures.procedure(dossier.procedure.code, at: dossier.registeredAt)
            : try await procedures.procedure(dossier.procedure)
        let agencies = try await AgencyStore(database: database).directory()
        let day = VietnamTime.localDate(of: dossier.lastEventAt)
        var context = try SlipContext(dossier: dossier, procedure: procedure, agencies: agencies, issuingAgency: dossier.deskAgencyCode,
                                      place: Self.place(in: agencies, on: day), officer: officer, number: number)
        context.formSet = SlipFormSet.of(dossier, among: try await Self.allFormSets(database))
        return context
    }

    /// The built-in form sets with the administrator's stored ones laid over them.
    public static func allFormSets(_ database: Database) async throws -> [SlipFormSet] {
        let stored = try await FormSetStore(database: database).definitions().map {
            try MotCuaJSON.decode(SlipFormSet.self, from: Data($0.utf8))
        }
        return SlipFormSet.merged(stored)
    }

    /// The place line of a document ("Đắk Nông, ngày …"): the province of the province-level agency's name
    /// on that day ("Ủy ban nhân dân tỉnh Đắk Nông" → "Đắk Nông").
    static func place(in agencies: AgencyDirectory, on day: LocalDate) -> String {
        // A province in force that day first (a merged province's predecessor keeps its old name).
        let provinces = agencies.agencies.values.filter { $0.level == .province }
            .sorted { ($0.naming(on: day) == nil ? 1 : 0, $0.code) < ($1.naming(on: day) == nil ? 1 : 0, $1.code) }
        let names = provinces.map { $0.name(on: day) }
        for name in names {
            for marker in ["tỉnh ", "thành phố "] {
                if let range = name.range(of: marker, options: .backwards) { return String(name[range.upperBound...]) }
            }
        }
        return names.first ?? ""
    }
}
