import Hummingbird

/// A page for addresses that lead nowhere: without it a browser shows its own bare error page for the
/// router's empty 404. The JSON API keeps its problem+json answers.
struct NotFoundPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !request.isAPIRequest {
            return SimplePage.response(status: .notFound, title: "Không tìm thấy trang",
                                       message: error.body ?? "Địa chỉ này không có trên trang. Vui lòng kiểm tra lại đường dẫn.")
        }
    }
}
