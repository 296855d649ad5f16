/**
 * `npm run bench:sim`: what the digital twins cost to run.
 *
 * Node section (this file, now):
 *  - Nagel-Schreckenberg throughput with 10,000 vehicles on one ring (the twin's road rules,
 *    density 1/3): vehicle updates per second and ring steps per second;
 *  - time to settle one default scenario of each model (median and max over seeds 1-20);
 *  - time to compute the congestion twin's "Model against reality" (every scheme, every
 *    parameter variant, the exhibit's seeds; median of 3).
 * Browser section (e2e/load/simFrames.ts; needs `npm run build:test`): the hall's frame times in
 * headless Chromium with no twin, with a twin animating, and while the worker computes scenarios.
 * Prints tables and a JSON line. Options: --vehicles N (10000), --seconds S per throughput run
 * (2), --frame-seconds S of frame sampling (8), --node-only.
 */
import { CORDON } from '../shared/sim/cordonInfo.js';
import { congestionCharge } from '../shared/sim/congestionCharge.js';
import { defaultParams } from '../shared/sim/levers.js';
import { runScenario, TWIN_MODELS } from '../shared/sim/models.js';
import { Random } from '../shared/sim/random.js';
import { RingRoad } from '../shared/sim/ringRoad.js';
import { printReport } from '../e2e/load/report.js';
import { simFrameFigures } from '../e2e/load/simFrames.js';
import { quantile, round } from '../e2e/load/stats.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const VEHICLES = arg('vehicles', 10_000);
const SECONDS = arg('seconds', 2);
const FRAME_SECONDS = arg('frame-seconds', 8);

/** Ring steps of `vehicles` cars per second, after a warm-up that lets the JIT and the jams settle. */
function naschSection(vehicles: number, seconds: number): Record<string, number> {
  const road = new RingRoad(vehicles * 3, 1, CORDON.dawdle);
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

/** Wall time of the congestion twin's reality checks (what the worker does once per page). */
function realitySection(): Record<string, number> {
  congestionCharge.realityChecks!(1);
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    congestionCharge.realityChecks!(1);
    times.push(performance.now() - start);
  }
  return { 'congestion-charge:realityMsP50': round(quantile(times, 0.5), 0) };
}

async function main(): Promise<void> {
  const node = { node: process.version, ...naschSection(VEHICLES, SECONDS), ...settleSection(20), ...realitySection() };
  printReport(node);
  if (process.argv.includes('--node-only')) {
    console.log(JSON.stringify(node));
    return;
  }
  const browser = await simFrameFigures(FRAME_SECONDS);
  printReport({
    frameMsP50: { emptyHall: browser.emptyHall.p50, twinAnimating: browser.twinAnimating.p50, steeringEverySecond: browser.steeringEverySecond.p50, computingFlatOut: browser.twinComputing.p50 },
    frameMsP95: { emptyHall: browser.emptyHall.p95, twinAnimating: browser.twinAnimating.p95, steeringEverySecond: browser.steeringEverySecond.p95, computingFlatOut: browser.twinComputing.p95 },
    ratioP50ToEmptyHall: {
      twinAnimating: round(browser.twinAnimating.p50 / browser.emptyHall.p50, 2),
      steeringEverySecond: round(browser.steeringEverySecond.p50 / browser.emptyHall.p50, 2),
      computingFlatOut: round(browser.twinComputing.p50 / browser.emptyHall.p50, 2),
    },
    fps: { emptyHall: browser.emptyHall.fps, twinAnimating: browser.twinAnimating.fps, steeringEverySecond: browser.steeringEverySecond.fps, computingFlatOut: browser.twinComputing.fps },
    scenariosComputed: { steeringEverySecond: browser.steeringEverySecond.scenariosComputed, computingFlatOut: browser.twinComputing.scenariosComputed },
    scenarioMsInWorker: browser.scenarioMsInWorker,
    machine: 'headless Chromium on SwiftShader (no GPU), 960x540',
  });
  console.log(JSON.stringify({ ...node, browser }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
