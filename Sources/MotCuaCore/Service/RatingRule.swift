/// When a dossier may be rated, and through which path — one rule for the counter's tablet, the JSON API
/// and imports, so that no path can inflate the satisfaction figure:
/// - only after its result was returned (the citizen judges the whole service);
/// - once (the database also refuses a second rating of a dossier);
/// - at the counter, the tablet is signed in as a reception officer who reaches the dossier (the access rule:
///   an agency that received it, owns its procedure or works on it) — never a specialist, leader or manager;
///   otherwise the citizen rates through their own status lookup (code and phone digits), or the rating comes
///   in with an import of another system's ratings.
public enum RatingRule {
    public enum Path: Sendable {
        /// The counter's tablet (or an API client acting for it), signed in as this officer.
        case counterTablet(Principal)
        /// The citizen, having proved the dossier is theirs (its code and the applicant's phone digits).
        case citizenLookup
        /// Ratings recorded by another system, brought in by an administrator's import.
        case importedRecord
    }

    public struct Refusal: Error, Sendable, Equatable {
        public enum Reason: String, Sendable { case notReturned, alreadyRated, notTheCounter }
        public let reason: Reason
        public let message: String
    }

    /// Throws why `dossier` may not be rated through `path`, if it may not.
    public static func check(_ dossier: Dossier, alreadyRated: Bool, through path: Path) throws(Refusal) {
        guard dossier.returnedAt != nil else {
            throw Refusal(reason: .notReturned,
                          message: "Hồ sơ \(dossier.code) chưa trả kết quả; chỉ đánh giá được sau khi đã nhận kết quả.")
        }
        guard !alreadyRated else {
            throw Refusal(reason: .alreadyRated, message: "Hồ sơ \(dossier.code) đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.")
        }
        if case .counterTablet(let officer) = path {
            guard officer.role == .reception, officer.mayAccess(dossier) else {
                throw Refusal(reason: .notTheCounter,
                              message: "Chỉ tài khoản quầy tiếp nhận (máy đánh giá tại quầy) của cơ quan giải quyết hồ sơ \(dossier.code) mới ghi nhận đánh giá.")
            }
        }
    }
}
