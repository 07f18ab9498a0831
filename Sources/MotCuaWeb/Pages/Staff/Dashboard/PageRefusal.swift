import HTTPTypes
import Hummingbird

/// A request a page answers with a finished response instead of its content (a 400 page naming what is
/// wrong with the period asked for): thrown from a helper, turned into its response by the middleware.
struct PageRefusal: HTTPResponseError {
    let page: Response

    var status: HTTPResponse.Status { page.status }

    func response(from request: Request, context: some RequestContext) throws -> Response { page }
}
