import { createHash } from 'node:crypto';
import type { MyAllocation, Votes } from '../../shared/protocol/ballots.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Identity } from '../auth/sessions.js';
import { normalizeCode } from '../domain/ballotCodes.js';
import { checkAllocation, checkOpen, isNamed, isStaff, voterClassFor } from '../domain/ballots.js';
import { identityKey } from '../domain/questions.js';
import { Refusal } from '../domain/refusal.js';
import type { Ballot, StoredBallot } from '../store/ballots.js';
import type { Repos } from '../store/repos.js';
import { rulesOf } from './views.js';

/** Only this is stored of a ballot code: the SHA-256 of its normalised form. */
export function hashBallotCode(normalized: string): string {
  return createHash('sha256').update(`ballot-code:${normalized}`).digest('hex');
}

const NO_BALLOT = 'There is no such ballot in this space.';

/** One voter's view of a ballot: their allocation, credits left, and whether (and how) they may vote. */
export function allocationOf(ballot: Ballot, mine: StoredBallot | undefined, identity: Identity, now: Date): MyAllocation {
  const spent = mine?.credits ?? 0;
  const staff = isStaff(identity.grants, ballot.spaceId);
  let reason: string | null = null;
  let needsCode = false;
  try {
    checkOpen(ballot, now);
    if (!mine) {
      try {
        voterClassFor({ accountId: identity.accountId, cast: null, hasCode: false }, ballot.voters);
      } catch (err) {
        if (!(err instanceof Refusal) || !ballot.voters.codes) throw err;
        needsCode = true;
      }
    }
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    reason = err.message;
  }
  return {
    ballotId: ballot.id, votes: mine?.votes ?? {}, creditsSpent: spent, creditsLeft: ballot.budget - spent,
    voterClass: mine?.voterClass ?? null, named: mine?.named ?? isNamed(ballot.privacy, staff),
    canVote: reason === null, needsCode, reason,
  };
}

/**
 * A voter's whole allocation replaces their previous one, in one transaction: the ballot's row
 * is taken first (PostgreSQL then runs casts and settings changes of one ballot one at a time),
 * the window, budget and eligibility are checked against what is committed, a code is spent the
 * first time, and the ballot is stored. It is committed before this resolves, so before anyone
 * is told. Refusals are Refusal with a stable code and a sentence.
 */
export async function castAllocation(
  repos: Pick<Repos, 'transaction'>,
  input: { spaceId: string; ballotId: string; identity: Identity; votes: Votes; code: string | undefined },
  now: () => Date,
): Promise<MyAllocation> {
  return repos.transaction(async (r) => {
    if (!await r.ballots.lockForCast(input.ballotId)) throw new Refusal(ErrorCode.NOT_FOUND, NO_BALLOT);
    const ballot = await r.ballots.get(input.ballotId);
    if (!ballot || ballot.spaceId !== input.spaceId) throw new Refusal(ErrorCode.NOT_FOUND, NO_BALLOT);
    const at = now();
    checkOpen(ballot, at);
    const { votes, cost } = checkAllocation(rulesOf(ballot), input.votes);
    const { identity } = input;
    const key = identityKey(identity);
    const previous = await r.ballots.ballotOf(ballot.id, key);
    const code = input.code ? normalizeCode(input.code) : undefined;
    if (input.code && code === undefined && !previous) {
      throw new Refusal(ErrorCode.INVALID_INPUT, 'That is not a ballot code: codes have 12 letters and digits, like 7KQX-M2PD-9F3A.');
    }
    const voterClass = voterClassFor({ accountId: identity.accountId, cast: previous?.voterClass ?? null, hasCode: code !== undefined }, ballot.voters);
    if (voterClass === 'code' && !previous && !await r.ballots.useCode(ballot.id, hashBallotCode(code!), key)) {
      throw new Refusal(ErrorCode.NOT_ALLOWED, 'That ballot code is not valid for this ballot, or it has already been used.');
    }
    const staff = isStaff(identity.grants, ballot.spaceId);
    const stored = { voterKey: key, voterClass, named: isNamed(ballot.privacy, staff), staff, name: identity.name, votes, credits: cost };
    await r.ballots.markCast(ballot.id);
    await r.ballots.putBallot(ballot.id, stored);
    const spentBefore = previous?.credits ?? 0;
    return {
      ...allocationOf(ballot, { ...stored, name: stored.named ? identity.name : null, changes: (previous?.changes ?? 0) + 1 }, identity, at),
      message: previous
        ? `Your allocation is changed: ${cost} of ${ballot.budget} voice credits spent (${spentBefore} before).`
        : `Your ballot is cast: ${cost} of ${ballot.budget} voice credits spent. You may change it until the ballot closes.`,
    };
  });
}

