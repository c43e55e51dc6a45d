/** The operations without charts: a compact table, filtered and sorted in the page. */
import { TABLE_ROW, type TableRow } from '../layout.js';
import type { Page } from './data.js';
import { byId, clear, el } from './dom.js';
import { fmtCount, fmtMs, fmtRate } from './format.js';

const PAGE = 100;
/** The sort keys: the th[data-sort] values of the page template. */
type SortKey = 'rank' | 'name' | 'rate' | keyof TableRow;

function isSortKey(key: string | null): key is SortKey {
  return (
    key === 'rank' || key === 'name' || key === 'rate' || TABLE_ROW.fields.some((f) => f === key)
  );
}

export function initOthers(page: Page): void {
  const { model, charted } = page;
  const ops = model.ops;
  const section = byId('others');
  if (ops.length <= charted) {
    section.hidden = true;
    return;
  }
  const view = { key: 'rank' as SortKey, desc: false, filter: '', limit: PAGE };
  let lower: string[] | null = null;

  const value = (k: number, key: Exclude<SortKey, 'rank' | 'name'>): number => {
    const r = page.tableRow(k);
    if (key === 'rate') return r.runs ? (r.runs - r.failures) / r.runs : 0;
    return r[key];
  };
  const rows = (): number[] => {
    const out: number[] = [];
    const f = view.filter;
    if (f && !lower) lower = ops.map((name) => String(name).toLowerCase());
    for (let k = charted; k < ops.length; k++) {
      if (!f || (lower?.[k] ?? '').indexOf(f) >= 0) out.push(k);
    }
    const key = view.key;
    const sign = view.desc ? -1 : 1;
    if (key === 'name') {
      const name = (k: number): string => ops[k] ?? '';
      out.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a - b) * sign);
    } else if (key !== 'rank') {
      out.sort((a, b) => (value(a, key) - value(b, key)) * sign || a - b);
    } else if (view.desc) {
      out.reverse();
    }
    return out;
  };
  const render = (): void => {
    const body = clear(byId('others-rows'));
    const all = rows();
    const shown = all.slice(0, view.limit);
    for (const k of shown) {
      const r = page.tableRow(k);
      const tr = el('tr');
      const name = el('td', 'name');
      name.appendChild(el('span', null, ops[k]));
      tr.appendChild(name);
      tr.appendChild(el('td', 'num', fmtCount(r.runs)));
      const rate = fmtRate(r.runs, r.failures);
      tr.appendChild(el('td', `num rate ${rate.cls}`, rate.text));
      tr.appendChild(el('td', 'num', fmtMs(r.p50)));
      tr.appendChild(el('td', 'num', fmtMs(r.p95)));
      const last = el('td', 'nowrap');
      last.appendChild(el('span', `dot ${r.lastOk ? 'ok' : 'fail'}`));
      const when = el('span', null, page.fmt.ago(r.lastT));
      when.setAttribute('title', page.fmt.time(r.lastT));
      last.appendChild(when);
      tr.appendChild(last);
      body.appendChild(tr);
    }
    byId('others-empty').hidden = shown.length > 0;
    const more = byId('others-more');
    more.hidden = all.length <= shown.length;
    more.textContent = `Show ${fmtCount(Math.min(PAGE * 2, all.length - shown.length))} more`;
    byId('others-count').textContent =
      `showing ${fmtCount(shown.length)} of ${fmtCount(all.length)}` +
      (view.filter ? ' matching' : '');
    for (const th of document.querySelectorAll('#others th[data-sort]')) {
      if (th.getAttribute('data-sort') === view.key) {
        th.setAttribute('aria-sort', view.desc ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    }
  };

  section.hidden = false;
  const rest = ops.length - charted;
  const bound = byId('bound');
  bound.hidden = false;
  bound.textContent =
    `Showing charts for the ${fmtCount(charted)} most relevant of ${fmtCount(ops.length)}` +
    ' operations (those that need attention first, then the most runs); the other ' +
    `${fmtCount(rest)} are in the table below.`;
  byId('others-hint').textContent =
    `${fmtCount(rest)} operations without charts \u00b7 whole window, all branches`;
  const input = byId<HTMLInputElement>('others-filter');
  input.addEventListener('input', () => {
    view.filter = String(input.value).toLowerCase();
    view.limit = PAGE;
    render();
  });
  for (const th of document.querySelectorAll('#others th[data-sort]')) {
    th.querySelector('button')?.addEventListener('click', () => {
      const key = th.getAttribute('data-sort');
      if (!isSortKey(key)) return;
      // Numbers sort largest first on the first click; names A to Z.
      if (view.key === key) view.desc = !view.desc;
      else {
        view.key = key;
        view.desc = key !== 'name' && key !== 'rank';
      }
      view.limit = PAGE;
      render();
    });
  }
  byId('others-more').addEventListener('click', () => {
    view.limit += PAGE * 2;
    render();
  });
  render();
}
