import { TWIN_MODELS } from '../../../shared/sim/models.js';
import type { Handlers } from '../api.js';

/** The twin models' descriptions, as open data (the same objects the browser's worker runs). */
export function twinHandlers(): Pick<Handlers, 'twinModels'> {
  return {
    twinModels() {
      return Promise.resolve({ models: Object.values(TWIN_MODELS).map((m) => m.info) });
    },
  };
}
