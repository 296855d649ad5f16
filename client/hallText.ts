import type { HallEvent, HallFloor } from './state/hall.js';

/**
 * The town hall's words, shared by the stage screen and the overlays so both say the same
 * thing: countdowns, the event's state, who has the floor.
 */

/** "0:45", "12:04", "1:02:09" for a number of milliseconds (rounded up to the second). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const DAY_MS = 24 * 3600 * 1000;
const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** One short line for the event's state: "Starts in 12:04", "Live", "Ended". */
export function eventStatus(event: HallEvent, now: number): string {
  switch (event.state) {
    case 'scheduled': {
      const left = event.startsAt - now;
      if (event.startsAt <= 0 || left <= 0) return 'Starting soon';
      return left >= DAY_MS ? `Starts ${dateTime.format(event.startsAt)}` : `Starts in ${formatCountdown(left)}`;
    }
    case 'live':
      return 'Live';
    case 'ended':
      return 'Ended';
    case 'none':
      return 'No event scheduled';
  }
}

/** Seconds left in the floor-mic turn (0 when nobody holds it). */
export function floorLeft(floor: HallFloor, now: number): number {
  return floor.holder ? Math.max(0, floor.endsAt - now) : 0;
}

/** "Floor: Bea · 0:45", or '' when nobody holds the floor. */
export function floorLine(floor: HallFloor, now: number): string {
  if (!floor.holder) return '';
  return `Floor: ${floor.name} · ${formatCountdown(floorLeft(floor, now))}`;
}

/** "1 present", "12 present". */
export function presentLine(n: number): string {
  return `${n} present`;
}

/** Where an ended event's record is, as a path (the same as the server's recordPath). */
export function recordPath(eventId: string): string {
  return `/events/${encodeURIComponent(eventId)}`;
}

/** The record's address as people would type it: host and path, without the scheme. */
export function recordAddress(eventId: string, origin: string): string {
  return `${origin.replace(/^https?:\/\//, '')}${recordPath(eventId)}`;
}

/** What the stage screen says once the event has ended: the host's note (or a plain one), and where the record is. */
export function endedLines(event: Pick<HallEvent, 'id' | 'thanks'>, origin: string): { note: string; record: string } {
  return {
    note: event.thanks || 'This event has ended. Thank you for taking part.',
    record: `The record of questions, votes and floor turns: ${recordAddress(event.id, origin)}`,
  };
}
