/**
 * The dashboard's in-page script, as a string embedded in the page (its sha256 goes into the
 * Content-Security-Policy). Plain ES2017 for any current browser, no dependencies.
 * Safety rule: data reaches the DOM only through textContent, setAttribute of fixed attribute
 * names, and href values that passed an http(s) check. Never innerHTML.
 * No backticks or template placeholders inside: this text lives in a template literal.
 */
export const DASHBOARD_CLIENT_JS = String.raw`(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var DAY = 86400;
  var M = JSON.parse(document.getElementById('data').textContent);
  var state = { op: -1, branch: -1, range: M.ranges.length - 1 };
  // Operations [0, CHARTED) have charts; the others are rows of the compact table (M.table).
  var CHARTED = typeof M.charted === 'number' ? M.charted : M.ops.length;
  var TABLE = M.table || [];

  // ---------- helpers ----------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null; }
  function link(text, url, cls) {
    var u = safeUrl(url);
    if (!u) return el('span', cls, text);
    var a = el('a', cls, text);
    a.setAttribute('href', u);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    return a;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function fmtMs(ms) {
    if (typeof ms !== 'number' || !isFinite(ms)) return '\u2013';
    if (ms < 1) return ms.toFixed(2) + ' ms';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 59995) return (ms / 1000).toFixed(ms < 9995 ? 2 : 1) + ' s';
    var sec = Math.round(ms / 1000);
    if (sec < 3600) return Math.floor(sec / 60) + ' min ' + pad(sec % 60) + ' s';
    var min = Math.round(sec / 60);
    return Math.floor(min / 60) + ' h ' + pad(min % 60) + ' min';
  }
  // Axis labels: short, and exact for the round steps niceStep picks.
  function fmtAxis(ms) {
    if (ms === 0) return '0';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 60000) return +(ms / 1000).toFixed(1) + ' s';
    if (ms < 3600000) return +(ms / 60000).toFixed(1) + ' min';
    return +(ms / 3600000).toFixed(1) + ' h';
  }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function date(t) { return new Date((M.t0 + t) * 1000); }
  function fmtTime(t) {
    var d = date(t);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
  }
  function fmtDay(t) { var d = date(t); return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate(); }
  function fmtHour(t) { var d = date(t); return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()); }
  function fmtAgo(t) {
    var s = M.now - t;
    if (s < 90) return 'just now';
    if (s < 5400) return Math.round(s / 60) + ' min ago';
    if (s < 129600) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / DAY) + ' days ago';
  }
  function fmtCount(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function shortSha(i) { var s = i >= 0 ? M.commits[i] : null; return s ? s.slice(0, 7) : null; }
  function branchName(i) { return i >= 0 ? M.branches[i] : null; }

  // ---------- selection ----------
  var STATS = M.stats.map(function (flat) {
    var byKey = {};
    for (var i = 0; i < flat.length; i += 9) {
      byKey[flat[i] + ':' + flat[i + 1]] = {
        runs: flat[i + 2], failures: flat[i + 3], avg: flat[i + 4], p50: flat[i + 5], p95: flat[i + 6],
        lastT: flat[i + 7], lastOk: flat[i + 8]
      };
    }
    return byKey;
  });
  function statOf(op) { return STATS[op][state.branch + ':' + state.range] || null; }
  function rangeStart() { return M.now - M.ranges[state.range].days * DAY; }
  function pointsOf(op) {
    var flat = M.series[op], bit = 1 << state.range, out = [];
    for (var i = 0; i < flat.length; i += 6) {
      if (!(flat[i + 5] & bit)) continue;
      if (state.branch >= 0 && flat[i + 3] !== state.branch) continue;
      out.push({ t: flat[i], ms: flat[i + 1], ok: flat[i + 2] === 1, branch: flat[i + 3], commit: flat[i + 4] });
    }
    return out;
  }
  function visibleOps() {
    var ops = [];
    for (var i = 0; i < CHARTED; i++) {
      if (state.op >= 0 && state.op !== i) continue;
      if (statOf(i)) ops.push(i);
    }
    return ops;
  }
  function selectOp(i) {
    state.op = i;
    document.getElementById('f-op').value = String(i);
    update();
  }

  // ---------- charts ----------
  // Round duration steps: 1-2-5 below a second, then whole seconds, minutes and hours; above a
  // minute only steps that give round labels in minutes (0.5, 1, 2, 5 … min).
  var STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 15000, 20000, 30000,
    60000, 120000, 300000, 600000, 900000, 1800000, 3600000, 7200000, 10800000, 21600000, 43200000];
  function niceStep(max, ticks) {
    var raw = max / ticks;
    for (var i = 0; i < STEPS.length; i++) {
      if (max > 60000 && (STEPS[i] === 15000 || STEPS[i] === 20000)) continue;
      if (STEPS[i] >= raw) return STEPS[i];
    }
    return Math.ceil(raw / 86400000) * 86400000;
  }
  function timeTicks(x0, x1, count) {
    var span = x1 - x0, steps = [3600, 3 * 3600, 6 * 3600, 12 * 3600, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) if (span / steps[i] <= count) { step = steps[i]; break; }
    var abs0 = M.t0 + x0, first = Math.ceil(abs0 / step) * step - M.t0, out = [];
    for (var t = first; t <= x1; t += step) out.push({ t: t, label: step < DAY ? (fmtHour(t) === '00:00' ? fmtDay(t) : fmtHour(t)) : fmtDay(t) });
    return out;
  }

  function drawChart(card, op, pts, stat) {
    var W = 600, H = 210, L = 46, R = 10, T = 12, B = 24;
    var svg = sv('svg', { 'class': 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    svg.setAttribute('aria-label', 'Duration over time of ' + M.ops[op]);
    var x0 = Math.max(rangeStart(), pts.length ? pts[0].t : rangeStart());
    var x1 = Math.max(M.now, pts.length ? pts[pts.length - 1].t : M.now);
    if (x1 - x0 < 3600) x0 = x1 - 3600;
    var maxMs = 0;
    for (var i = 0; i < pts.length; i++) if (pts[i].ms > maxMs) maxMs = pts[i].ms;
    if (stat && stat.p95 > maxMs) maxMs = stat.p95;
    if (maxMs <= 0) maxMs = 1;
    var step = niceStep(maxMs * 1.05, 4), yMax = Math.ceil((maxMs * 1.05) / step) * step;
    function X(t) { return L + ((t - x0) / (x1 - x0)) * (W - L - R); }
    function Y(ms) { return T + (1 - ms / yMax) * (H - T - B); }
    for (var v = 0; v <= yMax + step / 2; v += step) {
      svg.appendChild(sv('line', { 'class': v === 0 ? 'axis' : 'grid', x1: L, x2: W - R, y1: Y(v), y2: Y(v) }));
      var label = sv('text', { x: L - 6, y: Y(v) + 3.5, 'text-anchor': 'end' });
      label.textContent = fmtAxis(v);
      svg.appendChild(label);
    }
    var ticks = timeTicks(x0, x1, 6);
    for (var k = 0; k < ticks.length; k++) {
      var tx = X(ticks[k].t);
      svg.appendChild(sv('line', { 'class': 'grid', x1: tx, x2: tx, y1: T, y2: H - B }));
      var tl = sv('text', { x: tx, y: H - B + 15, 'text-anchor': 'middle' });
      tl.textContent = ticks[k].label;
      svg.appendChild(tl);
    }
    if (pts.length) {
      var d = '', area = '';
      for (var j = 0; j < pts.length; j++) {
        var px = X(pts[j].t).toFixed(1), py = Y(pts[j].ms).toFixed(1);
        d += (j ? 'L' : 'M') + px + ' ' + py;
      }
      area = d + 'L' + X(pts[pts.length - 1].t).toFixed(1) + ' ' + Y(0) + 'L' + X(pts[0].t).toFixed(1) + ' ' + Y(0) + 'Z';
      svg.appendChild(sv('path', { 'class': 'area', d: area }));
      svg.appendChild(sv('path', { 'class': 'line', d: pts.length === 1 ? d + 'l0.01 0' : d }));
      if (pts.length <= 90) {
        for (var s = 0; s < pts.length; s++) if (pts[s].ok) svg.appendChild(sv('circle', { 'class': 'pt', cx: X(pts[s].t), cy: Y(pts[s].ms), r: 2 }));
      }
      for (var f = 0; f < pts.length; f++) {
        if (pts[f].ok) continue;
        svg.appendChild(sv('circle', { 'class': 'fail', cx: X(pts[f].t), cy: Y(pts[f].ms), r: 3.6 }));
      }
    }
    if (stat) {
      var my = Y(stat.p50);
      svg.appendChild(sv('line', { 'class': 'median', x1: L, x2: W - R, y1: my, y2: my }));
      var ml = sv('text', { 'class': 'median-label', x: W - R - 2, y: my - 4, 'text-anchor': 'end' });
      ml.textContent = 'median ' + fmtMs(stat.p50);
      svg.appendChild(ml);
    }
    // Hover: nearest point by time, a guide line, a ring and a tooltip.
    var guide = sv('line', { 'class': 'guide', y1: T, y2: H - B, visibility: 'hidden' });
    var ring = sv('circle', { 'class': 'hover', r: 4.5, visibility: 'hidden' });
    var overlay = sv('rect', { 'class': 'overlay', x: L, y: T, width: W - L - R, height: H - T - B });
    svg.appendChild(guide);
    svg.appendChild(ring);
    svg.appendChild(overlay);
    var tip = el('div', 'tooltip');
    tip.hidden = true;
    tip.setAttribute('role', 'tooltip');
    var xs = pts.map(function (p) { return X(p.t); });
    function nearest(x) {
      var lo = 0, hi = xs.length - 1;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (xs[mid] < x) lo = mid + 1; else hi = mid; }
      if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) lo -= 1;
      return lo;
    }
    function row(name, value) {
      var r = el('div', 'row');
      r.appendChild(el('span', null, name));
      r.appendChild(el('span', null, value));
      return r;
    }
    function show(evt) {
      if (!pts.length) return;
      var box = svg.getBoundingClientRect(), scale = box.width / W;
      var x = (evt.clientX - box.left) / scale;
      var p = pts[nearest(x)], cx = X(p.t), cy = Y(p.ms);
      guide.setAttribute('x1', cx); guide.setAttribute('x2', cx); guide.setAttribute('visibility', 'visible');
      ring.setAttribute('cx', cx); ring.setAttribute('cy', cy); ring.setAttribute('visibility', 'visible');
      ring.setAttribute('class', p.ok ? 'hover' : 'hover failed');
      clear(tip);
      tip.appendChild(el('div', 'dur', fmtMs(p.ms)));
      tip.appendChild(el('div', 'muted', fmtTime(p.t)));
      tip.appendChild(row('Status', p.ok ? 'success' : 'failed'));
      var b = branchName(p.branch), c = shortSha(p.commit);
      if (b) tip.appendChild(row('Branch', b));
      if (c) tip.appendChild(row('Commit', c));
      tip.hidden = false;
      var cardBox = card.getBoundingClientRect();
      var left = box.left - cardBox.left + cx * scale + 12, top = box.top - cardBox.top + cy * scale - 10;
      if (left + tip.offsetWidth > card.clientWidth - 4) left = left - tip.offsetWidth - 24;
      tip.style.left = Math.max(4, left) + 'px';
      tip.style.top = Math.max(4, top) + 'px';
    }
    function hide() {
      tip.hidden = true;
      guide.setAttribute('visibility', 'hidden');
      ring.setAttribute('visibility', 'hidden');
    }
    overlay.addEventListener('mousemove', show);
    overlay.addEventListener('mouseleave', hide);
    card.appendChild(svg);
    card.appendChild(tip);
  }

  function sparkline(pts) {
    var W = 150, H = 28, P = 3;
    var svg = sv('svg', { 'class': 'spark', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'aria-hidden': 'true' });
    if (!pts.length) return svg;
    var x0 = pts[0].t, x1 = pts[pts.length - 1].t, lo = Infinity, hi = 0;
    for (var i = 0; i < pts.length; i++) { if (pts[i].ms < lo) lo = pts[i].ms; if (pts[i].ms > hi) hi = pts[i].ms; }
    if (hi - lo < 1e-9) { hi = lo + 1; lo = Math.max(0, lo - 1); }
    function X(t) { return x1 > x0 ? P + ((t - x0) / (x1 - x0)) * (W - 2 * P) : W / 2; }
    function Y(ms) { return H - P - ((ms - lo) / (hi - lo)) * (H - 2 * P); }
    var d = '';
    for (var j = 0; j < pts.length; j++) d += (j ? 'L' : 'M') + X(pts[j].t).toFixed(1) + ' ' + Y(pts[j].ms).toFixed(1);
    svg.appendChild(sv('path', { 'class': 'line', d: pts.length === 1 ? d + 'l0.01 0' : d }));
    for (var f = 0; f < pts.length; f++) if (!pts[f].ok) svg.appendChild(sv('circle', { 'class': 'fail', cx: X(pts[f].t), cy: Y(pts[f].ms), r: 1.8 }));
    var last = pts[pts.length - 1];
    svg.appendChild(sv('circle', { 'class': last.ok ? 'last' : 'fail', cx: X(last.t), cy: Y(last.ms), r: 2.4 }));
    return svg;
  }

  // ---------- sections ----------
  function opButton(i) {
    var b = el('button', 'op-link', M.ops[i]);
    b.setAttribute('type', 'button');
    b.setAttribute('title', 'Show only this operation');
    b.addEventListener('click', function () { selectOp(i); });
    return b;
  }
  function renderAttention() {
    var box = clear(document.getElementById('attention-body'));
    if (!M.attention.length) {
      box.appendChild(el('p', 'all-good', '\u2713 Nothing needs attention: no operation got slower, is flaky or is failing.'));
      return;
    }
    var ul = el('ul', 'attention-list');
    var labels = { slower: 'Slower', flaky: 'Flaky', failing: 'Failing' };
    M.attention.forEach(function (item) {
      var li = el('li');
      li.setAttribute('data-kind', String(item.kind));
      li.appendChild(el('span', 'badge ' + (labels[item.kind] ? item.kind : 'failing'), labels[item.kind] || String(item.kind)));
      var what = el('div', 'what');
      var idx = M.ops.indexOf(item.name);
      what.appendChild(idx >= 0 && idx < CHARTED ? opButton(idx) : el('strong', null, item.name));
      what.appendChild(el('div', 'detail', item.detail));
      li.appendChild(what);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    var more = M.totals.attention - M.attention.length;
    if (more > 0) {
      box.appendChild(el('p', 'note', 'and ' + fmtCount(more) + (more === 1 ? ' more operation needs' : ' more operations need') +
        ' attention: they lead the table of other operations below.'));
    }
  }

  function renderOverview(ops) {
    var body = clear(document.getElementById('overview-rows'));
    document.getElementById('overview-empty').hidden = ops.length > 0;
    ops.forEach(function (i) {
      var s = statOf(i), tr = el('tr');
      tr.setAttribute('data-op', String(i));
      var name = el('td', 'name');
      name.appendChild(opButton(i));
      tr.appendChild(name);
      tr.appendChild(el('td', 'num', fmtCount(s.runs)));
      var rate = s.runs ? ((s.runs - s.failures) / s.runs) * 100 : 0;
      var rateText = rate === 100 ? '100 %' : rate.toFixed(1) + ' %';
      tr.appendChild(el('td', 'num rate ' + (rate >= 99.95 ? 'good' : rate >= 90 ? 'meh' : 'bad'), rateText));
      tr.appendChild(el('td', 'num', fmtMs(s.avg)));
      tr.appendChild(el('td', 'num', fmtMs(s.p50)));
      tr.appendChild(el('td', 'num', fmtMs(s.p95)));
      var spark = el('td');
      spark.appendChild(sparkline(pointsOf(i)));
      tr.appendChild(spark);
      var last = el('td', 'nowrap');
      last.appendChild(el('span', 'dot ' + (s.lastOk ? 'ok' : 'fail')));
      var when = el('span', null, fmtAgo(s.lastT));
      when.setAttribute('title', fmtTime(s.lastT) + (s.lastOk ? ' \u00b7 success' : ' \u00b7 failed'));
      last.appendChild(when);
      tr.appendChild(last);
      body.appendChild(tr);
    });
  }

  function renderCharts(ops) {
    var box = clear(document.getElementById('charts-body'));
    if (!ops.length) { box.appendChild(el('p', 'empty', 'No runs in this selection.')); return; }
    ops.forEach(function (i) {
      var s = statOf(i), pts = pointsOf(i);
      var card = el('div', 'chart-card');
      card.setAttribute('id', 'op-' + i);
      card.setAttribute('data-op', String(i));
      card.appendChild(el('h3', null, M.ops[i]));
      card.appendChild(el('div', 'meta', fmtCount(s.runs) + ' runs \u00b7 ' + fmtCount(s.failures) + ' failed \u00b7 p50 ' +
        fmtMs(s.p50) + ' \u00b7 p95 ' + fmtMs(s.p95)));
      if (pts.length < s.runs) {
        card.appendChild(el('div', 'note', 'Showing ' + fmtCount(pts.length) + ' of ' + fmtCount(s.runs) +
          ' runs: the fastest, slowest and latest failed run of each time slice.'));
      }
      drawChart(card, i, pts, s);
      box.appendChild(card);
    });
  }

  // ---------- the other operations: a compact table, filtered and sorted here ----------
  var OTHER_PAGE = 100;
  var others = { key: 'rank', desc: false, filter: '', limit: OTHER_PAGE, lower: null };
  var OTHER_COLS = { runs: 0, failures: 1, p50: 2, p95: 3, lastT: 4, lastOk: 5 };
  function otherValue(k, key) {
    var base = (k - CHARTED) * 6;
    if (key === 'rate') { var n = TABLE[base]; return n ? (n - TABLE[base + 1]) / n : 0; }
    return TABLE[base + OTHER_COLS[key]];
  }
  function otherRows() {
    var rows = [], f = others.filter;
    if (f && !others.lower) others.lower = M.ops.map(function (name) { return String(name).toLowerCase(); });
    for (var k = CHARTED; k < M.ops.length; k++) if (!f || others.lower[k].indexOf(f) >= 0) rows.push(k);
    var key = others.key, sign = others.desc ? -1 : 1;
    if (key === 'name') {
      rows.sort(function (a, b) { return (M.ops[a] < M.ops[b] ? -1 : M.ops[a] > M.ops[b] ? 1 : a - b) * sign; });
    } else if (key !== 'rank') {
      rows.sort(function (a, b) { return (otherValue(a, key) - otherValue(b, key)) * sign || a - b; });
    } else if (others.desc) {
      rows.reverse();
    }
    return rows;
  }
  function renderOthers() {
    var section = document.getElementById('others');
    section.hidden = M.ops.length <= CHARTED;
    if (section.hidden) return;
    var body = clear(document.getElementById('others-rows'));
    var rows = otherRows(), shown = rows.slice(0, others.limit);
    shown.forEach(function (k) {
      var base = (k - CHARTED) * 6, runs = TABLE[base], failures = TABLE[base + 1];
      var tr = el('tr');
      var name = el('td', 'name');
      name.appendChild(el('span', null, M.ops[k]));
      tr.appendChild(name);
      tr.appendChild(el('td', 'num', fmtCount(runs)));
      var rate = runs ? ((runs - failures) / runs) * 100 : 0;
      tr.appendChild(el('td', 'num rate ' + (rate >= 99.95 ? 'good' : rate >= 90 ? 'meh' : 'bad'), rate === 100 ? '100 %' : rate.toFixed(1) + ' %'));
      tr.appendChild(el('td', 'num', fmtMs(TABLE[base + 2])));
      tr.appendChild(el('td', 'num', fmtMs(TABLE[base + 3])));
      var last = el('td', 'nowrap');
      last.appendChild(el('span', 'dot ' + (TABLE[base + 5] ? 'ok' : 'fail')));
      var when = el('span', null, fmtAgo(TABLE[base + 4]));
      when.setAttribute('title', fmtTime(TABLE[base + 4]));
      last.appendChild(when);
      tr.appendChild(last);
      body.appendChild(tr);
    });
    document.getElementById('others-empty').hidden = shown.length > 0;
    var more = document.getElementById('others-more');
    more.hidden = rows.length <= shown.length;
    more.textContent = 'Show ' + fmtCount(Math.min(OTHER_PAGE * 2, rows.length - shown.length)) + ' more';
    document.getElementById('others-count').textContent = 'showing ' + fmtCount(shown.length) + ' of ' +
      fmtCount(rows.length) + (others.filter ? ' matching' : '');
    var ths = document.querySelectorAll('#others th[data-sort]');
    for (var i = 0; i < ths.length; i++) {
      var th = ths[i], k2 = th.getAttribute('data-sort');
      if (k2 === others.key) th.setAttribute('aria-sort', others.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
  }
  function initOthers() {
    if (M.ops.length <= CHARTED) { document.getElementById('others').hidden = true; return; }
    var rest = M.ops.length - CHARTED;
    document.getElementById('bound').hidden = false;
    document.getElementById('bound').textContent = 'Showing charts for the ' + fmtCount(CHARTED) + ' most relevant of ' +
      fmtCount(M.ops.length) + ' operations (those that need attention first, then the most runs); the other ' +
      fmtCount(rest) + ' are in the table below.';
    document.getElementById('others-hint').textContent = fmtCount(rest) + ' operations without charts · whole window, all branches';
    var input = document.getElementById('others-filter');
    input.addEventListener('input', function () {
      others.filter = String(input.value).toLowerCase();
      others.limit = OTHER_PAGE;
      renderOthers();
    });
    var ths = document.querySelectorAll('#others th[data-sort]');
    for (var i = 0; i < ths.length; i++) {
      (function (th) {
        th.querySelector('button').addEventListener('click', function () {
          var key = th.getAttribute('data-sort');
          // Numbers sort largest first on the first click; names A to Z.
          if (others.key === key) others.desc = !others.desc;
          else { others.key = key; others.desc = key !== 'name' && key !== 'rank'; }
          others.limit = OTHER_PAGE;
          renderOthers();
        });
      })(ths[i]);
    }
    document.getElementById('others-more').addEventListener('click', function () {
      others.limit += OTHER_PAGE * 2;
      renderOthers();
    });
    renderOthers();
  }

  var RUN_PAGE = 25;
  var runLimit = RUN_PAGE;
  function runCells(r) {
    var tr = el('tr');
    tr.setAttribute('data-op', String(r.op));
    tr.appendChild(el('td', 'nowrap', fmtTime(r.t)));
    var name = el('td', 'name');
    name.appendChild(el('span', null, M.ops[r.op]));
    tr.appendChild(name);
    tr.appendChild(el('td', 'num', fmtMs(r.ms)));
    var st = el('td');
    st.appendChild(el('span', 'badge ' + (r.ok ? 'success' : 'failed'), r.ok ? 'success' : 'failed'));
    tr.appendChild(st);
    var br = el('td', 'name');
    var b = branchName(r.branch);
    if (b) br.appendChild(link(b, r.branchUrl)); else br.appendChild(el('span', 'muted', '\u2013'));
    if (r.pr) { br.appendChild(document.createTextNode(' ')); br.appendChild(link('#' + r.pr, r.prUrl, 'muted')); }
    tr.appendChild(br);
    var cm = el('td', 'mono nowrap');
    var c = shortSha(r.commit);
    if (c) cm.appendChild(link(c, r.commitUrl)); else cm.appendChild(el('span', 'muted', '\u2013'));
    if (r.runUrl) { cm.appendChild(document.createTextNode(' ')); cm.appendChild(link('run', r.runUrl, 'muted')); }
    tr.appendChild(cm);
    var err = el('td', 'err');
    if (r.error) err.appendChild(el('code', null, r.error));
    if (r.details) err.appendChild(el('span', 'details mono', r.details));
    tr.appendChild(err);
    return tr;
  }
  function renderRuns() {
    var body = clear(document.getElementById('runs-rows'));
    var start = rangeStart();
    var rows = M.runs.filter(function (r) {
      return (state.op < 0 || r.op === state.op) && (state.branch < 0 || r.branch === state.branch) && r.t >= start;
    });
    var shown = rows.slice(0, runLimit);
    shown.forEach(function (r) { body.appendChild(runCells(r)); });
    document.getElementById('runs-empty').hidden = shown.length > 0;
    var more = document.getElementById('runs-more');
    more.hidden = rows.length <= shown.length;
    more.textContent = 'Show ' + Math.min(RUN_PAGE * 2, rows.length - shown.length) + ' more';
    document.getElementById('runs-hint').textContent = 'showing ' + shown.length + ' of ' + rows.length +
      ' matching \u00b7 this file keeps the newest ' + M.limits.runRows + ' runs and the newest ' +
      M.limits.runRowsPerOperation + ' of each operation';
  }

  function update() {
    runLimit = RUN_PAGE;
    var ops = visibleOps(), runs = 0, failures = 0;
    ops.forEach(function (i) { var s = statOf(i); runs += s.runs; failures += s.failures; });
    document.getElementById('f-count').textContent = fmtCount(runs) + ' runs \u00b7 ' + fmtCount(failures) + ' failed \u00b7 ' +
      ops.length + (ops.length === 1 ? ' operation' : ' operations') + (M.ops.length > CHARTED ? ' charted' : '');
    renderOverview(ops);
    renderCharts(ops);
    renderRuns();
  }

  // ---------- boot ----------
  function option(select, value, label) {
    var o = el('option', null, label);
    o.setAttribute('value', String(value));
    select.appendChild(o);
  }
  function init() {
    document.getElementById('title').textContent = M.title;
    document.getElementById('subtitle').textContent = fmtCount(M.totals.records) + ' runs of ' + M.totals.operations +
      (M.totals.operations === 1 ? ' operation' : ' operations') + ' over the last ' + M.days + ' days \u00b7 generated ' +
      fmtTime(M.now);
    var fop = document.getElementById('f-op'), fbr = document.getElementById('f-branch'), frg = document.getElementById('f-range');
    option(fop, -1, 'All operations');
    // Only charted operations can be selected: the others have no series in this file.
    var choices = M.ops.slice(0, CHARTED).map(function (name, i) { return [String(name), i]; });
    choices.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
    choices.forEach(function (c) { option(fop, c[1], c[0]); });
    option(fbr, -1, 'All branches');
    for (var b = 0; b < M.filterBranches; b++) option(fbr, b, M.branches[b]);
    M.ranges.forEach(function (r, i) { option(frg, i, r.label); });
    frg.value = String(state.range);
    fop.addEventListener('change', function () { state.op = Number(fop.value); update(); });
    fbr.addEventListener('change', function () { state.branch = Number(fbr.value); update(); });
    frg.addEventListener('change', function () { state.range = Number(frg.value); update(); });
    document.getElementById('runs-more').addEventListener('click', function () {
      runLimit += RUN_PAGE * 2;
      renderRuns();
    });
    var foot = 'Charts draw at most ' + M.limits.pointsPerRange + ' runs per operation and time range ' +
      '(longer histories keep the fastest, slowest and latest failed run of each time slice); ' +
      'counts and percentiles are exact. Error text is truncated and secrets are redacted.';
    if (M.totals.skipped) foot += ' ' + fmtCount(M.totals.skipped) + ' unreadable records were skipped.';
    document.getElementById('foot').textContent = foot;
    renderAttention();
    initOthers();
    update();
    document.documentElement.setAttribute('data-ready', '1');
  }
  init();
})();
`;
