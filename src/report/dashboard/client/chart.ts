/**
 * The SVG charts: one chart per charted operation, of its duration or of the value chosen in its
 * selector, and the sparklines.
 */
import type { Stat } from '../layout.js';
import type { ChartPoint, Page } from './data.js';
import { clear, el, sv } from './dom.js';
import { DAY_S, DURATION, niceValueStep, type Measure, type TimeFormat } from './format.js';

// Round duration steps: 1-2-5 below a second, then whole seconds, minutes and hours; above a
// minute only steps that give round labels in minutes (0.5, 1, 2, 5 … min).
const STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 20_000, 30_000, 60_000,
  120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000,
];

export function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  for (const step of STEPS) {
    if (max > 60_000 && (step === 15_000 || step === 20_000)) continue;
    if (step >= raw) return step;
  }
  return Math.ceil(raw / (DAY_S * 1000)) * DAY_S * 1000;
}

const TICK_STEPS = [
  3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  DAY_S,
  2 * DAY_S,
  7 * DAY_S,
  14 * DAY_S,
  30 * DAY_S,
];

function timeTicks(
  t0: number,
  x0: number,
  x1: number,
  count: number,
  fmt: TimeFormat,
): Array<{ t: number; label: string }> {
  const span = x1 - x0;
  const step = TICK_STEPS.find((s) => span / s <= count) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const first = Math.ceil((t0 + x0) / step) * step - t0;
  const out: Array<{ t: number; label: string }> = [];
  for (let t = first; t <= x1; t += step) {
    const hour = fmt.hour(t);
    out.push({ t, label: step < DAY_S ? (hour === '00:00' ? fmt.day(t) : hour) : fmt.day(t) });
  }
  return out;
}

/** Index of the x nearest to `x` in the ascending `xs` (not empty). */
function nearest(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(xs[lo - 1]! - x) <= Math.abs(xs[lo]! - x)) lo -= 1;
  return lo;
}

function row(name: string, value: string): HTMLElement {
  const r = el('div', 'row');
  r.appendChild(el('span', null, name));
  r.appendChild(el('span', null, value));
  return r;
}

