import type { QuestionAction } from '../../shared/protocol/townhall.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';
import { containsListedWord, wordsOf } from './text.js';

export type QuestionStateName = 'pending' | 'approved' | 'answering' | 'answered' | 'dismissed';

/**
 * The moderation state machine: pending -> approved -> answering -> answered, or dismissed
 * from pending or approved. `edit` changes the text of a pending or approved question; `merge`
 * folds a pending or approved duplicate into the question it repeats (see mergeInto).
 * Answering again a question already answered is allowed (a follow-up).
 */
export const QUESTION_MOVES: Record<QuestionAction, { from: readonly QuestionStateName[]; to: QuestionStateName | null }> = {
  approve: { from: ['pending'], to: 'approved' },
  dismiss: { from: ['pending', 'approved'], to: 'dismissed' },
  answer: { from: ['approved', 'answered'], to: 'answering' },
  answered: { from: ['answering'], to: 'answered' },
  edit: { from: ['pending', 'approved'], to: null },
  merge: { from: ['pending', 'approved'], to: 'dismissed' },
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

/**
 * Whether a change to a public question goes into the room state at once: what the stage screen
 * shows (the question being answered, and the one it was until now). Everything else (approvals,
 * edits, merges, dismissals, vote counts) waits for the hall's next batch, a few times a second:
 * in a crowd these change every tick, and each change was a patch, a write to every socket.
 */
export function showsAtOnce(question: { id: string; state: QuestionStateName }, answering: string): boolean {
  return question.state === 'answering' || (answering !== '' && question.id === answering);
}

/** A change to the list everyone sees goes out at once at most this often; the rest waits for the batch. */
export const LIST_AT_ONCE_EVERY_MS = 100;

/**
 * Whether a change alters which questions the public list holds or what state one is in (a
 * moderator approved, dismissed, merged, answered): worth sending at once, unlike a vote count
 * or an edit. `shown`: the question's state in the list now (undefined when it is not in it).
 */
export function changesTheList(shown: QuestionStateName | undefined, next: QuestionStateName): boolean {
  const public_ = PUBLIC_QUESTION_STATES.includes(next);
  return shown === undefined ? public_ : shown !== next;
}

/** States in which a question takes votes. */
export const VOTABLE_STATES: readonly QuestionStateName[] = ['approved', 'answering'];

/** The event taking questions and votes: one that exists and has not ended. */
export function openEventId(event: { id: string; state: string } | undefined): string {
  if (!event || event.state === 'ended') throw new Refusal(ErrorCode.CONFLICT, 'There is no event taking questions here right now.');
  return event.id;
}

/** Muted people neither ask nor react. */
export function checkNotMuted(muted: boolean): void {
  if (muted) throw new Refusal(ErrorCode.NOT_ALLOWED, 'A moderator has muted your questions and reactions here.');
}

/** A vote goes to a question of this event that is open for votes. */
export function checkVotable(question: { eventId: string; state: QuestionStateName } | undefined, eventId: string): void {
  if (!question || question.eventId !== eventId || !VOTABLE_STATES.includes(question.state)) {
    throw new Refusal(ErrorCode.NOT_FOUND, 'That question is not open for votes.');
  }
}

/** A moderator's action on a question: allowed from the states QUESTION_MOVES lists. */
export function checkMove(question: { eventId: string; state: QuestionStateName } | undefined, eventId: string | undefined, action: QuestionAction): { from: readonly QuestionStateName[]; to: QuestionStateName | null } {
  if (!question || question.eventId !== eventId) throw new Refusal(ErrorCode.NOT_FOUND, 'There is no such question at this event.');
  const move = QUESTION_MOVES[action];
  if (!move.from.includes(question.state)) {
    throw new Refusal(ErrorCode.CONFLICT, `That question is ${question.state}; it cannot be ${action === 'answer' ? 'answered now' : `${action}d`}.`);
  }
  return move;
}

/** What the moderator is told after each action. */
export const QUESTION_DONE: Record<QuestionAction, string> = {
  approve: 'Approved: everyone can see it and vote.', dismiss: 'Dismissed.', answer: 'On the stage screen now.',
  answered: 'Marked answered.', edit: 'Edited (the original text is kept).',
  merge: 'Merged: its asker and voters now back the question it repeats.',
};

/** States a question may be merged into: any this event still shows or is deciding on. */
const MERGE_TARGETS: readonly QuestionStateName[] = ['pending', 'approved', 'answering', 'answered'];

/** A duplicate is merged into another question of the same event that is still shown or waiting, never into itself. */
export function checkMergeTarget(from: { id: string; eventId: string }, into: { id: string; eventId: string; state: QuestionStateName } | undefined): void {
  if (!into || into.eventId !== from.eventId || !MERGE_TARGETS.includes(into.state)) {
    throw new Refusal(ErrorCode.NOT_FOUND, 'The question to merge into is not open at this event.');
  }
  if (into.id === from.id) throw new Refusal(ErrorCode.INVALID_INPUT, 'A question cannot be merged into itself.');
}

/**
 * Who backs the merged question afterwards: everyone who voted for the duplicate, and its asker
 * (asking is backing, as when a duplicate is asked again), each once; the target's own asker
 * does not vote for their own question.
 */
export function mergeVoters(duplicate: { authorKey: string; voters: readonly string[] }, target: { authorKey: string; voters: readonly string[] }): string[] {
  const have = new Set(target.voters);
  const out: string[] = [];
  for (const key of [duplicate.authorKey, ...duplicate.voters]) {
    if (key === target.authorKey || have.has(key)) continue;
    have.add(key);
    out.push(key);
  }
  return out;
}

/** The asker's acknowledgement: where their question went. */
export function askAck(state: 'pending' | 'approved' | 'duplicate' | 'duplicate-voted'): string {
  switch (state) {
    case 'approved': return 'Your question is up for everyone to see and vote on.';
    case 'pending': return 'Your question went to the moderators; you will see it here once it is approved.';
    case 'duplicate': return 'Someone has already asked this; your vote was added to their question.';
    case 'duplicate-voted': return 'Someone has already asked this, and you have already voted for it.';
  }
}
