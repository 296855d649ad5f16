import { create } from 'zustand';
import type { Lever, ModelInfo, Picture, RealityCheck } from '../../shared/sim/model.js';
import { sameScenario, type Scenario } from '../../shared/sim/scenarioLink.js';
import type { ScenarioResult } from '../sim/workerProtocol.js';

/**
 * Digital twins as the page sees them: the runs the worker has done or is doing (by scenario
 * key), the published figures each model is checked against, and each visitor's own scenario
 * per twin exhibit. A visitor's levers are theirs alone: nothing here goes to the server.
 */

export type RunState =
  | { status: 'running'; steps: number; maxSteps: number }
  | { status: 'done'; result: ScenarioResult }
  | { status: 'refused'; problems: string[] }
  | { status: 'failed'; message: string };

export interface TwinsState {
  runs: Record<string, RunState>;
  /** Model against reality, by `${model}#${seed}` (null while it computes). */
  reality: Record<string, RealityCheck[] | null>;
  /** The visitor's own scenario for a twin exhibit (absent: they see only the official one). */
  mine: Record<string, Scenario>;
  /** A scenario named by the address the page was opened with, for one exhibit (applied once). */
  linked: { exhibitId: string; text: string } | null;
  /** Why a linked scenario could not be used (shown in its exhibit), by exhibit id. */
  linkProblem: Record<string, string>;
}

export const useTwins = create<TwinsState>(() => ({ runs: {}, reality: {}, mine: {}, linked: null, linkProblem: {} }));

export function setRun(key: string, run: RunState): void {
  useTwins.setState((s) => ({ runs: { ...s.runs, [key]: run } }));
}

export function setReality(key: string, checks: RealityCheck[] | null): void {
  useTwins.setState((s) => ({ reality: { ...s.reality, [key]: checks } }));
}

export function setMine(exhibitId: string, scenario: Scenario | null): void {
  useTwins.setState((s) => {
    const mine = { ...s.mine };
    if (scenario) mine[exhibitId] = scenario;
    else delete mine[exhibitId];
    return { mine };
  });
}

/**
 * The latest picture of each animated scenario, by key: transient world state written when the
 * worker answers and read in useFrame (never through React).
 */
export const twinPictures = new Map<string, { picture: Picture; at: number; previous: Picture | null; frames: number }>();

/** Snap a lever value to its range and step (what the sliders and in-world buttons send). */
export function leverValue(lever: Lever, value: number): number {
  if (!Number.isFinite(value)) return lever.default;
  const stepped = Math.round((value - lever.min) / lever.step) * lever.step + lever.min;
  const clamped = Math.min(lever.max, Math.max(lever.min, stepped));
  // Keep the decimals of the step (0.1 + 0.2 is not 0.3).
  const digits = (String(lever.step).split('.')[1] ?? '').length;
  return Number(clamped.toFixed(digits));
}

/**
 * Move one lever of a visitor's own scenario (starting from the official one). Back to exactly
 * the official levers and seed, the visitor's scenario goes away.
 */
export function steerTwin(exhibitId: string, info: ModelInfo, official: Scenario, key: string, value: number): void {
  const lever = info.levers.find((l) => l.key === key);
  if (!lever) return;
  const from = useTwins.getState().mine[exhibitId] ?? official;
  const next: Scenario = { seed: from.seed, params: { ...from.params, [key]: leverValue(lever, value) } };
  setMine(exhibitId, sameScenario(info, next, official) ? null : next);
}

/** Run the visitor's scenario with another seed (the same levers). */
export function reseedTwin(exhibitId: string, info: ModelInfo, official: Scenario, seed: number): void {
  const from = useTwins.getState().mine[exhibitId] ?? official;
  const next: Scenario = { params: from.params, seed };
  setMine(exhibitId, sameScenario(info, next, official) ? null : next);
}
