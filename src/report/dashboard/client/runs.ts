/** The recent-runs table: the model's newest runs, narrowed by the filters. */
import type { DashboardRun } from '../layout.js';
import type { Page } from './data.js';
import { byId, clear, el, link } from './dom.js';
import { fmtMs } from './format.js';

export const RUN_PAGE = 25;

function runCells(page: Page, r: DashboardRun): HTMLTableRowElement {
  const tr = el('tr');
  tr.setAttribute('data-op', String(r.op));
  tr.appendChild(el('td', 'nowrap', page.fmt.time(r.t)));
  const name = el('td', 'name');
  name.appendChild(el('span', null, page.model.ops[r.op]));
  tr.appendChild(name);
  tr.appendChild(el('td', 'num', fmtMs(r.ms)));
  const st = el('td');
  st.appendChild(el('span', `badge ${r.ok ? 'success' : 'failed'}`, r.ok ? 'success' : 'failed'));
  tr.appendChild(st);
  const br = el('td', 'name');
  const b = page.branchName(r.branch);
  if (b) br.appendChild(link(b, r.branchUrl));
  else br.appendChild(el('span', 'muted', '\u2013'));
  if (r.pr) {
    br.appendChild(document.createTextNode(' '));
    br.appendChild(link(`#${r.pr}`, r.prUrl, 'muted'));
  }
  tr.appendChild(br);
  const cm = el('td', 'mono nowrap');
  const c = page.shortSha(r.commit);
  if (c) cm.appendChild(link(c, r.commitUrl));
  else cm.appendChild(el('span', 'muted', '\u2013'));
  if (r.runUrl) {
    cm.appendChild(document.createTextNode(' '));
    cm.appendChild(link('run', r.runUrl, 'muted'));
  }
  tr.appendChild(cm);
  const err = el('td', 'err');
  if (r.error) err.appendChild(el('code', null, r.error));
  if (r.details) err.appendChild(el('span', 'details mono', r.details));
  tr.appendChild(err);
  return tr;
}

/** Renders the first `limit` matching runs. */
export function renderRuns(page: Page, limit: number): void {
  const { model, state } = page;
  const body = clear(byId('runs-rows'));
  const start = page.rangeStart();
  const rows = model.runs.filter(
    (r) =>
      (state.op < 0 || r.op === state.op) &&
      (state.branch < 0 || r.branch === state.branch) &&
      r.t >= start,
  );
  const shown = rows.slice(0, limit);
  for (const r of shown) body.appendChild(runCells(page, r));
  byId('runs-empty').hidden = shown.length > 0;
  const more = byId('runs-more');
  more.hidden = rows.length <= shown.length;
  more.textContent = `Show ${Math.min(RUN_PAGE * 2, rows.length - shown.length)} more`;
  byId('runs-hint').textContent =
    `showing ${shown.length} of ${rows.length} matching \u00b7 this file keeps the newest ` +
    `${model.limits.runRows} runs and the newest ${model.limits.runRowsPerOperation} of each operation`;
}
