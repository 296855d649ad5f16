import type { Votes } from '../../../shared/protocol/ballots.js';

/**
 * The allocation panel's arithmetic (the server checks the same rules on every change): n votes
 * on one proposal cost n^2 voice credits, and the whole allocation must fit the budget.
 */

export function creditsSpent(votes: Votes): number {
  let spent = 0;
  for (const n of Object.values(votes)) spent += n * n;
  return spent;
}

/** The allocation with one more (+1) or one fewer (-1) vote on a proposal, or null if the budget or the ballot does not allow it. */
export function stepVotes(votes: Votes, proposalId: string, step: 1 | -1, budget: number, allowAgainst: boolean): Votes | null {
  const next = (votes[proposalId] ?? 0) + step;
  if (next < 0 && !allowAgainst) return null;
  const changed = { ...votes, [proposalId]: next };
  if (next === 0) delete changed[proposalId];
  return creditsSpent(changed) <= budget ? changed : null;
}

/** Two allocations are the same when they give every proposal the same votes (zeros and absent alike). */
export function sameVotes(a: Votes, b: Votes): boolean {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of ids) if ((a[id] ?? 0) !== (b[id] ?? 0)) return false;
  return true;
}

/** "3 votes for, 9 credits" / "2 votes against, 4 credits" / "No votes". */
export function votesLine(n: number): string {
  if (n === 0) return 'No votes';
  const count = Math.abs(n);
  return `${count} ${count === 1 ? 'vote' : 'votes'} ${n > 0 ? 'for' : 'against'}, ${n * n} ${n * n === 1 ? 'credit' : 'credits'}`;
}
