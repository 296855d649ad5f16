import { carbonDividend } from './carbonDividend.js';
import { congestionCharge } from './congestionCharge.js';
import type { SimModel } from './model.js';

export { runScenario, type ScenarioResult } from './runScenario.js';

/** Every twin a curator can place, by model id. */
export const TWIN_MODELS: Readonly<Record<string, SimModel<unknown>>> = {
  [congestionCharge.info.id]: congestionCharge,
  [carbonDividend.info.id]: carbonDividend,
};

export function modelById(id: string): SimModel<unknown> | undefined {
  return Object.hasOwn(TWIN_MODELS, id) ? TWIN_MODELS[id] : undefined;
}

/**
 * A run's outcomes as one exact string, to compare two runs bit for bit (Node against a
 * browser): keys in order, each number written so it reads back to the same double.
 */
export function scenarioFingerprint(metrics: Record<string, number>): string {
  return Object.keys(metrics)
    .sort()
    .map((k) => `${k}=${Object.is(metrics[k], -0) ? '-0' : String(metrics[k])}`)
    .join(';');
}
