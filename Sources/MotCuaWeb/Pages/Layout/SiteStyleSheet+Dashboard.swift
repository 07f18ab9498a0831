extension SiteStyleSheet {
    /// Rules of the dashboard and report pages: figure tiles, server-drawn SVG charts (their colours are
    /// classes here and presentation attributes in the SVG), the late list, the report's editor.
    static let dashboardRules = """
    form.period-picker .or { margin: 0 0 10px; color: var(--muted); }
    ul.tiles { list-style: none; padding: 0; margin: 8px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
    .tile { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--bg); display: flex; flex-direction: column; }
    .tile-alert { border-left: 5px solid var(--bad); }
    .tile-label { color: var(--muted); font-weight: 600; }
    .tile-value { font-size: 1.8em; font-weight: 700; line-height: 1.2; }
    .tile-detail { font-size: 0.9em; color: var(--muted); }
    figure.chart-figure { margin: 8px 0 20px; }
    figure.chart-figure figcaption { color: var(--muted); font-size: 0.9em; }
    svg.chart { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
    svg.chart .chart-label, svg.chart .chart-value, svg.chart .chart-empty { font-size: 14px; fill: var(--ink); }
    svg.chart .chart-label.small { font-size: 12px; }
    svg.chart .c-counter { fill: #0b4f8a; } svg.chart .c-online { fill: #1d6b2f; } svg.chart .c-postal { fill: #8a5300; }
    svg.chart .c-good { fill: #1d6b2f; } svg.chart .c-bad { fill: #a4161a; }
    svg.chart g:hover rect { opacity: 0.8; }
    figure.chart-figure details summary { cursor: pointer; color: var(--brand); }
    figure.chart-figure table.numbers td, figure.chart-figure table.numbers th { padding: 4px 8px; }
    .table-scroll { overflow-x: auto; }
    td.number, td.code { white-space: nowrap; } td.number { text-align: right; }
    section.late nav.pager { display: flex; gap: 12px; align-items: center; }
    .report-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    a.dash-button { display: inline-block; background: var(--brand); color: #fff; padding: 8px 14px; border-radius: 4px; text-decoration: none; }
    iframe.report-preview { width: 100%; height: 80vh; border: 1px solid var(--line); background: #e8e8e8; }
    .paragraph-edit textarea, #form-muc textarea { font: inherit; width: 100%; min-height: 5em; padding: 8px; border: 1px solid #7a8793; border-radius: 4px; }
    .paragraph-edit { border-bottom: 1px solid var(--line); padding: 8px 0; }
    .paragraph-edit .id { font-family: monospace; color: var(--muted); font-size: 0.9em; }
    .paragraph-edit.edited { border-left: 4px solid var(--ok); padding-left: 8px; }
    .dash-error { color: var(--bad); font-weight: 600; }
    @media (max-width: 600px) { .tile-value { font-size: 1.4em; } iframe.report-preview { height: 60vh; } }
    """
}
