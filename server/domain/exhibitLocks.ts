import type { Transform } from '../../shared/exhibits/exhibit.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { Refusal } from './refusal.js';

/** Who holds an exhibit for a drag ('' when nobody). */
export interface ExhibitLock { lockedBy: string; lockedName: string }

/** How far outside the walls an exhibit may stand (a doorway set into a wall, say). */
export const BOUNDS_MARGIN = 1;

/** Nobody else may change an exhibit another curator is dragging. */
export function checkNotHeldByOther(lock: ExhibitLock | undefined, sessionId: string): void {
  if (lock && lock.lockedBy && lock.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, `${lock.lockedName} is moving this exhibit right now.`);
}

/** A drag in progress needs the lock first. */
export function checkMayDrag(lock: ExhibitLock, sessionId: string): void {
  if (lock.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'Grab the exhibit (lock it) before dragging it.');
}

/** Only the holder lets go. */
export function checkHolds(lock: ExhibitLock | undefined, sessionId: string): void {
  if (!lock || lock.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'You are not holding that exhibit.');
}

/** Take the lock (after checkNotHeldByOther). */
export function takeLock(lock: ExhibitLock, sessionId: string, name: string): void {
  lock.lockedBy = sessionId;
  lock.lockedName = name;
}

export function freeLock(lock: ExhibitLock): void {
  lock.lockedBy = '';
  lock.lockedName = '';
}

/** Exhibits stand inside the space (within BOUNDS_MARGIN of its bounds). */
export function checkInside(layout: Pick<SpaceLayout, 'bounds'>, t: Pick<Transform, 'x' | 'z'>): void {
  const b = layout.bounds;
  if (t.x < b.minX - BOUNDS_MARGIN || t.x > b.maxX + BOUNDS_MARGIN || t.z < b.minZ - BOUNDS_MARGIN || t.z > b.maxZ + BOUNDS_MARGIN) {
    throw new Refusal(ErrorCode.INVALID_INPUT, 'Exhibits must stand inside the space.');
  }
}