export function drawChart(
  page: Page,
  card: HTMLElement,
  op: number,
  pts: readonly ChartPoint[],
  stat: Pick<Stat, 'p50' | 'p95'> | null,
  measure: Measure = DURATION,
): void {
  const { model, fmt } = page;
  const W = 600;
  const H = 210;
  const L = 46;
  const R = 10;
  const T = 12;
  const B = 24;
  const svg = sv('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  svg.setAttribute('aria-label', `${measure.label} over time of ${model.ops[op]}`);
  const first = pts[0];
  const lastPt = pts[pts.length - 1];
  let x0 = Math.max(page.rangeStart(), first ? first.t : page.rangeStart());
  const x1 = Math.max(model.now, lastPt ? lastPt.t : model.now);
  if (x1 - x0 < 3600) x0 = x1 - 3600;
  // Durations: from 0 to a round step above the slowest. Values (any sign, often far from 0):
  // the range the points span, so a change of a few percent stays visible.
  let maxMs = measure.duration ? 0 : -Infinity;
  let minMs = measure.duration ? 0 : Infinity;
  for (const p of pts) {
    if (p.ms > maxMs) maxMs = p.ms;
    if (p.ms < minMs) minMs = p.ms;
  }
  if (stat && stat.p95 > maxMs) maxMs = stat.p95;
  if (stat && !measure.duration && stat.p50 < minMs) minMs = stat.p50;
  let step: number;
  let yMin: number;
  let yMax: number;
  if (measure.duration) {
    if (maxMs <= 0) maxMs = 1;
    step = niceStep(maxMs * 1.05, 4);
    yMin = 0;
    yMax = Math.ceil((maxMs * 1.05) / step) * step;
  } else {
    if (!Number.isFinite(minMs)) [minMs, maxMs] = [0, 1];
    const pad = maxMs > minMs ? (maxMs - minMs) * 0.05 : Math.abs(maxMs) * 0.05 || 1;
    step = niceValueStep(maxMs - minMs + 2 * pad, 4);
    yMin = Math.floor((minMs - pad) / step) * step;
    // A positive series whose floor would dip below zero starts at zero.
    if (minMs >= 0 && yMin < 0) yMin = 0;
    yMax = Math.ceil((maxMs + pad) / step) * step;
  }
  const X = (t: number): number => L + ((t - x0) / (x1 - x0)) * (W - L - R);
  const Y = (ms: number): number => T + (1 - (ms - yMin) / (yMax - yMin)) * (H - T - B);
  for (let k = 0; yMin + k * step <= yMax + step / 2; k++) {
    const v = yMin + k * step;
    svg.appendChild(
      sv('line', { class: k === 0 ? 'axis' : 'grid', x1: L, x2: W - R, y1: Y(v), y2: Y(v) }),
    );
    const label = sv('text', { x: L - 6, y: Y(v) + 3.5, 'text-anchor': 'end' });
    label.textContent = v === 0 ? '0' : measure.axis(v);
    svg.appendChild(label);
  }
  for (const tick of timeTicks(model.t0, x0, x1, 6, fmt)) {
    const tx = X(tick.t);
    svg.appendChild(sv('line', { class: 'grid', x1: tx, x2: tx, y1: T, y2: H - B }));
    const tl = sv('text', { x: tx, y: H - B + 15, 'text-anchor': 'middle' });
    tl.textContent = tick.label;
    svg.appendChild(tl);
  }
  if (first && lastPt) {
    let d = '';
    pts.forEach((p, j) => (d += `${j ? 'L' : 'M'}${X(p.t).toFixed(1)} ${Y(p.ms).toFixed(1)}`));
    const base = Y(yMin);
    const area = `${d}L${X(lastPt.t).toFixed(1)} ${base}L${X(first.t).toFixed(1)} ${base}Z`;
    svg.appendChild(sv('path', { class: 'area', d: area }));
    svg.appendChild(sv('path', { class: 'line', d: pts.length === 1 ? `${d}l0.01 0` : d }));
    if (pts.length <= 90) {
      for (const p of pts) {
        if (p.ok) svg.appendChild(sv('circle', { class: 'pt', cx: X(p.t), cy: Y(p.ms), r: 2 }));
      }
    }
    for (const p of pts) {
      if (!p.ok) svg.appendChild(sv('circle', { class: 'fail', cx: X(p.t), cy: Y(p.ms), r: 3.6 }));
    }
  }
  if (stat) {
    const my = Y(stat.p50);
    svg.appendChild(sv('line', { class: 'median', x1: L, x2: W - R, y1: my, y2: my }));
    const ml = sv('text', { class: 'median-label', x: W - R - 2, y: my - 4, 'text-anchor': 'end' });
    ml.textContent = `median ${measure.fmt(stat.p50)}`;
    svg.appendChild(ml);
  }
  if (!measure.duration) {
    // Which side is worse: for a bigger-is-better value a drop is the regression.
    const hint = sv('text', { class: 'direction', x: L + 4, y: T + 10 });
    hint.textContent =
      measure.better === 'bigger' ? '\u2191 higher is better' : '\u2193 lower is better';
    svg.appendChild(hint);
  }
  // Hover: nearest point by time, a guide line, a ring and a tooltip.
  const guide = sv('line', { class: 'guide', y1: T, y2: H - B, visibility: 'hidden' });
  const ring = sv('circle', { class: 'hover', r: 4.5, visibility: 'hidden' });
  const overlay = sv('rect', { class: 'overlay', x: L, y: T, width: W - L - R, height: H - T - B });
  svg.appendChild(guide);
  svg.appendChild(ring);
  svg.appendChild(overlay);
  const tip = el('div', 'tooltip');
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  const xs = pts.map((p) => X(p.t));
  const show = (evt: MouseEvent): void => {
    if (!pts.length) return;
    const box = svg.getBoundingClientRect();
    const scale = box.width / W;
    const p = pts[nearest(xs, (evt.clientX - box.left) / scale)]!;
    const cx = String(X(p.t));
    const cy = Y(p.ms);
    guide.setAttribute('x1', cx);
    guide.setAttribute('x2', cx);
    guide.setAttribute('visibility', 'visible');
    ring.setAttribute('cx', cx);
    ring.setAttribute('cy', String(cy));
    ring.setAttribute('visibility', 'visible');
    ring.setAttribute('class', p.ok ? 'hover' : 'hover failed');
    clear(tip);
    tip.appendChild(el('div', 'dur', measure.fmt(p.ms)));
    tip.appendChild(el('div', 'muted', fmt.time(p.t)));
    tip.appendChild(row('Status', p.ok ? 'success' : 'failed'));
    const b = page.branchName(p.branch);
    const c = page.shortSha(p.commit);
    if (b) tip.appendChild(row('Branch', b));
    if (c) tip.appendChild(row('Commit', c));
    tip.hidden = false;
    const cardBox = card.getBoundingClientRect();
    let left = box.left - cardBox.left + X(p.t) * scale + 12;
    const top = box.top - cardBox.top + cy * scale - 10;
    if (left + tip.offsetWidth > card.clientWidth - 4) left = left - tip.offsetWidth - 24;
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${Math.max(4, top)}px`;
  };
  const hide = (): void => {
    tip.hidden = true;
    guide.setAttribute('visibility', 'hidden');
    ring.setAttribute('visibility', 'hidden');
  };
  overlay.addEventListener('mousemove', show);
  overlay.addEventListener('mouseleave', hide);
  card.appendChild(svg);
  card.appendChild(tip);
}

export function sparkline(pts: readonly ChartPoint[]): SVGSVGElement {
  const W = 150;
  const H = 28;
  const P = 3;
  const svg = sv('svg', {
    class: 'spark',
    width: W,
    height: H,
    viewBox: `0 0 ${W} ${H}`,
    'aria-hidden': 'true',
  });
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return svg;
  const x0 = first.t;
  const x1 = last.t;
  let lo = Infinity;
  let hi = 0;
  for (const p of pts) {
    if (p.ms < lo) lo = p.ms;
    if (p.ms > hi) hi = p.ms;
  }
  if (hi - lo < 1e-9) {
    hi = lo + 1;
    lo = Math.max(0, lo - 1);
  }
  const X = (t: number): number => (x1 > x0 ? P + ((t - x0) / (x1 - x0)) * (W - 2 * P) : W / 2);
  const Y = (ms: number): number => H - P - ((ms - lo) / (hi - lo)) * (H - 2 * P);
  let d = '';
  pts.forEach((p, j) => (d += `${j ? 'L' : 'M'}${X(p.t).toFixed(1)} ${Y(p.ms).toFixed(1)}`));
  svg.appendChild(sv('path', { class: 'line', d: pts.length === 1 ? `${d}l0.01 0` : d }));
  for (const p of pts) {
    if (!p.ok) svg.appendChild(sv('circle', { class: 'fail', cx: X(p.t), cy: Y(p.ms), r: 1.8 }));
  }
  svg.appendChild(
    sv('circle', { class: last.ok ? 'last' : 'fail', cx: X(last.t), cy: Y(last.ms), r: 2.4 }),
  );
  return svg;
}
