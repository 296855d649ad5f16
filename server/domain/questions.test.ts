import { describe, expect, it } from 'vitest';
import { QuestionAction } from '../../shared/protocol/townhall.js';
import { askAck, changesTheList, checkMergeTarget, checkMove, checkNotMuted, checkVotable, identityKey, initialState, isFlagged, mergeVoters, normalizeQuestion, openEventId, PUBLIC_QUESTION_STATES, QUESTION_DONE, QUESTION_MOVES, type QuestionStateName, showsAtOnce, VOTABLE_STATES } from './questions.js';

const STATES: QuestionStateName[] = ['pending', 'approved', 'answering', 'answered', 'dismissed'];

describe('the question state machine', () => {
  it('allows exactly these moves', () => {
    const allowed = QuestionAction.options.flatMap((action) => STATES.filter((from) => QUESTION_MOVES[action].from.includes(from)).map((from) => `${action}: ${from} -> ${QUESTION_MOVES[action].to ?? from}`));
    expect(allowed.sort()).toEqual([
      'answer: answered -> answering',
      'answer: approved -> answering',
      'answered: answering -> answered',
      'approve: pending -> approved',
      'dismiss: approved -> dismissed',
      'dismiss: pending -> dismissed',
      'edit: approved -> approved',
      'edit: pending -> pending',
      'merge: approved -> dismissed',
      'merge: pending -> dismissed',
    ]);
  });

  it('never leaves dismissed, and shows the public states only', () => {
    for (const action of QuestionAction.options) expect(QUESTION_MOVES[action].from).not.toContain('dismissed');
    expect([...PUBLIC_QUESTION_STATES].sort()).toEqual(['answered', 'answering', 'approved']);
  });

  it('puts only the stage screen\'s changes into the room state at once; the rest wait for the batch', () => {
    // The question going on the stage screen, and the one leaving it.
    expect(showsAtOnce({ id: 'q2', state: 'answering' }, 'q1')).toBe(true);
    expect(showsAtOnce({ id: 'q1', state: 'answered' }, 'q1')).toBe(true);
    expect(showsAtOnce({ id: 'q1', state: 'answering' }, '')).toBe(true);
    // Approvals, answered ones off the screen, dismissals, pending edits: with the next batch.
    for (const state of ['approved', 'answered', 'dismissed', 'pending'] as const) {
      expect(showsAtOnce({ id: 'q3', state }, 'q1'), state).toBe(false);
      expect(showsAtOnce({ id: 'q3', state }, ''), state).toBe(false);
    }
  });

  it('starts approved only when the event approves by itself and the question is not flagged', () => {
    expect(initialState(true, false)).toBe('approved');
    expect(initialState(true, true)).toBe('pending');
    expect(initialState(false, false)).toBe('pending');
    expect(initialState(false, true)).toBe('pending');
  });
});

describe('folding questions', () => {
  it('treats case, accents, punctuation, spacing and full-width letters alike (duplicates)', () => {
    const folded = normalizeQuestion('Will the new bus lanes reach the east side?');
    for (const variant of ['will the NEW bus-lanes reach the east side', '  Will the new bus lanes... reach the EAST side?!', 'Wíll thé new bus lanes reach the east side', 'Ｗｉｌｌ the new bus lanes reach the east side?']) {
      expect(normalizeQuestion(variant), variant).toBe(folded);
    }
    expect(normalizeQuestion('Will the new bus lanes reach the west side?')).not.toBe(folded);
    expect(normalizeQuestion('Will the lanes new bus reach the east side?')).not.toBe(folded);
  });

  it('flags whole listed words, whatever their case or accents, and not words that merely contain them', () => {
    const words = ['bribe', 'scandal'];
    expect(isFlagged('Who took the BRIBE?', words)).toBe(true);
    expect(isFlagged('What about the scandál?', words)).toBe(true);
    expect(isFlagged('b.r.i.b.e', words)).toBe(true);
    expect(isFlagged('Who took the bribes?', words)).toBe(false);
    expect(isFlagged('Nothing to see here', words)).toBe(false);
    expect(isFlagged('Who took the bribe?', [])).toBe(false);
  });

  it('keys people by account across devices, guests by session', () => {
    expect(identityKey({ accountId: 'a1', sessionId: 's1' })).toBe('account:a1');
    expect(identityKey({ accountId: 'a1', sessionId: 's2' })).toBe('account:a1');
    expect(identityKey({ accountId: null, sessionId: 's3' })).toBe('guest:s3');
  });
});

