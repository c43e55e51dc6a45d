/** The attention panel, the operations overview and the chart cards. */
import { drawChart, sparkline } from './chart.js';
import type { Page } from './data.js';
import { byId, clear, el } from './dom.js';
import { fmtCount, fmtMs, fmtRate } from './format.js';

/** A button that narrows the page to one operation. */
export type OpButton = (op: number) => HTMLElement;

export function opButtons(page: Page, selectOp: (op: number) => void): OpButton {
  return (i) => {
    const b = el('button', 'op-link', page.model.ops[i]);
    b.setAttribute('type', 'button');
    b.setAttribute('title', 'Show only this operation');
    b.addEventListener('click', () => selectOp(i));
    return b;
  };
}

const KIND_LABELS: Record<string, string> = {
  slower: 'Slower',
  flaky: 'Flaky',
  failing: 'Failing',
};

export function renderAttention(page: Page, opButton: OpButton): void {
  const { model } = page;
  const box = clear(byId('attention-body'));
  if (!model.attention.length) {
    box.appendChild(
      el(
        'p',
        'all-good',
        '\u2713 Nothing needs attention: no operation got slower, is flaky or is failing.',
      ),
    );
    return;
  }
  const ul = el('ul', 'attention-list');
  for (const item of model.attention) {
    const li = el('li');
    const kind = String(item.kind);
    const label = KIND_LABELS[kind];
    li.setAttribute('data-kind', kind);
    li.appendChild(el('span', `badge ${label ? kind : 'failing'}`, label ?? kind));
    const what = el('div', 'what');
    const idx = model.ops.indexOf(item.name);
    what.appendChild(
      idx >= 0 && idx < page.charted ? opButton(idx) : el('strong', null, item.name),
    );
    what.appendChild(el('div', 'detail', item.detail));
    li.appendChild(what);
    ul.appendChild(li);
  }
  box.appendChild(ul);
  const more = model.totals.attention - model.attention.length;
  if (more > 0) {
    box.appendChild(
      el(
        'p',
        'note',
        `and ${fmtCount(more)}${more === 1 ? ' more operation needs' : ' more operations need'}` +
          ' attention: they lead the table of other operations below.',
      ),
    );
  }
}

export function renderOverview(page: Page, ops: readonly number[], opButton: OpButton): void {
  const body = clear(byId('overview-rows'));
  byId('overview-empty').hidden = ops.length > 0;
  for (const i of ops) {
    const s = page.statOf(i);
    if (!s) continue;
    const tr = el('tr');
    tr.setAttribute('data-op', String(i));
    const name = el('td', 'name');
    name.appendChild(opButton(i));
    tr.appendChild(name);
    tr.appendChild(el('td', 'num', fmtCount(s.runs)));
    const rate = fmtRate(s.runs, s.failures);
    tr.appendChild(el('td', `num rate ${rate.cls}`, rate.text));
    tr.appendChild(el('td', 'num', fmtMs(s.avg)));
    tr.appendChild(el('td', 'num', fmtMs(s.p50)));
    tr.appendChild(el('td', 'num', fmtMs(s.p95)));
    const spark = el('td');
    spark.appendChild(sparkline(page.pointsOf(i)));
    tr.appendChild(spark);
    const last = el('td', 'nowrap');
    last.appendChild(el('span', `dot ${s.lastOk ? 'ok' : 'fail'}`));
    const when = el('span', null, page.fmt.ago(s.lastT));
    when.setAttribute(
      'title',
      page.fmt.time(s.lastT) + (s.lastOk ? ' \u00b7 success' : ' \u00b7 failed'),
    );
    last.appendChild(when);
    tr.appendChild(last);
    body.appendChild(tr);
  }
}

export function renderCharts(page: Page, ops: readonly number[]): void {
  const box = clear(byId('charts-body'));
  if (!ops.length) {
    box.appendChild(el('p', 'empty', 'No runs in this selection.'));
    return;
  }
  for (const i of ops) {
    const s = page.statOf(i);
    if (!s) continue;
    const pts = page.pointsOf(i);
    const card = el('div', 'chart-card');
    card.setAttribute('id', `op-${i}`);
    card.setAttribute('data-op', String(i));
    card.appendChild(el('h3', null, page.model.ops[i]));
    card.appendChild(
      el(
        'div',
        'meta',
        `${fmtCount(s.runs)} runs \u00b7 ${fmtCount(s.failures)} failed \u00b7 p50 ` +
          `${fmtMs(s.p50)} \u00b7 p95 ${fmtMs(s.p95)}`,
      ),
    );
    if (pts.length < s.runs) {
      card.appendChild(
        el(
          'div',
          'note',
          `Showing ${fmtCount(pts.length)} of ${fmtCount(s.runs)}` +
            ' runs: the fastest, slowest and latest failed run of each time slice.',
        ),
      );
    }
    drawChart(page, card, i, pts, s);
    box.appendChild(card);
  }
}
