import { describe, expect, it } from 'vitest';
import { groupInformedConsensus, majorityConsensus } from './consensusStatements.js';
import { representativeStatements, representativeness } from './representative.js';
import { agreeProbability, proportionTest, twoProportionTest } from './statistics.js';
import type { Tallies } from './tallies.js';

/** Tallies written by hand: [agree, disagree, seen] per group, per statement. */
function tallies(groups: [number, number, number][][]): Tallies {
  const cols = groups[0]!.length;
  const t: Tallies = { groups: groups.length, cols, agree: new Int32Array(groups.length * cols), disagree: new Int32Array(groups.length * cols), seen: new Int32Array(groups.length * cols) };
  groups.forEach((row, g) => row.forEach(([a, d, s], c) => {
    t.agree[g * cols + c] = a;
    t.disagree[g * cols + c] = d;
    t.seen[g * cols + c] = s;
  }));
  return t;
}

describe('the formulas', () => {
  it('pa = (1 + agrees) / (2 + seen)', () => {
    expect(agreeProbability(3, 4)).toBeCloseTo(4 / 6, 12);
    expect(agreeProbability(0, 0)).toBe(0.5);
  });

  it('the one-sample test is 2 sqrt(n + 1) ((s + 1) / (n + 1) - 1/2)', () => {
    // 2 * sqrt(5) * (4/5 - 1/2) = 0.6 * 2.2360679...
    expect(proportionTest(3, 4)).toBeCloseTo(1.3416407865, 9);
    expect(proportionTest(0, 0)).toBeCloseTo(1, 12);
    expect(proportionTest(1, 3)).toBeCloseTo(0, 12);
  });

  it('the two-proportion test adds one to each count', () => {
    // 4/5 against 1/5, pooled 5/10: 0.6 / sqrt(0.25 * (1/5 + 1/5)) = 0.6 / sqrt(0.1)
    expect(twoProportionTest(3, 4, 0, 4)).toBeCloseTo(0.6 / Math.sqrt(0.1), 12);
    expect(twoProportionTest(0, 4, 3, 4)).toBeCloseTo(-0.6 / Math.sqrt(0.1), 12);
    // Everyone agrees everywhere: the pooled proportion is 1 and the test says nothing.
    expect(twoProportionTest(4, 4, 4, 4)).toBe(0);
  });
});

describe('representative statements', () => {
  // Statement 0: group 0 all agree (8 of 8), group 1 all disagree. Statement 1: both split.
  const t = tallies([
    [[8, 0, 8], [2, 2, 4]],
    [[0, 8, 8], [2, 2, 4]],
  ]);

  it('computes pa, ra and both tests as written', () => {
    const r = representativeness(t, 0, 0, 'agree');
    expect(r.p).toBeCloseTo(9 / 10, 12);
    expect(r.ratio).toBeCloseTo((9 / 10) / (1 / 10), 12);
    expect(r.pTest).toBeCloseTo(2 * 3 * (9 / 9 - 0.5), 12);
    // 9/9 against 1/9, pooled 10/18.
    expect(r.ratioTest).toBeCloseTo((1 - 1 / 9) / Math.sqrt((10 / 18) * (8 / 18) * (1 / 9 + 1 / 9)), 12);
    expect(r.metric).toBeCloseTo(r.ratio * r.ratioTest * r.p * r.pTest, 12);
  });

  it('keeps only statements where both tests pass, in the direction that passes', () => {
    expect(representativeStatements(t, 0).map((r) => [r.statement, r.direction])).toEqual([[0, 'agree']]);
    expect(representativeStatements(t, 1).map((r) => [r.statement, r.direction])).toEqual([[0, 'disagree']]);
  });

  it('takes at most five by metric, then lists agrees before disagrees', () => {
    // Group 0 against group 1 on seven statements: strong disagreements on 0-3, weaker agreements on 4-6.
    const strong: [number, number, number] = [0, 20, 20];
    const weak: [number, number, number] = [6, 0, 6];
    const g0: [number, number, number][] = [strong, strong, strong, strong, weak, weak, weak];
    const g1: [number, number, number][] = g0.map(() => [10, 10, 20]);
    const ranked = representativeStatements(tallies([g0, g1]), 0);
    expect(ranked).toHaveLength(5);
    // The four disagreements have the higher metric, so one agreement makes the cut; it is listed first.
    expect(ranked.map((r) => [r.statement, r.direction])).toEqual([[4, 'agree'], [0, 'disagree'], [1, 'disagree'], [2, 'disagree'], [3, 'disagree']]);
  });
});

describe('consensus', () => {
  it('majority: p above one half and significant, over every group together', () => {
    const t = tallies([
      [[5, 0, 5], [3, 2, 5], [0, 5, 5]],
      [[5, 0, 5], [2, 3, 5], [1, 4, 5]],
    ]);
    const m = majorityConsensus(t);
    // Statement 0: 10 of 10 agree: p = 11/12, test = 2 sqrt(11) (11/11 - 1/2) = sqrt(11).
    expect(m.agree).toEqual([{ statement: 0, p: 11 / 12, pTest: Math.sqrt(11) }]);
    // Statement 1 splits 5/5 (p = 1/2, not above); statement 2: 9 of 10 disagree.
    expect(m.disagree.map((s) => s.statement)).toEqual([2]);
    expect(m.disagree[0]!.p).toBeCloseTo(10 / 12, 12);
    expect(m.disagree[0]!.pTest).toBeCloseTo(2 * Math.sqrt(11) * (10 / 11 - 0.5), 12);
  });

  it('group-informed: the product over groups of (agrees + 1) / (seen + 2)', () => {
    const t = tallies([
      [[3, 1, 4], [0, 4, 4]],
      [[1, 1, 2], [4, 0, 4]],
    ]);
    const g = groupInformedConsensus(t);
    expect(g[0]).toEqual({ statement: 0, agree: (4 / 6) * (2 / 4), disagree: (2 / 6) * (2 / 4) });
    expect(g[1]!.statement).toBe(1);
    expect(g[1]!.agree).toBeCloseTo((1 / 6) * (5 / 6), 12);
  });
});
