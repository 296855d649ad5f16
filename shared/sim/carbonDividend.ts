import { CARBON, CARBON_DIVIDEND_INFO, CARBON_VARIANTS, type CarbonVariant } from './carbonDividendInfo.js';
import { feePaidPence, shareByUnits, type CarbonLedger } from './carbonLedger.js';
import { carbonRealityChecks } from './carbonValidation.js';
import { detExp, detPow } from './detmath.js';
import type { Params, Picture, SimChart, SimModel, Stepped } from './model.js';
import { Random, streamSeed } from './random.js';
import { requireInputs, SimInputError } from './simInput.js';
import { HOUSEHOLD_SIZE, PRICE_PER_TONNE, TWO_ADULTS, UK_DECILES, WEEKLY_SPEND } from './ukHouseholds.js';

/** Uses of CO2 a fee can cover, in this order in every array below. */
export const USES = ['home', 'car', 'flights', 'other', 'indirect'] as const;

/** A fee-and-dividend design (the levers, or a real scheme converted to UK pounds). */
export interface CarbonDesign {
  feePerTonne: number;
  /** Share of revenue paid back, basis points (10000 = all). */
  dividendBasisPoints: number;
  /** Dividend units (quarters of a share) for the first adult, any other adult, each child. */
  units: readonly [number, number, number];
  covers: Readonly<Record<(typeof USES)[number], boolean>>;
  /**
   * Share of the fee's revenue that households bear, basis points (10000, the default: the
   * households' fees are all the revenue). Below 10000, firms and governments pay the rest
   * (at the households' demand response) and it is paid back to households all the same, as
   * Canada's Climate Action Incentive did. The visitor's levers always leave it at 10000.
   */
  householdBasisPoints?: number;
}

export interface CarbonState extends Stepped, CarbonLedger {
  design: CarbonDesign;
  variant: CarbonVariant;
  decile: Uint8Array;
  people: Uint8Array;
  units: Int32Array;
  /** Base kg by use: household i, use u at [i * 5 + u]. */
  baseKg: Int32Array;
  /** Each household's ability to cut back (multiplies the elasticities; mean 1). */
  response: Float64Array;
  kg: Int32Array;
  paidPence: Int32Array;
  pencePerUnit: number;
  baseTotalKg: number;
  totalKgByYear: Float64Array;
}

const N = UK_DECILES.length * CARBON.perDecile;

export function designFromParams(p: Params): CarbonDesign {
  const all = p.indirect === 1;
  return {
    feePerTonne: p.fee!,
    dividendBasisPoints: Math.round(p.dividend! * 100),
    units: [4, 4, Math.round(p.childShare! / 25)],
    covers: { home: true, car: true, flights: true, other: true, indirect: all },
  };
}

function checkDesign(d: CarbonDesign): void {
  const hb = d.householdBasisPoints ?? 10000;
  const ok = d.feePerTonne >= 0 && d.feePerTonne <= 10000 && Number.isInteger(d.dividendBasisPoints) && d.dividendBasisPoints >= 0 && d.dividendBasisPoints <= 10000 && d.units.every((u) => Number.isInteger(u) && u >= 0 && u <= 100) && Number.isInteger(hb) && hb >= 1000 && hb <= 10000;
  if (!ok) throw new SimInputError(`A carbon design needs a fee from 0 to 10000 per tonne, a paid-back share of 0 to 10000 basis points, whole dividend units and a household share of the revenue of 1000 to 10000 basis points (got ${JSON.stringify(d)}).`);
}

/** Price of a use per tonne of its CO2 (£/t): what a fee per tonne is compared with. */
const priceOf = (use: number, v: CarbonVariant) => (use === 4 ? 1000 / v.intensity : [PRICE_PER_TONNE.home, PRICE_PER_TONNE.car, PRICE_PER_TONNE.flights, PRICE_PER_TONNE.other][use]!);
const ELASTICITY = [CARBON.elasticity.home, CARBON.elasticity.car, CARBON.elasticity.flights, CARBON.elasticity.other, CARBON.elasticity.indirect];

/** Demand in a year as a share of before the fee, for one use and one household's response. */
export function demandRatio(feePerTonne: number, use: number, year: number, response: number, v: CarbonVariant = CARBON_VARIANTS[0]!): number {
  if (year <= 0 || feePerTonne <= 0) return 1;
  const e = ELASTICITY[use]! * v.response * response * CARBON.yearShare[Math.min(year, CARBON.years) - 1]!;
  return detPow(1 + feePerTonne / priceOf(use, v), e);
}

