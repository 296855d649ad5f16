import { detLog } from './detmath.js';

const GOLDEN = 0x9e3779b9;
const TWO_TO_32 = 4294967296;

/** Scrambles a 32-bit integer so that nearby inputs give unrelated outputs (a finalising mix). */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A seed for one stream of a run (a day of traffic, the drawn view, the households), so that
 * streams never share numbers and drawing one more number in one cannot shift another.
 */
export function streamSeed(seed: number, stream: number): number {
  return mix32(mix32(seed) ^ Math.imul(stream + 1, GOLDEN));
}

/**
 * The seeded generator every model draws from: a Weyl sequence (step by the golden ratio,
 * period 2^32) passed through a mixing function. Integer maths with Math.imul only, so the
 * numbers are the same in every JavaScript engine; Math.random is never used.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed) | 0;
  }

  /** A uniform integer in 0..2^32-1. */
  u32(): number {
    this.state = (this.state + GOLDEN) | 0;
    return mix32(this.state);
  }

  /** A uniform number in [0, 1) (exact: a 32-bit integer over 2^32). */
  next(): number {
    return this.u32() / TWO_TO_32;
  }

  /** A uniform integer in 0..n-1 (n up to 2^32; the tiny modulo bias is irrelevant here). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal deviate (Marsaglia's polar method, with the portable logarithm). */
  normal(): number {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
    }
  }
}

/** The threshold a u32 draw is compared with to make an event of probability p happen. */
export function u32Threshold(p: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * TWO_TO_32);
}
