import { CARBON, CARBON_DIVIDEND_INFO } from './carbonDividendInfo.js';
import { feePaidPence, shareRevenue, type CarbonLedger } from './carbonLedger.js';
import { SPEND_PER_TONNE, UK_DECILES } from './ukHouseholds.js';
import { detExp, detPow } from './detmath.js';
import type { Params, Picture, RealityCheck, SimChart, SimModel, Stepped } from './model.js';
import { Random, streamSeed } from './random.js';
import { runScenario } from './runScenario.js';

export interface CarbonState extends Stepped, CarbonLedger {
  feePencePerTonne: number;
  /** Dividend share in basis points (100 = 1%). */
  dividendBasisPoints: number;
  /** Per household: income decile (1..10), CO2 before the fee and this year (kg), fee paid (pence). */
  decile: Uint8Array;
  baseKg: Int32Array;
  kg: Int32Array;
  paidPence: Int32Array;
  /** Total household CO2 before the fee and in each year run (kg). */
  baseTotalKg: number;
  totalKgByYear: Float64Array;
}

const leverDefault = (key: string) => CARBON_DIVIDEND_INFO.levers.find((l) => l.key === key)!.default;

/** Fuel demand in a year as a share of before the fee: constant elasticity to the price rise. */
export function demandRatio(feePerTonne: number, year: number): number {
  if (year <= 0 || feePerTonne <= 0) return 1;
  const elasticity = CARBON.elasticityByYear[Math.min(year, CARBON.years) - 1]!;
  return detPow(1 + feePerTonne / SPEND_PER_TONNE, elasticity);
}

function init(params: Params, seed: number): CarbonState {
  const count = UK_DECILES.length * CARBON.perDecile;
  const random = new Random(streamSeed(seed, 1));
  const decile = new Uint8Array(count);
  const baseKg = new Int32Array(count);
  const factor = new Float64Array(CARBON.perDecile);
  const sigma = CARBON.spread;
  let baseTotalKg = 0;
  for (const d of UK_DECILES) {
    let sum = 0;
    for (let j = 0; j < factor.length; j++) {
      factor[j] = detExp(sigma * random.normal());
      sum += factor[j]!;
    }
    // Scaled so that the decile's mean is its published (or interpolated) figure.
    for (let j = 0; j < factor.length; j++) {
      const i = (d.decile - 1) * CARBON.perDecile + j;
      decile[i] = d.decile;
      const kg = Math.round((d.totalKg * factor[j]! * factor.length) / sum);
      baseKg[i] = kg;
      baseTotalKg += kg;
    }
  }
  const state: CarbonState = {
    steps: 0,
    feePencePerTonne: Math.round((params.fee ?? leverDefault('fee')) * 100),
    dividendBasisPoints: Math.round((params.dividend ?? leverDefault('dividend')) * 100),
    decile,
    baseKg,
    kg: new Int32Array(count),
    paidPence: new Int32Array(count),
    baseTotalKg,
    totalKgByYear: new Float64Array(CARBON.years + 1),
    revenuePence: 0,
    dividendPence: 0,
    dividendsPaidPence: 0,
    retainedPence: 0,
  };
  settleAccounts(state);
  return state;
}

/** This year's CO2, fees and dividend (year 0: the fee is announced, nobody has cut back yet). */
function settleAccounts(s: CarbonState): void {
  const ratio = demandRatio(s.feePencePerTonne / 100, s.steps);
  const n = s.baseKg.length;
  let revenue = 0;
  let totalKg = 0;
  for (let i = 0; i < n; i++) {
    const kg = Math.round(s.baseKg[i]! * ratio);
    const paid = feePaidPence(s.feePencePerTonne, kg);
    s.kg[i] = kg;
    s.paidPence[i] = paid;
    revenue += paid;
    totalKg += kg;
  }
  Object.assign(s, shareRevenue(revenue, s.dividendBasisPoints, n));
  s.totalKgByYear[s.steps] = totalKg;
}

function step(s: CarbonState): void {
  if (s.steps >= CARBON.years) return;
  s.steps++;
  settleAccounts(s);
}

