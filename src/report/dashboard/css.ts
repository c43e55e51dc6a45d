/** The dashboard's stylesheet (inline; light and dark follow the system setting). */
export const DASHBOARD_CSS = String.raw`
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --card: #ffffff; --fg: #1c2128; --muted: #5c6670; --border: #e1e4e8;
  --grid: #eef0f3; --accent: #2563eb; --accent-soft: rgba(37, 99, 235, 0.10);
  --ok: #1a7f37; --fail: #d1242f; --warn: #9a6700; --slower: #bc4c00;
  --fail-soft: rgba(209, 36, 47, 0.09); --warn-soft: rgba(154, 103, 0, 0.10);
  --slower-soft: rgba(188, 76, 0, 0.10); --shadow: 0 1px 2px rgba(27, 31, 36, 0.06);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #151b23; --fg: #e6edf3; --muted: #9198a1; --border: #2f3742;
    --grid: #212830; --accent: #4493f8; --accent-soft: rgba(68, 147, 248, 0.16);
    --ok: #3fb950; --fail: #f85149; --warn: #d29922; --slower: #f0883e;
    --fail-soft: rgba(248, 81, 73, 0.14); --warn-soft: rgba(210, 153, 34, 0.14);
    --slower-soft: rgba(240, 136, 62, 0.14); --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 20px 20px 48px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
header.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; margin-bottom: 14px; }
header.top h1 { font-size: 22px; margin: 0; letter-spacing: -0.01em; }
header.top .sub { color: var(--muted); }
.filters {
  display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; padding: 10px 14px;
  background: var(--card); border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow);
  position: sticky; top: 0; z-index: 5; margin-bottom: 16px;
}
.filters label { display: inline-flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; }
.filters select {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 8px; max-width: 260px;
}
.filters .count { margin-left: auto; color: var(--muted); font-size: 13px; }
section.card {
  background: var(--card); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: var(--shadow); padding: 14px 16px; margin-bottom: 16px;
}
section.card > h2 { font-size: 15px; margin: 0 0 10px; display: flex; gap: 8px; align-items: baseline; }
section.card > h2 .hint { font-weight: normal; color: var(--muted); font-size: 12.5px; }
.attention-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px;
  grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); }
.attention-list li {
  display: flex; gap: 10px; align-items: flex-start; padding: 9px 11px; border-radius: 8px;
  border: 1px solid var(--border); background: var(--bg); min-width: 0;
}
.attention-list .what { min-width: 0; }
.attention-list .detail { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.badge {
  display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase;
  padding: 2px 7px; border-radius: 999px; white-space: nowrap;
}
.badge.slower { color: var(--slower); background: var(--slower-soft); }
.badge.flaky { color: var(--warn); background: var(--warn-soft); }
.badge.failing, .badge.failed { color: var(--fail); background: var(--fail-soft); }
.badge.success { color: var(--ok); background: rgba(26, 127, 55, 0.10); }
.all-good { color: var(--ok); margin: 0; }
button.op-link {
  font: inherit; font-weight: 600; color: var(--fg); background: none; border: 0; padding: 0;
  cursor: pointer; text-align: left; overflow-wrap: anywhere;
}
button.op-link:hover { color: var(--accent); text-decoration: underline; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: middle; }
th { font-size: 12px; font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover td { background: var(--accent-soft); }
td.name { max-width: 320px; overflow-wrap: anywhere; }
.rate.good { color: var(--ok); } .rate.meh { color: var(--warn); } .rate.bad { color: var(--fail); }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; }
.dot.ok { background: var(--ok); } .dot.fail { background: var(--fail); }
.muted { color: var(--muted); }
.spark { display: block; }
.charts { display: grid; gap: 14px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 540px), 1fr)); }
.chart-card { border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px 6px; background: var(--bg);
  position: relative; min-width: 0; }
.chart-card h3 { font-size: 13.5px; margin: 0; overflow-wrap: anywhere; }
.card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.measure-select { font: inherit; font-size: 12px; padding: 1px 4px; max-width: 60%; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; }
#overview-rows .measure { color: var(--muted); font-size: 11.5px; }
svg.chart text.direction { fill: var(--muted); font-size: 10px; }
.chart-card .meta { color: var(--muted); font-size: 12px; margin: 2px 0 4px; }
.chart-card .note { color: var(--muted); font-size: 11.5px; margin: 0 0 4px; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
svg.chart .axis { stroke: var(--border); stroke-width: 1; }
svg.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .area { fill: var(--accent-soft); stroke: none; }
svg.chart .pt { fill: var(--accent); }
svg.chart .fail { fill: var(--fail); stroke: var(--bg); stroke-width: 1.2; }
svg.chart .median { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 4; }
svg.chart text.median-label {
  fill: var(--muted); font-size: 10.5px; paint-order: stroke; stroke: var(--bg); stroke-width: 3px;
}
svg.chart .guide { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 3; }
svg.chart .hover { fill: var(--card); stroke: var(--accent); stroke-width: 2; }
svg.chart .hover.failed { stroke: var(--fail); }
svg.chart .overlay { fill: transparent; cursor: crosshair; }
svg.spark .line { fill: none; stroke: var(--accent); stroke-width: 1.4; stroke-linejoin: round; }
svg.spark .fail { fill: var(--fail); }
svg.spark .last { fill: var(--accent); }
.tooltip {
  position: absolute; pointer-events: none; z-index: 4; min-width: 150px; max-width: 280px;
  background: var(--card); color: var(--fg); border: 1px solid var(--border); border-radius: 8px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.14); padding: 7px 9px; font-size: 12px; line-height: 1.4;
}
.tooltip[hidden] { display: none; }
.tooltip .dur { font-size: 14px; font-weight: 650; }
.tooltip .row { display: flex; justify-content: space-between; gap: 12px; }
.tooltip .row span:first-child { color: var(--muted); }
.tooltip .row span:last-child { overflow-wrap: anywhere; text-align: right; }
td.err { max-width: 420px; }
td.err code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--fail); max-height: 7.5em; overflow: auto; }
td.err .details { display: block; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--muted); margin-top: 2px; }
.empty { color: var(--muted); padding: 8px 0; margin: 0; }
.nowrap { white-space: nowrap; }
button.more {
  font: inherit; font-size: 13px; color: var(--accent); background: var(--bg); cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; padding: 5px 12px; margin-top: 10px;
}
button.more:hover { border-color: var(--accent); }
button.more[hidden] { display: none; }
p.bound { margin: -6px 2px 14px; color: var(--muted); font-size: 13px; }
p.bound[hidden], section.card[hidden] { display: none; }
.attention-body .note, #attention-body .note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
.tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 6px; }
.tools label { display: inline-flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; }
.tools input {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 8px; width: min(320px, 60vw);
}
.tools .count { color: var(--muted); font-size: 13px; }
button.sort {
  font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer;
}
button.sort:hover { color: var(--accent); }
th[aria-sort="ascending"] button.sort::after { content: " \25B2"; font-size: 9px; }
th[aria-sort="descending"] button.sort::after { content: " \25BC"; font-size: 9px; }
footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
footer p { margin: 4px 0; }
@media (max-width: 640px) {
  main { padding: 12px 10px 32px; }
  .filters { position: static; }
  .filters .count { margin-left: 0; }
  th, td { padding: 6px 6px; }
}
`;
