import { schema, type SchemaType } from '@colyseus/schema';

/**
 * The town hall's live state, as every client sees it. Written only by the server; what only
 * moderators or one person may see (the moderation queue, one's own pending questions) travels
 * in messages instead.
 */

/** The event this town hall is showing: the live one, else the next scheduled, else the last. */
export const EventState = schema({
  id: 'string',
  title: 'string',
  description: 'string',
  /** 'none' (no event), 'scheduled', 'live' or 'ended'. */
  state: 'string',
  /** Milliseconds since the epoch; 0 when not set. */
  startsAt: 'float64',
  startedAt: 'float64',
  endedAt: 'float64',
  /** The host's closing note, shown on the stage screen once the event has ended ('' for none). */
  thanks: 'string',
}, 'EventState');
export type EventState = SchemaType<typeof EventState>;

/** A question everyone may see: approved, being answered, or answered. */
export const QuestionState = schema({
  id: 'string',
  text: 'string',
  /** The asker's display name, or '' when they asked anonymously. */
  author: 'string',
  votes: 'uint32',
  /** 'approved', 'answering' or 'answered'. */
  state: 'string',
  approvedAt: 'float64',
}, 'QuestionState');
export type QuestionState = SchemaType<typeof QuestionState>;

/** Who holds the floor microphone, and until when. */
export const FloorState = schema({
  /** The holder's session id in this room; '' when nobody holds it. */
  holder: 'string',
  name: 'string',
  /** Milliseconds since the epoch when the turn ends. */
  endsAt: 'float64',
}, 'FloorState');
export type FloorState = SchemaType<typeof FloorState>;

/** A hand raised in another section of the event (moderators call it from any section). */
export const HandElsewhere = schema({
  name: 'string',
  /** When it went up (ms since the epoch; lower raised first), comparable with the avatars' hands here. */
  hand: 'float64',
  section: 'uint8',
}, 'HandElsewhere');
export type HandElsewhere = SchemaType<typeof HandElsewhere>;

export const HallState = schema({
  event: EventState,
  questions: { map: QuestionState },
  /** The id of the question being answered ('' for none): the stage screen shows it. */
  answering: 'string',
  floor: FloorState,
  /**
   * Who may speak to the room right now (session ids): hosts and moderators standing on the
   * stage, and the floor-mic holder. Voice turns this into publish grants.
   */
  speakers: ['string'],
  /** People in the room (connected). */
  present: 'uint16',
  /** This room's section of the event (1 holds the stage; 0 before it is known). */
  section: 'uint8',
  /** Sections of the event open now, on every process. */
  sections: 'uint8',
  /** Everyone attending the event, over every section (refreshed every few seconds). */
  attending: 'uint32',
  /** Hands raised in the event's other sections, by session id. */
  handsElsewhere: { map: HandElsewhere },
  /** The section whose floor mic `floor` describes: 0 for this one. */
  floorSection: 'uint8',
}, 'HallState');
export type HallState = SchemaType<typeof HallState>;
