import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol/errors.js';
import {
  allocationCost, checkAllocation, checkOpen, isNamed, isStaff, maxVotes, phaseAt, resultsVisible, voteCost,
  voterClassFor, type BallotRules,
} from './ballots.js';
import { checkChange, checkSchedule } from './ballotSettings.js';
import { Refusal } from './refusal.js';

function ballot(extra: Partial<BallotRules> = {}): BallotRules {
  return {
    budget: 100, allowAgainst: false, proposalIds: ['parks', 'buses', 'homes'], privacy: 'anonymous', results: 'live',
    voters: { accounts: true, codes: false, guests: false }, opensAt: '2030-01-01T10:00:00.000Z', closesAt: '2030-01-01T12:00:00.000Z',
    firstCastAt: null, ...extra,
  };
}

function refusal(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(Refusal);
    return { code: (err as Refusal).code, message: (err as Refusal).message };
  }
  throw new Error('expected a refusal');
}

const at = (iso: string) => new Date(iso);

describe('the cost of votes', () => {
  it('is n^2 per proposal, for or against', () => {
    expect([0, 1, 2, 3, 10, -1, -4].map(voteCost)).toEqual([0, 1, 4, 9, 100, 1, 16]);
  });

  it('adds up over the proposals (3 + 4 + 5 votes: 9 + 16 + 25 = 50 credits)', () => {
    expect(allocationCost({ parks: 3, buses: 4, homes: 5 })).toBe(50);
    expect(allocationCost({ parks: 7, buses: -7 })).toBe(98);
    expect(allocationCost({})).toBe(0);
  });

  it('caps one proposal at floor(sqrt(budget)) votes', () => {
    expect([1, 3, 4, 99, 100, 101, 10_000].map(maxVotes)).toEqual([1, 1, 2, 9, 10, 10, 100]);
  });
});

describe('checking an allocation against the budget', () => {
  it('takes an allocation that spends the budget exactly (6^2 + 8^2 = 100) and drops zeros', () => {
    expect(checkAllocation(ballot(), { parks: 6, buses: 8, homes: 0 })).toEqual({ votes: { parks: 6, buses: 8 }, cost: 100 });
  });

  it('refuses a forged over-budget change with INVALID_INPUT and a sentence naming the cost and budget', () => {
    // 6^2 + 8^2 + 1^2 = 101 > 100.
    expect(refusal(() => checkAllocation(ballot(), { parks: 6, buses: 8, homes: 1 }))).toEqual({
      code: ErrorCode.INVALID_INPUT,
      message: 'That allocation costs 101 voice credits, but the budget is 100. Take some votes off first.',
    });
    // 11 votes on one proposal alone: 121.
    expect(refusal(() => checkAllocation(ballot(), { parks: 11 })).message).toMatch(/costs 121 voice credits, but the budget is 100/);
    // A budget of 10: 2^2 + 2^2 + 2^2 = 12.
    expect(refusal(() => checkAllocation(ballot({ budget: 10 }), { parks: 2, buses: 2, homes: 2 })).message).toMatch(/costs 12 .* budget is 10/);
  });

  it('refuses votes against unless the ballot takes them, and counts their cost the same', () => {
    expect(refusal(() => checkAllocation(ballot(), { parks: -1 }))).toEqual({ code: ErrorCode.INVALID_INPUT, message: 'This ballot does not take votes against a proposal.' });
    expect(checkAllocation(ballot({ allowAgainst: true }), { parks: -6, buses: 8 })).toEqual({ votes: { parks: -6, buses: 8 }, cost: 100 });
    expect(refusal(() => checkAllocation(ballot({ allowAgainst: true }), { parks: -9, buses: 5 })).message).toMatch(/costs 106/);
  });

  it('refuses proposals not on the ballot and votes that are not whole numbers', () => {
    expect(refusal(() => checkAllocation(ballot(), { trams: 1 })).code).toBe(ErrorCode.INVALID_INPUT);
    expect(refusal(() => checkAllocation(ballot(), { parks: 1.5 })).message).toBe('Votes are whole numbers.');
    expect(refusal(() => checkAllocation(ballot(), { parks: Number.NaN })).message).toBe('Votes are whole numbers.');
    expect(refusal(() => checkAllocation(ballot(), Object.fromEntries([['__proto__', 1]]) as Record<string, number>)).code).toBe(ErrorCode.INVALID_INPUT);
  });
});

