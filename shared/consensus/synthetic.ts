import { Random } from '../sim/random.js';
import type { VoteTable } from './votes.js';

export interface SyntheticConversation {
  participants: number;
  statements: number;
  /** Opinion groups planted in the votes. */
  groups: number;
  /** Share of the statements each participant votes on (at least 7 of them). */
  density: number;
  seed: number;
}

/**
 * A conversation with planted opinion groups, for tests and the benchmark: each group has a
 * leaning on each statement (agree, disagree or split), each participant belongs to group
 * participant % groups and votes with their group's leaning 85 % of the time (passing 5 %).
 */
export function syntheticConversation(o: SyntheticConversation): { votes: VoteTable; statements: number[]; groupOf: (participant: number) => number } {
  const random = new Random(o.seed);
  const leaning: number[][] = [];
  for (let g = 0; g < o.groups; g++) leaning.push(Array.from({ length: o.statements }, () => random.int(3) - 1));
  const per = Math.max(Math.min(7, o.statements), Math.round(o.density * o.statements));
  const size = o.participants * per;
  const votes: VoteTable = { participant: new Int32Array(size), statement: new Int32Array(size), vote: new Int8Array(size) };
  const order = Array.from({ length: o.statements }, (_, s) => s);
  let at = 0;
  for (let p = 0; p < o.participants; p++) {
    const g = p % o.groups;
    // A partial shuffle picks which statements this participant saw.
    for (let i = 0; i < per; i++) {
      const j = i + random.int(o.statements - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
      const s = order[i]!;
      const lean = leaning[g]![s]!;
      const roll = random.next();
      const vote = roll < 0.05 ? 0 : lean === 0 ? (random.next() < 0.5 ? 1 : -1) : roll < 0.9 ? lean : -lean;
      votes.participant[at] = p;
      votes.statement[at] = s;
      votes.vote[at] = vote;
      at++;
    }
  }
  return { votes, statements: order.slice().sort((a, b) => a - b), groupOf: (p) => p % o.groups };
}
