/// The most bytes a request body may hold, by path: checked against `Content-Length` before anything is
/// read, and enforced again while the body is collected (a chunked body declares no length). The citizens'
/// forms, which anyone can post, get no more than their fields need.
enum BodyLimit {
    /// Every other form without files: the desk's forms, report paragraphs and records, administration.
    static let form = 512 * 1024

    static func bytes(forPath path: String) -> Int {
        if path.hasPrefix(OnlineSubmissionController.path + "/") { return OnlineSubmissionController.maximumRequestBytes }
        switch path {
        case PublicPaths.lookup, StatusLookupController.ratingPath: return 16 * 1024
        case RatingTabletController.path: return 8 * 1024
        case LoginController.path, FeedbackController.path: return 64 * 1024
        default: return form
        }
    }
}
