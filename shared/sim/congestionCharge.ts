import { chooseAll, createCommuters, ptMinutes, reconsider, wouldSwitch, type Commuters } from './commuters.js';
import { CONGESTION as C, CONGESTION_CHARGE_INFO } from './congestionChargeInfo.js';
import { fundamentalDiagram } from './fundamentalDiagram.js';
import type { Params, Picture, RealityCheck, SimChart, SimModel, Stepped } from './model.js';
import { Random, streamSeed } from './random.js';
import { RingRoad } from './ringRoad.js';
import { runScenario } from './runScenario.js';

/** Random streams of one run, so that no part's draws shift another's. */
const STREAM = { commuters: 1, choices: 2, view: 3, day: 1000 } as const;

const KMH_PER_CELL_STEP = (C.cellMetres / C.stepSeconds) * 3.6;
const FREE_FLOW_KMH = (C.vmax - C.slowdown) * KMH_PER_CELL_STEP;
const SLOWEST_KMH = 0.5;

export interface CongestionState extends Stepped {
  charge: number;
  frequency: number;
  seed: number;
  commuters: Commuters;
  choices: Random;
  /** The car journey time commuters expect, learnt from the days so far (min). */
  expectedCarMinutes: number;
  /** How far that expectation moved on the last day (a share of it). */
  expectationMoved: number;
  /** Commuters who would travel differently tomorrow if they all reconsidered. */
  wouldSwitch: number;
  /** The road a day is simulated on (laid out afresh each day from the day's own stream). */
  road: RingRoad;
  /** The road drawn between days (`animate`); never read by an outcome. */
  view: RingRoad;
  viewRandom: Random;
  /** Per day: cars, mean speed (km/h), cars by income group. */
  cars: Float64Array;
  speedKmh: Float64Array;
  carsByGroup: Float64Array;
}

const leverDefault = (key: string) => CONGESTION_CHARGE_INFO.levers.find((l) => l.key === key)!.default;
const minutesAt = (kmh: number) => (C.tripKm / kmh) * 60;
const FREE_FLOW_MINUTES = minutesAt(FREE_FLOW_KMH);

function init(params: Params, seed: number): CongestionState {
  const commuters = createCommuters(C.commuters, new Random(streamSeed(seed, STREAM.commuters)));
  const state: CongestionState = {
    steps: 0,
    charge: params.charge ?? leverDefault('charge'),
    frequency: params.frequency ?? leverDefault('frequency'),
    seed,
    commuters,
    choices: new Random(streamSeed(seed, STREAM.choices)),
    expectedCarMinutes: FREE_FLOW_MINUTES,
    expectationMoved: 1,
    wouldSwitch: C.commuters,
    road: new RingRoad(C.cells, C.vmax, C.slowdown),
    view: new RingRoad(C.cells, C.vmax, C.slowdown),
    viewRandom: new Random(streamSeed(seed, STREAM.view)),
    cars: new Float64Array(C.maxDays),
    speedKmh: new Float64Array(C.maxDays),
    carsByGroup: new Float64Array(C.maxDays * 3),
  };
  // The first morning, everyone expects an empty road.
  const cars = chooseAll(commuters, state.charge, FREE_FLOW_MINUTES, state.frequency);
  state.view.place(cars, state.viewRandom);
  return state;
}

/** One working day: the drivers drive, their speed is measured, and some reconsider for tomorrow. */
function step(s: CongestionState): void {
  if (s.steps >= C.maxDays) return;
  const day = s.steps;
  const c = s.commuters;
  let cars = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.drives[i]) {
      cars++;
      s.carsByGroup[day * 3 + c.group[i]!]! += 1;
    }
  }
  const dayRandom = new Random(streamSeed(s.seed, STREAM.day + day));
  s.road.place(cars, dayRandom);
  for (let t = 0; t < C.warmupSteps; t++) s.road.step(dayRandom);
  s.road.resetCounters();
  for (let t = 0; t < C.measureSteps; t++) s.road.step(dayRandom);
  const kmh = cars === 0 ? FREE_FLOW_KMH : Math.max(SLOWEST_KMH, s.road.meanSpeed() * KMH_PER_CELL_STEP);
  s.cars[day] = cars;
  s.speedKmh[day] = kmh;
  // The first days teach most (an average of the days so far), later ones a fixed share.
  const weight = Math.max(C.learning, 1 / (day + 1));
  const move = weight * (minutesAt(kmh) - s.expectedCarMinutes);
  s.expectationMoved = Math.abs(move) / s.expectedCarMinutes;
  s.expectedCarMinutes += move;
  reconsider(c, C.reconsider, s.choices, s.charge, s.expectedCarMinutes, s.frequency);
  s.wouldSwitch = wouldSwitch(c, s.charge, s.expectedCarMinutes, s.frequency);
  copyRoad(s.road, s.view);
  s.steps++;
}

function copyRoad(from: RingRoad, to: RingRoad): void {
  to.position.set(from.position.subarray(0, from.count));
  to.speed.set(from.speed.subarray(0, from.count));
  to.count = from.count;
}

/** The days the outcomes are averaged over: the last `window` days run. */
function windowDays(s: CongestionState): { from: number; to: number } {
  return { from: Math.max(0, s.steps - C.window), to: s.steps };
}

/**
 * Settled once, after the first days, hardly anyone would travel differently even if everyone
 * reconsidered, the expected car time has stopped moving, and the cars of the averaged days
 * differ by no more than that either. (Day-to-day traffic noise keeps a few at the margin.)
 */
