/// The style sheet embedded in every slip page. On screen the page shows as a sheet of A4 paper; printed, the
/// browser lays it on A4 with the Decree 30/2020/NĐ-CP margins (top and bottom 20 mm, left 30 mm, right 15 mm).
/// Fonts are the office's own (Times New Roman, or Liberation Serif with the same metrics): nothing is loaded.
enum SlipStyleSheet {
    static let css = """
    @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
    * { box-sizing: border-box; }
    html { background: #e8e8e8; }
    body { margin: 0; color: #000; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; line-height: 1.25; }
    .slip { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.25); }
    p { margin: 0; }
    table.slip-header { width: 100%; border-collapse: collapse; table-layout: fixed; }
    table.slip-header td { padding: 0; text-align: center; vertical-align: top; }
    table.slip-header td.issuer { width: 42.5%; }
    .parent, .issuing { font-size: 12pt; }
    .issuing { font-weight: bold; }
    .rule { width: 33%; margin: 1mm auto 0; border-top: 1px solid #000; }
    .nation-title { font-weight: bold; font-size: 12pt; white-space: nowrap; }
    .motto { display: inline-block; font-weight: bold; border-bottom: 1px solid #000; padding-bottom: 1px; }
    table.slip-header td.number, table.slip-header td.date { padding-top: 3mm; }
    table.slip-header td.date { font-style: italic; }
    h1.title { margin: 6mm 0 1mm; font-size: 14pt; font-weight: bold; text-align: center; }
    .subtitle { margin-bottom: 2mm; }
    .addressee { margin: 3mm 0 2mm; }
    .content { margin-top: 3mm; }
    p.line { margin-top: 1mm; }
    p.spaced { margin-top: 3mm; }
    p.prose { text-indent: 12.7mm; }
    .indent-1 { padding-left: 8mm; }
    .indent-2 { padding-left: 16mm; }
    .indent-3 { padding-left: 24mm; }
    .align-left { text-align: left; }
    .align-center { text-align: center; }
    .align-right { text-align: right; }
    .align-justify { text-align: justify; }
    table.grid { width: 100%; margin: 2mm 0; border-collapse: collapse; table-layout: fixed; font-size: 12pt; line-height: 1.25; }
    table.grid.compact { font-size: 11pt; }
    table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
    table.grid th, table.grid td.middle { vertical-align: middle; }
    table.grid tr { break-inside: avoid; page-break-inside: avoid; }
    table.grid thead { display: table-header-group; }
    table.grid p.cell-line + p.cell-line { margin-top: 0.5mm; }
    td.sign-box .sign-space { height: 13mm; }
    table.closing { width: 100%; margin-top: 5mm; border-collapse: collapse; table-layout: fixed; break-inside: avoid; page-break-inside: avoid; }
    table.closing td { padding: 0; text-align: center; vertical-align: top; }
    table.closing td.recipients { text-align: left; font-size: 11pt; }
    .recipients-title { font-size: 12pt; font-weight: bold; font-style: italic; }
    .sig-title { font-weight: bold; }
    .sig-instruction { font-style: italic; }
    .sig-name { font-weight: bold; }
    td.signature .sign-space { height: 20mm; }
    @media print {
      html { background: none; }
      .slip { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
    }
    """
}
