import { AVATAR_RADIUS } from '../constants.js';
import { isFree, rayDistance, stageAt, type Point } from './collision.js';
import type { SpaceLayout } from './layout.js';

/** The furthest one teleport may go (metres); further needs several. */
export const TELEPORT_MAX_DISTANCE = 10;
/** Walls and boxes at least this tall block a teleport's line of sight (benches do not). */
const SIGHT_BLOCK_HEIGHT = 1.2;

export type TeleportVerdict =
  | { ok: true }
  | { ok: false; reason: 'too-far' | 'blocked' | 'no-sight' | 'stage' };

/**
 * May an avatar standing at `from` teleport to `to`? The same rules as walking: the spot must
 * be free of walls and obstacles and inside the space, the stage only for those who may walk
 * onto it; and the way there must be in sight (no teleporting through a wall) and short.
 * Pure: the server decides with it, the client colours its floor marker with it.
 */
export function teleportVerdict(layout: SpaceLayout, from: Point, to: Point, onStage = false): TeleportVerdict {
  const dx = to.x - from.x;
  const dz = to.z - from.z;
  const distance = Math.hypot(dx, dz);
  if (distance > TELEPORT_MAX_DISTANCE) return { ok: false, reason: 'too-far' };
  const stage = stageAt(layout, to.x, to.z);
  if (stage && !onStage) return { ok: false, reason: 'stage' };
  // Those who may take the stage walk through its edge (as in stepAvatar): it is floor to them.
  const solid = onStage ? { ...layout, boxes: layout.boxes.filter((b) => b.kind !== 'stage') } : layout;
  if (!isFree(to, AVATAR_RADIUS, solid)) return { ok: false, reason: 'blocked' };
  if (distance > 1e-6) {
    const clear = rayDistance(solid, from.x, from.z, dx / distance, dz / distance, distance, SIGHT_BLOCK_HEIGHT);
    if (clear < distance - 1e-6) return { ok: false, reason: 'no-sight' };
  }
  return { ok: true };
}

/** What to tell a person whose teleport was refused. */
export const TELEPORT_REFUSALS: Record<Exclude<TeleportVerdict, { ok: true }>['reason'], string> = {
  'too-far': `You can teleport at most ${TELEPORT_MAX_DISTANCE} m at a time.`,
  blocked: 'There is no room to stand there.',
  'no-sight': 'You can only teleport to a spot you can see (not through a wall).',
  stage: 'Only hosts and moderators may go onto the stage.',
};
