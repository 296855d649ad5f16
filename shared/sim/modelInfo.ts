import { CARBON_DIVIDEND_INFO } from './carbonDividendInfo.js';
import { CONGESTION_CHARGE_INFO } from './cordonInfo.js';
import type { ModelInfo } from './model.js';

/**
 * What each twin model is (its levers, metrics, sources), without its simulation: enough to
 * check an exhibit's scenario and describe it in words. Exhibits' schemas use this, so a page
 * that parses exhibits does not carry the models' code until a twin is drawn (models.ts holds
 * the models; models.test.ts checks that both name the same descriptions).
 */
export const MODEL_INFO: Readonly<Record<string, ModelInfo>> = {
  [CONGESTION_CHARGE_INFO.id]: CONGESTION_CHARGE_INFO,
  [CARBON_DIVIDEND_INFO.id]: CARBON_DIVIDEND_INFO,
};

export function modelInfoById(id: string): ModelInfo | undefined {
  return Object.hasOwn(MODEL_INFO, id) ? MODEL_INFO[id] : undefined;
}
