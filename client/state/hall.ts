import { create } from 'zustand';
import { useUi } from './ui.js';
import type { BanEntry, ModerationQueue, MyQuestions, Reaction } from '../../shared/protocol/townhall.js';

/**
 * The town hall as the overlays and the stage screen show it: a plain copy of the room's `hall`
 * state (rebuilt by net/townhall.ts at most once per patch, never per frame) plus the messages
 * only this person receives (the moderation queue, their own questions) and the answers to
 * their intents.
 */

export type EventPhase = 'none' | 'scheduled' | 'live' | 'ended';
export type QuestionPhase = 'approved' | 'answering' | 'answered';

export interface HallEvent {
  id: string;
  title: string;
  description: string;
  state: EventPhase;
  /** Milliseconds since the epoch; 0 when not set. */
  startsAt: number;
  startedAt: number;
  endedAt: number;
  /** The host's closing note, shown once the event has ended ('' for none). */
  thanks: string;
}

export interface HallQuestion {
  id: string;
  text: string;
  /** '' when asked anonymously. */
  author: string;
  votes: number;
  state: QuestionPhase;
  approvedAt: number;
}

export interface HallFloor {
  /** Session id of whoever holds the floor microphone; '' for nobody. */
  holder: string;
  name: string;
  endsAt: number;
}

/** What became of an intent: the server's Ack sentence, or its refusal. */
export interface IntentResult {
  ok: boolean;
  text: string;
  /** The id the Ack named (a new question's id), if any. */
  id?: string;
  /** Bumped for every answer, so the same sentence twice still shows as new. */
  serial: number;
}

/** Reactions added up over the last few bursts, for a moment in the HUD. */
export interface ReactionTotals {
  counts: Record<Reaction, number>;
  /** performance.now() of the latest burst. */
  at: number;
}

export interface HallView {
  /** True in a town hall (the room has hall state); false everywhere else. */
  active: boolean;
  event: HallEvent;
  /** Approved, answering and answered questions (the ones everyone may see). */
  questions: HallQuestion[];
  /** The id of the question being answered, or ''. */
  answering: string;
  floor: HallFloor;
  /** Session ids of who may speak to the room now. */
  speakers: string[];
  present: number;
  /** This room's section of the event, how many are open, and everyone attending in all. */
  section: number;
  sections: number;
  attending: number;
  /** Hands raised in the event's other sections (session id, name, order, section). */
  handsElsewhere: { id: string; name: string; hand: number; section: number }[];
  /** The section whose floor mic `floor` describes: 0 for this one. */
  floorSection: number;
  /** The last moderation queue (moderators and hosts only). */
  queue: ModerationQueue | null;
  /** The bans in force in this space (to those who may ban). */
  bans: BanEntry[];
  /** The last word on this person's own questions and votes. */
  mine: MyQuestions | null;
  reactions: ReactionTotals | null;
  /** The latest answer to each kind of intent (keyed by message type). */
  results: Partial<Record<string, IntentResult>>;
}

export const NO_EVENT: HallEvent = { id: '', title: '', description: '', state: 'none', startsAt: 0, startedAt: 0, endedAt: 0, thanks: '' };
const NO_FLOOR: HallFloor = { holder: '', name: '', endsAt: 0 };

function empty(): HallView {
  return {
    active: false, event: NO_EVENT, questions: [], answering: '', floor: NO_FLOOR, speakers: [], present: 0, section: 0, sections: 0, attending: 0, handsElsewhere: [], floorSection: 0,
    queue: null, bans: [], mine: null, reactions: null, results: {},
  };
}

/** Reactive town hall state: read with selectors in components and the stage screen; written by net/. */
export const useHall = create<HallView>(() => empty());

/** Forget everything about the last town hall (on joining any space). */
export function resetHall(): void {
  useHall.setState(empty(), true);
}

let serial = 0;

/** Record the answer to an intent of type `ref`. */
export function noteResult(ref: string, ok: boolean, text: string, id?: string): void {
  serial += 1;
  const result: IntentResult = id === undefined ? { ok, text, serial } : { ok, text, id, serial };
  useHall.setState((s) => ({ results: { ...s.results, [ref]: result } }));
}

/** The question being answered, if any. */
export function answeringQuestion(s: Pick<HallView, 'questions' | 'answering'>): HallQuestion | undefined {
  return s.answering ? s.questions.find((q) => q.id === s.answering) : undefined;
}

/** We hold the floor mic now (our session id is the holder's). */
export function useHoldsFloor(): boolean {
  const selfId = useUi((s) => s.selfId);
  return useHall((s) => s.floor.holder !== '' && s.floor.holder === selfId);
}
