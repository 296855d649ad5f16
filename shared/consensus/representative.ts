import { agreeProbability, proportionTest, twoProportionTest, Z_90 } from './statistics.js';
import { outside, type Tallies } from './tallies.js';

export const MAX_REPRESENTATIVE = 5;

/** A statement that sets a group apart: most of them agree (or disagree) with it, more than everyone else. */
export interface RepresentativeStatement {
  statement: number;
  direction: 'agree' | 'disagree';
  /** (1 + agrees) / (2 + seen) in the group (disagrees for a disagree statement). */
  p: number;
  /** p over the same for everyone outside the group. */
  ratio: number;
  /** One-sample test of p against one half. */
  pTest: number;
  /** Two-proportion test of the group against everyone else. */
  ratioTest: number;
  /** ratio * ratioTest * p * pTest: the ranking. */
  metric: number;
  agree: number;
  disagree: number;
  seen: number;
}

/** How representative statement c is of group g, in one direction. */
export function representativeness(t: Tallies, g: number, c: number, direction: 'agree' | 'disagree'): RepresentativeStatement {
  const at = g * t.cols + c;
  const rest = outside(t, g, c);
  const inside = direction === 'agree' ? t.agree[at]! : t.disagree[at]!;
  const beyond = direction === 'agree' ? rest.agree : rest.disagree;
  const seen = t.seen[at]!;
  const p = agreeProbability(inside, seen);
  const ratio = p / agreeProbability(beyond, rest.seen);
  const pTest = proportionTest(inside, seen);
  const ratioTest = twoProportionTest(inside, seen, beyond, rest.seen);
  return {
    statement: c, direction, p, ratio, pTest, ratioTest, metric: ratio * ratioTest * p * pTest,
    agree: t.agree[at]!, disagree: t.disagree[at]!, seen,
  };
}

/**
 * Up to five statements per group whose two tests both pass (above 1.2816), in either direction,
 * best metric first; the chosen are listed agrees before disagrees. `statement` is the column.
 */
export function representativeStatements(t: Tallies, g: number, max = MAX_REPRESENTATIVE): RepresentativeStatement[] {
  const passing: RepresentativeStatement[] = [];
  for (let c = 0; c < t.cols; c++) {
    for (const direction of ['agree', 'disagree'] as const) {
      const r = representativeness(t, g, c, direction);
      if (r.pTest > Z_90 && r.ratioTest > Z_90) passing.push(r);
    }
  }
  passing.sort((a, b) => b.metric - a.metric || a.statement - b.statement);
  const chosen = passing.slice(0, max);
  return [...chosen.filter((r) => r.direction === 'agree'), ...chosen.filter((r) => r.direction === 'disagree')];
}
