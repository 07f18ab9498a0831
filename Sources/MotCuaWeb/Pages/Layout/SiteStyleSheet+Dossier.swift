extension SiteStyleSheet {
    /// Rules of the dossier pages: a two-column header that folds on a phone, the steps table scrolling
    /// sideways on narrow screens instead of squeezing, action forms as cards, a plain timeline.
    static let dossierRules = """
    .dossier-page dl { display: grid; grid-template-columns: minmax(10em, max-content) 1fr; gap: 4px 16px; margin: 0; }
    .dossier-page dt { font-weight: 600; color: var(--muted); }
    .dossier-page dd { margin: 0; overflow-wrap: anywhere; }
    .dossier-page h1 { overflow-wrap: anywhere; }
    .dossier-page .status { font-weight: 700; }
    .dossier-page .notice { border-left: 4px solid var(--ok); background: #eaf6ed; padding: 8px 12px; }
    .table-scroll { overflow-x: auto; }
    .page-tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
    .page-tools button.secondary { background: #fff; color: var(--brand); }
    @media print { .page-tools, .dossier-actions { display: none; } }
    .dossier-actions { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 0 16px; }
    .dossier-actions h2, .dossier-actions > p { grid-column: 1 / -1; }
    .dossier-actions form { min-width: 0; }
    .dossier-actions fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    .dossier-actions button { white-space: normal; max-width: 100%; }
    .dossier-actions legend { font-weight: 700; padding: 0; margin-bottom: 4px; }
    .dossier-actions textarea, .dossier-actions input, .dossier-actions select { width: 100%; min-width: 0; max-width: 100%; font: inherit; padding: 8px 10px; border: 1px solid #7a8793; border-radius: 4px; }
    .dossier-actions [aria-invalid="true"] { border: 2px solid var(--bad); }
    form.quick { margin: 0; } form.quick button { padding: 4px 10px; font-size: 0.9em; }
    ol.timeline { padding-left: 1.5em; }
    ol.timeline li { margin: 0 0 8px; }
    ol.timeline .when, ol.timeline .who, ol.timeline .detail { color: var(--muted); }
    ol.timeline .detail { margin-left: 1em; }
    @media (max-width: 600px) { .dossier-page dl { grid-template-columns: 1fr; } .dossier-page dd { margin-bottom: 6px; } }
    """
}
