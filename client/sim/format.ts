import type { Lever, Metric } from '../../shared/sim/model.js';
import type { RunState } from '../state/twins.js';

/** A number with its unit as a reader expects it: "12.5%", "£1,240/day", "17.2 km/h". */
export function withUnit(value: number, unit: string, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sign = value < 0 && Number(text.replace(/,/g, '')) !== 0 ? '−' : '';
  if (unit === '%') return `${sign}${text}%`;
  if (unit.startsWith('£')) return `${sign}£${text}${unit.slice(1)}`;
  return unit ? `${sign}${text} ${unit}` : `${sign}${text}`;
}

export function formatMetric(m: Metric, value: number | undefined): string {
  return value === undefined ? '—' : withUnit(value, m.unit, m.digits);
}

/** Decimal places of a lever's step (0.5 -> 1); money in pence when it has any (£4.50, not £4.5). */
export function leverDigits(l: Lever): number {
  const digits = (String(l.step).split('.')[1] ?? '').length;
  return digits > 0 && l.unit.startsWith('£') ? 2 : digits;
}

export function formatLever(l: Lever, value: number): string {
  return withUnit(value, l.unit, leverDigits(l));
}

/** The change from one value to another, signed ("+3.1 km/h", "−12.0%"); percentage points for %. */
export function formatChange(m: Metric, from: number, to: number): string {
  const d = to - from;
  const text = withUnit(Math.abs(d), m.unit === '%' ? '' : m.unit, m.digits);
  if (Math.abs(d) < 0.5 * 10 ** -m.digits) return 'no change';
  return `${d > 0 ? '+' : '−'}${text}${m.unit === '%' ? ' pts' : ''}`;
}

/** What a run is doing, in a sentence (null once its numbers are in). */
export function runProgress(run: RunState | undefined): string | null {
  if (!run) return 'Starting…';
  switch (run.status) {
    case 'running': return `Computing… ${Math.round((100 * run.steps) / Math.max(1, run.maxSteps))}%`;
    case 'refused': return `This scenario cannot be run: ${run.problems.join(' ')}`;
    case 'failed': return `The simulation stopped: ${run.message}`;
    case 'done': return null;
  }
}
