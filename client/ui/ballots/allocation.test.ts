import { describe, expect, it } from 'vitest';
import { codeField, creditsSpent, sameVotes, stepVotes, votesLine } from './allocation.js';

describe('the allocation panel arithmetic', () => {
  it('costs n^2 per proposal and adds up', () => {
    expect(creditsSpent({ a: 3, b: -4 })).toBe(25);
    expect(creditsSpent({})).toBe(0);
  });

  it('adds and takes votes within the budget only', () => {
    // 6^2 + 8^2 = 100: a ninth vote on b would cost 17 more.
    expect(stepVotes({ a: 6, b: 7 }, 'b', 1, 100, false)).toEqual({ a: 6, b: 8 });
    expect(stepVotes({ a: 6, b: 8 }, 'b', 1, 100, false)).toBeNull();
    expect(stepVotes({ a: 1 }, 'a', -1, 100, false)).toEqual({});
    expect(stepVotes({}, 'a', -1, 100, false)).toBeNull();
    expect(stepVotes({}, 'a', -1, 100, true)).toEqual({ a: -1 });
  });

  it('compares allocations and says them in words', () => {
    expect(sameVotes({ a: 1, b: 0 }, { a: 1 })).toBe(true);
    expect(sameVotes({ a: 1 }, { a: 2 })).toBe(false);
    expect([0, 1, 3, -2].map(votesLine)).toEqual(['No votes', '1 vote for, 1 credit', '3 votes for, 9 credits', '2 votes against, 4 credits']);
  });

  it('asks for a ballot code where it is needed, offers one to guests where guests vote apart, and never after a ballot is cast', () => {
    const voters = (accounts: boolean, codes: boolean, guests: boolean) => ({ voters: { accounts, codes, guests } });
    const fresh = { needsCode: false, voterClass: null };
    expect(codeField(voters(false, true, false), { needsCode: true, voterClass: null }, false)).toBe('required');
    expect(codeField(voters(true, true, true), fresh, false)).toBe('optional');
    expect(codeField(voters(false, true, true), fresh, true)).toBe('optional');
    expect(codeField(voters(true, true, true), fresh, true)).toBe('no');
    expect(codeField(voters(true, true, true), { needsCode: false, voterClass: 'guest' }, false)).toBe('no');
    expect(codeField(voters(true, false, true), fresh, false)).toBe('no');
    expect(codeField(voters(true, true, false), undefined, false)).toBe('no');
  });
});