describe('the voting window', () => {
  it('is scheduled before opening, open from the opening time, closed from the closing time', () => {
    const b = ballot();
    expect(phaseAt(b, at('2030-01-01T09:59:59.999Z'))).toBe('scheduled');
    expect(phaseAt(b, at('2030-01-01T10:00:00.000Z'))).toBe('open');
    expect(phaseAt(b, at('2030-01-01T11:59:59.999Z'))).toBe('open');
    expect(phaseAt(b, at('2030-01-01T12:00:00.000Z'))).toBe('closed');
    expect(phaseAt(ballot({ opensAt: null, closesAt: null }), at('2099-01-01T00:00:00Z'))).toBe('scheduled');
    expect(phaseAt(ballot({ closesAt: null }), at('2099-01-01T00:00:00Z'))).toBe('open');
  });

  it('takes changes only while open (CONFLICT before and after)', () => {
    expect(() => checkOpen(ballot(), at('2030-01-01T11:00:00Z'))).not.toThrow();
    expect(refusal(() => checkOpen(ballot(), at('2030-01-01T09:00:00Z')))).toEqual({ code: ErrorCode.CONFLICT, message: 'This ballot opens at 2030-01-01T10:00:00.000Z; votes are taken from then.' });
    expect(refusal(() => checkOpen(ballot({ opensAt: null }), at('2030-01-01T09:00:00Z'))).message).toMatch(/not open yet/);
    expect(refusal(() => checkOpen(ballot(), at('2030-01-01T12:00:00Z'))).message).toMatch(/has closed/);
  });

  it('shows live results at once and after-close results only once closed', () => {
    expect(resultsVisible(ballot(), at('2030-01-01T11:00:00Z'))).toBe(true);
    expect(resultsVisible(ballot({ results: 'after-close' }), at('2030-01-01T11:00:00Z'))).toBe(false);
    expect(resultsVisible(ballot({ results: 'after-close' }), at('2030-01-01T12:00:00Z'))).toBe(true);
  });
});

describe('changing a ballot', () => {
  const before = at('2030-01-01T09:00:00Z');
  const during = at('2030-01-01T11:00:00Z');
  const after = at('2030-01-01T13:00:00Z');

  it('locks privacy, proposals, budget, votes against and voters once the first ballot is cast', () => {
    const cast = ballot({ firstCastAt: '2030-01-01T10:05:00.000Z' });
    expect(refusal(() => checkChange(cast, { privacy: 'named' }, during))).toEqual({ code: ErrorCode.CONFLICT, message: 'The privacy mode is locked: the first ballot has been cast.' });
    expect(refusal(() => checkChange(cast, { budget: 50 }, during)).code).toBe(ErrorCode.CONFLICT);
    expect(refusal(() => checkChange(cast, { allowAgainst: true }, during)).code).toBe(ErrorCode.CONFLICT);
    expect(refusal(() => checkChange(cast, { proposals: [] }, during)).code).toBe(ErrorCode.CONFLICT);
    expect(refusal(() => checkChange(cast, { voters: { accounts: true, codes: true, guests: true } }, during)).code).toBe(ErrorCode.CONFLICT);
    // Before the first ballot, all of them may change.
    expect(checkChange(ballot(), { privacy: 'named', budget: 50, allowAgainst: true }, during)).toEqual({});
  });

  it('opens now and closes now, once each', () => {
    const unscheduled = ballot({ opensAt: null, closesAt: null });
    expect(checkChange(unscheduled, { phase: 'open' }, before)).toEqual({ opensAt: '2030-01-01T09:00:00.000Z' });
    expect(refusal(() => checkChange(ballot(), { phase: 'open' }, during))).toEqual({ code: ErrorCode.CONFLICT, message: 'This ballot is already open.' });
    expect(checkChange(ballot(), { phase: 'closed' }, during)).toEqual({ closesAt: '2030-01-01T11:00:00.000Z' });
    expect(refusal(() => checkChange(ballot(), { phase: 'open' }, after)).message).toMatch(/cannot be opened again/);
    expect(refusal(() => checkChange(ballot(), { phase: 'closed' }, after)).code).toBe(ErrorCode.CONFLICT);
    // Closing one that never opened opens and closes it at the same moment (no votes).
    expect(checkChange(unscheduled, { phase: 'closed' }, before)).toEqual({ opensAt: '2030-01-01T09:00:00.000Z', closesAt: '2030-01-01T09:00:00.000Z' });
  });

  it('keeps times in order and refuses moving the opening of an open ballot', () => {
    expect(refusal(() => checkChange(ballot(), { closesAt: '2030-01-01T09:30:00Z' }, before)).code).toBe(ErrorCode.INVALID_INPUT);
    expect(refusal(() => checkChange(ballot(), { opensAt: '2030-01-01T10:30:00Z' }, during)).code).toBe(ErrorCode.CONFLICT);
    expect(refusal(() => checkChange(ballot(), { closesAt: '2030-01-01T10:30:00Z' }, during)).message).toMatch(/in the future/);
    expect(checkChange(ballot(), { closesAt: '2030-01-01T14:00:00+01:00' }, during)).toEqual({ closesAt: '2030-01-01T13:00:00.000Z' });
  });

  it('checks the times of a new ballot the same way', () => {
    expect(checkSchedule(null, null, during)).toEqual({ opensAt: null, closesAt: null });
    expect(checkSchedule('2030-01-01T12:00:00+01:00', '2030-01-01T12:00:00Z', during)).toEqual({ opensAt: '2030-01-01T11:00:00.000Z', closesAt: '2030-01-01T12:00:00.000Z' });
    expect(refusal(() => checkSchedule(null, '2030-01-01T10:00:00Z', during)).message).toMatch(/in the future/);
  });
});

