import { rolesFor, type Grant, type Role } from '../../shared/access.js';
import type { BallotPhase, BallotPrivacy, BallotResultsMode, BallotVoters, Votes, VoterClass } from '../../shared/protocol/ballots.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';

/**
 * Quadratic ballots as rules: n votes on one proposal cost n^2 voice credits, every change is
 * checked against the budget here (never only in the browser), a ballot is open between its
 * opening and closing times, the settings that shape it lock once the first ballot is cast,
 * staff ballots are always named, and guests are tallied apart. No sockets, no SQL.
 */

/** What the rules need to know about a ballot. */
export interface BallotRules {
  budget: number;
  allowAgainst: boolean;
  proposalIds: readonly string[];
  privacy: BallotPrivacy;
  results: BallotResultsMode;
  voters: BallotVoters;
  opensAt: string | null;
  closesAt: string | null;
  /** When the first ballot was cast (null: none yet). */
  firstCastAt: string | null;
}

/** The credits n votes (for or against) on one proposal cost. */
export function voteCost(votes: number): number {
  return votes * votes;
}

/** The credits a whole allocation costs: the sum of n^2 over the proposals. */
export function allocationCost(votes: Votes): number {
  let cost = 0;
  for (const n of Object.values(votes)) cost += voteCost(n);
  return cost;
}

/** The most votes one proposal can take within a budget. */
export function maxVotes(budget: number): number {
  return Math.floor(Math.sqrt(budget));
}

/** Scheduled until it opens (or while it has no opening time), open until it closes, then closed. */
export function phaseAt(ballot: Pick<BallotRules, 'opensAt' | 'closesAt'>, now: Date): BallotPhase {
  const t = now.getTime();
  if (ballot.closesAt !== null && Date.parse(ballot.closesAt) <= t) return 'closed';
  if (ballot.opensAt !== null && Date.parse(ballot.opensAt) <= t) return 'open';
  return 'scheduled';
}

/** A change is taken only while the ballot is open. */
export function checkOpen(ballot: Pick<BallotRules, 'opensAt' | 'closesAt'>, now: Date): void {
  const phase = phaseAt(ballot, now);
  if (phase === 'scheduled') {
    throw new Refusal(ErrorCode.CONFLICT, ballot.opensAt
      ? `This ballot opens at ${ballot.opensAt}; votes are taken from then.`
      : 'This ballot is not open yet; the host or curator will open it.');
  }
  if (phase === 'closed') throw new Refusal(ErrorCode.CONFLICT, 'This ballot has closed; allocations can no longer be changed.');
}

/** A sentence for a refused allocation that costs more than the budget. */
export function overBudgetSentence(cost: number, budget: number): string {
  return `That allocation costs ${cost} voice credits, but the budget is ${budget}. Take some votes off first.`;
}

/**
 * Checks a whole allocation (it replaces the voter's previous one) and returns it without the
 * zeros, with its cost. Refused with INVALID_INPUT: a proposal not on this ballot, votes that are
 * not whole numbers, votes against where the ballot takes none, or a cost over the budget.
 */
export function checkAllocation(ballot: Pick<BallotRules, 'budget' | 'allowAgainst' | 'proposalIds'>, votes: Votes): { votes: Votes; cost: number } {
  const known = new Set(ballot.proposalIds);
  const kept: Votes = {};
  for (const [id, n] of Object.entries(votes)) {
    if (!known.has(id)) throw new Refusal(ErrorCode.INVALID_INPUT, 'That allocation names a proposal that is not on this ballot.');
    if (!Number.isSafeInteger(n)) throw new Refusal(ErrorCode.INVALID_INPUT, 'Votes are whole numbers.');
    if (n < 0 && !ballot.allowAgainst) throw new Refusal(ErrorCode.INVALID_INPUT, 'This ballot does not take votes against a proposal.');
    if (n !== 0) kept[id] = n;
  }
  const cost = allocationCost(kept);
  if (cost > ballot.budget) throw new Refusal(ErrorCode.INVALID_INPUT, overBudgetSentence(cost, ballot.budget));
  return { votes: kept, cost };
}

/** Roles whose ballots are always named (open-meetings law: officials do not vote anonymously). */
export const STAFF_ROLES: readonly Role[] = ['host', 'moderator', 'curator', 'admin'];

/** Whether someone is staff of this space: a host, moderator, curator or admin there (or everywhere). */
export function isStaff(grants: readonly Grant[], spaceId: string): boolean {
  const held = rolesFor({ kind: 'account', grants }, 'space', spaceId);
  return STAFF_ROLES.some((r) => held.has(r));
}

/** A ballot shows its voter's name on a named ballot, and always for staff. */
export function isNamed(privacy: BallotPrivacy, staff: boolean): boolean {
  return privacy === 'named' || staff;
}

/**
 * How a voter qualifies, or a refusal saying what they would need. Someone who has cast a ballot
 * keeps their class (a code is used once, and changes need no new one). An account counts as an
 * account when accounts may vote; a code (checked against the store by the caller) makes anyone a
 * code voter; guests vote as guests only when the ballot allows them.
 */
export function voterClassFor(
  voter: { accountId: string | null; cast: VoterClass | null; hasCode: boolean },
  allowed: BallotVoters,
): VoterClass {
  if (voter.cast) return voter.cast;
  if (voter.accountId !== null && allowed.accounts) return 'account';
  if (allowed.codes && voter.hasCode) return 'code';
  if (voter.accountId === null && allowed.guests) return 'guest';
  if (allowed.codes) throw new Refusal(ErrorCode.NOT_ALLOWED, 'This ballot needs a ballot code: type the code you were given.');
  if (allowed.accounts) throw new Refusal(ErrorCode.NOT_ALLOWED, 'Only people signed in with an account may vote on this ballot.');
  throw new Refusal(ErrorCode.NOT_ALLOWED, 'Only guests may vote on this ballot.');
}

/** Voters counted together (one ballot per identity) and guests, tallied apart. */
export function isCounted(voterClass: VoterClass): boolean {
  return voterClass !== 'guest';
}

/** Tallies are shown live, or only once the ballot has closed. */
export function resultsVisible(ballot: Pick<BallotRules, 'results' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return ballot.results === 'live' || phaseAt(ballot, now) === 'closed';
}
