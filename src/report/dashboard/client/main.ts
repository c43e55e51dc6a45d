/**
 * The dashboard's in-page script (entry point). It reads the model from the page's inert JSON
 * (`#data`) and draws the filters, tables and charts. scripts/build-dashboard-client.mjs bundles it
 * into ../client.generated.ts, whose text the page inlines and its Content-Security-Policy hashes.
 */
import type { DashboardModel } from '../layout.js';
import { readPage } from './data.js';
import { byId, option } from './dom.js';
import { fmtCount } from './format.js';
import { initOthers } from './others.js';
import { RUN_PAGE, renderRuns } from './runs.js';
import { opButtons, renderAttention, renderCharts, renderOverview } from './sections.js';

const model = JSON.parse(byId('data').textContent ?? 'null') as DashboardModel;
const page = readPage(model);
const { state, charted } = page;
let runLimit = RUN_PAGE;

function visibleOps(): number[] {
  const ops: number[] = [];
  for (let i = 0; i < charted; i++) {
    if (state.op >= 0 && state.op !== i) continue;
    if (page.statOf(i)) ops.push(i);
  }
  return ops;
}

function update(): void {
  runLimit = RUN_PAGE;
  const ops = visibleOps();
  let runs = 0;
  let failures = 0;
  for (const i of ops) {
    const s = page.statOf(i);
    runs += s?.runs ?? 0;
    failures += s?.failures ?? 0;
  }
  byId('f-count').textContent =
    `${fmtCount(runs)} runs \u00b7 ${fmtCount(failures)} failed \u00b7 ` +
    ops.length +
    (ops.length === 1 ? ' operation' : ' operations') +
    (model.ops.length > charted ? ' charted' : '');
  renderOverview(page, ops, opButton);
  renderCharts(page, ops, update);
  renderRuns(page, runLimit);
}

const opButton = opButtons(page, (i) => {
  state.op = i;
  byId<HTMLSelectElement>('f-op').value = String(i);
  update();
});

function init(): void {
  const fmt = page.fmt;
  byId('title').textContent = model.title;
  byId('subtitle').textContent =
    `${fmtCount(model.totals.records)} runs of ${model.totals.operations}` +
    (model.totals.operations === 1 ? ' operation' : ' operations') +
    ` over the last ${model.days} days \u00b7 generated ${fmt.time(model.now)}`;
  const fop = byId<HTMLSelectElement>('f-op');
  const fbr = byId<HTMLSelectElement>('f-branch');
  const frg = byId<HTMLSelectElement>('f-range');
  option(fop, -1, 'All operations');
  // Only charted operations can be selected: the others have no series in this file.
  const choices = model.ops.slice(0, charted).map((name, i): [string, number] => [String(name), i]);
  choices.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  for (const [name, i] of choices) option(fop, i, name);
  option(fbr, -1, 'All branches');
  for (let b = 0; b < model.filterBranches; b++) option(fbr, b, model.branches[b] ?? '');
  model.ranges.forEach((r, i) => option(frg, i, r.label));
  frg.value = String(state.range);
  fop.addEventListener('change', () => {
    state.op = Number(fop.value);
    update();
  });
  fbr.addEventListener('change', () => {
    state.branch = Number(fbr.value);
    update();
  });
  frg.addEventListener('change', () => {
    state.range = Number(frg.value);
    update();
  });
  byId('runs-more').addEventListener('click', () => {
    runLimit += RUN_PAGE * 2;
    renderRuns(page, runLimit);
  });
  let foot =
    `Charts draw at most ${model.limits.pointsPerRange} runs per operation and time range ` +
    '(longer histories keep the fastest, slowest and latest failed run of each time slice); ' +
    'counts and percentiles are exact. Error text is truncated and secrets are redacted.';
  if (model.totals.skipped) {
    foot += ` ${fmtCount(model.totals.skipped)} unreadable records were skipped.`;
  }
  byId('foot').textContent = foot;
  renderAttention(page, opButton);
  initOthers(page);
  update();
  document.documentElement.setAttribute('data-ready', '1');
}

init();
