import Hummingbird

/// Our own stylesheet, served from the binary with a long cache lifetime (its path carries a version).
/// Readable on a counter PC, a tablet and a phone; colours with at least 4.5:1 contrast.
enum SiteStyleSheet {
    static let path = StaticAsset.versioned("/tai-nguyen/motcua.css", text: text)

    /// The whole stylesheet: the base rules, then each part of the site's own rules (one file each, so
    /// that parts are written apart).
    static let text = [base, staffRules, receptionRules, dossierRules, dashboardRules, administrationRules,
                       submissionRules].joined(separator: "\n")

    static let base = """
    :root { --ink: #1b1f23; --muted: #4a5560; --brand: #0b4f8a; --line: #c9d3dc; --bg: #f6f8fa; --ok: #1d6b2f; --warn: #8a5300; --bad: #a4161a; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 17px/1.5 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
    a { color: var(--brand); }
    a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
    header.site { background: var(--brand); color: #fff; padding: 8px 16px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; }
    header.site a { color: #fff; } .brand { margin: 0; font-weight: 700; } .brand span { font-weight: 400; }
    header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    header.site a[aria-current] { text-decoration: underline; font-weight: 700; }
    main { max-width: 960px; margin: 0 auto; padding: 16px; }
    footer.site { color: var(--muted); border-top: 1px solid var(--line); padding: 12px 16px; font-size: 15px; }
    h1 { font-size: 1.6em; margin: 0.4em 0; } h2 { font-size: 1.25em; }
    form.inline { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 12px 0; }
    label { display: block; font-weight: 600; }
    input, select, button { font: inherit; padding: 8px 10px; border: 1px solid #7a8793; border-radius: 4px; }
    button { background: var(--brand); color: #fff; border-color: var(--brand); cursor: pointer; }
    table { border-collapse: collapse; width: 100%; margin: 12px 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 8px; text-align: left; vertical-align: top; }
    th { background: var(--bg); }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 12px 0; background: #fff; }
    .muted { color: var(--muted); }
    .verdict-early, .verdict-on_time, .within { color: var(--ok); font-weight: 600; }
    .verdict-late, .overdue { color: var(--bad); font-weight: 600; }
    .alert { border-left: 4px solid var(--warn); background: #fff8e6; padding: 8px 12px; }
    body.tablet main { max-width: none; min-height: 100vh; display: flex; flex-direction: column; justify-content: center; text-align: center; }
    body.tablet h1 { font-size: 2.2em; }
    .choices { display: flex; flex-wrap: wrap; gap: 24px; justify-content: center; margin-top: 24px; }
    .choices form { flex: 1 1 220px; max-width: 340px; }
    button.choice { width: 100%; min-height: 160px; font-size: 1.6em; font-weight: 700; border-radius: 16px; border: 0; }
    button.rat-hai-long { background: #1d6b2f; } button.hai-long { background: #0b4f8a; } button.khong-hai-long { background: #a4161a; }
    @media (max-width: 600px) { body { font-size: 16px; } th, td { padding: 6px 4px; } }
    @media print { header.site, footer.site, form { display: none; } }
    """

    static let staffRules = """
    header.site form.signout { margin-left: auto; display: flex; gap: 8px; align-items: center; }
    header.site form.signout button { background: transparent; border-color: #fff; padding: 4px 10px; }
    body.staff main { max-width: 1200px; }
    td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .signin { max-width: 420px; margin: 32px auto; } .signin input { width: 100%; }
    """

    static func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        StaticAsset(path: path, contentType: "text/css; charset=utf-8", text: text).addRoutes(to: router)
    }
}