/** A Poisson count with mean `mean` from one uniform draw (inversion; at most 6). */
export function poisson(mean: number, u: number): number {
  let p = detExp(-mean);
  let cumulative = p;
  let k = 0;
  while (u > cumulative && k < 6) {
    k++;
    p = (p * mean) / k;
    cumulative += p;
  }
  return k;
}

export function initCarbon(design: CarbonDesign, seed: number, variant: number | CarbonVariant = 0): CarbonState {
  checkDesign(design);
  const v = typeof variant === 'number' ? CARBON_VARIANTS[variant] : variant;
  if (!v) throw new SimInputError(`There is no carbon parameter variant ${typeof variant === 'number' ? variant : variant.name}.`);
  const random = new Random(streamSeed(seed, 1));
  const s: CarbonState = {
    steps: 0, design, variant: v,
    decile: new Uint8Array(N), people: new Uint8Array(N), units: new Int32Array(N),
    baseKg: new Int32Array(N * 5), response: new Float64Array(N), kg: new Int32Array(N), paidPence: new Int32Array(N),
    pencePerUnit: 0, baseTotalKg: 0, totalKgByYear: new Float64Array(CARBON.years + 1),
    revenuePence: 0, othersPence: 0, dividendPence: 0, dividendsPaidPence: 0, retainedPence: 0,
  };
  const per = CARBON.perDecile;
  const direct = new Float64Array(per);
  const other = new Float64Array(per);
  for (const d of UK_DECILES) {
    const k = d.decile - 1;
    let sumD = 0;
    let sumO = 0;
    for (let j = 0; j < per; j++) {
      direct[j] = detExp(CARBON.spread * random.normal());
      other[j] = detExp(CARBON.spread * random.normal());
      sumD += direct[j]!;
      sumO += other[j]!;
    }
    const energySpend = (d.homeKg / 1000) * PRICE_PER_TONNE.home + (d.carKg / 1000) * PRICE_PER_TONNE.car;
    const indirectKg = Math.max(0, WEEKLY_SPEND[k]! * 52 - energySpend) * v.intensity;
    const uses = [d.homeKg, d.carKg, d.flightsKg, d.otherKg];
    for (let j = 0; j < per; j++) {
      const i = k * per + j;
      const adults = random.next() < TWO_ADULTS[k]! ? 2 : 1;
      const children = poisson(Math.max(0, HOUSEHOLD_SIZE[k]! - 1 - TWO_ADULTS[k]!), random.next());
      s.decile[i] = d.decile;
      s.people[i] = adults + children;
      s.units[i] = design.units[0] + (adults - 1) * design.units[1] + children * design.units[2];
      const fD = (direct[j]! * per) / sumD;
      for (let u = 0; u < 4; u++) s.baseKg[i * 5 + u] = Math.round(uses[u]! * fD);
      s.baseKg[i * 5 + 4] = Math.round((indirectKg * other[j]! * per) / sumO);
      s.response[i] = detExp(CARBON.responseSpread * random.normal() - (CARBON.responseSpread * CARBON.responseSpread) / 2);
    }
  }
  settleAccounts(s);
  s.baseTotalKg = s.totalKgByYear[0]!;
  return s;
}

function init(params: Params, seed: number): CarbonState {
  return initCarbon(designFromParams(requireInputs(CARBON_DIVIDEND_INFO, params, seed)), seed);
}

/** This year's covered CO2, fees and dividends (year 0: the fee is announced, nobody has cut back yet). */
function settleAccounts(s: CarbonState): void {
  const feePence = Math.round(s.design.feePerTonne * 100);
  let revenue = 0;
  let totalKg = 0;
  let units = 0;
  for (let i = 0; i < N; i++) {
    let kg = 0;
    for (let u = 0; u < 5; u++) {
      if (!s.design.covers[USES[u]!]) continue;
      kg += Math.round(s.baseKg[i * 5 + u]! * demandRatio(s.design.feePerTonne, u, s.steps, s.response[i]!, s.variant));
    }
    const paid = feePaidPence(feePence, kg);
    s.kg[i] = kg;
    s.paidPence[i] = paid;
    revenue += paid;
    totalKg += kg;
    units += s.units[i]!;
  }
  const hb = s.design.householdBasisPoints ?? 10000;
  const others = hb === 10000 ? 0 : Math.round((revenue * (10000 - hb)) / hb);
  revenue += others;
  const { pencePerUnit } = shareByUnits(revenue, s.design.dividendBasisPoints, units);
  s.pencePerUnit = pencePerUnit;
  s.revenuePence = revenue;
  s.othersPence = others;
  s.dividendPence = 4 * pencePerUnit;
  s.dividendsPaidPence = pencePerUnit * units;
  s.retainedPence = revenue - s.dividendsPaidPence;
  s.totalKgByYear[s.steps] = totalKg;
}

