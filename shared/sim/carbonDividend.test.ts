import { describe, expect, it } from 'vitest';
import { carbonDividend, demandRatio, designFromParams, initCarbon, netPence, poisson, runCarbon, type CarbonState } from './carbonDividend.js';
import { CARBON, CARBON_VARIANTS } from './carbonDividendInfo.js';
import { feePaidPence, shareByUnits } from './carbonLedger.js';
import { carbonRealityChecks, rebateDesign } from './carbonValidation.js';
import { runScenario, scenarioFingerprint } from './models.js';
import { Random } from './random.js';
import { SimInputError } from './simInput.js';
import { PRICE_PER_TONNE, UK_DECILES } from './ukHouseholds.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

function expectPenniesAddUp(s: CarbonState) {
  for (const v of [s.revenuePence, s.dividendPence, s.dividendsPaidPence, s.retainedPence]) expect(Number.isSafeInteger(v)).toBe(true);
  expect(sum(s.paidPence) + s.othersPence).toBe(s.revenuePence);
  expect(s.dividendsPaidPence + s.retainedPence).toBe(s.revenuePence);
  expect(s.retainedPence).toBeGreaterThanOrEqual(0);
  let net = 0;
  for (let i = 0; i < s.paidPence.length; i++) net += netPence(s, i);
  expect(net + s.retainedPence).toBe(s.othersPence);
}

describe('carbon fee and dividend 2.0: the money', () => {
  it('hand-computed: fees to the penny and dividends per share unit', () => {
    expect([1000, 2500, 7333].map((kg) => feePaidPence(5000, kg))).toEqual([5000, 12500, 36665]);
    // £541.65 over 3 households of 1 adult + 1 child at half a share (6 quarter-units each = 18 units):
    // 54,165 / 18 = 3,009.17 -> 3,009p a quarter-share; an adult gets 12,036p, a child 6,018p.
    expect(shareByUnits(54165, 10000, 18)).toEqual({ pencePerUnit: 3009, pool: 54165 });
    expect(shareByUnits(54165, 5000, 18)).toEqual({ pencePerUnit: 1504, pool: 27082 });
    expect(shareByUnits(100, 10000, 0)).toEqual({ pencePerUnit: 0, pool: 100 });
  });

  it('revenue equals dividends plus retained, to the penny, for many levers and every year', () => {
    const pick = new Random(2026);
    for (let k = 0; k < 25; k++) {
      const fee = 5 * Math.round(pick.next() * 60);
      const dividend = 5 * Math.round(pick.next() * 20);
      const s = carbonDividend.init({ fee, dividend, childShare: 25 * pick.int(5), indirect: pick.int(2) }, k);
      expectPenniesAddUp(s);
      while (!carbonDividend.settled(s)) {
        carbonDividend.step(s);
        expectPenniesAddUp(s);
      }
    }
  });

  it('pays per person: a child gets the chosen share of an adult\'s dividend', () => {
    const s = carbonDividend.init({ fee: 50, childShare: 50 }, 1);
    for (let i = 0; i < 50; i++) {
      expect(s.units[i]! % 2).toBe(0); // 4 per adult + 2 per child
      expect(s.units[i]!).toBeGreaterThanOrEqual(4);
    }
    expect(s.dividendPence).toBe(4 * s.pencePerUnit);
  });

  it('demand falls by use: long-run elasticity by year 5, a third of it in year 1 (hand-computed)', () => {
    // Home energy at £50/t: price rise 50 / PRICE_PER_TONNE.home; year 1 elasticity -0.3 / 3 = -0.1.
    expect(demandRatio(50, 0, 1, 1)).toBeCloseTo(Math.pow(1 + 50 / PRICE_PER_TONNE.home, -0.1), 13);
    expect(demandRatio(50, 0, 5, 1)).toBeCloseTo(Math.pow(1 + 50 / PRICE_PER_TONNE.home, -0.3), 13);
    // Indirect: £4,000 a tonne at 0.25 kg/£, elasticity -0.2.
    expect(demandRatio(100, 4, 5, 1)).toBeCloseTo(Math.pow(1 + 100 / 4000, -0.2), 13);
    expect(demandRatio(0, 0, 3, 1)).toBe(1);
    expect(demandRatio(50, 0, 0, 1)).toBe(1);
  });

  it('Poisson children by inversion (hand-computed at mean 1: P(0) = e^-1 = 0.3679)', () => {
    expect(poisson(1, 0.36)).toBe(0);
    expect(poisson(1, 0.37)).toBe(1);
    expect(poisson(1, 0.74)).toBe(2); // F(1) = 0.7358
    expect(poisson(0, 0.99)).toBe(0);
  });
});

