import type { QuestionAction } from '../../shared/protocol/townhall.js';
import { containsListedWord, wordsOf } from './text.js';

export type QuestionStateName = 'pending' | 'approved' | 'answering' | 'answered' | 'dismissed';

/**
 * The moderation state machine: pending -> approved -> answering -> answered, or dismissed
 * from pending or approved. `edit` changes the text of a pending or approved question.
 * Answering again a question already answered is allowed (a follow-up).
 */
export const QUESTION_MOVES: Record<QuestionAction, { from: readonly QuestionStateName[]; to: QuestionStateName | null }> = {
  approve: { from: ['pending'], to: 'approved' },
  dismiss: { from: ['pending', 'approved'], to: 'dismissed' },
  answer: { from: ['approved', 'answered'], to: 'answering' },
  answered: { from: ['answering'], to: 'answered' },
  edit: { from: ['pending', 'approved'], to: null },
};

/** States everyone can see (the rest only moderators, and the author). */
export const PUBLIC_QUESTION_STATES: readonly QuestionStateName[] = ['approved', 'answering', 'answered'];

/** The text folded for duplicate detection: same words in the same order, whatever the case, accents or punctuation. */
export function normalizeQuestion(text: string): string {
  return wordsOf(text).join(' ');
}

/** Whether a question goes to the moderators flagged (it contains a listed word). */
export function isFlagged(text: string, flagWords: readonly string[]): boolean {
  return containsListedWord(text, flagWords);
}

/** Where a new question starts: approved at once only when the event allows it and it is not flagged. */
export function initialState(autoApprove: boolean, flagged: boolean): 'pending' | 'approved' {
  return autoApprove && !flagged ? 'approved' : 'pending';
}

/** "account:<id>" or "guest:<session id>": the identity that asks and votes (one vote each). */
export function identityKey(identity: { accountId: string | null; sessionId: string }): string {
  return identity.accountId ? `account:${identity.accountId}` : `guest:${identity.sessionId}`;
}