describe('who may ask, vote and moderate', () => {
  it('takes questions and votes while an event exists and has not ended', () => {
    expect(openEventId({ id: 'e', state: 'scheduled' })).toBe('e');
    expect(openEventId({ id: 'e', state: 'live' })).toBe('e');
    expect(() => openEventId({ id: 'e', state: 'ended' })).toThrow(/no event taking questions/);
    expect(() => openEventId(undefined)).toThrow(/no event taking questions/);
    expect(() => checkNotMuted(true)).toThrow(/muted/);
    expect(() => checkNotMuted(false)).not.toThrow();
  });

  it('takes votes only on approved and answering questions of this event', () => {
    expect([...VOTABLE_STATES].sort()).toEqual(['answering', 'approved']);
    for (const state of STATES) {
      const verdict = () => checkVotable({ eventId: 'e', state }, 'e');
      if (VOTABLE_STATES.includes(state)) expect(verdict).not.toThrow();
      else expect(verdict).toThrow(/not open for votes/);
    }
    expect(() => checkVotable({ eventId: 'other', state: 'approved' }, 'e')).toThrow(/not open for votes/);
    expect(() => checkVotable(undefined, 'e')).toThrow(/not open for votes/);
  });

  it('refuses a moderator move from the wrong state (CONFLICT) or at another event (NOT_FOUND)', () => {
    expect(checkMove({ eventId: 'e', state: 'pending' }, 'e', 'approve').to).toBe('approved');
    expect(() => checkMove({ eventId: 'e', state: 'answered' }, 'e', 'approve')).toThrow(/it cannot be approved/);
    expect(() => checkMove({ eventId: 'e', state: 'pending' }, 'e', 'answer')).toThrow(/cannot be answered now/);
    expect(() => checkMove({ eventId: 'x', state: 'pending' }, 'e', 'approve')).toThrow(/no such question/);
    for (const action of QuestionAction.options) expect(QUESTION_DONE[action].length).toBeGreaterThan(0);
    expect(askAck('pending')).toMatch(/moderators/);
  });
});

describe('merging a duplicate', () => {
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return (err as { code?: string }).code;
    }
    return 'none';
  };

  it('goes into another question of the same event that is waiting or shown, never itself or a dismissed one', () => {
    const from = { id: 'q1', eventId: 'e1' };
    for (const state of ['pending', 'approved', 'answering', 'answered'] as const) {
      expect(code(() => checkMergeTarget(from, { id: 'q2', eventId: 'e1', state }))).toBe('none');
    }
    expect(code(() => checkMergeTarget(from, { id: 'q2', eventId: 'e1', state: 'dismissed' }))).toBe('NOT_FOUND');
    expect(code(() => checkMergeTarget(from, { id: 'q2', eventId: 'e2', state: 'approved' }))).toBe('NOT_FOUND');
    expect(code(() => checkMergeTarget(from, undefined))).toBe('NOT_FOUND');
    expect(code(() => checkMergeTarget(from, { id: 'q1', eventId: 'e1', state: 'approved' }))).toBe('INVALID_INPUT');
  });

  it("adds the duplicate's asker and voters to the target once each, never its own asker", () => {
    const duplicate = { authorKey: 'guest:cy', voters: ['guest:di', 'account:a1', 'guest:bo', 'guest:di'] };
    const target = { authorKey: 'guest:bo', voters: ['guest:di'] };
    expect(mergeVoters(duplicate, target)).toEqual(['guest:cy', 'account:a1']);
    // The target's asker asking the duplicate too: nothing to add for them.
    expect(mergeVoters({ authorKey: 'guest:bo', voters: [] }, target)).toEqual([]);
  });
});

describe('changesTheList', () => {
  it('is a change to the public list when a question enters it, leaves it or changes state, not when only its votes or text change', () => {
    expect(changesTheList(undefined, 'approved')).toBe(true);
    expect(changesTheList(undefined, 'pending')).toBe(false);
    expect(changesTheList(undefined, 'dismissed')).toBe(false);
    expect(changesTheList('approved', 'dismissed')).toBe(true);
    expect(changesTheList('approved', 'answering')).toBe(true);
    expect(changesTheList('answering', 'answered')).toBe(true);
    expect(changesTheList('approved', 'approved')).toBe(false);
  });
});
