import { z } from 'zod';

/**
 * Town hall messages: seats, questions, hands, the floor microphone, reactions, the event's
 * run and moderation. Client -> server messages are intents; their permission actions are in
 * MESSAGE_ACTIONS (messages.ts) and shared/access.ts.
 */

export const QUESTION_MAX = 300;
export const FLOOR_SECONDS_DEFAULT = 90;
export const REACTIONS = ['applause', 'agree', 'disagree', 'laugh'] as const;
export type Reaction = (typeof REACTIONS)[number];

// eslint-disable-next-line no-control-regex -- exactly the characters refused
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u;

export const QuestionText = z.string()
  .transform((s) => s.normalize('NFC').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim())
  .pipe(z.string()
    .min(3, 'Please write your question (at least 3 characters).')
    .max(QUESTION_MAX, `Questions can be at most ${QUESTION_MAX} characters.`)
    .refine((s) => !CONTROL.test(s), 'Questions cannot contain control or invisible characters.'));

const SessionId = z.string().min(1).max(64);
const Reason = z.string().trim().max(200);

export const SitMessage = z.strictObject({ seat: z.number().int().min(0).max(1999) });
export const StandMessage = z.strictObject({});
export const AskMessage = z.strictObject({ text: QuestionText, anonymous: z.boolean().default(false) });
export const VoteMessage = z.strictObject({ id: z.string().min(1).max(64), up: z.boolean() });
export const QuestionAction = z.enum(['approve', 'dismiss', 'answer', 'answered', 'edit', 'merge']);
export type QuestionAction = z.infer<typeof QuestionAction>;
export const ModerateQuestionMessage = z.strictObject({
  id: z.string().min(1).max(64),
  action: QuestionAction,
  /** A moderator's edit (with approve or edit); the original text is kept. */
  text: QuestionText.optional(),
  /** With merge: the question this one repeats (its votes and asker's vote go there). */
  into: z.string().min(1).max(64).optional(),
});
export const HandMessage = z.strictObject({ up: z.boolean() });
export const FloorCallMessage = z.strictObject({
  sessionId: SessionId,
  seconds: z.number().int().min(10).max(900).default(FLOOR_SECONDS_DEFAULT),
});
export const FloorEndMessage = z.strictObject({});
export const FloorExtendMessage = z.strictObject({ seconds: z.number().int().min(-600).max(900).refine((n) => n !== 0, 'Give a number of seconds to add or take away.') });
export const FloorReleaseMessage = z.strictObject({});
export const EventRunMessage = z.strictObject({ action: z.enum(['start', 'end']) });
/** The host's closing words, shown on the stage screen once the event has ended ('' takes them down). */
export const THANKS_MAX = 200;
export const EventThanksMessage = z.strictObject({
  text: z.string().transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(THANKS_MAX, `A closing note can be at most ${THANKS_MAX} characters.`)
      .refine((s) => !CONTROL.test(s), 'A closing note cannot contain control or invisible characters.')),
});
export type EventThanksMessage = z.input<typeof EventThanksMessage>;
export const GoToStageMessage = z.strictObject({});
export const ReactMessage = z.strictObject({ kind: z.enum(REACTIONS) });
export const MuteMessage = z.strictObject({ sessionId: SessionId, muted: z.boolean(), reason: Reason.optional() });
/** Address bans: only when a moderator asks, for 1 to 24 hours (server/domain/moderation.ts). */
export const ADDRESS_BAN_MAX_HOURS = 24;
export const BanMessage = z.strictObject({
  sessionId: SessionId,
  reason: Reason.min(1, 'Give a reason for the ban.'),
  /** Also keep guests from this person's address out for this many hours (1-24); omitted: the person only. */
  addressHours: z.number().int().min(1, 'An address ban lasts 1 to 24 hours.').max(ADDRESS_BAN_MAX_HOURS, 'An address ban lasts 1 to 24 hours.').optional(),
});
export const UnbanMessage = z.strictObject({ id: z.string().min(1).max(64) });

export type AskMessage = z.input<typeof AskMessage>;
export type VoteMessage = z.infer<typeof VoteMessage>;
export type ModerateQuestionMessage = z.input<typeof ModerateQuestionMessage>;
export type FloorCallMessage = z.input<typeof FloorCallMessage>;
export type ReactMessage = z.infer<typeof ReactMessage>;
export type MuteMessage = z.input<typeof MuteMessage>;
export type BanMessage = z.input<typeof BanMessage>;
export type UnbanMessage = z.infer<typeof UnbanMessage>;

/** One ban in force: of a person (for good, until lifted) or of an address (until it expires). */
export interface BanEntry {
  id: string;
  kind: 'person' | 'address';
  /** The name the person had when banned. */
  name: string;
  reason: string;
  createdAt: number;
  /** Address bans: when it ends (ms since epoch); null for a person's ban. */
  expiresAt: number | null;
}

/** To moderators who may ban here, on joining and whenever a ban is added or lifted. */
export interface BanList {
  bans: BanEntry[];
}

/** A question as moderators see it in their queue (with the real author even if anonymous). */
export interface QueuedQuestion {
  id: string;
  text: string;
  /** The text as asked, when a moderator edited it. */
  originalText: string | null;
  author: string;
  anonymous: boolean;
  /** Matched the flag word list. */
  flagged: boolean;
  /** Whether the author is muted. */
  createdAt: number;
  state: 'pending';
}

/** Sent to moderators and hosts whenever the queue changes: pending questions, oldest first. */
export interface ModerationQueue {
  pending: QueuedQuestion[];
  /** Session ids (in this room) of muted people. */
  muted: string[];
}

/** Sent to one person: their questions that others cannot see yet (or were dismissed), and their votes. */
export interface MyQuestions {
  pending: { id: string; text: string; createdAt: number }[];
  dismissed: { id: string; text: string }[];
  /** Ids of questions this person has voted for. */
  votes: string[];
}

/** Aggregated reactions, a few times a second: totals per kind and who (a sample) reacted. */
export interface ReactionBurst {
  counts: Record<Reaction, number>;
  /** Up to a few session ids per kind, for drawing reactions above avatars. */
  from: Record<Reaction, string[]>;
}

/** An answer to an intent that worked, e.g. "your question went to the moderators". */
export interface Ack {
  ref: string;
  id?: string;
  message: string;
}