describe('carbon fee and dividend 2.0: the outcomes', () => {
  it('keeps each decile\'s published (or interpolated) direct CO2 on average, and adds indirect CO2 rising with spending', () => {
    const s = initCarbon(designFromParams({ fee: 50, dividend: 100, childShare: 50, indirect: 1 }), 9);
    const direct = (i: number) => s.baseKg[i * 5]! + s.baseKg[i * 5 + 1]! + s.baseKg[i * 5 + 2]! + s.baseKg[i * 5 + 3]!;
    const indirect = (d: number) => sum(Array.from({ length: CARBON.perDecile }, (_, j) => s.baseKg[((d - 1) * CARBON.perDecile + j) * 5 + 4]!));
    for (const d of UK_DECILES) {
      const kgs = Array.from({ length: CARBON.perDecile }, (_, j) => direct((d.decile - 1) * CARBON.perDecile + j));
      expect(Math.abs(sum(kgs) / kgs.length - d.totalKg)).toBeLessThan(3);
    }
    expect(indirect(10)).toBeGreaterThan(2 * indirect(1));
  });

  it('the fee level scales the money but barely moves who is better off (a limitation, pinned so a change shows)', () => {
    const at = (fee: number) => runScenario(carbonDividend, { fee }, 1).metrics;
    const [low, high] = [at(5), at(300)];
    // Uneven cutting back moves the share only a little: under 2 points from £5 to £300 a tonne.
    expect(Math.abs(high.betterOff! - low.betterOff!)).toBeLessThan(2);
    expect(high.net1! / low.net1!).toBeGreaterThan(40);
    expect(high.emissionsChange!).toBeLessThan(low.emissionsChange! - 10);
  });

  it('per-person dividends favour large households; a bigger child share favours them more', () => {
    const none = runScenario(carbonDividend, { fee: 50, childShare: 0 }, 1).metrics;
    const full = runScenario(carbonDividend, { fee: 50, childShare: 100 }, 1).metrics;
    expect(full.largeBetterOff!).toBeGreaterThan(none.largeBetterOff!);
  });

  it('with equal dividends the poorer deciles gain and the richer lose; with none, nobody gains', () => {
    const m = runScenario(carbonDividend, { fee: 50 }, 1).metrics;
    expect(m.net1!).toBeGreaterThan(0);
    expect(m.net10!).toBeLessThan(0);
    expect(runScenario(carbonDividend, { fee: 50, dividend: 0 }, 1).metrics.betterOff).toBe(0);
  });

  it('a zero fee changes nothing', () => {
    const { metrics } = runScenario(carbonDividend, { fee: 0 }, 1);
    expect(metrics.revenue).toBe(0);
    expect(metrics.betterOff).toBe(0);
    expect(metrics.emissionsChange).toBe(0);
  });

  it('is deterministic by seed; seeds 1-20 give a steady share better off (mean ± sd)', () => {
    const a = runScenario(carbonDividend, { fee: 80, dividend: 70 }, 5).metrics;
    expect(scenarioFingerprint(runScenario(carbonDividend, { fee: 80, dividend: 70 }, 5).metrics)).toBe(scenarioFingerprint(a));
    expect(scenarioFingerprint(runScenario(carbonDividend, { fee: 80, dividend: 70 }, 6).metrics)).not.toBe(scenarioFingerprint(a));
    const shares = Array.from({ length: 20 }, (_, i) => runScenario(carbonDividend, { fee: 50 }, i + 1).metrics.betterOff!);
    const mean = sum(shares) / 20;
    const sd = Math.sqrt(sum(shares.map((x) => (x - mean) ** 2)) / 19);
    expect(mean).toBeGreaterThan(45);
    expect(mean).toBeLessThan(60);
    expect(sd).toBeLessThan(2.5);
  });

  it('checks its own inputs: NaN, negative fee, off-step levers and bad seeds throw INVALID_INPUT', () => {
    for (const [params, seed] of [[{ fee: Number.NaN }, 1], [{ fee: -5 }, 1], [{ fee: 52 }, 1], [{ childShare: 10 }, 1], [{ fee: 50 }, -3]] as const) {
      expect(() => carbonDividend.init(params, seed)).toThrow(SimInputError);
    }
    expect(() => initCarbon({ ...rebateDesign('canada-cai-2019'), feePerTonne: Number.NaN }, 1)).toThrow(/carbon design/);
    expect(() => initCarbon(rebateDesign('canada-cai-2019'), 1, 42)).toThrow(/variant/);
  });

  it('out of sample against Canada and Switzerland, with a band over seeds and variants, and says whether it hits', () => {
    const rows = carbonRealityChecks([1]);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.role).toBe('out of sample');
      expect(r.low!).toBeLessThanOrEqual(r.model);
      expect(r.high!).toBeGreaterThanOrEqual(r.model);
    }
    expect(rows[0]!.model).toBe(runCarbon(rebateDesign('canada-cai-2019'), 1, 0).betterOff);
    // With firms' and governments' fuel charges paid back too (households bear 71%), Canada lands
    // inside the recalled "about 80%" give or take 5 points on the exhibit's seeds 1-3 (band 73.3 to 75.5: at
    // the edge); without them it was 47%. Switzerland still misses.
    expect(rows[0]!.hit).toBe(false); // seed 1 alone: band 73.3 to 73.7, short of 75
    expect(carbonRealityChecks()[0]!.hit).toBe(true);
    expect(rows[0]!.model).toBeGreaterThan(70);
    expect(runCarbon({ ...rebateDesign('canada-cai-2019'), householdBasisPoints: 10000 }, 1, 0).betterOff!).toBeLessThan(50);
    expect(rows[1]!.hit).toBe(false);
    expect(carbonDividend.info.caveat).toMatch(/74%/);
    expect(CARBON_VARIANTS.length).toBeGreaterThanOrEqual(5);
  });
});

