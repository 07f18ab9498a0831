import Plot

/// The sign-in page, in the public site layout. Attribute values that carry input go through `.escaped`
/// (Plot escapes text, not attributes).
struct LoginPage {
    struct Model: Sendable, Equatable {
        /// Where to go after signing in (a local path), carried through the form.
        var next: String?
        var csrfToken: String?
        /// What the visitor typed, shown again after a failure (never the password).
        var username: String = ""
        /// The message of a failed attempt.
        var error: String?
    }

    static let wrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng."
    static let tooManyAttempts = "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."

    let model: Model

    var document: HTML {
        SiteLayout.page(title: "Đăng nhập", current: LoginController.path,
                .div(.class("card signin"),
                    .h1(.text("Đăng nhập cán bộ")),
                    .unwrap(model.error) { message in
                        .p(.id("login-error"), .class("alert"), .attribute(named: "role", value: "alert"), .text(message))
                    },
                    .form(
                        .method(.post),
                        .action(LoginController.path),
                        .unwrap(model.csrfToken) { token in
                            .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", token))
                        },
                        .unwrap(model.next) { next in
                            .input(.type(.hidden), .name("next"), .escaped("value", next))
                        },
                        .p(
                            .label(.attribute(named: "for", value: "username"), .text("Tên đăng nhập")),
                            .input(.id("username"), .name("username"), .type(.text), .escaped("value", model.username),
                                   .attribute(named: "autocomplete", value: "username"),
                                   .attribute(named: "autocapitalize", value: "none"),
                                   .required(true), .autofocus(model.username.isEmpty),
                                   .attribute(named: "aria-describedby", value: model.error == nil ? "" : "login-error"))
                        ),
                        .p(
                            .label(.attribute(named: "for", value: "password"), .text("Mật khẩu")),
                            .input(.id("password"), .name("password"), .type(.password),
                                   .attribute(named: "autocomplete", value: "current-password"),
                                   .required(true), .autofocus(!model.username.isEmpty))
                        ),
                        .p(.button(.type(.submit), .text("Đăng nhập")))
                    )
                )
        )
    }
}
