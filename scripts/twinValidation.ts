/**
 * `npx tsx scripts/twinValidation.ts [seeds]`: the congestion twin against published schemes.
 * London 2003 is the calibration; the others are out of sample (never fitted). Prints, for each
 * figure, the model's mean ± sd over seeds 1..N (central parameters) and its band over those seeds
 * and every variant of the uncertain parameters, beside the published figure.
 */
import { congestionCharge, initDesign, runDesign } from '../shared/sim/congestionCharge.js';
import { CORDON, VARIANTS } from '../shared/sim/cordonInfo.js';
import { schemeBands, schemeConditions, schemeDesign, withinBand } from '../shared/sim/cordonValidation.js';
import { CHARGING_SCHEMES } from '../shared/sim/validation/chargingSchemes.js';

const n = Number(process.argv[2] ?? 20);
const seeds = Array.from({ length: n }, (_, i) => i + 1);
const started = performance.now();
const bands = schemeBands(seeds);
const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
console.log(`seeds 1-${n}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log('| scheme | charge in London-2003 £ (peak, cap) | figure | published | model mean ± sd (seeds) | band (seeds x variants) | inside band? |');
console.log('|---|---|---|---|---|---|---|');
for (const s of CHARGING_SCHEMES) {
  const b = bands.get(s.id)!;
  const d = schemeDesign(s);
  const charge = `${d.prices[0].toFixed(2)}${d.perPassage ? ' per crossing' : ' a day'}${d.cap ? `, cap ${d.cap.toFixed(2)}` : ''}`;
  const rows: [string, number | undefined, keyof typeof b, string][] = [
    ['traffic entering %', s.traffic.change, 'traffic', s.traffic.source],
    ['delay %', s.delay?.change, 'delay', s.delay?.source ?? ''],
    ['CO2 %', s.co2?.change, 'co2', s.co2?.source ?? ''],
  ];
  for (const [label, real, key] of rows) {
    const band = b[key];
    const published = real === undefined ? 'n/a' : f(real);
    const inside = real === undefined ? '' : withinBand(real, band) ? 'yes' : 'NO (miss)';
    console.log(`| ${s.name} ${s.year} | ${charge} | ${label} | ${published} | ${f(band.central)} ± ${band.sd.toFixed(2)} | ${f(band.low)} to ${f(band.high)} | ${inside} |`);
  }
  console.log(`| ${s.name} ${s.year} | | speed km/h before -> after | ${s.id === 'london-2003' ? '14 -> 17' : 'n/a'} | ${b.speedBefore.central.toFixed(1)} ± ${b.speedBefore.sd.toFixed(2)} -> ${b.speedAfter.central.toFixed(1)} ± ${b.speedAfter.sd.toFixed(2)} | ${b.speedAfter.low.toFixed(1)} to ${b.speedAfter.high.toFixed(1)} | |`);
}

// The taste spread against the time saved (central variant, seed 1): the logit's spread of likings
// (sd of the Gumbel, pi / sqrt 6 times its scale) for a traveller of the base value of time, the
// value of the time a commuter driving in the peak saves a day, and how much of the traffic fall
// is left when travellers choose on the speeds before the charge (no feedback from the time saved).
const v = VARIANTS[0]!;
const spread = (Math.PI / Math.sqrt(6)) * v.theta;
console.log('');
console.log(`taste spread (sd, base value of time): £${spread.toFixed(2)} a day; central logit scale ${v.theta}`);
console.log('| scheme | peak speed before -> after | time a peak commuter saves, £/day | traffic fall with speeds learnt | with the speeds before (no feedback) |');
console.log('|---|---|---|---|---|');
const none = { prices: [0, 0, 0] as const, perPassage: false, cap: null, frequency: 12 };
for (const s of CHARGING_SCHEMES) {
  const city = schemeConditions(s);
  const before = runDesign({ ...none, prices: [0, 0, 0] }, 1, 0, city);
  const after = runDesign(schemeDesign(s), 1, 0, city);
  const frozen = congestionCharge.metrics(initDesign(schemeDesign(s), 1, 0, city));
  const saved = 2 * CORDON.zoneKm * (60 / before.peakSpeed! - 60 / after.peakSpeed!) * (v.votCommute / 60);
  const pct = (a: number, b: number) => f(100 * (a / b - 1));
  console.log(`| ${s.name} ${s.year} | ${before.peakSpeed!.toFixed(1)} -> ${after.peakSpeed!.toFixed(1)} km/h | ${saved.toFixed(2)} | ${pct(after.entries!, before.entries!)}% | ${pct(frozen.entries!, before.entries!)}% |`);
}
