import type { Lever, ModelInfo, Params } from './model.js';

export type CheckedParams = { ok: true; params: Params } | { ok: false; problems: string[] };

const range = (l: Lever) => `from ${l.min} to ${l.max} ${l.unit}`.trimEnd();

/** On the lever's grid: min + k * step for a whole k (to a millionth of a step, for decimal steps like 0.1). */
function onStep(l: Lever, value: number): boolean {
  const k = (value - l.min) / l.step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/**
 * Checks a scenario's levers from anywhere (a shared link, a worker message, a stored exhibit)
 * before a model sees them: an object of known lever keys with finite numbers in range.
 * Missing levers take their defaults. Every problem is listed, in words a visitor can act on.
 */
export function checkParams(info: ModelInfo, params: unknown): CheckedParams {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { ok: false, problems: [`The levers of "${info.name}" must be given as an object of lever names and numbers.`] };
  }
  const given = params as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(given)) {
    if (!info.levers.some((l) => l.key === key)) {
      problems.push(`"${key}" is not a lever of "${info.name}" (its levers are ${info.levers.map((l) => `"${l.key}"`).join(', ')}).`);
    }
  }
  const checked: Params = {};
  for (const lever of info.levers) {
    const value = Object.hasOwn(given, lever.key) ? given[lever.key] : undefined;
    if (value === undefined) {
      checked[lever.key] = lever.default;
    } else if (typeof value !== 'number') {
      problems.push(`${lever.label} must be a number ${range(lever)} (got ${typeof value === 'string' ? `the text "${value}"` : typeof value}).`);
    } else if (!Number.isFinite(value)) {
      problems.push(`${lever.label} must be a finite number ${range(lever)} (got ${value}).`);
    } else if (value < lever.min || value > lever.max) {
      problems.push(`${lever.label} must be ${range(lever)} (got ${value}).`);
    } else if (!onStep(lever, value)) {
      problems.push(`${lever.label} moves in steps of ${lever.step} ${lever.unit} from ${lever.min} (got ${value}).`);
    } else {
      checked[lever.key] = value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, params: checked };
}

/** Every lever at its default: the scenario a twin opens with. */
export function defaultParams(info: ModelInfo): Params {
  return Object.fromEntries(info.levers.map((l) => [l.key, l.default]));
}
