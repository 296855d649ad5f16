import { MISSING, type VoteMatrix } from './matrix.js';

/** Agrees, disagrees and votes seen (pass included) per group and statement: index g * cols + c. */
export interface Tallies {
  groups: number;
  cols: number;
  agree: Int32Array;
  disagree: Int32Array;
  seen: Int32Array;
}

/** Counts the votes of each group's members (rows of the matrix). */
export function tally(m: VoteMatrix, members: readonly (readonly number[])[]): Tallies {
  const size = members.length * m.cols;
  const t: Tallies = { groups: members.length, cols: m.cols, agree: new Int32Array(size), disagree: new Int32Array(size), seen: new Int32Array(size) };
  members.forEach((rows, g) => {
    for (const r of rows) {
      const base = r * m.cols;
      for (let c = 0; c < m.cols; c++) {
        const v = m.cells[base + c]!;
        if (v === MISSING) continue;
        const at = g * m.cols + c;
        t.seen[at]! += 1;
        if (v === 1) t.agree[at]! += 1;
        else if (v === -1) t.disagree[at]! += 1;
      }
    }
  });
  return t;
}

/** The same counts for everyone outside group g. */
export function outside(t: Tallies, g: number, c: number): { agree: number; disagree: number; seen: number } {
  let agree = 0;
  let disagree = 0;
  let seen = 0;
  for (let h = 0; h < t.groups; h++) {
    if (h === g) continue;
    const at = h * t.cols + c;
    agree += t.agree[at]!;
    disagree += t.disagree[at]!;
    seen += t.seen[at]!;
  }
  return { agree, disagree, seen };
}
