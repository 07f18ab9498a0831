import Hummingbird

/// The site's icon (a blue seal with "1", for "một cửa"), linked from every page so browsers do not ask
/// for a missing `/favicon.ico`; that address answers with the same icon for those that ask anyway.
enum SiteIcon {
    static let path = StaticAsset.versioned("/tai-nguyen/bieu-tuong.svg", text: text)

    static let text = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#0b4f8a"/>\
    <text x="16" y="22" font-family="sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="#fff">1</text></svg>
    """

    static func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        StaticAsset(path: path, contentType: "image/svg+xml", text: text).addRoutes(to: router)
        StaticAsset(path: "/favicon.ico", contentType: "image/svg+xml", text: text).addRoutes(to: router)
    }
}
