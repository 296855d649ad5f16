import type { z } from 'zod';
import type { ClientMessage } from '../../shared/protocol/messages.js';
import type { EventState, HallState } from '../../shared/schema/Hall.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import type { FloorTurn } from '../domain/floorMic.js';
import type { SectionOrderDraft } from '../domain/sectionOrders.js';
import type { Reaction } from '../../shared/protocol/townhall.js';
import type { RoomLimiters } from '../domain/rateLimits.js';
import type { SeatPlan } from '../domain/seats.js';
import type { Logger } from '../log.js';
import type { Event } from '../store/events.js';
import type { Repos } from '../store/repos.js';
import type { Occupant } from './occupant.js';

/** What the town hall needs from the room it lives in. */
export interface HallHost {
  readonly roomId: string;
  readonly layout: SpaceLayout;
  readonly hall: HallState;
  readonly occupants: ReadonlyMap<string, Occupant>;
  /** Where the figures standing here for people in the event's other sections are (roomStage.ts). */
  figures(): { x: number; z: number }[];
  send(sessionId: string, type: string, payload: unknown): void;
  broadcast(type: string, payload: unknown): void;
  /**
   * A banned person goes: every connection of theirs here ends for good (close code REMOVED, a
   * fixed "CODE: sentence" reason), and every other instance of the space, on any process, is told.
   */
  showOutBanned(identity: Occupant['identity']): void;
  /** Committed question changes, told to the event's other sections (on any process). */
  questionsChanged(eventId: string, ids: readonly string[], keys: readonly string[]): void;
  /** The event was started, ended or thanked here: the space's other rooms (sections) show it too. */
  eventRun(eventId: string): void;
}

export interface HallDeps {
  repos: Pick<Repos, 'events' | 'questions' | 'floorTurns' | 'sanctions' | 'audit' | 'transaction'>;
  log: Logger;
  /** Words that send a question to the moderators flagged (never approved automatically). */
  flagWords: readonly string[];
  /** A keyed hash of a client address: address bans match it without storing the address. */
  hashAddress(address: string): string;
  /** The room's rate limits (server/domain/rateLimits.ts). */
  limits: Pick<RoomLimiters, 'reaction' | 'question' | 'vote'>;
}

/** Registers a client message with the room's choke point (rate limit, permissions, schema). */
export type Register = <T>(type: ClientMessage, schema: z.ZodType<T>, invalid: string,
  handler: (sessionId: string, occupant: Occupant, message: T) => void | Promise<void>) => void;

/** The event's other sections, as the floor sees them (server/rooms/roomStage.ts). */
export interface OtherSections {
  /** The other section where this person's hand is up or they stand on its stage or at its mic (room id, number, name). */
  whereIs(sessionId: string): { from: string; section: number; name: string } | undefined;
  /** The floor turn another section runs, if any. */
  floorElsewhere(): { name: string; section: number; from: string } | undefined;
  /** That section answered it started the turn called from here: known now, not at its next news. */
  floorCalled(from: string, section: number, floor: { holder: string; name: string; endsAt: number }): void;
  /**
   * Sends an order to the section (room id `order.to`, number `section`) that holds the person
   * or the turn: resolves with the sentence that section answered, or rejects with its refusal
   * (UNAVAILABLE when it did not answer in time).
   */
  ask(order: SectionOrderDraft, section: number): Promise<string>;
  /** This section's reactions since the last burst, for the others to add to theirs. */
  tellReactions(counts: Record<Reaction, number>): void;
}

/** State the town hall's parts share. */
export interface HallContext {
  /** The event's other sections (set once the room has joined their channel). */
  sections?: OtherSections;
  host: HallHost;
  deps: HallDeps;
  /** The event this hall shows (see EventStore.current). */
  event: Event | undefined;
  /** Identity keys muted in this space. */
  muted: Set<string>;
  seats: SeatPlan;
  floor: FloorTurn | null;
}

/** The identity key of whoever sits in a room connection (accounts across devices count once). */
export { identityKey } from '../domain/questions.js';

/** Writes an event (or none) into the hall's state; a field that did not change sends nothing. */
export function showEvent(view: EventState, event: Event | undefined): void {
  view.id = event?.id ?? '';
  view.title = event?.title ?? '';
  view.description = event?.description ?? '';
  view.state = event?.state ?? 'none';
  view.startsAt = event ? Date.parse(event.startsAt) : 0;
  view.startedAt = event?.startedAt ? Date.parse(event.startedAt) : 0;
  view.endedAt = event?.endedAt ? Date.parse(event.endedAt) : 0;
  view.thanks = event?.thanks ?? '';
}