describe('carbon fee and dividend: the revenue base, and whether the fee level moves who is better off', () => {
  const ALL = { home: true, car: true, flights: true, other: true, indirect: true } as const;
  const design = (fee: number, householdBasisPoints?: number) => ({ feePerTonne: fee, dividendBasisPoints: 10000, units: [4, 4, 2] as const, covers: ALL, ...(householdBasisPoints === undefined ? {} : { householdBasisPoints }) });

  it('what firms and governments pay is paid back too: households bearing half the revenue double the pool (to the penny)', () => {
    const own = initCarbon(design(50), 3);
    const half = initCarbon(design(50, 5000), 3);
    expect(sum(half.paidPence)).toBe(sum(own.paidPence));
    expect(half.othersPence).toBe(sum(own.paidPence)); // 50% of the revenue: the others paid as much again
    expect(half.revenuePence).toBe(2 * own.revenuePence);
    expectPenniesAddUp(half);
    const [a, b] = [runCarbon(design(50), 3), runCarbon(design(50, 5000), 3)];
    expect(b.betterOff!).toBeGreaterThan(a.betterOff! + 10);
    expect(b.net1!).toBeGreaterThan(a.net1!);
    expect(() => initCarbon(design(50, 500), 1)).toThrow(/household share/);
    expect(() => initCarbon(design(50, 7100.5), 1)).toThrow(SimInputError);
  });

  it('Canada is like for like: 90% of all fuel-charge revenue back, households bearing 71% of it (PBO 2019)', () => {
    const d = rebateDesign('canada-cai-2019');
    expect(d.householdBasisPoints).toBe(7100);
    expect(d.dividendBasisPoints).toBe(9000);
    const s = initCarbon(d, 1);
    // Others pay 29/71 of what households pay (rounded to the penny).
    expect(s.othersPence).toBe(Math.round((sum(s.paidPence) * 2900) / 7100));
  });

  it('with no demand response the fee level cannot move who is better off: fee and dividend scale together', () => {
    // net_i = f (D u_i - k_i): the fee cancels, only penny rounding is left.
    const still = { name: 'no response', intensity: 0.25, response: 0 };
    for (const seed of [1, 2]) {
      const shares = [5, 50, 300].map((fee) => runCarbon(design(fee), seed, still).betterOff!);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(0.2);
    }
  });

  it('with the demand response it still moves the share by under a point from £5 to £300 a tonne (seeds 1-20: 53.0% -> 53.4%): pinned', () => {
    // Only differences in how far households cut back can move it, and they are second order.
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const mean = (fee: number) => sum(seeds.map((seed) => runCarbon(design(fee), seed).betterOff!)) / seeds.length;
    const [low, high] = [mean(5), mean(300)];
    expect(high - low).toBeGreaterThan(0);
    expect(high - low).toBeLessThan(1);
  });
});
