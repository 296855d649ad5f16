import { describe, expect, it } from 'vitest';
import { detExp, detLog, detPow } from './detmath.js';

/** Relative error, in units of 2^-52. */
const ulps = (got: number, want: number) => Math.abs(got - want) / (Math.abs(want) * 2 ** -52);

describe('portable exp, log and pow', () => {
  it('exp agrees with Math.exp to a few units in the last place over its whole range', () => {
    let worst = 0;
    for (let x = -700; x <= 700; x += 0.37) worst = Math.max(worst, ulps(detExp(x), Math.exp(x)));
    for (let x = -1; x <= 1; x += 0.0013) worst = Math.max(worst, ulps(detExp(x), Math.exp(x)));
    expect(worst).toBeLessThan(8);
  });

  it('log agrees with Math.log to a few units in the last place', () => {
    let worst = 0;
    for (let x = 1e-300; x < 1e300; x *= 1.7) worst = Math.max(worst, ulps(detLog(x), Math.log(x)));
    for (let x = 0.5; x <= 2; x += 0.0007) {
      if (x !== 1) worst = Math.max(worst, Math.abs(detLog(x) - Math.log(x)) / 2 ** -52);
    }
    expect(worst).toBeLessThan(8);
  });

  it('pow agrees with Math.pow for the powers the models take', () => {
    for (const x of [0.5, 1.05, 1.18, 2, 3.7, 100]) {
      for (const y of [-0.3, -0.1, 0.5, 2, 3.3]) expect(ulps(detPow(x, y), Math.pow(x, y))).toBeLessThan(64);
    }
  });

  it('handles the edges like Math does', () => {
    expect(detExp(0)).toBe(1);
    expect(detExp(1000)).toBe(Infinity);
    expect(detExp(-1000)).toBe(0);
    expect(detExp(NaN)).toBeNaN();
    expect(detLog(1)).toBe(0);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detPow(0, 2)).toBe(0);
    expect(detPow(5, 0)).toBe(1);
    expect(detPow(-2, 0.5)).toBeNaN();
  });
});
