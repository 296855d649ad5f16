import { modelById } from '../shared/sim/models.js';
import { scenarioKey } from '../shared/sim/scenarioLink.js';
import { useExhibits } from './state/exhibits.js';
import { twinPictures, useTwins } from './state/twins.js';
import type { HustingsTwin, HustingsTwinRun } from './testHookTypes.js';

/**
 * The test hook's twin probes (test builds only): client/testHook.ts loads this module the first
 * time a test asks about twins, so the twin code is not loaded before the first frame there either.
 */

export { simulate } from './sim/twinRuns.js';

/** The digital twins on show in this space: their scenarios, runs and what is animated. */
export function twins(): HustingsTwin[] {
  const { shown } = useExhibits.getState();
  const { runs, mine } = useTwins.getState();
  const runOf = (key: string | null): HustingsTwinRun => {
    const run = key ? runs[key] : undefined;
    return { key: key ?? '', status: run?.status ?? 'none', metrics: run?.status === 'done' ? { ...run.result.metrics } : null };
  };
  const out: HustingsTwin[] = [];
  for (const e of shown) {
    if (e.content.kind !== 'twin') continue;
    const model = modelById(e.content.model);
    if (!model) continue;
    const officialKey = scenarioKey(model.info, { params: e.content.params, seed: e.content.seed });
    const own = mine[e.id];
    const mineKey = own ? scenarioKey(model.info, own) : null;
    const shownKey = mineKey && runs[mineKey]?.status === 'done' ? mineKey : officialKey;
    const picture = twinPictures.get(shownKey);
    out.push({
      id: e.id, model: model.info.id, official: runOf(officialKey), mine: mineKey ? runOf(mineKey) : null,
      frames: picture?.frames ?? 0,
      firstCar: picture?.picture.kind === 'ring' && picture.picture.position.length > 0 ? picture.picture.position[0]! : null,
    });
  }
  return out;
}
