import Hummingbird

/// The site's only script, plain JavaScript served by the binary (the CSP allows no inline script).
/// Pages work without it; it adds conveniences: print buttons, confirmation of irreversible actions.
/// Markup hooks: `data-print` on a button prints the page; `data-confirm="…"` on a form asks first.
enum SiteScript {
    static let path = StaticAsset.versioned("/tai-nguyen/motcua.js", text: text)

    static let text = """
    "use strict";
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-print]");
      if (button) { event.preventDefault(); window.print(); }
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var question = form.getAttribute && form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) { event.preventDefault(); }
    });
    """

    static func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        StaticAsset(path: path, contentType: "text/javascript; charset=utf-8", text: text).addRoutes(to: router)
    }
}
