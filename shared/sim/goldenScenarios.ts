import type { Params } from './model.js';
import { modelById, runScenario, scenarioFingerprint } from './models.js';

export interface GoldenScenario {
  modelId: string;
  params: Params;
  seed: number;
}

/**
 * Scenarios to run in Node and in each browser and compare with `goldenFingerprint`: they
 * must agree to the last bit. Chosen to cross the detmath paths (values of time, likings,
 * household spreads, demand response) and both free and jammed traffic. No expected numbers
 * are written down here: the truth is that every engine agrees.
 */
export function goldenScenarios(): GoldenScenario[] {
  return [
    { modelId: 'congestion-charge', params: { charge: 0, frequency: 12 }, seed: 1 },
    { modelId: 'congestion-charge', params: { charge: 5, frequency: 12 }, seed: 1 },
    { modelId: 'congestion-charge', params: { charge: 12.5, frequency: 4 }, seed: 424242 },
    // Per crossing with time-of-day prices and a cap (Stockholm-like), and an overloaded zone (queueing branch).
    { modelId: 'congestion-charge', params: { charge: 2, perPassage: 1, shoulder: 75, offPeak: 50, cap: 4.5, frequency: 12 }, seed: 42 },
    { modelId: 'congestion-charge', params: { charge: 0, frequency: 2 }, seed: 7 },
    { modelId: 'carbon-dividend', params: { fee: 50, dividend: 100 }, seed: 1 },
    { modelId: 'carbon-dividend', params: { fee: 135, dividend: 65 }, seed: 2024 },
    { modelId: 'carbon-dividend', params: { fee: 300, dividend: 0 }, seed: 7 },
    { modelId: 'carbon-dividend', params: { fee: 85, dividend: 90, childShare: 0, indirect: 0 }, seed: 99 },
  ];
}

/** Runs a golden scenario to the end: its steps and the exact fingerprint of its outcomes. */
export function goldenFingerprint(g: GoldenScenario): string {
  const model = modelById(g.modelId);
  if (!model) throw new Error(`No twin model "${g.modelId}".`);
  const { metrics, steps } = runScenario(model, g.params, g.seed);
  return `${g.modelId}@${model.info.version};steps=${steps};${scenarioFingerprint(metrics)}`;
}
