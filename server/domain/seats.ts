import { AVATAR_RADIUS } from '../../shared/constants.js';
import { isFree } from '../../shared/spaces/collision.js';
import type { Seat, SpaceLayout } from '../../shared/spaces/layout.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';

/**
 * Where someone who stands up from a seat is put: the nearest free spot on the seat's row
 * toward the aisles (either end), else the space's first spawn.
 */
export function standSpot(layout: SpaceLayout, seat: Seat): { x: number; z: number; yaw: number } {
  const candidates: { x: number; z: number }[] = [];
  for (let step = 0.5; step <= 16; step += 0.25) {
    candidates.push({ x: seat.x - Math.sign(seat.x || 1) * step, z: seat.z }, { x: seat.x + Math.sign(seat.x || 1) * step, z: seat.z });
  }
  candidates.sort((a, b) => Math.abs(a.x - seat.x) - Math.abs(b.x - seat.x));
  const free = candidates.find((p) => isFree(p, AVATAR_RADIUS, layout));
  if (free) return { ...free, yaw: seat.yaw };
  const spawn = layout.spawns[0]!;
  return { x: spawn.x, z: spawn.z, yaw: spawn.yaw };
}

/** A place to put an avatar (the room writes it to state and clears queued movement). */
export interface Place { x: number; z: number; yaw: number }

/** What the seat rules need to know about a person. */
export interface Sitter { seat: number; atMic: boolean }

/** Seated or at the floor mic: the server holds the avatar still whatever the client sends. */
export function holdsStill(p: Sitter): boolean {
  return p.seat >= 0 || p.atMic;
}

/**
 * Who sits where in one hall: a seat holds one person; sitting elsewhere frees the old seat;
 * nobody sits while holding the floor microphone.
 */
export class SeatPlan {
  /** Seat index -> session id of who sits there. */
  private readonly owners = new Map<number, string>();

  constructor(private readonly layout: SpaceLayout) {}

  isFree(index: number): boolean {
    return !this.owners.has(index);
  }

  /** Sits `sessionId` in seat `index` (the person's `seat` is updated); returns where to put them. */
  sit(sessionId: string, p: Sitter, index: number): Place {
    const seat = this.layout.seats[index];
    if (!seat) throw new Refusal(ErrorCode.NOT_FOUND, 'There is no such seat.');
    if (p.atMic) throw new Refusal(ErrorCode.CONFLICT, 'You are at the floor microphone; give it back first.');
    const owner = this.owners.get(index);
    if (owner !== undefined && owner !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'That seat is taken.');
    this.vacate(p);
    p.seat = index;
    this.owners.set(index, sessionId);
    return { x: seat.x, z: seat.z, yaw: seat.yaw };
  }

  /** Stands up (the person's `seat` becomes -1); null when they were not seated. */
  stand(p: Pick<Sitter, 'seat'>): Place | null {
    if (p.seat < 0) return null;
    const seat = this.layout.seats[p.seat]!;
    this.vacate(p);
    return standSpot(this.layout, seat);
  }

  /** Frees the person's seat (they left, or went to the floor mic). */
  vacate(p: Pick<Sitter, 'seat'>): void {
    if (p.seat >= 0) this.owners.delete(p.seat);
    p.seat = -1;
  }
}
