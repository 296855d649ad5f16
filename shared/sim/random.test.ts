import { describe, expect, it } from 'vitest';
import { Random, streamSeed, u32Threshold } from './random.js';

const draws = (r: Random, n: number) => Array.from({ length: n }, () => r.u32());

describe('the seeded generator', () => {
  it('gives the same numbers for the same seed and different numbers for another', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(42), 100)).not.toEqual(draws(new Random(43), 100));
  });

  it('is pinned: these first numbers must never change (shared links replay old runs)', () => {
    expect(draws(new Random(1), 3)).toEqual([4114278092, 2788919815, 2346554250]);
  });

  it('spreads uniform numbers evenly over [0, 1)', () => {
    const r = new Random(7);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (x < 0 || x >= 1) outside++;
      bins[Math.floor(x * 10)]! += 1;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(500);
  });

  it('draws standard normals (mean 0, variance 1)', () => {
    const r = new Random(3);
    const n = 50_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.03);
  });

  it('gives each stream of a run its own seed', () => {
    const seeds = new Set([0, 1, 2, 3, 1000, 1001].map((s) => streamSeed(5, s)));
    expect(seeds.size).toBe(6);
    expect(streamSeed(5, 1)).not.toBe(streamSeed(6, 1));
  });

  it('turns a probability into a u32 threshold (0 never, 1 always)', () => {
    expect(u32Threshold(0)).toBe(0);
    expect(u32Threshold(1)).toBe(2 ** 32);
    expect(u32Threshold(0.5)).toBe(2 ** 31);
  });
});
