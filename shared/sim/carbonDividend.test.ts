import { describe, expect, it } from 'vitest';
import { carbonDividend, demandRatio, type CarbonState } from './carbonDividend.js';
import { CARBON } from './carbonDividendInfo.js';
import { feePaidPence, shareRevenue } from './carbonLedger.js';
import { SPEND_PER_TONNE, UK_DECILES } from './ukHouseholds.js';
import { runScenario, scenarioFingerprint } from './models.js';
import { Random } from './random.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

function expectPenniesAddUp(s: CarbonState) {
  const n = s.paidPence.length;
  for (const v of [s.revenuePence, s.dividendPence, s.dividendsPaidPence, s.retainedPence]) expect(Number.isSafeInteger(v)).toBe(true);
  expect(sum(s.paidPence)).toBe(s.revenuePence);
  expect(s.dividendsPaidPence).toBe(s.dividendPence * n);
  expect(s.dividendsPaidPence + s.retainedPence).toBe(s.revenuePence);
  expect(s.retainedPence).toBeGreaterThanOrEqual(0);
  // Households' net gains and the government's retained sum to nothing: no penny appears or vanishes.
  let net = 0;
  for (let i = 0; i < n; i++) net += s.dividendPence - s.paidPence[i]!;
  expect(net + s.retainedPence).toBe(0);
}

describe('carbon fee and dividend: the money', () => {
  it('hand-computed: three households at £50/t, all paid back', () => {
    // 1,000 kg -> £50.00; 2,500 kg -> £125.00; 7,333 kg -> £366.65.
    const paid = [1000, 2500, 7333].map((kg) => feePaidPence(5000, kg));
    expect(paid).toEqual([5000, 12500, 36665]);
    // £541.65 shared by 3 = £180.55 each, nothing left over.
    expect(shareRevenue(54165, 10000, 3)).toEqual({ revenuePence: 54165, dividendPence: 18055, dividendsPaidPence: 54165, retainedPence: 0 });
    // Nets: +£130.55, +£55.55, -£186.10.
    expect(paid.map((p) => 18055 - p)).toEqual([13055, 5555, -18610]);
  });

  it('hand-computed: half paid back, odd pence retained', () => {
    // Half of 54,165p is 27,082.5p: the pool is 27,082p; 3 dividends of 9,027p = 27,081p; retained 27,084p.
    expect(shareRevenue(54165, 5000, 3)).toEqual({ revenuePence: 54165, dividendPence: 9027, dividendsPaidPence: 27081, retainedPence: 27084 });
    // A fee of £37.37/t on 1,234 kg is 4,611.458p: 4,611p.
    expect(feePaidPence(3737, 1234)).toBe(4611);
  });

  it('revenue equals dividends plus retained, to the penny, for many levers and every year', () => {
    const pick = new Random(2026);
    for (let k = 0; k < 40; k++) {
      const fee = Math.round(pick.next() * 30000) / 100;
      const dividend = Math.round(pick.next() * 1000) / 10;
      const s = carbonDividend.init({ fee, dividend }, k);
      expectPenniesAddUp(s);
      while (!carbonDividend.settled(s)) {
        carbonDividend.step(s);
        expectPenniesAddUp(s);
      }
    }
  });

  it('a household pays the fee on what it emits after cutting back, year by year', () => {
    const s = carbonDividend.init({ fee: 50, dividend: 100 }, 1);
    expect(s.kg[0]).toBe(s.baseKg[0]);
    carbonDividend.step(s);
    const ratio = demandRatio(50, 1);
    expect(ratio).toBeCloseTo(Math.pow(1 + 50 / SPEND_PER_TONNE, -0.1), 14);
    expect(s.kg[0]).toBe(Math.round(s.baseKg[0]! * ratio));
    expect(s.paidPence[0]).toBe(Math.round((5000 * s.kg[0]!) / 1000));
  });
});

