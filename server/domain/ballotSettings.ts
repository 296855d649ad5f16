import { ErrorCode } from '../../shared/protocol/errors.js';
import type { BallotPrivacy, BallotVoters } from '../../shared/protocol/ballots.js';
import { phaseAt, type BallotRules } from './ballots.js';
import { Refusal } from './refusal.js';

/**
 * Changing a ballot's settings: what locks once the first ballot is cast, opening and closing
 * now, and times in order. Pure, like the rest of server/domain.
 */

/** Fields that shape a ballot: fixed once the first ballot is cast. */
export const LOCKED_FIELDS = ['proposals', 'budget', 'allowAgainst', 'privacy', 'voters'] as const;
export type LockedField = (typeof LOCKED_FIELDS)[number];

const LOCKED_SENTENCE: Record<LockedField, string> = {
  proposals: 'The proposals are fixed: the first ballot has been cast.',
  budget: 'The budget is fixed: the first ballot has been cast.',
  allowAgainst: 'Whether votes against count is fixed: the first ballot has been cast.',
  privacy: 'The privacy mode is locked: the first ballot has been cast.',
  voters: 'Who may vote is fixed: the first ballot has been cast.',
};

export interface BallotChange {
  proposals?: unknown;
  budget?: number;
  allowAgainst?: boolean;
  privacy?: BallotPrivacy;
  voters?: BallotVoters;
  opensAt?: string | null;
  closesAt?: string | null;
  phase?: 'open' | 'closed';
}

/**
 * Checks a change of settings and turns `phase` into times: opening sets the opening time to
 * now, closing sets the closing time to now. Returns the times to store (undefined: unchanged).
 * Refused: a locked field after the first ballot (CONFLICT), opening a ballot that is open or
 * closed, closing one already closed, times out of order (INVALID_INPUT).
 */
export function checkChange(ballot: BallotRules, change: BallotChange, now: Date): { opensAt?: string | null; closesAt?: string | null } {
  if (ballot.firstCastAt !== null) {
    for (const field of LOCKED_FIELDS) {
      if (change[field] !== undefined) throw new Refusal(ErrorCode.CONFLICT, LOCKED_SENTENCE[field]);
    }
  }
  const phase = phaseAt(ballot, now);
  if (phase === 'closed' && (change.phase !== undefined || change.opensAt !== undefined || change.closesAt !== undefined)) {
    throw new Refusal(ErrorCode.CONFLICT, 'This ballot has closed; it cannot be opened again or rescheduled.');
  }
  let opensAt = change.opensAt === undefined ? undefined : normalized(change.opensAt);
  let closesAt = change.closesAt === undefined ? undefined : normalized(change.closesAt);
  if (opensAt !== undefined && phase === 'open') throw new Refusal(ErrorCode.CONFLICT, 'This ballot is already open; its opening time cannot change.');
  const stamp = now.toISOString();
  if (change.phase === 'open') {
    if (phase === 'open') throw new Refusal(ErrorCode.CONFLICT, 'This ballot is already open.');
    opensAt = stamp;
    if (closesAt === undefined && ballot.closesAt !== null && Date.parse(ballot.closesAt) <= now.getTime()) closesAt = null;
  }
  if (change.phase === 'closed') {
    closesAt = stamp;
    if (phase === 'scheduled') opensAt ??= stamp;
  }
  const finalOpens = opensAt === undefined ? ballot.opensAt : opensAt;
  const finalCloses = closesAt === undefined ? ballot.closesAt : closesAt;
  if (finalOpens !== null && finalCloses !== null && Date.parse(finalCloses) < Date.parse(finalOpens)) {
    throw new Refusal(ErrorCode.INVALID_INPUT, 'The ballot must close after it opens.');
  }
  if (change.closesAt !== undefined && change.closesAt !== null && change.phase === undefined && Date.parse(change.closesAt) <= now.getTime()) {
    throw new Refusal(ErrorCode.INVALID_INPUT, 'Give a closing time in the future (or close the ballot now).');
  }
  return { ...(opensAt !== undefined ? { opensAt } : {}), ...(closesAt !== undefined ? { closesAt } : {}) };
}

/** The times of a new ballot, checked like a change: closing after opening, and in the future. */
export function checkSchedule(opensAt: string | null, closesAt: string | null, now: Date): { opensAt: string | null; closesAt: string | null } {
  const fresh: BallotRules = {
    budget: 1, allowAgainst: false, proposalIds: [], privacy: 'anonymous', results: 'live',
    voters: { accounts: true, codes: false, guests: false }, opensAt: null, closesAt: null, firstCastAt: null,
  };
  const times = checkChange(fresh, { opensAt, closesAt }, now);
  return { opensAt: times.opensAt ?? null, closesAt: times.closesAt ?? null };
}

function normalized(iso: string | null): string | null {
  return iso === null ? null : new Date(iso).toISOString();
}
