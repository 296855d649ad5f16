import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { isNewerAnalysis } from '../../shared/protocol/consensus.js';
import { checkVotable, isDuplicateStatement, previousGroupsOf, statementOrder, submittedState } from './consensus.js';
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

describe('what one analysis hands the next', () => {
  it("gives each group's label, centre and members (people in no group are left out)", () => {
    const view = {
      groups: [{ id: 0, size: 2, centre: [1, 1] as [number, number], representative: [] }, { id: 2, size: 1, centre: [-1, 0] as [number, number], representative: [] }],
      points: [[0, 1, 1, 0], [1, -1, 0, 2], [2, 1, 1.2, 0], [3, 0, 0, -1]] as [number, number, number, number][],
    };
    expect(previousGroupsOf(view)).toEqual([{ id: 0, centre: [1, 1], members: [0, 2] }, { id: 2, centre: [-1, 0], members: [1] }]);
  });

  it('shows a pushed run only if it is not older than the one shown, per conversation', () => {
    expect(isNewerAnalysis({ conversationId: 'c', run: 3 }, undefined)).toBe(true);
    expect(isNewerAnalysis({ conversationId: 'c', run: 3 }, { conversationId: 'c', run: 4 })).toBe(false);
    expect(isNewerAnalysis({ conversationId: 'c', run: 4 }, { conversationId: 'c', run: 4 })).toBe(true);
    // A new question starts again from run 1.
    expect(isNewerAnalysis({ conversationId: 'd', run: 1 }, { conversationId: 'c', run: 9 })).toBe(true);
  });
});
