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
  /** The title (never cut short: drawn on one line, or two at a smaller size) and the legend (more than one series). */
  title: string;
  titleLines: 1 | 2;
  legend: boolean;
}

/** Title sizes in metres: one line at full size when it fits, else two lines at this size. */
export const TITLE_SIZE = 0.068;
export const TITLE_SIZE_TWO_LINES = 0.05;
/** Inter's average advance for mixed text, as a share of the font size (for the layout's estimate). */
const AVERAGE_ADVANCE = 0.56;
/**
 * The title's sizes, largest first: one line at TITLE_SIZE, then two lines at smaller and
 * smaller sizes, then three. The last fits the longest title a chart can have (120 characters
 * and a 24-character unit), so no title is ever cut short.
 */
export const TITLE_FITS: readonly { size: number; lines: 1 | 2 | 3 }[] = [
  { size: TITLE_SIZE, lines: 1 },
  { size: TITLE_SIZE_TWO_LINES, lines: 2 },
  { size: 0.042, lines: 2 },
  { size: 0.036, lines: 2 },
  // Three small lines take about the height of two at TITLE_SIZE_TWO_LINES, which the layout keeps free.
  { size: 0.033, lines: 3 },
];

/** Words onto at most `max` lines no wider than `width` (by `measure`), or null if they do not fit. */
function wrapWords(title: string, width: number, max: number, measure: (text: string) => number): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width) { line = next; continue; }
    if (!line || measure(word) > width) return null;
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines.length <= max ? lines : null;
}

/** Characters onto lines no wider than `width`: for a word longer than a line. */
function wrapCharacters(title: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    if (line && measure(line + ch) > width) {
      lines.push(line);
      line = ch.trimStart();
    } else {
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart's title, fitted and never cut: the first of TITLE_FITS its words fit; a word too
 * long for any line is broken between characters at the smallest size. `measure(text, size)` is
 * the drawn width (the canvas measures; tests estimate).
 */
export function fitTitle(title: string, width: number, measure: (text: string, size: number) => number): { size: number; lines: string[] } {
  for (const fit of TITLE_FITS) {
    const lines = wrapWords(title, width, fit.lines, (t) => measure(t, fit.size));
    if (lines) return { size: fit.size, lines };
  }
  const smallest = TITLE_FITS[TITLE_FITS.length - 1]!.size;
  return { size: smallest, lines: wrapCharacters(title, width, (t) => measure(t, smallest)) };
}

/** The layout's estimate of a text's width at a size (Inter's average advance). */
export function estimatedWidth(text: string, size: number): number {
  return text.length * AVERAGE_ADVANCE * size;
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
  // Round outwards to whole steps; the tolerance forgives float noise towards zero, so a range
  // that starts at 0 starts there (it gave a gridline at -step under all-positive values).
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  // Each tick from its index (adding steps would pile up float error: 0.6000000000000001).
  const first = Math.round(lo / step);
  const last = Math.round(hi / step);
  for (let i = first; i <= last; i++) ticks.push(i === 0 ? 0 : Number((i * step).toPrecision(12)));
  const legend = c.series.length > 1;
  const fullTitle = c.unit ? `${title} (${c.unit})` : title;
  const titleLines = fullTitle.length * AVERAGE_ADVANCE * TITLE_SIZE > width - 0.12 ? 2 : 1;
  const left = 0.24;
  const right = width - 0.06;
  const bottom = 0.16;
  const top = height - (legend ? 0.24 : 0.16) - (titleLines === 2 ? 0.06 : 0);
  const rows = Math.max(1, c.rows.length);
  const slot = (right - left) / rows;
  return {
    width, height, left, right, bottom, top, min: lo, max: hi, ticks, slot, legend, titleLines,
    title: clip(fullTitle, 160),
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
