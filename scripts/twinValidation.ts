/**
 * `npx tsx scripts/twinValidation.ts [seeds]`: the congestion twin against published schemes.
 * London 2003 is the calibration; the others are out of sample (never fitted). Prints, for each
 * figure, the model's mean ± sd over seeds 1..N (central parameters) and its band over those seeds
 * and every variant of the uncertain parameters, beside the published figure.
 */
import { schemeBands, schemeDesign, withinBand } from '../shared/sim/cordonValidation.js';
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
