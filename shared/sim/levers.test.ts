import { describe, expect, it } from 'vitest';
import { congestionCharge } from './congestionCharge.js';
import { checkParams, defaultParams } from './levers.js';

const info = congestionCharge.info;
const problems = (params: unknown) => {
  const result = checkParams(info, params);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
};

describe('checking a scenario\'s levers', () => {
  it('fills missing levers with their defaults', () => {
    expect(checkParams(info, {})).toEqual({ ok: true, params: { charge: 5, perPassage: 0, shoulder: 100, offPeak: 100, cap: 0, frequency: 12 } });
    expect(checkParams(info, { charge: 8 })).toEqual({ ok: true, params: { ...defaultParams(info), charge: 8 } });
    expect(defaultParams(info)).toEqual({ charge: 5, perPassage: 0, shoulder: 100, offPeak: 100, cap: 0, frequency: 12 });
  });

  it('accepts the ends of each range', () => {
    expect(checkParams(info, { charge: 0, frequency: 30 }).ok).toBe(true);
    expect(checkParams(info, { charge: 20, frequency: 2 }).ok).toBe(true);
  });

  it('refuses NaN and Infinity, naming the lever, its range and unit', () => {
    expect(problems({ charge: NaN })).toEqual(['Charge in the peak must be a finite number from 0 to 20 £ (got NaN).']);
    expect(problems({ frequency: Infinity })).toEqual(['Public transport frequency must be a finite number from 2 to 30 services/h (got Infinity).']);
  });

  it('refuses values out of range', () => {
    expect(problems({ charge: -1 })).toEqual(['Charge in the peak must be from 0 to 20 £ (got -1).']);
    expect(problems({ frequency: 31 })).toEqual(['Public transport frequency must be from 2 to 30 services/h (got 31).']);
  });

  it('refuses text and other non-numbers', () => {
    expect(problems({ charge: '5' })).toEqual(['Charge in the peak must be a number from 0 to 20 £ (got the text "5").']);
    expect(problems({ charge: null })).toEqual(['Charge in the peak must be a number from 0 to 20 £ (got object).']);
    expect(problems({ charge: true })).toEqual(['Charge in the peak must be a number from 0 to 20 £ (got boolean).']);
  });

  it('refuses unknown levers, listing the real ones', () => {
    expect(problems({ toll: 3 })).toEqual(['"toll" is not a lever of "Congestion charge on a cordon" (its levers are "charge", "perPassage", "shoulder", "offPeak", "cap", "frequency").']);
    // A key that would be the prototype in a literal is still just an unknown lever from JSON.
    expect(problems(JSON.parse('{"__proto__": 1, "charge": 1}'))).toEqual([
      '"__proto__" is not a lever of "Congestion charge on a cordon" (its levers are "charge", "perPassage", "shoulder", "offPeak", "cap", "frequency").',
    ]);
  });

  it('refuses values off the lever\'s step, naming the step', () => {
    expect(problems({ charge: 5.25 })).toEqual(['Charge in the peak moves in steps of 0.5 £ from 0 (got 5.25).']);
    expect(problems({ frequency: 12.5 })).toEqual(['Public transport frequency moves in steps of 1 services/h from 2 (got 12.5).']);
    expect(checkParams(info, { charge: 0.5, shoulder: 75, cap: 4.5 }).ok).toBe(true);
  });

  it('lists every problem at once', () => {
    expect(problems({ charge: 99, frequency: 'often', extra: 1 })).toHaveLength(3);
  });

  it('refuses what is not an object of levers', () => {
    for (const bad of [null, undefined, 5, 'charge=5', [5, 12]]) {
      expect(problems(bad)[0]).toMatch(/must be given as an object/);
    }
  });
});
