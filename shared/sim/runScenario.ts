import type { Params, SimModel } from './model.js';

export interface ScenarioResult {
  metrics: Record<string, number>;
  /** Steps taken until settled (or the model's maxSteps). */
  steps: number;
}

/** Runs a scenario from the start until it settles: what a worker does for a visitor's levers. */
export function runScenario<S>(model: SimModel<S>, params: Params, seed: number): ScenarioResult {
  const state = model.init(params, seed);
  let steps = 0;
  while (!model.settled(state) && steps < model.info.maxSteps) {
    model.step(state);
    steps++;
  }
  return { metrics: model.metrics(state), steps };
}
