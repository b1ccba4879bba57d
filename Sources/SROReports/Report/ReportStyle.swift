/// The report's stylesheet: a page per agency on US Letter, landscape, on
/// screen and in print; colours that survive a greyscale copier (the
/// missing shades are darker than the covered ones).
enum ReportStyle {
  static let css = """
    @page { size: letter landscape; margin: 0.3in; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #e9e9e4; color: #1d232b;
      font: 8.5pt/1.3 "Liberation Sans", Arial, Helvetica, sans-serif; }
    .page { width: 11in; min-height: 8.5in; margin: 0.25in auto; padding: 0.3in; background: #fff;
      box-shadow: 0 1px 4px rgba(0,0,0,.25); display: flex; flex-direction: column; gap: 5px; }
    @media print {
      body { background: #fff; }
      .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; }
      .page:last-child { break-after: auto; }
    }
    header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px;
      border-bottom: 2px solid #1d3557; padding-bottom: 5px; }
    h1 { font-size: 15pt; margin: 0; color: #1d3557; }
    h2 { font-size: 9pt; margin: 0 0 2px; text-transform: uppercase; letter-spacing: .04em; color: #1d3557; }
    .subtitle { margin: 1px 0 0; color: #4a5563; }
    .status { margin: 3px 0 0; font-weight: bold; }
    .status.feasible { color: #9a4a00; }
    .figures { display: flex; gap: 6px; }
    .figure { border: 1px solid #c9cfd6; border-radius: 4px; padding: 3px 8px; min-width: 0.95in; text-align: right; }
    .figure .value { display: block; font-size: 13pt; font-weight: bold; }
    .figure .label { display: block; font-size: 6.5pt; color: #4a5563; }
    .notes { margin: 0; font-size: 7.5pt; color: #4a5563; }
    .notes b { color: #1d232b; }
    table { border-collapse: collapse; }
    table.grid { width: 100%; table-layout: fixed; }
    .grid th, .grid td { border-bottom: 1px solid #dde1e5; padding: 1px 4px 2px; vertical-align: top; text-align: left; }
    .grid thead th { font-size: 8pt; border-bottom: 1px solid #1d3557; padding-bottom: 0; }
    .grid th.school { width: 17%; font-weight: normal; }
    .grid thead th.school { font-weight: bold; vertical-align: bottom; }
    .grid tbody th.school { font-weight: bold; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
      font-size: 8pt; vertical-align: middle; }
    .grid tbody th .id { display: none; }
    .grid td { border-left: 1px solid #eef0f2; }
    .names { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 7pt; height: 10px; line-height: 10px; }
    .short { color: #b3261e; font-weight: bold; margin-left: 4px; }
    .grid td.idle, .grid td.closed { color: #8a939e; font-size: 7.5pt; }
    .grid td.closed { background: repeating-linear-gradient(135deg, #f4f4f1 0 4px, #e6e6e1 4px 8px); }
    .why { display: block; height: 9px; line-height: 9px; margin-top: 1px; font-size: 6pt;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    svg.strip { display: block; width: 100%; height: 9px; margin-top: 1px; }
    .axis { position: relative; height: 10px; font-size: 6pt; font-weight: normal; color: #6b7480; }
    .axis span { position: absolute; top: 0; transform: translateX(-50%); }
    .axis span:first-child { transform: none; }
    .axis span:last-child { transform: translateX(-100%); }
    rect.idle { fill: #f1f1ee; }
    rect.home { fill: #2e7d4f; }
    rect.away { fill: #6fb38a; }
    rect.cross { fill: #7b5ea7; }
    rect.miss3 { fill: #a51d1d; }
    rect.miss2 { fill: #e0662d; }
    rect.miss1 { fill: #f2b134; }
    rect.tick { fill: #fff; opacity: .7; }
    .lower { display: flex; gap: 14px; align-items: flex-start; }
    .lower .block { flex: 1 1 0; min-width: 0; }
    .lower .gaps { flex-grow: 2; }
    .lower .hours { flex-grow: 1.3; }
    .lower .hours.wide { flex-grow: 2; }
    .columns { display: flex; gap: 10px; }
    .gaps td:nth-child(1) { width: 16%; white-space: nowrap; }
    .gaps .time { display: block; color: #4a5563; }
    table.list { width: 100%; font-size: 7.5pt; }
    .list td, .list th { padding: 0 3px 1px; vertical-align: top; text-align: left; border-bottom: 1px solid #eef0f2; }
    .list th { font-size: 6.5pt; color: #4a5563; font-weight: normal; }
    .list .time, .list td:first-child { white-space: nowrap; }
    .list .n { text-align: right; }
    .list .over { color: #b3261e; font-weight: bold; }
    .list .id { font-weight: bold; }
    table.officers { table-layout: fixed; }
    .officers td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .officers th:nth-child(1) { width: 46%; }
    .officers th:nth-child(2) { width: 34%; }
    .officers th:nth-child(4) { width: 8%; }
    .where, .need { display: block; font-size: 6.5pt; color: #4a5563; }
    .gaps tr.p3 td:first-child { border-left: 3px solid #a51d1d; }
    .gaps tr.p2 td:first-child { border-left: 3px solid #e0662d; }
    .gaps tr.p1 td:first-child { border-left: 3px solid #f2b134; }
    .reason { font-style: italic; font-size: 6.5pt; line-height: 1.25; color: #1d232b; }
    .none { margin: 0; color: #2e7d4f; }
    footer { margin-top: auto; display: flex; justify-content: space-between; align-items: center; gap: 10px;
      border-top: 1px solid #c9cfd6; padding-top: 3px; font-size: 6.5pt; color: #4a5563; }
    .legend { display: flex; flex-wrap: wrap; gap: 2px 8px; }
    .key { white-space: nowrap; }
    svg.swatch { width: 8px; height: 8px; vertical-align: -1px; margin-right: 3px; }
    .source { text-align: right; white-space: nowrap; }
    table.figures-table { width: 100%; font-size: 8pt; }
    .figures-table th, .figures-table td { border-bottom: 1px solid #dde1e5; padding: 2px 6px; text-align: right; }
    .figures-table th:first-child, .figures-table td:first-child { text-align: left; }
    .figures-table tr.sub td:first-child { padding-left: 16px; color: #4a5563; }
    .differences { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 18px; font-size: 7.5pt; }
    .differences h2 { text-transform: none; letter-spacing: 0; font-size: 9pt; }
    .differences p { margin: 0 0 2px; }
    .differences ul { margin: 0 0 6px; padding-left: 14px; }
    """
}
