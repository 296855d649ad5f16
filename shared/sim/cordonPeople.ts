import type { City } from './cordonCity.js';
import { CORDON as C, PURPOSES, type Variant } from './cordonInfo.js';
import { detExp, detLog } from './detmath.js';
import type { Random } from './random.js';

/** Bands of the charged day. */
export const PEAK = 0;
export const SHOULDER = 1;
export const OFF_PEAK = 2;

/** A charging design in London-2003 pounds. */
export interface ChargeDesign {
  /** Price per day (daily) or per crossing (perPassage), by band: peak, shoulder, rest of the day. */
  prices: readonly [number, number, number];
  perPassage: boolean;
  /** Most paid in a day (per crossing only), or null. */
  cap: number | null;
  /** Public transport services an hour. */
  frequency: number;
}

/** The travellers, one entry per person in each typed array. */
export interface Travellers {
  count: number;
  purpose: Uint8Array;
  /** 0 lower, 1 middle, 2 higher income third. */
  third: Uint8Array;
  vot: Float64Array;
  tripKm: Float64Array;
  /** The band a non-commute trip is made in (commuters choose theirs). */
  band: Uint8Array;
  /** Visits to the zone a day: 2 for the other trips that come in twice (business and service rounds), else 1. */
  visits: Uint8Array;
  /**
   * Each traveller's value of time over their purpose's base value: the option constants and
   * the logit's taste spread are scaled by it, so tastes are measured in minutes (the same for
   * every income) and a charge weighs more on those whose time is worth less.
   */
  timeScale: Float64Array;
  /** Option constants by purpose (see BASE_SHARES for the order), for a traveller of base value of time. */
  asc: readonly (readonly number[])[];
  theta: number;
}

/** Income thirds of a standard normal: z below -0.4307 is the lowest third. */
const THIRD_Z = 0.4307272992954576;

/** Counts by purpose: through traffic takes its variant's share, the rest keep their proportions. */
export function purposeCounts(total: number, throughShare: number): number[] {
  const through = Math.round(total * throughShare);
  const rest = total - through;
  const commute = Math.round((rest * C.purposeShare[0]) / (C.purposeShare[0] + C.purposeShare[1]));
  return [commute, rest - commute, through];
}

/** What a day on a car costs (£) in a band under a design: once a day, or each crossing (2 per visit) up to the cap. */
export function dayCharge(design: ChargeDesign, band: number, visits = 1): number {
  const price = design.prices[band]!;
  if (!design.perPassage) return price;
  const all = 2 * visits * price;
  return design.cap !== null && design.cap > 0 && all > design.cap ? design.cap : all;
}

const ptFeltMinutes = (km: number, frequency: number) => C.ptAccessMinutes + C.waitWeight * (30 / frequency) + (km / C.ptKmh) * 60;
const carMinutes = (km: number, zoneKm: number, zoneKmh: number) => (Math.max(0, km - zoneKm) / C.outsideKmh + zoneKm / zoneKmh) * 60;

/**
 * Generalised cost (£ a day, both ways, every visit) of each option of traveller i, written into
 * `out` in the order of BASE_SHARES. `kmh` are the zone speeds they expect by band.
 */
export function optionCosts(purpose: number, vot: number, km: number, band: number, design: ChargeDesign, kmh: ArrayLike<number>, out: Float64Array, visits = 1): number {
  const perMin = (vot * visits) / 60;
  const pt = 2 * perMin * ptFeltMinutes(km, design.frequency);
  const walk = 2 * perMin * (km / C.cycleKmh) * 60;
  if (purpose === 0) {
    out[0] = dayCharge(design, PEAK) + 2 * perMin * carMinutes(km, C.zoneKm, kmh[PEAK]!);
    out[1] = dayCharge(design, SHOULDER) + 2 * perMin * carMinutes(km, C.zoneKm, kmh[SHOULDER]!) + 2 * C.shiftWeight * vot * C.shiftHours;
    out[2] = pt;
    out[3] = walk;
    out[4] = 0;
    return 5;
  }
  if (purpose === 1) {
    out[0] = dayCharge(design, band, visits) + 2 * perMin * carMinutes(km, C.zoneKm, kmh[band]!);
    out[1] = pt;
    out[2] = walk;
    out[3] = 0;
    return 4;
  }
  out[0] = dayCharge(design, band) + 2 * perMin * (C.throughKm / kmh[band]!) * 60;
  out[1] = 2 * perMin * ((C.throughKm + C.detourKm) / C.outsideKmh) * 60;
  out[2] = pt;
  out[3] = 0;
  return 4;
}

