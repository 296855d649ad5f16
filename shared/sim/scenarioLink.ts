import { checkParams } from './levers.js';
import type { ModelInfo, Params } from './model.js';

/**
 * A scenario in a link: `<model>@<version>;seed=<n>;<lever>=<value>;...`, the levers in the
 * model's order. Reading one back checks it like any scenario: a link cannot carry a lever the
 * model would refuse, and a link made with another version of the model says so.
 */

export interface Scenario {
  params: Params;
  seed: number;
}

export function scenarioToText(info: ModelInfo, s: Scenario): string {
  const levers = info.levers.map((l) => `${l.key}=${s.params[l.key] ?? l.default}`);
  return [`${info.id}@${info.version}`, `seed=${s.seed}`, ...levers].join(';');
}

export type ScenarioReading =
  | { ok: true; scenario: Scenario; /** The link was made with another version of the model. */ otherVersion: string | null }
  | { ok: false; problem: string };

export function scenarioFromText(info: ModelInfo, text: string): ScenarioReading {
  const [head = '', ...rest] = text.split(';');
  const [id, version = ''] = head.split('@');
  if (id !== info.id) return { ok: false, problem: `That link is for another simulation ("${id ?? ''}").` };
  let seed: number | null = null;
  const params: Record<string, unknown> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, problem: `The link's scenario has a part that cannot be read ("${part.slice(0, 40)}").` };
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (key === 'seed') seed = value;
    else params[key] = value;
  }
  if (seed === null || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    return { ok: false, problem: 'The link\'s scenario needs a seed, a whole number from 0 to 2147483647.' };
  }
  const checked = checkParams(info, params);
  if (!checked.ok) return { ok: false, problem: `The link's scenario cannot be run: ${checked.problems.join(' ')}` };
  return { ok: true, scenario: { params: checked.params, seed }, otherVersion: version === info.version ? null : version };
}

/** The same levers and seed (levers left out count as their defaults). */
export function sameScenario(info: ModelInfo, a: Scenario, b: Scenario): boolean {
  return a.seed === b.seed && info.levers.every((l) => (a.params[l.key] ?? l.default) === (b.params[l.key] ?? l.default));
}

/** A key naming one run exactly (model, version, seed, every lever). */
export function scenarioKey(info: ModelInfo, s: Scenario): string {
  return scenarioToText(info, s);
}
