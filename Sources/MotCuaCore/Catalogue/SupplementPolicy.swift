import Foundation

/// What a supplement request during processing does to the dossier's processing period once the complete
/// dossier arrives.
public enum SupplementPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The period starts again from zero at the arrival (Decree 61/2018/NĐ-CP Art. 19.4). The default.
    case restart
    /// The period is suspended while waiting: the due instant moves by the working time waited.
    case pause
}
