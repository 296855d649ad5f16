import type { BallotVoters, Votes } from '../../../shared/protocol/ballots.js';

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

/**
 * Whether the panel asks for a ballot code: 'required' when the ballot takes this voter only with
 * one; 'optional' for a guest where guests may vote too (a code counts them with the others
 * instead of apart); 'no' once they have voted (a code is spent once), for an account where
 * accounts count, and on ballots without codes.
 */
export function codeField(
  ballot: { voters: BallotVoters },
  mine: { needsCode: boolean; voterClass: string | null } | undefined,
  signedIn: boolean,
): 'required' | 'optional' | 'no' {
  if (!ballot.voters.codes || mine?.voterClass) return 'no';
  if (mine?.needsCode) return 'required';
  if (signedIn && ballot.voters.accounts) return 'no';
  return ballot.voters.guests ? 'optional' : 'no';
}
