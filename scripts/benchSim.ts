/**
 * `npm run bench:sim`: what the digital twins cost to run.
 *
 * Node section (this file, now):
 *  - Nagel-Schreckenberg throughput with 10,000 vehicles on one ring (the twin's road rules,
 *    density 1/3): vehicle updates per second and ring steps per second;
 *  - time to settle one default scenario of each model (median of several runs).
 * A browser section (frame times with a twin running in a worker) is to be added beside it.
 * Prints a table and a JSON line. Options: --vehicles N (10000), --seconds S per throughput run (2).
 */
import { CONGESTION } from '../shared/sim/congestionChargeInfo.js';
import { defaultParams } from '../shared/sim/levers.js';
import { runScenario, TWIN_MODELS } from '../shared/sim/models.js';
import { Random } from '../shared/sim/random.js';
import { RingRoad } from '../shared/sim/ringRoad.js';
import { printReport } from '../e2e/load/report.js';
import { quantile, round } from '../e2e/load/stats.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const VEHICLES = arg('vehicles', 10_000);
const SECONDS = arg('seconds', 2);

/** Ring steps of `vehicles` cars per second, after a warm-up that lets the JIT and the jams settle. */
function naschSection(vehicles: number, seconds: number): Record<string, number> {
  const road = new RingRoad(vehicles * 3, CONGESTION.vmax, CONGESTION.slowdown);
  const random = new Random(1);
  road.place(vehicles, random);
  for (let t = 0; t < 500; t++) road.step(random);
  let steps = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let t = 0; t < 50; t++) road.step(random);
    steps += 50;
    elapsed = performance.now() - start;
  }
  const perSecond = steps / (elapsed / 1000);
  return {
    naschVehicles: vehicles,
    naschCells: road.cells,
    naschRingStepsPerSec: round(perSecond, 0),
    naschVehicleUpdatesPerSec: round(perSecond * vehicles, 0),
    naschMsPerRingStep: round(elapsed / steps, 4),
  };
}

/** Wall time to run each model's default scenario from init until it settles. */
function settleSection(runs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, model] of Object.entries(TWIN_MODELS)) {
    const params = defaultParams(model.info);
    runScenario(model, params, 0); // warm the JIT
    const times: number[] = [];
    let steps = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const start = performance.now();
      steps = runScenario(model, params, seed).steps;
      times.push(performance.now() - start);
    }
    out[`${id}:settleMsP50`] = round(quantile(times, 0.5), 1);
    out[`${id}:settleMsMax`] = round(Math.max(...times), 1);
    out[`${id}:steps`] = steps;
  }
  return out;
}

function main(): void {
  const result = { node: process.version, ...naschSection(VEHICLES, SECONDS), ...settleSection(7) };
  printReport(result);
  console.log(JSON.stringify(result));
}

main();