describe('carbon fee and dividend: the outcomes', () => {
  it('keeps each decile\'s published (or interpolated) CO2 on average', () => {
    const s = carbonDividend.init({ fee: 50, dividend: 100 }, 9);
    for (const d of UK_DECILES) {
      const kgs = Array.from(s.baseKg).filter((_, i) => s.decile[i] === d.decile);
      expect(kgs.length).toBe(CARBON.perDecile);
      expect(Math.abs(sum(kgs) / kgs.length - d.totalKg)).toBeLessThan(1);
    }
    expect(UK_DECILES[0]!.totalKg).toBe(5026);
    expect(UK_DECILES[9]!.totalKg).toBe(16143);
  });

  it('more households are better off with all the revenue paid back than with half, and none with none', () => {
    const all = runScenario(carbonDividend, { fee: 50, dividend: 100 }, 1).metrics;
    const half = runScenario(carbonDividend, { fee: 50, dividend: 50 }, 1).metrics;
    const none = carbonDividend.init({ fee: 50, dividend: 0 }, 1);
    expect(all.betterOff!).toBeGreaterThan(half.betterOff!);
    expect(carbonDividend.metrics(none).betterOff).toBe(0);
    for (let i = 0; i < none.paidPence.length; i++) expect(none.paidPence[i]!).toBeGreaterThan(0);
  });

  it('with an equal dividend the poorer deciles gain and the richer lose', () => {
    const state = carbonDividend.init({ fee: 50, dividend: 100 }, 1);
    const picture = carbonDividend.picture(state);
    if (picture.kind !== 'deciles') throw new Error('expected deciles');
    expect(picture.values.length).toBe(10);
    expect(picture.values[0]!).toBeGreaterThan(0);
    expect(picture.values[9]!).toBeLessThan(0);
    for (let d = 1; d < 10; d++) expect(picture.values[d]!).toBeLessThan(picture.values[d - 1]!);
  });

  it('emissions fall by the short-run elasticity in year 1 and the long-run one by year 5', () => {
    const s = carbonDividend.init({ fee: 100, dividend: 100 }, 1);
    expect(carbonDividend.metrics(s).emissionsChange).toBe(0);
    const rise = 1 + 100 / SPEND_PER_TONNE;
    carbonDividend.step(s);
    expect(carbonDividend.metrics(s).emissionsChange!).toBeCloseTo(100 * (Math.pow(rise, -0.1) - 1), 2);
    while (!carbonDividend.settled(s)) carbonDividend.step(s);
    expect(s.steps).toBe(5);
    expect(carbonDividend.metrics(s).emissionsChange!).toBeCloseTo(100 * (Math.pow(rise, -0.3) - 1), 2);
  });

  it('a zero fee changes nothing', () => {
    const { metrics } = runScenario(carbonDividend, { fee: 0, dividend: 100 }, 1);
    expect(metrics.revenue).toBe(0);
    expect(metrics.betterOff).toBe(0);
    expect(metrics.emissionsChange).toBe(0);
    for (let d = 1; d <= 10; d++) expect(metrics[`net${d}`]).toBe(0);
  });

  it('is deterministic by seed, and the seed only moves households within their decile', () => {
    const a = runScenario(carbonDividend, { fee: 80, dividend: 70 }, 5).metrics;
    expect(scenarioFingerprint(runScenario(carbonDividend, { fee: 80, dividend: 70 }, 5).metrics)).toBe(scenarioFingerprint(a));
    expect(scenarioFingerprint(runScenario(carbonDividend, { fee: 80, dividend: 70 }, 6).metrics)).not.toBe(scenarioFingerprint(a));
  });

  it('sets a US study\'s equal-dividend result beside the model, computed', () => {
    const rows = carbonDividend.realityChecks!(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.real).toBe(55);
    expect(rows[0]!.model).toBe(runScenario(carbonDividend, { fee: 40, dividend: 100 }, 1).metrics.betterOff);
  });
});
