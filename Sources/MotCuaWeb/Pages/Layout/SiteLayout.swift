import Plot

/// The frame of every page: skip link, header with the site's name, navigation, main landmark, footer.
/// No external resources: our own stylesheet is served by the binary (`/tai-nguyen/motcua.css`).
enum SiteLayout {
    struct Link: Sendable { let path: String; let title: String }

    static let navigation = [
        Link(path: "/", title: "Trang chủ"),
        Link(path: PublicPaths.procedures, title: "Thủ tục hành chính"),
        Link(path: PublicPaths.lookup, title: "Tra cứu hồ sơ"),
        Link(path: FeedbackController.path, title: "Phản ánh, kiến nghị"),
        Link(path: LoginController.path, title: "Đăng nhập cán bộ"),
    ]

    static func page(title: String, current: String? = nil, _ content: Node<HTML.BodyContext>...) -> HTML {
        document(title: title, bodyClass: nil,
                 header: .header(
                    .class("site"),
                    .p(.class("brand"), .a(.href("/"), .text("MotCua")),
                       .span(.text(" · Trung tâm Phục vụ hành chính công"))),
                    .nav(
                        .attribute(named: "aria-label", value: "Điều hướng chính"),
                        .ul(.forEach(navigation) { link in
                            .li(.a(.href(link.path), .if(link.path == current, .attribute(named: "aria-current", value: "page")),
                                   .text(link.title)))
                        })
                    )
                 ),
                 content: .group(content))
    }

    /// The document around a header and content: skip link, main landmark, footer, our stylesheet and script.
    static func document(title: String, bodyClass: String?, header: Node<HTML.BodyContext>,
                         content: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .lang(.vietnamese),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", text: "\(title) — MotCua"),
                .stylesheet(SiteStyleSheet.path),
                .link(.rel(.icon), .href(SiteIcon.path), .type("image/svg+xml")),
                .script(.src(SiteScript.path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .unwrap(bodyClass) { .class($0) },
                .a(.class("skip"), .href("#noi-dung"), .text("Bỏ qua, đến nội dung chính")),
                header,
                .main(.id("noi-dung"), content),
                .footer(.class("site"), .p(.text("MotCua — phần mềm một cửa, mã nguồn mở.")))
            )
        )
    }
}

enum PublicPaths {
    static let procedures = "/thu-tuc"
    static let lookup = "/tra-cuu"
}