function step(s: CarbonState): void {
  if (s.steps >= CARBON.years) return;
  s.steps++;
  settleAccounts(s);
}

/** Net gain of household i (pence). */
export const netPence = (s: CarbonState, i: number) => s.units[i]! * s.pencePerUnit - s.paidPence[i]!;

function byDecile(s: CarbonState): number[] {
  const sums = new Array<number>(10).fill(0);
  for (let i = 0; i < N; i++) sums[s.decile[i]! - 1]! += netPence(s, i);
  return sums.map((p) => p / CARBON.perDecile / 100);
}

function metrics(s: CarbonState): Record<string, number> {
  let better = 0;
  let bottom = 0;
  let large = 0;
  let largeBetter = 0;
  for (let i = 0; i < N; i++) {
    const gains = netPence(s, i) > 0;
    if (gains) better++;
    if (gains && s.decile[i]! <= 5) bottom++;
    if (s.people[i]! >= 4) {
      large++;
      if (gains) largeBetter++;
    }
  }
  const out: Record<string, number> = {
    betterOff: (100 * better) / N,
    bottomHalfBetterOff: (100 * bottom) / (N / 2),
    largeBetterOff: large === 0 ? 0 : (100 * largeBetter) / large,
    revenue: s.revenuePence / N / 100,
    dividendPerAdult: s.dividendPence / 100,
    retained: s.retainedPence / N / 100,
    emissionsChange: s.baseTotalKg === 0 ? 0 : 100 * (s.totalKgByYear[s.steps]! / s.baseTotalKg - 1),
  };
  byDecile(s).forEach((v, d) => (out[`net${d + 1}`] = v));
  return out;
}

function picture(s: CarbonState): Picture {
  return { kind: 'deciles', unit: '£/year', values: byDecile(s) };
}

function charts(s: CarbonState): SimChart[] {
  const net = byDecile(s);
  const paid = new Array<number>(10).fill(0);
  const got = new Array<number>(10).fill(0);
  for (let i = 0; i < N; i++) {
    paid[s.decile[i]! - 1]! += s.paidPence[i]! / CARBON.perDecile / 100;
    got[s.decile[i]! - 1]! += (s.units[i]! * s.pencePerUnit) / CARBON.perDecile / 100;
  }
  const years: [number, number][] = [];
  for (let y = 0; y <= s.steps; y++) years.push([y, s.baseTotalKg === 0 ? 0 : 100 * (s.totalKgByYear[y]! / s.baseTotalKg - 1)]);
  const pts = (values: number[]): [number, number][] => values.map((v, d) => [d + 1, v]);
  return [
    { title: 'Net gain per household by income decile', kind: 'bar', xLabel: 'Income decile (1 = lowest)', yLabel: '£ per year', series: [{ name: 'Dividends minus fee', points: pts(net) }] },
    { title: 'Fee paid and dividends received by income decile', kind: 'bar', xLabel: 'Income decile (1 = lowest)', yLabel: '£ per year', series: [{ name: 'Fee paid', points: pts(paid) }, { name: 'Dividends', points: pts(got) }] },
    { title: 'Covered CO2 change, year by year', kind: 'line', xLabel: 'Year', yLabel: 'Change from before the fee (%)', series: [{ name: 'CO2', points: years }] },
  ];
}

/** Runs a design to the end (validation). */
export function runCarbon(design: CarbonDesign, seed: number, variant: number | CarbonVariant = 0): Record<string, number> {
  const s = initCarbon(design, seed, variant);
  while (s.steps < CARBON.years) step(s);
  return metrics(s);
}

/** The carbon fee and dividend twin (see CARBON_DIVIDEND_INFO for what it assumes). */
export const carbonDividend: SimModel<CarbonState> = {
  info: CARBON_DIVIDEND_INFO,
  init,
  step,
  settled: (s) => s.steps >= CARBON.years,
  metrics,
  animate: () => undefined,
  picture,
  charts,
  realityChecks: () => carbonRealityChecks(),
};
