import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';
import type { Place } from './seats.js';

/** The floor-microphone turn in progress. */
export interface FloorTurn {
  turnId: string;
  sessionId: string;
  /** Where the holder goes back to: their seat if they had one, else where they stood. */
  returnTo: { seat: number } & Place;
}

/** However much time a moderator takes away, the holder keeps this long to finish. */
export const FLOOR_MIN_LEFT_MS = 5000;

/** The floor mic is used during a live event: its id, or a refusal. */
export function liveEventId(event: { id: string; state: string } | undefined): string {
  if (event?.state !== 'live') throw new Refusal(ErrorCode.CONFLICT, 'The floor microphone is used during a live event.');
  return event.id;
}

/** Whom a moderator may call to the floor: one person at a time, someone here, in a hall with a mic. */
export function checkCall(c: {
  floor: FloorTurn | null;
  holderName: string | undefined;
  target: { removed: boolean; connected: boolean } | undefined;
  hasMic: boolean;
}): void {
  if (c.floor) throw new Refusal(ErrorCode.CONFLICT, `${c.holderName ?? 'Someone'} has the floor; end their turn first.`);
  if (!c.target || c.target.removed || !c.target.connected) throw new Refusal(ErrorCode.NOT_FOUND, 'That person is not here.');
  if (!c.hasMic) throw new Refusal(ErrorCode.CONFLICT, 'This space has no floor microphone.');
}

/** A turn was being written while another started: the later one loses. */
export function checkStillFree(floor: FloorTurn | null): void {
  if (floor) throw new Refusal(ErrorCode.CONFLICT, 'Someone else was called to the floor just now.');
}

/** When a turn of `seconds` called at `now` ends. */
export function turnEndsAt(now: number, seconds: number): number {
  return now + seconds * 1000;
}

/** A moderator adds (or takes away) time: never less than FLOOR_MIN_LEFT_MS from now. */
export function extendedEndsAt(floor: FloorTurn | null, now: number, endsAt: number, seconds: number): number {
  if (!floor) throw new Refusal(ErrorCode.CONFLICT, 'Nobody has the floor.');
  return Math.max(now + FLOOR_MIN_LEFT_MS, endsAt + seconds * 1000);
}

/** Only the holder gives the mic back. */
export function checkRelease(floor: FloorTurn | null, sessionId: string): void {
  if (floor?.sessionId !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'You do not have the floor.');
}

/** The turn to end, or a refusal when nobody has the floor. */
export function turnToEnd(floor: FloorTurn | null): FloorTurn {
  if (!floor) throw new Refusal(ErrorCode.CONFLICT, 'Nobody has the floor.');
  return floor;
}

/** After a turn: back to the seat they left if it is still free, else to where they stood. */
export function returnPlace(returnTo: FloorTurn['returnTo'], seatFree: (seat: number) => boolean): { seat: number } | { place: Place } {
  if (returnTo.seat >= 0 && seatFree(returnTo.seat)) return { seat: returnTo.seat };
  return { place: { x: returnTo.x, z: returnTo.z, yaw: returnTo.yaw } };
}

/** Whether a turn is over at `now`. */
export function turnOver(floor: FloorTurn | null, endsAt: number, now: number): boolean {
  return floor !== null && endsAt <= now;
}

/** Who may speak to everyone now: the floor-mic holder, and staff standing on the stage. */
export function speakersOf(people: Iterable<{ id: string; connected: boolean; onStage: boolean; mayTakeStage: boolean }>, floor: FloorTurn | null): string[] {
  const out: string[] = [];
  for (const p of people) {
    if (!p.connected) continue;
    // Whether someone may take the stage is asked first: where a seated crowd of guests stands
    // is then never looked up, once a tick, for hundreds of people (the room passes getters).
    if (floor?.sessionId === p.id || (p.mayTakeStage && p.onStage)) out.push(p.id);
  }
  return out;
}

/** Hands close when the event ends: none go up after it (before it starts, they queue for it). */
export function handsOpen(eventState: string | undefined): boolean {
  return eventState !== 'ended';
}

/** Raising a hand: not while holding the floor, nor once the event has ended; each raise gets the next number in the queue. */
export function handAfter(hand: number, up: boolean, atMic: boolean, next: () => number, open = true): number {
  if (up && !open) throw new Refusal(ErrorCode.CONFLICT, 'The event has ended; hands are closed.');
  if (up && atMic) throw new Refusal(ErrorCode.CONFLICT, 'You already have the floor.');
  if (!up) return 0;
  return hand === 0 ? next() : hand;
}
