import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { clip } from './plainText.js';

/**
 * Where a chart's parts go on its backboard, in metres from the board's lower-left corner: the
 * canvas (grid, numbers, labels) and the 3D bars or line are both placed from this, so they
 * line up.
 */

export const SERIES_COLOURS = ['#7fd8ff', '#ffd166', '#6fdc8c', '#ff9a8a', '#c3a6ff', '#f5f1e8'] as const;

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area. */
  left: number;
  right: number;
  bottom: number;
  top: number;
  /** Value range shown (always includes 0) and the gridline values. */
  min: number;
  max: number;
  ticks: number[];
  /** Board y of a value. */
  y(value: number): number;
  /** Board x of the middle of row i's slot, and the slot's width. */
  x(row: number): number;
  slot: number;
  /** Title line and the legend (when there is more than one series). */
  title: string;
  legend: boolean;
}

/** 1, 2 or 5 times a power of ten: a step giving about `count` gridlines over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

export function chartLayout(c: ContentOf<'chart'>, title: string, width: number, height: number): ChartLayout {
  const values = c.rows.flatMap((r) => r.values).filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1e-9) hi = lo + 1;
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step - 1e-9) * step;
  hi = Math.ceil(hi / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.abs(v) < step * 1e-6 ? 0 : v);
  const legend = c.series.length > 1;
  const left = 0.24;
  const right = width - 0.06;
  const bottom = 0.16;
  const top = height - (legend ? 0.24 : 0.16);
  const rows = Math.max(1, c.rows.length);
  const slot = (right - left) / rows;
  return {
    width, height, left, right, bottom, top, min: lo, max: hi, ticks, slot, legend,
    title: clip(c.unit ? `${title} (${c.unit})` : title, 60),
    y: (v) => bottom + ((v - lo) / (hi - lo)) * (top - bottom),
    x: (i) => left + slot * (i + 0.5),
  };
}

/** A number as the axis shows it: short (12k, 3.4M), never more than 4 significant digits. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toPrecision(3)}B`;
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return `${+v.toPrecision(4)}`;
}
