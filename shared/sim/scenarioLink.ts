import { checkParams } from './levers.js';
import type { ModelInfo, Params } from './model.js';

/**
 * A scenario in a link: `<model>@<version>;seed=<n>;<lever>=<value>;...`, the levers in the
 * model's order. Reading one back is strict, so that one scenario has one link and a link names
 * exactly what it ran: the version must be the one this site runs (older versions are not
 * shipped, so their numbers cannot be reproduced here), every number is written in its one
 * canonical form (as JavaScript prints it: no `0x0C`, `1.2e1`, `012`, `+5`, `.5` or spaces),
 * no key appears twice, and every lever is on its step.
 */

export interface Scenario {
  params: Params;
  seed: number;
}

export function scenarioToText(info: ModelInfo, s: Scenario): string {
  const levers = info.levers.map((l) => `${l.key}=${s.params[l.key] ?? l.default}`);
  return [`${info.id}@${info.version}`, `seed=${s.seed}`, ...levers].join(';');
}

export type ScenarioReading = { ok: true; scenario: Scenario } | { ok: false; problem: string };

/** A number written as JavaScript writes it back (so `12`, `7.5`, `0.1`; never `12.0`, `1.2e1`, ` 12`). */
function canonicalNumber(raw: string): number | null {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) && String(value) === raw ? value : null;
}

const VERSION = /^\d+\.\d+\.\d+$/;
const show = (s: string) => `"${s.slice(0, 40)}"`;

export function scenarioFromText(info: ModelInfo, text: string): ScenarioReading {
  const [head = '', ...rest] = text.split(';');
  const at = head.indexOf('@');
  const id = at < 0 ? head : head.slice(0, at);
  if (id !== info.id) return { ok: false, problem: `That link is for another simulation (${show(id)}), not "${info.name}".` };
  if (at < 0) return { ok: false, problem: `The link does not say which version of "${info.name}" it was made with; links from this site name it (${info.id}@${info.version}).` };
  const version = head.slice(at + 1);
  if (!VERSION.test(version)) return { ok: false, problem: `The link names a version of "${info.name}" that does not exist (${show(version)}); this site runs version ${info.version}.` };
  if (version !== info.version) return { ok: false, problem: `The link was made with version ${version} of "${info.name}", which this site no longer runs, so its numbers cannot be reproduced here; this site runs version ${info.version}.` };
  let seed: number | null = null;
  const params: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, problem: `The link's scenario has a part that cannot be read (${show(part)}).` };
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    if (seen.has(key)) return { ok: false, problem: `The link gives "${key.slice(0, 40)}" twice; a scenario gives each lever once.` };
    seen.add(key);
    const value = canonicalNumber(raw);
    if (value === null) return { ok: false, problem: `"${key.slice(0, 40)}" in the link must be a plain decimal number such as 12 or 7.5 (got ${show(raw)}).` };
    if (key === 'seed') seed = value;
    else params[key] = value;
  }
  if (seed === null || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    return { ok: false, problem: 'The link\'s scenario needs a seed, a whole number from 0 to 2147483647.' };
  }
  const checked = checkParams(info, params);
  if (!checked.ok) return { ok: false, problem: `The link's scenario cannot be run: ${checked.problems.join(' ')}` };
  return { ok: true, scenario: { params: checked.params, seed } };
}

/** The same levers and seed (levers left out count as their defaults). */
export function sameScenario(info: ModelInfo, a: Scenario, b: Scenario): boolean {
  return a.seed === b.seed && info.levers.every((l) => (a.params[l.key] ?? l.default) === (b.params[l.key] ?? l.default));
}

/** A key naming one run exactly (model, version, seed, every lever). */
export function scenarioKey(info: ModelInfo, s: Scenario): string {
  return scenarioToText(info, s);
}
