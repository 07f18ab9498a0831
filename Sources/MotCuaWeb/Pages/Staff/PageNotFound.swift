import HTTPTypes
import Hummingbird

/// A staff page's "not found", thrown from deep in a handler: a plain Vietnamese 404 page. Used as well
/// for things of another agency, so that their existence does not leak.
struct PageNotFound: HTTPResponseError {
    let message: String

    var status: HTTPResponse.Status { .notFound }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        SimplePage.response(status: .notFound, title: "Không tìm thấy", message: message)
    }
}
