import MotCuaCore

/// The agency an officer acts for at a desk: where the dossiers they receive are registered (the code's
/// prefix) and whose guidance log their contacts count in.
enum DeskAgency {
    /// Of the officer's agencies, the service center if there is one (reception officers belong to it),
    /// else the first by code. Managers and administrators, who work for every agency, act for the center.
    static func of(_ principal: Principal, in directory: AgencyDirectory) -> AgencyCode? {
        let own = principal.agencies.sorted { $0.rawValue < $1.rawValue }
        if let center = own.first(where: { directory[$0]?.level == .center }) { return center }
        if let first = own.first { return first }
        return principal.role == .manager || principal.role == .administrator ? center(in: directory) : nil
    }

    /// The center that receives online dossiers: the center-level agency directly under the province, else
    /// any center-level agency (first by code).
    static func center(in directory: AgencyDirectory) -> AgencyCode? {
        let centers = directory.agencies.values.filter { $0.level == .center }.sorted { $0.code.rawValue < $1.code.rawValue }
        let provincial = centers.first { center in
            center.parentCode.flatMap { directory[$0] }?.level == .province
        }
        return (provincial ?? centers.first)?.code
    }
}
