/** The attention panel, the operations overview and the chart cards. */
import { drawChart, sparkline } from './chart.js';
import type { Page } from './data.js';
import { byId, clear, el } from './dom.js';
import { fmtCount, fmtMs, fmtRate } from './format.js';

/** Called when a card's selector picks another series: the page redraws. */
export type OnChoose = () => void;

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
    // The row follows the card's selector: a chosen value's count and statistics in its unit.
    const value = page.chosen(i);
    const vs = value >= 0 ? page.valueStatOf(i, value) : null;
    if (value >= 0) {
      const measure = page.measureOf(i, value);
      tr.setAttribute('data-value', measure.label);
      name.appendChild(el('div', 'measure', measure.label));
      tr.appendChild(el('td', 'num', fmtCount(vs?.runs ?? 0)));
      tr.appendChild(el('td', 'num rate', '\u2014'));
      for (const x of [vs?.avg, vs?.p50, vs?.p95]) {
        tr.appendChild(el('td', 'num', x === undefined ? '\u2014' : measure.fmt(x)));
      }
    } else {
      tr.appendChild(el('td', 'num', fmtCount(s.runs)));
      const rate = fmtRate(s.runs, s.failures);
      tr.appendChild(el('td', `num rate ${rate.cls}`, rate.text));
      tr.appendChild(el('td', 'num', fmtMs(s.avg)));
      tr.appendChild(el('td', 'num', fmtMs(s.p50)));
      tr.appendChild(el('td', 'num', fmtMs(s.p95)));
    }
    const spark = el('td');
    spark.appendChild(sparkline(page.pointsOf(i, value)));
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

/** The card's selector: Duration, then each value with its unit (only when it has values). */
function chooser(page: Page, op: number, onChoose: OnChoose): HTMLElement | null {
  const values = page.valuesOf(op);
  if (!values.length) return null;
  const select = el('select', 'measure-select');
  select.setAttribute('aria-label', `Series of ${page.model.ops[op] ?? ''}`);
  for (let k = -1; k < values.length; k++) {
    const o = el('option', null, page.measureOf(op, k).label);
    o.value = String(k);
    select.appendChild(o);
  }
  select.value = String(page.chosen(op));
  select.addEventListener('change', () => {
    page.choose(op, Number(select.value));
    onChoose();
  });
  return select;
}

/** The card's statistics line of a chosen value, in its unit, with its direction. */
function valueMeta(page: Page, op: number, value: number): string {
  const measure = page.measureOf(op, value);
  const v = page.valueStatOf(op, value);
  const better = measure.better === 'bigger' ? 'higher is better' : 'lower is better';
  if (!v) return `No values in this selection \u00b7 ${better}`;
  return (
    `${fmtCount(v.runs)} values \u00b7 median ${measure.fmt(v.p50)} \u00b7 p95 ` +
    `${measure.fmt(v.p95)} \u00b7 min ${measure.fmt(v.min)} \u00b7 max ${measure.fmt(v.max)}` +
    ` \u00b7 ${better}`
  );
}

export function renderCharts(page: Page, ops: readonly number[], onChoose: OnChoose): void {
  const box = clear(byId('charts-body'));
  if (!ops.length) {
    box.appendChild(el('p', 'empty', 'No runs in this selection.'));
    return;
  }
  for (const i of ops) {
    const s = page.statOf(i);
    if (!s) continue;
    const value = page.chosen(i);
    const pts = page.pointsOf(i, value);
    const card = el('div', 'chart-card');
    card.setAttribute('id', `op-${i}`);
    card.setAttribute('data-op', String(i));
    const head = el('div', 'card-head');
    head.appendChild(el('h3', null, page.model.ops[i]));
    const select = chooser(page, i, onChoose);
    if (select) head.appendChild(select);
    card.appendChild(head);
    if (value >= 0) {
      const v = page.valueStatOf(i, value);
      card.appendChild(el('div', 'meta', valueMeta(page, i, value)));
      if (v && pts.length < v.runs) {
        card.appendChild(
          el(
            'div',
            'note',
            `Showing ${fmtCount(pts.length)} of ${fmtCount(v.runs)}` +
              ' values: the lowest, highest and latest failed run of each time slice.',
          ),
        );
      }
      drawChart(page, card, i, pts, v, page.measureOf(i, value));
      box.appendChild(card);
      continue;
    }
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