function settled(s: CongestionState): boolean {
  if (s.steps >= C.maxDays) return true;
  if (s.steps < Math.max(C.minDays, C.window)) return false;
  const tolerance = C.settleTolerance * C.commuters;
  if (s.wouldSwitch > tolerance || s.expectationMoved > C.settleExpectation) return false;
  const { from, to } = windowDays(s);
  let lo = Infinity;
  let hi = -Infinity;
  for (let d = from; d < to; d++) {
    lo = Math.min(lo, s.cars[d]!);
    hi = Math.max(hi, s.cars[d]!);
  }
  return hi - lo <= 2 * tolerance;
}

function metrics(s: CongestionState): Record<string, number> {
  const { from, to } = windowDays(s);
  const days = to - from;
  let cars = 0;
  let kmh = 0;
  const byGroup = [0, 0, 0];
  for (let d = from; d < to; d++) {
    cars += s.cars[d]!;
    kmh += s.speedKmh[d]!;
    for (let g = 0; g < 3; g++) byGroup[g]! += s.carsByGroup[d * 3 + g]!;
  }
  if (days === 0) {
    // Nothing driven yet: today's choices on an empty road.
    cars = s.view.count;
    kmh = FREE_FLOW_KMH;
    for (let i = 0; i < s.commuters.count; i++) byGroup[s.commuters.group[i]!]! += s.commuters.drives[i]!;
  } else {
    cars /= days;
    kmh /= days;
    for (let g = 0; g < 3; g++) byGroup[g]! /= days;
  }
  const groupSize = (g: number) => Math.floor((C.commuters + 2 - g) / 3);
  const carMinutes = minutesAt(kmh);
  return {
    carShare: (100 * cars) / C.commuters,
    speed: kmh,
    carMinutes,
    ptMinutes: ptMinutes(s.frequency),
    delayMinutes: carMinutes - FREE_FLOW_MINUTES,
    revenue: cars * s.charge,
    co2: (cars * 2 * C.tripKm * C.co2PerKm) / 1000,
    paidLow: (byGroup[0]! * s.charge) / groupSize(0),
    paidMiddle: (byGroup[1]! * s.charge) / groupSize(1),
    paidHigh: (byGroup[2]! * s.charge) / groupSize(2),
  };
}

function animate(s: CongestionState): void {
  s.view.step(s.viewRandom);
}

function picture(s: CongestionState): Picture {
  const n = s.view.count;
  const position = new Float32Array(n);
  const speed = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    position[i] = s.view.position[i]! / C.cells;
    speed[i] = s.view.speed[i]! / C.vmax;
  }
  return { kind: 'ring', cells: C.cells, position, speed };
}

function charts(s: CongestionState): SimChart[] {
  const m = metrics(s);
  const density = (m.carShare! / 100) * (C.commuters / C.cells);
  const flow = density * (m.speed! / KMH_PER_CELL_STEP);
  const days: [number, number][] = [];
  for (let d = 0; d < s.steps; d++) days.push([d + 1, (100 * s.cars[d]!) / C.commuters]);
  return [
    {
      title: 'Fundamental diagram of the ring: flow against density',
      kind: 'line',
      xLabel: 'Density (cars per cell)',
      yLabel: 'Flow (cars per second past a point)',
      series: [
        { name: `Nagel-Schreckenberg, vmax ${C.vmax}, p ${C.slowdown}`, points: fundamentalDiagram(C.cells, C.vmax, C.slowdown) },
        { name: 'This scenario', points: [[density, flow]] },
      ],
    },
    {
      title: 'Commuters driving, day by day',
      kind: 'line',
      xLabel: 'Day',
      yLabel: 'Commuters driving (%)',
      series: [{ name: 'Driving', points: days }],
    },
  ];
}

/** London 2003: a £5 charge against none, both run here with the same commuters. */
function realityChecks(seed: number): RealityCheck[] {
  const frequency = leverDefault('frequency');
  const before = runScenario(congestionCharge, { charge: 0, frequency }, seed).metrics;
  const after = runScenario(congestionCharge, { charge: 5, frequency }, seed).metrics;
  const change = (key: string) => 100 * (after[key]! / before[key]! - 1);
  return [
    { label: 'Traffic entering the zone, £5 charge vs none', real: -18, model: change('carShare'), unit: '%', source: 'TfL 3rd Annual Monitoring Report (2005), via Planetizen' },
    { label: 'Delay inside the zone', real: -30, model: change('delayMinutes'), unit: '%', source: 'TfL press release, Apr 2004' },
    { label: 'Speed in the zone before the charge', real: 14, model: before.speed!, unit: 'km/h', source: 'Summary of TfL 5th Impacts Monitoring Report (2nd hand)' },
    { label: 'Speed in the zone with the charge', real: 17, model: after.speed!, unit: 'km/h', source: 'Summary of TfL 5th Impacts Monitoring Report (2nd hand)' },
    { label: 'CO2 from traffic in the zone', real: -16, model: change('co2'), unit: '%', source: 'US DOT ITS lessons page citing early TfL reports (2nd hand)' },
  ];
}

/** The congestion charge twin (see CONGESTION_CHARGE_INFO for what it assumes). */
export const congestionCharge: SimModel<CongestionState> = {
  info: CONGESTION_CHARGE_INFO,
  init,
  step,
  settled,
  metrics,
  animate,
  picture,
  charts,
  realityChecks,
};
