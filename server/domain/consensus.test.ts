import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { checkVotable, isDuplicateStatement, statementOrder, submittedState } from './consensus.js';
import { Refusal } from './refusal.js';

// Votes so far: 9, 2, 4 on statements 0-2; nobody has voted on 5 yet.
const statements = [
  { number: 0, text: 'Night buses.', state: 'accepted' as const, votes: 9 },
  { number: 1, text: 'Free fares.', state: 'accepted' as const, votes: 2 },
  { number: 2, text: 'More trams.', state: 'accepted' as const, votes: 4 },
  { number: 3, text: 'Waiting.', state: 'pending' as const, votes: 0 },
  { number: 4, text: 'Rejected.', state: 'rejected' as const, votes: 0 },
  { number: 5, text: 'Cycle lanes.', state: 'accepted' as const, votes: 0 },
];

describe('consensus rules', () => {
  it('orders statements unvoted first, then less-voted, leaving out my own and unaccepted ones', () => {
    expect(statementOrder(statements, new Map()).map((s) => s.number)).toEqual([5, 1, 2, 0]);
    expect(statementOrder(statements, new Map([[1, 1], [5, 0]])).map((s) => s.number)).toEqual([2, 0]);
  });

  it('lets people vote on accepted statements only, with a reason', () => {
    expect(() => checkVotable(statements, 0)).not.toThrow();
    const refusal = (n: number) => {
      try {
        checkVotable(statements, n);
        return undefined;
      } catch (err) {
        expect(err).toBeInstanceOf(Refusal);
        return (err as Refusal).code;
      }
    };
    expect(refusal(3)).toBe(ErrorCode.CONFLICT);
    expect(refusal(4)).toBe(ErrorCode.CONFLICT);
    expect(refusal(99)).toBe(ErrorCode.NOT_FOUND);
  });

  it('holds visitors\' statements for a moderator, and spots a repeated one', () => {
    expect(submittedState(false)).toBe('pending');
    expect(submittedState(true)).toBe('accepted');
    expect(isDuplicateStatement('night  BUSES!', statements)).toBe(true);
    expect(isDuplicateStatement('Rejected', statements)).toBe(false);
  });
});
