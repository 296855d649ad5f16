import type { Picture, RealityCheck, SimChart } from '../../shared/sim/model.js';

/**
 * Messages between the page and the twin worker. A scenario is named by its key (model, version,
 * seed and levers, see scenarioKey): the worker keeps the state of each scenario it has run, so
 * the page can ask for frames of it to animate, and drops it when told.
 */
export type ToWorker =
  | { type: 'run'; key: string; model: string; params: Record<string, number>; seed: number }
  | { type: 'frame'; key: string }
  | { type: 'drop'; key: string }
  | { type: 'reality'; key: string; model: string; seed: number };

export interface ScenarioResult {
  metrics: Record<string, number>;
  charts: SimChart[];
  steps: number;
  settled: boolean;
  /** Wall time the worker spent on it (ms; for the readout and the benchmark only). */
  ms: number;
}

export type FromWorker =
  | { type: 'progress'; key: string; steps: number; maxSteps: number }
  | { type: 'result'; key: string; result: ScenarioResult }
  | { type: 'refused'; key: string; problems: string[] }
  | { type: 'failed'; key: string; message: string }
  | { type: 'frame'; key: string; picture: Picture }
  /** A frame was asked of a scenario the worker no longer holds (run it again to animate it). */
  | { type: 'gone'; key: string }
  | { type: 'reality'; key: string; checks: RealityCheck[] };
