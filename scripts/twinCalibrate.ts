/**
 * `npx tsx scripts/twinCalibrate.ts`: the congestion twin's one fitted number per variant, the
 * logit scale, refitted on London 2003 alone (-18% traffic entering at £5 a day, mean over the
 * exhibit's seeds). Paste the printed values into VARIANTS in shared/sim/cordonInfo.ts; nothing
 * from another scheme enters this fit.
 */
import { VARIANTS } from '../shared/sim/cordonInfo.js';
import { calibrateTheta } from '../shared/sim/cordonValidation.js';

for (const v of VARIANTS) {
  const started = performance.now();
  const theta = calibrateTheta(v);
  console.log(`${v.name}: theta ${theta} (was ${v.theta}; ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
