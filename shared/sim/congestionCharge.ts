import { cityFrom, LONDON_CONDITIONS, type City, type CityConditions } from './cordonCity.js';
import { CONGESTION_CHARGE_INFO, CORDON as C, VARIANTS, type Variant } from './cordonInfo.js';
import { choiceProbabilities, createTravellers, dayCharge, optionCosts, PEAK, SHOULDER, type ChargeDesign, type Travellers } from './cordonPeople.js';
import { backgroundCo2PerKm, co2PerKm, densityAtDemand } from './cordonTraffic.js';
import { baseDemand, bandSpeeds, meanSpeed, supplyFor } from './cordonSupply.js';
import { cordonCharts, cordonPicture } from './cordonViews.js';
import { cordonRealityChecks } from './cordonValidation.js';
import type { Params, SimModel, Stepped } from './model.js';
import { Random, streamSeed } from './random.js';
import { RingRoad } from './ringRoad.js';
import { requireInputs, SimInputError } from './simInput.js';

const STREAM = { travellers: 1, view: 3 } as const;
const FREE_KMH = C.topKmh * (1 - C.dawdle);

/** What one day's choices add up to (expected values over the travellers' probabilities). */
export interface DayTotals {
  carKm: Float64Array;
  entries: number;
  car: number;
  pt: number;
  active: number;
  none: number;
  shifted: number;
  round: number;
  revenue: number;
  paidByThird: Float64Array;
  kmh: Float64Array;
}

export interface CongestionState extends Stepped {
  design: ChargeDesign;
  city: City;
  seed: number;
  travellers: Travellers;
  /** Vehicles that do not respond: km per band and entries a day. */
  backgroundKm: Float64Array;
  backgroundEntries: number;
  /** Road supply (demand per hour that would fill every cell at speed 1). */
  supply: number;
  expectedKmh: Float64Array;
  moved: number;
  today: DayTotals;
  /** Per day: mean zone speed, share driving. */
  speedByDay: Float64Array;
  carByDay: Float64Array;
  thirdCounts: Float64Array;
  view: RingRoad;
  viewRandom: Random;
}

function emptyTotals(): DayTotals {
  return { carKm: new Float64Array(3), entries: 0, car: 0, pt: 0, active: 0, none: 0, shifted: 0, round: 0, revenue: 0, paidByThird: new Float64Array(3), kmh: new Float64Array(3) };
}

/** The levers as a design in London-2003 pounds. */
export function designFromParams(p: Params): ChargeDesign {
  const charge = p.charge!;
  return {
    prices: [charge, (charge * p.shoulder!) / 100, (charge * p.offPeak!) / 100],
    perPassage: p.perPassage === 1,
    cap: p.cap! > 0 ? p.cap! : null,
    frequency: p.frequency!,
  };
}

function checkDesign(d: ChargeDesign): void {
  const bad = d.prices.some((x) => !(x >= 0 && x <= 1000)) || !(d.frequency > 0 && d.frequency <= 120) || (d.cap !== null && !(d.cap > 0));
  if (bad) throw new SimInputError(`A charging design needs prices from 0 to 1000, a frequency above 0 and at most 120 an hour, and a cap above 0 or none (got ${JSON.stringify(d)}).`);
}

/** A fresh run of a design with one variant of the uncertain parameters, in a city (London unless given; validation uses this directly). */
export function initDesign(design: ChargeDesign, seed: number, variant: number | Variant = 0, conditions: CityConditions = LONDON_CONDITIONS): CongestionState {
  checkDesign(design);
  const city = cityFrom(conditions);
  const v = typeof variant === 'number' ? VARIANTS[variant] : variant;
  if (!v) throw new SimInputError(`There is no parameter variant ${String(typeof variant === 'number' ? variant : variant.name)} (there are ${VARIANTS.length}).`);
  if (!(v.theta > 0)) throw new SimInputError(`A variant's logit scale must be above 0 (got ${v.theta}).`);
  const travellers = createTravellers(v, new Random(streamSeed(seed, STREAM.travellers)), city);
  const base = baseDemand(travellers, city);
  const share = city.exemptShare / (1 - city.exemptShare);
  const backgroundKm = base.km.map((x) => x * share);
  const thirdCounts = new Float64Array(3);
  for (let i = 0; i < travellers.count; i++) thirdCounts[travellers.third[i]!]! += 1;
  const s: CongestionState = {
    steps: 0,
    design,
    city,
    seed,
    travellers,
    backgroundKm,
    backgroundEntries: base.entries * share,
    supply: supplyFor(base.km, backgroundKm, city.baseKmh),
    expectedKmh: new Float64Array([city.baseKmh, city.baseKmh, city.baseKmh]),
    moved: 1,
    today: emptyTotals(),
    speedByDay: new Float64Array(C.maxDays),
    carByDay: new Float64Array(C.maxDays),
    thirdCounts,
    view: new RingRoad(C.ringCells, 1, C.dawdle),
    viewRandom: new Random(streamSeed(seed, STREAM.view)),
  };
  choose(s, s.today);
  placeView(s);
  return s;
}

function init(params: Params, seed: number): CongestionState {
  return initDesign(designFromParams(requireInputs(CONGESTION_CHARGE_INFO, params, seed)), seed);
}

const costs = new Float64Array(5);
const probs = new Float64Array(5);

