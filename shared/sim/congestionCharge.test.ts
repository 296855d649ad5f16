import { describe, expect, it } from 'vitest';
import { congestionCharge, initDesign, runDesign } from './congestionCharge.js';
import { cityFrom, LONDON_CONDITIONS } from './cordonCity.js';
import { BASE_SHARES, CORDON, VARIANTS } from './cordonInfo.js';
import { choiceProbabilities, dayCharge, optionConstants, optionCosts, PEAK, SHOULDER, type ChargeDesign } from './cordonPeople.js';
import { schemeOutcome } from './cordonValidation.js';
import { runScenario, scenarioFingerprint } from './models.js';
import { SimInputError } from './simInput.js';
import { LONDON_2003 } from './validation/chargingSchemes.js';

const run = (params: Record<string, number>, seed = 1) => runScenario(congestionCharge, params, seed).metrics;
const daily = (charge: number, frequency = 12): ChargeDesign => ({ prices: [charge, charge, charge], perPassage: false, cap: null, frequency });
const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const meanSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
};

describe('congestion charge twin 2.0: a cordon with modes, timing, rerouting and speed-dependent CO2', () => {
  it('gives bit-identical outcomes for the same seed and levers, and different ones for another seed', () => {
    const a = runScenario(congestionCharge, { charge: 5 }, 11);
    const b = runScenario(congestionCharge, { charge: 5 }, 11);
    expect(scenarioFingerprint(b.metrics)).toBe(scenarioFingerprint(a.metrics));
    expect(b.steps).toBe(a.steps);
    expect(scenarioFingerprint(run({ charge: 5 }, 12))).not.toBe(scenarioFingerprint(a.metrics));
  });

  it('reports every declared metric as a finite number and settles before its day limit', () => {
    const { metrics, steps } = runScenario(congestionCharge, {}, 1);
    expect(Object.keys(metrics).sort()).toEqual(congestionCharge.info.metrics.map((m) => m.key).sort());
    for (const v of Object.values(metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(steps).toBeLessThan(congestionCharge.info.maxSteps);
  });

  it('is calibrated on London 2003 alone: -18% over seeds 1-20 (mean ± sd), 14 km/h before, for every parameter variant', () => {
    const central = seeds(20).map((s) => schemeOutcome(LONDON_2003, s, 0));
    const traffic = meanSd(central.map((o) => o.traffic));
    expect(Math.abs(traffic.mean - -18)).toBeLessThan(0.1);
    expect(traffic.sd).toBeLessThan(0.2);
    const before = meanSd(central.map((o) => o.speedBefore));
    expect(Math.abs(before.mean - 14)).toBeLessThan(0.5);
    // Each variant's stored logit scale still gives -18% (a drifted model or constant fails here).
    for (let v = 1; v < VARIANTS.length; v++) {
      const m = meanSd(seeds(3).map((s) => schemeOutcome(LONDON_2003, s, v).traffic)).mean;
      expect(Math.abs(m - -18), VARIANTS[v]!.name).toBeLessThan(0.3);
    }
  });

  it('option constants reproduce London\'s 2002 shares for a typical traveller (hand check of the logit)', () => {
    const v = VARIANTS[0]!;
    for (const purpose of [0, 1, 2]) {
      const asc = optionConstants(purpose, purpose === 1 ? v.votOther : v.votCommute, v.theta, cityFrom(LONDON_CONDITIONS));
      const costs = new Float64Array(5);
      const probs = new Float64Array(5);
      const band = purpose === 1 ? 2 : PEAK;
      const n = optionCosts(purpose, purpose === 1 ? v.votOther : v.votCommute, CORDON.tripKmMedian[purpose]!, band, daily(0), [14, 14, 14], costs);
      choiceProbabilities(costs, n, asc, v.theta, probs);
      const shares = Object.values(BASE_SHARES)[purpose]!;
      for (let k = 0; k < n; k++) expect(probs[k]).toBeCloseTo(shares[k]!, 10);
    }
  });

  it('charges per crossing up to the daily cap, or once a day (hand-computed)', () => {
    const stockholmLike: ChargeDesign = { prices: [2, 1.5, 1], perPassage: true, cap: 3, frequency: 12 };
    expect(dayCharge(stockholmLike, PEAK)).toBe(3); // 2 crossings x £2 = £4, capped at £3
    expect(dayCharge(stockholmLike, SHOULDER)).toBe(3); // 2 x £1.50 = £3, at the cap
    expect(dayCharge(stockholmLike, 2)).toBe(2); // 2 x £1
    expect(dayCharge({ ...stockholmLike, cap: null }, PEAK)).toBe(4);
    expect(dayCharge(daily(5), PEAK)).toBe(5);
  });

  it('a higher charge means fewer vehicles, faster traffic, less CO2, more trips not made and more through traffic going round', () => {
    const results = [0, 2.5, 5, 10, 20].map((c) => run({ charge: c }));
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1]!, results[i]!];
      expect(after.entries!).toBeLessThan(before.entries!);
      expect(after.speed!).toBeGreaterThan(before.speed!);
      expect(after.co2!).toBeLessThan(before.co2!);
      expect(after.notMadeShare!).toBeGreaterThan(before.notMadeShare!);
      expect(after.activeShare!).toBeGreaterThan(before.activeShare!);
      expect(after.roundShare!).toBeGreaterThan(before.roundShare!);
    }
    expect(results[0]!.revenue).toBe(0);
  });

  it('CO2 is its own check: per km it falls as traffic speeds up, so it falls more than the traffic does', () => {
    const [none, five] = [run({ charge: 0 }), run({ charge: 5 })];
    expect(five.co2PerKm!).toBeLessThan(none.co2PerKm!);
    expect(five.co2! / none.co2!).toBeLessThan(five.entries! / none.entries!);
  });

  it('a cheaper shoulder moves commuters out of the peak; a cap keeps more cars than no cap', () => {
    const flat = run({ charge: 4, perPassage: 1 });
    const cheapShoulder = run({ charge: 4, perPassage: 1, shoulder: 25 });
    expect(cheapShoulder.shiftedShare!).toBeGreaterThan(flat.shiftedShare!);
    const capped = run({ charge: 4, perPassage: 1, cap: 5 });
    expect(capped.entries!).toBeGreaterThan(flat.entries!);
    expect(capped.revenue!).toBeLessThan(flat.revenue!);
  });

  it('more frequent public transport means fewer drivers', () => {
    const [rare, often] = [run({ charge: 0, frequency: 2 }), run({ charge: 0, frequency: 30 })];
    expect(often.carShare!).toBeLessThan(rare.carShare!);
    expect(often.ptShare!).toBeGreaterThan(rare.ptShare!);
  });

  it('higher-income travellers pay more per head, and the thirds add up to the revenue', () => {
    const s = initDesign(daily(10), 3);
    while (!congestionCharge.settled(s)) congestionCharge.step(s);
    const m = congestionCharge.metrics(s);
    expect(m.paidHigh!).toBeGreaterThan(m.paidLow!);
    const sum = m.paidLow! * s.thirdCounts[0]! + m.paidMiddle! * s.thirdCounts[1]! + m.paidHigh! * s.thirdCounts[2]!;
    expect(sum).toBeCloseTo(m.revenue!, 6);
  });

  it('checks its own inputs: NaN, negative charge, frequency 0, off-step levers and bad seeds throw INVALID_INPUT', () => {
    const bad: [Record<string, number>, number, RegExp][] = [
      [{ charge: Number.NaN }, 1, /finite/],
      [{ charge: -5 }, 1, /from 0 to 20/],
      [{ frequency: 0 }, 1, /from 2 to 30/],
      [{ charge: 5.25 }, 1, /steps of 0.5/],
      [{ charge: 5 }, -1, /seed/],
      [{ charge: 5 }, 1.5, /seed/],
    ];
    for (const [params, seed, message] of bad) {
      expect(() => congestionCharge.init(params, seed)).toThrow(message);
      try {
        congestionCharge.init(params, seed);
      } catch (e) {
        expect(e).toBeInstanceOf(SimInputError);
        expect((e as SimInputError).code).toBe('INVALID_INPUT');
      }
    }
    expect(() => initDesign({ ...daily(5), prices: [-5, 0, 0] }, 1)).toThrow(SimInputError);
    expect(() => initDesign(daily(5, 0), 1)).toThrow(/frequency above 0/);
    expect(() => initDesign(daily(Number.NaN), 1)).toThrow(SimInputError);
    expect(() => initDesign(daily(5), 1, 99)).toThrow(/no parameter variant/);
  });

  it('an overloaded zone queues (slow, finite) instead of failing, and the drawn ring never holds more than its cells', () => {
    const m = runDesign({ ...daily(0), frequency: 2 }, 1, { ...VARIANTS[0]!, theta: 0.5 });
    for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
    const s = initDesign(daily(0, 2), 1);
    congestionCharge.step(s);
    expect(s.view.count).toBeLessThanOrEqual(CORDON.ringCells);
  });

  it('animating the drawn traffic does not change any outcome', () => {
    const plain = congestionCharge.init({ charge: 5 }, 3);
    const animated = congestionCharge.init({ charge: 5 }, 3);
    for (let day = 0; day < 8; day++) {
      congestionCharge.step(plain);
      for (let t = 0; t < day * 7; t++) congestionCharge.animate(animated);
      congestionCharge.step(animated);
    }
    expect(scenarioFingerprint(congestionCharge.metrics(animated))).toBe(scenarioFingerprint(congestionCharge.metrics(plain)));
    const picture = congestionCharge.picture(animated);
    if (picture.kind !== 'ring') throw new Error('expected a ring');
    for (const x of picture.position) expect(x >= 0 && x < 1).toBe(true);
    for (const v of picture.speed) expect(v >= 0 && v <= 1).toBe(true);
    // The drawn cars move (the road is never drawn fuller than capacity: queues wait outside).
    expect(picture.position.length).toBeGreaterThan(0);
    expect(picture.position.length).toBeLessThanOrEqual(CORDON.ringCells / 2);
    const before = Array.from(picture.position);
    for (let t = 0; t < 10; t++) congestionCharge.animate(animated);
    const after = congestionCharge.picture(animated);
    if (after.kind !== 'ring') throw new Error('expected a ring');
    expect(Array.from(after.position)).not.toEqual(before);
  });
});
