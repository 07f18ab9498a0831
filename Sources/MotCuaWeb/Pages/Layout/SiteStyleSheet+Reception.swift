extension SiteStyleSheet {
    /// Rules of the reception desk (`/tiep-nhan`), its printed slips and the guidance buttons (`/huong-dan`).
    /// The slip rules follow `SlipStyleSheet` (Decree 30/2020 page), scoped to `.slip-sheet` so that they
    /// style only the sheet inside a site page.
    static let receptionRules = """
    .button-link { display: inline-block; padding: 8px 14px; border: 1px solid var(--brand); border-radius: 4px; text-decoration: none; font-weight: 600; }
    .button-link.primary, button.primary { background: var(--brand); color: #fff; }
    button.secondary { background: #fff; color: var(--brand); }
    button.danger { background: var(--bad); border-color: var(--bad); }
    .actions { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin: 12px 0; }
    .reception-form { max-width: 760px; }
    .reception-form input[type=text], .reception-form input[type=tel], .reception-form input[type=email], .reception-form select, .reception-form textarea { width: 100%; }
    .applicant-fields input, .applicant-fields select { width: 100%; }
    textarea { font: inherit; padding: 8px 10px; border: 1px solid #7a8793; border-radius: 4px; width: 100%; }
    ul.checklist { list-style: none; padding: 0; margin: 8px 0; }
    ul.checklist li { display: flex; gap: 10px; align-items: flex-start; padding: 6px 0; border-bottom: 1px solid var(--line); }
    ul.checklist input { width: 22px; height: 22px; margin-top: 2px; flex: none; }
    ul.checklist label { font-weight: 400; }
    table.procedure-facts th { width: 30%; }
    .desk-refusal { margin-top: 24px; }
    .reception-search > div { flex: 1 1 320px; } .reception-search input[type=search] { width: 100%; }
    .guidance:not(.compact) .guidance-form input[type=text] { width: 100%; max-width: 640px; }
    .guidance-buttons { display: flex; flex-wrap: wrap; gap: 16px; margin: 12px 0; }
    button.guidance-button { flex: 1 1 200px; min-height: 96px; font-size: 1.3em; font-weight: 700; border-radius: 10px; }
    .guidance.compact button.guidance-button { min-height: 0; font-size: 1em; flex: 0 1 auto; }
    .guidance.compact .guidance-form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
    .guidance.compact .guidance-form p, .guidance.compact .guidance-buttons { margin: 0; }
    .guidance-today .count { font-weight: 700; }
    .confirmation { border-left: 4px solid var(--ok); background: #eaf6ec; padding: 8px 12px; }
    section.guidance-compact { border-top: 1px solid var(--line); margin-top: 24px; }
    .slip-toolbar h1 { margin-bottom: 4px; }
    .slip-sheet { background: #e8e8e8; padding: 8px 0; overflow-x: auto; }
    .slip-sheet .slip { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; background: #fff; color: #000; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; line-height: 1.25; }
    .slip-sheet p { margin: 0; }
    .slip-sheet table { margin: 0; }
    .slip-sheet th, .slip-sheet td { border-bottom: 0; background: none; }
    .slip-sheet table.slip-header { width: 100%; border-collapse: collapse; table-layout: fixed; }
    .slip-sheet table.slip-header td { padding: 0; text-align: center; vertical-align: top; }
    .slip-sheet table.slip-header td.issuer { width: 42.5%; }
    .slip-sheet .parent, .slip-sheet .issuing { font-size: 12pt; }
    .slip-sheet .issuing { font-weight: bold; }
    .slip-sheet .rule { width: 33%; margin: 1mm auto 0; border-top: 1px solid #000; }
    .slip-sheet .nation-title { font-weight: bold; font-size: 12pt; white-space: nowrap; }
    .slip-sheet .motto { display: inline-block; font-weight: bold; border-bottom: 1px solid #000; padding-bottom: 1px; }
    .slip-sheet table.slip-header td.number, .slip-sheet table.slip-header td.date { padding-top: 3mm; }
    .slip-sheet table.slip-header td.date { font-style: italic; }
    .slip-sheet h1.title { margin: 6mm 0 1mm; font-size: 14pt; font-weight: bold; text-align: center; }
    .slip-sheet .subtitle { margin-bottom: 2mm; }
    .slip-sheet .addressee { margin: 3mm 0 2mm; }
    .slip-sheet .content { margin-top: 3mm; }
    .slip-sheet p.line { margin-top: 1mm; }
    .slip-sheet p.spaced { margin-top: 3mm; }
    .slip-sheet p.prose { text-indent: 12.7mm; }
    .slip-sheet .indent-1 { padding-left: 8mm; } .slip-sheet .indent-2 { padding-left: 16mm; } .slip-sheet .indent-3 { padding-left: 24mm; }
    .slip-sheet .align-left { text-align: left; } .slip-sheet .align-center { text-align: center; }
    .slip-sheet .align-right { text-align: right; } .slip-sheet .align-justify { text-align: justify; }
    .slip-sheet table.grid { width: 100%; margin: 2mm 0; border-collapse: collapse; font-size: 12pt; }
    .slip-sheet table.grid th, .slip-sheet table.grid td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
    .slip-sheet table.closing { width: 100%; margin-top: 5mm; border-collapse: collapse; table-layout: fixed; }
    .slip-sheet table.closing td { padding: 0; text-align: center; vertical-align: top; }
    .slip-sheet .sig-title, .slip-sheet .sig-name { font-weight: bold; }
    .slip-sheet .sig-instruction { font-style: italic; }
    .slip-sheet td.signature .sign-space { height: 20mm; }
    @media (max-width: 800px) { .slip-sheet .slip { width: auto; min-height: 0; padding: 8mm; font-size: 12pt; } }
    @media print {
      @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
      body.staff .slip-toolbar, body.staff .skip { display: none; }
      body.staff main { max-width: none; padding: 0; }
      .slip-sheet { background: none; padding: 0; overflow: visible; }
      .slip-sheet .slip { width: auto; min-height: 0; margin: 0; padding: 0; }
    }
    """
}
