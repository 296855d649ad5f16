import { describe, expect, it } from 'vitest';
import { initDesign, runDesign } from './congestionCharge.js';
import { cityFrom, cityShares, LONDON_CONDITIONS, ptShareOf } from './cordonCity.js';
import { BASE_SHARES, CORDON, VARIANTS } from './cordonInfo.js';
import { choiceProbabilities, dayCharge, optionConstants, optionCosts, PEAK, type ChargeDesign } from './cordonPeople.js';
import { backgroundCo2PerKm, co2PerKm, co2PerKmOf } from './cordonTraffic.js';
import { SimInputError } from './simInput.js';

const daily = (charge: number): ChargeDesign => ({ prices: [charge, charge, charge], perPassage: false, cap: null, frequency: 12 });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('congestion twin 2.1: a city\'s own conditions before its charge', () => {
  it('scales public transport to a city\'s share and gives the difference to the car (hand-computed)', () => {
    expect(ptShareOf(BASE_SHARES)).toBeCloseTo((0.55 * 0.78 + 0.33 * 0.62) / 0.88, 12);
    expect(cityShares(undefined)).toEqual({ commute: [...BASE_SHARES.commute], other: [...BASE_SHARES.other], through: [...BASE_SHARES.through] });
    const g = cityShares(0.25);
    expect(ptShareOf(g)).toBeCloseTo(0.25, 12);
    // k = 0.25 / 0.719318...; commuting: public transport 0.78k = 0.27109, car 0.15 + 0.78 - 0.27109 = 0.65891 split 4:1.
    const k = 0.25 / ((0.55 * 0.78 + 0.33 * 0.62) / 0.88);
    expect(g.commute[2]).toBeCloseTo(0.78 * k, 12);
    expect(g.commute[0]! / g.commute[1]!).toBeCloseTo(4, 12);
    expect(g.commute[0]! + g.commute[1]!).toBeCloseTo(0.93 - 0.78 * k, 12);
    expect(g.other[0]).toBeCloseTo(0.87 - 0.62 * k, 12);
    for (const shares of Object.values(g)) expect(sum(shares)).toBeCloseTo(1, 12);
    expect(g.commute[3]).toBe(BASE_SHARES.commute[3]);
    expect(g.through).toEqual([...BASE_SHARES.through]);
  });

  it('refuses conditions out of range with INVALID_INPUT', () => {
    for (const c of [{ ptShare: 0.95 }, { ptShare: Number.NaN }, { baseKmh: 0 }, { exemptShare: -0.1 }]) {
      expect(() => cityFrom(c)).toThrow(SimInputError);
    }
    expect(() => runDesign(daily(5), 1, 0, { baseKmh: 100 })).toThrow(/speed from 3 to 40/);
  });

  it('the road is set to the city\'s speed before the charge, and more exempt traffic dilutes the fall in entries', () => {
    const slow = runDesign(daily(0), 1, 0, { baseKmh: 10 });
    expect(Math.abs(slow.speed! - 10)).toBeLessThan(0.5);
    const fall = (exemptShare: number) => {
      const [before, after] = [runDesign(daily(0), 1, 0, { exemptShare }), runDesign(daily(5), 1, 0, { exemptShare })];
      return after.entries! / before.entries! - 1;
    };
    // The charged traffic's own response is about the same; only its share of all entries differs.
    expect(fall(0.19) / fall(0.35)).toBeGreaterThan(1.15);
    expect(fall(0.19) / fall(0.35)).toBeLessThan(1.35);
  });

  it('a city with more drivers before its charge starts with more of its travellers in cars', () => {
    const london = initDesign(daily(0), 1, 0, LONDON_CONDITIONS);
    const carCity = initDesign(daily(0), 1, 0, { ptShare: 0.25 });
    expect(carCity.today.car).toBeGreaterThan(2 * london.today.car);
  });
});

describe('congestion twin 2.1: tastes in minutes, visits, and each vehicle\'s own emission curve', () => {
  it('with no charge a traveller with twice the value of time chooses exactly as one with the base value; a charge moves the lower one more', () => {
    const v = VARIANTS[0]!;
    const asc = optionConstants(0, v.votCommute, v.theta, cityFrom(LONDON_CONDITIONS));
    const probs = (vot: number, charge: number) => {
      const costs = new Float64Array(5);
      const out = new Float64Array(5);
      const n = optionCosts(0, vot, CORDON.tripKmMedian[0], PEAK, daily(charge), [14, 14, 14], costs);
      choiceProbabilities(costs, n, asc, v.theta, out, vot / v.votCommute);
      return Array.from(out);
    };
    const [base, double] = [probs(v.votCommute, 0), probs(2 * v.votCommute, 0)];
    for (let k = 0; k < 5; k++) expect(double[k]).toBeCloseTo(base[k]!, 12);
    // With a £5 charge the car share falls more for half the value of time than for twice it.
    const drop = (vot: number) => 1 - (probs(vot, 5)[0]! + probs(vot, 5)[1]!) / (probs(vot, 0)[0]! + probs(vot, 0)[1]!);
    expect(drop(v.votCommute / 2)).toBeGreaterThan(1.5 * drop(2 * v.votCommute));
  });

  it('a trip that comes in twice pays four crossings up to the cap, or once a day (hand-computed)', () => {
    const stockholm: ChargeDesign = { prices: [1.5, 1.1, 0.75], perPassage: true, cap: 4.45, frequency: 12 };
    expect(dayCharge(stockholm, PEAK, 1)).toBe(3); // 2 x £1.50
    expect(dayCharge(stockholm, PEAK, 2)).toBe(4.45); // 4 x £1.50 = £6, capped
    expect(dayCharge(stockholm, 2, 2)).toBe(3); // 4 x £0.75
    expect(dayCharge(daily(5), PEAK, 2)).toBe(5);
  });

  it('taxis, vans and buses have their own curves; the background mix is their weighted sum (hand-computed)', () => {
    expect(co2PerKmOf('taxi', 50)).toBeCloseTo(200, 10);
    expect(co2PerKmOf('van', 50)).toBeCloseTo(230, 10);
    expect(co2PerKmOf('bus', 50)).toBeCloseTo(900, 10);
    expect(co2PerKm(50)).toBeCloseTo(143, 10);
    // 0.43 x 200 + 0.46 x 230 + 0.11 x 900 = 86 + 105.8 + 99 = 290.8
    expect(backgroundCo2PerKm(50)).toBeCloseTo(290.8, 10);
    // The bus curve is flatter at low speed: (300/14 + 90 - 12.6 + 1.764) / (6 + 90 - 45 + 22.5) = 1.3713.
    expect(co2PerKmOf('bus', 14) / co2PerKmOf('bus', 50)).toBeCloseTo((300 / 14 + 90 - 0.9 * 14 + 0.009 * 196) / (300 / 50 + 90 - 45 + 22.5), 12);
    expect(co2PerKmOf('bus', 14) / 900).toBeLessThan(co2PerKm(14) / 143);
  });
});
