import { agreeProbability, proportionTest, Z_90 } from './statistics.js';
import type { Tallies } from './tallies.js';

export const MAX_MAJORITY = 5;

export interface MajorityStatement {
  statement: number;
  /** (1 + agrees) / (2 + seen) over everyone clustered (disagrees for the disagree list). */
  p: number;
  pTest: number;
}

export interface GroupInformed {
  statement: number;
  /** Product over groups of (agrees_g + 1) / (seen_g + 2). */
  agree: number;
  /** The same with disagrees. */
  disagree: number;
}

/**
 * Majority consensus: statements where p is above one half and significant (one-sample test
 * above 1.2816) over every group together, top five each way by p * pTest.
 */
export function majorityConsensus(t: Tallies, max = MAX_MAJORITY): { agree: MajorityStatement[]; disagree: MajorityStatement[] } {
  const agree: (MajorityStatement & { rank: number })[] = [];
  const disagree: (MajorityStatement & { rank: number })[] = [];
  for (let c = 0; c < t.cols; c++) {
    let a = 0;
    let d = 0;
    let seen = 0;
    for (let g = 0; g < t.groups; g++) {
      a += t.agree[g * t.cols + c]!;
      d += t.disagree[g * t.cols + c]!;
      seen += t.seen[g * t.cols + c]!;
    }
    for (const [count, list] of [[a, agree], [d, disagree]] as const) {
      const p = agreeProbability(count, seen);
      const pTest = proportionTest(count, seen);
      if (p > 0.5 && pTest > Z_90) list.push({ statement: c, p, pTest, rank: p * pTest });
    }
  }
  const top = (list: (MajorityStatement & { rank: number })[]) => list
    .sort((x, y) => y.rank - x.rank || x.statement - y.statement)
    .slice(0, max)
    .map(({ statement, p, pTest }) => ({ statement, p, pTest }));
  return { agree: top(agree), disagree: top(disagree) };
}

/**
 * Group-informed consensus of every statement: the product over groups of
 * (agrees_g + 1) / (seen_g + 2), high only when every group leans the same way. Sorted by the
 * agree product, highest first.
 */
export function groupInformedConsensus(t: Tallies): GroupInformed[] {
  const all: GroupInformed[] = [];
  for (let c = 0; c < t.cols; c++) {
    let agree = 1;
    let disagree = 1;
    for (let g = 0; g < t.groups; g++) {
      const at = g * t.cols + c;
      agree *= agreeProbability(t.agree[at]!, t.seen[at]!);
      disagree *= agreeProbability(t.disagree[at]!, t.seen[at]!);
    }
    all.push({ statement: c, agree, disagree });
  }
  return all.sort((x, y) => y.agree - x.agree || x.statement - y.statement);
}
