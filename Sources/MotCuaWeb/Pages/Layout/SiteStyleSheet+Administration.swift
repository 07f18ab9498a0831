extension SiteStyleSheet {
    /// Rules of the administration pages (users, calendar) and of feedback handling.
    static let administrationRules = """
    .admin-menu li { margin: 8px 0; }
    .notice { border-left: 4px solid var(--ok); background: #eef7f0; padding: 8px 12px; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    fieldset.agency-choices { border: 1px solid var(--line); border-radius: 4px; margin: 12px 0; padding: 8px 12px; }
    fieldset.agency-choices label.check { font-weight: 400; margin: 4px 0; }
    button.danger { background: var(--bad); border-color: var(--bad); }
    textarea { font: inherit; width: 100%; padding: 8px 10px; border: 1px solid #7a8793; border-radius: 4px; }
    nav.filters ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    nav.filters a[aria-current] { font-weight: 700; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
    blockquote { margin: 8px 0; padding: 4px 12px; border-left: 4px solid var(--line); white-space: pre-wrap; }
    .feedback-answer { white-space: pre-wrap; }
    .feedback-state { font-weight: 600; } .state-new { color: var(--warn); } .state-published { color: var(--ok); }
    .year-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px 20px; }
    table.month { width: 100%; margin: 0; table-layout: fixed; }
    table.month caption { font-weight: 700; text-align: left; padding: 4px 0; }
    table.month th, table.month td { text-align: center; padding: 4px 2px; border: 1px solid var(--line); }
    .day.weekend { color: var(--muted); background: var(--bg); }
    .day.off { background: #fbe9ea; color: var(--bad); font-weight: 700; }
    .day.makeup { background: #e6f1ea; color: var(--ok); font-weight: 700; }
    td.pad { border: 0; }
    .legend .day { display: inline-block; padding: 0 6px; border: 1px solid var(--line); }
    .time-field { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin: 12px 0; }
    fieldset.agency-choices input[type=checkbox] { width: 20px; height: 20px; vertical-align: middle; }
    details summary { cursor: pointer; color: var(--brand); font-weight: 600; }
    form.compact { margin: 8px 0; } form.compact p { margin: 4px 0; } form.compact input { width: 100%; }
    @media (max-width: 600px) { dl.facts { grid-template-columns: 1fr; } }
    """
}
