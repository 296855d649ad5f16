import { AVATAR_RADIUS } from '../../shared/constants.js';
import { isFree } from '../../shared/spaces/collision.js';
import type { Seat, SpaceLayout } from '../../shared/spaces/layout.js';

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
