import { stageAt } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

/** Height of a chair's seat above the floor it stands on (the riser). */
export const CHAIR_SEAT = 0.45;
/** A standing avatar's height; a seated one's head is this far above the chair's seat. */
export const STANDING_HEIGHT = 1.82;
export const SITTING_HEAD = 1.0;

/** Where and how an avatar is drawn: on a seat, on a stage, or on the floor. */
export interface Placement {
  x: number;
  z: number;
  yaw: number;
  /** Height of what it stands or sits on (a riser, the stage), metres. */
  base: number;
  sitting: boolean;
  /** Height of the top of its head. */
  head: number;
}

export function newPlacement(): Placement {
  return { x: 0, z: 0, yaw: 0, base: 0, sitting: false, head: STANDING_HEIGHT };
}

/**
 * Seated avatars are drawn on their seat, facing where it faces; others where they are, lifted
 * onto a stage they stand on. Writes into `out` (no allocation per frame).
 */
export function placeOn(layout: SpaceLayout | null, seat: number, x: number, z: number, yaw: number, out: Placement): Placement {
  const s = seat >= 0 ? layout?.seats[seat] : undefined;
  if (s) {
    out.x = s.x;
    out.z = s.z;
    out.yaw = s.yaw;
    out.base = s.y;
    out.sitting = true;
    out.head = s.y + CHAIR_SEAT + SITTING_HEAD;
    return out;
  }
  out.x = x;
  out.z = z;
  out.yaw = yaw;
  out.base = layout ? stageAt(layout, x, z)?.h ?? 0 : 0;
  out.sitting = false;
  out.head = out.base + STANDING_HEIGHT;
  return out;
}
