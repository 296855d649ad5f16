import { ErrorCode } from '../../shared/protocol/errors.js';
import { handsOpen } from './floorMic.js';
import { Refusal } from './refusal.js';

/**
 * The end of an event: what closes (the floor turn, every raised hand; questions and votes
 * already close with openEventId), where the record is, and the host's closing note.
 */

/** What ending the event closes, given who holds the floor and whose hands are up. */
export function closingSteps(floorHeld: boolean, hands: Iterable<readonly [sessionId: string, hand: number]>): { endTurn: boolean; lowerHands: string[] } {
  const lowerHands: string[] = [];
  for (const [id, hand] of hands) if (hand > 0) lowerHands.push(id);
  return { endTurn: floorHeld, lowerHands };
}

/** The host's closing note: for a live event (shown once it ends) or one that has ended, never one not yet started. */
export function checkThanks(event: { state: string } | undefined): void {
  if (event?.state !== 'live' && event?.state !== 'ended') {
    throw new Refusal(ErrorCode.CONFLICT, 'A closing note is for an event that is live or has ended.');
  }
}

/** Once the event has ended, nothing more goes on the stage screen (the record is final); other moderation goes on. */
export function checkStageOpen(action: string, event: { state: string } | undefined): void {
  if (action === 'answer' && event?.state === 'ended') {
    throw new Refusal(ErrorCode.CONFLICT, 'The event has ended; nothing more goes on the stage screen.');
  }
}

/** What the host is told after setting the note. */
export function thanksAck(text: string, state: string): string {
  if (!text) return 'The closing note is taken down.';
  return state === 'ended' ? 'Your closing note is on the stage screen.' : 'Your closing note will show on the stage screen when the event ends.';
}

/** Where an event's public record is (the page; JSON and CSV are linked from it). */
export function recordPath(eventId: string): string {
  return `/events/${encodeURIComponent(eventId)}`;
}

/** What is still open at an event in this state: questions and votes, hands. */
export function openParts(event: { state: string } | undefined): { questions: boolean; hands: boolean } {
  return { questions: event !== undefined && event.state !== 'ended', hands: handsOpen(event?.state) };
}