describe('who may vote, and whose ballot is named', () => {
  const none = { cast: null, hasCode: false };

  it('counts accounts as accounts, code holders as codes and guests as guests, when the ballot allows each', () => {
    expect(voterClassFor({ ...none, accountId: 'a1' }, { accounts: true, codes: false, guests: false })).toBe('account');
    expect(voterClassFor({ ...none, accountId: null, hasCode: true }, { accounts: true, codes: true, guests: false })).toBe('code');
    expect(voterClassFor({ ...none, accountId: 'a1', hasCode: true }, { accounts: false, codes: true, guests: false })).toBe('code');
    expect(voterClassFor({ ...none, accountId: null }, { accounts: false, codes: false, guests: true })).toBe('guest');
  });

  it('refuses with NOT_ALLOWED and says what is needed', () => {
    expect(refusal(() => voterClassFor({ ...none, accountId: null }, { accounts: true, codes: false, guests: false })))
      .toEqual({ code: ErrorCode.NOT_ALLOWED, message: 'Only people signed in with an account may vote on this ballot.' });
    expect(refusal(() => voterClassFor({ ...none, accountId: 'a1' }, { accounts: false, codes: true, guests: true })).message).toMatch(/needs a ballot code/);
    expect(refusal(() => voterClassFor({ ...none, accountId: 'a1' }, { accounts: false, codes: false, guests: true })).message).toMatch(/Only guests/);
  });

  it('keeps the class of someone who has cast a ballot (a code is used once; changes need no new one)', () => {
    expect(voterClassFor({ accountId: null, cast: 'code', hasCode: false }, { accounts: false, codes: true, guests: false })).toBe('code');
  });

  it('names staff ballots always, and everyone on a named ballot', () => {
    expect(isNamed('anonymous', false)).toBe(false);
    expect(isNamed('anonymous', true)).toBe(true);
    expect(isNamed('named', false)).toBe(true);
    expect(isStaff([{ role: 'host', spaceId: 'townhall' }], 'townhall')).toBe(true);
    expect(isStaff([{ role: 'curator', spaceId: 'hall-1' }], 'townhall')).toBe(false);
    expect(isStaff([{ role: 'admin', spaceId: null }], 'townhall')).toBe(true);
    expect(isStaff([{ role: 'moderator', spaceId: null }], 'plaza')).toBe(true);
    expect(isStaff([], 'townhall')).toBe(false);
  });
});
