/**
 * The contract every digital-twin model keeps (shared by the server, the browser's Web Worker
 * and the tests). A model is pure TypeScript: no DOM, no Node APIs, no Date, no Math.random.
 * Same levers and seed give bit-identical numbers in Node and in every browser, so only
 * IEEE basic arithmetic and Math.sqrt / floor / ceil / round / abs / min / max are used on the
 * path to any number (Math.exp, log, pow, sin... are implementation-defined: see detmath.ts).
 */

/** Lever values by key (a scenario's levers). */
export type Params = Record<string, number>;

/** A policy lever a visitor can move. */
export interface Lever {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  default: number;
  /** One sentence: what moving it means in the world. */
  help: string;
}

/** An outcome the model reports. */
export interface Metric {
  key: string;
  label: string;
  unit: string;
  /** Decimal places to show. */
  digits: number;
  /** Which way is better for most readers, if any (colours the comparison, never hides it). */
  better?: 'higher' | 'lower';
  help: string;
}

/** Where a stated figure comes from. */
export interface Citation {
  /** What the figure is used for, in plain words. */
  use: string;
  /** The figure as stated, e.g. "£5.04/h (2002 prices)". */
  value: string;
  source: string;
  url?: string;
  /** True when read in a secondary summary of the original. */
  secondHand?: boolean;
}

/** Model against reality: one published outcome beside what the model gives. */
export interface RealityCheck {
  label: string;
  /** The published figure and its unit, e.g. -18 with unit "%". */
  real: number;
  model: number;
  unit: string;
  source: string;
  /** The model's band over seeds and the uncertain parameters, if it gives one. */
  low?: number;
  high?: number;
  /** Fitted to this figure, a check on the calibration case, or a case never fitted to. */
  role?: 'calibration' | 'check' | 'out of sample';
  /** The published figure lies inside the model's band (widened by the figure's rounding). */
  hit?: boolean;
}

export interface ModelInfo {
  id: string;
  /** Semantic version: a change to any number's computation bumps it (shared links name it). */
  version: string;
  name: string;
  /** The question it answers, as a voter would ask it. */
  question: string;
  /** Its assumptions in plain words. */
  assumptions: string[];
  sources: Citation[];
  levers: Lever[];
  metrics: Metric[];
  /** One short line for the exhibit's board on how the model fares against reality (tested against realityChecks). */
  caveat?: string;
  /** Most steps a scenario takes before it is called settled anyway. */
  maxSteps: number;
}

/** A chart the detail view draws (and reads out as a table). */
export interface SimChart {
  title: string;
  kind: 'line' | 'bar';
  xLabel: string;
  yLabel: string;
  series: { name: string; points: [number, number][] }[];
}

/**
 * What the 3D exhibit draws of a state, cheap to copy out of a worker. `ring`: vehicles on a
 * circular road, position as a fraction of the way round and speed as a fraction of the top
 * speed. `deciles`: one bar per income decile (e.g. net gain per household).
 */
export type Picture =
  | { kind: 'ring'; cells: number; position: Float32Array; speed: Float32Array }
  | { kind: 'deciles'; unit: string; values: number[] };

export interface SimModel<S> {
  info: ModelInfo;
  /** A fresh state from valid levers (see checkParams) and a seed (integer 0..2^31-1). */
  init(params: Params, seed: number): S;
  /** One step of the model (a day, a year...): mutates the state. */
  step(state: S): void;
  /** True once the outcomes have settled (or maxSteps has been reached). */
  settled(state: S): boolean;
  /** The outcomes now, by metric key (every key in info.metrics). */
  metrics(state: S): Record<string, number>;
  /** Moves the drawn agents on without changing any outcome (e.g. one second of traffic). */
  animate(state: S): void;
  picture(state: S): Picture;
  charts(state: S): SimChart[];
  /** Published outcomes beside the model's (computed, not typed in), if the model has any. */
  realityChecks?(seed: number): RealityCheck[];
}

/** Steps of the run so far (every model keeps it in its state under this name). */
export interface Stepped {
  steps: number;
}