/** Everyone chooses on the speeds they expect; the totals and the speeds those choices give. */
function choose(s: CongestionState, out: DayTotals): void {
  const t = s.travellers;
  const d = s.design;
  out.carKm.fill(0);
  out.paidByThird.fill(0);
  out.entries = out.car = out.pt = out.active = out.none = out.shifted = out.round = out.revenue = 0;
  for (let i = 0; i < t.count; i++) {
    const p = t.purpose[i]!;
    const band = t.band[i]!;
    const visits = t.visits[i]!;
    const n = optionCosts(p, t.vot[i]!, t.tripKm[i]!, band, d, s.expectedKmh, costs, visits);
    // Tastes per visit and in minutes: a traveller coming in twice, or whose time is worth more, scales both.
    choiceProbabilities(costs, n, t.asc[p]!, t.theta, probs, t.timeScale[i]! * visits);
    let paid = 0;
    if (p === 0) {
      out.carKm[PEAK]! += probs[0]! * 2 * C.zoneKm;
      out.carKm[SHOULDER]! += probs[1]! * 2 * C.zoneKm;
      out.car += probs[0]! + probs[1]!;
      out.entries += probs[0]! + probs[1]!;
      out.shifted += probs[1]!;
      out.pt += probs[2]!;
      out.active += probs[3]!;
      out.none += probs[4]!;
      paid = probs[0]! * dayCharge(d, PEAK) + probs[1]! * dayCharge(d, SHOULDER);
    } else {
      const km = p === 1 ? C.zoneKm * visits : C.throughKm;
      out.carKm[band]! += probs[0]! * 2 * km;
      out.car += probs[0]!;
      out.entries += probs[0]! * visits;
      paid = probs[0]! * dayCharge(d, band, visits);
      if (p === 1) out.active += probs[2]!;
      else out.round += probs[1]!;
      out.pt += p === 1 ? probs[1]! : probs[2]!;
      out.none += probs[3]!;
    }
    out.revenue += paid;
    out.paidByThird[t.third[i]!]! += paid;
  }
  bandSpeeds(out.carKm, s.backgroundKm, s.supply, out.kmh);
}

function placeView(s: CongestionState): void {
  const j = (s.today.carKm[PEAK]! + s.backgroundKm[PEAK]!) / C.bandHours[PEAK] / s.supply;
  s.view.place(Math.min(C.ringCells, Math.round(densityAtDemand(j, C.dawdle) * C.ringCells)), s.viewRandom);
}

/** One day: travellers choose on the speeds they expect, the zone runs, and they learn its speeds. */
function step(s: CongestionState): void {
  if (s.steps >= C.maxDays) return;
  choose(s, s.today);
  const weight = Math.max(0.3, 1 / (s.steps + 1));
  let moved = 0;
  for (let b = 0; b < 3; b++) {
    const change = weight * (s.today.kmh[b]! - s.expectedKmh[b]!);
    moved = Math.max(moved, Math.abs(change) / s.expectedKmh[b]!);
    s.expectedKmh[b]! += change;
  }
  s.moved = moved;
  s.speedByDay[s.steps] = meanSpeed(s.today.carKm, s.backgroundKm, s.today.kmh);
  s.carByDay[s.steps] = (100 * s.today.car) / s.travellers.count;
  placeView(s);
  s.steps++;
}

function settled(s: CongestionState): boolean {
  return s.steps >= C.maxDays || (s.steps >= C.minDays && s.moved < C.settle);
}

function metrics(s: CongestionState): Record<string, number> {
  const t = s.today;
  const n = s.travellers.count;
  let km = 0;
  let grams = 0;
  for (let b = 0; b < 3; b++) {
    km += t.carKm[b]! + s.backgroundKm[b]!;
    grams += t.carKm[b]! * co2PerKm(t.kmh[b]!) + s.backgroundKm[b]! * backgroundCo2PerKm(t.kmh[b]!);
  }
  const speed = meanSpeed(t.carKm, s.backgroundKm, t.kmh);
  const through = s.travellers.purpose.reduce((a, p) => a + (p === 2 ? 1 : 0), 0);
  const commuters = s.travellers.purpose.reduce((a, p) => a + (p === 0 ? 1 : 0), 0);
  return {
    entries: t.entries + s.backgroundEntries,
    carShare: (100 * t.car) / n,
    ptShare: (100 * t.pt) / n,
    activeShare: (100 * t.active) / n,
    notMadeShare: (100 * t.none) / n,
    shiftedShare: (100 * t.shifted) / commuters,
    roundShare: through === 0 ? 0 : (100 * t.round) / through,
    speed,
    peakSpeed: t.kmh[PEAK]!,
    delay: 60 / speed - 60 / FREE_KMH,
    revenue: t.revenue,
    co2: grams / 1000,
    co2PerKm: grams / km,
    paidLow: t.paidByThird[0]! / s.thirdCounts[0]!,
    paidMiddle: t.paidByThird[1]! / s.thirdCounts[1]!,
    paidHigh: t.paidByThird[2]! / s.thirdCounts[2]!,
  };
}

/** The congestion charge twin (see CONGESTION_CHARGE_INFO for what it assumes). */
export const congestionCharge: SimModel<CongestionState> = {
  info: CONGESTION_CHARGE_INFO,
  init,
  step,
  settled,
  metrics,
  animate: (s) => s.view.step(s.viewRandom),
  picture: cordonPicture,
  charts: (s) => cordonCharts(s, metrics(s)),
  realityChecks: (seed) => cordonRealityChecks(seed),
};

/** Runs a design to the end with a variant, in a city (what validation and calibration call). */
export function runDesign(design: ChargeDesign, seed: number, variant: number | Variant = 0, conditions: CityConditions = LONDON_CONDITIONS): Record<string, number> {
  const s = initDesign(design, seed, variant, conditions);
  while (!settled(s)) step(s);
  return metrics(s);
}