/**
 * Logit choice probabilities from costs and option constants, written into `out`. `scale` is the
 * traveller's value of time over the base value: constants and taste spread grow with it (tastes in minutes).
 */
export function choiceProbabilities(costs: Float64Array, n: number, asc: readonly number[], theta: number, out: Float64Array, scale = 1): void {
  let best = -Infinity;
  for (let k = 0; k < n; k++) best = Math.max(best, asc[k]! * scale - costs[k]!);
  let sum = 0;
  const spread = theta * scale;
  for (let k = 0; k < n; k++) {
    const w = detExp((asc[k]! * scale - costs[k]! - best) / spread);
    out[k] = w;
    sum += w;
  }
  for (let k = 0; k < n; k++) out[k] = out[k]! / sum;
}

/** Band of a non-commute trip by its index: other trips 30% shoulder, 70% rest of day; through 40/20/40. */
function fixedBand(purpose: number, i: number): number {
  const r = i % 10;
  if (purpose === 1) return r < 3 ? SHOULDER : OFF_PEAK;
  return r < 4 ? PEAK : r < 6 ? SHOULDER : OFF_PEAK;
}

/** Draws the travellers of a variant: the same seed always gives the same people. */
export function createTravellers(variant: Variant, random: Random, city: City): Travellers {
  const counts = purposeCounts(C.travellers, variant.throughShare);
  const n = C.travellers;
  const t: Travellers = {
    count: n,
    purpose: new Uint8Array(n),
    third: new Uint8Array(n),
    vot: new Float64Array(n),
    tripKm: new Float64Array(n),
    band: new Uint8Array(n),
    visits: new Uint8Array(n),
    timeScale: new Float64Array(n),
    asc: [],
    theta: variant.theta,
  };
  const sigma = C.incomeSpread;
  let i = 0;
  for (let p = 0; p < 3; p++) {
    const base = p === 1 ? variant.votOther : variant.votCommute;
    for (let j = 0; j < counts[p]!; j++, i++) {
      const z = random.normal();
      const income = detExp(sigma * z - (sigma * sigma) / 2);
      t.purpose[i] = p;
      t.third[i] = z < -THIRD_Z ? 0 : z < THIRD_Z ? 1 : 2;
      const scale = detExp(variant.incomeElasticity * detLog(income));
      t.vot[i] = base * scale;
      t.timeScale[i] = scale;
      t.tripKm[i] = C.tripKmMedian[p]! * detExp(C.tripKmSpread * random.normal());
      t.band[i] = p === 0 ? PEAK : fixedBand(p, j);
      t.visits[i] = p === 1 && j % C.twoVisitEvery === 0 ? 2 : 1;
    }
  }
  t.asc = PURPOSES.map((_, p) => optionConstants(p, p === 1 ? variant.votOther : variant.votCommute, variant.theta, city));
  return t;
}

/**
 * Option constants so that a typical traveller (base value of time, median trip, one visit, the
 * city's speed before the charge, no charge) chooses with the city's shares:
 * asc_k = theta ln(share_k) + cost_k.
 */
export function optionConstants(purpose: number, vot: number, theta: number, city: City): number[] {
  const noCharge: ChargeDesign = { prices: [0, 0, 0], perPassage: false, cap: null, frequency: 12 };
  const costs = new Float64Array(5);
  const speeds = [city.baseKmh, city.baseKmh, city.baseKmh];
  const band = purpose === 0 ? PEAK : purpose === 1 ? OFF_PEAK : PEAK;
  const n = optionCosts(purpose, vot, C.tripKmMedian[purpose]!, band, noCharge, speeds, costs);
  const shares = city.shares[PURPOSES[purpose]!];
  const asc: number[] = [];
  for (let k = 0; k < n; k++) asc.push(theta * detLog(shares[k]!) + costs[k]!);
  return asc;
}
