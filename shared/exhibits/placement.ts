import { AVATAR_RADIUS } from '../constants.js';
import { isFree, portalAt, stageAt } from '../spaces/collision.js';
import type { SpaceLayout } from '../spaces/layout.js';

/** Someone placing an exhibit: where they stand and which way they face (avatar yaw: facing is (-sin yaw, -cos yaw)). */
export interface Placer { x: number; z: number; yaw: number }
/** An exhibit already there, as a circle round its footprint. */
export interface Placed { x: number; z: number; r: number }

/** Air between the curator's body and the nearest edge of the new exhibit (m). */
export const PLACE_GAP = 0.9;
/** Air between two exhibits' footprints (m). */
const EXHIBIT_GAP = 0.3;
/** A new exhibit stays within this angle of straight ahead, the middle of the view, clear of the side panels. */
export const PLACE_HALF_ANGLE = Math.PI / 6;
const FURTHER_M = [0, 0.5, 1, 1.5, 2, 3, 4];
const ASIDE_M = [0, 0.75, -0.75, 1.5, -1.5, 2.25, -2.25];

/** The circle round a footprint w x d (m): what must be free floor. */
export function footprintRadius(w: number, d: number): number {
  return Math.hypot(w, d) / 2;
}

/**
 * Where a new exhibit of footprint w x d goes: in front of the curator on free floor, never
 * inside their avatar (its nearest edge PLACE_GAP beyond their body), never in a wall, a
 * doorway, on the stage or on another exhibit, and within PLACE_HALF_ANGLE of straight ahead
 * (in the middle of their view). The nearest such spot, straight ahead first; turned to face
 * them. Null when there is no free floor in front of them.
 */
export function placeNewExhibit(layout: SpaceLayout, who: Placer, size: { w: number; d: number }, others: readonly Placed[]): { x: number; z: number; ry: number } | null {
  const r = footprintRadius(size.w, size.d);
  const ahead = { x: -Math.sin(who.yaw), z: -Math.cos(who.yaw) };
  const right = { x: Math.cos(who.yaw), z: -Math.sin(who.yaw) };
  const nearest = AVATAR_RADIUS + PLACE_GAP + r;
  for (const further of FURTHER_M) {
    const distance = nearest + further;
    for (const aside of ASIDE_M) {
      if (Math.abs(Math.atan2(aside, distance)) > PLACE_HALF_ANGLE) continue;
      const p = { x: who.x + ahead.x * distance + right.x * aside, z: who.z + ahead.z * distance + right.z * aside };
      if (!isFree(p, r, layout) || stageAt(layout, p.x, p.z) || portalAt(layout, p.x, p.z)) continue;
      if (others.some((o) => Math.hypot(o.x - p.x, o.z - p.z) < o.r + r + EXHIBIT_GAP)) continue;
      return { x: p.x, z: p.z, ry: who.yaw };
    }
  }
  return null;
}
