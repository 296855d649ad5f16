import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../constants.js';
import { getSpace } from '../spaces/catalog.js';
import { isFree } from '../spaces/collision.js';
import { footprintRadius, PLACE_GAP, PLACE_HALF_ANGLE, placeNewExhibit, type Placed } from './placement.js';

const hall = getSpace('hall-1')!;
/** Footprints (w x d) as client/scene/exhibits/stands.ts draws them: a panel and a twin. */
const PANEL = { w: 1.56, d: 0.1 };
const TWIN = { w: 2.4, d: 3.2 };
const forward = (yaw: number) => ({ x: -Math.sin(yaw), z: -Math.cos(yaw) });

function check(who: { x: number; z: number; yaw: number }, size: { w: number; d: number }, others: Placed[] = []) {
  const spot = placeNewExhibit(hall, who, size, others)!;
  expect(spot).not.toBeNull();
  const r = footprintRadius(size.w, size.d);
  const dx = spot.x - who.x;
  const dz = spot.z - who.z;
  // Never inside the curator: the footprint's nearest edge is a clear gap beyond their body.
  expect(Math.hypot(dx, dz) - r).toBeGreaterThanOrEqual(AVATAR_RADIUS + PLACE_GAP - 1e-9);
  // In front, in the middle of the view (not off to a side, under a panel).
  const f = forward(who.yaw);
  const angle = Math.acos((dx * f.x + dz * f.z) / Math.hypot(dx, dz));
  expect(angle).toBeLessThanOrEqual(PLACE_HALF_ANGLE + 1e-9);
  // On free floor, clear of the others, turned to face the curator.
  expect(isFree(spot, r, hall)).toBe(true);
  for (const o of others) expect(Math.hypot(o.x - spot.x, o.z - spot.z)).toBeGreaterThan(o.r + r);
  expect(spot.ry).toBe(who.yaw);
  return spot;
}

describe('placeNewExhibit', () => {
  it('puts a panel in front of a curator at the entrance, clear of their avatar', () => {
    const spawn = hall.spawns[0]!;
    check({ x: spawn.x, z: spawn.z, yaw: spawn.yaw }, PANEL);
  });

  it('puts a digital twin (3.2 m deep) far enough out that it never reaches the curator', () => {
    const spawn = hall.spawns[0]!;
    const spot = check({ x: spawn.x, z: spawn.z, yaw: spawn.yaw }, TWIN);
    expect(Math.hypot(spot.x - spawn.x, spot.z - spawn.z)).toBeGreaterThan(TWIN.d / 2 + AVATAR_RADIUS);
  });

  it('moves aside or further out when an exhibit already stands straight ahead', () => {
    const who = { x: -8, z: 0, yaw: -Math.PI / 2 };
    const first = check(who, PANEL);
    const second = check(who, PANEL, [{ x: first.x, z: first.z, r: footprintRadius(PANEL.w, PANEL.d) }]);
    expect(Math.hypot(second.x - first.x, second.z - first.z)).toBeGreaterThan(0.5);
  });

  it('has no spot when the curator faces a wall close up', () => {
    // Nose to the hall's east wall (x 12).
    expect(placeNewExhibit(hall, { x: 11.2, z: -14, yaw: -Math.PI / 2 }, TWIN, [])).toBeNull();
  });
});