/** Net gain per household by decile (£/year), and how many are better off. */
function outcomesByDecile(s: CarbonState): { net: number[]; betterOff: number; bottomHalfBetterOff: number } {
  const netPence = new Array<number>(10).fill(0);
  const counts = new Array<number>(10).fill(0);
  let better = 0;
  let bottomBetter = 0;
  let bottom = 0;
  for (let i = 0; i < s.baseKg.length; i++) {
    const net = s.dividendPence - s.paidPence[i]!;
    const d = s.decile[i]! - 1;
    netPence[d]! += net;
    counts[d]! += 1;
    if (net > 0) better++;
    if (d < 5) {
      bottom++;
      if (net > 0) bottomBetter++;
    }
  }
  return {
    net: netPence.map((p, d) => p / counts[d]! / 100),
    betterOff: (100 * better) / s.baseKg.length,
    bottomHalfBetterOff: (100 * bottomBetter) / bottom,
  };
}

function metrics(s: CarbonState): Record<string, number> {
  const n = s.baseKg.length;
  const o = outcomesByDecile(s);
  const out: Record<string, number> = {
    betterOff: o.betterOff,
    bottomHalfBetterOff: o.bottomHalfBetterOff,
    revenue: s.revenuePence / n / 100,
    dividendPaid: s.dividendPence / 100,
    retained: s.retainedPence / n / 100,
    emissionsChange: 100 * (s.totalKgByYear[s.steps]! / s.baseTotalKg - 1),
  };
  o.net.forEach((v, d) => (out[`net${d + 1}`] = v));
  return out;
}

function picture(s: CarbonState): Picture {
  return { kind: 'deciles', unit: '£/year', values: outcomesByDecile(s).net };
}

function charts(s: CarbonState): SimChart[] {
  const net = outcomesByDecile(s).net;
  const paid = new Array<number>(10).fill(0);
  for (let i = 0; i < s.paidPence.length; i++) paid[s.decile[i]! - 1]! += s.paidPence[i]! / CARBON.perDecile / 100;
  const years: [number, number][] = [];
  for (let y = 0; y <= s.steps; y++) years.push([y, 100 * (s.totalKgByYear[y]! / s.baseTotalKg - 1)]);
  const byDecile = (values: number[]): [number, number][] => values.map((v, d) => [d + 1, v]);
  return [
    { title: 'Net gain per household by income decile', kind: 'bar', xLabel: 'Income decile (1 = lowest)', yLabel: '£ per year', series: [{ name: 'Dividend minus fee', points: byDecile(net) }] },
    {
      title: 'Fee paid and dividend received by income decile',
      kind: 'bar',
      xLabel: 'Income decile (1 = lowest)',
      yLabel: '£ per year',
      series: [
        { name: 'Fee paid', points: byDecile(paid) },
        { name: 'Dividend', points: byDecile(paid.map(() => s.dividendPence / 100)) },
      ],
    },
    { title: 'Household CO2 change, year by year', kind: 'line', xLabel: 'Year', yLabel: 'Change from before the fee (%)', series: [{ name: 'CO2', points: years }] },
  ];
}

/** A US study's equal-dividend result beside this UK model at about the same fee (not like for like). */
function realityChecks(seed: number): RealityCheck[] {
  // $50/t in 2017 dollars, about £40/t.
  const m = runScenario(carbonDividend, { fee: 40, dividend: 100 }, seed).metrics;
  const source = 'Fremstad & Paul, PERI working paper (2017): US individuals, about $50/t; the model is UK households at £40/t';
  return [
    { label: 'Better off with an equal dividend (US study vs UK model)', real: 55, model: m.betterOff!, unit: '%', source },
    { label: 'Lower-income half better off (US study vs UK model)', real: 84, model: m.bottomHalfBetterOff!, unit: '%', source },
  ];
}

/** The carbon fee and dividend twin (see CARBON_DIVIDEND_INFO for what it assumes). */
export const carbonDividend: SimModel<CarbonState> = {
  info: CARBON_DIVIDEND_INFO,
  init,
  step,
  settled: (s) => s.steps >= CARBON.years,
  metrics,
  // Nothing moves between years: the bars are the picture.
  animate: () => undefined,
  picture,
  charts,
  realityChecks,
};
