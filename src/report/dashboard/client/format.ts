/** The page's text formats. Durations and values go through the reports' formatters. */
import { formatDuration, formatValue } from '../../format.js';
import type { DashboardValueSeries } from '../layout.js';

export const DAY_S = 86_400;

/** A duration in a table cell, tooltip or label: "0.42 ms", "850 ms", "1.23 s", "1 min 15 s". */
export function fmtMs(ms: number): string {
  return formatDuration(ms, { secondsDecimals: ms < 9995 ? 2 : 1 });
}

/** Axis labels: short, and exact for the round steps niceStep picks. */
export function fmtAxis(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}

/**
 * What a card shows: the duration or one of the operation's values, with its formats, axis steps
 * and the direction that is an improvement (for 'bigger', a drop is the regression).
 */
export interface Measure {
  /** 'Duration', or the value's name with its unit: "bundle (kB)". */
  label: string;
  duration: boolean;
  better: 'smaller' | 'bigger';
  fmt(v: number): string;
  axis(v: number): string;
}

export const DURATION: Measure = {
  label: 'Duration',
  duration: true,
  better: 'smaller',
  fmt: fmtMs,
  axis: fmtAxis,
};

export function valueMeasure(series: DashboardValueSeries): Measure {
  const unit = series.unit;
  return {
    label: unit ? `${series.name} (${unit})` : series.name,
    duration: false,
    better: series.better === 'bigger' ? 'bigger' : 'smaller',
    fmt: (v) => formatValue(v, unit),
    axis: (v) => formatValue(v, null),
  };
}

/** A round axis step for values: 1, 2 or 5 times a power of ten, at least span / ticks. */
export function niceValueStep(span: number, ticks: number): number {
  const raw = span > 0 ? span / ticks : 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

export function fmtCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A success rate in percent: "100 %", "97.5 %", and its colour class. */
export function fmtRate(runs: number, failures: number): { text: string; cls: string } {
  const rate = runs ? ((runs - failures) / runs) * 100 : 0;
  return {
    text: rate === 100 ? '100 %' : `${rate.toFixed(1)} %`,
    cls: rate >= 99.95 ? 'good' : rate >= 90 ? 'meh' : 'bad',
  };
}

function pad(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats of model times (seconds after `t0`), in UTC like the files. */
export interface TimeFormat {
  time(t: number): string;
  day(t: number): string;
  hour(t: number): string;
  ago(t: number): string;
}

export function timeFormat(t0: number, now: number): TimeFormat {
  const date = (t: number): Date => new Date((t0 + t) * 1000);
  return {
    time(t) {
      const d = date(t);
      return (
        `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
        `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
      );
    },
    day(t) {
      const d = date(t);
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
    },
    hour(t) {
      const d = date(t);
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
    ago(t) {
      const s = now - t;
      if (s < 90) return 'just now';
      if (s < 5400) return `${Math.round(s / 60)} min ago`;
      if (s < 129_600) return `${Math.round(s / 3600)} h ago`;
      return `${Math.round(s / DAY_S)} days ago`;
    },
  };
}
